"""Models of the 任务分工 tab: the matrix of units against plans, and a list of tasks.

Both are table models over the core's values (a library of a thousand plans gives a matrix
of hundreds of thousands of cells: only the cells on screen are ever asked for)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from workbench.core import words
from workbench.core.tasks.ledger import Matrix, Role, TaskReport, TaskStatus
from workbench.ui.labels import translated

Index = QModelIndex | QPersistentModelIndex
REPORT_ROLE = Qt.ItemDataRole.UserRole + 1
UNIT_ROLE = Qt.ItemDataRole.UserRole + 2
DOC_ROLE = Qt.ItemDataRole.UserRole + 3
OVERDUE_COLOUR = QColor("#f6c9c4")
STATUS_COLOURS = {
    TaskStatus.DONE: QColor("#d7f0d2"),
    TaskStatus.LAGGING: QColor("#fbe7b5"),
    TaskStatus.NOT_STARTED: QColor("#e6e6e6"),
    TaskStatus.IN_PROGRESS: None,
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("TaskModels", text)


def task_status_label(status: TaskStatus) -> str:
    return translated(words.TASK_STATUS_WORDS, status)


def role_label(role: Role) -> str:
    return translated(words.TASK_ROLE_WORDS, role)


def overdue_label() -> str:
    return QCoreApplication.translate("labels", words.OVERDUE_WORD)


def deadline_label(report: TaskReport) -> str:
    d = report.task.deadline
    if d is None:
        return _tr("未明确")
    if d.day is None:
        return d.text
    text = d.day.isoformat()
    return text + _tr("（规划期末）") if d.source == "plan" else text


class MatrixModel(QAbstractTableModel):
    """Units down the side, plans across, then the unit's total; a cell reads 3 (牵头1)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.matrix = Matrix([], [])

    def set_matrix(self, matrix: Matrix) -> None:
        self.beginResetModel()
        self.matrix = matrix
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.matrix.units)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.matrix.plans) + 1

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole and section < len(self.matrix.units):
                return self.matrix.units[section]
            return None
        plans = self.matrix.plans
        if section == len(plans):
            return _tr("合计") if role == Qt.ItemDataRole.DisplayRole else None
        if section > len(plans):
            return None
        plan = plans[section]
        if role == Qt.ItemDataRole.DisplayRole:
            short = plan.doc_number or plan.title
            return short if len(short) <= 16 else short[:15] + "…"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{plan.title}\n{plan.doc_number or ''}"
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        unit = self.matrix.units[index.row()]
        plans = self.matrix.plans
        is_total = index.column() == len(plans)
        cell = self.matrix.total(unit) if is_total else self.matrix.cell(unit, plans[index.column()].doc_id)
        if role == Qt.ItemDataRole.DisplayRole:
            if not cell.total:
                return ""
            return f"{cell.total}（{_tr('牵头')}{cell.lead}）" if cell.lead else str(cell.total)
        if role == Qt.ItemDataRole.ToolTipRole and cell.total:
            return _tr("牵头 {0} 项，配合 {1} 项").format(cell.lead, cell.supporting)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole and cell.lead and not is_total:
            return QBrush(QColor("#dde7f7"))
        if role == UNIT_ROLE:
            return unit
        if role == DOC_ROLE:
            return None if is_total else plans[index.column()].doc_id
        return None


class TaskListModel(QAbstractTableModel):
    COLUMNS = ("文件", "条款", "任务", "本单位", "牵头单位", "完成时限", "状态", "最新进展", "相关指标")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.reports: list[TaskReport] = []

    def set_reports(self, reports: list[TaskReport]) -> None:
        self.beginResetModel()
        self.reports = reports
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.reports)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(self.COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.reports[index.row()]
        t = r.task
        column = index.column()
        if role == REPORT_ROLE:
            return r
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return t.plan.doc_number or t.plan.title
            if column == 1:
                return t.path
            if column == 2:
                return t.title
            if column == 3:
                return role_label(r.role) if r.role else ""
            if column == 4:
                return t.lead.name if t.lead else ""
            if column == 5:
                return deadline_label(r)
            if column == 6:
                word = task_status_label(r.status)
                return f"{word}（{overdue_label()}）" if r.overdue else word
            if column == 7:
                return f"{r.latest.reported_on.isoformat()} {r.latest.note}" if r.latest else ""
            if column == 8:
                return "；".join(
                    f"{x.name}：{translated(words.INDICATOR_STATUS_WORDS, x.status)}" for x in r.targets
                )
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0:
                return t.plan.title
            if column == 2:
                return t.text
            if column == 4:
                return _tr("配合：{0}").format("、".join(u.name for u in t.supporting) or "—")
        if role == Qt.ItemDataRole.BackgroundRole and column in (5, 6):
            if r.overdue:
                return QBrush(OVERDUE_COLOUR)
            colour = STATUS_COLOURS.get(r.status) if column == 6 else None
            return QBrush(colour) if colour else None
        return None
