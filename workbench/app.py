"""Composition root of the window: Qt application, fonts, translations, services, MainWindow."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, QObject, QSettings, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from workbench.core.paths import SETTINGS_FILE, default_data_dir, resolve_data_dir
from workbench.ui import settings as opts
from workbench.ui.fonts import install_fonts
from workbench.ui.main_window import MainWindow

if TYPE_CHECKING:
    from workbench.core.workspace import Workspace

log = logging.getLogger(__name__)
I18N_DIR = Path(__file__).resolve().parents[1] / "resources" / "i18n"
PANELS = ("window", "library", "reader", "search", "checklist", "indicators")


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


def _prepare(app: QApplication, data_dir: Path) -> QSettings:
    settings = opts.open_settings(
        str(data_dir / SETTINGS_FILE) if data_dir != default_data_dir().resolve() else None
    )
    install_translator(app, opts.LANGUAGE.get(settings))
    install_fonts(app)
    return settings


def open_workspace(data_dir: Path) -> Workspace:
    from workbench.core.workspace import Workspace

    return Workspace.open(data_dir)


def build_window(data_dir: Path | None) -> MainWindow:
    """A window with its workspace attached (screenshots, tests)."""
    app = create_application()
    path = resolve_data_dir(data_dir)
    settings = _prepare(app, path)
    return MainWindow(open_workspace(path), settings)


def prepare_store_job(
    data_dir: Path, *, progress: Callable[[int, int], None], cancelled: Callable[[], bool]
) -> None:
    """Worker thread: migrate, seed on first start and re-derive stale documents, so
    that opening the store on the main thread afterwards has nothing slow left to do."""
    open_workspace(data_dir).close()


def start_window(data_dir: Path | None, on_error: Callable[[str], None]) -> MainWindow:
    """Show the window at once; after its first paint, prepare the store in the
    background, then attach the panels."""
    app = create_application()
    path = resolve_data_dir(data_dir)
    window = MainWindow(None, _prepare(app, path))
    window.show()

    def failed(exc: Exception) -> None:
        from db.connection import DatabaseLockedError
        from db.migrations import DatabaseTooNewError

        if isinstance(exc, DatabaseTooNewError):
            on_error(
                window.tr("数据库由更新版本的政策工作台写入（版本 {0}），本程序支持到版本 {1}：\n{2}").format(
                    exc.found, exc.supported, exc.path
                )
            )
        elif isinstance(exc, DatabaseLockedError):
            on_error(window.tr("数据库正被另一个程序占用：{0}").format(exc))
        else:
            raise exc  # a bug: let it reach the log with its traceback

    def attach(_: object = None) -> None:
        window.attach(open_workspace(path))
        from workbench.core.search.service import IndexState

        assert window.workspace is not None
        if window.workspace.search.state() is not IndexState.OK:
            window.rebuild_index()

    def prepare() -> None:
        window.runner.job("prepare", prepare_store_job, path).success(attach).failure(
            failed
        ).run_in_background()

    window.installEventFilter(_AfterFirstPaint(window, prepare))
    return window


class _AfterFirstPaint(QObject):
    """Runs a callback once the window has painted for the first time."""

    def __init__(self, window: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(window)
        self.callback = callback

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, self.callback)
        return False


def run_gui(data_dir: Path | None, screenshot: Path | None = None, panel: str = "window") -> int:
    app = create_application()
    if screenshot is not None:
        return _screenshot(app, build_window(data_dir), screenshot, panel)

    def fail(message: str) -> None:
        QMessageBox.critical(None, "政策工作台", message)
        app.exit(3)

    window = start_window(data_dir, fail)
    code = app.exec()
    if window.workspace is not None:
        window.workspace.close()
    return code


def _screenshot(app: QApplication, window: MainWindow, path: Path, panel: str) -> int:
    """Render the window (or one panel) offscreen with sample content, save a PNG, exit."""
    assert window.workspace is not None
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
        "checklist": window.checklist_panel,
        "tasks": window.tasks_panel,
    }
    if panel == "checklist":
        _show_example_application(app, window)
    path.parent.mkdir(parents=True, exist_ok=True)
    if panel == "indicators":
        ok = _grab_sample_indicators(app, window.workspace, path)
    elif panel == "tasks":
        ok = _grab_sample_tasks(app, window.workspace, path)
    else:
        ok = widgets[panel].grab().save(str(path))
    window.workspace.close()
    return 0 if ok else 1


def _grab_sample_indicators(app: QApplication, workspace: Workspace, path: Path) -> bool:
    """The indicators panel with a few sample observations, recorded in a throw-away copy
    of the store (never in the data folder the picture was asked for)."""
    import datetime as dt
    import shutil
    import sqlite3
    import tempfile

    from PySide6.QtCore import QDate

    from workbench.core.paths import DATABASE_FILE
    from workbench.core.workspace import Workspace
    from workbench.ui.panels.indicators_panel import IndicatorsPanel

    folder = Path(tempfile.mkdtemp(prefix="workbench-screenshot-"))
    try:
        copy = sqlite3.connect(str(folder / DATABASE_FILE))
        workspace.db.conn.backup(copy)
        copy.close()
        sample = Workspace.open(folder, seed=False)
        try:
            service = sample.indicators
            chosen = service.get("changsha-bioeconomy-2023.t01") or next(iter(service.indicators()), None)
            if chosen is not None:
                base = chosen.target_low
                for year, share in (("2022", 0.645), ("2023", 0.738), ("2024", 0.845)):
                    service.record(
                        chosen.id, year, round(base * share), note="示例数据", by="截图", replace=True
                    )
            panel = IndicatorsPanel(service, sample.library)
            panel.as_of_edit.setDate(
                QDate(2025, 6, 30) if dt.date.today() > dt.date(2025, 6, 30) else QDate.currentDate()
            )
            panel.resize(1500, 900)
            panel.show()
            if chosen is not None:
                panel.select_indicator(chosen.id)
            app.processEvents()
            ok = panel.grab().save(str(path))
            panel.close()
            return ok
        finally:
            sample.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _grab_sample_tasks(app: QApplication, workspace: Workspace, path: Path) -> bool:
    """The 任务分工 tab on one city department's tasks (deadlines passed: overdue ones marked) with
    a few sample progress notes, recorded in a
    throw-away copy of the store (never in the data folder the picture was asked for)."""
    import datetime as dt
    import shutil
    import sqlite3
    import tempfile

    from workbench.core.paths import DATABASE_FILE
    from workbench.core.workspace import Workspace
    from workbench.ui.panels.tasks_panel import TasksPanel

    folder = Path(tempfile.mkdtemp(prefix="workbench-screenshot-"))
    try:
        copy = sqlite3.connect(str(folder / DATABASE_FILE))
        workspace.db.conn.backup(copy)
        copy.close()
        sample = Workspace.open(folder, seed=False)
        try:
            service = sample.tasks
            names = service.unit_names("长沙市发展和改革委员会") or service.unit_names("省科技厅")
            reports = service.reports(unit_names=names)
            day = dt.date.today() - dt.timedelta(days=3)
            samples = (
                ("done", "已出台专项支持政策，首批项目已落地"),
                ("lagging", "项目前期工作滞后，正协调用地"),
            )
            for report, (status, note) in zip(reports, samples, strict=False):
                service.record(report.task.id, status, f"{note}（示例数据）", on=day, by="截图")
            panel = TasksPanel(service)
            panel.resize(1500, 900)
            panel.show()
            if names:
                panel.select_unit(names[0])
            app.processEvents()
            ok = panel.grab().save(str(path))
            panel.close()
            return ok
        finally:
            sample.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _show_example_application(app: QApplication, window: MainWindow) -> None:
    """The checklist with the bundled example application (imported once per data folder)."""
    example = Path(__file__).resolve().parents[1] / "resources" / "examples" / "changsha-innovative-drug.json"
    panel = window.checklist_panel
    service = panel.service
    existing = next(
        (
            s.id
            for s in service.summaries()
            if s.name == json.loads(example.read_text(encoding="utf-8"))["name"]
        ),
        None,
    )
    if existing:
        panel.open_application(existing)
    else:
        panel.import_path(example)
    window.tabs.setCurrentWidget(panel)
    # the checklist wants the width: the picture shows it without the docks
    window.library_dock.hide()
    window.search_dock.hide()
    panel.select(panel.application.claims[0].id if panel.application.claims else panel.rules.items[0].id)
    # a what-if, unsaved: the glucose monitor claimed as a class III device instead of class II
    device = panel.application.claim("device-1")
    if device is not None and panel.rules.item("innovative-device-class-3") is not None:
        panel.select(device.id)
        if panel.claim_form is not None and panel.claim_form.item_box is not None:
            box = panel.claim_form.item_box
            box.setCurrentIndex(box.findData("innovative-device-class-3"))
    for _ in range(3):
        app.processEvents()
