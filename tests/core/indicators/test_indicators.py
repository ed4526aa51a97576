"""Indicators: status at the method's boundaries, the audit of every change, proposals, comparison."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from workbench.core.indicators.progress import (
    METHOD,
    Indicator,
    IndicatorDraft,
    IndicatorError,
    IndicatorStatus,
    Observation,
    assess,
    parse_period,
    trajectory,
)
from workbench.core.indicators.targets import Comparator
from workbench.core.workspace import Workspace

S = IndicatorStatus


def indicator(
    target: float = 4000, comparator: Comparator = Comparator.AT_LEAST, deadline: str | None = "2025", **extra
) -> Indicator:
    values = dict(
        id="i1",
        name="产业规模",
        measure="产业规模",
        region="长沙市",
        unit="亿元",
        comparator=comparator,
        comparator_word=None,
        target_low=target,
        target_high=None,
        baseline=None,
        baseline_period=None,
        deadline=deadline,
        recurring=False,
        doc_id=None,
        clause_id=None,
        source_text=None,
        origin="manual",
        proposal_key=None,
        created_at="",
        updated_at="",
    )
    values.update(extra)
    return Indicator(**values)


def obs(*pairs: tuple[str, float]) -> list[Observation]:
    return [Observation("i1", p, v, None, None, "") for p, v in pairs]


def required_value(base: float, target: float, years_done: float, years_total: float, ratio: float) -> float:
    """The latest value whose observed growth is ``ratio`` times the required growth."""
    required = (target / base) ** (1 / years_total) - 1
    return base * (1 + ratio * required) ** years_done


AS_OF = dt.date(2024, 6, 30)


def status_at_ratio(ratio: float) -> IndicatorStatus:
    # baseline end-2022, latest end-2023, deadline end-2025
    years_done = (dt.date(2023, 12, 31) - dt.date(2022, 12, 31)).days / 365.25
    years_total = (dt.date(2025, 12, 31) - dt.date(2022, 12, 31)).days / 365.25
    latest = required_value(2000, 4000, years_done, years_total, ratio)
    return assess(indicator(), obs(("2022", 2000), ("2023", latest)), AS_OF).status


@pytest.mark.parametrize(
    ("ratio", "expected"),
    [
        (1.2, S.ON_TRACK),
        (0.9501, S.ON_TRACK),
        (0.9499, S.NEEDS_ACCELERATION),
        (0.5001, S.NEEDS_ACCELERATION),
        (0.4999, S.LIMITED_PROGRESS),
        (0.0001, S.LIMITED_PROGRESS),
        (-0.0001, S.DETERIORATING),
        (-1, S.DETERIORATING),
    ],
)
def test_status_follows_the_ratio_of_observed_to_required_growth_at_its_thresholds(ratio, expected):
    assert status_at_ratio(ratio) is expected


def test_the_report_carries_the_growth_rates_and_their_ratio():
    report = assess(indicator(), obs(("2022", 2000), ("2023", 2400)), AS_OF)
    assert report.growth_kind == "cagr"
    assert report.observed_growth == pytest.approx(0.2, rel=1e-3)
    assert report.required_growth == pytest.approx(2 ** (1 / 3) - 1, rel=1e-3)
    assert report.ratio == pytest.approx(report.observed_growth / report.required_growth)
    assert report.latest.period == "2023" and report.baseline_period == "2022"


def test_reaching_the_target_exactly_is_achieved_but_breaking_through_needs_more():
    assert assess(indicator(), obs(("2022", 2000), ("2023", 4000)), AS_OF).status is S.ACHIEVED
    breakthrough = indicator(comparator=Comparator.MORE_THAN)
    assert assess(breakthrough, obs(("2022", 2000), ("2023", 4000)), AS_OF).status is not S.ACHIEVED
    assert assess(breakthrough, obs(("2022", 2000), ("2023", 4000.5)), AS_OF).status is S.ACHIEVED


def test_about_is_met_within_five_percent_and_a_range_at_its_low_end():
    about = indicator(target=30, comparator=Comparator.ABOUT)
    assert assess(about, obs(("2022", 10), ("2023", 28.5)), AS_OF).status is S.ACHIEVED
    assert assess(about, obs(("2022", 10), ("2023", 28.4)), AS_OF).status is not S.ACHIEVED
    ranged = indicator(target=2, comparator=Comparator.RANGE, target_high=3)
    assert assess(ranged, obs(("2022", 0), ("2023", 2)), AS_OF).status is S.ACHIEVED


def test_overdue_starts_the_day_after_the_deadline():
    ind = indicator(deadline="2023-12-31")
    data = obs(("2021", 2000), ("2022", 3000))
    assert assess(ind, data, dt.date(2023, 12, 31)).status is not S.OVERDUE
    assert assess(ind, data, dt.date(2024, 1, 1)).status is S.OVERDUE


def test_no_observation_after_the_deadline_is_no_data_marked_past_deadline():
    # Open SDG: without data there is no judgement; nobody recorded a value, so nothing says it was missed.
    ind = indicator(deadline="2023-12-31")
    before, after = assess(ind, [], dt.date(2023, 12, 31)), assess(ind, [], dt.date(2024, 1, 1))
    assert (before.status, before.reason) == (S.NO_DATA, "no_observation")
    assert (after.status, after.reason) == (S.NO_DATA, "no_observation_past_deadline")
    assert "暂无数据（已过期限）" in METHOD
    # reached in time: still achieved afterwards
    assert assess(ind, obs(("2021", 2000), ("2023", 4100)), dt.date(2026, 1, 1)).status is S.ACHIEVED


def test_no_data_until_growth_can_be_measured_and_observations_after_as_of_do_not_count():
    ind = indicator()
    assert assess(ind, [], AS_OF).status is S.NO_DATA
    single = assess(ind, obs(("2023", 3000)), AS_OF)
    assert single.status is S.NO_DATA and single.reason == "single_observation"
    later = assess(ind, obs(("2022", 2000), ("2024", 4500)), AS_OF)  # 2024 ends after 2024-06-30
    assert later.status is S.NO_DATA and later.latest.period == "2022"
    with_baseline = indicator(baseline=2000.0, baseline_period="2022")
    assert (
        assess(with_baseline, obs(("2023", 2600)), AS_OF).status is S.ON_TRACK
    )  # 30 %/年 against 26 %/年 needed


def test_falling_below_a_target_already_met_is_deterioration():
    ind = indicator(target=100, baseline=120.0, baseline_period="2021")
    assert assess(ind, obs(("2023", 90)), AS_OF).status is S.DETERIORATING


def test_targets_to_go_down_use_the_same_ratio():
    ind = indicator(target=50, comparator=Comparator.AT_MOST)
    assert assess(ind, obs(("2022", 100), ("2023", 80)), AS_OF).status is S.ON_TRACK
    assert assess(ind, obs(("2022", 100), ("2023", 110)), AS_OF).status is S.DETERIORATING
    assert assess(ind, obs(("2022", 100), ("2023", 50)), AS_OF).status is S.ACHIEVED


def test_zero_baselines_use_linear_growth():
    report = assess(indicator(target=10), obs(("2022", 0), ("2023", 4)), AS_OF)
    assert report.growth_kind == "linear" and report.observed_growth == pytest.approx(4, rel=1e-2)
    assert report.status is S.ON_TRACK  # 4/yr against 10 over 3 years


def test_recurring_targets_are_judged_on_the_latest_period():
    ind = indicator(target=30, comparator=Comparator.ABOUT, deadline=None, recurring=True)
    assert assess(ind, obs(("2023", 31)), AS_OF).status is S.ACHIEVED
    assert assess(ind, obs(("2022", 31), ("2023", 20)), AS_OF).status is S.DETERIORATING
    assert (
        assess(ind, obs(("2022", 10), ("2023", 22)), AS_OF).status is S.NEEDS_ACCELERATION
    )  # +120 % of +200 % needed
    assert assess(ind, [], dt.date(2040, 1, 1)).status is S.NO_DATA  # never overdue


def test_the_trajectory_runs_from_the_baseline_to_the_target_at_the_deadline():
    points = trajectory(indicator(), obs(("2022", 2000), ("2023", 2500)))
    assert [p.period for p in points] == ["2022", "2023", "2024", "2025"]
    assert points[0].value == 2000 and points[-1].value == 4000
    assert points[1].value == pytest.approx(2000 * 2 ** (1 / 3), rel=1e-3)


def test_periods_are_years_months_quarters_or_halves_and_impossible_ones_are_refused():
    assert parse_period(2023).text == "2023" and parse_period(2023.0).end == dt.date(2023, 12, 31)
    assert parse_period("2024-6").text == "2024-06" and parse_period("2024Q2").end == dt.date(2024, 6, 30)
    assert parse_period("2024-H1").end == dt.date(2024, 6, 30)
    for bad, code in (
        ("2023-13", "impossible_period"),
        ("1850", "impossible_period"),
        ("去年", "invalid_period"),
        ("2023-Q5", "invalid_period"),
    ):
        with pytest.raises(IndicatorError) as info:
            parse_period(bad)
        assert info.value.code == code


def test_the_method_text_states_the_thresholds():
    assert "0.95" in METHOD and "0.5" in METHOD and "Open SDG" in METHOD


# --- the service over the real file -------------------------------------------------------------


@pytest.fixture
def ws(data_dir):
    workspace = Workspace.open(data_dir)
    yield workspace
    workspace.close()


def test_bundled_targets_are_loaded_on_first_start_with_their_clauses(ws):
    found = ws.indicators.indicators()
    assert len(found) >= 40
    scale = ws.indicators.get("changsha-bioeconomy-2023.t01")
    assert (
        scale.name == "生物经济产业规模"
        and scale.target_low == 4000
        and scale.unit == "亿元"
        and scale.deadline == "2025"
    )
    assert scale.source_text in ws.library.clause(scale.clause_id).text
    first = ws.indicators.audit("changsha-bioeconomy-2023.t01")
    assert [(a.action, a.actor) for a in first] == [("create", "bundled")]


def test_bundled_targets_are_seeded_once_and_a_deleted_one_stays_deleted(ws, data_dir):
    assert ws.indicators.delete("nanjing-bioeconomy-2021.t01", actor="王五")
    ws.close()
    again = Workspace.open(data_dir)
    try:
        assert again.indicators.get("nanjing-bioeconomy-2021.t01") is None
        (entry,) = [a for a in again.indicators.audit("nanjing-bioeconomy-2021.t01") if a.action == "delete"]
        assert entry.actor == "王五" and entry.before["target_low"] == 4000 and entry.after is None
    finally:
        again.close()


def test_a_recorded_period_is_never_overwritten_silently(ws):
    service = ws.indicators
    service.record("nanjing-bioeconomy-2021.t01", "2022", 3500, note="统计公报", by="张三")
    with pytest.raises(IndicatorError) as info:
        service.record("nanjing-bioeconomy-2021.t01", "2022", 3600)
    assert info.value.code == "observation_exists"
    assert [o.value for o in service.observations("nanjing-bioeconomy-2021.t01")] == [3500]
    service.record("nanjing-bioeconomy-2021.t01", "2022", 3600, by="李四", replace=True)
    (o,) = service.observations("nanjing-bioeconomy-2021.t01")
    assert (o.value, o.entered_by, o.source_note) == (3600, "李四", None)
    actions = [
        (a.action, a.before and a.before["value"], a.after["value"])
        for a in service.audit("nanjing-bioeconomy-2021.t01")
        if a.entity == "observation"
    ]
    assert actions == [("record", None, 3500), ("replace", 3500, 3600)]


def test_bad_values_change_nothing(ws):
    service = ws.indicators
    for period, value, code in (
        ("2022-13", 1, "impossible_period"),
        ("2022", "三千", "invalid_value"),
        ("2022", math.inf, "invalid_value"),
    ):
        with pytest.raises(IndicatorError) as info:
            service.record("nanjing-bioeconomy-2021.t01", period, value)
        assert info.value.code == code
    with pytest.raises(IndicatorError) as info:
        service.record("no-such", "2022", 1)
    assert info.value.code == "unknown_indicator"
    assert service.observations("nanjing-bioeconomy-2021.t01") == []
    with pytest.raises(IndicatorError) as info:
        service.edit("nanjing-bioeconomy-2021.t01", {"target_high": 1})
    assert info.value.code == "invalid_range"
    assert [a.action for a in service.audit("nanjing-bioeconomy-2021.t01")] == ["create"]


def test_edits_are_audited_with_the_row_before_and_after(ws):
    service = ws.indicators
    changed = service.edit(
        "changsha-bioeconomy-2023.t01", {"baseline": 2500, "baseline_period": "2022"}, actor="审核员"
    )
    assert changed.baseline == 2500 and changed.baseline_period == "2022"
    edit = service.audit("changsha-bioeconomy-2023.t01")[-1]
    assert edit.action == "edit" and edit.actor == "审核员"
    assert edit.before["baseline"] is None and edit.after["baseline"] == 2500


def test_proposals_of_an_imported_document_can_be_accepted_with_edits_or_rejected(ws, tmp_path):
    plan = tmp_path / "某市行动计划.txt"
    plan.write_text(
        "某市生物产业发展行动计划（2024—2026年）\n一、发展目标\n到2026年，全市生物产业规模达到 800 亿元，新增"
        "上市企业 5 家以上。\n二、保障措施\n对新认定的企业给予不超过200万"
        "元奖励。\n",
        encoding="utf-8",
    )
    (outcome,) = ws.library.import_files([plan])
    doc_id = outcome.doc_id
    proposals = ws.indicators.proposals(doc_id)
    assert [(p.target_low, p.unit, p.deadline) for p in proposals] == [
        (800, "亿元", "2026"),
        (5, "家", "2026"),
    ]
    scale, listed = proposals
    accepted = ws.indicators.accept(scale, {"name": "生物产业规模"}, actor="张三")
    assert (
        accepted.doc_id == doc_id and accepted.clause_id == scale.clause_id and accepted.origin == "extracted"
    )
    assert accepted.measure == "生物产业规模" and accepted.source_text == scale.sentence
    ws.indicators.reject(listed, actor="张三")
    assert ws.indicators.proposals(doc_id) == []
    with pytest.raises(IndicatorError):
        ws.indicators.accept(listed)
    assert [a.action for a in ws.indicators.audit(listed.key)] == ["reject"]
    assert [a.action for a in ws.indicators.audit(accepted.id)] == ["accept"]
    assert [i.id for i in ws.indicators.targets_of_document(doc_id)] == [accepted.id]


def test_like_targets_of_two_cities_are_compared_side_by_side(ws):
    ws.indicators.record("changsha-bioeconomy-2023.t01", "2023", 3000)
    comparison = ws.indicators.compare("生物经济产业规模", as_of=dt.date(2024, 6, 30))
    assert comparison.unit == "亿元"
    assert [(r.indicator.region, r.indicator.target_low, r.indicator.deadline) for r in comparison.rows] == [
        ("南京市", 4000, "2023"),
        ("长沙市", 4000, "2025"),
    ]
    assert [(r.status, r.reason) for r in comparison.rows] == [
        (S.NO_DATA, "no_observation_past_deadline"),
        (S.NO_DATA, "single_observation"),
    ]
    assert "生物经济产业规模" in ws.indicators.comparable_measures()
    by_ids = ws.indicators.compare(["changsha-bioeconomy-2023.t01", "changsha-big-health-2023.t06"])
    assert by_ids.measure is None and len(by_ids.rows) == 2


def test_list_filters_by_region_document_and_status(ws):
    as_of = dt.date(2023, 6, 30)
    nanjing = ws.indicators.list(as_of, region="南京市")
    assert nanjing and all(r.indicator.region == "南京市" for r in nanjing)
    health = ws.indicators.list(as_of, doc_id="changsha-big-health-2023")
    assert {r.indicator.doc_id for r in health} == {"changsha-big-health-2023"}
    assert ws.indicators.list(as_of, status=S.ACHIEVED) == []
    order = [i.clause_id for i in ws.indicators.targets_of_document("changsha-bioeconomy-2023")]
    assert order[0] == "changsha-bioeconomy-2023:二" and order[-1] == "changsha-bioeconomy-2023:四/（三）"


def test_manual_indicators_are_validated(ws):
    with pytest.raises(IndicatorError) as info:
        ws.indicators.create(
            IndicatorDraft(name=" ", unit="家", comparator=Comparator.AT_LEAST, target_low=1)
        )
    assert info.value.code == "invalid_name"
    with pytest.raises(IndicatorError) as info:
        ws.indicators.create(
            IndicatorDraft(name="x", unit="家", comparator=Comparator.AT_LEAST, target_low=1, baseline=3)
        )
    assert info.value.code == "baseline_incomplete"
    made = ws.indicators.create(
        IndicatorDraft(
            name="新增孵化器",
            unit="家",
            comparator=Comparator.AT_LEAST,
            target_low=10,
            deadline="2027",
            region="某市",
        ),
        actor="张三",
    )
    assert made.id.startswith("ind-") and made.origin == "manual"
