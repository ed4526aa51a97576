"""The eligibility engine: an application evaluated against a rule set on a date.

Pure code: the same application, rules and date give the same evaluation.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Mapping
from typing import Any

from workbench.core.checklist.application_file import Application, Claim
from workbench.core.checklist.phrases import describe
from workbench.core.checklist.results import (
    STATE_TEXT,
    ConditionResult,
    Evaluation,
    ItemResult,
    Note,
    PolicyStatus,
    State,
    TraceStep,
    YearTotal,
    combined_state,
)
from workbench.core.checklist.rules import (
    AmountType,
    AwardItem,
    Citation,
    Condition,
    ConditionKind,
    ExclusiveRule,
    Fund,
    ItemKind,
    RuleSet,
)
from workbench.core.corpus.validity import add_years

# ---------------------------------------------------------------------- the engine


def evaluate_application(
    rules: RuleSet, application: Application, as_of: dt.date | None = None, *, forecast: bool = False
) -> Evaluation:
    """Evaluate ``application`` under ``rules`` on ``as_of`` (default: the application's
    evaluation date, else today). An event dated after ``as_of`` has not happened: its
    item is 待补充, unless ``forecast`` asks to count it as expected (the evaluation and
    each such condition then say so). Pure: reads nothing, writes nothing."""
    day = as_of or application.as_of or dt.date.today()
    return _Evaluator(rules, application, day, forecast).run()


def product_name_key(text: str | None) -> str:
    """A product's name as it identifies the product: width, case, spaces and punctuation do
    not count (“手术机器人 A型” and “手术机器人A型” are one name)."""
    folded = unicodedata.normalize("NFKC", text or "").casefold()
    return "".join(ch for ch in folded if unicodedata.category(ch)[0] in "LN")


def same_product(a: Claim, b: Claim, *, by_title: bool = True) -> bool:
    """Whether two claims are for one product: by registration certificate number when both
    give one; else by the product name the applicant gave both (``project``); else (``by_title``)
    by name (project or title) and the same event (approval) date on both."""
    if a.certificate and b.certificate:
        return product_name_key(a.certificate) == product_name_key(b.certificate)
    if a.project and b.project:
        return product_name_key(a.project) == product_name_key(b.project) != ""
    if not by_title or a.event_date is None or a.event_date != b.event_date:
        return False
    name_a, name_b = product_name_key(a.project or a.title), product_name_key(b.project or b.title)
    return name_a != "" and name_a == name_b


def product_groups(claims: list[Claim], *, by_title: bool = True) -> list[list[Claim]]:
    """Claims grouped by product (``same_product``, taken transitively), in claim order."""
    groups: list[list[Claim]] = []
    for claim in claims:
        joined = [g for g in groups if any(same_product(claim, c, by_title=by_title) for c in g)]
        merged = [c for g in joined for c in g] + [claim]
        groups = [g for g in groups if g not in joined] + [merged]
    order = {c.id: n for n, c in enumerate(claims)}
    for g in groups:
        g.sort(key=lambda c: order[c.id])
    return sorted(groups, key=lambda g: order[g[0].id])


def _identified_by(group: list[Claim]) -> str:
    certificates = {c.certificate for c in group if c.certificate}
    if len(certificates) == 1 and all(c.certificate for c in group):
        return f"注册证编号 {next(iter(certificates))}"
    names = "”“".join(dict.fromkeys((c.project or c.title).strip() for c in group if c.project or c.title))
    dates = sorted({c.event_date.isoformat() for c in group if c.event_date})
    return f"名称“{names}”" + (f"、日期 {'、'.join(dates)}" if dates else "")


class _Evaluator:
    def __init__(self, rules: RuleSet, app: Application, as_of: dt.date, forecast: bool = False) -> None:
        self.rules, self.app, self.as_of, self.forecast = rules, app, as_of, forecast
        self.trace: list[TraceStep] = []
        self.valid_from = rules.validity.issued
        self.valid_until = rules.validity.valid_until

    def step(
        self,
        code: str,
        params: Mapping[str, Any],
        citation: Citation | None = None,
        subject: str | None = None,
    ) -> None:
        self.trace.append(TraceStep(code, dict(params), describe(code, params), citation, subject))

    def run(self) -> Evaluation:
        rules = self.rules
        self.step(
            "trace.start",
            {
                "title": rules.title,
                "doc_number": rules.doc_number or "",
                "application": self.app.name,
                "as_of": self.as_of,
            },
        )
        status, in_force = self._policy_status()
        self.step(
            "trace.policy",
            {"status": status.value, "status_text": describe(in_force.reason, in_force.params)},
            in_force.citation,
        )
        scope = [self._scope_condition(c) for c in rules.scope]
        scope_state = combined_state(c.state for c in scope)
        self.step(
            "trace.scope",
            {"state": scope_state.value, "state_text": STATE_TEXT[scope_state]},
            rules.scope_citation,
        )
        for c in scope:
            self.step(
                "trace.condition",
                {"condition": c.text, "reason_text": describe(c.reason, c.params)},
                c.citation,
                "scope",
            )
        scope_summary = self._scope_summary(scope, scope_state)
        conflicts = self._conflicts()
        results: list[ItemResult] = []
        for item in rules.items:
            claims: list[Claim | None] = [c for c in self.app.claims if c.item == item.id]
            for claim in claims or [None]:
                results.append(self._item(item, claim, [in_force, scope_summary], conflicts))
        self._applicant_ceilings(results)
        self._non_stacking(results)
        for r in results:
            self._trace_item(r)
        totals = self._totals(results)
        return Evaluation(
            rules,
            self.app,
            self.as_of,
            status,
            scope_state,
            scope,
            results,
            totals,
            self.trace,
            forecast=self.forecast,
        )

    # -- global conditions

    def _params(self) -> dict[str, Any]:
        return {"as_of": self.as_of, "valid_from": self.valid_from, "valid_until": self.valid_until}

    def _policy_status(self) -> tuple[PolicyStatus, ConditionResult]:
        citation = self.rules.validity.citation
        params = self._params()
        if self.as_of < self.valid_from:
            status, state, reason = PolicyStatus.NOT_YET, State.INELIGIBLE, "policy_not_yet_in_force"
            repealed = self.rules.validity.repeals
            if repealed:
                reason = "policy_not_yet_predecessor"
                params |= {
                    "predecessor": repealed[0].doc_number,
                    "predecessor_title": repealed[0].title,
                    "repeal_quote": repealed[0].citation.quote,
                }
        elif self.as_of > self.valid_until:
            status, state, reason = PolicyStatus.EXPIRED, State.INELIGIBLE, "policy_expired"
        else:
            status, state, reason = PolicyStatus.IN_FORCE, State.ELIGIBLE, "policy_in_force"
        return status, ConditionResult(
            "validity.in_force", describe("cond.validity"), state, reason, params, citation
        )

    def _scope_condition(self, cond: Condition) -> ConditionResult:
        return self._condition(cond, None, f"scope.{cond.id}", f"profile:{cond.id}")

    def _scope_summary(self, scope: list[ConditionResult], state: State) -> ConditionResult:
        failed = "、".join(c.text for c in scope if c.state is State.INELIGIBLE)
        unknown = "、".join(c.text for c in scope if c.state is State.NEEDS_INFO)
        reason = {
            State.ELIGIBLE: "scope_met",
            State.INELIGIBLE: "outside_scope",
            State.NEEDS_INFO: "scope_unknown",
        }[state]
        return ConditionResult(
            "scope",
            describe("cond.scope"),
            state,
            reason,
            {"failed": failed, "unknown": unknown},
            self.rules.scope_citation,
        )

    def _conflicts(self) -> dict[str, tuple[ExclusiveRule, str, str, list[str]]]:
        """Claim id → (rule, product, how it was identified, the items it is claimed under) for
        refused claims. A what-if claim (not included) is in no conflict."""
        out: dict[str, tuple[ExclusiveRule, str, str, list[str]]] = {}
        for rule in self.rules.exclusive:
            members = [c for c in self.app.claims if c.item in rule.items and c.included]
            for group in product_groups(members):
                items = sorted({c.item for c in group}, key=rule.items.index)
                if len(items) > 1:
                    titles = [self.rules.item(i).title for i in items]  # type: ignore[union-attr]
                    name = next((c.project or c.title for c in group if c.project or c.title), group[0].id)
                    for c in group:
                        out[c.id] = (rule, name, _identified_by(group), titles)
        return out

    # -- one item

    def _condition(
        self, cond: Condition, claim: Claim | None, cid: str, evidence_key: str
    ) -> ConditionResult:
        params: dict[str, Any] = {}
        if cond.kind is ConditionKind.ANSWER:
            answers = (
                self.app.answers
                if claim is None and cid.startswith("scope.")
                else (claim.answers if claim else {})
            )
            value = answers.get(cond.id)
            state, reason = {
                True: (State.ELIGIBLE, "answered_yes"),
                False: (State.INELIGIBLE, "answered_no"),
                None: (State.NEEDS_INFO, "unanswered"),
            }[value]
        else:
            value = self._field(cond.field or "", claim)
            empty = value is None or value == "" or value == [] or value == ()
            if cond.kind is ConditionKind.FIELD_PRESENT:
                state, reason = (
                    (State.NEEDS_INFO, "value_missing") if empty else (State.ELIGIBLE, "value_present")
                )
                params = {"value": value}
            elif cond.kind is ConditionKind.FIELD_IN:
                shown = "、".join(map(str, value)) if isinstance(value, list | tuple) else value
                params = {"value": shown, "allowed": "、".join(cond.values)}
                if empty:
                    state, reason = State.NEEDS_INFO, "value_missing"
                else:
                    candidates = value if isinstance(value, list | tuple) else [value]
                    spelled = (str(v).strip() for v in candidates)
                    ok = any(cond.aliases.get(v, v) in cond.values for v in spelled)
                    state, reason = (
                        (State.ELIGIBLE, "value_allowed") if ok else (State.INELIGIBLE, "value_not_allowed")
                    )
            else:  # DATE_IN_VALIDITY
                params = {"date": value, **self._params()}
                if empty or not isinstance(value, dt.date):
                    state, reason = State.NEEDS_INFO, "date_missing"
                elif value < self.valid_from:
                    state, reason = State.INELIGIBLE, "date_before_issue"
                elif value > self.valid_until:
                    state, reason = State.INELIGIBLE, "date_after_expiry"
                elif value > self.as_of:
                    # not yet a fact on the evaluation date
                    state, reason = (
                        (State.ELIGIBLE, "date_forecast")
                        if self.forecast
                        else (State.NEEDS_INFO, "date_in_future")
                    )
                else:
                    state, reason = State.ELIGIBLE, "date_in_term"
        return ConditionResult(
            cid, cond.text, state, reason, params, cond.citation, evidence_key, cond.evidence
        )

    def _field(self, path: str, claim: Claim | None) -> Any:
        scope, _, key = path.partition(".")
        if scope == "profile":
            return self.app.profile.get(key)
        return getattr(claim, key, None) if claim else None

    def _item(
        self,
        item: AwardItem,
        claim: Claim | None,
        global_conditions: list[ConditionResult],
        conflicts: dict[str, tuple[ExclusiveRule, str, str, list[str]]],
    ) -> ItemResult:
        prefix = claim.id if claim else item.id
        conditions = list(global_conditions)
        conditions += [self._condition(c, claim, c.id, f"{prefix}:{c.id}") for c in item.conditions]
        if claim and claim.id in conflicts:
            rule, project, identified_by, titles = conflicts[claim.id]
            conditions.append(
                ConditionResult(
                    f"exclusive.{rule.id}",
                    rule.text,
                    State.INELIGIBLE,
                    "conflicting_claims",
                    {"project": project, "identified_by": identified_by, "items": "”“".join(titles)},
                    rule.citation,
                )
            )
        state = combined_state(c.state for c in conditions)
        result = ItemResult(item, claim, state, conditions, None, {})
        result.fund = self._fund(item, claim)
        amount = item.amount
        if item.kind is ItemKind.FINANCING:
            result.financing_limit = amount.limit
            result.notes.append(
                Note("financing_not_money" if amount.limit else "financing_no_limit", {"limit": amount.limit})
            )
            requested = claim.requested_amount if claim else None
            if amount.limit and requested is not None and requested > amount.limit:
                result.notes.append(
                    Note(
                        "financing_above_limit",
                        {
                            "requested": requested,
                            "limit": amount.limit,
                            "requested_label": amount.requested_label or "申请额度",
                        },
                        item.citation,
                    )
                )
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
                    result.notes.append(
                        Note(
                            "instalment_after_expiry",
                            {"n": n + 1, "date": when, "valid_until": self.valid_until},
                            self.rules.validity.citation,
                        )
                    )
                    continue
                result.per_year[when.year] = per
        else:
            top = amount.max or 0
            base = claim.base_amount if claim else None
            if amount.type is AmountType.SHARE_OF_BASE and base is not None:
                if base < top:
                    top = base
                    result.notes.append(Note("share_capped_by_base", {"base": base}, result.item.citation))
                if amount.share is not None:
                    share = min(top, round(base * amount.share))
                    result.notes.append(
                        Note(
                            "share_stated",
                            {
                                "base_label": amount.base_label or "",
                                "base": base,
                                "percent": f"{amount.share * 100:g}",
                                "amount": share,
                            },
                            result.item.citation,
                        )
                    )
                    top = share
            if amount.ceiling_only:
                result.ceiling_only = True
                result.notes.append(Note("share_not_stated", {"max": top}, result.item.citation))
            result.per_year[year0] = top
        result.max_amount = sum(result.per_year.values())
        schedule = dict(result.per_year)
        if claim and claim.requested_amount is not None and claim.requested_amount < result.max_amount:
            result.notes.append(
                Note("requested_below_max", {"requested": claim.requested_amount, "max": result.max_amount})
            )
            _scale_to(schedule, claim.requested_amount)
        elif claim and claim.requested_amount is not None and claim.requested_amount > result.max_amount:
            result.notes.append(
                Note(
                    "requested_above_max",
                    {"requested": claim.requested_amount, "max": result.max_amount},
                    result.item.citation,
                )
            )
        if claim is not None and not claim.included:
            result.notes.append(Note("excluded_by_user", {}))
        elif result.state is State.ELIGIBLE and claim is not None and not result.ceiling_only:
            result.counted_per_year = {y: v for y, v in schedule.items() if v}
        result.amount = sum(result.counted_per_year.values())

    def _applicant_ceilings(self, results: list[ItemResult]) -> None:
        """An item whose ceiling holds for the applicant (``per: applicant``): its claims, in
        order, share that ceiling; a claim refused or left out of the totals takes none of it."""
        for item in self.rules.items:
            if item.amount.per != "applicant" or item.amount.ceiling is None:
                continue
            ceiling, used = item.amount.ceiling, 0
            for r in results:
                if r.item is not item or r.claim is None or r.max_amount is None:
                    continue
                if r.state is State.INELIGIBLE or not r.claim.included:
                    continue
                room = max(ceiling - used, 0)
                if r.max_amount > room:
                    r.notes.append(
                        Note(
                            "applicant_ceiling",
                            {"ceiling": ceiling, "used": used, "max": room},
                            r.item.citation,
                        )
                    )
                    _scale_to(r.per_year, room)
                    r.per_year = {y: v for y, v in r.per_year.items() if v} or {min(r.per_year): 0}
                    r.max_amount = room
                    r.notes = [
                        Note(n.code, {**n.params, "max": room}, n.citation)
                        if n.code == "share_not_stated"
                        else n
                        for n in r.notes
                    ]
                    if r.amount > room:
                        _scale_to(r.counted_per_year, room)
                        r.counted_per_year = {y: v for y, v in r.counted_per_year.items() if v}
                        r.amount = room
                used += r.max_amount

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
                r.notes.append(
                    Note(
                        "superseded_by_other_policy", {"policy": best.policy, "other": best.amount}, citation
                    )
                )
                r.counted_per_year, r.amount = {}, 0
            else:
                r.notes.append(
                    Note(
                        "counted_here_over_other",
                        {"policy": best.policy, "other": best.amount, "amount": r.amount},
                        citation,
                    )
                )
        counted_claims = [r.claim for r in results if r.amount > 0 and r.claim]
        by_claim = {r.claim.id: r for r in results if r.claim}
        # one project under two items: only what names the project (certificate, project name)
        for group in product_groups(counted_claims, by_title=False):  # type: ignore[arg-type]
            if len(group) < 2:
                continue
            members = [by_claim[c.id] for c in group]
            keep = max(members, key=lambda r: r.amount)  # first of the highest: ties keep claim order
            for r in members:
                if r is not keep:
                    assert r.claim is not None
                    r.notes.append(
                        Note(
                            "duplicate_project_lower",
                            {"project": r.claim.project or r.claim.title, "other_item": keep.item.title},
                            citation,
                        )
                    )
                    r.counted_per_year, r.amount = {}, 0

    # -- totals and trace

    def _trace_item(self, r: ItemResult) -> None:
        claim = f"（{r.claim.title or r.claim.id}）" if r.claim else "（未申报）"
        self.step(
            "trace.item",
            {"item": r.item.title, "claim": claim, "state": r.state.value, "state_text": STATE_TEXT[r.state]},
            r.item.citation,
            r.key,
        )
        for c in r.conditions:
            self.step(
                "trace.condition",
                {
                    "condition": c.text,
                    "condition_id": c.id,
                    "state": c.state.value,
                    "reason": c.reason,
                    "reason_text": describe(c.reason, c.params),
                },
                c.citation,
                r.key,
            )
        if r.max_amount is not None:
            self.step("trace.amount", {"max": r.max_amount, "amount": r.amount}, r.item.citation, r.key)
        for n in r.notes:
            self.step(
                "trace.note", {"note": n.code, "note_text": describe(n.code, n.params)}, n.citation, r.key
            )

    def _totals(self, results: list[ItemResult]) -> list[YearTotal]:
        cap = self.rules.annual_cap
        years: dict[int, int] = {}
        pending: dict[int, int] = {}
        ceilings: dict[int, int] = {}
        for r in results:
            for year, value in r.counted_per_year.items():
                years[year] = years.get(year, 0) + value
            if not (r.claim and r.claim.included):
                continue
            if r.ceiling_only and r.state is State.ELIGIBLE:
                for year, value in r.per_year.items():
                    ceilings[year] = ceilings.get(year, 0) + value
            elif r.state is State.NEEDS_INFO and not r.ceiling_only:
                for year, value in r.per_year.items():
                    pending[year] = pending.get(year, 0) + value
        totals: list[YearTotal] = []
        for year in sorted(set(years) | set(pending) | set(ceilings)):
            before = years.get(year, 0)
            applied = cap is not None and before > cap.amount
            after = cap.amount if applied and cap else before
            totals.append(
                YearTotal(
                    year,
                    before,
                    after,
                    cap.amount if cap else None,
                    applied,
                    cap.citation if cap else None,
                    pending.get(year, 0),
                    ceilings.get(year, 0),
                )
            )
            if applied and cap:
                self.step("trace.cap", {"year": year, "before": before, "cap": cap.amount}, cap.citation)
            self.step("trace.year", {"year": year, "before": before, "after": after})
        self.step(
            "trace.total",
            {"before": sum(t.before_cap for t in totals), "after": sum(t.after_cap for t in totals)},
        )
        return totals


def _scale_to(per_year: dict[int, int], total: int) -> None:
    """Reduce a schedule to ``total``, taking from the last years first."""
    excess = sum(per_year.values()) - total
    for year in sorted(per_year, reverse=True):
        cut = min(excess, per_year[year])
        per_year[year] -= cut
        excess -= cut
