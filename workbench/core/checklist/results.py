"""What an evaluation returns: a three-state result per item and claim with the reason and citation
of every condition, amounts, totals per year before and after the cap, and the ordered trace.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from workbench.core.checklist.application_file import Application, Claim
from workbench.core.checklist.phrases import describe, jsonable
from workbench.core.checklist.rules import AwardItem, Citation, Fund, RuleSet
from workbench.core.words import CHECK_STATE_WORDS, POLICY_STATUS_WORDS

# ------------------------------------------------------------------------ results


class State(StrEnum):
    ELIGIBLE = "eligible"  # 符合
    INELIGIBLE = "ineligible"  # 不符合
    NEEDS_INFO = "needs_info"  # 待补充


STATE_TEXT = CHECK_STATE_WORDS  # keyed by State (a StrEnum: its members are their codes)


def combined_state(states: Iterable[State]) -> State:
    """The state of conditions that must all hold: any 不符合 wins; else any 待补充; else 符合."""
    seen = set(states)
    if State.INELIGIBLE in seen:
        return State.INELIGIBLE
    if State.NEEDS_INFO in seen:
        return State.NEEDS_INFO
    return State.ELIGIBLE


def best_state(states: Iterable[State]) -> State:
    """The state of alternatives of which one suffices (an item's claims): any 符合 wins; else any
    待补充; else 不符合 (also for no alternatives at all)."""
    seen = set(states)
    if State.ELIGIBLE in seen:
        return State.ELIGIBLE
    if State.NEEDS_INFO in seen:
        return State.NEEDS_INFO
    return State.INELIGIBLE


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
            "params": jsonable(self.params),
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
        return {
            "code": self.code,
            "text": describe(self.code, self.params),
            "params": jsonable(self.params),
            "citation": self.citation.to_json() if self.citation else None,
        }


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
    # the policy fixes no amount (一定比例): ``max_amount`` is a ceiling, never counted as money
    ceiling_only: bool = False

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
            "ceiling_only": self.ceiling_only,
            "fund": {"name": self.fund.name, "citation": self.fund.citation.to_json()} if self.fund else None,
            "notes": [n.to_json() for n in self.notes],
        }


@dataclass(frozen=True, slots=True)
class YearTotal:
    """Money for one calendar year, in 元. ``pending``: the most that claims still
    待补充 could add that year (not in ``before_cap``); ``ceilings``: the ceilings of eligible
    claims whose amount the policy does not fix (一定比例, not in ``before_cap`` either)."""

    year: int
    before_cap: int
    after_cap: int
    cap: int | None
    cap_applied: bool
    cap_citation: Citation | None
    pending: int = 0
    ceilings: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "ceilings": self.ceilings,
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
        return {
            "code": self.code,
            "subject": self.subject,
            "text": self.text,
            "params": jsonable(self.params),
            "citation": self.citation.to_json() if self.citation else None,
        }


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
    forecast: bool = False  # events dated after ``as_of`` counted as expected (a forecast)

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
            "forecast": self.forecast,
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


STATUS_TEXT = POLICY_STATUS_WORDS
