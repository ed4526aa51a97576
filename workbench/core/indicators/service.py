"""The indicator store's service: create, edit, record, import proposals, with an audit row for every change."""

from __future__ import annotations

import builtins
import datetime as dt
import json
import math
import secrets
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlite_utils

from db import documents as doc_store
from db import indicators as store
from workbench.core.events import Event, Unsubscribe
from workbench.core.indicators.progress import (
    AuditEntry,
    Comparison,
    Indicator,
    IndicatorChanges,
    IndicatorDraft,
    IndicatorError,
    IndicatorStatus,
    Observation,
    StatusReport,
    TrajectoryPoint,
    assess,
    parse_deadline,
    parse_period,
    trajectory,
)
from workbench.core.indicators.targets import (
    Comparator,
    TargetAttribute,
    TargetProposal,
    extract_targets,
    measure_key,
    parse_attribute,
)
from workbench.core.paths import RESOURCES_DIR

if TYPE_CHECKING:
    from workbench.core.corpus.library import Library


# --- the service -------------------------------------------------------------------


BUNDLED_TARGETS = RESOURCES_DIR / "indicators" / "bundled-targets.json"
_SEEDED_KEY = "bundled_targets_seeded"
# The source note of the observation an accepted target's base value becomes (基期值 of the plan).
BASE_NOTE = "规划基期值"

EDITABLE_FIELDS = (
    "name",
    "measure",
    "region",
    "unit",
    "comparator",
    "comparator_word",
    "target_low",
    "target_high",
    "baseline",
    "baseline_period",
    "deadline",
    "recurring",
    "attribute",
    "doc_id",
    "clause_id",
    "source_text",
)


def _now() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


def _number(value: Any, field_name: str) -> float:
    if isinstance(value, bool):
        raise IndicatorError("invalid_value", field_name, value)
    if isinstance(value, str):
        text = value.strip().replace(",", "").replace("，", "")
        try:
            value = float(text)
        except ValueError:
            raise IndicatorError("invalid_value", field_name, value) from None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise IndicatorError("invalid_value", field_name, value) from None
    if not math.isfinite(number):
        raise IndicatorError("invalid_value", field_name, value)
    return number


def _optional_number(value: Any, field_name: str) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return _number(value, field_name)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _validated(row: dict[str, Any]) -> dict[str, Any]:
    """Check and normalise an indicator row (plain Python values only)."""
    name = _text(row.get("name"))
    if name is None:
        raise IndicatorError("invalid_name", "name", row.get("name"))
    unit = _text(row.get("unit"))
    if unit is None:
        raise IndicatorError("invalid_unit", "unit", row.get("unit"))
    try:
        comparator = Comparator(str(row.get("comparator")))
    except ValueError:
        raise IndicatorError("invalid_comparator", "comparator", row.get("comparator")) from None
    low = _number(row.get("target_low"), "target_low")
    high = _optional_number(row.get("target_high"), "target_high")
    if high is not None and high < low:
        raise IndicatorError("invalid_range", "target_high", high)
    if comparator is Comparator.RANGE and high is None:
        raise IndicatorError("invalid_range", "target_high", None)
    if high is not None and comparator is not Comparator.RANGE:
        comparator = Comparator.RANGE
    baseline = _optional_number(row.get("baseline"), "baseline")
    baseline_period = row.get("baseline_period")
    try:
        baseline_period = parse_period(baseline_period).text if _text(baseline_period) else None
    except IndicatorError as exc:
        raise IndicatorError(exc.code, "baseline_period", baseline_period) from None
    if (baseline is None) != (baseline_period is None):
        raise IndicatorError(
            "baseline_incomplete", "baseline" if baseline is None else "baseline_period", baseline
        )
    recurring = bool(row.get("recurring"))
    deadline = None if recurring else parse_deadline(row.get("deadline"))
    region = _text(row.get("region"))
    try:
        attribute = parse_attribute(row.get("attribute"))
    except ValueError:
        raise IndicatorError("invalid_attribute", "attribute", row.get("attribute")) from None
    out = dict(row)
    out.update(
        name=name,
        unit=unit,
        comparator=comparator.value,
        comparator_word=_text(row.get("comparator_word")),
        target_low=low,
        target_high=high,
        baseline=baseline,
        baseline_period=baseline_period,
        deadline=deadline,
        recurring=int(recurring),
        attribute=None if attribute is None else attribute.value,
        region=region,
        measure=_text(row.get("measure")) or measure_key(name, region),
        doc_id=_text(row.get("doc_id")),
        clause_id=_text(row.get("clause_id")),
        source_text=_text(row.get("source_text")),
    )
    return out


def validate_fields(values: Mapping[str, Any]) -> dict[str, Any]:
    """The service's checks on indicator fields, for callers that validate before writing
    (table import); raises ``IndicatorError``, returns the normalised fields."""
    return _validated(dict(values))


def _indicator(row: Mapping[str, Any]) -> Indicator:
    return Indicator(
        id=row["id"],
        name=row["name"],
        measure=row["measure"],
        region=row["region"],
        unit=row["unit"],
        comparator=Comparator(row["comparator"]),
        comparator_word=row["comparator_word"],
        target_low=float(row["target_low"]),
        target_high=None if row["target_high"] is None else float(row["target_high"]),
        baseline=None if row["baseline"] is None else float(row["baseline"]),
        baseline_period=row["baseline_period"],
        deadline=row["deadline"],
        recurring=bool(row["recurring"]),
        doc_id=row["doc_id"],
        clause_id=row["clause_id"],
        source_text=row["source_text"],
        origin=row["origin"],
        proposal_key=row["proposal_key"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        attribute=None if row.get("attribute") is None else TargetAttribute(row["attribute"]),
    )


def _observation(row: Mapping[str, Any]) -> Observation:
    return Observation(
        row["indicator_id"],
        row["period"],
        float(row["value"]),
        row["source_note"],
        row["entered_by"],
        row["entered_at"],
    )


class IndicatorService:
    """Indicators, observations, proposals and status over the workbench's SQLite file."""

    def __init__(self, db: sqlite_utils.Database, library: Library | None = None) -> None:
        self.db = db
        self.library = library
        self.changed: Event[IndicatorChanges] = Event()

    # --- notifications ---------------------------------------------------------

    def subscribe(self, listener: Callable[[IndicatorChanges], None]) -> Unsubscribe:
        return self.changed.subscribe(listener)

    def _notify(self, changes: IndicatorChanges) -> None:
        self.changed.emit(changes)

    # --- queries -----------------------------------------------------------------

    def indicators(
        self,
        *,
        region: str | None = None,
        doc_id: str | None = None,
        attribute: TargetAttribute | None = None,
    ) -> builtins.list[Indicator]:
        return [
            _indicator(r)
            for r in store.list_indicators(
                self.db,
                region=region,
                doc_id=doc_id,
                attribute=None if attribute is None else attribute.value,
            )
        ]

    def get(self, indicator_id: str) -> Indicator | None:
        row = store.get_indicator(self.db, indicator_id)
        return None if row is None else _indicator(row)

    def _require(self, indicator_id: str) -> Indicator:
        found = self.get(indicator_id)
        if found is None:
            raise IndicatorError("unknown_indicator", "id", indicator_id)
        return found

    def observations(self, indicator_id: str) -> builtins.list[Observation]:
        """Observations of one indicator, oldest period first."""
        rows = [_observation(r) for r in store.observations_of(self.db, indicator_id)]
        return sorted(rows, key=lambda o: o.end)

    def status(self, indicator_id: str, as_of: dt.date | None = None) -> StatusReport:
        indicator = self._require(indicator_id)
        return assess(indicator, self.observations(indicator_id), as_of or dt.date.today())

    def list(
        self,
        as_of: dt.date | None = None,
        region: str | None = None,
        doc_id: str | None = None,
        status: IndicatorStatus | None = None,
        attribute: TargetAttribute | None = None,
    ) -> builtins.list[StatusReport]:
        """Every indicator (optionally of one region, document or attribute) with its status on ``as_of``
        (default today)."""
        as_of = as_of or dt.date.today()
        by_indicator: dict[str, builtins.list[Observation]] = {}
        for row in store.all_observations(self.db):
            by_indicator.setdefault(row["indicator_id"], []).append(_observation(row))
        reports = [
            assess(i, by_indicator.get(i.id, []), as_of)
            for i in self.indicators(region=region, doc_id=doc_id, attribute=attribute)
        ]
        return [r for r in reports if status is None or r.status is status]

    def trajectory(self, indicator: Indicator | str) -> builtins.list[TrajectoryPoint]:
        """The path to the target on time from the indicator's baseline (or first observation)."""
        found = self._require(indicator) if isinstance(indicator, str) else indicator
        return trajectory(found, self.observations(found.id))

    def targets_of_document(self, doc_id: str) -> builtins.list[Indicator]:
        """The indicators taken from one document, in the document's clause order."""
        found = self.indicators(doc_id=doc_id)
        order: dict[str, int] = {}
        if self.library is not None:
            detail = self.library.document(doc_id)
            if detail is not None:
                order = {c.id: c.ordinal for c in detail.clauses}
        return sorted(
            found, key=lambda i: (order.get(i.clause_id or "", 10**9), _proposal_offset(i.proposal_key), i.id)
        )

    def regions(self) -> builtins.list[str]:
        return sorted({i.region for i in self.indicators() if i.region})

    def comparable_measures(self) -> builtins.list[str]:
        """Measures set by more than one document or region (candidates for ``compare``)."""
        seen: dict[str, set[tuple[str | None, str | None]]] = {}
        for i in self.indicators():
            seen.setdefault(i.measure, set()).add((i.doc_id, i.region))
        return sorted(m for m, sources in seen.items() if len(sources) > 1)

    def compare(self, key: str | Sequence[str], as_of: dt.date | None = None) -> Comparison:
        """Like indicators side by side: give a measure key (产业规模 / 生物经济产业规模) or indicator ids."""
        as_of = as_of or dt.date.today()
        if isinstance(key, str):
            chosen = [i for i in self.indicators() if i.measure == key or i.measure == measure_key(key)]
            measure: str | None = key
        else:
            chosen = [self._require(i) for i in key]
            measures = {i.measure for i in chosen}
            measure = measures.pop() if len(measures) == 1 else None
        rows = tuple(
            sorted(
                (assess(i, self.observations(i.id), as_of) for i in chosen),
                key=lambda r: (r.indicator.region or "", r.indicator.deadline or "", r.indicator.id),
            )
        )
        units = {r.indicator.unit for r in rows}
        return Comparison(measure, units.pop() if len(units) == 1 else None, rows)

    def audit(self, entity_id: str | None = None) -> builtins.list[AuditEntry]:
        """The audit log, oldest first (of one indicator, or a proposal key, when given)."""
        return [AuditEntry(**r) for r in store.audit_rows(self.db, entity_id)]

    # --- changes -------------------------------------------------------------------

    def create(
        self,
        draft: IndicatorDraft,
        *,
        actor: str | None = None,
        origin: str = "manual",
        indicator_id: str | None = None,
        proposal_key: str | None = None,
        action: str = "create",
        base_observation: bool = False,
    ) -> Indicator:
        """Store a new indicator. With ``base_observation`` its baseline (基期值, when it has one)
        is also recorded as its first observation, in the same transaction, so that progress
        and status work from the day a plan is imported."""
        row = _validated({f.name: getattr(draft, f.name) for f in fields(draft)})
        now = _now()
        row.update(
            id=indicator_id or f"ind-{secrets.token_hex(5)}",
            origin=origin,
            proposal_key=proposal_key,
            created_at=now,
            updated_at=now,
        )
        with doc_store.transaction(self.db):
            store.insert_indicator(self.db, row)
            store.write_audit(
                self.db,
                at=now,
                actor=actor,
                entity="indicator",
                entity_id=row["id"],
                action=action,
                before=None,
                after=row,
            )
            if base_observation and row["baseline"] is not None and row["baseline_period"] is not None:
                self._record(
                    row["id"],
                    row["baseline_period"],
                    row["baseline"],
                    note=BASE_NOTE,
                    by=actor,
                    replace=False,
                )
        self._notify(
            IndicatorChanges(
                frozenset({row["id"]}), frozenset({row["doc_id"]}) if row["doc_id"] else frozenset()
            )
        )
        return _indicator(row)

    def edit(self, indicator_id: str, changes: Mapping[str, Any], *, actor: str | None = None) -> Indicator:
        """Change some fields of an indicator; the audit keeps the row before and after."""
        for key in changes:
            if key not in EDITABLE_FIELDS:
                raise IndicatorError("unknown_field", key, changes[key])
        before = store.get_indicator(self.db, indicator_id)
        if before is None:
            raise IndicatorError("unknown_indicator", "id", indicator_id)
        merged = dict(before)
        merged.update(changes)
        if (
            "name" in changes
            and "measure" not in changes
            and before["measure"] == measure_key(before["name"], before["region"])
        ):
            merged["measure"] = None  # a measure derived from the old name follows the new one
        if isinstance(merged.get("comparator"), Comparator):
            merged["comparator"] = merged["comparator"].value
        after = _validated(merged)
        if {k: after[k] for k in EDITABLE_FIELDS} == {k: before[k] for k in EDITABLE_FIELDS}:
            return _indicator(before)
        after["updated_at"] = _now()
        with doc_store.transaction(self.db):
            store.update_indicator(
                self.db, indicator_id, {k: after[k] for k in (*EDITABLE_FIELDS, "updated_at")}
            )
            store.write_audit(
                self.db,
                at=str(after["updated_at"]),
                actor=actor,
                entity="indicator",
                entity_id=indicator_id,
                action="edit",
                before=before,
                after=after,
            )
        self._notify(IndicatorChanges(frozenset({indicator_id})))
        return _indicator(after)

    def delete(self, indicator_id: str, *, actor: str | None = None) -> bool:
        """Delete an indicator and its observations (both kept in the audit)."""
        before = store.get_indicator(self.db, indicator_id)
        if before is None:
            return False
        observations = store.observations_of(self.db, indicator_id)
        with doc_store.transaction(self.db):
            store.delete_indicator(self.db, indicator_id)
            store.write_audit(
                self.db,
                at=_now(),
                actor=actor,
                entity="indicator",
                entity_id=indicator_id,
                action="delete",
                before={**before, "observations": observations},
                after=None,
            )
        self._notify(
            IndicatorChanges(
                frozenset({indicator_id}), frozenset({before["doc_id"]}) if before["doc_id"] else frozenset()
            )
        )
        return True

    def record(
        self,
        indicator_id: str,
        period: Any,
        value: Any,
        *,
        note: str | None = None,
        by: str | None = None,
        replace: bool = False,
    ) -> Observation:
        """Record the value achieved in ``period``. A period that already has a value
        is refused (``observation_exists``) unless ``replace``; a replacement is audited
        with the old value."""
        self._require(indicator_id)
        with doc_store.transaction(self.db):
            observation = self._record(indicator_id, period, value, note=note, by=by, replace=replace)
        self._notify(IndicatorChanges(frozenset({indicator_id})))
        return observation

    def _record(
        self,
        indicator_id: str,
        period: Any,
        value: Any,
        *,
        note: str | None,
        by: str | None,
        replace: bool,
        action: str | None = None,
    ) -> Observation:
        text = parse_period(period).text
        number = _number(value, "value")
        before = store.get_observation(self.db, indicator_id, text)
        if before is not None and not replace:
            raise IndicatorError("observation_exists", "period", text)
        row = {
            "indicator_id": indicator_id,
            "period": text,
            "value": number,
            "source_note": _text(note),
            "entered_by": _text(by),
            "entered_at": _now(),
        }
        store.upsert_observation(self.db, row)
        store.write_audit(
            self.db,
            at=str(row["entered_at"]),
            actor=_text(by),
            entity="observation",
            entity_id=indicator_id,
            action=action or ("replace" if before else "record"),
            before=before,
            after=row,
        )
        return _observation(row)

    def delete_observation(self, indicator_id: str, period: str, *, actor: str | None = None) -> None:
        text = parse_period(period).text
        before = store.get_observation(self.db, indicator_id, text)
        if before is None:
            raise IndicatorError("no_observation", "period", text)
        with doc_store.transaction(self.db):
            store.delete_observation(self.db, indicator_id, text)
            store.write_audit(
                self.db,
                at=_now(),
                actor=actor,
                entity="observation",
                entity_id=indicator_id,
                action="delete_observation",
                before=before,
                after=None,
            )
        self._notify(IndicatorChanges(frozenset({indicator_id})))

    def record_many(
        self, rows: Iterable[Mapping[str, Any]], *, by: str | None = None, replace: bool = False
    ) -> builtins.list[Observation]:
        """Record several observations in one transaction: all of them, or (on any error) none."""
        done: builtins.list[Observation] = []
        with doc_store.transaction(self.db):
            for r in rows:
                if self.get(str(r["indicator_id"])) is None:
                    raise IndicatorError("unknown_indicator", "indicator_id", r["indicator_id"])
                done.append(
                    self._record(
                        str(r["indicator_id"]),
                        r["period"],
                        r["value"],
                        note=r.get("source_note"),
                        by=r.get("entered_by") or by,
                        replace=replace,
                    )
                )
        self._notify(IndicatorChanges(frozenset(o.indicator_id for o in done)))
        return done

    # --- proposals -------------------------------------------------------------------

    def extract(self, doc_id: str) -> builtins.list[TargetProposal]:
        """Every target the document's text proposes (accepted and rejected ones included)."""
        if self.library is None:
            raise IndicatorError("unknown_document", "doc_id", doc_id)
        detail = self.library.document(doc_id)
        if detail is None:
            raise IndicatorError("unknown_document", "doc_id", doc_id)
        return extract_targets(detail)

    def proposals(self, doc_id: str) -> builtins.list[TargetProposal]:
        """Targets proposed by the document that were neither accepted nor rejected yet."""
        found = self.extract(doc_id)
        decided = store.accepted_keys(self.db, doc_id) | store.rejected_keys(self.db, doc_id)
        return [p for p in found if p.key not in decided]

    def accept(
        self, proposal: TargetProposal, edits: Mapping[str, Any] | None = None, *, actor: str | None = None
    ) -> Indicator:
        """Make an indicator of a proposal, with the person's corrections in ``edits``."""
        self._undecided(proposal)
        values: dict[str, Any] = dict(
            name=proposal.name,
            unit=proposal.unit,
            comparator=proposal.comparator,
            target_low=proposal.target_low,
            target_high=proposal.target_high,
            deadline=proposal.deadline,
            recurring=proposal.recurring,
            region=proposal.region,
            doc_id=proposal.doc_id,
            clause_id=proposal.clause_id,
            source_text=proposal.sentence,
            comparator_word=proposal.comparator_word,
            measure=proposal.measure if not edits or "name" not in edits else None,
            attribute=proposal.attribute,
            baseline=proposal.base_value if proposal.base_period else None,
            baseline_period=proposal.base_period if proposal.base_value is not None else None,
        )
        for key, value in (edits or {}).items():
            if key not in EDITABLE_FIELDS:
                raise IndicatorError("unknown_field", key, value)
            values[key] = value
        if isinstance(values["comparator"], str):
            try:
                values["comparator"] = Comparator(values["comparator"])
            except ValueError:
                raise IndicatorError("invalid_comparator", "comparator", values["comparator"]) from None
        return self.create(
            IndicatorDraft(**values),
            actor=actor,
            origin="extracted",
            proposal_key=proposal.key,
            action="accept",
            base_observation=True,
        )

    def reject(self, proposal: TargetProposal, *, actor: str | None = None) -> None:
        """Mark a proposal as not a target; it is not proposed again."""
        self._undecided(proposal)
        now = _now()
        data = proposal.to_json()
        with doc_store.transaction(self.db):
            store.insert_rejection(
                self.db,
                {
                    "proposal_key": proposal.key,
                    "doc_id": proposal.doc_id,
                    "rejected_at": now,
                    "rejected_by": actor,
                    "data": json.dumps(data, ensure_ascii=False),
                },
            )
            store.write_audit(
                self.db,
                at=now,
                actor=actor,
                entity="proposal",
                entity_id=proposal.key,
                action="reject",
                before=data,
                after=None,
            )
        self._notify(IndicatorChanges(documents=frozenset({proposal.doc_id})))

    def _undecided(self, proposal: TargetProposal) -> None:
        if proposal.key in store.accepted_keys(self.db, proposal.doc_id) | store.rejected_keys(
            self.db, proposal.doc_id
        ):
            raise IndicatorError("already_decided", "key", proposal.key)

    # --- bundled targets -----------------------------------------------------------------

    def seed_bundled(self, path: Path = BUNDLED_TARGETS) -> int:
        """On first start, load the reviewed targets of the bundled plans (once only: an
        indicator the user deleted stays deleted). Targets of documents not in the
        library are skipped. Returns how many were loaded."""
        if doc_store.get_meta(self.db, _SEEDED_KEY):
            return 0
        data = json.loads(path.read_text(encoding="utf-8"))
        known_docs = {r["id"]: r for r in doc_store.list_documents(self.db)}
        loaded: builtins.list[str] = []
        now = _now()
        with doc_store.transaction(self.db):
            for t in data["targets"]:
                doc = known_docs.get(t["doc_id"])
                if doc is None or doc_store.get_clause(self.db, t["clause_id"]) is None:
                    continue
                row = _validated(
                    {
                        **{k: t.get(k) for k in EDITABLE_FIELDS},
                        "region": doc["region"],
                        "source_text": t["quote"],
                    }
                )
                row.update(
                    id=t["id"],
                    origin="bundled",
                    proposal_key=t.get("proposal_key"),
                    created_at=now,
                    updated_at=now,
                )
                store.insert_indicator(self.db, row)
                store.write_audit(
                    self.db,
                    at=now,
                    actor="bundled",
                    entity="indicator",
                    entity_id=row["id"],
                    action="create",
                    before=None,
                    after=row,
                )
                loaded.append(row["id"])
            for r in data.get("not_targets", []):
                if r["doc_id"] in known_docs:
                    store.insert_rejection(
                        self.db,
                        {
                            "proposal_key": r["key"],
                            "doc_id": r["doc_id"],
                            "rejected_at": now,
                            "rejected_by": "bundled",
                            "data": json.dumps(r, ensure_ascii=False),
                        },
                    )
            doc_store.set_meta(self.db, _SEEDED_KEY, now)
        if loaded:
            self._notify(IndicatorChanges(frozenset(loaded)))
        return len(loaded)


def _proposal_offset(key: str | None) -> int:
    if key and "@" in key:
        tail = key.rsplit("@", 1)[1]
        if tail.isdigit():
            return int(tail)
    return 0
