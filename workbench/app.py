"""Composition root of the window: Qt application, fonts, translations, services, MainWindow."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from db.connection import DatabaseLockedError
from db.migrations import DatabaseTooNewError
from workbench.core.workspace import Workspace
from workbench.ui import settings as opts
from workbench.ui.fonts import install_fonts
from workbench.ui.main_window import MainWindow

log = logging.getLogger(__name__)
I18N_DIR = Path(__file__).resolve().parents[1] / "resources" / "i18n"
PANELS = ("window", "library", "reader", "search")


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("PolicyWorkbench")
    app.setApplicationDisplayName("政策工作台")
    app.setOrganizationName("PolicyWorkbench")
    return app


def install_translator(app: QApplication, language: str) -> QTranslator | None:
    """Chinese is the source language; other languages load resources/i18n/workbench_<lang>.qm."""
    if language.startswith("zh"):
        return None
    translator = QTranslator(app)
    if translator.load(QLocale(language), "workbench", "_", str(I18N_DIR)):
        app.installTranslator(translator)
        return translator
    log.warning("no translation for %s in %s", language, I18N_DIR)
    return None


def build_window(data_dir: Path | None, settings_path: str | None = None) -> MainWindow:
    app = create_application()
    workspace = Workspace.open(data_dir)
    settings = opts.open_settings(settings_path or (str(workspace.data_dir / "settings.ini") if data_dir else None))
    install_translator(app, opts.LANGUAGE.get(settings))
    install_fonts(app)
    window = MainWindow(workspace, settings)
    return window


def run_gui(data_dir: Path | None, screenshot: Path | None = None, panel: str = "window") -> int:
    app = create_application()
    try:
        window = build_window(data_dir)
    except DatabaseTooNewError as exc:
        QMessageBox.critical(None, "政策工作台", f"数据库由更新版本的政策工作台写入（版本 {exc.found}），本程序支持到版本 {exc.supported}。\n{exc.path}")
        return 3
    except DatabaseLockedError as exc:
        QMessageBox.critical(None, "政策工作台", f"数据库正被另一个程序占用：{exc}")
        return 3
    workspace = window.workspace
    if screenshot is not None:
        return _screenshot(app, window, screenshot, panel)
    window.show()
    if workspace.search.state().value != "ok":
        QTimer.singleShot(0, window.rebuild_index)
    code = app.exec()
    workspace.close()
    return code


def _screenshot(app: QApplication, window: MainWindow, path: Path, panel: str) -> int:
    """Render the window (or one panel) offscreen with sample content, save a PNG, exit."""
    window.workspace.search.ensure_current()
    window.resize(1500, 900)
    window.show()
    window.library_panel.select_document("hunan-biomedicine-2026")
    window.search_panel.query_box.setText("医药产业")
    window.search_panel.run_search()
    app.processEvents()
    widgets: dict[str, QWidget] = {
        "window": window,
        "library": window.library_panel,
        "reader": window.reader_panel,
        "search": window.search_panel,
    }
    widget = widgets[panel]
    path.parent.mkdir(parents=True, exist_ok=True)
    ok = widget.grab().save(str(path))
    window.workspace.close()
    return 0 if ok else 1
