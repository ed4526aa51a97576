"""The GB/T 9704 page: fonts embedded, text escaped, tables split, metadata, no paths."""

from __future__ import annotations

import datetime as dt
import io
import shutil

import pypdf
import pytest

from exporters.pdf_fonts import (
    BUNDLED_FONTS_DIR,
    Problem,
    Role,
    Source,
    check_font_file,
    load_brief_fonts,
    resolve_fonts,
)
from exporters.pdf_layout import LEFT_MARGIN, TEXT_WIDTH, TOP_MARGIN, BriefDocument, Cell, chinese_date
from tests.exporters.pdf_checks import HOSTILE, fonts_of, page_texts, pdf_text, rendered_ink

CREATED = dt.datetime(2026, 11, 24, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))


def _brief(fonts, **kwargs) -> BriefDocument:
    return BriefDocument(title="测试简报", subject="版式测试", fonts=fonts, created=CREATED, **kwargs)


def test_chinese_dates_are_written_with_year_month_day():
    assert chinese_date(dt.date(2026, 11, 24)) == "2026年11月24日"
    assert chinese_date(dt.date(2026, 1, 5)) == "2026年1月5日"


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_prints_verbatim_in_every_kind_of_block(bundled_fonts, hostile):
    brief = _brief(bundled_fonts)
    brief.title(f"标题{hostile}")
    brief.heading(1, f"一、{hostile}")
    brief.paragraph(f"正文{hostile}结束")
    brief.table(["列", f"表头{hostile}"], [["1", f"单元格{hostile}"]])
    brief.key_values([(f"键{hostile}", f"值{hostile}")])
    text = pdf_text(brief.build())
    squeezed = hostile.replace(" ", "")
    for expected in (
        f"标题{squeezed}",
        f"一、{squeezed}",
        f"正文{squeezed}结束",
        f"表头{squeezed}",
        f"单元格{squeezed}",
        f"键{squeezed}",
        f"值{squeezed}",
    ):
        assert expected in text


def test_every_font_is_embedded_as_a_truetype_subset(bundled_fonts):
    brief = _brief(bundled_fonts)
    brief.title("湖南省生物医药产业简报")
    brief.heading(1, "一、总体要求")
    brief.heading(2, "（一）主要目标")
    brief.paragraph("到2025年，生物医药产业规模达到5000亿元。")
    fonts = fonts_of(brief.build())
    assert len(fonts) >= 3  # Song (title, body), Hei (一、), Kai (（一）)
    for name, facts in fonts.items():
        assert facts["subtype"] == "/TrueType", name
        assert facts["embedded"], f"{name} is not embedded"
        assert facts["subset"], f"{name} is not subset"
        assert facts["to_unicode"], f"{name} cannot be searched or copied"
    families = " ".join(fonts)
    assert "UMingCN" in families and "WenQuanYiMicroHei" in families and "UKaiCN" in families


def test_subsetting_keeps_a_long_brief_small(bundled_fonts):
    brief = _brief(bundled_fonts)
    for i in range(40):
        brief.paragraph(f"第{i}段：对新获批的一类创新药、改良型新药和生物类似药，按研发投入给予奖补。" * 4)
    data = brief.build()
    assert brief.page_count >= 5
    assert len(data) < 400_000  # the bundled faces are 5–21 MB whole


def test_metadata_has_title_subject_and_the_briefs_creation_date(bundled_fonts):
    brief = BriefDocument(title="检索简报：A&B公司", subject="检索结果", fonts=bundled_fonts, created=CREATED)
    brief.paragraph("内容")
    meta = pypdf.PdfReader(io.BytesIO(brief.build())).metadata
    assert meta.title == "检索简报：A&B公司"
    assert meta.subject == "检索结果"
    assert meta.creation_date is not None
    assert meta.creation_date.astimezone(dt.UTC) == CREATED.astimezone(dt.UTC)


def test_no_local_path_appears_in_the_file(bundled_fonts, tmp_path):
    # A user font in a tmp folder must not leak its path (font names, metadata, comments).
    own = tmp_path / "my-fonts-dir"
    own.mkdir()
    shutil.copy(BUNDLED_FONTS_DIR / "ukai.ttc", own / "ukai-copy.ttc")
    fonts = load_brief_fonts(resolve_fonts({Role.KAI: own / "ukai-copy.ttc"}, search_dirs=[]))
    brief = _brief(fonts)
    brief.heading(2, "（一）楷体标题")
    out = tmp_path / "out.pdf"
    brief.write(out)
    data = out.read_bytes()
    for needle in (
        str(tmp_path),
        "my-fonts-dir",
        "ukai-copy",
        str(BUNDLED_FONTS_DIR),
        "resources/fonts",
        "/tmp",
        "/home",
        "/work",
    ):
        assert needle.encode() not in data, needle


def test_a_long_table_splits_across_pages_with_its_header_repeated(bundled_fonts):
    brief = _brief(bundled_fonts)
    brief.table(
        ["序号", "指标名称", "目标值"],
        [[str(i), f"指标{i}", f"{i}亿元"] for i in range(1, 121)],
        [0.15, 0.55, 0.3],
    )
    pages = page_texts(brief.build())
    assert len(pages) >= 3
    for text in pages:
        assert "序号指标名称目标值" in text  # the header on every page
    everything = "".join(pages)
    for i in (1, 60, 120):
        assert f"指标{i}" in everything


def test_long_unbroken_strings_wrap_inside_the_text_block(bundled_fonts):
    from reportlab.platypus import Paragraph

    brief = _brief(bundled_fonts)
    long = "https://example.invalid/" + "a" * 300 + "生物医药" * 40
    brief.paragraph(long)
    brief.table(["列"], [[long]])
    data = brief.build()
    assert long in pdf_text(data)
    for flowable in brief.flowables:
        if isinstance(flowable, Paragraph):
            flowable.wrap(TEXT_WIDTH, 10_000)
            assert max(flowable.getActualLineWidths0()) <= TEXT_WIDTH + 0.5


def test_page_numbers_sit_outside_the_text_block_odd_right_even_left(bundled_fonts):
    brief = _brief(bundled_fonts)
    for _ in range(30):
        brief.paragraph("各地区各部门要加强组织领导，抓好贯彻落实。" * 3)
    data = brief.build()
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 2
    positions: dict[int, tuple[float, float]] = {}
    for index in (0, 1):
        found: list[tuple[float, float]] = []

        def visit(text, cm, tm, font, size, found=found):  # type: ignore[no-untyped-def]
            if text.strip().startswith("—"):
                found.append((tm[4], tm[5]))

        reader.pages[index].extract_text(visitor_text=visit)
        assert found, f"no page number on page {index + 1}"
        positions[index] = found[0]
    page_height = float(reader.pages[0].mediabox.height)
    text_bottom = page_height - TOP_MARGIN - 225 * 72 / 25.4
    for _x, y in positions.values():
        assert y < text_bottom - 7 * 72 / 25.4 + 1  # below the text block, 7 mm clear
    assert positions[0][0] > LEFT_MARGIN + TEXT_WIDTH / 2  # odd page: right
    assert positions[1][0] < LEFT_MARGIN + TEXT_WIDTH / 2  # even page: left
    texts = page_texts(data)
    assert "—1—" in texts[0] and "—2—" in texts[1]


def test_a_rendered_page_shows_ink(qapp, bundled_fonts):
    brief = _brief(bundled_fonts)
    brief.title("湖南省生物医药产业创新发展简报")
    brief.paragraph("对新获批的一类创新药给予奖补。" * 10)
    assert rendered_ink(brief.build()) > 0.01


def test_characters_a_face_lacks_are_set_in_one_that_has_them(bundled_fonts):
    # UMing has no 𬌗 (CJK Ext. E); the runs put it in another face or keep it, never drop it.
    runs = bundled_fonts.runs(Role.FANGSONG, "牙𬌗面")
    assert "".join(text for _, text in runs) == "牙𬌗面"
    brief = _brief(bundled_fonts)
    brief.paragraph("甲乙丙A&B")
    assert "甲乙丙A&B" in pdf_text(brief.build())


def test_fonts_resolve_to_the_bundled_stand_ins_without_system_fonts():
    resolution = resolve_fonts(search_dirs=[])
    for line in resolution.report():
        assert line.source is Source.BUNDLED and line.stand_in
    assert resolution.face(Role.HEI).family == "WenQuanYi Micro Hei"
    assert resolution.face(Role.SONG).family == "AR PL UMing CN"
    assert resolution.face(Role.KAI).family == "AR PL UKai CN"
    assert "仿宋_GB2312" in resolution.roles[Role.FANGSONG].wanted


def test_a_preferred_face_in_a_system_folder_is_found_by_its_file_name(tmp_path):
    fonts_dir = tmp_path / "Fonts" / "sub"
    fonts_dir.mkdir(parents=True)
    shutil.copy(BUNDLED_FONTS_DIR / "ukai.ttc", fonts_dir / "SIMKAI.TTF")  # stands in for 楷体
    resolution = resolve_fonts(search_dirs=[tmp_path / "Fonts"])
    kai = resolution.roles[Role.KAI]
    assert kai.source is Source.SYSTEM and not kai.stand_in
    assert kai.face.preferred == "楷体"
    assert resolution.roles[Role.FANGSONG].source is Source.BUNDLED


def test_unusable_user_font_files_are_refused_with_a_reason(tmp_path):
    otf = tmp_path / "cff.otf"
    otf.write_bytes(b"OTTO" + b"\0" * 200)
    latin = tmp_path / "latin.ttf"
    dejavu = next(
        (p for p in ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",) if __import__("os").path.exists(p)),
        None,
    )
    assert check_font_file(tmp_path / "missing.ttf") is Problem.NOT_FOUND
    assert check_font_file(otf) is Problem.NOT_TRUETYPE
    if dejavu:
        shutil.copy(dejavu, latin)
        assert check_font_file(latin) is Problem.NO_CJK
    resolution = resolve_fonts({Role.SONG: otf}, search_dirs=[])
    song = resolution.roles[Role.SONG]
    assert song.source is Source.BUNDLED and song.rejected == (("cff.otf", Problem.NOT_TRUETYPE),)


def test_a_user_font_file_is_used_for_its_role(tmp_path, bundled_fonts):
    copy = tmp_path / "fangsong.ttc"
    shutil.copy(BUNDLED_FONTS_DIR / "ukai.ttc", copy)
    resolution = resolve_fonts({Role.FANGSONG: copy}, search_dirs=[])
    assert resolution.roles[Role.FANGSONG].source is Source.USER
    brief = _brief(load_brief_fonts(resolution))
    brief.paragraph("正文用自选字体")
    assert any("UKaiCN" in name for name in fonts_of(brief.build()))


def test_cells_carry_their_fill_colour(bundled_fonts):
    brief = _brief(bundled_fonts)
    brief.table(["状态"], [[Cell("已达标", fill="good")], [Cell("滞后", fill="bad")]])
    data = brief.build()
    assert "已达标" in pdf_text(data) and "滞后" in pdf_text(data)
    content = pypdf.PdfReader(io.BytesIO(data)).pages[0].get_contents().get_data()
    assert b".843137 .941176 .823529 rg" in content  # #d7f0d2, the "good" fill


def test_no_line_starts_with_a_closing_punctuation_mark(bundled_fonts):
    brief = _brief(bundled_fonts)
    for n in range(1, 12):
        brief.paragraph(("对新获批的一类创新药" + "药" * n + "，按研发投入给予奖补；“首台套”产品。") * 5)
    lines = [
        line.strip()
        for page in pypdf.PdfReader(io.BytesIO(brief.build())).pages
        for line in page.extract_text().splitlines()
    ]
    assert len(lines) > 30
    assert not [line for line in lines if line[:1] in "，。、；：？！”）》"]


def test_a_closing_mark_at_a_cells_line_end_stays_inside_the_cell(bundled_fonts):
    # Lists of offices end their lines on 、 (which may not start a line and so hangs):
    # it must not cross the table's grid line.
    brief = _brief(bundled_fonts)
    size = 12
    offices = "湖南湘江新区管委会、长沙经开区管委会、市发展改革委、市科技局、"
    brief.table(
        ["条款", "责任单位"],
        [[f"一/（{n}）", offices * 3 + "局" * n] for n in range(1, 9)],
        [0.3, 0.7],
        size=size,
    )
    reader = pypdf.PdfReader(io.BytesIO(brief.build()))
    right_edge = LEFT_MARGIN + TEXT_WIDTH
    ends: list[tuple[float, str]] = []

    def visit(text, cm, tm, font, font_size, ends=ends):  # type: ignore[no-untyped-def]
        if text.strip() and "、" in text:  # full-width text only: each character is one em wide
            x = cm[0] * tm[4] + cm[4]
            ends.append((x + len(text.strip()) * size, text))

    reader.pages[0].extract_text(visitor_text=visit)
    assert ends
    assert any(text.strip().endswith("、") for _end, text in ends)  # the case is exercised
    assert max(end for end, _text in ends) <= right_edge + 0.5, [t for e, t in ends if e > right_edge + 0.5]


def test_an_empty_page_shows_no_ink(qapp):
    # The "not blank" checks of every brief rely on this: QtPdf leaves an empty page transparent.
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out)
    canvas.showPage()
    canvas.save()
    assert rendered_ink(out.getvalue()) == 0


def test_a_cell_that_fits_its_column_keeps_its_full_width(bundled_fonts):
    # Only a cell whose line would hang gives up a character of width: 待补充 in the
    # dossier's narrow state column stays on one line.
    brief = _brief(bundled_fonts)
    brief.table(
        ["结果", "说明"],
        [[Cell("待补充", fill="warn", align="center"), "尚未填写，需补充"]],
        [0.1, 0.9],
        size=10.5,
    )
    lines = [
        line.strip()
        for line in pypdf.PdfReader(io.BytesIO(brief.build())).pages[0].extract_text().splitlines()
    ]
    assert any(line.startswith("待补充") for line in lines), lines


def _after_lines(fonts, lines: int) -> BriefDocument:
    brief = _brief(fonts)
    for n in range(lines):  # one body line each: 22 to a page
        brief.paragraph(f"第{n + 1}行。", indent=False)
    return brief


def test_a_heading_over_a_table_starts_where_its_header_and_first_row_fit(bundled_fonts):
    brief = _after_lines(
        bundled_fonts, 18
    )  # four lines left: too few for six lines of text, enough for a short row
    brief.heading(1, "二、条款提纲")
    brief.table(["条款", "标题"], [[f"一/（{n}）", f"第{n}条"] for n in range(1, 30)], [0.3, 0.7])
    pages = page_texts(brief.build())
    assert "二、条款提纲" in pages[0] and "第1条" in pages[0]


def test_a_heading_goes_to_the_next_page_with_a_tall_first_row(bundled_fonts):
    brief = _after_lines(bundled_fonts, 15)  # seven lines left: more than six, less than the row
    brief.heading(1, "四、奖补事项")
    brief.table(
        ["事项", "依据条款"],
        [["研发奖励", "对新获批的一类创新药给予奖补。" * 30], ["其他", "短"]],
        [0.5, 0.5],
    )
    pages = page_texts(brief.build())
    assert "四、奖补事项" not in pages[0]  # not alone at the foot of a page
    assert "四、奖补事项" in pages[1] and "研发奖励" in pages[1]
