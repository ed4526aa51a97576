"""What-if: the same application with a claim changed (a device reclassified, a date moved,
an item added or left out), side by side with the original, claim by claim and year by year
before and after the annual cap. Pure: two evaluations in, a comparison out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from workbench.core.checklist.application_file import Application, Claim
from workbench.core.checklist.engine import evaluate_application
from workbench.core.checklist.results import Evaluation, ItemResult, State
from workbench.core.checklist.rules import RuleSet
from workbench.core.words import WHAT_IF_CHANGE_WORDS

# What a claim's change is called (the dossier and the CLI print these; the UI translates them).
CHANGE_WORDS = WHAT_IF_CHANGE_WORDS
_COMPARED = (
    "item",
    "event_date",
    "included",
    "requested_amount",
    "base_amount",
    "project",
    "certificate",
    "title",
    "answers",
    "other_claims",
)


@dataclass(frozen=True, slots=True)
class ClaimComparison:
    """One claim in the original and in the what-if (either side None: added or removed)."""

    claim_id: str
    title: str
    original: ItemResult | None
    what_if: ItemResult | None
    changes: tuple[str, ...]  # codes of CHANGE_WORDS

    @property
    def amount_delta(self) -> int:
        return (self.what_if.amount if self.what_if else 0) - (self.original.amount if self.original else 0)

    def to_json(self) -> dict[str, Any]:
        def side(r: ItemResult | None) -> dict[str, Any] | None:
            if r is None:
                return None
            return {
                "item": r.item.id,
                "item_title": r.item.title,
                "state": r.state.value,
                "max_amount": r.max_amount,
                "amount": r.amount,
                "ceiling_only": r.ceiling_only,
            }

        return {
            "claim": self.claim_id,
            "title": self.title,
            "changes": list(self.changes),
            "changes_text": [CHANGE_WORDS[c] for c in self.changes],
            "original": side(self.original),
            "what_if": side(self.what_if),
            "amount_delta": self.amount_delta,
        }


@dataclass(frozen=True, slots=True)
class YearComparison:
    year: int
    original_before_cap: int
    original_after_cap: int
    what_if_before_cap: int
    what_if_after_cap: int
    original_cap_applied: bool
    what_if_cap_applied: bool

    @property
    def delta(self) -> int:
        return self.what_if_after_cap - self.original_after_cap

    def to_json(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "original": {
                "before_cap": self.original_before_cap,
                "after_cap": self.original_after_cap,
                "cap_applied": self.original_cap_applied,
            },
            "what_if": {
                "before_cap": self.what_if_before_cap,
                "after_cap": self.what_if_after_cap,
                "cap_applied": self.what_if_cap_applied,
            },
            "delta": self.delta,
        }


@dataclass(frozen=True, slots=True)
class Comparison:
    original: Evaluation
    what_if: Evaluation
    claims: tuple[ClaimComparison, ...]
    years: tuple[YearComparison, ...]
    other_changes: tuple[str, ...]  # profile, as_of

    @property
    def changed_claims(self) -> tuple[ClaimComparison, ...]:
        """Claims whose facts or result differ (a claim changed elsewhere may move another's amount)."""
        return tuple(c for c in self.claims if c.changes or _outcome(c.original) != _outcome(c.what_if))

    @property
    def total_delta(self) -> int:
        return self.what_if.total_after_cap - self.original.total_after_cap

    def to_json(self) -> dict[str, Any]:
        return {
            "original": self.original.application.name,
            "what_if": self.what_if.application.name,
            "as_of": {"original": self.original.as_of.isoformat(), "what_if": self.what_if.as_of.isoformat()},
            "other_changes": list(self.other_changes),
            "claims": [c.to_json() for c in self.claims],
            "years": [y.to_json() for y in self.years],
            "totals": {
                "original": {
                    "before_cap": self.original.total_before_cap,
                    "after_cap": self.original.total_after_cap,
                },
                "what_if": {
                    "before_cap": self.what_if.total_before_cap,
                    "after_cap": self.what_if.total_after_cap,
                },
                "delta": self.total_delta,
            },
        }


def _outcome(r: ItemResult | None) -> tuple[Any, ...] | None:
    return None if r is None else (r.item.id, r.state, r.max_amount, r.amount)


def claim_changes(original: Claim | None, what_if: Claim | None) -> tuple[str, ...]:
    if original is None:
        return ("added",)
    if what_if is None:
        return ("removed",)
    return tuple(f for f in _COMPARED if getattr(original, f) != getattr(what_if, f))


def compare_evaluations(original: Evaluation, what_if: Evaluation) -> Comparison:
    """Claim by claim (matched by claim id, in the original's order, added ones last) and
    year by year, before and after the cap."""
    a, b = original.application, what_if.application
    ids = list(dict.fromkeys([c.id for c in a.claims] + [c.id for c in b.claims]))
    claims = []
    for cid in ids:
        ca, cb = a.claim(cid), b.claim(cid)
        shown = cb or ca
        assert shown is not None
        claims.append(
            ClaimComparison(
                cid,
                shown.title or shown.id,
                original.result_for_claim(cid),
                what_if.result_for_claim(cid),
                claim_changes(ca, cb),
            )
        )
    ta = {t.year: t for t in original.totals}
    tb = {t.year: t for t in what_if.totals}
    years = []
    for year in sorted(set(ta) | set(tb)):
        ya, yb = ta.get(year), tb.get(year)
        years.append(
            YearComparison(
                year,
                ya.before_cap if ya else 0,
                ya.after_cap if ya else 0,
                yb.before_cap if yb else 0,
                yb.after_cap if yb else 0,
                bool(ya and ya.cap_applied),
                bool(yb and yb.cap_applied),
            )
        )
    other = tuple(
        f
        for f, same in (
            ("profile", dict(a.profile) == dict(b.profile)),
            ("as_of", original.as_of == what_if.as_of),
        )
        if not same
    )
    return Comparison(original, what_if, tuple(claims), tuple(years), other)


def compare_applications(
    rules: RuleSet, original: Application, what_if: Application, as_of: dt.date | None = None
) -> Comparison:
    return compare_evaluations(
        evaluate_application(rules, original, as_of), evaluate_application(rules, what_if, as_of)
    )


def state_of(r: ItemResult | None) -> State | None:
    return r.state if r else None
