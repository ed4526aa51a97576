"""The checklist panel over a real application service: type and click, check the data;
change the data, check the widget."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from workbench.core.checklist.results import State
from workbench.ui.panels.checklist_panel import ChecklistPanel

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"
DRUG = EXAMPLES / "changsha-innovative-drug.json"


@pytest.fixture
def panel(qtbot, workspace):
    def clause_text(clause_id: str) -> str | None:
        clause = workspace.library.clause(clause_id)
        return clause.text if clause else None

    widget = ChecklistPanel(workspace.applications, clause_text)
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    return widget


@pytest.fixture
def loaded(panel):
    assert panel.import_path(DRUG)
    return panel


def type_text(widget, text: str) -> None:
    """Type ``text`` key by key (QTest.keyClicks only takes ASCII: Chinese arrives as
    key events carrying the text, as an input method commits it)."""
    for ch in text:
        QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, ch))
        QApplication.sendEvent(
            widget, QKeyEvent(QEvent.Type.KeyRelease, 0, Qt.KeyboardModifier.NoModifier, ch)
        )


def tree_state(panel: ChecklistPanel, key: str) -> str:
    return panel.tree_items[key].text(1)


def test_an_imported_application_shows_states_amounts_and_the_total(loaded):
    assert tree_state(loaded, "drug-1") == "符合"
    assert loaded.tree_items["drug-1"].text(2) == "500万元"
    assert tree_state(loaded, "national-innovation-centre") == "待补充"
    assert (
        tree_state(loaded, "guarantee") == "符合" and loaded.tree_items["guarantee"].text(2) == "融资支持"
    )  # never money
    assert loaded.tree_items["testing"].text(2) == "非资金"
    assert "550万元" in loaded.total_label.text() and "5000万元" in loaded.total_label.text()
    assert loaded.app_box.currentData() == loaded.app_id


def test_each_condition_shows_its_clause_text_and_badge(loaded):
    loaded.select("drug-1")
    rows = {row.cond.id: row for row in loaded.condition_rows}
    industrialised = rows["industrialised"]
    assert "符合产业化落地等相关条件" in industrialised.quote.text()
    assert "奖补资金由省先进制造业高地建设资金予以支持" in industrialised.quote.toolTip()  # the whole clause
    assert industrialised.badge.text() == "符合"
    assert industrialised.badge.state is State.ELIGIBLE


def test_operating_in_another_province_only_makes_everything_ineligible_at_once(loaded, qtbot):
    where = loaded.profile_fields["in_hunan"]
    hunan = where.checks[0]
    hunan.setFocus()
    qtbot.keyClick(hunan, Qt.Key.Key_Space)  # untick 湖南省
    where.other.setFocus()
    type_text(where.other, "江苏省")
    assert loaded.application.profile["operating_provinces"] == ["江苏省"]
    assert loaded.scope_badges["in_hunan"].text() == "不符合"
    assert all(node.text(1) == "不符合" for node in loaded.tree_items.values())
    assert "奖补合计 0元" in loaded.total_label.text()
    assert loaded.evaluation.total_after_cap == 0
    assert loaded.dirty_label.text()


def test_unticking_a_claim_with_the_space_bar_takes_it_out_of_the_total(loaded, qtbot):
    loaded.select("drug-1")
    form = loaded.claim_form
    assert form is not None
    form.included.setFocus()
    qtbot.keyClick(form.included, Qt.Key.Key_Space)
    assert not loaded.application.claim("drug-1").included
    assert loaded.evaluation.total_after_cap == 500_000
    assert "50万元" in loaded.total_label.text()
    assert loaded.tree_items["drug-1"].text(3) == "0元"


def test_answering_no_with_the_keyboard_turns_the_badge_red(loaded, qtbot):
    loaded.select("drug-1")
    row = next(r for r in loaded.condition_rows if r.cond.id == "industrialised")
    assert row.answer is not None
    row.answer.setFocus()
    qtbot.keyClick(row.answer, Qt.Key.Key_Down)  # 是 → 否
    assert loaded.application.claim("drug-1").answers["industrialised"] is False
    assert row.badge.text() == "不符合" and loaded.detail_badge.text() == "不符合"
    assert tree_state(loaded, "drug-1") == "不符合"
    qtbot.keyClick(row.answer, Qt.Key.Key_Home)  # 未知
    assert row.badge.text() == "待补充" and tree_state(loaded, "drug-1") == "待补充"


def test_claiming_an_item_by_keyboard_filling_it_in_and_saving(loaded, qtbot, workspace):
    loaded.select("innovative-device-class-3")
    loaded.tree.setFocus()
    qtbot.keyClick(loaded, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    claim_id = loaded.current_key
    assert claim_id == "innovative-device-class-3-1" and loaded.application.claim(claim_id) is not None
    form = loaded.claim_form
    form.title_edit.selectAll()
    type_text(form.title_edit, "手术机器人")
    qtbot.keyClicks(form.event_date, "2026-08-08")
    for row in loaded.condition_rows:
        if row.answer is not None:
            row.answer.setCurrentIndex(1)  # 是
    assert tree_state(loaded, claim_id) == "符合"
    assert loaded.evaluation.total_after_cap == 6_500_000
    qtbot.keyClick(loaded, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    stored = workspace.applications.get(loaded.app_id)
    assert stored.revision == 2 and stored.application.claim(claim_id).title == "手术机器人"
    assert not loaded.dirty


def test_an_impossible_date_is_flagged_and_not_taken(loaded, qtbot):
    loaded.select("drug-1")
    form = loaded.claim_form
    form.event_date.selectAll()
    qtbot.keyClicks(form.event_date, "2026-02-30")
    assert "2026-02-30" in form.problem.text()
    assert loaded.application.claim("drug-1").event_date.isoformat() == "2026-05-18"


def test_a_requested_amount_in_wan_is_what_counts(loaded, qtbot):
    loaded.select("drug-1")
    type_text(loaded.claim_form.requested, "300万")
    assert loaded.application.claim("drug-1").requested_amount == 3_000_000
    assert loaded.evaluation.result_for_claim("drug-1").amount == 3_000_000


@pytest.mark.parametrize("typed", ["1e999", "inf", "nan万"])
def test_an_amount_that_is_no_number_of_yuan_is_flagged_and_not_taken(loaded, qtbot, typed):
    loaded.select("drug-1")
    form = loaded.claim_form
    form.requested.setText(typed)  # pasted: typed key by key, 1e99 on the way is a (large) amount
    assert typed in form.problem.text()
    assert loaded.application.claim("drug-1").requested_amount is None


def test_the_cap_shows_in_the_total_when_it_bites(panel):
    panel.import_path(EXAMPLES / "annual-cap-exceeded.json")
    text = panel.total_label.text()
    assert "5500万元" in text and "超过每年 5000万元 上限" in text and "附则2" in text


def test_an_evaluation_date_after_expiry_says_nothing_is_payable(loaded):
    from PySide6.QtCore import QDate

    loaded.as_of.setDate(QDate(2031, 3, 1))
    assert "已于 2031-02-13 期满失效" in loaded.total_label.text()
    assert all(node.text(1) == "不符合" for node in loaded.tree_items.values())


def test_evidence_note_and_file_show_present_and_are_stored(loaded, qtbot, workspace, tmp_path):
    loaded.select("drug-1")
    row = next(r for r in loaded.condition_rows if r.cond.id == "industrialised")
    assert "缺少" in row.evidence_mark.text()
    type_text(row.note, "长沙生产基地")
    assert "已有" in row.evidence_mark.text()
    assert loaded.application.notes["drug-1:industrialised"] == "长沙生产基地"
    proof = tmp_path / "生产许可证.pdf"
    proof.write_bytes(b"%PDF licence")
    assert loaded.attach_evidence("drug-1:industrialised", proof)
    row = next(r for r in loaded.condition_rows if r.cond.id == "industrialised")
    assert "生产许可证.pdf" in row.files_label.text()
    [f] = workspace.applications.evidence_files(loaded.app_id)
    assert f.key == "drug-1:industrialised" and f.present
    assert (
        workspace.applications.get(loaded.app_id).application.notes["drug-1:industrialised"] == "长沙生产基地"
    )


def test_a_bad_file_is_refused_with_the_field_named_and_nothing_stored(panel, tmp_path, workspace):
    data = json.loads(DRUG.read_text(encoding="utf-8"))
    data["claims"][0]["item"] = "no-such-award"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    assert not panel.import_path(bad)
    assert "claims[0].item" in panel.last_message and "no-such-award" in panel.last_message
    assert workspace.applications.summaries() == []
    box = panel.findChild(QMessageBox)
    assert box is not None and box.isVisible()
    box.close()


def test_a_change_saved_elsewhere_shows_in_the_panel(loaded, workspace, tmp_path):
    data = json.loads(DRUG.read_text(encoding="utf-8"))
    data["name"] = "另一处修改"
    data["claims"][0]["answers"]["industrialised"] = False
    path = tmp_path / "v2.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    workspace.applications.import_file(path, into=loaded.app_id)
    assert loaded.name_edit.text() == "另一处修改"
    assert tree_state(loaded, "drug-1") == "不符合"
    assert "第 2 版" in loaded.app_box.currentText()


def test_history_restores_an_earlier_revision(loaded, qtbot, workspace):
    loaded.name_edit.end(False)
    type_text(loaded.name_edit, "（修改）")
    loaded.save()
    assert loaded.revision == 2
    loaded.restore_revision(1)
    assert loaded.revision == 3 and not loaded.name_edit.text().endswith("（修改）")
    assert [r.revision for r in workspace.applications.history(loaded.app_id)] == [1, 2, 3]


def test_a_new_application_starts_unanswered(loaded):
    loaded.new_application()
    assert loaded.app_id is None and loaded.application.claims == ()
    assert loaded.scope_badges["registered"].text() == "待补充"
    assert all(node.text(1) in ("待补充", "不符合") for node in loaded.tree_items.values())


def test_the_window_has_the_checklist_tab(window):
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert "申报核对" in tabs
    assert window.tabs.widget(tabs.index("申报核对")) is window.checklist_panel


def test_the_checklist_screenshot_shows_the_example_application(data_dir, tmp_path):
    from PySide6.QtGui import QImage

    from workbench.cli import main
    from workbench.core.workspace import Workspace

    out = tmp_path / "checklist.png"
    assert main(["--data-dir", str(data_dir), "--screenshot", str(out), "--panel", "checklist"]) == 0
    assert not QImage(str(out)).isNull()
    ws = Workspace.open(data_dir)
    try:
        assert [s.name for s in ws.applications.summaries()] == ["长沙某创新药企业 2026 年度申报"]
    finally:
        ws.close()


def test_enter_on_a_claim_moves_into_its_form_without_adding_a_claim(loaded, qtbot):
    loaded.select("drug-1")
    loaded.tree.setFocus()
    qtbot.keyClick(loaded.tree, Qt.Key.Key_Return)
    assert [c.id for c in loaded.application.claims if c.item == "innovative-drug"] == ["drug-1"]
    assert loaded.claim_form is not None and loaded.claim_form.title_edit.hasFocus()


def test_a_removed_evidence_file_leaves_the_slot(loaded, workspace, tmp_path):
    proof = tmp_path / "营业执照.pdf"
    proof.write_bytes(b"licence")
    loaded.select("drug-1")
    assert loaded.attach_evidence("drug-1:first_registration", proof)
    row = next(r for r in loaded.condition_rows if r.cond.id == "first_registration")
    assert row.remove_button.isVisibleTo(loaded) and "营业执照.pdf" in row.files_label.text()
    [f] = workspace.applications.evidence_files(loaded.app_id)
    loaded.remove_evidence(f.id)
    assert workspace.applications.evidence_files(loaded.app_id) == []
    row = next(r for r in loaded.condition_rows if r.cond.id == "first_registration")
    assert row.files_label.text() == "" and not row.remove_button.isVisibleTo(loaded)
    assert loaded.revision == 3  # attaching and removing are revisions


def test_the_trace_lists_every_step_with_its_clause(loaded):
    text = loaded.trace_text()
    assert text.splitlines()[0].startswith("按《湖南省人民政府办公厅关于促进生物医药产业创新发展的若干意见》")
    assert (
        "“首次获得药品注册批件的创新药”（示例单抗注射液）：符合〔hunan-biomedicine-2026:一/（四）〕" in text
    )
    assert text.splitlines()[-1].startswith("合计")


def test_tab_goes_from_the_items_into_the_claim_its_conditions_and_evidence(window, qtbot):
    """In the window, not only the panel: the other docks must not come between."""
    panel = window.checklist_panel
    window.tabs.setCurrentWidget(panel)
    assert panel.import_path(DRUG)
    panel.select("drug-1")
    panel.claim_form.others.insertRow(0)  # a filled table must not swallow Tab
    panel.tree.setFocus()
    qtbot.waitUntil(panel.tree.hasFocus)
    visited = []
    for _ in range(12):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    form, first = panel.claim_form, panel.condition_rows[0]
    assert visited[0] is form.title_edit
    assert all(panel.isAncestorOf(w) for w in visited[: visited.index(first.note) + 1])
    assert (
        visited.index(form.others)
        < visited.index(first.answer)
        < visited.index(first.note)
        < visited.index(first.attach_button)
    )


def test_the_panel_keys_are_named_in_tooltips(loaded):
    assert "Ctrl+S" in loaded.save_button.toolTip()
    assert "Ctrl+L" in loaded.tree.toolTip()
    loaded.select("national-innovation-centre")
    assert "Enter" in loaded.claim_button.toolTip()


@pytest.mark.parametrize(
    "case",
    range(6),
    ids=["not JSON", "wrong version", "missing field", "negative amount", "2026-02-30", "unknown item"],
)
def test_each_kind_of_bad_file_is_refused_by_the_panel_naming_the_field(loaded, tmp_path, workspace, case):
    from tests.cli.test_cli_checklist import BAD_FILES

    problem, text, named = BAD_FILES[case]
    before = workspace.applications.get(loaded.app_id)
    bad = tmp_path / "bad.json"
    bad.write_text(text, encoding="utf-8")
    assert not loaded.import_path(bad)
    assert all(n in loaded.last_message for n in named), (problem, loaded.last_message)
    assert [s.id for s in workspace.applications.summaries()] == [before.id]
    assert workspace.applications.get(before.id) == before
    assert loaded.app_id == before.id and not loaded.dirty and tree_state(loaded, "drug-1") == "符合"
    for box in loaded.findChildren(QMessageBox):
        box.close()


def test_a_multi_year_award_shows_each_year_and_what_is_counted_in_which(panel):
    panel.import_path(EXAMPLES / "annual-cap-exceeded.json")
    [claim] = [c for c in panel.application.claims if c.item == "national-innovation-centre"]
    panel.select(claim.id)
    assert "最高 1500万元（2026 年 500万元、2027 年 500万元、2028 年 500万元）" in panel.amount_label.text()
    type_text(panel.claim_form.requested, "800万")
    assert "计入 800万元（2026 年 500万元、2027 年 300万元）" in panel.amount_label.text()


def test_a_file_whose_stored_copy_was_altered_shows_as_missing(loaded, workspace, tmp_path):
    proof = tmp_path / "器械注册证.pdf"
    proof.write_bytes(b"%PDF certificate")
    assert loaded.attach_evidence("device-1:production_approval", proof)
    [f] = workspace.applications.evidence_files(loaded.app_id)
    workspace.applications.evidence_path(f).write_bytes(b"%PDF something else")
    loaded.select("drug-1")
    loaded.select("device-1")
    row = next(r for r in loaded.condition_rows if r.key == "device-1:production_approval")
    assert "缺少" in row.evidence_mark.text() and "器械注册证.pdf（文件缺失）" in row.files_label.text()


def test_typing_in_the_form_does_not_reread_the_evidence_files(loaded, workspace, tmp_path, monkeypatch):
    import workbench.core.checklist.applications as applications

    proof = tmp_path / "器械注册证.pdf"
    proof.write_bytes(b"%PDF certificate")
    assert loaded.attach_evidence("device-1:production_approval", proof)
    loaded.select("device-1")
    hashed = []
    real = applications._sha256
    monkeypatch.setattr(applications, "_sha256", lambda path: hashed.append(path) or real(path))
    loaded.org_edit.setFocus()
    type_text(loaded.org_edit, "长沙某药业")
    assert loaded.application.profile["name"].endswith("长沙某药业")
    assert hashed == []
    row = next(r for r in loaded.condition_rows if r.key == "device-1:production_approval")
    assert "器械注册证.pdf" in row.files_label.text()


@pytest.mark.parametrize(
    ("answer", "kept_in_form", "saved_name"),
    [("Cancel", True, False), ("Discard", False, False), ("Save", False, True)],
)
def test_unsaved_changes_are_not_dropped_without_asking(loaded, workspace, answer, kept_in_form, saved_name):
    asked = []
    loaded.ask_about_unsaved = lambda: asked.append(1) or getattr(QMessageBox.StandardButton, answer)
    app_id = loaded.app_id
    loaded.name_edit.end(False)
    type_text(loaded.name_edit, "（未保存）")
    loaded.new_application()
    assert asked == [1]
    assert (loaded.app_id == app_id and loaded.name_edit.text().endswith("（未保存）")) is kept_in_form
    assert workspace.applications.get(app_id).application.name.endswith("（未保存）") is saved_name


def test_restoring_a_revision_asks_before_dropping_unsaved_changes(loaded, workspace):
    loaded.ask_about_unsaved = lambda: QMessageBox.StandardButton.Cancel
    type_text(loaded.name_edit, "改")
    loaded.restore_revision(1)
    assert loaded.dirty and [r.revision for r in workspace.applications.history(loaded.app_id)] == [1]


def test_saving_over_a_change_saved_elsewhere_is_refused_and_keeps_the_edits(loaded, workspace):
    import dataclasses

    type_text(loaded.name_edit, "（面板）")
    elsewhere = workspace.applications.get(loaded.app_id)
    workspace.applications.save(
        loaded.app_id, dataclasses.replace(elsewhere.application, name="别处改的"), "别处"
    )
    assert loaded.save() is None
    assert "第 2 版" in loaded.last_message
    assert loaded.dirty and loaded.name_edit.text().endswith("（面板）")
    assert workspace.applications.get(loaded.app_id).application.name == "别处改的"
    for box in loaded.findChildren(QMessageBox):
        box.close()


@pytest.mark.parametrize(("answer", "closes"), [("Cancel", False), ("Discard", True)])
def test_closing_the_window_with_unsaved_edits_asks_first(window, answer, closes):
    panel = window.checklist_panel
    panel.name_edit.setText("未保存的申报")
    assert panel.dirty
    asked = []
    panel.ask_about_unsaved = lambda: asked.append(1) or getattr(QMessageBox.StandardButton, answer)
    window.close()
    assert asked == [1]
    assert window.isVisible() is not closes


def test_reclassifying_a_device_shows_the_what_if_beside_the_original(loaded):
    assert not loaded.what_if_box.isVisible()  # as opened: nothing to compare
    loaded.select("device-1")
    form = loaded.claim_form
    assert form is not None and form.item_box is not None
    form.item_box.setCurrentIndex(form.item_box.findData("innovative-device-class-3"))
    assert loaded.application.claim("device-1").item == "innovative-device-class-3"
    assert loaded.what_if_box.isVisible()
    changed = loaded.what_if_claims
    assert changed.rowCount() == 1 and changed.item(0, 1).text() == "改按其他事项"
    assert "第二类" in changed.item(0, 2).text() and "50万元" in changed.item(0, 2).text()
    assert "第三类" in changed.item(0, 3).text() and changed.item(0, 4).text() == "+50万元"
    years = loaded.what_if_years
    row_2026 = [years.item(0, c).text() for c in range(6)]
    assert row_2026 == ["2026 年", "550万元", "550万元", "600万元", "600万元", "+50万元"]
    assert "原申报 550万元，试算 600万元，增加 50万元" in loaded.what_if_summary.text()
    assert loaded.what_if_original() is not None
    loaded.save()
    assert not loaded.what_if_box.isVisible() and loaded.what_if_original() is None


def test_a_what_if_left_out_of_the_totals_is_in_no_conflict(loaded):
    loaded.select("device-1")
    loaded.claim_current_item()  # a second claim of the same item: the same device, as class III
    claim_id = loaded.current_key
    claim = loaded.application.claim(claim_id)
    device = loaded.application.claim("device-1")
    import dataclasses

    what_if = dataclasses.replace(
        claim,
        item="innovative-device-class-3",
        title=device.title,
        project=device.project.replace("血糖", "血糖 "),  # spelled apart by a space
        event_date=device.event_date,
        answers=dict(device.answers),
        included=False,
    )
    loaded.replace_claim(what_if)
    assert loaded.evaluation.result_for_claim("device-1").amount == 500_000
    loaded.replace_claim(
        dataclasses.replace(what_if, included=True)
    )  # both counted: one product, two classes
    for cid in ("device-1", claim_id):
        r = loaded.evaluation.result_for_claim(cid)
        assert r.state is State.INELIGIBLE and r.amount == 0


def test_an_activity_outside_the_list_is_kept_as_typed(panel):
    activities = panel.profile_fields["activities"]
    type_text(activities.other, "股权投资、咨询")
    assert panel.application.profile["activities"] == ["股权投资", "咨询"]
    assert activities.checks[-1].text() == "股权投资"


def test_an_approval_after_the_evaluation_date_waits_unless_the_forecast_box_is_ticked(loaded, qtbot):
    loaded.select("drug-1")
    form = loaded.claim_form
    form.event_date.selectAll()
    qtbot.keyClicks(form.event_date, "2026-11-30")  # after the evaluation date, 2026-09-01
    r = loaded.evaluation.result_for_claim("drug-1")
    assert r.state is State.NEEDS_INFO and r.amount == 0
    assert "尚未发生" in {row.cond.id: row for row in loaded.condition_rows}["event_in_term"].reason.text()
    assert "另待补充 500万元" in loaded.total_label.text()
    loaded.forecast_box.setFocus()
    qtbot.keyClick(loaded.forecast_box, Qt.Key.Key_Space)
    assert loaded.evaluation.forecast and loaded.evaluation.result_for_claim("drug-1").amount == 5_000_000
    assert loaded.total_label.text().startswith("【预测】")


def test_an_equity_claim_shows_an_unstated_share_as_a_ceiling_with_the_reading(panel):
    path = (
        Path(__file__).resolve().parents[1] / "core/checklist/cases/equity-two-investments-one-ceiling.json"
    )
    assert panel.import_path(path)
    assert panel.profile_fields["activities"].checks[-1].isChecked()  # 股权投资, within scope
    panel.select("e2")
    assert "比例未定，最高 100万元" in panel.amount_label.text()
    assert panel.reading_label is not None and "限的是“股权投资类企业”" in panel.reading_label.text()
    assert panel.tree_items["e2"].text(3) == "比例未定"
    assert "另有比例未定、最高 500万元（不计入）" in panel.total_label.text()
    assert panel.evaluation.total_after_cap == 0
