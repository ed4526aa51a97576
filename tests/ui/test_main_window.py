"""The window driven as a person would: choose, type, open, import, cancel."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.ui.conftest import BACKGROUND_MS
from workbench.ui import main_window
from workbench.ui.panels.reader_panel import CLAUSE_ID_ROLE


def _tree_ids(window) -> list[str]:
    model = window.reader_panel.tree_model
    out = []

    def walk(parent):
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            out.append(index.data(CLAUSE_ID_ROLE))
            walk(index)

    from PySide6.QtCore import QModelIndex

    walk(QModelIndex())
    return out


def test_choosing_a_document_shows_its_clause_tree_and_text(window):
    assert window.library_panel.select_document("hunan-biomedicine-2026")
    ids = _tree_ids(window)
    assert "hunan-biomedicine-2026:一/（四）" in ids and "hunan-biomedicine-2026:五/（十七）" in ids
    html = window.reader_panel.text.toPlainText()
    assert "支持创新产品产业化落地" in html
    assert "湘政办发〔2026〕15号" in window.reader_panel.title.text()


def test_clicking_a_clause_selects_it_and_copy_gives_the_citation(window, qtbot):
    window.library_panel.select_document("hunan-biomedicine-2026")
    assert window.reader_panel.select_clause("hunan-biomedicine-2026:一/（四）")
    copied = window.reader_panel.copy_current_clause()
    assert copied.startswith("（四）支持创新产品产业化落地")
    assert copied.endswith(
        "——《湖南省人民政府办公厅关于促进生物医药产业创新发展的若干意见》（湘政办发〔2026〕15号）一/（四）"
    )


def test_typing_a_query_lists_hits_and_opening_one_selects_the_clause(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.search_panel.query_box.hasFocus()
    # Chinese arrives through the input method as committed text, not as key presses
    window.search_panel.query_box.insert("医药产业")
    qtbot.waitUntil(lambda: window.search_panel.model.rowCount() > 0, timeout=BACKGROUND_MS)
    first = window.search_panel.results[0]
    index = window.search_panel.model.index(0, 0)
    window.search_panel.list.clicked.emit(index)
    assert window.reader_panel.detail.info.id == first.doc_id
    assert window.reader_panel.current_clause().id == first.clause_id


def test_a_reference_to_a_library_document_opens_it(window):
    window.library_panel.select_document("changsha-bioeconomy-2023")
    window.reader_panel.open_document.emit("national-bioeconomy-2022")
    assert window.reader_panel.detail.info.id == "national-bioeconomy-2022"
    assert window.library_panel.current_document() == "national-bioeconomy-2022"


def test_importing_a_bad_file_shows_a_message_and_changes_nothing(window, qtbot, tmp_path, monkeypatch):
    messages = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: messages.append(args[2]))
    bad = tmp_path / "扫描件.pdf"
    bad.write_bytes(b"not a pdf at all")
    before = [d.id for d in window.workspace.library.documents()]
    with qtbot.waitSignal(window.jobEnded, timeout=BACKGROUND_MS):
        assert window.import_paths([bad]) is not None
    assert "扫描件.pdf" in messages[0]
    assert [d.id for d in window.workspace.library.documents()] == before


def test_a_good_import_appears_in_the_library_and_is_searchable(window, qtbot, tmp_path):
    doc = tmp_path / "衡阳.txt"
    doc.write_text(
        "衡阳市人民政府\n衡阳市支持合成生物产业发展的若干措施\n衡政发〔2024〕8号\n一、总体要求\n（一）支持合成生物平台。给予奖补。\n",
        encoding="gb18030",
    )
    with qtbot.waitSignal(window.importFinished, timeout=BACKGROUND_MS):
        assert window.import_paths([doc]) is not None
    assert len(window.workspace.library.documents()) == 6
    assert window.reader_panel.detail.info.doc_number == "衡政发〔2024〕8号"
    window.search_panel.query_box.setText("合成生物平台")
    window.search_panel.run_search()
    assert (
        window.search_panel.results
        and window.search_panel.results[0].doc_id == window.reader_panel.detail.info.id
    )


def test_the_background_import_can_be_cancelled(window, qtbot, tmp_path, monkeypatch):
    paths = []
    for i in range(4):
        p = tmp_path / f"{i}.txt"
        p.write_text(
            f"某市人民政府\n关于第{i}项措施的通知\n某政发〔2024〕{i + 10}号\n一、总则\n（一）第{i}项。\n",
            encoding="utf-8",
        )
        paths.append(p)
    first_done, may_go_on = threading.Event(), threading.Event()
    real_job = main_window.import_job

    def gated_job(data_dir, files, *, progress, cancelled):
        def gated(done, total):
            progress(done, total)
            if done == 1:
                first_done.set()
                may_go_on.wait(30)

        return real_job(data_dir, files, progress=gated, cancelled=cancelled)

    monkeypatch.setattr(main_window, "import_job", gated_job)
    assert window.import_paths(paths) is not None
    assert window.cancel_button.isVisible() and window.progress.isVisible()
    qtbot.waitUntil(first_done.is_set, timeout=BACKGROUND_MS)
    qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.importFinished, timeout=BACKGROUND_MS) as blocker:
        may_go_on.set()
    outcomes = blocker.args[0]
    assert [o.ok for o in outcomes] == [True, False, False, False]
    assert {o.problem.value for o in outcomes[1:]} == {"cancelled"}
    assert not window.cancel_button.isVisible() and window.task is None
    assert len(window.workspace.library.documents()) == 6


def test_window_geometry_and_splitter_are_remembered(window, tmp_path, workspace, qtbot):
    from workbench.ui import settings as opts
    from workbench.ui.main_window import MainWindow

    # A size inside the offscreen screen (which clamps restored geometry) and above the window's
    # minimum, which grows while the status bar shows a job's progress bar and cancel button.
    window.resize(max(760, window.minimumSizeHint().width() + 40), 520)
    wanted = (window.size().width(), window.size().height())
    window.reader_panel.splitter.setSizes([150, 450])
    sizes = window.reader_panel.splitter.sizes()
    window.save_window_state()
    again = MainWindow(workspace, opts.open_settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert (again.size().width(), again.size().height()) == wanted
    assert again.reader_panel.splitter.sizes() == sizes


def test_search_filters_in_the_panel_narrow_the_hits(window):
    panel = window.search_panel
    panel.query_box.setText("生物经济")
    panel.run_search()
    everywhere = {r.doc_id for r in panel.results}
    assert len(everywhere) > 1
    panel.doc_box.setCurrentIndex(panel.doc_box.findData("nanjing-bioeconomy-2021"))
    assert {r.doc_id for r in panel.results} == {"nanjing-bioeconomy-2021"}
    panel.doc_box.setCurrentIndex(0)
    panel.year_box.setCurrentIndex(panel.year_box.findData(2023))
    assert {r.doc_id for r in panel.results} <= {"changsha-bioeconomy-2023", "changsha-big-health-2023"}
    panel.year_box.setCurrentIndex(0)
    panel.status_box.setCurrentIndex(panel.status_box.findText("现行有效"))
    panel.as_of_check.setChecked(True)
    from PySide6.QtCore import QDate

    panel.as_of_edit.setDate(QDate(2024, 6, 1))
    assert "changsha-bioeconomy-2023" in {r.doc_id for r in panel.results}
    assert "hunan-biomedicine-2026" not in {r.doc_id for r in panel.results}


def test_the_library_filter_box_narrows_the_list(window):
    panel = window.library_panel
    panel.filter_box.setText("南京")
    assert panel.select_document("nanjing-bioeconomy-2021")
    assert not panel.select_document("hunan-biomedicine-2026")
    panel.filter_box.setText("湘政办发")
    assert panel.select_document("hunan-biomedicine-2026")
