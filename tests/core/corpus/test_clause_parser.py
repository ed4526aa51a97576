"""The clause parser on the bundled corpus and on generated text."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import DOCUMENTS_DIR
from workbench.core.corpus.clause_parser import noise_free, parse_document, responsible_units
from workbench.core.corpus.models import ClauseKind, NoiseKind, ParsedDocument

WS = re.compile(r"\s+")

# (file stem, sections, second-level clauses, boxes) as the issue states them.
EXPECTED_TREES = [
    ("national-bioeconomy-14th-five-year-plan", 8, 28, 7),
    ("hunan-biomedicine-innovation-opinions-2026", 5, 17, 0),
    ("changsha-bioeconomy-action-plan-2023-2025", 4, 13, 7),
    ("changsha-big-health-implementation-plan-2023", 3, 8, 0),
    ("nanjing-bioeconomy-action-plan-2021-2023", 3, 14, 0),
]


def _parse(stem: str) -> ParsedDocument:
    text = (DOCUMENTS_DIR / f"{stem}.txt").read_text(encoding="utf-8")
    return parse_document(text, stem)


def _by_path(doc: ParsedDocument) -> dict[str, object]:
    return {c.path: c for c in doc.clauses}


def assert_lossless(doc: ParsedDocument) -> None:
    """Spans tile the source; each clause's text is its span minus noise and whitespace."""
    source = doc.source
    assert doc.clauses, "a document always has at least one clause"
    assert doc.clauses[0].span_start == 0
    assert doc.clauses[-1].span_end == len(source)
    for a, b in zip(doc.clauses, doc.clauses[1:], strict=False):
        assert a.span_end == b.span_start, (a.path, b.path)
        assert a.span_start <= a.span_end
    for n in doc.noise:
        owners = [c for c in doc.clauses if c.span_start <= n.start and n.end <= c.span_end]
        assert len(owners) == 1, f"noise {source[n.start : n.end]!r} must sit inside exactly one clause"
    for c in doc.clauses:
        inside = [n for n in doc.noise if c.span_start <= n.start < c.span_end]
        expected = noise_free(source[c.span_start : c.span_end], _shift(inside, -c.span_start))
        assert WS.sub("", c.text) == WS.sub("", expected), c.path
    for n in doc.noise:
        _assert_justified(source, n)


def _shift(noise, delta):
    from workbench.core.corpus.models import Noise

    return [Noise(n.start + delta, n.end + delta, n.kind) for n in noise]


def _assert_justified(source: str, n) -> None:
    piece = source[n.start : n.end]
    if n.kind is NoiseKind.PAGE_NUMBER:
        assert re.fullmatch(r"[—－-][ \t]?\d{1,3}[ \t]?[—－-]", piece), piece
    elif n.kind is NoiseKind.MARKUP:
        assert piece == "**" or re.fullmatch(r"</?[a-zA-Z][^<>]*>|&nbsp;", piece), piece
    else:
        before = source[: n.start].rstrip().rsplit("\n", 1)[-1]
        fold = lambda s: __import__("unicodedata").normalize("NFKC", s).replace(" ", "")  # noqa: E731
        assert fold(before).endswith(fold(piece)), piece


@pytest.mark.parametrize(("stem", "sections", "clauses", "boxes"), EXPECTED_TREES)
def test_bundled_documents_give_the_expected_tree(stem, sections, clauses, boxes):
    doc = _parse(stem)
    top = [c for c in doc.clauses if c.level == 1]
    assert [c.kind for c in top] == [ClauseKind.PART] * sections
    second = [c for c in doc.clauses if c.level == 2 and c.kind is ClauseKind.CLAUSE]
    assert len(second) == clauses
    assert sum(c.kind is ClauseKind.BOX for c in doc.clauses) == boxes


@pytest.mark.parametrize("stem", [t[0] for t in EXPECTED_TREES])
def test_every_character_of_a_bundled_document_is_in_one_clause_or_noise(stem):
    assert_lossless(_parse(stem))


def test_national_plan_numbered_clauses_run_from_one_to_twenty_eight():
    doc = _parse("national-bioeconomy-14th-five-year-plan")
    markers = [c.path.split("/")[-1] for c in doc.clauses if c.kind is ClauseKind.CLAUSE]
    assert markers[0] == "（一）" and markers[-1] == "（二十八）" and len(set(markers)) == 28


def test_run_in_headings_of_the_national_plan_end_where_the_body_starts():
    by_path = _by_path(_parse("national-bioeconomy-14th-five-year-plan"))
    assert by_path["一"].heading == "生物经济发展形势"
    assert by_path["一"].body.startswith("当前，生命科学")
    assert by_path["三"].heading == "大力夯实生物经济创新基础"
    assert by_path["六"].heading == "加快建设生物安全保障体系"
    assert by_path["二/（一）"].heading == "指导思想"
    assert by_path["三/（八）/专栏1"].heading == "生物经济创新能力提升工程"
    assert by_path["三/（八）/专栏1/1"].heading == "重大科技基础设施建设"


def test_page_numbers_inside_words_are_removed_from_display_but_kept_in_source():
    doc = _parse("national-bioeconomy-14th-five-year-plan")
    pages = [doc.source[n.start : n.end] for n in doc.noise if n.kind is NoiseKind.PAGE_NUMBER]
    assert pages[0] == "—2—" and pages[-1] == "—30—" and len(pages) == 29
    owner = next(c for c in doc.clauses if "打下了坚实基础" in c.text)
    assert "打—3—下" in doc.source[owner.span_start : owner.span_end]
    assert all("—3—" not in c.text for c in doc.clauses)


def test_markdown_html_and_the_stray_line_are_noise_in_the_changsha_plan():
    doc = _parse("changsha-bioeconomy-action-plan-2023-2025")
    kinds = Counter(n.kind for n in doc.noise)
    assert kinds[NoiseKind.STRAY_LINE] == 1
    assert kinds[NoiseKind.MARKUP] == 26 + 10
    assert not any("**" in c.text or "<p>" in c.text for c in doc.clauses)
    assert doc.source.count("政府和园区管委会)") == 2  # the stray line is still in the source


def test_responsibility_lines_become_their_own_field():
    hunan = _by_path(_parse("hunan-biomedicine-innovation-opinions-2026"))
    c = hunan["一/（四）"]
    assert c.responsible == "省工业和信息化厅、省商务厅、省科技厅、省财政厅、省药品监管局等按职责分工负责"
    assert "按职责分工负责" not in c.body
    assert responsible_units(c.responsible)[:2] == ["省工业和信息化厅", "省商务厅"]
    changsha = _by_path(_parse("changsha-bioeconomy-action-plan-2023-2025"))
    # broken over two lines in the source, with a half-width closing parenthesis
    wrapped = changsha["三/（五）/2"]
    assert wrapped.responsible.startswith("责任单位：湖南湘江新区管委会、市发展改革委")
    assert "市商务局" in responsible_units(wrapped.responsible)
    big_health = _by_path(_parse("changsha-big-health-implementation-plan-2023"))
    assert (
        big_health["二/（二）/3"].responsible == "市工业和信息化局、市市场监管局、市卫生健康委按职责分工推进"
    )


def test_headings_on_their_own_line_and_in_half_width_brackets():
    changsha = _by_path(_parse("changsha-bioeconomy-action-plan-2023-2025"))
    assert changsha["三/（七）"].marker == "(七)"
    assert changsha["三/（七）"].heading == "产业生态培育行动"
    assert changsha["三/（二）/1/专栏一"].heading == "长沙市生物技术攻关工程"
    nanjing = _by_path(_parse("nanjing-bioeconomy-action-plan-2021-2023"))
    assert nanjing["二/（二）/2"].marker == "2．"  # half-width digit, full-width stop


def test_sentence_items_without_a_heading_keep_their_text_as_body():
    big_health = _by_path(_parse("changsha-big-health-implementation-plan-2023"))
    item = big_health["二/（一）/2"]
    assert item.heading == ""
    # the source wraps this item over two lines in mid-word (城市经 / 验): display joins them
    assert "借鉴先进城市经验" in item.body


def test_closing_paragraphs_and_signature_are_top_level_clauses():
    hunan = _by_path(_parse("hunan-biomedicine-innovation-opinions-2026"))
    assert hunan["附则1"].body.startswith("本意见适用于已登记注册")
    assert "有效期5年" in hunan["附则2"].body
    assert hunan["落款"].body.split("\n") == ["湖南省人民政府办公厅", "2026年2月14日", "（此件主动公开）"]
    assert "（十七）" not in hunan["附则1"].text and "本意见" not in hunan["五/（十七）"].text


def test_the_same_document_always_yields_the_same_ids():
    first = [c.id for c in _parse("changsha-bioeconomy-action-plan-2023-2025").clauses]
    second = [c.id for c in _parse("changsha-bioeconomy-action-plan-2023-2025").clauses]
    assert first == second
    assert len(set(first)) == len(first)
    assert "changsha-bioeconomy-action-plan-2023-2025:三/（二）/1" in first


def test_chapters_and_articles():
    text = (
        "总则说明\n第一章 总则\n第一条 为了规范管理，制定本办法。\n第二条 本办法适用于全省。\n第二章 附则\n第三条"
        " 本办法自2024年1月1日起施行。"
        "\n"
    )
    doc = parse_document(text, "d")
    paths = [c.path for c in doc.clauses]
    assert paths == ["序", "第一章", "第一章/第一条", "第一章/第二条", "第二章", "第二章/第三条"]
    assert_lossless(doc)


def test_enumerations_and_cross_references_in_the_body_are_not_clauses():
    text = "一、总体要求\n按照本意见第（三）项执行，重点做好1.5倍增长。详见专栏2。\n（一）指导思想\n坚持2.0版本。\n"
    doc = parse_document(text, "d")
    assert [c.path for c in doc.clauses] == ["一", "一/（一）"]


# --- generated documents -------------------------------------------------------

CJK = st.text(
    alphabet="生物医药产业发展创新平台建设支持推进加快完善强化技术企业项目资金政策服务体系机制",
    min_size=2,
    max_size=12,
)


@st.composite
def generated_documents(draw):
    """A document built from a random tree, with random layout and noise; returns (text, paths)."""
    run_in = draw(st.booleans())
    sep = "" if run_in else "\n"
    out: list[str] = [draw(CJK) + "。" + sep]
    paths: list[str] = []
    cn = "一二三四五六七八九十"
    clause_no = 0
    for p in range(draw(st.integers(1, 4))):
        heading = draw(CJK)
        out.append(f"{cn[p]}、{heading}{sep if not run_in else ''}")
        paths.append(cn[p])
        for _ in range(draw(st.integers(0, 3))):
            clause_no += 1
            label = (
                "十"
                if clause_no == 10
                else cn[clause_no - 1]
                if clause_no < 10
                else "十" + cn[clause_no - 11]
            )
            bracket = draw(st.sampled_from(["（{}）", "({})"]))
            out.append(bracket.format(label) + draw(CJK) + "。" + draw(CJK) + "，" + draw(CJK) + "。" + sep)
            paths.append(f"{cn[p]}/（{label}）")
            for i in range(draw(st.integers(0, 2))):
                dot = draw(st.sampled_from([".", "．"]))
                out.append(f"{i + 1}{dot}{draw(CJK)}。{draw(CJK)}。{sep}")
                paths.append(f"{cn[p]}/（{label}）/{i + 1}")
    text = "".join(out)
    # sprinkle noise: page numbers in sequence, paired bold markers
    if draw(st.booleans()) and len(text) > 20:
        cuts = sorted(draw(st.lists(st.integers(1, len(text) - 1), min_size=2, max_size=4, unique=True)))
        pieces, last = [], 0
        for page, cut in enumerate(cuts, start=2):
            pieces.append(text[last:cut] + f"—{page}—")
            last = cut
        text = "".join(pieces) + text[last:]
    return text, paths


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(generated_documents())
def test_generated_documents_parse_losslessly_into_their_tree(doc_and_paths):
    text, paths = doc_and_paths
    doc = parse_document(text, "g")
    assert_lossless(doc)
    if "—" not in text:  # page numbers may split a marker: then only losslessness is promised
        assert [c.path for c in doc.clauses if c.kind is not ClauseKind.PREAMBLE] == paths


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=300))
def test_any_text_at_all_parses_losslessly(text):
    assert_lossless(parse_document(text, "any"))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "一、",
                "（一）",
                "(二)",
                "1.",
                "２．",
                "（1）",
                "专栏1",
                "专栏一",
                "—3—",
                "—4—",
                "**",
                "<p>",
                "</p>",
                "第一章",
                "第二条",
                "\n",
                "。",
                "，",
                "生物医药",
                "本意见自印发之日起施行",
                "2026年2月14日",
                "（此件主动公开）",
                "（责任单位：市科技局）",
                " ",
            ]
        ),
        max_size=40,
    )
)
def test_marker_soup_parses_losslessly(pieces):
    assert_lossless(parse_document("".join(pieces), "soup"))


def test_a_salutation_line_is_not_joined_to_the_title_before_it():
    doc = _parse("changsha-bioeconomy-action-plan-2023-2025")
    preamble = doc.clauses[0].body.split("\n")
    assert "湖南湘江新区管委会，各区县（市）人民政府，市直机关各单位：" in preamble


@pytest.mark.parametrize(
    ("line", "units"),
    [
        ("（市科技局牵头，市工信局、株洲高新区管委会配合）", ["市科技局", "市工信局", "株洲高新区管委会"]),
        ("（省科技厅、省财政厅按职责分工负责，2025年底前完成）", ["省科技厅", "省财政厅"]),
        ("（牵头单位：市工信局；配合单位：市发改委）", ["市工信局", "市发改委"]),
    ],
)
def test_responsibility_lines_that_name_a_lead_and_supporting_units_are_taken_off_the_body(line, units):
    doc = parse_document(f"一、重点任务\n（一）建设创新平台。推动企业共建实验室。{line}\n", "t")
    clause = next(c for c in doc.clauses if c.path == "一/（一）")
    assert clause.body == "推动企业共建实验室。" and clause.responsible == line[1:-1]
    assert responsible_units(clause.responsible) == units


def test_a_closing_bracket_that_names_no_units_stays_in_the_body():
    doc = parse_document(
        "一、重点任务\n（一）建设创新平台。推动企业共建实验室（含中试基地，2025年底前完成）\n", "t"
    )
    clause = next(c for c in doc.clauses if c.path == "一/（一）")
    assert clause.responsible is None and "中试基地" in clause.body
