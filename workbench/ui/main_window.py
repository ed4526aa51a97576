"""The main window: library on the left, reader in the middle, search on the right."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QWidget,
)

from workbench.core.corpus.models import ImportProblem
from workbench.ui import settings as opts
from workbench.ui.labels import problem_label
from workbench.ui.subscriptions import listen
from workbench.ui.tasks import Job, Task, TaskRunner

if TYPE_CHECKING:
    from workbench.core.corpus.library import Changes, ImportOutcome
    from workbench.core.workspace import Workspace
    from workbench.ui.panels.library_panel import LibraryPanel
    from workbench.ui.panels.reader_panel import ReaderPanel
    from workbench.ui.panels.search_panel import SearchPanel

log = logging.getLogger(__name__)

SUPPORTED = (".txt", ".docx", ".pdf", ".xlsx")


def import_job(
    data_dir: Path, paths: list[Path], *, progress: Callable[[int, int], None], cancelled: Callable[[], bool]
) -> list[ImportOutcome]:
    """Runs on a worker thread with its own connection (and index writer)."""
    from workbench.core.workspace import Workspace

    ws = Workspace.open(data_dir, seed=False)
    try:
        return ws.library.import_files(paths, progress=progress, cancelled=cancelled)
    finally:
        ws.close()


def rebuild_job(
    data_dir: Path, *, progress: Callable[[int, int], None], cancelled: Callable[[], bool]
) -> bool:
    from workbench.core.workspace import Workspace

    ws = Workspace.open(data_dir, seed=False)
    try:
        return ws.search.ensure_current(progress=progress, cancelled=cancelled)
    finally:
        ws.close()


class MainWindow(QMainWindow):
    jobEnded = Signal()  # the window's task has ended and the window takes the next one
    importFinished = Signal(list)  # the outcomes of an import, once the window has shown them

    def __init__(
        self, workspace: Workspace | None, settings: QSettings, runner: TaskRunner | None = None
    ) -> None:
        """The window paints at once; the panels come with ``attach(workspace)``, so that
        opening the store and the index never delays the first paint."""
        super().__init__()
        self.workspace: Workspace | None = None
        self.settings = settings
        self.runner = runner or TaskRunner()
        self.task: Task | None = None
        self.setWindowTitle(self.tr("政策工作台"))
        self.setAcceptDrops(True)
        self.setObjectName("mainWindow")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.setCentralWidget(self.tabs)
        self.library_dock = self._dock(self.tr("文库"), "libraryDock", Qt.DockWidgetArea.LeftDockWidgetArea)
        self.search_dock = self._dock(self.tr("检索"), "searchDock", Qt.DockWidgetArea.RightDockWidgetArea)

        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.setVisible(False)
        self.status_label = QLabel(self.tr("正在打开文库…"))
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)
        self.cancel_button.clicked.connect(self.cancel_task)
        self._menus()
        self._restore_state()
        if workspace is not None:
            self.attach(workspace)

    def attach(self, workspace: Workspace) -> None:
        """Build the panels over the opened workspace (imported here: not needed for the first paint)."""
        from workbench.ui.panels.library_panel import LibraryPanel
        from workbench.ui.panels.reader_panel import ReaderPanel
        from workbench.ui.panels.search_panel import SearchPanel

        self.workspace = workspace
        self.library_panel: LibraryPanel = LibraryPanel(workspace.library)
        self.reader_panel: ReaderPanel = ReaderPanel(workspace.library)
        self.search_panel: SearchPanel = SearchPanel(workspace.search)
        self.tabs.addTab(self.reader_panel, self.tr("阅读"))
        from workbench.ui.panels.checklist_panel import ChecklistPanel

        def clause_text(clause_id: str) -> str | None:
            clause = workspace.library.clause(clause_id)
            return clause.text if clause else None

        self.checklist_panel: ChecklistPanel = ChecklistPanel(workspace.applications, clause_text)
        self.tabs.addTab(self.checklist_panel, self.tr("申报核对"))
        from workbench.ui.panels.indicators_panel import IndicatorsPanel

        self.indicators_panel: IndicatorsPanel = IndicatorsPanel(workspace.indicators, workspace.library)
        self.tabs.addTab(self.indicators_panel, self.tr("指标跟踪"))
        self.indicators_panel.open_clause.connect(self.open_result)
        from workbench.ui.panels.tasks_panel import TasksPanel

        self.tasks_panel: TasksPanel = TasksPanel(workspace.tasks)
        self.tabs.addTab(self.tasks_panel, self.tr("任务分工"))
        self.tasks_panel.open_clause.connect(self.open_result)
        # targets shown beside tasks follow the indicators
        listen(self, workspace.indicators.changed, lambda _changes: self.tasks_panel.refresh_status())
        self.library_dock.setWidget(self.library_panel)
        self.search_dock.setWidget(self.search_panel)
        self.library_panel.document_selected.connect(self.reader_panel.show_document)
        self.reader_panel.open_document.connect(self.open_document)
        self.search_panel.result_chosen.connect(self.open_result)
        self.briefs.connect_panels()
        listen(self, workspace.library.changed, self._library_changed)
        splitter = opts.restore_state(self.settings, "reader_splitter")
        if splitter is not None:
            self.reader_panel.splitter.restoreState(splitter)
        for action in self.workspace_actions:
            action.setEnabled(True)
        self._update_status()

    def _dock(self, title: str, name: str, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(QWidget())
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.addDockWidget(area, dock)
        return dock

    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        self.import_action = QAction(  # type: ignore[call-overload]  # signal keyword
            self.tr("导入文件(&I)…"),
            self,
            shortcut=QKeySequence.StandardKey.Open,
            triggered=self.choose_and_import,
        )
        self.rebuild_action = QAction(self.tr("重建检索索引"), self, triggered=self.rebuild_index)  # type: ignore[call-overload]  # signal keyword
        quit_action = QAction(  # type: ignore[call-overload]  # signal keyword
            self.tr("退出(&Q)"), self, shortcut=QKeySequence.StandardKey.Quit, triggered=self.close
        )
        file_menu.addActions([self.import_action, self.rebuild_action])
        # ReportLab and QtPdf load only when a brief is made.
        from workbench.ui.dialogs.brief_export import BriefExporter

        self.briefs = BriefExporter(self)
        file_menu.addSeparator()
        file_menu.addActions(self.briefs.actions)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        edit_menu = self.menuBar().addMenu(self.tr("编辑(&E)"))
        self.find_action = QAction(self.tr("检索(&S)"), self, triggered=self.focus_search)  # type: ignore[call-overload]  # signal keyword
        self.find_action.setShortcuts([QKeySequence("Ctrl+F"), QKeySequence("Ctrl+K")])
        copy_action = QAction(  # type: ignore[call-overload]  # signal keyword
            self.tr("复制条款及出处"),
            self,
            shortcut=QKeySequence("Ctrl+Shift+C"),
            triggered=lambda: self.reader_panel.copy_current_clause(),
        )
        edit_menu.addActions([self.find_action, copy_action])
        self.workspace_actions = [
            self.import_action,
            self.rebuild_action,
            self.find_action,
            copy_action,
            *self.briefs.actions,
        ]
        for action in self.workspace_actions:
            action.setEnabled(False)
        view_menu = self.menuBar().addMenu(self.tr("视图(&V)"))
        view_menu.addActions([self.library_dock.toggleViewAction(), self.search_dock.toggleViewAction()])
        settings_menu = self.menuBar().addMenu(self.tr("设置(&T)"))
        language_menu = settings_menu.addMenu(self.tr("界面语言"))
        current = opts.LANGUAGE.get(self.settings)
        for code, name in opts.LANGUAGES.items():
            action = QAction(name, self, checkable=True, checked=code == current)
            action.triggered.connect(lambda _=False, c=code: self.set_language(c))
            language_menu.addAction(action)
        settings_menu.addAction(self.briefs.settings_action)
        help_menu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        help_menu.addAction(QAction(self.tr("关于政策工作台"), self, triggered=self.show_about))  # type: ignore[call-overload]  # signal keyword

    # --- actions -----------------------------------------------------------------

    def focus_search(self) -> None:
        self.search_dock.show()
        self.search_dock.raise_()
        self.search_panel.focus_query()

    def open_document(self, doc_id: str) -> None:
        self.tabs.setCurrentWidget(self.reader_panel)
        self.library_panel.select_document(doc_id)
        self.reader_panel.show_document(doc_id)

    def open_result(self, doc_id: str, clause_id: str, highlight: str) -> None:
        self.tabs.setCurrentWidget(self.reader_panel)
        self.library_panel.select_document(doc_id)
        self.reader_panel.show_document(doc_id, clause_id, highlight)

    def choose_and_import(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # dialogs cost start-up time: imported when used

        start = opts.LAST_IMPORT_DIR.get(self.settings)
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("导入政策文件"),
            start,
            self.tr("政策文件 (*.txt *.docx *.pdf *.xlsx);;所有文件 (*)"),
        )
        if files:
            opts.LAST_IMPORT_DIR.set(self.settings, str(Path(files[0]).parent))
            self.import_paths([Path(f) for f in files])

    def import_paths(self, paths: list[Path]) -> Task | None:
        if self.workspace is None:
            return None
        if self.task is not None:
            self.statusBar().showMessage(self.tr("请等待当前任务完成"), 5000)
            return None
        return self.run_job(
            self.tr("正在导入…"),
            self.runner.job("import", import_job, self.workspace.data_dir, paths).success(
                self._import_finished
            ),
        )

    def _import_finished(self, outcomes: list[ImportOutcome]) -> None:
        from workbench.core.corpus.library import Changes

        assert self.workspace is not None
        added = frozenset(o.doc_id for o in outcomes if o.doc_id)
        self.workspace.library.announce(Changes(added=added))
        cancelled = [o for o in outcomes if o.problem is ImportProblem.CANCELLED]
        failed = [o for o in outcomes if not o.ok and o.problem is not ImportProblem.CANCELLED]
        ok = len(outcomes) - len(failed) - len(cancelled)
        message = self.tr("已导入 {0} 个文件").format(ok)
        if cancelled:
            message += self.tr("，取消了 {0} 个").format(len(cancelled))
        self.statusBar().showMessage(message, 8000)
        if failed:
            from PySide6.QtWidgets import QMessageBox

            lines = [f"{o.source}：{problem_label(o.problem)}" for o in failed if o.problem]
            QMessageBox.warning(self, self.tr("部分文件未导入"), "\n".join(lines))
        if len(added) == 1:
            self.open_document(next(iter(added)))
        self.importFinished.emit(outcomes)

    def rebuild_index(self) -> Task | None:
        if self.task is not None or self.workspace is None:
            return None
        job = self.runner.job("rebuild", rebuild_job, self.workspace.data_dir)
        return self.run_job(
            self.tr("正在建立检索索引…"),
            job.success(lambda _: self.statusBar().showMessage(self.tr("检索索引已就绪"), 5000)),
        )

    def run_job(self, message: str, job: Job) -> Task:
        """Start ``job`` as the window's one task: progress bar, cancel button, and the window
        freed again before the job's own success or failure callbacks run. A job without a
        failure callback of its own reports failures with :meth:`_task_failed`."""
        if not job.has_failure_callback():
            job.failure(self._task_failed)
        job.ended_first(self._task_ended)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.statusBar().showMessage(message)
        self.task = job.on_progress(self._progress).run_in_background()
        return self.task

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _task_ended(self) -> None:
        self.task = None
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self._update_status()
        self.jobEnded.emit()

    def _task_failed(self, exc: Exception) -> None:
        from PySide6.QtWidgets import QMessageBox

        log.error("task failed", exc_info=exc)  # a bug: its traceback goes to the log
        QMessageBox.critical(self, self.tr("任务失败"), self.tr("任务未能完成：{0}").format(exc))

    def cancel_task(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.statusBar().showMessage(self.tr("正在取消…"))

    def set_language(self, code: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        opts.LANGUAGE.set(self.settings, code)
        QMessageBox.information(self, self.tr("界面语言"), self.tr("重新启动后生效。"))

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self,
            self.tr("关于政策工作台"),
            self.tr("政策工作台：离线阅读、检索和使用产业政策文件。\n\n数据文件夹：{0}").format(
                self.workspace.data_dir if self.workspace else ""
            ),
        )

    # --- library changes, drag and drop, state ------------------------------------

    def _library_changed(self, changes: Changes) -> None:
        self.library_panel.refresh()
        self.tasks_panel.refresh(
            changes.added | changes.removed
        )  # a plan's responsibility lines are its tasks
        self.search_panel.refresh_regions()
        current = self.reader_panel.detail.info.id if self.reader_panel.detail else None
        if current and current in changes.removed:
            self.reader_panel.show_placeholder()
        self._update_status()

    def _update_status(self) -> None:
        if self.workspace is None:
            return
        docs = self.workspace.library.documents()
        self.status_label.setText(self.tr("文库共 {0} 份文件").format(len(docs)))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(
            u.toLocalFile().lower().endswith(SUPPORTED) for u in event.mimeData().urls()
        ):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths and self.workspace is not None:
            event.acceptProposedAction()
            self.import_paths(paths)

    def _restore_state(self) -> None:
        geometry = opts.restore_state(self.settings, "geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1400, 860)
        state = opts.restore_state(self.settings, "window")
        if state is None or not self.restoreState(state):
            self.resizeDocks([self.library_dock, self.search_dock], [420, 380], Qt.Orientation.Horizontal)

    def save_window_state(self) -> None:
        opts.save_state(self.settings, "geometry", self.saveGeometry())
        opts.save_state(self.settings, "window", self.saveState())
        if self.workspace is not None:
            opts.save_state(self.settings, "reader_splitter", self.reader_panel.splitter.saveState())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.workspace is not None and not self.checklist_panel.may_replace_form():
            event.ignore()  # unsaved application edits: the person chose 取消, or saving failed
            return
        if self.task is not None:
            self.task.cancel()
        self.runner.wait(10000)
        self.save_window_state()
        super().closeEvent(event)
