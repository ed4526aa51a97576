"""The indicator report: status table with colours, a chart per chosen indicator, the method."""

from __future__ import annotations

import datetime as dt
import io

import pypdf
import pytest

from exporters import brief_data
from exporters.indicator_brief import STATUS_WORDS
from tests.exporters.pdf_checks import fonts_of, pdf_text, rendered_ink
from workbench.core.indicators.progress import METHOD, IndicatorStatus
from workbench.core.workspace import Workspace

CREATED = dt.datetime(2026, 11, 24, 10, 0).astimezone()
AS_OF = dt.date(2024, 12, 31)


@pytest.fixture
def workspace(data_dir):
    ws = Workspace.open(data_dir)
    yield ws
    ws.close()


@pytest.fixture
def observed(workspace):
    """Three Changsha indicators with a few years of data."""
    ids = [i.id for i in workspace.indicators.indicators(region="长沙市")][:3]
    for indicator_id, values in zip(ids, [(1, 2, 3), (2, 5, 6), (100, 50, 30)], strict=True):
        for year, value in zip((2022, 2023, 2024), values, strict=True):
            workspace.indicators.record(indicator_id, str(year), value)
    return ids


def test_the_report_lists_every_indicator_with_its_status_and_states_the_method(
    qapp, workspace, observed, bundled_fonts
):
    brief = brief_data.indicator_brief(
        workspace, region="长沙市", as_of=AS_OF, fonts=bundled_fonts, created=CREATED
    )
    data = brief.build()
    text = pdf_text(data)
    reports = workspace.indicators.list(as_of=AS_OF, region="长沙市")
    assert "产业规划指标进展报告" in text and "长沙市截至2024年12月31日" in text
    assert f"纳入本报告的指标共{len(reports)}项" in text
    for r in reports:
        assert r.indicator.name.replace(" ", "") in text
    for status in {r.status for r in reports}:
        assert STATUS_WORDS[status] in text
    assert METHOD.replace(" ", "")[:60] in text and "评估方法" in text
    assert "南京市" not in text  # another region's indicators stay out
    assert rendered_ink(data) > 0.01


def test_status_cells_are_coloured_by_status(workspace, observed, bundled_fonts):
    data = brief_data.indicator_brief(
        workspace, region="长沙市", as_of=AS_OF, fonts=bundled_fonts, created=CREATED
    ).build()
    reader = pypdf.PdfReader(io.BytesIO(data))
    content = b"".join(page.get_contents().get_data() for page in reader.pages)
    statuses = {r.status for r in workspace.indicators.list(as_of=AS_OF, region="长沙市")}
    assert IndicatorStatus.ACHIEVED in statuses
    assert b".843137 .941176 .823529 rg" in content  # green: achieved / on track
    if statuses & {IndicatorStatus.OVERDUE, IndicatorStatus.LIMITED_PROGRESS, IndicatorStatus.DETERIORATING}:
        assert b".964706 .788235 .768627 rg" in content  # red


def test_one_chart_per_chosen_indicator(workspace, observed, bundled_fonts):
    everything = pdf_text(
        brief_data.indicator_brief(
            workspace, region="长沙市", as_of=AS_OF, fonts=bundled_fonts, created=CREATED
        ).build()
    )
    assert everything.count("实线为观测值") == len(observed)  # default: those with observations
    chosen = pdf_text(
        brief_data.indicator_brief(
            workspace, indicator_ids=[observed[1]], as_of=AS_OF, fonts=bundled_fonts, created=CREATED
        ).build()
    )
    assert chosen.count("实线为观测值") == 1
    name = workspace.indicators.get(observed[1]).name
    assert f"1.{name}" in chosen


def test_charts_declare_no_font_that_is_not_embedded(workspace, observed, bundled_fonts):
    data = brief_data.indicator_brief(
        workspace, region="长沙市", as_of=AS_OF, fonts=bundled_fonts, created=CREATED
    ).build()
    fonts = fonts_of(data)
    assert fonts and all(facts["embedded"] for facts in fonts.values()), fonts


def test_unknown_region_or_indicator_is_a_data_error(workspace):
    with pytest.raises(brief_data.BriefDataError) as caught:
        brief_data.indicator_brief(workspace, region="火星")
    assert caught.value.reason == "no_indicators"
    with pytest.raises(brief_data.BriefDataError) as caught:
        brief_data.indicator_brief(workspace, indicator_ids=["no-such"])
    assert caught.value.reason == "unknown_indicator"


def test_without_observations_the_report_says_no_chart_was_drawn(workspace, bundled_fonts):
    text = pdf_text(
        brief_data.indicator_brief(
            workspace, region="南京市", as_of=AS_OF, fonts=bundled_fonts, created=CREATED
        ).build()
    )
    assert "所选指标均无观测数据，未绘制走势图" in text
    assert "暂无数据" in text or "已逾期" in text


def test_hostile_indicator_names_print_verbatim(workspace, bundled_fonts):
    from workbench.core.indicators.progress import IndicatorDraft
    from workbench.core.indicators.targets import Comparator

    made = workspace.indicators.create(
        IndicatorDraft(
            name="A&B公司<b>产值<unclosed",
            unit="亿元",
            comparator=Comparator.AT_LEAST,
            target_low=10,
            deadline="2025",
            region="长沙市",
        )
    )
    workspace.indicators.record(made.id, "2023", 4)
    workspace.indicators.record(made.id, "2024", 6)
    text = pdf_text(
        brief_data.indicator_brief(
            workspace,
            region="长沙市",
            indicator_ids=[made.id],
            as_of=AS_OF,
            fonts=bundled_fonts,
            created=CREATED,
        ).build()
    )
    assert "A&B公司<b>产值<unclosed（长沙市）" in text
    assert "1.A&B公司<b>产值<unclosed" in text


def test_the_report_words_targets_and_unrecorded_past_deadlines_as_the_panel_does(
    qapp, workspace, bundled_fonts
):
    brief = brief_data.indicator_brief(
        workspace, region="南京市", as_of=dt.date(2026, 6, 30), fonts=bundled_fonts, created=CREATED
    )
    text = pdf_text(brief.build())
    assert "10家左右" in text and "到2023年5家以上" in text  # not 左右10家 / 以上5家
    assert "暂无数据（已过期限）" in text
    assert "已逾期" not in text.split("评估方法")[0].replace(
        "红色为进展有限、出现倒退或已逾期", ""
    )  # nothing was recorded, so nothing is a miss
