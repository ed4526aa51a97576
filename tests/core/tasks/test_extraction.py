"""Tasks from responsibility lines: lead and supporting units, stated and plan deadlines."""

from __future__ import annotations

import datetime as dt

import pytest

from workbench.core.tasks.extraction import clause_deadline, parse_responsibility, plan_deadline, task_title


@pytest.mark.parametrize(
    ("line", "lead", "supporting"),
    [
        # the shapes of the five bundled documents
        ("省科技厅、省财政厅、省统计局等按职责分工负责", "省科技厅", ("省财政厅", "省统计局")),
        ("省药品监管局牵头负责", "省药品监管局", ()),
        ("市发展改革委负责推进", "市发展改革委", ()),
        (
            "市工业和信息化局、市市场监管局、市卫生健康委按职责分工推进",
            "市工业和信息化局",
            ("市市场监管局", "市卫生健康委"),
        ),
        (
            "责任单位：湖南湘江新区管委会、市科技局、市工业和信息化局等按职责分工，下同",
            "湖南湘江新区管委会",
            ("市科技局", "市工业和信息化局"),
        ),
        ("责任单位:市科技局、市卫生健康委", "市科技局", ("市卫生健康委",)),
        # shapes the bundled documents do not use
        ("牵头单位：省科技厅；配合单位：省财政厅、省教育厅", "省科技厅", ("省财政厅", "省教育厅")),
        ("省科技厅牵头，省财政厅、省教育厅配合", "省科技厅", ("省财政厅", "省教育厅")),
        ("市科技局牵头负责，市财政局参与", "市科技局", ("市财政局",)),
        ("责任单位：省财政厅、省科技厅（牵头）、省教育厅", "省科技厅", ("省财政厅", "省教育厅")),
    ],
)
def test_the_lead_is_the_unit_marked_lead_or_else_the_first_named(line, lead, supporting):
    duty = parse_responsibility(line)
    assert (duty.lead, duty.supporting) == (lead, supporting)


def test_a_time_limit_in_the_line_is_not_taken_for_a_unit():
    duty = parse_responsibility("牵头单位：市工信局；配合单位：市发改委；完成时限：2025年6月底前")
    assert duty.supporting == ("市发改委",) and duty.deadline_text == "2025年6月底前"
    duty = parse_responsibility("省科技厅、省财政厅按职责分工负责，2025年底前完成")
    assert duty.supporting == ("省财政厅",) and duty.deadline_text == "2025年底前完成"


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2024年6月底前完成全部改造", dt.date(2024, 6, 30)),
        ("2024年6月30日前", dt.date(2024, 6, 30)),
        ("2024年底前建成", dt.date(2024, 12, 31)),
        ("力争2025年上半年投产", dt.date(2025, 6, 30)),
        ("到2025年，培育10家企业；到2027年，达到20家", dt.date(2027, 12, 31)),  # the latest stated
        ("２０２６年３月底前", dt.date(2026, 3, 31)),  # full-width digits
    ],
)
def test_a_clause_states_its_deadline_in_several_ways(text, day):
    found = clause_deadline(text)
    assert found is not None and found.day == day and found.source == "clause"


def test_a_base_year_or_a_long_clause_that_says_持续推进_is_no_deadline():
    assert clause_deadline("产业规模较2020年增长一倍") is None
    assert clause_deadline("截至2022年底，全市已有企业300家") is None
    assert clause_deadline("持续推进" + "完善产业链条，" * 10) is None
    stated = clause_deadline("长期坚持")
    assert stated is not None and stated.day is None and stated.text == "长期坚持"


@pytest.mark.parametrize(
    ("title", "note", "day"),
    [
        ("长沙市生物经济发展三年行动计划（2023—2025年）", None, dt.date(2025, 12, 31)),
        ("长沙市大健康产业高质量发展2023年实施方案", None, dt.date(2023, 12, 31)),
        ("“十四五”生物经济发展规划", None, dt.date(2025, 12, 31)),
        ("南京市生物经济发展行动计划", "计划期2021—2023年", dt.date(2023, 12, 31)),
    ],
)
def test_a_plan_period_gives_the_deadline_of_its_tasks(title, note, day):
    found = plan_deadline(title, note)
    assert found is not None and found.day == day and found.source == "plan"


def test_opinions_without_a_period_give_no_deadline_their_validity_is_not_one():
    assert (
        plan_deadline(
            "湖南省人民政府办公厅关于促进生物医药产业创新发展的若干意见", "自印发之日起实施，有效期5年"
        )
        is None
    )


def test_a_task_is_named_by_its_heading_or_its_first_sentence():
    assert task_title("壮大龙头企业", "支持骨干企业兼并重组。") == "壮大龙头企业"
    assert task_title("", "支持骨干企业兼并重组；建立机制。") == "支持骨干企业兼并重组"
    assert task_title("", "很" * 80).endswith("…")
