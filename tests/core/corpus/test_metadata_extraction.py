"""Metadata from raw text: the bundled documents as the seeds README states them, and variants."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import DOCUMENTS_DIR
from workbench.core.corpus import metadata as md
from workbench.core.corpus.models import Level


def _text(stem: str) -> str:
    return (DOCUMENTS_DIR / f"{stem}.txt").read_text(encoding="utf-8")


HUNAN = "hunan-biomedicine-innovation-opinions-2026"
CHANGSHA = "changsha-bioeconomy-action-plan-2023-2025"
BIG_HEALTH = "changsha-big-health-implementation-plan-2023"
NANJING = "nanjing-bioeconomy-action-plan-2021-2023"
NATIONAL = "national-bioeconomy-14th-five-year-plan"


@pytest.mark.parametrize(
    ("stem", "number", "issuer", "issued"),
    [
        (HUNAN, "湘政办发〔2026〕15号", "湖南省人民政府办公厅", dt.date(2026, 2, 14)),
        (CHANGSHA, "长发改创高〔2023〕22号", "长沙市发展和改革委员会", dt.date(2023, 3, 24)),
        (BIG_HEALTH, "长发改社会〔2023〕76号", "长沙市发展和改革委员会", dt.date(2023, 7, 20)),
        (NANJING, None, "南京市人民政府办公厅", dt.date(2021, 9, 18)),
        (NATIONAL, None, None, None),
    ],
)
def test_bundled_documents_number_issuer_and_date(stem, number, issuer, issued):
    text = _text(stem)
    assert md.extract_doc_number(text) == number
    assert md.extract_issuer(text) == issuer
    value = md.extract_issue_date(text)
    assert (value.date if value else None) == issued


def test_titles_including_a_title_split_over_two_lines():
    assert md.extract_title(_text(HUNAN)) == "湖南省人民政府办公厅关于促进生物医药产业创新发展的若干意见"
    assert md.extract_title(_text(NANJING)) == "南京市生物经济发展三年行动计划（2021—2023年）"
    assert md.extract_title(_text(BIG_HEALTH)) == "长沙市大健康产业高质量发展2023年实施方案"


def test_print_date_is_kept_apart_from_the_issue_date():
    assert md.extract_print_date(_text(NANJING)).date == dt.date(2021, 9, 22)
    assert md.extract_print_date(_text(HUNAN)) is None


def test_validity_statements_of_the_bundled_documents():
    hunan = md.extract_validity(_text(HUNAN), dt.date(2026, 2, 14))
    assert (hunan.effective_from, hunan.valid_until, hunan.years) == (
        dt.date(2026, 2, 14),
        dt.date(2031, 2, 13),
        5,
    )
    changsha = md.extract_validity(_text(CHANGSHA), dt.date(2023, 3, 24))
    assert (changsha.valid_until, changsha.years) == (dt.date(2026, 3, 23), 3)  # "有效期 3 年" with spaces


def test_repeal_of_the_2021_opinions_and_references_of_the_changsha_plans():
    assert [(r.doc_number, r.title) for r in md.extract_repeals(_text(HUNAN))] == [
        ("湘政办发〔2021〕44号", "湖南省人民政府办公厅关于促进生物医药产业创新发展的若干意见")
    ]
    refs = md.extract_references(
        _text(CHANGSHA), "长发改创高〔2023〕22号", "长沙市生物经济发展三年行动计划（2023—2025年）"
    )
    national = [r for r in refs if r.kind == "doc_number"]
    assert [(r.value, r.title) for r in national] == [("发改高技〔2021〕1850号", "“十四五”生物经济发展规划")]
    big = md.extract_references(_text(BIG_HEALTH), "长发改社会〔2023〕76号")
    assert "湘政办发〔2023〕5号" in [r.value for r in big]
    assert "长发改社会〔2023〕76号" not in [r.value for r in big]


@pytest.mark.parametrize(
    ("raw", "normalized"),
    [
        ("湘政办发〔2026〕15号", "湘政办发〔2026〕15号"),
        ("湘政办发[2026]15号", "湘政办发〔2026〕15号"),
        ("湘政办发 〔2026〕 15 号", "湘政办发〔2026〕15号"),
        ("国办发【2019】3号", "国办发〔2019〕3号"),
        ("长发改创高\n〔2023〕22号", "长发改创高〔2023〕22号"),
        ("苏政发（２０２２）１０号", "苏政发〔2022〕10号"),
    ],
)
def test_doc_number_variants(raw, normalized):
    found = md.find_doc_numbers(f"见{raw}文件")
    assert [m.normalized for m in found] == [normalized]


def test_ranges_and_dates_are_not_doc_numbers():
    assert md.find_doc_numbers("三年行动计划（2023—2025年）于2023年3月印发") == []


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("2026年2月14日", dt.date(2026, 2, 14), "day"),
        ("2023 年 3 月 24 日", dt.date(2023, 3, 24), "day"),
        ("二〇二三年三月", dt.date(2023, 3, 1), "month"),
        ("二〇二一年九月十八日", dt.date(2021, 9, 18), "day"),
        ("2023-03-24", dt.date(2023, 3, 24), "day"),
        ("2023.03.24", dt.date(2023, 3, 24), "day"),
        ("２０２３年３月２４日", dt.date(2023, 3, 24), "day"),
    ],
)
def test_date_formats(text, expected, precision):
    value = md.parse_chinese_date(text)
    assert (value.date, value.precision) == (expected, precision)


def test_an_impossible_date_is_not_a_date():
    assert md.parse_chinese_date("2026年2月30日") is None


@pytest.mark.parametrize(
    ("sentence", "issued", "start", "until", "years"),
    [
        ("本办法自2024年1月1日起施行，有效期两年。", None, dt.date(2024, 1, 1), dt.date(2025, 12, 31), 2),
        (
            "本措施自2024年1月1日起至2026年12月31日止。",
            None,
            dt.date(2024, 1, 1),
            dt.date(2026, 12, 31),
            None,
        ),
        ("本方案有效期至2028年12月31日。", None, None, dt.date(2028, 12, 31), None),
        ("本意见自印发之日起实施，有效期5年。", None, None, None, 5),
        ("本规定自发布之日起30日后施行。", dt.date(2024, 3, 1), dt.date(2024, 3, 31), None, None),
    ],
)
def test_validity_variants(sentence, issued, start, until, years):
    v = md.extract_validity(f"一、总则\n{sentence}\n", issued)
    assert (v.effective_from, v.valid_until, v.years) == (start, until, years)


def test_several_documents_repealed_in_one_sentence():
    text = "《甲办法》（湘政发〔2020〕1号）、《乙细则》（湘财发〔2019〕2号）同时废止。"
    assert [(r.title, r.doc_number) for r in md.extract_repeals(text)] == [
        ("甲办法", "湘政发〔2020〕1号"),
        ("乙细则", "湘财发〔2019〕2号"),
    ]


@pytest.mark.parametrize(
    ("issuer", "title", "level", "region"),
    [
        ("国务院办公厅", None, Level.NATIONAL, "全国"),
        ("国家发展改革委", None, Level.NATIONAL, "全国"),
        ("湖南省人民政府办公厅", None, Level.PROVINCIAL, "湖南省"),
        ("长沙市发展和改革委员会", None, Level.MUNICIPAL, "长沙市"),
        ("市政府办公厅", "南京市生物经济发展三年行动计划", Level.MUNICIPAL, "南京市"),
        ("广西壮族自治区人民政府", None, Level.PROVINCIAL, "广西壮族自治区"),
        ("上海市人民政府", None, Level.PROVINCIAL, "上海市"),
        (None, None, Level.OTHER, None),
    ],
)
def test_level_and_region(issuer, title, level, region):
    assert md.guess_level_and_region(issuer, title) == (level, region)
