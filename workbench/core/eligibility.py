"""Subsidy eligibility: policy rules as data files, read by a small engine.

A rules file (``resources/rules/*.json``, format described in
``resources/rules/README.md``) lists a policy's award items and its global rules
(who may apply, validity, a per-entity annual cap, non-stacking, mutually
exclusive items), each citing a clause id and quoting the clause text it rests
on. Nothing policy-specific lives in this module: adding another policy means
adding a data file.

An ``Application`` (an organisation's profile, its answers, its claims: one per
project or product under one award item) is evaluated against a ``RuleSet``
into an ``Evaluation``: a three-state result per item and claim, the reason of
every condition with its citation, amounts, totals per year before and after
the cap, and an ordered trace of every step.

Amounts are integers in 元 (yuan) everywhere: in rules files, application
files and results.

Words: the engine returns reason *codes* with parameters. ``REASON_TEXT`` is
the one Chinese phrasing table (used by the CLI and the exporters; the UI
passes the same templates through Qt's translator, context ``"eligibility"``);
``describe(code, params)`` fills a template. Every ``TraceStep`` also carries
its Chinese ``text`` already filled in, so a dossier can print the trace as is.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from workbench.core.validity import add_years, last_day_of_term

RULES_DIR = Path(__file__).resolve().parents[2] / "resources" / "rules"
RULES_FORMAT = "workbench.rules"
RULES_FORMAT_VERSION = 1
APPLICATION_FORMAT = "workbench.application"
APPLICATION_VERSION = 1


# --------------------------------------------------------------------------- rules


class ItemKind(StrEnum):
    MONEY = "money"  # an award or subsidy in 元; counts toward totals and the cap
    FINANCING = "financing"  # guarantee, credit enhancement: never money in a total
    NON_MONETARY = "non_monetary"  # fast-track, catalogue listing and the like


class AmountType(StrEnum):
    UP_TO = "up_to"  # one-time, at most ``max``
    PER_YEAR = "per_year"  # ``per_year`` each year for ``years`` consecutive years
    SHARE_OF_BASE = "share_of_base"  # a share of a base (e.g. the actual investment), at most ``max``
    UNSPECIFIED = "unspecified"  # money, but the policy names no amount
    FINANCING_LIMIT = "financing_limit"  # a financing ceiling (not money paid)
    NONE = "none"


class ConditionKind(StrEnum):
    ANSWER = "answer"  # yes / no / unknown, answered by the applicant
    FIELD_IN = "field_in"  # a profile/claim field (or any element of a list field) is one of ``values``
    FIELD_PRESENT = "field_present"  # a profile/claim field is filled in
    DATE_IN_VALIDITY = "date_in_validity"  # a date field lies within the policy's term


@dataclass(frozen=True, slots=True)
class Citation:
    """A clause id (``doc:path``) and the exact text quoted from that clause."""

    clause_id: str
    quote: str

    def to_json(self) -> dict[str, str]:
        return {"clause_id": self.clause_id, "quote": self.quote}


@dataclass(frozen=True, slots=True)
class Condition:
    id: str
    kind: ConditionKind
    text: str  # the condition as the policy puts it (Chinese, from the rules file)
    citation: Citation
    field: str | None = None  # "profile.<key>" or "claim.<attribute>"
    values: tuple[str, ...] = ()
    evidence: str | None = None  # what proves it; None when no evidence is asked for
    multiple: bool = False  # FIELD_IN on a list field (several values may be chosen)


@dataclass(frozen=True, slots=True)
class Amount:
    """What an item pays, in 元 (integers)."""

    type: AmountType
    max: int | None = None  # UP_TO, SHARE_OF_BASE
    per_year: int | None = None  # PER_YEAR
    years: int = 1  # PER_YEAR
    limit: int | None = None  # FINANCING_LIMIT
    base_label: str | None = None  # SHARE_OF_BASE: what the base is, e.g. 实际投资额

    @property
    def ceiling(self) -> int | None:
        """The most this item can pay one claim over all years (None: no money amount)."""
        if self.type is AmountType.PER_YEAR:
            return (self.per_year or 0) * self.years
        if self.type in (AmountType.UP_TO, AmountType.SHARE_OF_BASE):
            return self.max
        return None


@dataclass(frozen=True, slots=True)
class Fund:
    name: str
    citation: Citation
    when: str | None = None  # a claim answer key that selects this fund instead of the default
    text: str | None = None  # the question for ``when``


@dataclass(frozen=True, slots=True)
class AwardItem:
    """One award or support of a policy."""

    id: str
    clause_id: str
    quote: str
    title: str
    kind: ItemKind
    amount: Amount
    conditions: tuple[Condition, ...]
    event: str | None = None  # what the claim's event date is (获批日期, 注册批件日期, …)
    fund: Fund | None = None
    fund_alternatives: tuple[Fund, ...] = ()

    @property
    def citation(self) -> Citation:
        return Citation(self.clause_id, self.quote)

    @property
    def answer_keys(self) -> set[str]:
        return {c.id for c in self.conditions if c.kind is ConditionKind.ANSWER} | {f.when for f in self.fund_alternatives if f.when}


@dataclass(frozen=True, slots=True)
class Validity:
    issued: dt.date
    years: int
    citation: Citation

    @property
    def valid_until(self) -> dt.date:
        return last_day_of_term(self.issued, self.years)


@dataclass(frozen=True, slots=True)
class AnnualCap:
    amount: int  # 元 per entity per calendar year
    per: str
    citation: Citation


@dataclass(frozen=True, slots=True)
class ExclusiveRule:
    """Claims for one project under more than one of ``items`` are refused (e.g. one device class)."""

    id: str
    items: tuple[str, ...]
    citation: Citation
    text: str  # the rule as a condition, e.g. 一个产品只按一个类别申报


@dataclass(frozen=True, slots=True)
class RuleSet:
    id: str
    doc_id: str
    title: str
    doc_number: str | None
    validity: Validity
    scope_citation: Citation
    scope: tuple[Condition, ...]
    annual_cap: AnnualCap | None
    non_stacking: Citation | None
    exclusive: tuple[ExclusiveRule, ...]
    items: tuple[AwardItem, ...]
    source: Path | None = None

    def item(self, item_id: str) -> AwardItem | None:
        return next((i for i in self.items if i.id == item_id), None)

    def citations(self) -> list[Citation]:
        """Every citation in the rules (for checking quotes against the library)."""
        out = [self.validity.citation, self.scope_citation, *(c.citation for c in self.scope)]
        if self.annual_cap:
            out.append(self.annual_cap.citation)
        if self.non_stacking:
            out.append(self.non_stacking)
        out += [e.citation for e in self.exclusive]
        for item in self.items:
            out.append(item.citation)
            out += [c.citation for c in item.conditions]
            out += [f.citation for f in ((item.fund,) if item.fund else ()) + item.fund_alternatives]
        return out


class RulesError(ValueError):
    """A rules file that cannot be used: ``field`` names the offending place."""

    def __init__(self, source: str, field: str, problem: str) -> None:
        super().__init__(f"{source}: {field}: {problem}")
        self.source, self.field, self.problem = source, field, problem


def load_rules(path: Path) -> RuleSet:
    """Read and validate a rules file; ``RulesError`` names the bad field."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RulesError(str(path), "(file)", f"not a readable JSON file ({exc})") from None
    return dataclasses.replace(parse_rules(data, source=str(path)), source=Path(path))


def parse_rules(data: Any, *, source: str = "<rules>") -> RuleSet:
    r = _RulesReader(source)
    top = r.obj(data, "")
    if top.get("format") != RULES_FORMAT:
        raise RulesError(source, "format", f"expected {RULES_FORMAT!r}")
    if top.get("format_version") != RULES_FORMAT_VERSION:
        raise RulesError(source, "format_version", f"expected {RULES_FORMAT_VERSION}")
    doc_id = r.text(top, "doc_id", "")
    validity_data = r.obj(top.get("validity"), "validity")
    validity = Validity(
        r.date(validity_data, "issued", "validity"),
        r.positive(validity_data, "years", "validity"),
        r.citation(validity_data, "validity"),
    )
    scope_data = r.obj(top.get("scope"), "scope")
    scope_citation = r.citation(scope_data, "scope")
    scope = tuple(r.condition(c, f"scope.conditions[{i}]", scope_citation.clause_id) for i, c in enumerate(r.items(scope_data, "conditions", "scope")))
    cap = None
    if top.get("annual_cap") is not None:
        cap_data = r.obj(top["annual_cap"], "annual_cap")
        cap = AnnualCap(r.positive(cap_data, "amount", "annual_cap"), r.text(cap_data, "per", "annual_cap"), r.citation(cap_data, "annual_cap"))
    non_stacking = r.citation(r.obj(top["non_stacking"], "non_stacking"), "non_stacking") if top.get("non_stacking") is not None else None
    items: list[AwardItem] = []
    for i, raw in enumerate(r.items(top, "items", "")):
        items.append(r.item(raw, f"items[{i}]"))
    ids = [item.id for item in items]
    for i, item_id in enumerate(ids):
        if ids.index(item_id) != i:
            raise RulesError(source, f"items[{i}].id", f"duplicate item id {item_id!r}")
    exclusive: list[ExclusiveRule] = []
    for i, raw in enumerate(top.get("exclusive") or []):
        where = f"exclusive[{i}]"
        ex = r.obj(raw, where)
        members = tuple(r.text_list(ex, "items", where))
        for m in members:
            if m not in ids:
                raise RulesError(source, f"{where}.items", f"unknown item id {m!r}")
        exclusive.append(ExclusiveRule(r.text(ex, "id", where), members, r.citation(ex, where), r.text(ex, "text", where)))
    return RuleSet(
        id=r.text(top, "id", ""),
        doc_id=doc_id,
        title=r.text(top, "title", ""),
        doc_number=top.get("doc_number"),
        validity=validity,
        scope_citation=scope_citation,
        scope=scope,
        annual_cap=cap,
        non_stacking=non_stacking,
        exclusive=tuple(exclusive),
        items=tuple(items),
    )


class _RulesReader:
    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, problem: str) -> RulesError:
        return RulesError(self.source, where, problem)

    @staticmethod
    def _at(parent: str, key: str) -> str:
        return f"{parent}.{key}" if parent else key

    def obj(self, value: Any, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where or "(top)", "expected an object")
        return value

    def items(self, data: Mapping[str, Any], key: str, parent: str) -> list[Any]:
        value = data.get(key)
        if not isinstance(value, list):
            raise self.fail(self._at(parent, key), "expected a list")
        return value

    def text(self, data: Mapping[str, Any], key: str, parent: str) -> str:
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(self._at(parent, key), "expected a non-empty string")
        return value

    def text_list(self, data: Mapping[str, Any], key: str, parent: str) -> list[str]:
        values = self.items(data, key, parent)
        if not values or not all(isinstance(v, str) and v for v in values):
            raise self.fail(self._at(parent, key), "expected a non-empty list of strings")
        return values

    def positive(self, data: Mapping[str, Any], key: str, parent: str) -> int:
        value = data.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            raise self.fail(self._at(parent, key), "expected a positive integer")
        return value

    def date(self, data: Mapping[str, Any], key: str, parent: str) -> dt.date:
        try:
            return dt.date.fromisoformat(self.text(data, key, parent))
        except ValueError:
            raise self.fail(self._at(parent, key), "expected a date YYYY-MM-DD") from None

    def citation(self, data: Mapping[str, Any], where: str, clause_id: str | None = None) -> Citation:
        cid = data.get("clause_id", clause_id)
        if not isinstance(cid, str) or ":" not in cid:
            raise self.fail(self._at(where, "clause_id"), "expected a clause id like doc:一/（四）")
        return Citation(cid, self.text(data, "quote", where))

    def condition(self, raw: Any, where: str, clause_id: str) -> Condition:
        data = self.obj(raw, where)
        try:
            kind = ConditionKind(str(data.get("kind")))
        except ValueError:
            raise self.fail(f"{where}.kind", f"unknown condition kind {data.get('kind')!r}") from None
        fld = data.get("field")
        if kind is not ConditionKind.ANSWER:
            fld = self.text(data, "field", where)
            if not fld.startswith(("profile.", "claim.")) or fld.startswith("claim.") and fld.split(".", 1)[1] not in _CLAIM_FIELDS:
                raise self.fail(f"{where}.field", f"expected profile.<key> or one of {sorted('claim.' + f for f in _CLAIM_FIELDS)}")
        values = tuple(self.text_list(data, "values", where)) if kind is ConditionKind.FIELD_IN else ()
        return Condition(
            id=self.text(data, "id", where),
            kind=kind,
            text=self.text(data, "text", where),
            citation=self.citation(data, where, clause_id),
            field=fld,
            values=values,
            evidence=data.get("evidence"),
            multiple=bool(data.get("multiple", False)),
        )

    def amount(self, raw: Any, where: str, kind: ItemKind) -> Amount:
        if raw is None:
            if kind is ItemKind.MONEY:
                raise self.fail(where, "a money item needs an amount")
            return Amount(AmountType.NONE)
        data = self.obj(raw, where)
        try:
            atype = AmountType(str(data.get("type")))
        except ValueError:
            raise self.fail(f"{where}.type", f"unknown amount type {data.get('type')!r}") from None
        money_types = {AmountType.UP_TO, AmountType.PER_YEAR, AmountType.SHARE_OF_BASE, AmountType.UNSPECIFIED}
        if (kind is ItemKind.MONEY) != (atype in money_types):
            raise self.fail(f"{where}.type", f"amount type {atype.value!r} does not fit a {kind.value} item")
        if atype is AmountType.PER_YEAR:
            return Amount(atype, per_year=self.positive(data, "per_year", where), years=self.positive(data, "years", where))
        if atype in (AmountType.UP_TO, AmountType.SHARE_OF_BASE):
            return Amount(atype, max=self.positive(data, "max", where), base_label=data.get("base_label"))
        if atype is AmountType.FINANCING_LIMIT:
            return Amount(atype, limit=self.positive(data, "limit", where))
        return Amount(atype)

    def fund(self, raw: Any, where: str, clause_id: str) -> Fund:
        data = self.obj(raw, where)
        return Fund(self.text(data, "name", where), self.citation(data, where, clause_id), data.get("when"), data.get("text"))

    def item(self, raw: Any, where: str) -> AwardItem:
        data = self.obj(raw, where)
        try:
            kind = ItemKind(str(data.get("kind")))
        except ValueError:
            raise self.fail(f"{where}.kind", f"unknown item kind {data.get('kind')!r}") from None
        citation = self.citation(data, where)
        conditions = tuple(self.condition(c, f"{where}.conditions[{i}]", citation.clause_id) for i, c in enumerate(self.items(data, "conditions", where)))
        cids = [c.id for c in conditions]
        if len(set(cids)) != len(cids):
            raise self.fail(f"{where}.conditions", "duplicate condition id")
        alternatives = tuple(self.fund(f, f"{where}.fund_alternatives[{i}]", citation.clause_id) for i, f in enumerate(data.get("fund_alternatives") or []))
        for i, alt in enumerate(alternatives):
            if not alt.when:
                raise self.fail(f"{where}.fund_alternatives[{i}].when", "expected the answer key that selects this fund")
        return AwardItem(
            id=self.text(data, "id", where),
            clause_id=citation.clause_id,
            quote=citation.quote,
            title=self.text(data, "title", where),
            kind=kind,
            amount=self.amount(data.get("amount"), f"{where}.amount", kind),
            conditions=conditions,
            event=data.get("event"),
            fund=self.fund(data["fund"], f"{where}.fund", citation.clause_id) if data.get("fund") else None,
            fund_alternatives=alternatives,
        )


def bundled_rules(rules_dir: Path = RULES_DIR) -> list[RuleSet]:
    """Every rules file shipped in ``resources/rules`` (a broken one raises: it is a bug)."""
    return [load_rules(p) for p in sorted(rules_dir.glob("*.json"))]


def rules_by_id(rules_id: str, rules_dir: Path = RULES_DIR) -> RuleSet | None:
    return next((r for r in bundled_rules(rules_dir) if r.id == rules_id), None)


def rules_for_document(doc_id: str, rules_dir: Path = RULES_DIR) -> RuleSet | None:
    """The rules that rest on document ``doc_id``, if a rules file exists for it."""
    return next((r for r in bundled_rules(rules_dir) if r.doc_id == doc_id), None)


def check_quotes(rules: RuleSet, clause_text: Callable[[str], str | None]) -> list[tuple[Citation, str]]:
    """Citations whose clause is unknown (``"unknown_clause"``) or whose quote is not in the
    clause's text (``"quote_not_in_clause"``); ``clause_text`` looks a clause id up."""
    problems: list[tuple[Citation, str]] = []
    for citation in rules.citations():
        text = clause_text(citation.clause_id)
        if text is None:
            problems.append((citation, "unknown_clause"))
        elif citation.quote not in text:
            problems.append((citation, "quote_not_in_clause"))
    return problems


# ---------------------------------------------------------------------- applications

Answer = bool | None  # None: not known yet
_CLAIM_FIELDS = {"event_date", "base_amount", "requested_amount", "project", "title"}


@dataclass(frozen=True, slots=True)
class OtherClaim:
    """The same project claimed (or awarded) under another policy."""

    policy: str
    amount: int  # 元


@dataclass(frozen=True, slots=True)
class Claim:
    """One project or product claimed under one award item."""

    id: str
    item: str  # award item id
    title: str = ""
    project: str | None = None  # the project/product key: the same key under two items is one project
    event_date: dt.date | None = None  # the qualifying event (approval, recognition, investment)
    requested_amount: int | None = None  # 元; the counted amount is at most this
    base_amount: int | None = None  # 元; the base of a share (e.g. the actual investment)
    included: bool = True  # what-if: an excluded claim is shown but counts nothing
    answers: Mapping[str, Answer] = field(default_factory=dict)
    other_claims: tuple[OtherClaim, ...] = ()


@dataclass(frozen=True, slots=True)
class Application:
    """What the applicant states. ``profile`` keys are free (province, city, entity_type,
    activities, name, credit_code, …); rules refer to them as ``profile.<key>``."""

    rules_id: str
    name: str = ""
    as_of: dt.date | None = None
    profile: Mapping[str, Any] = field(default_factory=dict)
    answers: Mapping[str, Answer] = field(default_factory=dict)  # answers to the scope conditions
    claims: tuple[Claim, ...] = ()
    notes: Mapping[str, str] = field(default_factory=dict)  # evidence notes by evidence key

    def claim(self, claim_id: str) -> Claim | None:
        return next((c for c in self.claims if c.id == claim_id), None)


class ApplicationFileError(ValueError):
    """An application file or payload that is refused. ``field`` is a path such as
    ``claims[1].event_date``; ``code`` one of: not_json, not_object, wrong_format,
    wrong_version, missing_field, wrong_type, negative_amount, bad_date, unknown_rules,
    unknown_item, unknown_answer, duplicate_id; ``value`` the offending value."""

    def __init__(self, field: str, code: str, value: Any = None) -> None:
        self.field, self.code, self.value = field, code, value
        super().__init__(describe(f"file.{code}", {"field": field, "value": value}))


def parse_application_text(text: str | bytes, rules_lookup: Callable[[str], RuleSet | None] = rules_by_id) -> Application:
    """Parse a JSON application file's contents strictly; ``ApplicationFileError`` names the field."""
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ApplicationFileError("(file)", "not_json", str(exc)) from None
    return parse_application(data, rules_lookup)


def load_application_file(path: Path, rules_lookup: Callable[[str], RuleSet | None] = rules_by_id) -> Application:
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise ApplicationFileError("(file)", "unreadable", str(exc)) from None
    return parse_application_text(raw, rules_lookup)


def parse_application(data: Any, rules_lookup: Callable[[str], RuleSet | None] = rules_by_id) -> Application:
    """Validate a decoded application (the JSON file format, version 1) against its rules."""
    if not isinstance(data, dict):
        raise ApplicationFileError("(top)", "not_object")
    if data.get("format") != APPLICATION_FORMAT:
        raise ApplicationFileError("format", "wrong_format" if "format" in data else "missing_field", data.get("format"))
    if "version" not in data:
        raise ApplicationFileError("version", "missing_field")
    if data["version"] != APPLICATION_VERSION:
        raise ApplicationFileError("version", "wrong_version", data["version"])
    rules_id = _req(data, "rules", str, "")
    rules = rules_lookup(rules_id)
    if rules is None:
        raise ApplicationFileError("rules", "unknown_rules", rules_id)
    profile = _req(data, "profile", dict, "")
    answers = _answers(data.get("answers", {}), "answers", {c.id for c in rules.scope if c.kind is ConditionKind.ANSWER})
    raw_claims = _req(data, "claims", list, "")
    claims: list[Claim] = []
    seen: set[str] = set()
    for i, raw in enumerate(raw_claims):
        where = f"claims[{i}]"
        if not isinstance(raw, dict):
            raise ApplicationFileError(where, "wrong_type", raw)
        claim_id = _req(raw, "id", str, where)
        if claim_id in seen:
            raise ApplicationFileError(f"{where}.id", "duplicate_id", claim_id)
        seen.add(claim_id)
        item_id = _req(raw, "item", str, where)
        item = rules.item(item_id)
        if item is None:
            raise ApplicationFileError(f"{where}.item", "unknown_item", item_id)
        others = []
        for j, other in enumerate(_opt(raw, "other_claims", list, where) or []):
            ow = f"{where}.other_claims[{j}]"
            if not isinstance(other, dict):
                raise ApplicationFileError(ow, "wrong_type", other)
            amount = _amount(other, "amount", ow, required=True)
            assert amount is not None
            others.append(OtherClaim(_req(other, "policy", str, ow), amount))
        included = _opt(raw, "included", bool, where)
        claims.append(
            Claim(
                id=claim_id,
                item=item_id,
                title=_opt(raw, "title", str, where) or "",
                project=_opt(raw, "project", str, where) or None,
                event_date=_date(raw, "event_date", where),
                requested_amount=_amount(raw, "requested_amount", where),
                base_amount=_amount(raw, "base_amount", where),
                included=True if included is None else included,
                answers=_answers(raw.get("answers", {}), f"{where}.answers", item.answer_keys),
                other_claims=tuple(others),
            )
        )
    notes = _opt(data, "evidence", dict, "") or {}
    note_map: dict[str, str] = {}
    for key, value in notes.items():
        if not isinstance(value, dict) or not isinstance(value.get("note", ""), str):
            raise ApplicationFileError(f"evidence.{key}", "wrong_type", value)
        if value.get("note"):
            note_map[key] = value["note"]
    return Application(
        rules_id=rules_id,
        name=_opt(data, "name", str, "") or "",
        as_of=_date(data, "as_of", ""),
        profile=dict(profile),
        answers=answers,
        claims=tuple(claims),
        notes=note_map,
    )


def application_to_json(app: Application, evidence_files: Mapping[str, list[dict[str, Any]]] | None = None) -> dict[str, Any]:
    """The application file (format version 1); ``evidence_files`` adds file records by key."""
    keys = sorted(set(app.notes) | set(evidence_files or {}))
    evidence: dict[str, Any] = {}
    for key in keys:
        entry: dict[str, Any] = {"note": app.notes.get(key, "")}
        if evidence_files and evidence_files.get(key):
            entry["files"] = evidence_files[key]
        evidence[key] = entry
    return {
        "format": APPLICATION_FORMAT,
        "version": APPLICATION_VERSION,
        "rules": app.rules_id,
        "name": app.name,
        "as_of": app.as_of.isoformat() if app.as_of else None,
        "profile": dict(app.profile),
        "answers": dict(app.answers),
        "claims": [
            {
                "id": c.id,
                "item": c.item,
                "title": c.title,
                "project": c.project,
                "event_date": c.event_date.isoformat() if c.event_date else None,
                "requested_amount": c.requested_amount,
                "base_amount": c.base_amount,
                "included": c.included,
                "answers": dict(c.answers),
                "other_claims": [{"policy": o.policy, "amount": o.amount} for o in c.other_claims],
            }
            for c in app.claims
        ],
        "evidence": evidence,
    }


def _req(data: Mapping[str, Any], key: str, typ: type, parent: str) -> Any:
    where = f"{parent}.{key}" if parent else key
    if key not in data or data[key] is None:
        raise ApplicationFileError(where, "missing_field")
    if not isinstance(data[key], typ) or typ is not bool and isinstance(data[key], bool):
        raise ApplicationFileError(where, "wrong_type", data[key])
    if typ is str and not data[key].strip():
        raise ApplicationFileError(where, "missing_field")
    return data[key]


def _opt(data: Mapping[str, Any], key: str, typ: type, parent: str) -> Any:
    if data.get(key) is None:
        return None
    return _req(data, key, typ, parent)


def _date(data: Mapping[str, Any], key: str, parent: str) -> dt.date | None:
    where = f"{parent}.{key}" if parent else key
    value = data.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ApplicationFileError(where, "bad_date", value)
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ApplicationFileError(where, "bad_date", value) from None


def _amount(data: Mapping[str, Any], key: str, parent: str, *, required: bool = False) -> int | None:
    where = f"{parent}.{key}" if parent else key
    value = data.get(key)
    if value is None:
        if required:
            raise ApplicationFileError(where, "missing_field")
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        raise ApplicationFileError(where, "wrong_type", value)
    if value < 0:
        raise ApplicationFileError(where, "negative_amount", value)
    return value


def _answers(raw: Any, where: str, allowed: set[str]) -> dict[str, Answer]:
    if not isinstance(raw, dict):
        raise ApplicationFileError(where, "wrong_type", raw)
    out: dict[str, Answer] = {}
    for key, value in raw.items():
        if key not in allowed:
            raise ApplicationFileError(f"{where}.{key}", "unknown_answer", key)
        if value is not None and not isinstance(value, bool):
            raise ApplicationFileError(f"{where}.{key}", "wrong_type", value)
        out[key] = value
    return out


# ------------------------------------------------------------------------ results


class State(StrEnum):
    ELIGIBLE = "eligible"  # 符合
    INELIGIBLE = "ineligible"  # 不符合
    NEEDS_INFO = "needs_info"  # 待补充


STATE_TEXT = {State.ELIGIBLE: "符合", State.INELIGIBLE: "不符合", State.NEEDS_INFO: "待补充"}


@dataclass(frozen=True, slots=True)
class ConditionResult:
    """One condition of one item (or claim): ``reason`` is a code in ``REASON_TEXT``."""

    id: str  # "scope.<id>", "validity.in_force", "exclusive.<id>" or the item's condition id
    text: str
    state: State
    reason: str
    params: Mapping[str, Any]
    citation: Citation
    evidence_key: str | None = None  # where notes/files for this condition are kept
    evidence: str | None = None  # what the rules ask as evidence

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "state": self.state.value,
            "reason": self.reason,
            "reason_text": describe(self.reason, self.params),
            "params": _jsonable(self.params),
            "citation": self.citation.to_json(),
            "evidence_key": self.evidence_key,
            "evidence": self.evidence,
        }


@dataclass(frozen=True, slots=True)
class Note:
    """An adjustment to a claim's counted amount (non-stacking, what-if, term end …)."""

    code: str
    params: Mapping[str, Any]
    citation: Citation | None = None

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "text": describe(self.code, self.params), "params": _jsonable(self.params), "citation": self.citation.to_json() if self.citation else None}


@dataclass(slots=True)
class ItemResult:
    """One award item for one claim (``claim`` None: the item was not claimed; its
    conditions then show what would be needed).

    ``max_amount``: the most the item could pay this claim (元, all years; None when the
    item pays no money amount). ``per_year``: that maximum by calendar year (instalments
    after the policy's term are left out). ``amount``/``counted_per_year``: what enters
    the totals (0 unless eligible, included, and not counted elsewhere)."""

    item: AwardItem
    claim: Claim | None
    state: State
    conditions: list[ConditionResult]
    max_amount: int | None
    per_year: dict[int, int]
    amount: int = 0
    counted_per_year: dict[int, int] = field(default_factory=dict)
    financing_limit: int | None = None
    fund: Fund | None = None
    notes: list[Note] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.item.id}/{self.claim.id}" if self.claim else self.item.id

    def to_json(self) -> dict[str, Any]:
        return {
            "item": self.item.id,
            "title": self.item.title,
            "kind": self.item.kind.value,
            "clause_id": self.item.clause_id,
            "quote": self.item.quote,
            "claim": self.claim.id if self.claim else None,
            "claim_title": self.claim.title if self.claim else None,
            "state": self.state.value,
            "state_text": STATE_TEXT[self.state],
            "conditions": [c.to_json() for c in self.conditions],
            "max_amount": self.max_amount,
            "per_year": {str(y): a for y, a in sorted(self.per_year.items())},
            "amount": self.amount,
            "counted_per_year": {str(y): a for y, a in sorted(self.counted_per_year.items())},
            "financing_limit": self.financing_limit,
            "fund": {"name": self.fund.name, "citation": self.fund.citation.to_json()} if self.fund else None,
            "notes": [n.to_json() for n in self.notes],
        }


@dataclass(frozen=True, slots=True)
class YearTotal:
    """Money for one calendar year, in 元. ``pending``: the most that claims still
    待补充 could add that year (not in ``before_cap``)."""

    year: int
    before_cap: int
    after_cap: int
    cap: int | None
    cap_applied: bool
    cap_citation: Citation | None
    pending: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "before_cap": self.before_cap,
            "after_cap": self.after_cap,
            "cap": self.cap,
            "cap_applied": self.cap_applied,
            "cap_citation": self.cap_citation.to_json() if self.cap_applied and self.cap_citation else None,
            "pending": self.pending,
        }


@dataclass(frozen=True, slots=True)
class TraceStep:
    """One step of the evaluation, in order: ``code`` and ``params`` for machines, ``text``
    (Chinese, from ``REASON_TEXT``) for people; ``subject`` the item/claim key or None."""

    code: str
    params: Mapping[str, Any]
    text: str
    citation: Citation | None = None
    subject: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "subject": self.subject, "text": self.text, "params": _jsonable(self.params), "citation": self.citation.to_json() if self.citation else None}


class PolicyStatus(StrEnum):
    NOT_YET = "not_yet_in_force"
    IN_FORCE = "in_force"
    EXPIRED = "expired"


@dataclass(slots=True)
class Evaluation:
    rules: RuleSet
    application: Application
    as_of: dt.date
    policy_status: PolicyStatus
    scope_state: State
    scope: list[ConditionResult]
    items: list[ItemResult]
    totals: list[YearTotal]  # by year, ascending
    trace: list[TraceStep]

    @property
    def total_before_cap(self) -> int:
        return sum(t.before_cap for t in self.totals)

    @property
    def total_after_cap(self) -> int:
        return sum(t.after_cap for t in self.totals)

    def item_results(self, item_id: str) -> list[ItemResult]:
        return [r for r in self.items if r.item.id == item_id]

    def result_for_claim(self, claim_id: str) -> ItemResult | None:
        return next((r for r in self.items if r.claim and r.claim.id == claim_id), None)

    def to_json(self) -> dict[str, Any]:
        return {
            "rules": self.rules.id,
            "doc_id": self.rules.doc_id,
            "doc_number": self.rules.doc_number,
            "application": self.application.name,
            "as_of": self.as_of.isoformat(),
            "policy_status": self.policy_status.value,
            "valid_from": self.rules.validity.issued.isoformat(),
            "valid_until": self.rules.validity.valid_until.isoformat(),
            "scope_state": self.scope_state.value,
            "scope": [c.to_json() for c in self.scope],
            "items": [r.to_json() for r in self.items],
            "totals": {
                "by_year": [t.to_json() for t in self.totals],
                "before_cap": self.total_before_cap,
                "after_cap": self.total_after_cap,
            },
            "trace": [s.to_json() for s in self.trace],
        }


# -------------------------------------------------------------------------- words

# The one Chinese phrasing table: condition reasons, notes, trace steps, file errors.
REASON_TEXT: dict[str, str] = {
    # condition reasons
    "answered_yes": "申请人确认：是",
    "answered_no": "申请人答复：否",
    "unanswered": "尚未答复，需补充",
    "value_allowed": "所填为“{value}”，符合要求",
    "value_not_allowed": "所填为“{value}”，不在“{allowed}”之列",
    "value_missing": "尚未填写，需补充",
    "value_present": "已填写：{value}",
    "date_in_term": "日期 {date} 在有效期（{valid_from} 至 {valid_until}）内",
    "date_before_issue": "日期 {date} 早于印发实施日 {valid_from}",
    "date_after_expiry": "日期 {date} 晚于有效期届满日 {valid_until}",
    "date_missing": "尚未填写日期，需补充",
    "policy_in_force": "评估日 {as_of} 政策现行有效（{valid_from} 至 {valid_until}）",
    "policy_not_yet_in_force": "评估日 {as_of} 政策尚未印发实施（{valid_from} 起实施），其下不能支付任何奖补",
    "policy_expired": "评估日 {as_of} 政策已于 {valid_until} 期满失效，其下不能支付任何奖补",
    "outside_scope": "不在适用范围内：未满足“{failed}”",
    "scope_unknown": "适用范围尚待确认：“{unknown}”",
    "scope_met": "申请单位在适用范围内",
    "conflicting_claims": "同一产品“{project}”同时按“{items}”申报，一个产品只能属于一个类别",
    "no_conflict": "未与其他类别重复申报",
    # notes on amounts
    "excluded_by_user": "已在试算中排除，不计入合计",
    "requested_below_max": "申请金额 {requested}，低于上限 {max}，按申请金额计",
    "requested_above_max": "申请金额 {requested}超过上限 {max}，按上限计",
    "share_capped_by_base": "按实际投资额的一定比例补助，不超过实际投资额 {base}",
    "instalment_after_expiry": "第 {n} 年（{date}）已超出有效期（至 {valid_until}），不予计算",
    "superseded_by_other_policy": "同一项目已按“{policy}”获得或申报 {other}，从优就高不重复：按较高者计，本项不再计入",
    "counted_here_over_other": "同一项目另按“{policy}”申报 {other}，从优就高不重复：按本项 {amount}计，另一项不应重复享受",
    "duplicate_project_lower": "同一项目“{project}”已按“{other_item}”计入较高金额，从优就高不重复，本项不再计入",
    "amount_not_fixed": "政策未规定金额，按相关政策执行，不计入合计",
    "financing_not_money": "属融资支持（额度上限 {limit}），不是奖补资金，不计入合计",
    "financing_no_limit": "属融资支持，不是奖补资金，不计入合计",
    "non_monetary": "属非资金支持，不计入合计",
    "fund_selected": "资金来源：{fund}",
    # trace
    "trace.start": "按《{title}》（{doc_number}）评估“{application}”，评估日 {as_of}",
    "trace.policy": "政策效力：{status_text}",
    "trace.scope": "适用范围：{state_text}",
    "trace.item": "“{item}”{claim}：{state_text}",
    "trace.condition": "　条件“{condition}”：{reason_text}",
    "trace.amount": "　最高 {max}，计入 {amount}",
    "trace.note": "　{note_text}",
    "trace.year": "{year} 年：合计 {before}，适用上限后 {after}",
    "trace.cap": "{year} 年合计 {before}，超过每个单位每年 {cap}的上限，按 {cap}计",
    # the conditions every item carries
    "cond.validity": "评估日在政策有效期内",
    "cond.scope": "申请单位在适用范围内",
    "trace.total": "合计（各年适用上限后）：{after}；适用上限前：{before}",
    # application file problems
    "file.not_json": "不是有效的 JSON 文件：{value}",
    "file.unreadable": "文件无法读取：{value}",
    "file.not_object": "文件内容应为一个 JSON 对象",
    "file.wrong_format": "字段 {field}：不是申报文件（format 应为 workbench.application），实为 {value!r}",
    "file.wrong_version": "字段 {field}：不支持的版本 {value!r}（本程序支持版本 1）",
    "file.missing_field": "缺少必填字段 {field}",
    "file.wrong_type": "字段 {field}：类型不对（{value!r}）",
    "file.negative_amount": "字段 {field}：金额不能为负数（{value}）",
    "file.bad_date": "字段 {field}：不是有效日期 {value!r}（应为 YYYY-MM-DD）",
    "file.unknown_rules": "字段 {field}：未知的政策规则 {value!r}",
    "file.unknown_item": "字段 {field}：未知的奖补事项 {value!r}",
    "file.unknown_answer": "字段 {field}：未知的条件 {value!r}",
    "file.duplicate_id": "字段 {field}：编号 {value!r} 重复",
}

STATUS_TEXT = {PolicyStatus.NOT_YET: "尚未实施", PolicyStatus.IN_FORCE: "现行有效", PolicyStatus.EXPIRED: "已失效"}


class _SafeParams(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


# Parameters that are amounts in 元: ``describe`` writes them with ``format_yuan``.
AMOUNT_PARAMS = frozenset({"requested", "max", "base", "other", "amount", "limit", "before", "after", "cap"})


def format_yuan(amount: int | None) -> str:
    """5000000 → 500万元, 1234567 → 1,234,567元 (None → —)."""
    if amount is None:
        return "—"
    if amount and amount % 10_000 == 0:
        return f"{amount // 10_000}万元"
    return f"{amount:,}元"


def describe(code: str, params: Mapping[str, Any] | None = None, table: Mapping[str, str] | None = None) -> str:
    """Fill the Chinese template for ``code`` (``table`` lets the UI pass translated templates);
    amount parameters are written with ``format_yuan``."""
    template = (table or REASON_TEXT).get(code, code)
    shown = {k: (format_yuan(v) if k in AMOUNT_PARAMS and isinstance(v, int) and not isinstance(v, bool) else v) for k, v in (params or {}).items()}
    try:
        return template.format_map(_SafeParams(shown))
    except (ValueError, IndexError):
        return template


def _jsonable(params: Mapping[str, Any]) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in params.items()}


# ---------------------------------------------------------------------- the engine


def evaluate_application(rules: RuleSet, application: Application, as_of: dt.date | None = None) -> Evaluation:
    """Evaluate ``application`` under ``rules`` on ``as_of`` (default: the application's
    evaluation date, else today). Pure: reads nothing, writes nothing."""
    day = as_of or application.as_of or dt.date.today()
    return _Evaluator(rules, application, day).run()


class _Evaluator:
    def __init__(self, rules: RuleSet, app: Application, as_of: dt.date) -> None:
        self.rules, self.app, self.as_of = rules, app, as_of
        self.trace: list[TraceStep] = []
        self.valid_from = rules.validity.issued
        self.valid_until = rules.validity.valid_until

    def step(self, code: str, params: Mapping[str, Any], citation: Citation | None = None, subject: str | None = None) -> None:
        self.trace.append(TraceStep(code, dict(params), describe(code, params), citation, subject))

    def run(self) -> Evaluation:
        rules = self.rules
        self.step("trace.start", {"title": rules.title, "doc_number": rules.doc_number or "", "application": self.app.name, "as_of": self.as_of})
        status, in_force = self._policy_status()
        self.step("trace.policy", {"status": status.value, "status_text": describe(in_force.reason, in_force.params)}, in_force.citation)
        scope = [self._scope_condition(c) for c in rules.scope]
        scope_state = _combine(c.state for c in scope)
        self.step("trace.scope", {"state": scope_state.value, "state_text": STATE_TEXT[scope_state]}, rules.scope_citation)
        for c in scope:
            self.step("trace.condition", {"condition": c.text, "reason_text": describe(c.reason, c.params)}, c.citation, "scope")
        scope_summary = self._scope_summary(scope, scope_state)
        conflicts = self._conflicts()
        results: list[ItemResult] = []
        for item in rules.items:
            claims: list[Claim | None] = [c for c in self.app.claims if c.item == item.id]
            for claim in claims or [None]:
                results.append(self._item(item, claim, [in_force, scope_summary], conflicts))
        self._non_stacking(results)
        for r in results:
            self._trace_item(r)
        totals = self._totals(results)
        return Evaluation(rules, self.app, self.as_of, status, scope_state, scope, results, totals, self.trace)

    # -- global conditions

    def _params(self) -> dict[str, Any]:
        return {"as_of": self.as_of, "valid_from": self.valid_from, "valid_until": self.valid_until}

    def _policy_status(self) -> tuple[PolicyStatus, ConditionResult]:
        citation = self.rules.validity.citation
        if self.as_of < self.valid_from:
            status, state, reason = PolicyStatus.NOT_YET, State.INELIGIBLE, "policy_not_yet_in_force"
        elif self.as_of > self.valid_until:
            status, state, reason = PolicyStatus.EXPIRED, State.INELIGIBLE, "policy_expired"
        else:
            status, state, reason = PolicyStatus.IN_FORCE, State.ELIGIBLE, "policy_in_force"
        return status, ConditionResult("validity.in_force", describe("cond.validity"), state, reason, self._params(), citation)

    def _scope_condition(self, cond: Condition) -> ConditionResult:
        return self._condition(cond, None, f"scope.{cond.id}", f"profile:{cond.id}")

    def _scope_summary(self, scope: list[ConditionResult], state: State) -> ConditionResult:
        failed = "、".join(c.text for c in scope if c.state is State.INELIGIBLE)
        unknown = "、".join(c.text for c in scope if c.state is State.NEEDS_INFO)
        reason = {State.ELIGIBLE: "scope_met", State.INELIGIBLE: "outside_scope", State.NEEDS_INFO: "scope_unknown"}[state]
        return ConditionResult("scope", describe("cond.scope"), state, reason, {"failed": failed, "unknown": unknown}, self.rules.scope_citation)

    def _conflicts(self) -> dict[str, tuple[ExclusiveRule, str, list[str]]]:
        """Claim id → (rule, project, the items the project is claimed under) for refused claims."""
        out: dict[str, tuple[ExclusiveRule, str, list[str]]] = {}
        for rule in self.rules.exclusive:
            by_project: dict[str, list[Claim]] = {}
            for claim in self.app.claims:
                if claim.item in rule.items and claim.project:
                    by_project.setdefault(claim.project, []).append(claim)
            for project, claims in by_project.items():
                items = sorted({c.item for c in claims}, key=rule.items.index)
                if len(items) > 1:
                    titles = [self.rules.item(i).title for i in items]  # type: ignore[union-attr]
                    for c in claims:
                        out[c.id] = (rule, project, titles)
        return out

    # -- one item

    def _condition(self, cond: Condition, claim: Claim | None, cid: str, evidence_key: str) -> ConditionResult:
        params: dict[str, Any] = {}
        if cond.kind is ConditionKind.ANSWER:
            answers = self.app.answers if claim is None and cid.startswith("scope.") else (claim.answers if claim else {})
            value = answers.get(cond.id)
            state, reason = {True: (State.ELIGIBLE, "answered_yes"), False: (State.INELIGIBLE, "answered_no"), None: (State.NEEDS_INFO, "unanswered")}[value]
        else:
            value = self._field(cond.field or "", claim)
            empty = value is None or value == "" or value == [] or value == ()
            if cond.kind is ConditionKind.FIELD_PRESENT:
                state, reason = (State.NEEDS_INFO, "value_missing") if empty else (State.ELIGIBLE, "value_present")
                params = {"value": value}
            elif cond.kind is ConditionKind.FIELD_IN:
                shown = "、".join(map(str, value)) if isinstance(value, list | tuple) else value
                params = {"value": shown, "allowed": "、".join(cond.values)}
                if empty:
                    state, reason = State.NEEDS_INFO, "value_missing"
                else:
                    candidates = value if isinstance(value, list | tuple) else [value]
                    ok = any(str(v).strip() in cond.values for v in candidates)
                    state, reason = (State.ELIGIBLE, "value_allowed") if ok else (State.INELIGIBLE, "value_not_allowed")
            else:  # DATE_IN_VALIDITY
                params = {"date": value, **self._params()}
                if empty or not isinstance(value, dt.date):
                    state, reason = State.NEEDS_INFO, "date_missing"
                elif value < self.valid_from:
                    state, reason = State.INELIGIBLE, "date_before_issue"
                elif value > self.valid_until:
                    state, reason = State.INELIGIBLE, "date_after_expiry"
                else:
                    state, reason = State.ELIGIBLE, "date_in_term"
        return ConditionResult(cid, cond.text, state, reason, params, cond.citation, evidence_key, cond.evidence)

    def _field(self, path: str, claim: Claim | None) -> Any:
        scope, _, key = path.partition(".")
        if scope == "profile":
            return self.app.profile.get(key)
        return getattr(claim, key, None) if claim else None

    def _item(self, item: AwardItem, claim: Claim | None, global_conditions: list[ConditionResult], conflicts: dict[str, tuple[ExclusiveRule, str, list[str]]]) -> ItemResult:
        prefix = claim.id if claim else item.id
        conditions = list(global_conditions)
        conditions += [self._condition(c, claim, c.id, f"{prefix}:{c.id}") for c in item.conditions]
        if claim and claim.id in conflicts:
            rule, project, titles = conflicts[claim.id]
            conditions.append(ConditionResult(f"exclusive.{rule.id}", rule.text, State.INELIGIBLE, "conflicting_claims", {"project": project, "items": "”“".join(titles)}, rule.citation))
        state = _combine(c.state for c in conditions)
        result = ItemResult(item, claim, state, conditions, None, {})
        result.fund = self._fund(item, claim)
        amount = item.amount
        if item.kind is ItemKind.FINANCING:
            result.financing_limit = amount.limit
            result.notes.append(Note("financing_not_money" if amount.limit else "financing_no_limit", {"limit": amount.limit}))
        elif item.kind is ItemKind.NON_MONETARY:
            result.notes.append(Note("non_monetary", {}))
        elif amount.type is AmountType.UNSPECIFIED:
            result.notes.append(Note("amount_not_fixed", {}))
        else:
            self._money(result, claim)
        return result

    def _fund(self, item: AwardItem, claim: Claim | None) -> Fund | None:
        if claim:
            for alt in item.fund_alternatives:
                if alt.when and claim.answers.get(alt.when) is True:
                    return alt
        return item.fund

    def _money(self, result: ItemResult, claim: Claim | None) -> None:
        amount = result.item.amount
        start = claim.event_date if claim and claim.event_date else None
        year0 = start.year if start else self.as_of.year
        if amount.type is AmountType.PER_YEAR:
            per = amount.per_year or 0
            # Without a date (an unclaimed item, or a claim not yet dated) the schedule starts
            # on the evaluation date: near expiry, fewer instalments fit in the term then too.
            first = start or self.as_of
            for n in range(amount.years):
                when = add_years(first, n)
                if when > self.valid_until:
                    result.notes.append(Note("instalment_after_expiry", {"n": n + 1, "date": when, "valid_until": self.valid_until}, self.rules.validity.citation))
                    continue
                result.per_year[when.year] = per
        else:
            top = amount.max or 0
            if amount.type is AmountType.SHARE_OF_BASE and claim and claim.base_amount is not None and claim.base_amount < top:
                top = claim.base_amount
                result.notes.append(Note("share_capped_by_base", {"base": claim.base_amount}, result.item.citation))
            result.per_year[year0] = top
        result.max_amount = sum(result.per_year.values())
        schedule = dict(result.per_year)
        if claim and claim.requested_amount is not None and claim.requested_amount < result.max_amount:
            result.notes.append(Note("requested_below_max", {"requested": claim.requested_amount, "max": result.max_amount}))
            _scale_to(schedule, claim.requested_amount)
        elif claim and claim.requested_amount is not None and claim.requested_amount > result.max_amount:
            result.notes.append(Note("requested_above_max", {"requested": claim.requested_amount, "max": result.max_amount}, result.item.citation))
        if result.state is State.ELIGIBLE and claim is not None:
            if claim.included:
                result.counted_per_year = {y: v for y, v in schedule.items() if v}
            else:
                result.notes.append(Note("excluded_by_user", {}))
        result.amount = sum(result.counted_per_year.values())

    # -- 从优、就高、不重复

    def _non_stacking(self, results: list[ItemResult]) -> None:
        citation = self.rules.non_stacking
        if citation is None:
            return
        counted = [r for r in results if r.amount > 0 and r.claim]
        for r in counted:
            assert r.claim is not None
            if not r.claim.other_claims:
                continue
            best = max(r.claim.other_claims, key=lambda o: o.amount)
            if best.amount > r.amount:
                r.notes.append(Note("superseded_by_other_policy", {"policy": best.policy, "other": best.amount}, citation))
                r.counted_per_year, r.amount = {}, 0
            else:
                r.notes.append(Note("counted_here_over_other", {"policy": best.policy, "other": best.amount, "amount": r.amount}, citation))
        by_project: dict[str, list[ItemResult]] = {}
        for r in results:
            if r.amount > 0 and r.claim and r.claim.project:
                by_project.setdefault(r.claim.project, []).append(r)
        for project, group in by_project.items():
            if len(group) < 2:
                continue
            keep = max(group, key=lambda r: r.amount)  # first of the highest: ties keep document order
            for r in group:
                if r is not keep:
                    r.notes.append(Note("duplicate_project_lower", {"project": project, "other_item": keep.item.title}, citation))
                    r.counted_per_year, r.amount = {}, 0

    # -- totals and trace

    def _trace_item(self, r: ItemResult) -> None:
        claim = f"（{r.claim.title or r.claim.id}）" if r.claim else "（未申报）"
        self.step("trace.item", {"item": r.item.title, "claim": claim, "state": r.state.value, "state_text": STATE_TEXT[r.state]}, r.item.citation, r.key)
        for c in r.conditions:
            self.step("trace.condition", {"condition": c.text, "condition_id": c.id, "state": c.state.value, "reason": c.reason, "reason_text": describe(c.reason, c.params)}, c.citation, r.key)
        if r.max_amount is not None:
            self.step("trace.amount", {"max": r.max_amount, "amount": r.amount}, r.item.citation, r.key)
        for n in r.notes:
            self.step("trace.note", {"note": n.code, "note_text": describe(n.code, n.params)}, n.citation, r.key)

    def _totals(self, results: list[ItemResult]) -> list[YearTotal]:
        cap = self.rules.annual_cap
        years: dict[int, int] = {}
        pending: dict[int, int] = {}
        for r in results:
            for year, value in r.counted_per_year.items():
                years[year] = years.get(year, 0) + value
            if r.state is State.NEEDS_INFO and r.claim and r.claim.included:
                for year, value in r.per_year.items():
                    pending[year] = pending.get(year, 0) + value
        totals: list[YearTotal] = []
        for year in sorted(set(years) | set(pending)):
            before = years.get(year, 0)
            applied = cap is not None and before > cap.amount
            after = cap.amount if applied and cap else before
            totals.append(YearTotal(year, before, after, cap.amount if cap else None, applied, cap.citation if cap else None, pending.get(year, 0)))
            if applied and cap:
                self.step("trace.cap", {"year": year, "before": before, "cap": cap.amount}, cap.citation)
            self.step("trace.year", {"year": year, "before": before, "after": after})
        self.step("trace.total", {"before": sum(t.before_cap for t in totals), "after": sum(t.after_cap for t in totals)})
        return totals


def _combine(states: Iterable[State]) -> State:
    """Any 不符合 wins; else any 待补充; else 符合."""
    seen = set(states)
    if State.INELIGIBLE in seen:
        return State.INELIGIBLE
    if State.NEEDS_INFO in seen:
        return State.NEEDS_INFO
    return State.ELIGIBLE


def _scale_to(per_year: dict[int, int], total: int) -> None:
    """Reduce a schedule to ``total``, taking from the last years first."""
    excess = sum(per_year.values()) - total
    for year in sorted(per_year, reverse=True):
        cut = min(excess, per_year[year])
        per_year[year] -= cut
        excess -= cut
