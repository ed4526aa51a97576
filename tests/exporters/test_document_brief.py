"""The document summary: metadata, validity, outline, targets, awards, responsibility lines."""

from __future__ import annotations

import datetime as dt

import pytest

from exporters import brief_data
from exporters.document_brief import AwardLine, TargetLine, build_document_brief
from exporters.pdf_fonts import Role
from tests.exporters.pdf_checks import HOSTILE, pdf_text, rendered_ink
from workbench.core.corpus.library import DocumentDetail, DocumentInfo
from workbench.core.corpus.models import Clause, ClauseKind, Level, ValidityStatus
from workbench.core.workspace import Workspace

CREATED = dt.datetime(2026, 11, 24, 10, 0).astimezone()


@pytest.fixture
def workspace(data_dir):
    ws = Workspace.open(data_dir)
    yield ws
    ws.close()


def test_the_summary_has_metadata_validity_outline_and_responsibilities(qapp, workspace, bundled_fonts):
    brief = brief_data.document_brief(
        workspace, "hunan-biomedicine-2026", as_of=dt.date(2026, 11, 24), fonts=bundled_fonts, created=CREATED
    )
    data = brief.build()
    text = pdf_text(data)
    detail = workspace.library.document("hunan-biomedicine-2026", dt.date(2026, 11, 24))
    assert detail is not None
    assert "湖南省人民政府办公厅关于促进生物医药产业创新发展的若干意见" in text
    assert "文号湘政办发〔2026〕15号" in text
    assert "发文机关湖南省人民政府办公厅" in text
    assert "效力（2026年11月24日）现行有效" in text
    assert "有效期至2031年2月13日" in text
    for clause in detail.clauses:
        if clause.kind is ClauseKind.PART:
            assert clause.label.replace(" ", "") in text
    responsible = [c for c in detail.clauses if c.responsible]
    assert responsible
    for c in responsible[:5]:
        assert c.responsible.replace(" ", "").replace("\n", "") in text
    assert "责任分工" in text and "条款提纲" in text and "目标指标" in text
    assert rendered_ink(data) > 0.01


def test_status_is_the_one_on_the_chosen_day(workspace, bundled_fonts):
    brief = brief_data.document_brief(
        workspace, "changsha-bioeconomy-2023", as_of=dt.date(2024, 6, 1), fonts=bundled_fonts, created=CREATED
    )
    assert "效力（2024年6月1日）现行有效" in pdf_text(brief.build())
    brief = brief_data.document_brief(
        workspace, "changsha-bioeconomy-2023", as_of=dt.date(2026, 6, 1), fonts=bundled_fonts, created=CREATED
    )
    assert "效力（2026年6月1日）已失效" in pdf_text(brief.build())


def test_targets_of_a_plan_are_listed(workspace, bundled_fonts):
    targets = brief_data.document_targets(workspace, "changsha-bioeconomy-2023")
    assert targets
    text = pdf_text(
        brief_data.document_brief(
            workspace, "changsha-bioeconomy-2023", fonts=bundled_fonts, created=CREATED
        ).build()
    )
    for t in targets[:5]:
        assert f"{t.name}{t.value}".replace(" ", "") in text


def test_an_unknown_document_is_a_data_error(workspace):
    with pytest.raises(brief_data.BriefDataError) as caught:
        brief_data.document_brief(workspace, "no-such-doc")
    assert caught.value.reason == "unknown_document"


def _hostile_detail() -> DocumentDetail:
    info = DocumentInfo(
        id="x",
        title=f"关于{HOSTILE[0]}{HOSTILE[1]}的通知",
        doc_number="A&B〔2026〕1号",
        issuer="<unclosed 办公室",
        issued=dt.date(2026, 1, 2),
        published=None,
        effective_from=None,
        valid_until=None,
        validity_note=None,
        level=Level.OTHER,
        region=None,
        source_name="x.txt",
        bundled=False,
        status=ValidityStatus.UNKNOWN,
    )
    clause = Clause(
        "x:一",
        "一",
        ClauseKind.PART,
        1,
        1,
        "一、",
        "支持<b>企业</b>",
        "正文&",
        "A&B局",
        "一、支持<b>企业</b>",
        0,
        10,
    )
    return DocumentDetail(info, [clause])


def test_hostile_metadata_and_clauses_print_verbatim(bundled_fonts):
    targets = [TargetLine("一", "产值<b>", "达到100亿元&", "2025年")]
    awards = [AwardLine("奖<励>", "最高3000万元&", "一")]
    text = pdf_text(
        build_document_brief(
            _hostile_detail(), targets=targets, awards=awards, fonts=bundled_fonts, created=CREATED
        ).build()
    )
    assert "关于A&B公司<b>的通知" in text and "A&B〔2026〕1号" in text and "<unclosed办公室" in text
    assert "一、支持<b>企业</b>" in text and "A&B局" in text
    assert "产值<b>达到100亿元&2025年" in text
    assert "奖<励>最高3000万元&一" in text and "奖补事项" in text


def test_a_document_without_a_rule_file_has_no_award_section(bundled_fonts):
    text = pdf_text(
        build_document_brief(
            _hostile_detail(), targets=[], awards=None, fonts=bundled_fonts, created=CREATED
        ).build()
    )
    assert "奖补事项" not in text
    assert "本文件未设定可量化的目标指标" in text


def test_the_outline_sets_each_level_in_its_heading_face(workspace, bundled_fonts):
    from tests.exporters.pdf_checks import fonts_of

    data = brief_data.document_brief(
        workspace, "hunan-biomedicine-2026", fonts=bundled_fonts, created=CREATED
    ).build()
    assert bundled_fonts.resolution.face(Role.KAI).family == "AR PL UKai CN"
    assert any("UKai" in name for name in fonts_of(data)), fonts_of(data)  # （一） lines in 楷体


def test_the_responsibility_column_lists_the_offices_without_repeating_its_header(workspace, bundled_fonts):
    detail = workspace.library.document("changsha-bioeconomy-2023")
    assert detail is not None
    prefixed = [c for c in detail.clauses if (c.responsible or "").startswith("责任单位")]
    assert prefixed
    text = pdf_text(
        brief_data.document_brief(
            workspace, "changsha-bioeconomy-2023", fonts=bundled_fonts, created=CREATED
        ).build()
    )
    assert "责任单位：" not in text and "责任单位:" not in text
    offices = prefixed[0].responsible.split("：", 1)[-1].split(":", 1)[-1]
    assert offices.replace(" ", "") in text


def test_the_awards_table_fills_its_pages(workspace, bundled_fonts):
    # The quotes are the long part of an award row: in a narrow column each row grew so
    # tall that a third of every page of the table was left blank.
    import io

    import pypdf

    from exporters.pdf_layout import TEXT_HEIGHT, TOP_MARGIN

    data = brief_data.document_brief(
        workspace, "hunan-biomedicine-2026", fonts=bundled_fonts, created=CREATED
    ).build()
    reader = pypdf.PdfReader(io.BytesIO(data))
    filled: list[float] = []
    for page in reader.pages:
        if "奖补标准" not in page.extract_text():
            continue
        lows: list[float] = []
        page.extract_text(
            visitor_text=lambda text, cm, tm, font, size, lows=lows: (
                lows.append(tm[4] * cm[1] + tm[5] * cm[3] + cm[5])
                if text.strip() and not text.strip().startswith("—")
                else None
            )
        )
        filled.append((float(page.mediabox.height) - TOP_MARGIN - min(lows)) / TEXT_HEIGHT)
    assert len(filled) >= 2
    assert all(f > 0.85 for f in filled[:-1]), filled
