"""Table model of indicators with their status, a filter proxy, and the words for the core's codes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from workbench.core.indicators.progress import IndicatorStatus, StatusReport
from workbench.core.indicators.targets import Comparator, TargetAttribute, number_text, target_phrase
from workbench.ui.labels import (
    attribute_label,
    indicator_error_label,
    indicator_status_label,
    no_data_past_deadline_label,
)

REPORT_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

# Red/amber/green, always shown with the status words (never colour alone).
STATUS_COLOURS: dict[IndicatorStatus, tuple[str, str]] = {  # text, background
    IndicatorStatus.ACHIEVED: ("#1b5e20", "#dcefdc"),
    IndicatorStatus.ON_TRACK: ("#1b7f3b", "#e6f4ea"),
    IndicatorStatus.NEEDS_ACCELERATION: ("#8a5a00", "#fff3d6"),
    IndicatorStatus.LIMITED_PROGRESS: ("#a04800", "#ffe6cc"),
    IndicatorStatus.DETERIORATING: ("#b3261e", "#fbe3e1"),
    IndicatorStatus.OVERDUE: ("#b3261e", "#fbe3e1"),
    IndicatorStatus.NO_DATA: ("#5f6368", "#f1f3f4"),
}
STATUS_SYMBOLS = {
    IndicatorStatus.ACHIEVED: "✔",
    IndicatorStatus.ON_TRACK: "●",
    IndicatorStatus.NEEDS_ACCELERATION: "▲",
    IndicatorStatus.LIMITED_PROGRESS: "▲",
    IndicatorStatus.DETERIORATING: "▼",
    IndicatorStatus.OVERDUE: "✖",
    IndicatorStatus.NO_DATA: "○",
}
STATUS_ORDER = [
    IndicatorStatus.OVERDUE,
    IndicatorStatus.DETERIORATING,
    IndicatorStatus.LIMITED_PROGRESS,
    IndicatorStatus.NEEDS_ACCELERATION,
    IndicatorStatus.ON_TRACK,
    IndicatorStatus.ACHIEVED,
    IndicatorStatus.NO_DATA,
]


def _t(text: str) -> str:
    return QCoreApplication.translate("indicators", text)


def status_label(status: IndicatorStatus) -> str:
    return indicator_status_label(status)


def report_status_label(report: StatusReport) -> str:
    """The status words of one report: no data past the deadline says so."""
    if report.reason == "no_observation_past_deadline":
        return no_data_past_deadline_label()
    return status_label(report.status)


error_label = indicator_error_label


def target_text(report_or_indicator: Any) -> str:
    """10家左右, 达到4000亿元, 2—3家: the value with the comparator where Chinese puts it."""
    i = getattr(report_or_indicator, "indicator", report_or_indicator)
    words = {
        Comparator.AT_LEAST: _t("达到"),
        Comparator.MORE_THAN: _t("超过"),
        Comparator.ABOUT: _t("左右"),
        Comparator.AT_MOST: _t("不超过"),
    }
    return target_phrase(i.comparator, i.target_low, i.target_high, i.unit, i.comparator_word, words)


def deadline_text(indicator: Any) -> str:
    if indicator.recurring:
        return _t("每年")
    return indicator.deadline or _t("未定期限")


class IndicatorTableModel(QAbstractTableModel):
    COLUMNS = ("status", "region", "name", "target", "deadline", "latest", "document", "attribute")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.reports: list[StatusReport] = []
        self.doc_titles: dict[str, str] = {}

    def set_reports(self, reports: list[StatusReport], doc_titles: dict[str, str]) -> None:
        self.beginResetModel()
        self.reports = list(reports)
        self.doc_titles = doc_titles
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.reports)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [
            _t("状态"),
            _t("地区"),
            _t("指标"),
            _t("目标"),
            _t("期限"),
            _t("最新值"),
            _t("来源文件"),
            _t("属性"),
        ][section]

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        report = self.reports[index.row()]
        column = self.COLUMNS[index.column()]
        i = report.indicator
        if role == REPORT_ROLE:
            return report
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "status":
                return f"{STATUS_SYMBOLS[report.status]} {report_status_label(report)}"
            if column == "region":
                return i.region or "—"
            if column == "name":
                return i.name
            if column == "target":
                return target_text(i)
            if column == "deadline":
                return deadline_text(i)
            if column == "latest":
                return (
                    f"{number_text(report.latest.value)}（{report.latest.period}）" if report.latest else "—"
                )
            if column == "document":
                return self.doc_titles.get(i.doc_id or "", i.doc_id or _t("手工录入"))
            if column == "attribute":
                return attribute_label(i.attribute)
        if column == "attribute" and role == Qt.ItemDataRole.ForegroundRole and i.binding:
            return QBrush(QColor("#b3261e"))  # binding targets are the ones officials answer for
        if role == SORT_ROLE:
            if column == "status":
                return STATUS_ORDER.index(report.status)
            if column == "deadline":
                return "9999" if i.recurring or not i.deadline else i.deadline
            if column == "latest":
                return report.latest.value if report.latest else float("-inf")
            if column == "attribute":
                return {TargetAttribute.BINDING: 0, TargetAttribute.EXPECTED: 1}.get(i.attribute, 2)  # type: ignore[arg-type]
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if column == "status" and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(STATUS_COLOURS[report.status][0]))
        if column == "status" and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(STATUS_COLOURS[report.status][1]))
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "document":
                return self.data(index, Qt.ItemDataRole.DisplayRole)  # the whole title of an elided cell
            return i.source_text or i.name
        return None

    def row_of(self, indicator_id: str) -> int:
        for row, report in enumerate(self.reports):
            if report.indicator.id == indicator_id:
                return row
        return -1


class IndicatorFilterProxy(QSortFilterProxyModel):
    """Filters by region, document, status, deadline (a year, "recurring" or "none") and attribute
    (binding, expected or "none": not stated)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.region: str | None = None
        self.doc_id: str | None = None
        self.status: IndicatorStatus | None = None
        self.deadline: str | None = None
        self.attribute: str | None = None
        self.setSortRole(SORT_ROLE)

    def set_filters(
        self,
        *,
        region: str | None,
        doc_id: str | None,
        status: IndicatorStatus | None,
        deadline: str | None,
        attribute: str | None = None,
    ) -> None:
        self.beginFilterChange()  # Qt 6.10: replaces the deprecated invalidateFilter()
        self.region, self.doc_id, self.status, self.deadline = region, doc_id, status, deadline
        self.attribute = attribute
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        assert isinstance(model, IndicatorTableModel)
        report = model.reports[source_row]
        i = report.indicator
        if self.region is not None and i.region != self.region:
            return False
        if self.doc_id is not None and i.doc_id != self.doc_id:
            return False
        if self.status is not None and report.status is not self.status:
            return False
        if self.attribute is not None:
            if self.attribute == "none" and i.attribute is not None:
                return False
            if self.attribute != "none" and (i.attribute is None or i.attribute.value != self.attribute):
                return False
        if self.deadline is not None:
            if self.deadline == "recurring":
                return i.recurring
            if self.deadline == "none":
                return not i.recurring and not i.deadline
            return bool(i.deadline) and str(i.deadline).startswith(self.deadline)
        return True
