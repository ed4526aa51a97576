"""任务分工: units against plans (the matrix), one unit's tasks across every plan with its role,
deadlines and overdue tasks marked, progress notes on the chosen task, and the ledger out as
.xlsx or PDF and back in from a department's filled-in copy."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.core import words
from workbench.core.tasks.ledger import Role, TaskError, TaskReport, TaskStatus
from workbench.core.tasks.units import UnitTableError
from workbench.ui.item_models.task_models import (
    DOC_ROLE,
    REPORT_ROLE,
    UNIT_ROLE,
    MatrixModel,
    TaskListModel,
    deadline_label,
    task_status_label,
)
from workbench.ui.labels import translated

if TYPE_CHECKING:
    from workbench.core.tasks.ledger import Task, TaskChanges, TaskService


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def task_error_label(code: str) -> str:
    if code in words.TASK_ERROR_WORDS:
        return translated(words.TASK_ERROR_WORDS, code)
    return translated(words.TABLE_FILE_WORDS, code)


class TasksPanel(QWidget):
    """The 任务分工 tab. ``open_clause(doc_id, clause_id, highlight)`` asks the window to show
    the task's clause in the reader; ``brief_requested`` asks for the PDF ledger of what is shown."""

    open_clause = Signal(str, str, str)
    brief_requested = Signal()

    def __init__(self, service: TaskService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.as_of_edit = QDateEdit(_qdate(dt.date.today()))
        self.as_of_edit.setCalendarPopup(True)
        self.as_of_edit.setDisplayFormat("yyyy-MM-dd")
        self.unit_combo = QComboBox()
        self.unit_combo.setMinimumContentsLength(10)
        self.doc_combo = QComboBox()
        self.doc_combo.setMinimumContentsLength(8)
        for combo in (self.unit_combo, self.doc_combo):  # long names must not widen the whole window
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.role_combo = QComboBox()
        self.role_combo.addItem(self.tr("牵头和配合"), None)
        self.role_combo.addItem(self.tr("牵头"), Role.LEAD.value)
        self.role_combo.addItem(self.tr("配合"), Role.SUPPORTING.value)
        self.overdue_check = QCheckBox(self.tr("只看逾期"))
        self.export_button = QPushButton(self.tr("导出台账…"))
        self.export_button.setToolTip(
            self.tr("把所列任务导出为 .xlsx 台账（序号、任务、牵头单位、配合单位、完成时限、进展情况、状态）")
        )
        self.import_button = QPushButton(self.tr("导入进展…"))
        self.import_button.setToolTip(self.tr("导入各单位填报的 .xlsx 台账；任何一行有误则不导入"))
        self.brief_button = QPushButton(self.tr("PDF 台账…"))
        self.brief_button.setToolTip(self.tr("为所列任务生成 PDF 督办台账，预览后保存或打印（Ctrl+E）"))
        self.brief_button.clicked.connect(self.brief_requested)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e;")

        self.matrix_model = MatrixModel(self)
        self.matrix_view = QTableView()
        self.matrix_view.setModel(self.matrix_model)
        self.matrix_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.matrix_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.matrix_view.horizontalHeader().setDefaultSectionSize(150)
        self.matrix_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.matrix_view.setToolTip(self.tr("单击一个单位查看其全部任务；单击一格只看该文件中的任务"))

        self.list_model = TaskListModel(self)
        self.list_view = QTableView()
        self.list_view.setModel(self.list_model)
        self.list_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list_view.setAlternatingRowColors(True)
        self.list_view.verticalHeader().setVisible(False)
        self.list_view.setWordWrap(False)
        header = self.list_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((150, 90, 260, 50, 170, 150, 100, 200, 200)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.count_label = QLabel()

        # the chosen task
        self.title_label = QLabel()
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setWordWrap(True)
        self.units_label = QLabel()
        self.units_label.setWordWrap(True)
        self.units_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text_label = QLabel()
        self.text_label.setWordWrap(True)
        self.text_label.setStyleSheet("color: #444;")
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.source_button = QPushButton(self.tr("查看原文条款"))
        self.notes_table = QTableWidget(0, 4)
        self.notes_table.setHorizontalHeaderLabels(
            [self.tr("日期"), self.tr("状态"), self.tr("进展情况"), self.tr("填报人")]
        )
        self.notes_table.verticalHeader().setVisible(False)
        self.notes_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.notes_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.notes_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.notes_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.retract_button = QPushButton(self.tr("撤回所选进展…"))
        self.retract_button.setToolTip(self.tr("撤回误填的一条进展（保留在变更记录中）"))
        self.day_edit = QDateEdit(_qdate(dt.date.today()))
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("yyyy-MM-dd")
        self.status_combo = QComboBox()
        for status in TaskStatus:
            self.status_combo.addItem(task_status_label(status), status.value)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setPlaceholderText(self.tr("进展情况：做了什么、到了哪一步"))
        self.note_edit.setMaximumHeight(80)
        self.by_edit = QLineEdit()
        self.record_button = QPushButton(self.tr("填报进展"))
        self.form_error = QLabel()
        self.form_error.setStyleSheet("color: #b3261e;")
        self.form_error.setWordWrap(True)

        self._layout()
        self.unit_combo.currentIndexChanged.connect(lambda _: self._refresh_list())
        self.doc_combo.currentIndexChanged.connect(lambda _: self._refresh_list())
        self.role_combo.currentIndexChanged.connect(lambda _: self._refresh_list())
        self.overdue_check.toggled.connect(lambda _: self._refresh_list())
        self.as_of_edit.dateChanged.connect(lambda _: self._refresh_list())
        self.matrix_view.clicked.connect(self._matrix_clicked)
        self.list_view.selectionModel().currentRowChanged.connect(lambda current, _: self._show_task(current))
        self.record_button.clicked.connect(self.record_progress)
        self.retract_button.clicked.connect(self.retract_selected)
        self.source_button.clicked.connect(self._open_source)
        self.export_button.clicked.connect(self.choose_export)
        self.import_button.clicked.connect(self.choose_import)
        self._unsubscribe = service.subscribe(self._service_changed)
        self.destroyed.connect(lambda *_: self._unsubscribe())
        self.tasks: list[Task] = []
        self._complete = False  # self.tasks holds every task of the library
        self.current: TaskReport | None = None
        self.refresh()

    def _layout(self) -> None:
        bar = QHBoxLayout()
        for label, widget in (
            (self.tr("截至"), self.as_of_edit),
            (self.tr("单位"), self.unit_combo),
            (self.tr("文件"), self.doc_combo),
            (self.tr("角色"), self.role_combo),
        ):
            bar.addWidget(QLabel(label))
            bar.addWidget(widget)
        bar.addWidget(self.overdue_check)
        bar.addStretch(1)
        for button in (self.import_button, self.export_button, self.brief_button):
            bar.addWidget(button)

        left = QSplitter(Qt.Orientation.Vertical)
        matrix_box = QWidget()
        matrix_layout = QVBoxLayout(matrix_box)
        matrix_layout.setContentsMargins(0, 0, 0, 0)
        matrix_layout.addWidget(QLabel(self.tr("任务分工矩阵（单位 × 文件，格中为任务数，括号内为牵头数）")))
        matrix_layout.addWidget(self.matrix_view)
        list_box = QWidget()
        list_layout = QVBoxLayout(list_box)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self.count_label)
        list_layout.addWidget(self.list_view)
        left.addWidget(matrix_box)
        left.addWidget(list_box)
        left.setSizes([380, 420])

        detail = QWidget()
        d = QVBoxLayout(detail)
        d.addWidget(self.title_label)
        d.addWidget(self.units_label)
        d.addWidget(self.text_label, 1)
        d.addWidget(self.source_button, 0, Qt.AlignmentFlag.AlignLeft)
        d.addWidget(QLabel(self.tr("进展记录")))
        d.addWidget(self.notes_table, 1)
        d.addWidget(self.retract_button, 0, Qt.AlignmentFlag.AlignLeft)
        form = QFormLayout()
        form.addRow(self.tr("日期"), self.day_edit)
        form.addRow(self.tr("状态"), self.status_combo)
        form.addRow(self.tr("进展情况"), self.note_edit)
        form.addRow(self.tr("填报人"), self.by_edit)
        d.addLayout(form)
        d.addWidget(self.record_button, 0, Qt.AlignmentFlag.AlignRight)
        d.addWidget(self.form_error)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(detail)
        self.splitter.setSizes([1000, 420])
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.addLayout(bar)
        inner.addWidget(self.message)
        inner.addWidget(self.splitter, 1)
        # In a small window the tab scrolls instead of forcing the window wider than the user made it.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    # --- data ------------------------------------------------------------------------

    def as_of(self) -> dt.date:
        day = self.as_of_edit.date().toPython()
        assert isinstance(day, dt.date)  # QDate.toPython() is typed as object
        return day

    def chosen_units(self) -> list[str] | None:
        unit = self.unit_combo.currentData()
        return None if unit is None else [unit]

    def chosen_doc(self) -> str | None:
        return self.doc_combo.currentData()  # type: ignore[no-any-return]

    def refresh(self, changed: Iterable[str] | None = None) -> None:
        """Read the tasks again and keep the filters where they were: all of them, or only those
        of the documents ``changed`` (imported, re-read or removed) when the others are known."""
        try:
            if changed is not None and self._complete:
                self.tasks = self.service.tasks_after(self.tasks, changed)
            else:
                self.tasks = self.service.tasks()
            self._complete = True
        except UnitTableError as exc:
            self.tasks = []
            self._complete = False
            self.message.setText(
                self.tr("单位对照表有误，无法列出任务：{0}（{1}）").format(exc.path, exc.detail)
            )
        else:
            self.message.clear()
        matrix = self.service.matrix(self.tasks)
        self.matrix_model.set_matrix(matrix)
        self.matrix_view.resizeColumnToContents(len(matrix.plans))
        self._fill_combo(self.unit_combo, self.tr("全部单位"), [(u, u) for u in matrix.units])
        self._fill_combo(
            self.doc_combo, self.tr("全部文件"), [(p.doc_id, p.doc_number or p.title) for p in matrix.plans]
        )
        self._refresh_list()

    def _fill_combo(self, combo: QComboBox, everything: str, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for data, text in items:
            combo.addItem(text, data)
        found = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(found, 0))
        combo.blockSignals(False)

    def _refresh_list(self) -> None:
        role = self.role_combo.currentData()
        units = self.chosen_units()
        self.role_combo.setEnabled(units is not None)
        doc = self.chosen_doc()
        chosen = [t for t in self.tasks if doc is None or t.doc_id == doc]
        reports = self.service.reports(
            self.as_of(),
            unit_names=units,
            role=Role(role) if role and units else None,
            overdue_only=self.overdue_check.isChecked(),
            tasks=chosen,
        )
        keep = self.current.task.id if self.current else None
        self.list_model.set_reports(reports)
        overdue = sum(1 for r in reports if r.overdue)
        text = self.tr("共 {0} 项任务").format(len(reports))
        if units:
            lead = sum(1 for r in reports if r.role is Role.LEAD)
            text += self.tr("，其中牵头 {0} 项、配合 {1} 项").format(lead, len(reports) - lead)
        if overdue:
            text += self.tr("；逾期 {0} 项").format(overdue)
        self.count_label.setText(text)
        row = next((n for n, r in enumerate(reports) if r.task.id == keep), 0 if reports else None)
        if row is None:
            self._show_task(QModelIndex())
        else:
            self.list_view.selectRow(row)
            self._show_task(self.list_model.index(row, 0))

    def listed(self) -> list[TaskReport]:
        return list(self.list_model.reports)

    def select_unit(self, unit: str, doc_id: str | None = None) -> None:
        self.unit_combo.setCurrentIndex(max(self.unit_combo.findData(unit), 0))
        self.doc_combo.setCurrentIndex(max(self.doc_combo.findData(doc_id), 0) if doc_id else 0)

    def _matrix_clicked(self, index: QModelIndex) -> None:
        self.select_unit(index.data(UNIT_ROLE), index.data(DOC_ROLE))

    def _service_changed(self, changes: TaskChanges) -> None:
        self._refresh_list()

    def refresh_status(self) -> None:
        """The same tasks with their status and linked targets read again (an indicator changed)."""
        self._refresh_list()

    # --- the chosen task ----------------------------------------------------------------

    def _show_task(self, index: QModelIndex) -> None:
        report: TaskReport | None = index.data(REPORT_ROLE) if index.isValid() else None
        self.current = report
        for w in (self.record_button, self.source_button, self.retract_button):
            w.setEnabled(report is not None)
        self.form_error.clear()
        if report is None:
            self.title_label.setText(self.tr("选择一项任务查看其分工和进展"))
            self.units_label.clear()
            self.text_label.clear()
            self.notes_table.setRowCount(0)
            return
        t = report.task
        self.title_label.setText(f"{t.title}（{t.plan.doc_number or t.plan.title} {t.path}）")
        supporting = "、".join(u.name for u in t.supporting) or "—"
        lines = [
            self.tr("牵头单位：{0}").format(t.lead.name if t.lead else "—"),
            self.tr("配合单位：{0}").format(supporting),
            self.tr("完成时限：{0}").format(deadline_label(report)),
            self.tr("状态：{0}").format(task_status_label(report.status))
            + (self.tr("（已过完成时限）") if report.overdue else ""),
        ]
        for x in report.targets:
            lines.append(
                self.tr("指标：{0}（{1}）").format(x.name, translated(words.INDICATOR_STATUS_WORDS, x.status))
            )
        self.units_label.setText("\n".join(lines))
        self.text_label.setText(f"{t.text}\n（{t.responsible}）")
        notes = self.service.progress(t.id)
        self.notes_table.setRowCount(len(notes))
        for row, n in enumerate(reversed(notes)):  # the latest first
            values = (n.reported_on.isoformat(), task_status_label(n.status), n.note, n.author or "")
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, n.id)
                item.setToolTip(n.note if column == 2 else value)
                self.notes_table.setItem(row, column, item)
        self.status_combo.setCurrentIndex(max(self.status_combo.findData(report.status.value), 0))

    def record_progress(self) -> bool:
        if self.current is None:
            return False
        try:
            self.service.record(
                self.current.task.id,
                self.status_combo.currentData(),
                self.note_edit.toPlainText(),
                on=self.day_edit.date().toPython(),
                by=self.by_edit.text(),
            )
        except TaskError as exc:
            self.form_error.setText(task_error_label(exc.code))
            return False
        self.note_edit.clear()
        return True

    def retract_selected(self) -> None:
        row = self.notes_table.currentRow()
        if row < 0:
            self.form_error.setText(self.tr("请先在进展记录中选择一条"))
            return
        cell = self.notes_table.item(row, 0)
        if cell is None:
            return
        note_id = cell.data(Qt.ItemDataRole.UserRole)
        answer = QMessageBox.question(
            self, self.tr("撤回进展"), self.tr("撤回所选进展记录？撤回的记录保留在变更记录中。")
        )
        if answer == QMessageBox.StandardButton.Yes:
            try:
                self.service.retract(int(note_id), by=self.by_edit.text())
            except TaskError as exc:
                self.form_error.setText(task_error_label(exc.code))

    def _open_source(self) -> None:
        if self.current is not None:
            t = self.current.task
            self.open_clause.emit(t.doc_id, t.id, "")

    # --- files ---------------------------------------------------------------------------

    def scope_title(self) -> str:
        parts = list(self.chosen_units() or [])
        doc = self.chosen_doc()
        if doc:
            plan = next((t.plan for t in self.tasks if t.doc_id == doc), None)
            parts.append(plan.title if plan else doc)
        return "　".join(parts) or self.tr("全部文件")

    def choose_export(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出台账"), f"{self.scope_title()}督办台账.xlsx", self.tr("Excel 工作簿 (*.xlsx)")
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> int | None:
        from workbench.core.tasks.tables import LedgerFileError, export_ledger

        try:
            count = export_ledger(self.listed(), path, title=f"{self.scope_title()}督办任务台账")
        except LedgerFileError as exc:
            QMessageBox.warning(self, self.tr("未能导出"), f"{task_error_label(exc.code)}：{path}")
            return None
        except OSError as exc:
            QMessageBox.warning(
                self, self.tr("未能导出"), self.tr("无法写入 {0}：{1}").format(path, exc.strerror)
            )
            return None
        self.message.setStyleSheet("color: #1b5e20;")
        self.message.setText(self.tr("已导出 {0} 项任务到 {1}").format(count, path))
        return count

    def choose_import(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self, self.tr("导入进展"), "", self.tr("Excel 工作簿 (*.xlsx)"))
        if path:
            self.import_from(Path(path))

    def import_from(self, path: Path, *, confirm: bool = True) -> int | None:
        """Check the file; with no bad row (and the person's yes), write every note in one go."""
        from workbench.core.tasks.tables import LedgerFileError, apply_import, preview_import

        try:
            preview = preview_import(self.service, path)
        except LedgerFileError as exc:
            self._import_problem(f"{task_error_label(exc.code)}：{path}")
            return None
        if not preview.ok:
            lines = [
                self.tr("第 {0} 行，列“{1}”{2}：{3}").format(
                    p.row, p.column, "" if p.value is None else f"“{p.value}”", task_error_label(p.code)
                )
                for p in preview.problems[:30]
            ]
            if len(preview.problems) > 30:
                lines.append(self.tr("……共 {0} 处").format(len(preview.problems)))
            self._import_problem(
                self.tr("文件有 {0} 处错误，未导入任何数据：\n").format(len(preview.problems))
                + "\n".join(lines)
            )
            return None
        if confirm:
            answer = QMessageBox.question(
                self,
                self.tr("导入进展"),
                self.tr("导入 {0} 条进展（{1} 行未变，跳过）？").format(
                    len(preview.notes), preview.unchanged
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None
        written = apply_import(self.service, preview, by=self.by_edit.text() or None)
        self.message.setStyleSheet("color: #1b5e20;")
        self.message.setText(self.tr("已导入 {0} 条进展").format(written))
        return written

    def _import_problem(self, text: str) -> None:
        self.message.setStyleSheet("color: #b3261e;")
        self.message.setText(text)
        self.last_import_problem = text
