"""File → 导出 PDF 简报… / 打印简报…: a brief of whatever the window shows.

The search dock (when it has focus) gives a search brief of all shown or the selected
hits; the 申报核对 tab a dossier; the 指标跟踪 tab an indicator report; the reader a
document summary. The brief is built in the background and shown in a preview.
This module is imported at start-up: ReportLab and QtPdf load only when a brief is made.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from workbench.core.words import BRIEF_DATA_ERROR_WORDS
from workbench.ui.labels import translated

if TYPE_CHECKING:
    from exporters.brief_data import BriefOutput, BriefRequest
    from workbench.ui.dialogs.brief_preview import BriefPreviewDialog
    from workbench.ui.main_window import MainWindow
    from workbench.ui.tasks import Task


class BriefExporter(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.preview: BriefPreviewDialog | None = None
        self.export_action = QAction(  # type: ignore[call-overload]  # signal keyword
            self.tr("导出 PDF 简报(&B)…"),
            window,
            shortcut=QKeySequence("Ctrl+E"),
            triggered=lambda: self.export_current(),
        )
        self.print_action = QAction(  # type: ignore[call-overload]  # signal keyword
            self.tr("打印简报(&P)…"),
            window,
            shortcut=QKeySequence.StandardKey.Print,
            triggered=lambda: self.export_current(print_after=True),
        )
        self.settings_action = QAction(self.tr("PDF 简报字体…"), window, triggered=self.edit_settings)  # type: ignore[call-overload]  # signal keyword
        self.actions = [self.export_action, self.print_action]

    # --- what to print -------------------------------------------------------------------

    def current_request(self) -> BriefRequest | None:
        """The brief for what the window shows now, or None if there is nothing to print."""

        w = self.window
        search = getattr(w, "search_panel", None)
        reader = getattr(w, "reader_panel", None)
        focus = QApplication.focusWidget()
        if (
            search is not None
            and focus is not None
            and (focus is search or search.isAncestorOf(focus))
            and search.results
        ):
            return self.search_request()
        tab = w.tabs.currentWidget()
        if tab is not None and tab is not reader and tab in self.panels():
            return self.request_for(tab)
        from workbench.ui.panels.reader_panel import ReaderPanel  # loaded with the window's panels

        if isinstance(reader, ReaderPanel) and tab is reader and reader.detail is not None:
            return self.request_for(reader)
        if search is not None and search.results:
            return self.search_request()
        return None

    def panels(self) -> list[QWidget]:
        w = self.window
        return [
            p
            for p in (
                getattr(w, n, None)
                for n in (
                    "reader_panel",
                    "search_panel",
                    "checklist_panel",
                    "indicators_panel",
                    "tasks_panel",
                )
            )
            if p is not None
        ]

    def connect_panels(self) -> None:
        """Each panel's own PDF button asks for the brief of what it shows."""
        for panel in self.panels():
            panel.brief_requested.connect(functools.partial(self.export_for, panel))  # type: ignore[attr-defined]

    def export_for(self, panel: QWidget) -> Task | None:
        request = self.request_for(panel)
        return self.export(request) if request is not None else None

    def request_for(self, panel: QWidget) -> BriefRequest | None:
        """The brief of one panel: document summary, search brief, dossier or indicator report."""
        from exporters.brief_data import BriefKind, BriefRequest

        w = self.window
        if panel is getattr(w, "checklist_panel", None):
            as_of = panel.as_of.date().toPython()
            return BriefRequest(
                BriefKind.DOSSIER,
                application=panel.application,
                application_id=panel.app_id,
                as_of=as_of,
                original=panel.what_if_original(),  # a what-if: the dossier compares it with the original
                forecast=panel.forecast_box.isChecked(),
            )
        if panel is getattr(w, "indicators_panel", None):
            return self.indicator_request(panel)
        if panel is getattr(w, "tasks_panel", None):
            return BriefRequest(
                BriefKind.TASKS,
                unit_names=tuple(panel.chosen_units() or ()) or None,
                doc_id=panel.chosen_doc(),
                as_of=panel.as_of(),
            )
        if panel is getattr(w, "search_panel", None):
            return self.search_request() if panel.results else None
        if panel is getattr(w, "reader_panel", None) and panel.detail is not None:
            return BriefRequest(BriefKind.DOCUMENT, doc_id=panel.detail.info.id)
        return None

    def search_request(self) -> BriefRequest | None:
        """All shown hits, or the selected ones when the person picks them."""
        from exporters.brief_data import BriefKind, BriefRequest
        from workbench.ui.panels.search_panel import RESULT_ROLE

        search = self.window.search_panel
        shown = list(search.results)
        rows = sorted(i.row() for i in search.list.selectionModel().selectedIndexes())
        selected = [search.model.item(r).data(RESULT_ROLE) for r in rows]
        chosen = shown
        if selected and len(selected) < len(shown):
            box = QMessageBox(
                QMessageBox.Icon.Question,
                self.tr("检索简报"),
                self.tr("简报收入哪些检索结果？"),
                parent=self.window,
            )
            all_button = box.addButton(
                self.tr("全部 {0} 条").format(len(shown)), QMessageBox.ButtonRole.AcceptRole
            )
            selected_button = box.addButton(
                self.tr("选中的 {0} 条").format(len(selected)), QMessageBox.ButtonRole.AcceptRole
            )
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.setDefaultButton(selected_button)
            box.exec()
            if box.clickedButton() is selected_button:
                chosen = selected
            elif box.clickedButton() is not all_button:
                return None
        return BriefRequest(BriefKind.SEARCH, query=search.current_query(), chosen=tuple(chosen))

    def indicator_request(self, panel: Any) -> BriefRequest:
        """The indicators the tab shows (its filters applied), on its evaluation date."""
        from exporters.brief_data import BriefKind, BriefRequest
        from workbench.ui.item_models.indicator_table_model import REPORT_ROLE

        listed = tuple(
            panel.proxy.index(row, 0).data(REPORT_ROLE).indicator.id for row in range(panel.proxy.rowCount())
        )
        return BriefRequest(
            BriefKind.INDICATORS,
            region=panel.region_combo.currentData() or None,
            as_of=panel.as_of(),
            listed_ids=listed,
        )

    # --- building and showing -------------------------------------------------------------

    def export_current(self, print_after: bool = False) -> Task | None:
        request = self.current_request()
        if request is None:
            self.window.statusBar().showMessage(
                self.tr("没有可导出的内容：请先打开文件、检索条款或选择申报"), 6000
            )
            return None
        return self.export(request, print_after)

    def export(self, request: BriefRequest, print_after: bool = False) -> Task | None:
        from workbench.ui.dialogs.brief_preview import brief_job, font_files_from

        w = self.window
        if w.workspace is None:
            return None
        if w.task is not None:
            w.statusBar().showMessage(w.tr("请等待当前任务完成"), 5000)
            return None
        job = w.runner.job("brief", brief_job, w.workspace.data_dir, request, font_files_from(w.settings))
        job.success(lambda output: self._show(output, print_after)).failure(self._failed)
        return w.run_job(self.tr("正在生成 PDF 简报…"), job)  # the window's progress bar and cancel button

    def _show(self, output: BriefOutput | None, print_after: bool) -> None:
        from workbench.ui.dialogs.brief_preview import BriefPreviewDialog

        if output is None:  # cancelled
            self.window.statusBar().showMessage(self.tr("已取消生成简报"), 5000)
            return
        self.preview = BriefPreviewDialog(output, self.window.settings, self.window)
        self.preview.setModal(True)
        self.preview.show()
        if print_after:
            self.preview.print_brief()

    def _failed(self, exc: Exception) -> None:
        from exporters.brief_data import BriefDataError

        if not isinstance(exc, BriefDataError):
            self.window._task_failed(exc)  # a bug: the generic message, the traceback is in the log
            return
        QMessageBox.warning(
            self.window,
            self.tr("未能生成简报"),
            translated(BRIEF_DATA_ERROR_WORDS, exc.reason).format(exc.value),
        )

    def edit_settings(self) -> None:
        from workbench.ui.dialogs.pdf_settings import PdfSettingsDialog

        PdfSettingsDialog(self.window.settings, self.window).exec()
