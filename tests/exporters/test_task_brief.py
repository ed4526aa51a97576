"""The PDF ledger brief: the office columns, lead and supporting, overdue tasks, embedded fonts."""

from __future__ import annotations

import datetime as dt

import pytest

from exporters import brief_data
from exporters.brief_data import BriefDataError, BriefKind, BriefRequest
from exporters.task_brief import METHOD
from tests.exporters.pdf_checks import fonts_of, pdf_text, rendered_ink
from workbench.core.workspace import Workspace

CREATED = dt.datetime(2026, 11, 24, 10, 0).astimezone()
AS_OF = dt.date(2026, 12, 1)


@pytest.fixture
def workspace(data_dir):
    ws = Workspace.open(data_dir)
    yield ws
    ws.close()


def test_a_units_ledger_lists_its_tasks_with_roles_progress_and_the_method(qapp, workspace, bundled_fonts):
    workspace.tasks.record(
        "hunan-biomedicine-2026:一/（一）", "推进中", "已发布认定指南", on="2026-11-02", by="张三"
    )
    brief = brief_data.task_brief(
        workspace, unit="省科技厅", as_of=AS_OF, fonts=bundled_fonts, created=CREATED
    )
    data = brief.build()
    text = pdf_text(data).replace(" ", "")
    assert "督办任务台账" in text and "湖南省科学技术厅截至2026年12月1日" in text
    for word in ("序号", "任务", "牵头单位", "配合单位", "完成时限", "进展情况", "状态"):
        assert word in text
    assert "纳入本台账的任务共11项" in text and "其中牵头5项、配合6项" in text
    assert "【牵头】支持生物医药创新平台建设" in text and "已发布认定指南" in text
    assert "南京市" not in text
    assert METHOD[:30] in text
    fonts = fonts_of(data)
    assert fonts and all(f["embedded"] for f in fonts.values())
    assert rendered_ink(data) > 0.01


def test_a_plans_ledger_marks_overdue_tasks_and_lists_them(workspace, bundled_fonts):
    brief = brief_data.task_brief(
        workspace, doc_id="nanjing-bioeconomy-2021", as_of=AS_OF, fonts=bundled_fonts, created=CREATED
    )
    text = pdf_text(brief.build()).replace(" ", "")
    assert "南京市生物经济发展三年行动计划" in text
    assert "已过完成时限而未完成的21项" in text and "三、逾期任务" in text
    assert "2023年12月31日" in text


def test_a_brief_of_an_unknown_unit_or_plan_is_refused(workspace):
    with pytest.raises(BriefDataError) as info:
        brief_data.make_brief(workspace, BriefRequest(BriefKind.TASKS, unit="没有这个单位"))
    assert info.value.reason == "unknown_unit"
    with pytest.raises(BriefDataError) as info:
        brief_data.make_brief(workspace, BriefRequest(BriefKind.TASKS, doc_id="no-such-doc"))
    assert info.value.reason == "unknown_document"
