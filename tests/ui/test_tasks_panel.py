"""The 任务分工 tab over a real workspace: matrix, one unit's tasks, overdue marks, progress, import."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt

from workbench.ui.item_models.task_models import OVERDUE_COLOUR, REPORT_ROLE
from workbench.ui.panels.tasks_panel import TasksPanel


@pytest.fixture
def panel(qtbot, workspace):
    widget = TasksPanel(workspace.tasks)
    qtbot.addWidget(widget)
    widget.as_of_edit.setDate(QDate(2026, 12, 1))
    widget.resize(1400, 850)
    widget.show()
    return widget


def listed_ids(panel):
    return [r.task.id for r in panel.listed()]


def test_the_matrix_has_units_down_the_side_and_plans_across(panel, workspace):
    model = panel.matrix_model
    matrix = workspace.tasks.matrix()
    assert model.rowCount() == len(matrix.units) and model.columnCount() == len(matrix.plans) + 1
    row = matrix.units.index("长沙市发展和改革委员会")
    assert model.headerData(row, Qt.Orientation.Vertical) == "长沙市发展和改革委员会"
    total = matrix.total("长沙市发展和改革委员会")
    assert model.index(row, len(matrix.plans)).data() == f"{total.total}（牵头{total.lead}）"
    assert len(listed_ids(panel)) == len(workspace.tasks.tasks())


def test_clicking_a_unit_lists_its_tasks_across_plans_and_a_cell_one_plan(qtbot, panel, workspace):
    matrix = panel.matrix_model.matrix
    row = matrix.units.index("长沙市发展和改革委员会")
    total_col = len(matrix.plans)
    rect = panel.matrix_view.visualRect(panel.matrix_model.index(row, total_col))
    panel.matrix_view.scrollTo(panel.matrix_model.index(row, total_col))
    rect = panel.matrix_view.visualRect(panel.matrix_model.index(row, total_col))
    qtbot.mouseClick(panel.matrix_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert panel.unit_combo.currentData() == "长沙市发展和改革委员会"
    reports = panel.listed()
    assert len(reports) == matrix.total("长沙市发展和改革委员会").total
    assert {r.task.doc_id for r in reports} == {"changsha-bioeconomy-2023", "changsha-big-health-2023"}
    assert "牵头 10 项" in panel.count_label.text()
    plan_col = [p.doc_id for p in matrix.plans].index("changsha-big-health-2023")
    rect = panel.matrix_view.visualRect(panel.matrix_model.index(row, plan_col))
    qtbot.mouseClick(panel.matrix_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert {r.task.doc_id for r in panel.listed()} == {"changsha-big-health-2023"}
    panel.role_combo.setCurrentIndex(panel.role_combo.findData("lead"))
    assert all(r.task.lead.name == "长沙市发展和改革委员会" for r in panel.listed())


def test_overdue_tasks_are_marked_in_words_and_colour(panel):
    panel.select_unit("南京市发展和改革委员会")
    index = panel.list_model.index(0, 6)
    assert index.data() == "未启动（逾期）"
    assert index.data(Qt.ItemDataRole.BackgroundRole).color() == OVERDUE_COLOUR
    panel.as_of_edit.setDate(QDate(2023, 6, 30))
    assert panel.list_model.index(0, 6).data() == "未启动"
    panel.as_of_edit.setDate(QDate(2026, 12, 1))
    panel.overdue_check.setChecked(True)
    assert panel.listed() and all(r.overdue for r in panel.listed())


def test_the_form_records_progress_and_the_list_shows_it(qtbot, panel, workspace):
    panel.select_unit("湖南省科学技术厅")
    panel.list_view.selectRow(0)
    task_id = panel.current.task.id
    panel.status_combo.setCurrentIndex(panel.status_combo.findData("lagging"))
    panel.note_edit.setPlainText("资金拨付滞后")
    panel.by_edit.setText("张三")
    panel.day_edit.setDate(QDate(2026, 11, 30))
    qtbot.mouseClick(panel.record_button, Qt.MouseButton.LeftButton)
    assert panel.form_error.text() == ""
    latest = workspace.tasks.progress(task_id)[-1]
    assert (latest.status.value, latest.note, latest.author, latest.reported_on) == (
        "lagging",
        "资金拨付滞后",
        "张三",
        dt.date(2026, 11, 30),
    )
    assert panel.current.task.id == task_id  # the selection stays on the task
    assert panel.list_model.index(0, 6).data() == "滞后"
    assert panel.notes_table.rowCount() == 1 and panel.notes_table.item(0, 2).text() == "资金拨付滞后"
    # an empty note is refused in words and stores nothing
    qtbot.mouseClick(panel.record_button, Qt.MouseButton.LeftButton)
    assert "进展情况未填写" in panel.form_error.text()
    assert len(workspace.tasks.progress(task_id)) == 1


def test_targets_of_the_task_clause_show_their_status(panel):
    panel.select_unit("南京市发展和改革委员会")
    row = listed_ids(panel).index("nanjing-bioeconomy-2021:二/（二）/2")
    assert "暂无数据" in panel.list_model.index(row, 8).data()


def test_export_then_import_a_ledger_with_a_bad_row_stores_nothing(panel, workspace, tmp_path):
    panel.select_unit("湖南省科学技术厅")
    path = tmp_path / "台账.xlsx"
    assert panel.export_to(path) == 11
    book = load_workbook(path)
    sheet = book.active
    cols = {c.value: c.column for c in sheet[2]}
    sheet.cell(3, cols["进展情况"], "已完成首批认定")
    sheet.cell(3, cols["状态"], "已完成")
    sheet.cell(4, cols["进展情况"], "x")
    sheet.cell(4, cols["状态"], "不知道")
    book.save(path)
    assert panel.import_from(path, confirm=False) is None
    assert "第 4 行" in panel.message.text() and workspace.tasks.audit() == []
    sheet.cell(4, cols["状态"], "推进中")
    book.save(path)
    assert panel.import_from(path, confirm=False) == 2
    first = panel.list_model.index(0, 0).data(REPORT_ROLE)
    assert first.status.value == "done"


def test_the_window_has_the_tab_and_its_pdf_ledger_request(window):
    from exporters.brief_data import BriefKind

    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert "任务分工" in tabs
    window.tabs.setCurrentWidget(window.tasks_panel)
    window.tasks_panel.select_unit("湖南省科学技术厅")
    request = window.briefs.request_for(window.tasks_panel)
    assert request.kind is BriefKind.TASKS and request.unit_names == ("湖南省科学技术厅",)


def test_the_source_button_asks_for_the_tasks_clause(qtbot, panel):
    panel.select_unit("湖南省科学技术厅")
    panel.list_view.selectRow(1)
    task = panel.current.task
    with qtbot.waitSignal(panel.open_clause) as signal:
        qtbot.mouseClick(panel.source_button, Qt.MouseButton.LeftButton)
    assert signal.args == [task.doc_id, task.id, ""]


def test_removing_a_plan_drops_its_tasks_from_the_tab_and_keeps_the_chosen_unit(window):
    panel = window.tasks_panel
    panel.select_unit("长沙市发展和改革委员会")
    before = listed_ids(panel)
    assert any(t.startswith("changsha-bioeconomy-2023:") for t in before)
    window.workspace.library.remove("changsha-bioeconomy-2023")
    assert panel.unit_combo.currentData() == "长沙市发展和改革委员会"
    after = listed_ids(panel)
    assert after == [t for t in before if not t.startswith("changsha-bioeconomy-2023:")]
    assert [t.id for t in panel.tasks] == [t.id for t in window.workspace.tasks.tasks()]
    assert "changsha-bioeconomy-2023" not in [p.doc_id for p in panel.matrix_model.matrix.plans]
