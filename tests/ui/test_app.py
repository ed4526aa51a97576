"""Start-up as a person sees it: the window first, the library just after; language; drops; screenshots."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QImage
from PySide6.QtWidgets import QApplication

from tests.conftest import ROOT
from tests.ui.conftest import BACKGROUND_MS
from workbench.app import install_translator, start_window
from workbench.cli import main
from workbench.ui import settings as opts
from workbench.ui.main_window import MainWindow


def test_the_window_paints_first_and_the_library_arrives_after(qtbot, data_dir):
    errors: list[str] = []
    window = start_window(data_dir, errors.append)
    qtbot.addWidget(window)
    assert window.workspace is None, "nothing heavy happens before the first paint"
    assert not window.import_action.isEnabled()
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=BACKGROUND_MS)
    assert errors == []
    assert window.import_action.isEnabled()
    assert window.library_panel.select_document("nanjing-bioeconomy-2021")
    window.workspace.close()


def test_a_database_from_a_newer_version_is_reported_and_left_alone(qtbot, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    db = data / "library.sqlite3"
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA user_version = 999")
    conn.close()
    before = db.read_bytes()
    errors: list[str] = []
    window = start_window(data, errors.append)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(errors), timeout=BACKGROUND_MS)
    assert "999" in errors[0]
    assert window.workspace is None and db.read_bytes() == before


def test_the_english_interface_is_chosen_in_settings(qtbot, tmp_path):
    settings = opts.open_settings(str(tmp_path / "settings.ini"))
    opts.LANGUAGE.set(settings, "en")
    translator = install_translator(QApplication.instance(), opts.LANGUAGE.get(settings))
    try:
        window = MainWindow(None, settings)
        qtbot.addWidget(window)
        assert window.windowTitle() == "Policy Workbench"
        assert window.import_action.text() == "&Import documents…"
    finally:
        QApplication.instance().removeTranslator(translator)
    chinese = MainWindow(None, settings)
    qtbot.addWidget(chinese)
    assert chinese.windowTitle() == "政策工作台"


def test_the_english_interface_covers_the_checklist_and_indicators(qtbot, workspace, tmp_path):
    from workbench.core.checklist.results import State
    from workbench.core.indicators.progress import IndicatorStatus
    from workbench.ui.item_models.indicator_table_model import status_label
    from workbench.ui.panels.checklist_panel import reason_text, state_label

    settings = opts.open_settings(str(tmp_path / "settings.ini"))
    translator = install_translator(QApplication.instance(), "en")
    try:
        window = MainWindow(workspace, settings)
        qtbot.addWidget(window)
        tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
        assert "Application check" in tabs and "Indicators" in tabs
        assert window.checklist_panel.history_button.text() == "&Revisions…"
        assert window.indicators_panel.review_button.text() == "Review proposed targets…"
        # strings lupdate cannot see: resources/i18n/workbench_runtime_en.ts
        assert state_label(State.NEEDS_INFO) == "Needs information"
        assert reason_text("unanswered", {}) == "Not answered yet; information needed"
        assert status_label(IndicatorStatus.OVERDUE) == "Overdue"
        panel = window.checklist_panel
        assert panel.import_path(ROOT / "resources" / "examples" / "changsha-innovative-drug.json")
        first = panel.evaluation.trace[0]
        assert panel.trace_text().startswith(reason_text(first.code, first.params))
        assert first.text not in panel.trace_text()  # the evaluation log speaks English too
        tree = panel.tree
        assert tree.columnWidth(1) > tree.fontMetrics().horizontalAdvance(
            "Needs information"
        )  # not cut to "Needs i…"
        window.runner.wait()
    finally:
        QApplication.instance().removeTranslator(translator)


def test_dropping_a_file_on_the_window_imports_it(window, qtbot, tmp_path):
    doc = tmp_path / "拖入.txt"
    doc.write_text(
        "常德市人民政府\n常德市促进生物医药发展的若干措施\n常政发〔2024〕21号\n一、总体要求\n（一）支持中药材基地。给予奖补。\n",
        encoding="utf-8",
    )
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(doc))])
    event = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.importFinished, timeout=BACKGROUND_MS):
        window.dropEvent(event)
    assert any(d.doc_number == "常政发〔2024〕21号" for d in window.workspace.library.documents())


def test_screenshot_renders_the_window_to_a_png(data_dir, tmp_path):
    out = tmp_path / "shot.png"
    assert main(["--data-dir", str(data_dir), "--screenshot", str(out), "--panel", "search"]) == 0
    image = QImage(str(out))
    assert not image.isNull() and image.width() > 200
