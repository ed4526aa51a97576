"""A policy's award rules as data: the model and the reader of ``resources/rules/*.json``.

A rules file (format described in ``resources/rules/README.md``) lists a policy's
award items and its global rules (who may apply, validity, a per-entity annual cap,
non-stacking, mutually exclusive items), each citing a clause id and quoting the
clause text it rests on. Nothing policy-specific lives in Python: adding another
policy means adding a data file. Amounts are integers in 元.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from workbench.core.corpus.validity import last_day_of_term
from workbench.core.paths import RESOURCES_DIR

RULES_DIR = RESOURCES_DIR / "rules"
RULES_FORMAT = "workbench.rules"
RULES_FORMAT_VERSION = 1
# The claim fields a condition may test (``claim.<field>``).
CLAIM_FIELDS = {"event_date", "base_amount", "requested_amount", "project", "title", "certificate"}

# --------------------------------------------------------------------------- rules


class ItemKind(StrEnum):
    MONEY = "money"  # an award or subsidy in 元; counts toward totals and the cap
    FINANCING = "financing"  # guarantee, credit enhancement: never money in a total
    NON_MONETARY = "non_monetary"  # fast-track, catalogue listing and the like


class AmountType(StrEnum):
    UP_TO = "up_to"  # one-time, at most ``max``
    PER_YEAR = "per_year"  # ``per_year`` each year for ``years`` consecutive years
    # a share of a base (e.g. the actual investment), at most ``max``; when the policy does not
    # state the share (一定比例), ``share`` is None and the ceiling is shown, never counted as money
    SHARE_OF_BASE = "share_of_base"
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
class Reading:
    """How an ambiguous passage was read: the reading in words and the clause it rests on."""

    text: str
    citation: Citation


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
    aliases: Mapping[str, str] = dataclasses.field(default_factory=dict)  # 湖南 → 湖南省
    reading: Reading | None = None


@dataclass(frozen=True, slots=True)
class Amount:
    """What an item pays, in 元 (integers)."""

    type: AmountType
    max: int | None = None  # UP_TO, SHARE_OF_BASE
    per_year: int | None = None  # PER_YEAR
    years: int = 1  # PER_YEAR
    limit: int | None = None  # FINANCING_LIMIT
    base_label: str | None = None  # SHARE_OF_BASE: what the base is, e.g. 实际投资额
    share: float | None = None  # SHARE_OF_BASE: the stated share (0.1 = 10 %); None: not stated
    per: str = "claim"  # "claim": the ceiling holds per claim; "applicant": for all its claims together
    requested_label: str | None = None  # FINANCING_LIMIT: what a claim's requested amount is (在保余额)
    reading: Reading | None = None

    @property
    def ceiling_only(self) -> bool:
        """Money whose amount the policy does not fix: only its ceiling is known."""
        return self.type is AmountType.SHARE_OF_BASE and self.share is None

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
        return {c.id for c in self.conditions if c.kind is ConditionKind.ANSWER} | {
            f.when for f in self.fund_alternatives if f.when
        }


@dataclass(frozen=True, slots=True)
class Repealed:
    """A document this policy repealed (it applied before this one took effect)."""

    doc_number: str
    title: str
    citation: Citation


@dataclass(frozen=True, slots=True)
class Validity:
    issued: dt.date
    years: int
    citation: Citation
    repeals: tuple[Repealed, ...] = ()

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
        out += [r.citation for r in self.validity.repeals]
        out += [c.reading.citation for c in self.scope if c.reading]
        if self.annual_cap:
            out.append(self.annual_cap.citation)
        if self.non_stacking:
            out.append(self.non_stacking)
        out += [e.citation for e in self.exclusive]
        for item in self.items:
            out.append(item.citation)
            out += [c.citation for c in item.conditions]
            out += [c.reading.citation for c in item.conditions if c.reading]
            if item.amount.reading:
                out.append(item.amount.reading.citation)
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
    validity_citation = r.citation(validity_data, "validity")
    repeals = []
    for i, raw in enumerate(validity_data.get("repeals") or []):
        where = f"validity.repeals[{i}]"
        rep = r.obj(raw, where)
        repeals.append(
            Repealed(
                r.text(rep, "doc_number", where),
                r.text(rep, "title", where),
                r.citation(rep, where, validity_citation.clause_id),
            )
        )
    validity = Validity(
        r.date(validity_data, "issued", "validity"),
        r.positive(validity_data, "years", "validity"),
        validity_citation,
        tuple(repeals),
    )
    scope_data = r.obj(top.get("scope"), "scope")
    scope_citation = r.citation(scope_data, "scope")
    scope = tuple(
        r.condition(c, f"scope.conditions[{i}]", scope_citation.clause_id)
        for i, c in enumerate(r.items(scope_data, "conditions", "scope"))
    )
    cap = None
    if top.get("annual_cap") is not None:
        cap_data = r.obj(top["annual_cap"], "annual_cap")
        cap = AnnualCap(
            r.positive(cap_data, "amount", "annual_cap"),
            r.text(cap_data, "per", "annual_cap"),
            r.citation(cap_data, "annual_cap"),
        )
    non_stacking = (
        r.citation(r.obj(top["non_stacking"], "non_stacking"), "non_stacking")
        if top.get("non_stacking") is not None
        else None
    )
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
        exclusive.append(
            ExclusiveRule(r.text(ex, "id", where), members, r.citation(ex, where), r.text(ex, "text", where))
        )
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
            if (
                not fld.startswith(("profile.", "claim."))
                or fld.startswith("claim.")
                and fld.split(".", 1)[1] not in CLAIM_FIELDS
            ):
                raise self.fail(
                    f"{where}.field",
                    f"expected profile.<key> or one of {sorted('claim.' + f for f in CLAIM_FIELDS)}",
                )
        values = tuple(self.text_list(data, "values", where)) if kind is ConditionKind.FIELD_IN else ()
        aliases = data.get("aliases") or {}
        if not isinstance(aliases, dict) or not all(
            isinstance(k, str) and v in values for k, v in aliases.items()
        ):
            raise self.fail(f"{where}.aliases", "expected an object mapping a spelling to one of values")
        return Condition(
            id=self.text(data, "id", where),
            kind=kind,
            text=self.text(data, "text", where),
            citation=self.citation(data, where, clause_id),
            field=fld,
            values=values,
            evidence=data.get("evidence"),
            multiple=bool(data.get("multiple", False)),
            aliases=dict(aliases),
            reading=self.reading(data.get("reading"), f"{where}.reading", clause_id),
        )

    def reading(self, raw: Any, where: str, clause_id: str) -> Reading | None:
        if raw is None:
            return None
        data = self.obj(raw, where)
        return Reading(self.text(data, "text", where), self.citation(data, where, clause_id))

    def amount(self, raw: Any, where: str, kind: ItemKind, clause_id: str) -> Amount:
        if raw is None:
            if kind is ItemKind.MONEY:
                raise self.fail(where, "a money item needs an amount")
            return Amount(AmountType.NONE)
        data = self.obj(raw, where)
        try:
            atype = AmountType(str(data.get("type")))
        except ValueError:
            raise self.fail(f"{where}.type", f"unknown amount type {data.get('type')!r}") from None
        money_types = {
            AmountType.UP_TO,
            AmountType.PER_YEAR,
            AmountType.SHARE_OF_BASE,
            AmountType.UNSPECIFIED,
        }
        if (kind is ItemKind.MONEY) != (atype in money_types):
            raise self.fail(f"{where}.type", f"amount type {atype.value!r} does not fit a {kind.value} item")
        if atype is AmountType.PER_YEAR:
            return Amount(
                atype,
                per_year=self.positive(data, "per_year", where),
                years=self.positive(data, "years", where),
            )
        per = data.get("per", "claim")
        if per not in ("claim", "applicant"):
            raise self.fail(f"{where}.per", "expected 'claim' or 'applicant'")
        reading = self.reading(data.get("reading"), f"{where}.reading", clause_id)
        if atype in (AmountType.UP_TO, AmountType.SHARE_OF_BASE):
            share = data.get("share")
            if share is not None and (
                isinstance(share, bool) or not isinstance(share, int | float) or not 0 < share <= 1
            ):
                raise self.fail(f"{where}.share", "expected a share between 0 and 1, or null (not stated)")
            return Amount(
                atype,
                max=self.positive(data, "max", where),
                base_label=data.get("base_label"),
                share=float(share) if share is not None else None,
                per=per,
                reading=reading,
            )
        if atype is AmountType.FINANCING_LIMIT:
            return Amount(
                atype,
                limit=self.positive(data, "limit", where),
                requested_label=data.get("requested_label"),
                reading=reading,
            )
        return Amount(atype, reading=reading)

    def fund(self, raw: Any, where: str, clause_id: str) -> Fund:
        data = self.obj(raw, where)
        return Fund(
            self.text(data, "name", where),
            self.citation(data, where, clause_id),
            data.get("when"),
            data.get("text"),
        )

    def item(self, raw: Any, where: str) -> AwardItem:
        data = self.obj(raw, where)
        try:
            kind = ItemKind(str(data.get("kind")))
        except ValueError:
            raise self.fail(f"{where}.kind", f"unknown item kind {data.get('kind')!r}") from None
        citation = self.citation(data, where)
        conditions = tuple(
            self.condition(c, f"{where}.conditions[{i}]", citation.clause_id)
            for i, c in enumerate(self.items(data, "conditions", where))
        )
        cids = [c.id for c in conditions]
        if len(set(cids)) != len(cids):
            raise self.fail(f"{where}.conditions", "duplicate condition id")
        alternatives = tuple(
            self.fund(f, f"{where}.fund_alternatives[{i}]", citation.clause_id)
            for i, f in enumerate(data.get("fund_alternatives") or [])
        )
        for i, alt in enumerate(alternatives):
            if not alt.when:
                raise self.fail(
                    f"{where}.fund_alternatives[{i}].when", "expected the answer key that selects this fund"
                )
        return AwardItem(
            id=self.text(data, "id", where),
            clause_id=citation.clause_id,
            quote=citation.quote,
            title=self.text(data, "title", where),
            kind=kind,
            amount=self.amount(data.get("amount"), f"{where}.amount", kind, citation.clause_id),
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
