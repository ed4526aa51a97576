"""Metadata extraction: general rules on invented sentences, then the bundled corpus."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import ROOT
from workbench.core.corpus.metadata import (
    DateValue,
    Reference,
    Repeal,
    Validity,
    extract_doc_number,
    extract_issue_date,
    extract_issuer,
    extract_print_date,
    extract_references,
    extract_repeals,
    extract_title,
    extract_validity,
    find_dates,
    find_doc_numbers,
    guess_level_and_region,
    parse_chinese_date,
)
from workbench.core.corpus.models import Level

DOCUMENTS = ROOT / "resources" / "documents"
D = dt.date

# --- dates ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026年2月14日", DateValue(D(2026, 2, 14), "day")),
        ("2023年3月24日", DateValue(D(2023, 3, 24), "day")),
        ("2023 年 3 月 24 日", DateValue(D(2023, 3, 24), "day")),
        ("  2023年12月31日 ", DateValue(D(2023, 12, 31), "day")),
        ("二〇二三年三月", DateValue(D(2023, 3, 1), "month")),
        ("二〇二一年九月十八日", DateValue(D(2021, 9, 18), "day")),
        ("二○二四年十二月三十一日", DateValue(D(2024, 12, 31), "day")),  # ○ for 〇, as often printed
        ("二零二零年一月二十日", DateValue(D(2020, 1, 20), "day")),
        ("2023-03-24", DateValue(D(2023, 3, 24), "day")),
        ("2023.03.24", DateValue(D(2023, 3, 24), "day")),
        ("2023/3/24", DateValue(D(2023, 3, 24), "day")),
        ("２０２３年３月２４日", DateValue(D(2023, 3, 24), "day")),
        ("2023年3月", DateValue(D(2023, 3, 1), "month")),
        ("2023年", DateValue(D(2023, 1, 1), "year")),
    ],
)
def test_parse_chinese_date_reads_every_written_form(text, expected):
    assert parse_chinese_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2026年2月30日",
        "2023年13月1日",
        "2023-02-29",
        "二〇二三年二月三十日",
        "到2025年",
        "2023年3月24日前",
        "",
        "三月",
    ],
)
def test_parse_chinese_date_rejects_impossible_dates_and_other_text(text):
    assert parse_chinese_date(text) is None


@given(st.dates(min_value=D(1950, 1, 1), max_value=D(2099, 12, 31)))
def test_parse_chinese_date_round_trips_any_day_in_arabic_iso_and_chinese_numerals(day):
    cn = "〇一二三四五六七八九"

    def small(n: int) -> str:
        return (("" if n < 20 else cn[n // 10]) + "十" if n >= 10 else "") + (cn[n % 10] if n % 10 else "")

    forms = [
        f"{day.year}年{day.month}月{day.day}日",
        f"{day.year}-{day.month:02d}-{day.day:02d}",
        f"{day.year}/{day.month}/{day.day}",
        "".join(cn[int(c)] for c in str(day.year)) + f"年{small(day.month)}月{small(day.day)}日",
    ]
    for form in forms:
        assert parse_chinese_date(form) == DateValue(day, "day"), form


def test_find_dates_gives_offsets_and_skips_bare_years_and_impossible_days():
    text = (
        "到2025年，产业规模达到4000亿元。2026年2月30日无效，2023 年 3 月 24 日印发，版本v2023.03.24.1不算。"
    )
    found = find_dates(text)
    assert [(m.value.date, text[m.start : m.end]) for m in found] == [(D(2023, 3, 24), "2023 年 3 月 24 日")]


def test_find_dates_reads_month_precision_and_chinese_numerals_in_running_text():
    found = find_dates("计划于二〇二三年三月启动，2024年6月30日前完成")
    assert [(m.value.date, m.value.precision) for m in found] == [
        (D(2023, 3, 1), "month"),
        (D(2024, 6, 30), "day"),
    ]


# --- 文号 ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "湘政办发〔2026〕15号",
        "湘政办发[2026]15号",
        "湘政办发［2026］15号",
        "湘政办发【2026】15号",
        "湘政办发（2026）15号",
        "湘政办发(2026)15号",
        "湘政办发 〔2026〕 15 号",
        "湘政办发〔 2026 〕15号",
        "湘政办发\n〔2026〕15号",
        "湘政办发〔２０２６〕１５号",
        "湘政办发〔2026〕第15号",
        "湘 政 办 发〔2026〕15号",
    ],
)
def test_find_doc_numbers_normalizes_brackets_spaces_breaks_and_full_width_digits(raw):
    [m] = find_doc_numbers(raw)
    assert m.normalized == "湘政办发〔2026〕15号"
    assert (m.start, m.end, m.raw) == (0, len(raw), raw)


def test_find_doc_numbers_takes_the_agency_code_after_the_words_before_it():
    text = "根据湘政办发〔2023〕5号文件，原长发改创高\n〔2023〕22号和发改高技〔2021〕1850号、国发〔2020〕07号精神"
    found = find_doc_numbers(text)
    assert [m.normalized for m in found] == [
        "湘政办发〔2023〕5号",
        "长发改创高〔2023〕22号",
        "发改高技〔2021〕1850号",
        "国发〔2020〕7号",
    ]
    assert all(text[m.start : m.end] == m.raw for m in found)
    assert found[1].raw == "长发改创高\n〔2023〕22号"


@pytest.mark.parametrize(
    "text",
    [
        "三年行动计划（2023—2025年）的通知",
        "行动计划（2023-2025年）",
        "2023年3月24日",
        "到2025年，建成10个平台",
        "（2023）12个项目",
        "第（2023）号",
        "规划（1850）12号",  # not a year
    ],
)
def test_find_doc_numbers_ignores_periods_dates_and_numbers_that_are_not_a_wenhao(text):
    assert find_doc_numbers(text) == []


def test_extract_doc_number_takes_the_number_standing_alone_in_the_head():
    text = (
        "湖南省人民政府办公厅\n\n关于做好某项工作的通知\n\n湘政办发〔2024〕3号\n\n各市州人民政府：\n\n现就有关事"
        "项通知如下。"
    )
    assert extract_doc_number(text) == "湘政办发〔2024〕3号"


def test_extract_doc_number_accepts_a_number_split_over_two_head_lines():
    text = "长沙市发展和改革委员会文件\n\n长发改创高\n〔2023〕22号\n\n关于某事的通知\n\n各单位：\n正文。"
    assert extract_doc_number(text) == "长发改创高〔2023〕22号"


def test_extract_doc_number_accepts_the_signer_on_the_number_line():
    text = (
        "株洲市人民政府文件\n株政发〔2024〕3号            签发人：张三\n关于某事的请示\n省人民政府：\n正文。"
    )
    assert extract_doc_number(text) == "株政发〔2024〕3号"


def test_extract_doc_number_reads_a_labelled_number_from_a_web_page():
    text = "索引号：000014349/2021-00001\n发文字号：国办发〔2021〕7号\n\n国务院办公厅关于某事的意见\n\n正文。"
    assert extract_doc_number(text) == "国办发〔2021〕7号"


def test_extract_doc_number_is_none_when_the_only_numbers_are_cited():
    text = (
        "某市生物经济发展行动计划\n\n"
        "为贯彻落实国家《“十四五”生物经济发展规划》（发改高技〔2021〕1850号），特制定本行动计划。\n"
        "湘政办发〔2023〕5号\n"  # alone on a line, but in the body
    )
    assert extract_doc_number(text) is None


def test_extract_doc_number_is_none_for_a_number_cited_in_the_title():
    text = "关于转发《某某办法》（国发〔2021〕1号）的通知\n\n各区人民政府：\n正文。"
    assert extract_doc_number(text) is None


# --- title -----------------------------------------------------------------------------------------


def test_extract_title_joins_the_issuer_line_and_the_about_line():
    text = (
        "HNPR—2024—00001\n\n湖南省人民政府\n\n关于加快某产业发展的若干意见\n\n湘政发〔2024〕1号\n\n各市州人民政府："
        "\n"
    )
    assert extract_title(text) == "湖南省人民政府关于加快某产业发展的若干意见"


def test_extract_title_of_a_transmittal_notice_is_the_title_of_what_it_issues():
    text = (
        "某市发展和改革委员会文件\n\n某发改〔2024〕9号\n\n某市发展和改革委员会 关于印发《某市数字经济三年行动计"
        "划 (2024-2026年)》的通知\n\n各单位："
        "\n"
    )
    assert extract_title(text) == "某市数字经济三年行动计划（2024—2026年）"


def test_extract_title_joins_a_title_split_over_two_lines():
    text = (
        " 市政府办公厅关于印发某市氢能产业发展\n三年行动计划（2022—2024年）的通知\n\n各区人民政府：\n\n《…》已"
        "经市政府同意。"
    )
    assert extract_title(text) == "某市氢能产业发展三年行动计划（2022—2024年）"


def test_extract_title_keeps_the_notice_title_when_it_issues_several_documents():
    text = "关于印发《甲办法》和《乙办法》的通知\n\n各单位：\n"
    assert extract_title(text) == "关于印发《甲办法》和《乙办法》的通知"


def test_extract_title_strips_markup_and_joins_a_period_line():
    text = "<p>**某省节能降碳行动方案**</p>\n\n<p>（2024—2025年）</p>\n\n为推进节能降碳，制定本方案。\n"
    assert extract_title(text) == "某省节能降碳行动方案（2024—2025年）"


def test_extract_title_does_not_take_a_public_notice_mark_as_part_of_the_title():
    text = "某市人民政府关于某事的通知\n（此件公开发布）\n各区：\n"
    assert extract_title(text) == "某市人民政府关于某事的通知"


def test_extract_title_of_a_text_without_line_breaks_ends_at_the_kind_it_calls_itself():
    text = (
        "—2—某地产业发展规划（2021—2025年）为落实部署，编制本规划。一、发展形势本规划期间"
        + "产业持续发展。" * 20
    )
    assert extract_title(text) == "某地产业发展规划（2021—2025年）"


def test_extract_title_skips_an_order_header_and_its_number():
    text = "某省人民政府令\n第312号\n某省某某管理办法\n\n第一条 为了规范某某，制定本办法。"
    assert extract_title(text) == "某省某某管理办法"


def test_extract_title_is_none_without_a_title():
    assert extract_title("这是一段没有标题的文字，只有正文。") is None
    assert extract_title("") is None


# --- issuer and dates --------------------------------------------------------------------------------


def test_extract_issuer_reads_the_wenjian_header():
    assert extract_issuer("某市科学技术局文件\n\n某科发〔2024〕2号\n\n关于某事的通知\n") == "某市科学技术局"


def test_extract_issuer_reads_the_signature_block():
    text = (
        "关于加快某产业发展的若干意见\n\n各单位：\n\n正文。\n\n        某省人民政府办公厅\n\n         2024年5月6日"
        "\n\n（此件主动公开）"
        "\n"
    )
    assert extract_issuer(text) == "某省人民政府办公厅"


def test_extract_issuer_reads_the_organisation_a_title_starts_with():
    assert extract_issuer("某市工业和信息化局关于某事的通知\n\n各单位：\n正文。") == "某市工业和信息化局"


def test_extract_issuer_prefers_the_full_name_to_the_short_form_in_the_title():
    text = "市政府办公厅关于印发某市某计划的通知\n\n各区人民政府：\n\n正文。\n某市人民政府办公厅\n\n2021年9月18日\n"
    assert extract_issuer(text) == "某市人民政府办公厅"


def test_extract_issuer_keeps_the_short_form_when_nothing_better_is_stated():
    assert extract_issuer("市政府办公厅关于某事的通知\n\n各区人民政府：\n正文。") == "市政府办公厅"


def test_extract_issuer_joins_joint_issuers_of_a_signature():
    text = "关于某事的通知\n各单位：\n正文。\n某省财政厅    某省科学技术厅\n2024年3月1日\n"
    assert extract_issuer(text) == "某省财政厅、某省科学技术厅"


def test_extract_issuer_is_none_when_no_organisation_is_stated():
    assert extract_issuer("某地产业发展规划\n\n为落实部署，编制本规划。\n") is None


def test_extract_issue_date_is_the_signature_date_not_dates_in_the_body():
    text = (
        "关于某事的意见\n\n各单位：\n\n到2025年，产业规模达到100亿元。2024年6月30日前完成评估。\n\n"
        "某省人民政府办公厅\n\n2024年5月6日\n"
    )
    assert extract_issue_date(text) == DateValue(D(2024, 5, 6), "day")


def test_extract_issue_date_of_a_transmittal_is_the_date_under_its_issuer():
    text = (
        "关于印发《某方案》的通知\n各单位：\n现印发给你们。\n某市发展和改革委员会\n\n2023年7月20日\n\n某方案\n到2023年底完成。"
        "\n"
    )
    assert extract_issue_date(text) == DateValue(D(2023, 7, 20), "day")


def test_extract_issue_date_prefers_the_chengwen_date_and_the_print_date_is_separate():
    text = (
        "关于某事的通知\n各单位：\n正文。\n某市人民政府办公厅\n二〇二一年九月十八日\n（此件公开发布）\n"
        "抄送：市委各部门。\n某市人民政府办公厅                   2021年9月22日印发\n"
    )
    assert extract_issue_date(text) == DateValue(D(2021, 9, 18), "day")
    assert extract_print_date(text) == DateValue(D(2021, 9, 22), "day")


def test_extract_issue_date_accepts_a_date_line_without_an_organisation_at_the_end():
    assert extract_issue_date("关于某事的通知\n各单位：\n正文。\n\n2024年1月5日\n") == DateValue(
        D(2024, 1, 5), "day"
    )


def test_extract_issue_date_reads_a_chengwen_label():
    text = "发文机关：国务院办公厅\n成文日期：2021年03月05日\n\n国务院办公厅关于某事的意见\n"
    assert extract_issue_date(text) == DateValue(D(2021, 3, 5), "day")
    assert extract_issuer(text) == "国务院办公厅"


def test_issue_and_print_dates_are_none_when_the_text_states_neither():
    text = "某地产业发展规划\n\n到2025年，产业规模达到100亿元，2024年6月30日前完成评估。\n"
    assert extract_issue_date(text) is None
    assert extract_print_date(text) is None


# --- validity -----------------------------------------------------------------------------------------

ISSUED = D(2026, 2, 14)


def test_validity_counts_years_from_the_issue_date_to_the_day_before_the_anniversary():
    v = extract_validity("正文。\n本意见自印发之日起实施，有效期5年。原有文件同步废止。", ISSUED)
    assert v == Validity(ISSUED, D(2031, 2, 13), 5, "本意见自印发之日起实施，有效期5年", "issue")


def test_validity_relative_to_an_unknown_issue_date_keeps_years_and_sentence_only():
    v = extract_validity("本意见自印发之日起实施，有效期5年。", None)
    assert v == Validity(None, None, 5, "本意见自印发之日起实施，有效期5年", "issue")


def test_validity_reads_spaces_and_publication_as_the_start():
    v = extract_validity("形成合力。\n\n本文件自公布之日起施行，有效期 3 年。", D(2023, 3, 24))
    assert (v.effective_from, v.valid_until, v.years, v.basis) == (
        D(2023, 3, 24),
        D(2026, 3, 23),
        3,
        "publication",
    )
    assert v.raw == "本文件自公布之日起施行，有效期 3 年"


@pytest.mark.parametrize(
    ("text", "years"), [("有效期两年", 2), ("有效期三年", 3), ("有效期为五年", 5), ("有效期十年", 10)]
)
def test_validity_reads_years_written_in_chinese_numerals(text, years):
    v = extract_validity(f"本办法自印发之日起施行，{text}。", D(2024, 1, 1))
    assert v.years == years
    assert v.valid_until == D(2024 + years, 1, 1) - dt.timedelta(days=1)


def test_validity_reads_a_bare_validity_sentence():
    assert extract_validity("有效期两年", None) == Validity(None, None, 2, "有效期两年", None)


@pytest.mark.parametrize(
    ("text", "start", "until"),
    [
        ("自2024年1月1日起施行", D(2024, 1, 1), None),
        ("自2024年1月1日起至2026年12月31日止", D(2024, 1, 1), D(2026, 12, 31)),
        ("有效期至2028年12月31日", None, D(2028, 12, 31)),
    ],
)
def test_validity_reads_bare_statements(text, start, until):
    v = extract_validity(text, None)
    assert (v.effective_from, v.valid_until, v.raw) == (start, until, text)


def test_validity_from_a_stated_date():
    v = extract_validity("本办法自2024年1月1日起施行。", D(2023, 12, 1))
    assert (v.effective_from, v.valid_until, v.basis) == (D(2024, 1, 1), None, "date")


def test_validity_from_a_stated_date_with_years_in_the_next_sentence():
    v = extract_validity("本办法自2024年1月1日起施行。有效期3年。", None)
    assert (v.effective_from, v.valid_until, v.years) == (D(2024, 1, 1), D(2026, 12, 31), 3)
    assert v.raw == "本办法自2024年1月1日起施行。有效期3年"


def test_validity_between_two_stated_dates():
    v = extract_validity("本细则自2024年1月1日起至2026年12月31日止。", None)
    assert (v.effective_from, v.valid_until, v.basis) == (D(2024, 1, 1), D(2026, 12, 31), "date")


def test_validity_until_a_stated_date():
    v = extract_validity("本办法自2024年1月1日起施行，有效期至2028年12月31日。", None)
    assert (v.effective_from, v.valid_until, v.years) == (D(2024, 1, 1), D(2028, 12, 31), None)


def test_validity_some_days_after_publication():
    v = extract_validity("本规定自发布之日起30日后施行。", D(2024, 3, 1))
    assert (v.effective_from, v.basis) == (D(2024, 3, 31), "publication")


def test_validity_statement_broken_over_lines_drops_the_heading_before_it():
    v = extract_validity("第五章 附则\n第三十条 本办法自印发之日起施行，有\n效期5年。", D(2024, 1, 1))
    assert (v.years, v.valid_until) == (5, D(2028, 12, 31))
    assert v.raw == "第三十条 本办法自印发之日起施行，有效期5年"


def test_validity_of_something_else_is_not_the_documents_validity():
    text = "对认定的企业给予奖励，资格有效期3年。到2025年，产业规模达到4000亿元。"
    assert extract_validity(text, D(2024, 1, 1)) == Validity()


# --- repeals ---------------------------------------------------------------------------------------------


def test_repeal_of_a_titled_and_numbered_document():
    text = (
        "本意见自印发之日起实施。原《某省关于促进某产业发展的若干意见》（某政办发〔2021〕44号）同步废止。"
        "此前规定不一致的，以本意见为准。"
    )
    assert extract_repeals(text) == [
        Repeal(
            "某省关于促进某产业发展的若干意见",
            "某政办发〔2021〕44号",
            "原《某省关于促进某产业发展的若干意见》（某政办发〔2021〕44号）同步废止",
        )
    ]


def test_repeal_of_several_documents_in_one_sentence():
    text = "《甲办法》（甲发〔2020〕1号）、《乙办法》（乙发〔2019〕2号）同时废止。"
    assert [(r.title, r.doc_number) for r in extract_repeals(text)] == [
        ("甲办法", "甲发〔2020〕1号"),
        ("乙办法", "乙发〔2019〕2号"),
    ]


def test_repeal_by_number_alone_or_title_alone():
    assert [(r.title, r.doc_number) for r in extract_repeals("丙发〔2018〕3号文件予以废止。")] == [
        (None, "丙发〔2018〕3号")
    ]
    assert [(r.title, r.doc_number) for r in extract_repeals("《丁规定》同时停止执行。")] == [
        ("丁规定", None)
    ]


def test_repeal_taking_effect_when_this_document_does():
    text = (
        "本办法自2024年1月1日起施行，《某市专项资金管理办法》（某财发〔2019〕8号），自本办法施行之日起废止。"
    )
    assert [(r.title, r.doc_number) for r in extract_repeals(text)] == [
        ("某市专项资金管理办法", "某财发〔2019〕8号")
    ]


def test_repeal_without_a_named_document_gives_nothing_and_basis_documents_are_not_repealed():
    assert extract_repeals("原有关规定同时废止。") == []
    assert extract_repeals("根据《某法》，本市以前发布的规定与本办法不一致的，予以废止。") == []


# --- references ---------------------------------------------------------------------------------------------


def test_a_title_followed_by_its_number_is_one_numbered_reference():
    text = "为贯彻落实国家《“十四五”某规划》（发改高技〔2021〕1850号），制定本计划。"
    assert extract_references(text) == [
        Reference(
            "doc_number", "发改高技〔2021〕1850号", "“十四五”某规划", text.index("《"), text.index("号）") + 1
        )
    ]


def test_references_exclude_the_own_number_and_title_and_keep_the_first_of_each():
    text = (
        "某市人民政府文件\n某政发〔2024〕1号\n关于印发《某市某办法》的通知\n各区：\n"
        "《某市某办法》已经同意。根据《某法》和《某条例》，参照某政发〔2023〕9号，再次依据《某法》和《》。"
    )
    refs = extract_references(text, own_doc_number="某政发〔2024〕1号", own_title="某市某办法")
    assert [(r.kind, r.value) for r in refs] == [
        ("title", "某法"),
        ("title", "某条例"),
        ("doc_number", "某政发〔2023〕9号"),
    ]
    assert all(text[r.start : r.end].startswith(("《", "某政发")) for r in refs)


def test_references_exclude_the_own_number_however_it_is_spelled():
    text = "某政发〔2024〕1号\n根据某政发〔2023〕9号。"
    assert [r.value for r in extract_references(text, own_doc_number="某政发 [2024] 1 号")] == [
        "某政发〔2023〕9号"
    ]


def test_a_numbered_reference_with_the_own_title_is_an_older_version_and_kept():
    text = "原《某意见》（某发〔2021〕4号）同步废止。"
    refs = extract_references(text, own_doc_number="某发〔2026〕1号", own_title="某意见")
    assert [(r.kind, r.value, r.title) for r in refs] == [("doc_number", "某发〔2021〕4号", "某意见")]


def test_references_read_nested_titles_and_drop_a_title_already_cited_with_its_number():
    text = (
        "落实《某省关于印发〈某工作方案〉的通知》（某政办发〔2023〕5号）和《某目录》。再看《某省关于印发"
        "〈某工作方案〉的通知》。"
    )
    refs = extract_references(text)
    assert [(r.kind, r.value, r.title) for r in refs] == [
        ("doc_number", "某政办发〔2023〕5号", "某省关于印发〈某工作方案〉的通知"),
        ("title", "某目录", None),
    ]


def test_references_normalize_spacing_in_titles():
    [ref] = extract_references("《“健康中国 2030”规划纲要》")
    assert ref.value == "“健康中国2030”规划纲要"


# --- level and region -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("issuer", "title", "expected"),
    [
        ("国务院办公厅", None, (Level.NATIONAL, "全国")),
        ("国家发展改革委", None, (Level.NATIONAL, "全国")),
        ("中共中央、国务院", None, (Level.NATIONAL, "全国")),
        ("工业和信息化部", None, (Level.NATIONAL, "全国")),
        ("科技部、财政部", None, (Level.NATIONAL, "全国")),
        ("湖南省人民政府办公厅", None, (Level.PROVINCIAL, "湖南省")),
        ("中共湖南省委", None, (Level.PROVINCIAL, "湖南省")),
        ("黑龙江省科学技术厅", None, (Level.PROVINCIAL, "黑龙江省")),
        ("广西壮族自治区人民政府", None, (Level.PROVINCIAL, "广西壮族自治区")),
        ("上海市人民政府", None, (Level.PROVINCIAL, "上海市")),
        ("长沙市发展和改革委员会", None, (Level.MUNICIPAL, "长沙市")),
        ("南京市人民政府办公厅", None, (Level.MUNICIPAL, "南京市")),
        ("长沙市市场监督管理局", None, (Level.MUNICIPAL, "长沙市")),
        ("湘西土家族苗族自治州人民政府", None, (Level.MUNICIPAL, "湘西土家族苗族自治州")),
        ("市政府办公厅", "南京市生物经济发展三年行动计划（2021—2023年）", (Level.MUNICIPAL, "南京市")),
        ("市政府办公厅", "关于促进某产业发展的意见", (Level.MUNICIPAL, None)),
        ("省政府办公厅", "湖南省培育某产业工作方案", (Level.PROVINCIAL, "湖南省")),
        ("长沙市岳麓区人民政府", None, (Level.OTHER, "长沙市岳麓区")),
        ("湖南湘江新区管委会", None, (Level.OTHER, None)),
        (None, "湖南省人民政府办公厅关于某事的意见", (Level.PROVINCIAL, "湖南省")),
        (None, "“十四五”生物经济发展规划", (Level.OTHER, None)),
        (None, None, (Level.OTHER, None)),
    ],
)
def test_guess_level_and_region(issuer, title, expected):
    assert guess_level_and_region(issuer, title) == expected


# --- the bundled corpus ---------------------------------------------------------------------------------------


def _doc(name: str) -> str:
    return (DOCUMENTS / name).read_text(encoding="utf-8")


HUNAN = "hunan-biomedicine-innovation-opinions-2026.txt"
CS_BIO = "changsha-bioeconomy-action-plan-2023-2025.txt"
CS_HEALTH = "changsha-big-health-implementation-plan-2023.txt"
NANJING = "nanjing-bioeconomy-action-plan-2021-2023.txt"
NATIONAL = "national-bioeconomy-14th-five-year-plan.txt"


def test_corpus_hunan_opinions():
    text = _doc(HUNAN)
    assert extract_doc_number(text) == "湘政办发〔2026〕15号"
    assert extract_title(text) == "湖南省人民政府办公厅关于促进生物医药产业创新发展的若干意见"
    assert extract_issuer(text) == "湖南省人民政府办公厅"
    assert extract_issue_date(text) == DateValue(D(2026, 2, 14), "day")
    assert extract_print_date(text) is None
    v = extract_validity(text, D(2026, 2, 14))
    assert (v.effective_from, v.valid_until, v.years, v.basis) == (D(2026, 2, 14), D(2031, 2, 13), 5, "issue")
    assert v.raw == "本意见自印发之日起实施，有效期5年"
    assert [(r.title, r.doc_number) for r in extract_repeals(text)] == [
        ("湖南省人民政府办公厅关于促进生物医药产业创新发展的若干意见", "湘政办发〔2021〕44号")
    ]
    assert guess_level_and_region("湖南省人民政府办公厅", None) == (Level.PROVINCIAL, "湖南省")


def test_corpus_hunan_references_keep_the_repealed_version_and_the_catalogue():
    text = _doc(HUNAN)
    refs = extract_references(text, extract_doc_number(text), extract_title(text))
    assert [(r.kind, r.value) for r in refs] == [
        ("title", "国务院办公厅关于全面深化药品医疗器械监管改革促进医药产业高质量发展的意见"),
        ("title", "中药材生产质量管理规范"),
        ("title", "湖南省首购产品目录"),
        ("doc_number", "湘政办发〔2021〕44号"),
    ]


def test_corpus_changsha_bioeconomy_plan():
    text = _doc(CS_BIO)
    number, title = extract_doc_number(text), extract_title(text)
    assert number == "长发改创高〔2023〕22号"
    assert title == "长沙市生物经济发展三年行动计划（2023—2025年）"
    assert extract_issuer(text) == "长沙市发展和改革委员会"
    assert extract_issue_date(text) == DateValue(D(2023, 3, 24), "day")
    v = extract_validity(text, D(2023, 3, 24))
    assert (v.effective_from, v.valid_until, v.years) == (D(2023, 3, 24), D(2026, 3, 23), 3)
    assert extract_repeals(text) == []
    refs = extract_references(text, number, title)
    assert [(r.kind, r.value, r.title) for r in refs] == [
        ("doc_number", "发改高技〔2021〕1850号", "“十四五”生物经济发展规划")
    ]
    assert guess_level_and_region(extract_issuer(text), title) == (Level.MUNICIPAL, "长沙市")


def test_corpus_changsha_big_health_plan():
    text = _doc(CS_HEALTH)
    number, title = extract_doc_number(text), extract_title(text)
    assert number == "长发改社会〔2023〕76号"
    assert title == "长沙市大健康产业高质量发展2023年实施方案"
    assert extract_issuer(text) == "长沙市发展和改革委员会"
    assert extract_issue_date(text) == DateValue(D(2023, 7, 20), "day")
    assert (
        extract_validity(text, D(2023, 7, 20)) == Validity()
    )  # targets for the end of 2023, no validity clause
    refs = extract_references(text, number, title)
    assert ("doc_number", "湘政办发〔2023〕5号") in [(r.kind, r.value) for r in refs]
    assert title not in [r.value for r in refs]


def test_corpus_nanjing_plan():
    text = _doc(NANJING)
    title = extract_title(text)
    assert extract_doc_number(text) is None
    assert title == "南京市生物经济发展三年行动计划（2021—2023年）"
    assert extract_issuer(text) == "南京市人民政府办公厅"
    assert extract_issue_date(text) == DateValue(D(2021, 9, 18), "day")
    assert extract_print_date(text) == DateValue(D(2021, 9, 22), "day")
    assert extract_validity(text, D(2021, 9, 18)) == Validity()  # only the plan period 2021—2023
    assert extract_repeals(text) == []
    assert extract_references(text, None, title) == []
    assert guess_level_and_region("市政府办公厅", title) == (Level.MUNICIPAL, "南京市")


def test_corpus_national_plan_states_no_number_issuer_or_dates():
    text = _doc(NATIONAL)
    assert "\n" not in text.strip() and len(text) == 16558
    assert extract_doc_number(text) is None
    assert extract_title(text) == "“十四五”生物经济发展规划"
    assert extract_issuer(text) is None
    assert extract_issue_date(text) is None
    assert extract_print_date(text) is None
    assert extract_validity(text, None) == Validity()
    assert extract_repeals(text) == []
    assert [r.value for r in extract_references(text, None, extract_title(text))] == [
        "中华人民共和国国民经济和社会发展第十四个五年规划和2035年远景目标纲要",
        "生物多样性公约",
    ]


@pytest.mark.parametrize("name", [HUNAN, CS_BIO, CS_HEALTH, NANJING, NATIONAL])
def test_corpus_offsets_of_every_doc_number_and_reference_point_into_the_text(name):
    text = _doc(name)
    for m in find_doc_numbers(text):
        assert text[m.start : m.end] == m.raw
    for r in extract_references(text):
        assert text[r.start] in "《〈" or r.kind == "doc_number"
        assert text[r.end - 1] in "》〉号"
