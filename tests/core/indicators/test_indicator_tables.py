"""Targets as real plans state them: main-indicator tables (text, .docx, .xlsx), 约束性/预期性,
base values, and the running-text phrasings of provincial and municipal plans.

The fixtures are written for these tests in the forms real plans take (a table that arrives
one cell per line with row numbers glued to names; a .docx table with a merged 类别 column);
they are not copies of any document."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest

from db.connection import open_database
from db.migrations import MIGRATIONS, schema_version
from workbench.core.corpus.clause_parser import parse_document
from workbench.core.indicators.progress import IndicatorError, IndicatorStatus
from workbench.core.indicators.service import BASE_NOTE
from workbench.core.indicators.targets import (
    DOUBLING_UNIT,
    Comparator,
    TargetAttribute,
    TargetProposal,
    extract_targets,
)
from workbench.core.workspace import Workspace

FIXTURES = Path(__file__).parent / "fixtures"
CITY_PLAN = FIXTURES / "plan_with_indicator_table.txt"  # one cell per line
PROVINCE_PLAN = FIXTURES / "plan_with_tab_table.txt"  # one row per line, cells by tabs
CITY_TITLE = "某市国民经济和社会发展第十四个五年规划纲要"


def _targets(path: Path, title: str, doc_id: str = "plan") -> list[TargetProposal]:
    parsed = parse_document(path.read_text(encoding="utf-8"), doc_id)
    return extract_targets(parsed.clauses, doc_id=doc_id, title=title)


def _by_name(found: list[TargetProposal]) -> dict[str, TargetProposal]:
    return {p.name: p for p in found}


@pytest.fixture(scope="module")
def city_all() -> list[TargetProposal]:
    return _targets(CITY_PLAN, CITY_TITLE)


@pytest.fixture(scope="module")
def city(city_all) -> dict[str, TargetProposal]:
    """The targets of the running text, by name."""
    return _by_name([p for p in city_all if p.deadline_source != "table"])


@pytest.fixture(scope="module")
def table(city_all) -> dict[str, TargetProposal]:
    """The rows of the indicator table, by name."""
    return _by_name([p for p in city_all if p.deadline_source == "table"])


# --- tables in text ----------------------------------------------------------------------


def test_a_table_with_one_cell_per_line_gives_one_target_a_row(table):
    assert list(table) == [
        "地区生产总值",  # the row number 1 glued to the name is gone
        "常住人口城镇化率",
        "数字经济核心产业增加值占地区生产总值比重",
        "研究与试验发展经费投入强度",
        "每万人口高价值发明专利拥有量",
        "单位地区生产总值能源消耗降低（累计）",
        "森林覆盖率",
        "地级及以上城市细颗粒物（PM2.5）浓度",
        "城镇调查失业率",
        "人均预期寿命",
    ]
    gdp = table["地区生产总值"]
    assert (gdp.target_low, gdp.unit, gdp.deadline, gdp.base_value, gdp.base_period) == (
        8000,
        "亿元",
        "2025",
        5800,
        "2020",
    )
    assert gdp.attribute is TargetAttribute.EXPECTED


def test_table_cells_give_comparators_attributes_and_five_year_totals(table):
    forest = table["森林覆盖率"]
    assert (forest.comparator, forest.target_low, forest.attribute) == (
        Comparator.AT_LEAST,
        45,
        TargetAttribute.BINDING,
    )
    pm = table["地级及以上城市细颗粒物（PM2.5）浓度"]
    assert (pm.comparator, pm.target_low, pm.unit, pm.base_value) == (
        Comparator.AT_MOST,
        32,
        "微克/立方米",
        35,
    )
    jobless = table["城镇调查失业率"]
    assert (jobless.comparator, jobless.target_low) == (Comparator.AT_MOST, 5.5)  # ＜5.5
    energy = table["单位地区生产总值能源消耗降低（累计）"]
    # no year values (—): the five-year total 〔14〕 is the target, and there is no base
    assert (energy.target_low, energy.base_value, energy.attribute) == (14, None, TargetAttribute.BINDING)


def test_a_tab_separated_table_with_an_empty_category_cell_is_read_row_by_row():
    found = _by_name(_targets(PROVINCE_PLAN, "某省制造业高质量发展“十四五”规划"))
    assert set(found) == {
        "规模以上工业增加值年均增长",
        "制造业增加值占地区生产总值比重",
        "规模以上工业单位增加值能耗降低（累计）",
        "工业固体废物综合利用率",
        "省级以上智能工厂",
    }
    growth = found["规模以上工业增加值年均增长"]
    assert growth.recurring and growth.comparator is Comparator.ABOUT and growth.target_low == 6
    reuse = found["工业固体废物综合利用率"]
    assert (reuse.comparator, reuse.target_low, reuse.target_high) == (Comparator.RANGE, 90, 92)
    factories = found["省级以上智能工厂"]
    assert (factories.target_low, factories.unit, factories.base_value, factories.base_period) == (
        300,
        "家",
        120,
        "2020",
    )


def test_the_national_form_numbered_names_units_in_brackets_and_values_with_remarks():
    found = _by_name(_targets(FIXTURES / "plan_national_form.txt", "国民经济和社会发展第十四个五年规划纲要"))
    # rows without a number (保持在合理区间, 高于…增长) propose nothing
    assert "地区生产总值增长" not in found and "全员劳动生产率增长" not in found
    urban = found["常住人口城镇化率"]  # 3．常住人口城镇化率（%） 60.6* 65
    assert (urban.target_low, urban.unit, urban.base_value) == (65, "%", 60.6)
    rd = found["全社会研发经费投入增长"]  # >7、力争投入强度高于… in the 年均/累计 column
    assert (rd.comparator, rd.target_low, rd.recurring, rd.value_text) == (
        Comparator.MORE_THAN,
        7,
        True,
        ">7",
    )
    grain = found["粮食综合生产能力"]
    assert (grain.unit, grain.target_low, grain.attribute) == ("亿吨", 6.5, TargetAttribute.BINDING)
    assert found["单位地区生产总值能源消耗降低（累计）"].target_low == 13.5
    assert sum(p.attribute is TargetAttribute.BINDING for p in found.values()) == 4


# --- running text ----------------------------------------------------------------------


def test_past_values_subsidies_and_return_periods_are_not_targets(city):
    names = set(city)
    assert "已建成国家级园区" not in names
    assert not any(p.target_low == 5800 for p in city.values())  # 2020年…达到5800亿元
    assert not any(p.unit == "万元" for p in city.values())  # 给予一次性奖励不超过200万元
    assert not any(p.target_low == 10 and p.unit == "亿元" for p in city.values())  # 超过10亿元的企业
    assert not any("一遇" in p.name or p.target_low == 100 for p in city.values())


def test_a_rise_from_a_base_gives_the_target_and_its_base(city):
    rd = city["全社会研发经费投入强度"]
    # the deadline is the clause's (到2025年 in an earlier sentence); the base year the plan's eve
    assert (rd.target_low, rd.unit, rd.base_value, rd.base_period, rd.deadline) == (
        3,
        "%",
        2.1,
        "2020",
        "2025",
    )


def test_respective_values_get_one_target_each(city):
    assert city["国家级创新平台"].target_low == 10
    assert city["省级创新平台"].target_low == 40


def test_doubling_is_twice_the_base_and_ranges_keep_both_ends(city):
    doubled = city["高新技术企业数量"]
    assert (doubled.target_low, doubled.unit, doubled.comparator) == (2, DOUBLING_UNIT, Comparator.AT_LEAST)
    air = city["城市空气质量优良天数比率"]
    assert (air.comparator, air.target_low, air.target_high, air.unit) == (Comparator.RANGE, 85, 90, "%")
    forest = city["森林覆盖率"]  # 提升至45％以上 in the text (the table has its own row)
    assert (forest.comparator, forest.target_low, forest.comparator_word) == (Comparator.AT_LEAST, 45, "以上")


def test_only_the_segment_that_says_annual_recurs(city):
    gdp = [p for p in city.values() if p.value_text == "8000亿元"]
    assert len(gdp) == 1 and gdp[0].deadline == "2025" and not gdp[0].recurring
    assert city["规模以上工业增加值增长"].recurring


# --- .docx and .xlsx ----------------------------------------------------------------------


@pytest.fixture
def workspace(tmp_path):
    ws = Workspace.open(tmp_path / "data")
    yield ws
    ws.close()


def _docx_plan(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph("某县“十四五”农业农村现代化规划（示例）")
    document.add_paragraph("表2 “十四五”农业农村现代化主要指标")
    rows = [
        ["类别", "指标", "单位", "2020年", "2025年", "属性"],
        ["粮食安全", "1粮食综合生产能力", "万吨", "52", ">52", "约束性"],
        ["", "2高标准农田面积", "万亩", "40", "55", "约束性"],
        ["乡村产业", "3农产品加工业产值", "亿元", "120", "180左右", "预期性"],
    ]
    table = document.add_table(rows=len(rows), cols=6)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(1, 0).merge(table.cell(2, 0))  # 粮食安全 spans two rows, as in a real plan
    document.add_paragraph("到2025年，农村居民人均可支配收入年均增长7%。")
    document.save(str(path))
    return path


def test_a_docx_table_with_a_merged_category_cell_is_read(workspace, tmp_path):
    outcome = workspace.library.import_file(_docx_plan(tmp_path / "县规划.docx"))
    assert outcome.ok, outcome
    found = _by_name(workspace.indicators.extract(outcome.doc_id))
    assert {"粮食综合生产能力", "高标准农田面积", "农产品加工业产值"} <= set(found)
    grain = found["粮食综合生产能力"]
    assert (grain.comparator, grain.target_low, grain.attribute) == (
        Comparator.MORE_THAN,
        52,
        TargetAttribute.BINDING,
    )
    assert (
        found["高标准农田面积"].base_value == 40 and found["农产品加工业产值"].comparator is Comparator.ABOUT
    )


def test_an_xlsx_indicator_table_is_a_document_of_its_own(workspace, tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "主要指标"
    sheet.append(["序号", "指标", "单位", "基期值（2020年）", "目标值（2025年）", "属性"])
    sheet.append([1, "每千人口医疗卫生机构床位数", "张", 6.2, 7.1, "预期性"])
    sheet.append([2, "耕地保有量", "万亩", 1200, "≥1180", "约束性"])
    path = tmp_path / "指标表.xlsx"
    book.save(path)
    outcome = workspace.library.import_file(path)
    assert outcome.ok, outcome
    found = _by_name(workspace.indicators.extract(outcome.doc_id))
    assert found["每千人口医疗卫生机构床位数"].target_low == 7.1
    land = found["耕地保有量"]
    assert (land.target_low, land.attribute, land.base_value) == (1180, TargetAttribute.BINDING, 1200)


# --- the store: attribute, base as first observation, filter ----------------------------------


def _import_city(ws: Workspace, tmp_path: Path) -> str:
    path = tmp_path / f"{CITY_TITLE}.txt"
    shutil.copy(CITY_PLAN, path)
    outcome = ws.library.import_file(path)
    assert outcome.ok, outcome
    return str(outcome.doc_id)


def test_accepting_a_table_row_keeps_its_attribute_and_records_its_base(workspace, tmp_path):
    doc_id = _import_city(workspace, tmp_path)
    forest = next(p for p in workspace.indicators.proposals(doc_id) if p.name == "森林覆盖率")
    indicator = workspace.indicators.accept(forest, actor="王五")
    assert indicator.attribute is TargetAttribute.BINDING
    (base,) = workspace.indicators.observations(indicator.id)
    assert (base.period, base.value, base.source_note, base.entered_by) == ("2020", 43.1, BASE_NOTE, "王五")
    workspace.indicators.record(indicator.id, "2023", 43.6)
    report = workspace.indicators.status(indicator.id, as_of=dt.date(2024, 1, 1))
    assert report.baseline_period == "2020" and report.status is IndicatorStatus.LIMITED_PROGRESS


def test_binding_targets_can_be_listed_alone_and_a_bad_attribute_changes_nothing(workspace, tmp_path):
    doc_id = _import_city(workspace, tmp_path)
    for p in workspace.indicators.proposals(doc_id):
        if p.deadline_source == "table":
            workspace.indicators.accept(p)
    binding = workspace.indicators.list(attribute=TargetAttribute.BINDING)
    assert {r.indicator.name for r in binding} == {
        "单位地区生产总值能源消耗降低（累计）",
        "森林覆盖率",
        "地级及以上城市细颗粒物（PM2.5）浓度",
    }
    one = binding[0].indicator
    with pytest.raises(IndicatorError) as info:
        workspace.indicators.edit(one.id, {"attribute": "重要"})
    assert info.value.code == "invalid_attribute"
    assert workspace.indicators.get(one.id) == one
    edited = workspace.indicators.edit(one.id, {"attribute": "预期性"})
    assert edited.attribute is TargetAttribute.EXPECTED


def test_a_version_five_file_gains_the_attribute_column_after_a_backup(tmp_path):
    path = tmp_path / "library.sqlite3"
    conn = sqlite3.connect(path)
    for version, script in enumerate(MIGRATIONS[:5], start=1):
        conn.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {version};\nCOMMIT;")
    conn.execute(
        "INSERT INTO indicators (id, name, measure, unit, comparator, target_low, origin, created_at, updated_at)"
        " VALUES ('i1', '产业规模', '产业规模', '亿元', 'at_least', 4000, 'manual', 't', 't')"
    )
    conn.commit()
    conn.close()
    db = open_database(path)
    assert schema_version(db.conn) == 6
    assert list(tmp_path.glob("library.sqlite3.v5-*.bak"))
    assert [tuple(r) for r in db.execute("SELECT id, target_low, attribute FROM indicators")] == [
        ("i1", 4000.0, None)
    ]
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("UPDATE indicators SET attribute = 'important' WHERE id = 'i1'")


# --- forms found on real plans (fixtures written for these tests, not copies) ---------------

REPORT_FORM = FIXTURES / "work_report_form.txt"  # a provincial government work report
SPACED_FORM = FIXTURES / "plan_with_spaced_digits.txt"  # a five-year plan from a PDF's text layer


@pytest.fixture(scope="module")
def report() -> list[TargetProposal]:
    return _targets(REPORT_FORM, "2026年某省政府工作报告")


def test_a_work_report_proposes_this_years_targets_and_none_of_last_years_results(report):
    names = {(p.name, p.target_low, p.unit) for p in report}
    assert ("地区生产总值增长", 5.0, "%") in names
    assert ("城镇新增就业", 55.0, "万人") in names
    assert ("新建省级美丽乡村", 200.0, "个") in names
    # 一、2025年工作回顾 and its （一）: results, whatever their wording (达到, 新增, 建成, 翻番)
    assert not [p for p in report if p.clause_id.split(":", 1)[1].startswith("一")]
    assert all(p.deadline == "2026" for p in report)


def test_counts_with_scaled_units_and_ages_of_life_expectancy_are_targets(report):
    by = _by_name(report)
    assert (by["粮食产量"].target_low, by["粮食产量"].unit) == (300.0, "亿斤")
    assert by["粮食产量"].comparator is Comparator.AT_LEAST
    assert (by["人均预期寿命"].target_low, by["人均预期寿命"].unit) == (79.0, "岁")
    assert [p.unit for p in report if p.target_low == 2.0] == ["万名"]  # 面向2万名技术工人


def test_formulas_frequencies_tariff_lines_parts_and_ages_of_who_is_counted_are_not_targets(report):
    values = {(p.target_low, p.unit) for p in report}
    assert (60.0, "%") not in values and (40.0, "%") not in values  # 考评分值=日常监测（60%）+…
    assert (1500.0, "种") not in values  # 针对首年关税为零的1500种商品
    assert (5.0, "个") not in values  # 从…等5个方面开展评价
    assert (1.0, "次") not in values  # 每3年修订1次
    assert (5.0, "岁") not in values  # 5岁以下儿童死亡率: the age says who is counted
    assert (5.0, "‰") in values  # …but the rate itself is a target


def test_digits_set_apart_by_a_pdf_are_read_as_numbers_and_years():
    found = _targets(SPACED_FORM, "某省国民经济和社会发展第十个五年计划纲要")
    by = _by_name(found)
    assert (by["国内生产总值"].target_low, by["国内生产总值"].unit, by["国内生产总值"].deadline) == (
        2900.0,
        "亿元",
        "2005",
    )
    assert by["装机容量"].target_low == 1080.0 and by["装机容量"].unit == "万千瓦"
    assert by["本地电话交换机容量"].unit == "万门"
    assert by["人均国内生产总值"].unit == DOUBLING_UNIT  # 比2 0 0 0年翻一番: 2000 is the base, not the past
    assert (by["服务业增加值比重"].target_low, by["服务业就业比重"].target_low) == (3.0, 4.0)
    assert by["服务业增加值比重"].unit == by["服务业就业比重"].unit == "个百分点"
    # 第一章 发展基础: the 九五 results are not proposed
    assert not [p for p in found if p.target_low in (1955.0, 9.5)]


def test_a_table_row_naming_no_unit_continues_the_unit_of_the_row_above():
    text = (
        "三、发展目标\n"
        "指标\t2015年\t2020年\t属性\n"
        "导爆管雷管占工业雷管比重（%）\t54.1\t>70\t预期性\n"
        "高强度型塑料导爆管\t-\t>50\t预期性\n"
        "工房现场操作人员\t-\t6人（含）以下\t约束性\n"
    )
    parsed = parse_document(text, "p")
    found = extract_targets(parsed.clauses, doc_id="p", title="民用爆炸物品行业发展规划（2016—2020年）")
    by = _by_name(found)
    assert (by["导爆管雷管占工业雷管比重"].unit, by["导爆管雷管占工业雷管比重"].base_value) == ("%", 54.1)
    assert (by["高强度型塑料导爆管"].target_low, by["高强度型塑料导爆管"].unit) == (50.0, "%")
    assert by["高强度型塑料导爆管"].comparator is Comparator.MORE_THAN
