"""The indicators panel over a real workspace: table, filters, chart, entry, source clause, review, import."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QItemSelectionModel, Qt

from workbench.core.indicators.progress import IndicatorStatus
from workbench.ui.item_models.indicator_table_model import REPORT_ROLE, STATUS_COLOURS
from workbench.ui.panels.indicators_panel import IndicatorsPanel

SCALE = "changsha-bioeconomy-2023.t01"  # 生物经济产业规模 ≥ 4000 亿元 by 2025


@pytest.fixture
def panel(qtbot, workspace):
    widget = IndicatorsPanel(workspace.indicators, workspace.library)
    qtbot.addWidget(widget)
    widget.as_of_edit.setDate(QDate(2025, 6, 30))
    widget.resize(1400, 850)
    widget.show()
    return widget


def shown_reports(panel):
    return [panel.proxy.index(r, 0).data(REPORT_ROLE) for r in range(panel.proxy.rowCount())]


def test_every_bundled_target_is_listed_with_its_status_in_words_and_colour(panel, workspace):
    reports = shown_reports(panel)
    assert len(reports) == len(workspace.indicators.indicators()) >= 40
    workspace.indicators.record("nanjing-bioeconomy-2021.t01", "2023", 3500)  # 4000亿元 by 2023, missed
    overdue_row = next(
        r for r in range(panel.proxy.rowCount()) if shown_reports(panel)[r].status is IndicatorStatus.OVERDUE
    )
    index = panel.proxy.index(overdue_row, 0)
    assert "已逾期" in index.data()
    assert (
        index.data(Qt.ItemDataRole.BackgroundRole).color().name()
        == STATUS_COLOURS[IndicatorStatus.OVERDUE][1]
    )
    assert "显示" in panel.count_label.text() and "已逾期" in panel.count_label.text()
    # nothing recorded past the deadline: grey no data, said so, not red 已逾期
    unrecorded = next(
        r
        for r in range(panel.proxy.rowCount())
        if shown_reports(panel)[r].indicator.id == "nanjing-bioeconomy-2021.t03"
    )
    index = panel.proxy.index(unrecorded, 0)
    assert "暂无数据（已过期限）" in index.data()
    assert (
        index.data(Qt.ItemDataRole.BackgroundRole).color().name()
        == STATUS_COLOURS[IndicatorStatus.NO_DATA][1]
    )


def test_targets_read_in_chinese_word_order(panel):
    def target_of(indicator_id):
        row = next(
            r for r in range(panel.proxy.rowCount()) if shown_reports(panel)[r].indicator.id == indicator_id
        )
        return panel.proxy.index(row, 3).data()

    assert target_of("nanjing-bioeconomy-2021.t06") == "10家左右"
    assert target_of("changsha-bioeconomy-2023.t04") == "2—3家"
    assert target_of("changsha-bioeconomy-2023.t01") == "达到4000亿元"
    assert any(panel.proxy.index(r, 3).data().endswith("以上") for r in range(panel.proxy.rowCount()))


def test_filters_by_region_document_status_and_deadline(panel):
    panel.region_combo.setCurrentIndex(panel.region_combo.findData("南京市"))
    assert {r.indicator.region for r in shown_reports(panel)} == {"南京市"}
    panel.region_combo.setCurrentIndex(0)
    panel.doc_combo.setCurrentIndex(panel.doc_combo.findData("changsha-big-health-2023"))
    assert {r.indicator.doc_id for r in shown_reports(panel)} == {"changsha-big-health-2023"}
    panel.doc_combo.setCurrentIndex(0)
    panel.deadline_combo.setCurrentIndex(panel.deadline_combo.findData("recurring"))
    assert shown_reports(panel) and all(r.indicator.recurring for r in shown_reports(panel))
    panel.deadline_combo.setCurrentIndex(panel.deadline_combo.findData("2025"))
    assert {r.indicator.deadline for r in shown_reports(panel)} == {"2025"}
    panel.status_combo.setCurrentIndex(panel.status_combo.findData("achieved"))
    assert shown_reports(panel) == []


def test_recording_a_value_through_the_form_updates_status_chart_and_table(panel, workspace):
    assert panel.select_indicator(SCALE)
    for period, value in (("2022", "2580"), ("2023", "2,950"), ("2024", "3380")):
        panel.period_edit.setText(period)
        panel.value_edit.setText(value)
        panel.by_edit.setText("张三")
        panel.record_button.click()
        assert panel.form_error.text() == ""
    assert [o.value for o in workspace.indicators.observations(SCALE)] == [2580, 2950, 3380]
    assert panel.current_report().indicator.id == SCALE
    assert panel.status_badge.text() == "需加快进度"
    assert panel.obs_table.rowCount() == 3 and panel.obs_table.item(2, 3).text() == "张三"
    names = [s.name() for s in panel.chart.series()]
    assert names == ["目标路径", "实际值", "目标值"]
    actual = panel.chart.series()[1]
    assert [actual.at(k).y() for k in range(actual.count())] == [2580, 2950, 3380]
    assert "15.7%" in panel.growth_label.text()


def test_the_form_names_the_bad_field_and_refuses_a_silent_overwrite(panel, workspace):
    panel.select_indicator(SCALE)
    panel.period_edit.setText("2023-13")
    panel.value_edit.setText("100")
    assert (
        not panel.record_current()
        and "期间" in panel.form_error.text()
        and "不存在" in panel.form_error.text()
    )
    panel.period_edit.setText("2023")
    panel.value_edit.setText("三千")
    assert not panel.record_current() and "数值" in panel.form_error.text()
    panel.value_edit.setText("3000")
    assert panel.record_current()
    panel.period_edit.setText("2023")
    panel.value_edit.setText("3100")
    assert not panel.record_current() and "已有数值" in panel.form_error.text()
    assert [o.value for o in workspace.indicators.observations(SCALE)] == [3000]
    panel.replace_check.setChecked(True)
    assert panel.record_current()
    assert [o.value for o in workspace.indicators.observations(SCALE)] == [3100]


def test_the_source_clause_is_one_click_away(panel, qtbot):
    panel.select_indicator(SCALE)
    with qtbot.waitSignal(panel.open_clause) as signal:
        qtbot.mouseClick(panel.source_button, Qt.MouseButton.LeftButton)
    doc_id, clause_id, highlight = signal.args
    assert (doc_id, clause_id) == (
        "changsha-bioeconomy-2023",
        "changsha-bioeconomy-2023:二",
    ) and "4000 亿元" in highlight


def test_like_targets_of_another_city_are_shown_beside_the_selected_one(panel):
    panel.select_indicator(SCALE)
    assert (
        "南京市" in panel.compare_label.text()
        and "4000" in panel.compare_label.text()
        and "2023" in panel.compare_label.text()
    )
    panel.select_indicator("changsha-bioeconomy-2023.t23")  # 上市企业总数: no like target elsewhere
    assert panel.compare_label.text() == ""


def test_the_window_opens_the_reader_at_the_clause(window, qtbot):
    panel = window.indicators_panel
    assert window.tabs.tabText(window.tabs.indexOf(panel)) == "指标跟踪"
    window.tabs.setCurrentWidget(panel)
    panel.select_indicator("nanjing-bioeconomy-2021.t01")
    panel.source_button.click()
    assert window.tabs.currentWidget() is window.reader_panel
    assert window.reader_panel.current_clause().id == "nanjing-bioeconomy-2021:一/（二）"


def test_proposals_of_an_imported_plan_are_reviewed_in_the_dialog(panel, workspace, tmp_path):
    plan = tmp_path / "某市行动计划.txt"
    plan.write_text(
        "某市生物产业发展行动计划（2024—2026年）\n一、发展目标\n到2026年，全市生物产业规模达到 800 亿元，新增"
        "上市企业 5 家以上，引进高层次人才 200 名。"
        "\n",
        encoding="utf-8",
    )
    (outcome,) = workspace.library.import_files([plan])
    dialog = panel.review_proposals(outcome.doc_id)
    assert dialog.table.rowCount() == 3
    dialog.table.item(0, 0).setText("生物产业规模")
    dialog.table.item(0, 1).setText("850")
    dialog.table.selectionModel().select(
        dialog.table.model().index(0, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert dialog.accept_selected() == 1
    dialog.table.selectRow(0)
    assert dialog.reject_selected() == 1
    assert dialog.table.rowCount() == 1
    dialog.table.selectRow(0)
    dialog.table.item(0, 4).setText("明年")
    assert dialog.accept_selected() == 0 and "期限" in dialog.error.text()
    (made,) = workspace.indicators.indicators(doc_id=outcome.doc_id)
    assert (made.name, made.target_low, made.deadline) == ("生物产业规模", 850, "2026")
    assert any(r.indicator.id == made.id for r in shown_reports(panel))


def test_import_preview_lists_bad_rows_and_imports_nothing(panel, workspace, tmp_path):
    bad = tmp_path / "观测.csv"
    bad.write_text(
        f"指标编号,期间,数值\n{SCALE},2023,3000\n{SCALE},2023,3100\nnope,2023,1\n", encoding="utf-8"
    )
    dialog = panel.preview_import(bad)
    assert not dialog.import_button.isEnabled()
    assert dialog.table.rowCount() == 2
    assert [dialog.table.item(r, 1).text() for r in range(2)] == ["3", "4"]
    assert not dialog.apply() and workspace.indicators.observations(SCALE) == []
    good = tmp_path / "好.csv"
    good.write_text(f"指标编号,期间,数值\n{SCALE},2023,3000\n", encoding="utf-8")
    dialog = panel.preview_import(good)
    assert dialog.import_button.isEnabled() and "观测值 1 条" in dialog.summary.text()
    dialog.import_button.click()
    assert [o.value for o in workspace.indicators.observations(SCALE)] == [3000]
    panel.select_indicator(SCALE)
    assert panel.current_report().latest.value == 3000


def test_export_writes_an_xlsx_with_both_sheets(panel, tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "指标.xlsx"
    assert panel.export_to(path) > 0
    assert load_workbook(path).sheetnames == ["指标", "观测值"]


def test_the_evaluation_date_changes_the_status(panel, workspace):
    workspace.indicators.record("nanjing-bioeconomy-2021.t01", "2021", 3000)
    workspace.indicators.record("nanjing-bioeconomy-2021.t01", "2022", 3700)
    panel.as_of_edit.setDate(QDate(2023, 6, 30))
    panel.select_indicator("nanjing-bioeconomy-2021.t01")
    assert panel.current_report().status is IndicatorStatus.ON_TRACK
    panel.as_of_edit.setDate(QDate(2024, 1, 1))
    assert panel.current_report().status is IndicatorStatus.OVERDUE
    assert panel.current_report().as_of == dt.date(2024, 1, 1)


def test_setting_a_baseline_in_the_edit_form_gives_a_status_from_one_observation(panel, workspace):
    workspace.indicators.record(SCALE, "2023", 3000)
    panel.select_indicator(SCALE)
    assert panel.current_report().status is IndicatorStatus.NO_DATA
    dialog = panel.edit_current()
    dialog.baseline_edit.setText("2500")
    dialog.baseline_period_edit.setText("2022年")
    dialog.actor_edit.setText("审核员")
    assert dialog.save()
    assert (
        panel.current_report().indicator.baseline == 2500
        and panel.current_report().status is IndicatorStatus.ON_TRACK
    )
    assert workspace.indicators.audit(SCALE)[-1].actor == "审核员"


def test_the_edit_form_names_the_refused_field_and_saves_nothing(panel, workspace):
    panel.select_indicator(SCALE)
    dialog = panel.edit_current()
    dialog.deadline_edit.setText("明年")
    assert not dialog.save() and dialog.error.text().startswith("期限")
    dialog.deadline_edit.setText("2025")
    dialog.baseline_edit.setText("2500")
    assert not dialog.save() and dialog.error.text().startswith("基期")
    assert workspace.indicators.get(SCALE).baseline is None
    assert [a.action for a in workspace.indicators.audit(SCALE)] == ["create"]


def test_a_new_indicator_made_in_the_form_joins_the_table(panel, workspace):
    dialog = panel.new_indicator()
    dialog.name_edit.setText("新增孵化器")
    dialog.region_edit.setText("长沙市")
    dialog.unit_edit.setText("家")
    dialog.low_edit.setText("十")
    assert not dialog.save() and dialog.error.text().startswith("目标值")
    dialog.low_edit.setText("10")
    dialog.deadline_edit.setText("2027")
    assert dialog.save()
    assert any(
        r.indicator.name == "新增孵化器" and r.indicator.origin == "manual" for r in shown_reports(panel)
    )


def test_a_target_whose_document_was_removed_has_no_clause_to_open(panel, workspace):
    assert workspace.library.remove("nanjing-bioeconomy-2021")
    panel.select_indicator("nanjing-bioeconomy-2021.t01")
    assert panel.current_report().indicator.id == "nanjing-bioeconomy-2021.t01"
    assert not panel.source_button.isEnabled() and panel.record_button.isEnabled()


def test_a_wrong_value_is_corrected_or_deleted_from_the_panel_and_audited(panel, workspace):
    panel.select_indicator(SCALE)
    for period, value in (("2022", "2580"), ("2023", "29500")):  # 2023 typed with one zero too many
        panel.period_edit.setText(period)
        panel.value_edit.setText(value)
        assert panel.record_current()
    assert not panel.delete_obs_button.isEnabled() and panel.confirm_delete_observation() is None
    panel.obs_table.selectRow(1)
    assert panel.correct_button.isEnabled() and panel.delete_obs_button.isEnabled()
    panel.correct_button.click()
    assert (panel.period_edit.text(), panel.value_edit.text(), panel.replace_check.isChecked()) == (
        "2023",
        "29500",
        True,
    )
    panel.value_edit.setText("2950")
    panel.by_edit.setText("李四")
    panel.record_button.click()
    assert [(o.period, o.value) for o in workspace.indicators.observations(SCALE)] == [
        ("2022", 2580),
        ("2023", 2950),
    ]
    replaced = workspace.indicators.audit(SCALE)[-1]
    assert (replaced.action, replaced.actor, replaced.before["value"], replaced.after["value"]) == (
        "replace",
        "李四",
        29500,
        2950,
    )

    panel.obs_table.selectRow(0)
    box = panel.confirm_delete_observation()
    assert "2022" in box.text() and "2580" in box.text()
    cancel = next(b for b in box.buttons() if box.buttonRole(b) == box.ButtonRole.RejectRole)
    cancel.click()
    assert len(workspace.indicators.observations(SCALE)) == 2  # cancelled: nothing deleted
    panel.obs_table.selectRow(0)
    box = panel.confirm_delete_observation()
    delete = next(b for b in box.buttons() if box.buttonRole(b) == box.ButtonRole.DestructiveRole)
    delete.click()
    assert [o.period for o in workspace.indicators.observations(SCALE)] == ["2023"]
    assert panel.obs_table.rowCount() == 1 and panel.obs_table.item(0, 0).text() == "2023"
    deleted = workspace.indicators.audit(SCALE)[-1]
    assert (
        deleted.action,
        deleted.actor,
        deleted.before["period"],
        deleted.before["value"],
        deleted.after,
    ) == ("delete_observation", "李四", "2022", 2580, None)


def test_the_edit_form_shows_large_targets_exactly_and_saves_them_unchanged(panel, workspace):
    workspace.indicators.edit(SCALE, {"target_low": 1234567, "unit": "万元"})
    panel.select_indicator(SCALE)
    dialog = panel.edit_current()
    assert dialog.low_edit.text() == "1234567"  # not 1.23457e+06
    dialog.name_edit.setText("生物经济产业规模（修订）")
    assert dialog.save()
    assert workspace.indicators.get(SCALE).target_low == 1234567
    assert "1234567万元" in panel.title_label.text()


def test_long_plan_titles_leave_the_width_to_indicator_names(panel):
    header = panel.view.horizontalHeader()
    # the title column no longer sizes itself to the longest title; the stretching name column gets the room
    assert header.sectionResizeMode(6) is header.ResizeMode.Interactive and header.sectionSize(6) <= 220
    assert header.sectionResizeMode(2) is header.ResizeMode.Stretch
    index = panel.proxy.index(0, 6)
    assert (
        index.data(Qt.ItemDataRole.ToolTipRole) == index.data() and len(index.data()) > 15
    )  # the elided title in full
