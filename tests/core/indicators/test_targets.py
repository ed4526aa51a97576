"""Target extraction: the bundled plans' targets, messy text, and what must not become a target."""

from __future__ import annotations

import json

import pytest

from workbench.core.corpus.models import Clause, ClauseKind
from workbench.core.indicators.targets import Comparator, TargetProposal, document_horizon, extract_targets
from workbench.core.workspace import Workspace

BUNDLED = "resources/indicators/bundled-targets.json"


@pytest.fixture(scope="module")
def library(seeded_template, tmp_path_factory):
    import shutil

    path = tmp_path_factory.mktemp("targets") / "data"
    shutil.copytree(seeded_template, path)
    ws = Workspace.open(path)
    yield ws.library
    ws.close()


@pytest.fixture(scope="module")
def proposals(library):
    return {
        doc: extract_targets(library.document(doc))
        for doc in (
            "changsha-bioeconomy-2023",
            "changsha-big-health-2023",
            "nanjing-bioeconomy-2021",
            "hunan-biomedicine-2026",
            "national-bioeconomy-2022",
        )
    }


def one(found: list[TargetProposal], clause_id: str, value_text: str) -> TargetProposal:
    matches = [p for p in found if p.clause_id == clause_id and p.value_text == value_text]
    assert len(matches) == 1, [(p.clause_id, p.value_text) for p in found]
    return matches[0]


def clause(text: str, cid: str = "doc-x:一") -> Clause:
    return Clause(
        id=cid,
        path="一",
        kind=ClauseKind.PART,
        level=1,
        ordinal=1,
        marker="一、",
        heading="",
        body=text,
        responsible=None,
        text=text,
        span_start=0,
        span_end=len(text),
    )


def test_the_changsha_bioeconomy_scale_target_reads_value_unit_deadline_and_clause(proposals, library):
    p = one(
        proposals["changsha-bioeconomy-2023"], "changsha-bioeconomy-2023:二", "4000亿元"
    )  # written 4000 亿元 with spaces
    assert (p.target_low, p.target_high, p.unit) == (4000, None, "亿元")
    assert p.comparator is Comparator.AT_LEAST and p.comparator_word == "达到"
    assert p.deadline == "2025" and not p.recurring and p.deadline_source == "sentence"
    assert p.region == "长沙市" and p.name == "产业规模"
    assert p.sentence in library.clause(p.clause_id).text


def test_em_dash_ranges_become_low_and_high_with_their_thresholds_kept_in_the_name(proposals):
    found = proposals["changsha-bioeconomy-2023"]
    p = one(found, "changsha-bioeconomy-2023:二", "2—3家")
    assert (p.target_low, p.target_high, p.unit, p.comparator) == (2, 3, "家", Comparator.RANGE)
    assert "过100亿元的骨干企业" in p.name
    assert one(found, "changsha-bioeconomy-2023:二", "10—20家").target_high == 20
    clusters = one(found, "changsha-bioeconomy-2023:二", "1—2个")
    assert (clusters.target_low, clusters.target_high) == (1, 2) and "500亿" in clusters.name


def test_end_of_year_deadline_is_a_date_and_plan_horizon_fills_clauses_without_one(proposals):
    found = proposals["changsha-big-health-2023"]
    revenue = one(found, "changsha-big-health-2023:一", "4000亿元")
    assert (
        revenue.deadline == "2023-12-31"
        and revenue.comparator is Comparator.MORE_THAN
        and revenue.comparator_word == "超过"
    )
    projects = one(found, "changsha-big-health-2023:二/（二）/4", "100个")
    assert projects.deadline == "2023" and projects.deadline_source == "document"
    assert "5000万元" in projects.name  # the threshold qualifies the projects, it is not a target of its own
    assert not [p for p in found if p.value_text == "5000万元"]


def test_every_year_targets_are_recurring_without_a_deadline(proposals):
    p = one(proposals["changsha-bioeconomy-2023"], "changsha-bioeconomy-2023:四/（三）", "30个")
    assert (
        p.recurring
        and p.deadline is None
        and p.comparator is Comparator.ABOUT
        and p.comparator_word == "左右"
    )


def test_a_deadline_at_the_start_of_a_clause_holds_for_its_later_sentences(proposals):
    found = proposals["nanjing-bioeconomy-2021"]
    scale = one(found, "nanjing-bioeconomy-2021:一/（二）", "4000亿元")
    assert scale.deadline == "2023" and scale.deadline_source == "sentence"
    about = one(found, "nanjing-bioeconomy-2021:一/（二）", "10家")
    assert (
        about.deadline == "2023"
        and about.deadline_source == "clause"
        and about.comparator is Comparator.ABOUT
    )
    assert one(found, "nanjing-bioeconomy-2021:一/（二）", "3000亿元").comparator is Comparator.MORE_THAN


def test_sales_thresholds_of_products_are_not_targets(proposals):
    for doc in ("changsha-bioeconomy-2023", "nanjing-bioeconomy-2021"):
        assert not [p for p in proposals[doc] if p.value_text == "10亿元"], (
            "年销售额超过10亿元的产品 is a threshold"
        )


def test_subsidy_documents_propose_no_targets(proposals):
    # 湘政办发〔2026〕15号 is all 奖补 amounts and ceilings (不超过500万元, 最高不超过3000万元)
    assert proposals["hunan-biomedicine-2026"] == []
    assert not [p for p in proposals["nanjing-bioeconomy-2021"] if p.unit == "万元" or p.unit == "%"]


@pytest.mark.parametrize(
    "text",
    [
        "对新认定的平台，每个平台奖补最高不超过500万元。",
        "按照研发投入的15%、最高1000万元给予资金支持。",
        "对年营业收入超过10亿元的企业给予一次性奖励。",
        "到2025年，培育一批年销售额超过 10 亿元的生物制造产品。",
        "到2025年，单个项目支持不超过300万元。",
        "截至2022年底，全市生物医药企业达到1200家。",
        "本办法自公布之日起施行，有效期 3 年。",
        "推动形成南京生物医药谷等7个产业集聚区。",
        "在更新发布6个月内配备使用创新药械。",
    ],
)
def test_ceilings_thresholds_grants_and_facts_are_not_targets(text):
    assert extract_targets([clause(text)], doc_id="doc-x") == []


def test_full_width_digits_percent_and_spaces_are_read():
    found = extract_targets(
        [clause("到２０２５年，研发投入强度达到 ３.５ ％，新增企业 １２ 家以上。")],
        doc_id="doc-x",
        region="某市",
    )
    assert [(p.target_low, p.unit, p.comparator) for p in found] == [
        (3.5, "%", Comparator.AT_LEAST),
        (12, "家", Comparator.AT_LEAST),
    ]
    assert all(p.deadline == "2025" and p.region == "某市" and p.clause_id == "doc-x:一" for p in found)
    assert found[0].value_text == "３.５％" and found[0].sentence.startswith("到２０２５年")


def test_numbers_written_in_chinese_are_read_where_they_are_counts():
    text = (
        "到2025年，培育上市企业十家，新增国家级平台两个以上，引进人才二十名左右，新增专精特新企业一百二十"
        "家、独角兽三至五家，总数达到三十五家。"
    )
    found = extract_targets([clause(text)], doc_id="doc-x", region="某市")
    assert [(p.value_text, p.target_low, p.target_high, p.unit, p.comparator) for p in found] == [
        ("十家", 10, None, "家", Comparator.AT_LEAST),
        ("两个", 2, None, "个", Comparator.AT_LEAST),
        ("二十名", 20, None, "名", Comparator.ABOUT),
        ("一百二十家", 120, None, "家", Comparator.AT_LEAST),
        ("三至五家", 3, 5, "家", Comparator.RANGE),
        ("三十五家", 35, None, "家", Comparator.AT_LEAST),
    ]
    assert found[0].name == "培育上市企业" and all(p.deadline == "2025" for p in found)


@pytest.mark.parametrize(
    "text",
    [
        "以“五个一”的模式推进，即一个规划、一个专班、一支基金、一批项目、一个园区。",
        "到2025年，建设两个生物科技研发孵化中心，实施十家骨干企业“旗舰工程”。",
        "精准对接湖南省“百人计划”，做大做强四个细分产业。",
        "到2025年，年营业收入百亿元以上企业数量显著增加，突破一批“卡脖子”关键核心技术。",
        "在三个月内完成审核。",
    ],
)
def test_numbers_in_chinese_that_name_things_are_not_targets(text):
    assert extract_targets([clause(text)], doc_id="doc-x") == []


def test_caps_on_rates_outside_grants_are_at_most_targets():
    (p,) = extract_targets([clause("到2025年，单位产值能耗控制在 0.5 吨以内。")], doc_id="doc-x")
    assert p.comparator is Comparator.AT_MOST and p.target_low == 0.5 and p.unit == "吨"


def test_plan_titles_give_a_horizon():
    assert document_horizon("南京市生物经济发展三年行动计划（2021—2023年）") == "2023"
    assert document_horizon("长沙市大健康产业高质量发展2023年实施方案") == "2023"
    assert document_horizon("“十四五”生物经济发展规划") is None


# --- the bundled, reviewed targets -------------------------------------------------------------


@pytest.fixture(scope="module")
def bundled():
    from tests.conftest import ROOT

    return json.loads((ROOT / BUNDLED).read_text(encoding="utf-8"))


def test_every_bundled_quote_is_in_its_clause_and_the_region_is_the_documents(bundled, library):
    regions = {d.id: d.region for d in library.documents()}
    for t in bundled["targets"]:
        c = library.clause(t["clause_id"])
        assert c is not None, t["clause_id"]
        assert t["quote"] in c.text, t["id"]
        assert t["value_text"] in t["quote"].replace(" ", ""), t["id"]
        assert t["region"] == regions[t["doc_id"]]


def test_bundled_targets_cover_the_three_plans_without_ceilings_or_thresholds(bundled):
    targets = bundled["targets"]
    by_doc = {
        d: [t for t in targets if t["doc_id"] == d]
        for d in ("changsha-bioeconomy-2023", "changsha-big-health-2023", "nanjing-bioeconomy-2021")
    }
    assert (
        len(by_doc["changsha-bioeconomy-2023"]) >= 20
        and len(by_doc["changsha-big-health-2023"]) >= 10
        and len(by_doc["nanjing-bioeconomy-2021"]) >= 8
    )
    assert len({t["id"] for t in targets}) == len(targets)
    names = {(t["doc_id"], t["value_text"], t["name"]) for t in targets}
    assert ("changsha-bioeconomy-2023", "4000亿元", "生物经济产业规模") in names
    assert ("changsha-bioeconomy-2023", "35家", "上市企业总数") in names
    for t in targets:
        assert t["value_text"] not in ("10亿元", "500万元", "5000万元", "1000万元"), t
        assert not any(word in t["quote"] for word in ("给予", "奖补", "补助")), t
        ranged = t["comparator"] == "range"
        assert (t["target_high"] is not None) == ranged
        assert (t["deadline"] is None) == t["recurring"]


def test_markup_and_page_numbers_of_an_imported_text_do_not_reach_the_targets(library, tmp_path):
    text = (
        "某省生物经济发展规划\n一、发展目标\n**到2025年，生物经济总量达到 1,200 亿元**，<p>新增国家级平台 5—8 个。</p>"
        "\n"
        "—2—\n二、远景\n到 2035 年，生物经济规模突破 2 万亿元。\n"
    )
    path = tmp_path / "某省规划.txt"
    path.write_text(text, encoding="utf-8")
    (outcome,) = library.import_files([path])
    try:
        found = extract_targets(library.document(outcome.doc_id))
        assert [(p.target_low, p.target_high, p.unit, p.deadline) for p in found] == [
            (1200, None, "亿元", "2025"),
            (5, 8, "个", "2025"),
            (2, None, "万亿元", "2035"),
        ]
        for p in found:
            assert "**" not in p.sentence and "<p>" not in p.sentence
            assert p.sentence in library.clause(p.clause_id).text
    finally:
        library.remove(outcome.doc_id)


def test_chinese_thousands_are_read_as_counts():
    found = extract_targets(
        [clause("到2026年，新增就业岗位两千个，服务企业一千二百家以上。")], doc_id="doc-x", region="某市"
    )
    assert [(p.value_text, p.target_low, p.unit) for p in found] == [
        ("两千个", 2000, "个"),
        ("一千二百家", 1200, "家"),
    ]
