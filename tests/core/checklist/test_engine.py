"""The eligibility engine against the 湘政办发〔2026〕15号 rules file."""

from __future__ import annotations

import copy
import datetime as dt
import json
from typing import Any

import pytest

from tests.conftest import ROOT
from workbench.core.checklist.application_file import (
    ApplicationFileError,
    application_to_json,
    load_application_file,
    parse_application,
    parse_application_text,
)
from workbench.core.checklist.engine import evaluate_application
from workbench.core.checklist.results import PolicyStatus, State
from workbench.core.checklist.rules import (
    RULES_DIR,
    ItemKind,
    RulesError,
    check_quotes,
    load_rules,
    parse_rules,
    rules_by_id,
    rules_for_document,
)
from workbench.core.workspace import Workspace

EXAMPLES = ROOT / "resources" / "examples"
RULES_FILE = RULES_DIR / "hunan-biomedicine-2026.json"
SCOPE = "hunan-biomedicine-2026:附则1"
FINAL = "hunan-biomedicine-2026:附则2"
CLAUSE_4 = "hunan-biomedicine-2026:一/（四）"


@pytest.fixture(scope="module")
def rules():
    return load_rules(RULES_FILE)


def app_data(*claims: dict[str, Any], as_of: str = "2026-09-01", **profile: Any) -> dict[str, Any]:
    base_profile = {
        "name": "长沙测试公司",
        "province": "湖南省",
        "operating_provinces": ["湖南省"],
        "city": "长沙市",
        "entity_type": "企业",
        "activities": ["研发", "生产经营"],
    }
    return {
        "format": "workbench.application",
        "version": 1,
        "rules": "hunan-biomedicine-2026",
        "name": "测试申报",
        "as_of": as_of,
        "profile": base_profile | profile,
        "answers": {"registered": True},
        "claims": list(claims),
    }


def drug(claim_id: str = "drug", date: str = "2026-05-01", **extra: Any) -> dict[str, Any]:
    return {
        "id": claim_id,
        "item": "innovative-drug",
        "title": claim_id,
        "project": claim_id,
        "event_date": date,
        "answers": {"first_registration": True, "industrialised": True},
    } | extra


def centre(claim_id: str = "centre", date: str = "2026-03-01") -> dict[str, Any]:
    return {
        "id": claim_id,
        "item": "national-innovation-centre",
        "title": claim_id,
        "project": claim_id,
        "event_date": date,
        "answers": {"newly_approved": True},
    }


def evaluate(rules, data: dict[str, Any], as_of: dt.date | None = None):
    return evaluate_application(rules, parse_application(data), as_of)


def condition(result, cid: str):
    return next(c for c in result.conditions if c.id == cid)


# -- the rules file


def test_every_quote_in_the_rules_is_text_of_the_cited_clause(data_dir):
    ws = Workspace.open(data_dir)
    try:
        rules = load_rules(RULES_FILE)

        def clause_text(clause_id: str) -> str | None:
            clause = ws.library.clause(clause_id)
            return clause.text if clause else None

        assert len(rules.citations()) > 40
        assert check_quotes(rules, clause_text) == []
    finally:
        ws.close()


def test_the_repealed_predecessor_in_the_rules_is_the_one_the_library_reads_from_the_text(data_dir):
    from workbench.core.corpus.metadata import extract_repeals

    ws = Workspace.open(data_dir)
    try:
        rules = load_rules(RULES_FILE)
        detail = ws.library.document(rules.doc_id)
        assert detail is not None
        text = "\n".join(c.text for c in detail.clauses)
        from_text = {(r.doc_number, r.title) for r in extract_repeals(text)}
        assert {(r.doc_number, r.title) for r in rules.validity.repeals} == from_text
        assert (
            "湘政办发〔2021〕44号",
            "湖南省人民政府办公厅关于促进生物医药产业创新发展的若干意见",
        ) in from_text
    finally:
        ws.close()


def test_before_the_opinions_the_result_names_the_document_then_in_force(rules):
    result = evaluate(rules, app_data(drug(date="2026-01-10")), dt.date(2026, 1, 20))
    in_force = condition(result.result_for_claim("drug"), "validity.in_force")
    assert in_force.reason == "policy_not_yet_predecessor"
    text = in_force.to_json()["reason_text"]
    assert "当时适用的是" in text and "湘政办发〔2021〕44号" in text and "2026-02-14 起实施" in text


@pytest.mark.parametrize(
    ("value", "field", "code", "words"),
    [
        ("五百万", "claims[0].requested_amount", "wrong_type", "以元为单位的整数"),
        (True, "claims[0].requested_amount", "wrong_type", "以元为单位的整数"),
        (12.5, "claims[0].requested_amount", "wrong_type", "以元为单位的整数"),
        ("-300万元", "claims[0].requested_amount", "negative_amount", "不能为负数"),
    ],
)
def test_an_amount_of_the_wrong_type_is_refused_naming_the_type_expected(value, field, code, words):
    data = app_data(drug(requested_amount=value))
    with pytest.raises(ApplicationFileError) as info:
        parse_application(data)
    assert (info.value.field, info.value.code) == (field, code) and words in str(info.value)


@pytest.mark.parametrize(
    ("value", "amount"), [("300万元", 3_000_000), ("3,000,000 元", 3_000_000), (3e6, 3_000_000)]
)
def test_an_amount_written_as_people_write_it_is_read(value, amount):
    app = parse_application(app_data(drug(requested_amount=value)))
    assert app.claims[0].requested_amount == amount


def test_other_type_errors_name_the_type_expected():
    data = app_data(drug(included="yes"))
    with pytest.raises(ApplicationFileError) as info:
        parse_application(data)
    assert info.value.field == "claims[0].included" and "应为true 或 false" in str(info.value)
    data = app_data(drug(answers={"first_registration": "是"}))
    with pytest.raises(ApplicationFileError) as info:
        parse_application(data)
    assert "true、false 或 null（未知）" in str(info.value)


def test_a_gbk_file_is_read_like_a_utf8_one(tmp_path):
    data = app_data(drug())
    gbk = tmp_path / "gbk.json"
    gbk.write_bytes(json.dumps(data, ensure_ascii=False).encode("gbk"))
    assert load_application_file(gbk) == parse_application(data)
    bom = tmp_path / "bom.json"
    bom.write_bytes(b"\xef\xbb\xbf" + json.dumps(data, ensure_ascii=False).encode("utf-8"))
    assert load_application_file(bom) == parse_application(data)


def test_a_misquoted_rule_is_caught_by_the_quote_check(rules):
    problems = check_quotes(rules, lambda cid: "别的文字" if cid != SCOPE else None)
    reasons = {reason for _, reason in problems}
    assert reasons == {"quote_not_in_clause", "unknown_clause"}


def test_rules_list_the_awards_of_the_opinions_with_kinds_and_amounts(rules):
    by_id = {i.id: i for i in rules.items}
    assert by_id["national-innovation-centre"].amount.per_year == 5_000_000
    assert by_id["national-innovation-centre"].amount.years == 3
    assert by_id["application-base-platform"].amount.max == 5_000_000
    assert by_id["evaluated-service-platform"].amount.max == 5_000_000
    assert [
        by_id[i].amount.max
        for i in (
            "innovative-drug",
            "innovative-device-class-3",
            "innovative-device-class-2",
            "special-cosmetic-raw-material",
        )
    ] == [5_000_000, 1_000_000, 500_000, 1_000_000]
    assert by_id["equity-investment-subsidy"].amount.max == 5_000_000
    assert (
        by_id["guarantee-support"].kind is ItemKind.FINANCING
        and by_id["guarantee-support"].amount.limit == 30_000_000
    )
    assert by_id["xiaoxiang-loan-white-list"].kind is ItemKind.FINANCING
    for item_id in (
        "genetic-resources-qualification",
        "fast-track-testing",
        "first-purchase-catalogue",
        "clinical-use-upon-approval",
    ):
        assert by_id[item_id].kind is ItemKind.NON_MONETARY
    assert by_id["rd-reserve-incentive"].amount.ceiling is None
    assert rules.annual_cap is not None and rules.annual_cap.amount == 50_000_000
    assert rules.validity.valid_until == dt.date(2031, 2, 13)


def test_rules_are_found_by_document_and_by_id():
    assert rules_for_document("hunan-biomedicine-2026").id == "hunan-biomedicine-2026"  # type: ignore[union-attr]
    assert rules_for_document("nanjing-bioeconomy-2021") is None
    assert rules_by_id("no-such-rules") is None


def test_another_policy_is_just_another_data_file(tmp_path):
    data = json.loads(RULES_FILE.read_text(encoding="utf-8"))
    data |= {
        "id": "other-2027",
        "doc_id": "other-doc",
        "title": "另一项政策",
        "items": [data["items"][5] | {"id": "only-item"}],
        "exclusive": [],
    }
    data["annual_cap"] = None
    (tmp_path / "other.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    other = rules_for_document("other-doc", tmp_path)
    assert other is not None and [i.id for i in other.items] == ["only-item"]
    app = parse_application(
        app_data(
            {
                "id": "x",
                "item": "only-item",
                "event_date": "2026-05-01",
                "answers": {"first_registration": True, "industrialised": True},
            }
        )
        | {"rules": "other-2027"},
        lambda rid: other if rid == "other-2027" else None,
    )
    result = evaluate_application(other, app)
    assert result.result_for_claim("x").state is State.ELIGIBLE  # type: ignore[union-attr]
    assert result.totals[0].cap is None


@pytest.mark.parametrize(
    ("mutate", "field"),
    [
        (lambda d: d.update(format_version=2), "format_version"),
        (lambda d: d["items"][0].update(kind="gift"), "items[0].kind"),
        (lambda d: d["items"][0]["amount"].update(per_year=-5), "items[0].amount.per_year"),
        (lambda d: d["items"][1]["conditions"][0].pop("quote"), "items[1].conditions[0].quote"),
        (lambda d: d["items"][2].update(id=d["items"][1]["id"]), "items[2].id"),
        (lambda d: d["exclusive"][0]["items"].append("nope"), "exclusive[0].items"),
        (lambda d: d["validity"].update(issued="2026-02-30"), "validity.issued"),
    ],
)
def test_a_broken_rules_file_is_refused_naming_the_field(mutate, field):
    data = json.loads(RULES_FILE.read_text(encoding="utf-8"))
    mutate(data)
    with pytest.raises(RulesError) as info:
        parse_rules(data)
    assert info.value.field == field


# -- evaluation


def test_a_changsha_innovative_drug_qualifies_for_5_million_with_reasons_cited(rules):
    result = evaluate(rules, app_data(drug()))
    r = result.result_for_claim("drug")
    assert r is not None and r.state is State.ELIGIBLE
    assert r.max_amount == 5_000_000 and r.amount == 5_000_000 and r.per_year == {2026: 5_000_000}
    industrialised = condition(r, "industrialised")
    assert industrialised.reason == "answered_yes" and industrialised.citation.clause_id == CLAUSE_4
    assert "符合产业化落地等相关条件" in industrialised.citation.quote
    assert r.fund is not None and r.fund.name == "省先进制造业高地建设资金"
    assert (
        result.totals[0].year == 2026
        and result.totals[0].after_cap == 5_000_000
        and not result.totals[0].cap_applied
    )


def test_unclaimed_items_are_listed_as_needing_information(rules):
    result = evaluate(rules, app_data(drug()))
    unclaimed = [r for r in result.items if r.claim is None]
    assert {r.item.id for r in unclaimed} == {i.id for i in rules.items} - {"innovative-drug"}
    assert all(r.state is State.NEEDS_INFO and r.amount == 0 for r in unclaimed)


def test_outside_hunan_nothing_is_eligible_and_the_scope_clause_is_cited(rules):
    result = evaluate(
        rules, app_data(drug(), province="江苏省", city="南京市", operating_provinces=["江苏省"])
    )
    assert result.scope_state is State.INELIGIBLE
    assert all(r.state is State.INELIGIBLE for r in result.items)
    for r in result.items:
        scope = condition(r, "scope")
        assert scope.reason == "outside_scope" and scope.citation.clause_id == SCOPE
        assert "在湖南省实质从事相关活动" in scope.params["failed"]
    in_hunan = next(c for c in result.scope if c.id == "scope.in_hunan")
    assert in_hunan.reason == "value_not_allowed" and in_hunan.params["value"] == "江苏省"
    assert result.totals == [] and result.total_after_cap == 0


def test_an_entity_type_the_scope_paragraph_does_not_name_is_outside_scope(rules):
    result = evaluate(rules, app_data(drug(), entity_type="个人"))
    assert result.result_for_claim("drug").state is State.INELIGIBLE  # type: ignore[union-attr]
    result = evaluate(rules, app_data(drug(), entity_type="医疗机构"))
    assert result.result_for_claim("drug").state is State.ELIGIBLE  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("day", "status", "reason"),
    [
        (dt.date(2026, 2, 13), PolicyStatus.NOT_YET, "policy_not_yet_predecessor"),
        (dt.date(2031, 2, 14), PolicyStatus.EXPIRED, "policy_expired"),
    ],
)
def test_before_issue_and_after_expiry_nothing_is_payable_and_the_result_says_which(
    rules, day, status, reason
):
    result = evaluate(rules, app_data(drug(date="2026-02-14")), day)
    assert result.policy_status is status
    assert all(r.state is State.INELIGIBLE and r.amount == 0 for r in result.items)
    in_force = condition(result.result_for_claim("drug"), "validity.in_force")
    assert in_force.reason == reason and in_force.citation.clause_id == FINAL
    assert "有效期5年" in in_force.citation.quote
    assert result.total_after_cap == 0


def test_first_and_last_day_of_the_term_are_in_force(rules):
    for day in (dt.date(2026, 2, 14), dt.date(2031, 2, 13)):
        result = evaluate(rules, app_data(drug(date="2026-02-14")), day)
        assert result.policy_status is PolicyStatus.IN_FORCE
        assert result.result_for_claim("drug").state is State.ELIGIBLE  # type: ignore[union-attr]


def test_an_approval_before_the_opinions_were_issued_does_not_count(rules):
    r = evaluate(rules, app_data(drug(date="2026-02-13"))).result_for_claim("drug")
    assert r is not None and r.state is State.INELIGIBLE
    assert condition(r, "event_in_term").reason == "date_before_issue"


def test_a_national_centre_is_paid_5_million_a_year_for_three_years(rules):
    result = evaluate(rules, app_data(centre(date="2026-06-01")))
    r = result.result_for_claim("centre")
    assert r is not None and r.state is State.ELIGIBLE
    assert r.per_year == {2026: 5_000_000, 2027: 5_000_000, 2028: 5_000_000}
    assert r.max_amount == 15_000_000
    assert [(t.year, t.after_cap) for t in result.totals] == [
        (2026, 5_000_000),
        (2027, 5_000_000),
        (2028, 5_000_000),
    ]


def test_instalments_falling_after_the_term_are_left_out_and_explained(rules):
    r = evaluate(rules, app_data(centre(date="2029-06-01")), dt.date(2029, 7, 1)).result_for_claim("centre")
    assert r is not None and r.per_year == {2029: 5_000_000, 2030: 5_000_000}
    note = next(n for n in r.notes if n.code == "instalment_after_expiry")
    assert note.params["n"] == 3 and note.citation is not None and note.citation.clause_id == FINAL


def test_an_unclaimed_or_undated_multi_year_award_near_expiry_shows_only_the_years_left(rules):
    """What an unclaimed item shows is what a claim made on the evaluation date could get."""
    late = dt.date(2030, 9, 1)
    undated = centre() | {"event_date": None}
    result = evaluate(rules, app_data(undated), late)
    claimed = result.result_for_claim("centre")
    assert claimed is not None and claimed.per_year == {2030: 5_000_000} and claimed.max_amount == 5_000_000
    bare = evaluate(rules, app_data(), late)
    [offer] = [r for r in bare.items if r.item.id == "national-innovation-centre"]
    assert offer.claim is None and offer.per_year == {2030: 5_000_000} and offer.max_amount == 5_000_000
    assert [n.params["n"] for n in offer.notes if n.code == "instalment_after_expiry"] == [2, 3]


def test_the_5000_wan_annual_cap_bites_with_its_clause_cited(rules):
    claims = [centre(f"c{i}") for i in range(3)] + [drug(f"d{i}") for i in range(2)]
    result = evaluate(rules, app_data(*claims))
    year = {t.year: t for t in result.totals}
    assert year[2026].before_cap == 25_000_000 and not year[2026].cap_applied
    claims += [drug(f"e{i}") for i in range(6)]
    result = evaluate(rules, app_data(*claims))
    year = {t.year: t for t in result.totals}
    assert (
        year[2026].before_cap == 55_000_000 and year[2026].after_cap == 50_000_000 and year[2026].cap_applied
    )
    assert year[2026].cap_citation is not None and year[2026].cap_citation.clause_id == FINAL
    assert "5000万元" in year[2026].cap_citation.quote
    assert year[2027].before_cap == 15_000_000 and not year[2027].cap_applied
    assert any(s.code == "trace.cap" and s.params["year"] == 2026 for s in result.trace)
    assert result.total_after_cap == 50_000_000 + 15_000_000 * 2


def test_the_shipped_cap_example_bites_in_its_first_year():
    app = load_application_file(EXAMPLES / "annual-cap-exceeded.json")
    totals = evaluate_application(rules_by_id(app.rules_id), app).totals  # type: ignore[arg-type]
    assert totals[0].cap_applied and totals[0].after_cap == 50_000_000 < totals[0].before_cap


def test_guarantee_support_is_never_counted_as_money(rules):
    guarantee = {
        "id": "g",
        "item": "guarantee-support",
        "answers": {"small_tech_firm": True, "guarantee_plan": True},
    }
    white_list = {"id": "w", "item": "xiaoxiang-loan-white-list", "answers": {"white_listed": True}}
    result = evaluate(rules, app_data(drug(), guarantee, white_list))
    g = result.result_for_claim("g")
    assert g is not None and g.state is State.ELIGIBLE
    assert (
        g.amount == 0
        and g.max_amount is None
        and g.counted_per_year == {}
        and g.financing_limit == 30_000_000
    )
    assert any(n.code == "financing_not_money" for n in g.notes)
    assert result.result_for_claim("w").amount == 0  # type: ignore[union-attr]
    assert result.total_before_cap == 5_000_000


def test_one_device_claimed_as_two_classes_is_refused(rules):
    answers = {"production_approval": True, "industrialised": True}
    class3 = {
        "id": "as3",
        "item": "innovative-device-class-3",
        "project": "手术机器人",
        "event_date": "2026-05-01",
        "answers": answers,
    }
    class2 = {
        "id": "as2",
        "item": "innovative-device-class-2",
        "project": "手术机器人",
        "event_date": "2026-05-01",
        "answers": answers,
    }
    result = evaluate(rules, app_data(class3, class2))
    for claim_id in ("as3", "as2"):
        r = result.result_for_claim(claim_id)
        assert r is not None and r.state is State.INELIGIBLE and r.amount == 0
        refused = condition(r, "exclusive.one_device_class")
        assert refused.reason == "conflicting_claims" and refused.citation.clause_id == CLAUSE_4
    other_product = class2 | {"project": "血糖仪"}
    result = evaluate(rules, app_data(class3, other_product))
    assert result.total_before_cap == 1_500_000


def test_unknown_answers_give_needs_info_not_ineligible(rules):
    unknown = drug() | {"answers": {"first_registration": True, "industrialised": None}}
    result = evaluate(rules, app_data(unknown))
    r = result.result_for_claim("drug")
    assert r is not None and r.state is State.NEEDS_INFO
    assert condition(r, "industrialised").reason == "unanswered"
    assert result.totals[0].before_cap == 0 and result.totals[0].pending == 5_000_000
    undated = drug() | {"event_date": None}
    assert (
        condition(evaluate(rules, app_data(undated)).result_for_claim("drug"), "event_in_term").reason
        == "date_missing"
    )
    no_province = app_data(drug())
    del no_province["profile"]["operating_provinces"]
    result = evaluate(rules, no_province)
    assert (
        result.scope_state is State.NEEDS_INFO and result.result_for_claim("drug").state is State.NEEDS_INFO
    )  # type: ignore[union-attr]


def test_a_no_answer_makes_the_item_ineligible(rules):
    r = evaluate(
        rules, app_data(drug() | {"answers": {"first_registration": True, "industrialised": False}})
    ).result_for_claim("drug")
    assert (
        r is not None
        and r.state is State.INELIGIBLE
        and condition(r, "industrialised").reason == "answered_no"
    )


def test_a_project_with_a_higher_award_under_another_policy_counts_once_at_the_higher_amount(rules):
    higher = drug(other_claims=[{"policy": "长沙市生物医药产业政策", "amount": 8_000_000}])
    r = evaluate(rules, app_data(higher)).result_for_claim("drug")
    assert r is not None and r.state is State.ELIGIBLE and r.max_amount == 5_000_000 and r.amount == 0
    note = next(n for n in r.notes if n.code == "superseded_by_other_policy")
    assert note.citation is not None and "从优、就高、不重复" in note.citation.quote
    lower = drug(other_claims=[{"policy": "长沙市生物医药产业政策", "amount": 2_000_000}])
    r = evaluate(rules, app_data(lower)).result_for_claim("drug")
    assert (
        r is not None and r.amount == 5_000_000 and any(n.code == "counted_here_over_other" for n in r.notes)
    )


def test_one_project_under_two_items_of_the_opinions_counts_once_at_the_higher(rules):
    base = {
        "id": "base",
        "item": "application-base-platform",
        "project": "平台甲",
        "event_date": "2026-04-01",
        "answers": {"newly_recognised": True},
    }
    service = {
        "id": "svc",
        "item": "evaluated-service-platform",
        "project": "平台甲",
        "event_date": "2026-04-01",
        "requested_amount": 3_000_000,
        "answers": {"in_rd": True, "evaluated": True},
    }
    result = evaluate(rules, app_data(base, service))
    assert result.result_for_claim("base").amount == 5_000_000  # type: ignore[union-attr]
    svc = result.result_for_claim("svc")
    assert svc is not None and svc.amount == 0 and any(n.code == "duplicate_project_lower" for n in svc.notes)
    assert result.total_before_cap == 5_000_000


def test_a_requested_amount_below_the_ceiling_is_what_counts(rules):
    r = evaluate(rules, app_data(drug(requested_amount=3_200_000))).result_for_claim("drug")
    assert r is not None and r.max_amount == 5_000_000 and r.amount == 3_200_000


def test_the_equity_subsidy_never_exceeds_the_actual_investment(rules):
    equity = {
        "id": "eq",
        "item": "equity-investment-subsidy",
        "event_date": "2026-04-01",
        "base_amount": 2_000_000,
        "answers": {"equity_firm": True, "invests_in_biomedicine": True},
    }
    r = evaluate(rules, app_data(equity)).result_for_claim("eq")
    assert r is not None and r.state is State.ELIGIBLE and r.max_amount == 2_000_000
    r = evaluate(rules, app_data(equity | {"base_amount": 90_000_000})).result_for_claim("eq")
    assert r is not None and r.max_amount == 5_000_000
    r = evaluate(rules, app_data(equity | {"base_amount": None})).result_for_claim("eq")
    assert r is not None and r.state is State.NEEDS_INFO


def test_a_newly_introduced_platform_is_paid_from_the_open_economy_fund(rules):
    base = {
        "id": "base",
        "item": "application-base-platform",
        "event_date": "2026-04-01",
        "answers": {"newly_recognised": True, "newly_introduced": True},
    }
    r = evaluate(rules, app_data(base)).result_for_claim("base")
    assert r is not None and r.fund is not None and r.fund.name == "省开放型经济与流通产业发展专项资金"
    assert "新引进的" in r.fund.citation.quote


def test_an_excluded_claim_is_evaluated_but_counts_nothing(rules):
    result = evaluate(rules, app_data(drug(included=False), drug("other")))
    off = result.result_for_claim("drug")
    assert off is not None and off.state is State.ELIGIBLE and off.amount == 0
    assert result.total_before_cap == 5_000_000


def test_the_trace_is_complete_ordered_and_serialisable(rules):
    result = evaluate(rules, app_data(drug()))
    codes = [s.code for s in result.trace]
    assert codes[0] == "trace.start" and codes[1] == "trace.policy" and codes[-1] == "trace.total"
    assert sum(1 for c in codes if c == "trace.item") == len(result.items)
    assert all(s.text and "{" not in s.text for s in result.trace)
    data = json.loads(json.dumps(result.to_json(), ensure_ascii=False))
    assert data["items"][0]["conditions"][0]["citation"]["clause_id"] == FINAL
    assert data["totals"]["after_cap"] == 5_000_000


# -- the application file


def test_application_json_round_trips(rules):
    app = parse_application(
        app_data(drug(other_claims=[{"policy": "长沙", "amount": 1}], requested_amount=1_000_000))
        | {"evidence": {"drug:industrialised": {"note": "厂房租赁合同"}}}
    )
    again = parse_application(json.loads(json.dumps(application_to_json(app))))
    assert again == app


def test_all_shipped_examples_load_and_evaluate():
    names = sorted(p.name for p in EXAMPLES.glob("*.json"))
    assert len(names) >= 4
    for path in EXAMPLES.glob("*.json"):
        app = load_application_file(path)
        evaluate_application(rules_by_id(app.rules_id), app)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("mutate", "field", "code"),
    [
        (lambda d: d.update(version=2), "version", "wrong_version"),
        (lambda d: d.pop("version"), "version", "missing_field"),
        (lambda d: d.pop("profile"), "profile", "missing_field"),
        (lambda d: d["claims"][0].pop("item"), "claims[0].item", "missing_field"),
        (
            lambda d: d["claims"][0].update(requested_amount=-1),
            "claims[0].requested_amount",
            "negative_amount",
        ),
        (lambda d: d["claims"][0].update(event_date="2026-02-30"), "claims[0].event_date", "bad_date"),
        (lambda d: d.update(as_of="2026-13-01"), "as_of", "bad_date"),
        (lambda d: d["claims"][0].update(item="free-money"), "claims[0].item", "unknown_item"),
        (lambda d: d["claims"][0]["answers"].update(typo=True), "claims[0].answers.typo", "unknown_answer"),
        (
            lambda d: d["claims"][0]["answers"].update(industrialised="yes"),
            "claims[0].answers.industrialised",
            "wrong_type",
        ),
        (lambda d: d["claims"].append(copy.deepcopy(d["claims"][0])), "claims[1].id", "duplicate_id"),
        (lambda d: d.update(format="something.else"), "format", "wrong_format"),
        (lambda d: d.update(rules="nowhere-2030"), "rules", "unknown_rules"),
    ],
)
def test_a_bad_application_is_refused_naming_the_field(mutate, field, code):
    data = app_data(drug())
    mutate(data)
    with pytest.raises(ApplicationFileError) as info:
        parse_application(data)
    assert (info.value.field, info.value.code) == (field, code)
    assert field in str(info.value)


def test_text_that_is_not_json_is_refused():
    with pytest.raises(ApplicationFileError) as info:
        parse_application_text("{not json")
    assert info.value.code == "not_json"


def test_a_request_above_the_ceiling_counts_the_ceiling(rules):
    r = evaluate(rules, app_data(drug(requested_amount=9_000_000))).result_for_claim("drug")
    assert r is not None and r.amount == 5_000_000 and any(n.code == "requested_above_max" for n in r.notes)
