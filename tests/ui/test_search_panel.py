"""The search panel: partial matches with a notice and missing words, synonym marks,
did-you-mean offered as a link, saved searches with what is new, history, synonyms."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from workbench.core.search.thesaurus import USER_THESAURUS_FILE
from workbench.ui.panels.search_panel import HTML_ROLE, SYNONYM_MARK, SearchPanel, SynonymsDialog


def panel_for(qtbot, workspace) -> SearchPanel:
    workspace.search.ensure_current()
    panel = SearchPanel(workspace.search)
    qtbot.addWidget(panel)
    return panel


def search(panel: SearchPanel, text: str) -> None:
    panel.query_box.setText(text)
    panel.run_search()


def test_partial_matches_come_with_the_notice_and_their_missing_words(qtbot, workspace):
    panel = panel_for(qtbot, workspace)
    search(panel, "潇湘财银贷 无人机")
    assert "未找到同时包含全部检索词的条款，以下为部分匹配" in panel.summary.text()
    assert panel.model.rowCount() > 0
    assert "缺少：无人机" in panel.model.index(0, 0).data(HTML_ROLE)


def test_synonym_matches_are_marked_apart_from_literal_ones(qtbot, workspace):
    panel = panel_for(qtbot, workspace)
    search(panel, "第三类创新医疗器械 奖励")
    first = panel.model.index(0, 0).data(HTML_ROLE)
    assert panel.results[0].clause_id == "hunan-biomedicine-2026:一/（四）"
    assert f"background-color:{SYNONYM_MARK}'>奖补</span>" in first
    assert "同义词：奖励→奖补" in first
    assert "部分结果按同义词匹配" in panel.summary.text()


def test_did_you_mean_is_offered_and_applied_only_when_chosen(qtbot, workspace):
    panel = panel_for(qtbot, workspace)
    search(panel, "医疗器戒")
    assert panel.suggestion.isVisibleTo(panel) and "医疗器械" in panel.suggestion.text()
    assert panel.query_box.text() == "医疗器戒"
    panel.suggestion.linkActivated.emit("0")
    assert panel.query_box.text() == "医疗器械"
    assert panel.results and panel.results[0].complete
    assert not panel.suggestion.isVisibleTo(panel)


def test_a_saved_search_reruns_with_its_filters_and_shows_what_is_new(qtbot, workspace, tmp_path):
    panel = panel_for(qtbot, workspace)
    panel.region_box.setCurrentIndex(panel.region_box.findData("南京市"))
    search(panel, "合成生物")
    assert panel.save_search("南京合成生物")
    doc = tmp_path / "nj.txt"
    doc.write_text(
        "南京市人民政府办公厅\n南京市合成生物产业若干措施\n宁政办发〔2024〕9号\n"
        "一、总体要求\n（一）建设合成生物创新中心。给予支持。\n",
        encoding="utf-8",
    )
    outcome = workspace.library.import_file(doc)
    assert outcome.ok
    panel.refresh_regions()
    panel.region_box.setCurrentIndex(0)
    search(panel, "别的")
    new = panel.run_saved("南京合成生物")
    assert panel.query_box.text() == "合成生物" and panel.region_box.currentData() == "南京市"
    assert new and all(c.startswith(outcome.doc_id) for c in new)
    assert "新增 " in panel.summary.text()
    row = next(k for k, r in enumerate(panel.results) if r.clause_id in new)
    assert ">新</b>" in panel.model.index(row, 0).data(HTML_ROLE)
    # the menu lists it, and the queries run
    panel._fill_memory_menu()
    titles = [a.text() for a in panel.memory_menu.actions()]
    assert "南京合成生物" in titles and "别的" in titles


def test_the_synonyms_editor_writes_the_user_file_and_refuses_a_lone_word(qtbot, workspace):
    panel = panel_for(qtbot, workspace)
    dialog = SynonymsDialog(workspace.search, panel)
    qtbot.addWidget(dialog)
    dialog.editor.setPlainText("芙实 芙蓉实验室\n孤词\n")
    assert not dialog.save()
    assert "group 2" in dialog.error.text()
    assert not (workspace.data_dir / USER_THESAURUS_FILE).exists()
    dialog.editor.setPlainText("芙实、芙蓉实验室\n")
    assert dialog.save() and dialog.result() == QDialog.DialogCode.Accepted
    search(panel, "芙实")
    assert panel.results and "同义词：芙实→芙蓉实验室" in panel.model.index(0, 0).data(HTML_ROLE)
