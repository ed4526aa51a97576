"""The library: documents grouped by level and region, with 文号, date and a validity badge."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTreeView, QVBoxLayout, QWidget

from workbench.core.corpus.models import Level, ValidityStatus
from workbench.ui.labels import level_label, status_label

if TYPE_CHECKING:
    from workbench.core.corpus.library import DocumentInfo, Library

DOC_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_COLOURS = {
    ValidityStatus.IN_FORCE: "#1b7f3b",
    ValidityStatus.NOT_YET: "#9a6b00",
    ValidityStatus.EXPIRED: "#7a7a7a",
    ValidityStatus.REPEALED: "#b3261e",
    ValidityStatus.UNKNOWN: "#7a7a7a",
}
LEVEL_ORDER = {Level.NATIONAL: 0, Level.PROVINCIAL: 1, Level.MUNICIPAL: 2, Level.OTHER: 3}


class LibraryPanel(QWidget):
    document_selected = Signal(str)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.filter_box = QLineEdit(placeholderText=self.tr("筛选：标题、文号、机关、地区"))
        self.filter_box.setClearButtonEnabled(True)
        self.model = QStandardItemModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.view = QTreeView()
        self.view.setModel(self.proxy)
        self.view.setUniformRowHeights(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.view)
        self.filter_box.textChanged.connect(self.proxy.setFilterFixedString)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.refresh()

    def refresh(self, as_of: dt.date | None = None) -> None:
        current = self.current_document()
        self.model.clear()
        self.model.setHorizontalHeaderLabels(
            [self.tr("文件"), self.tr("文号"), self.tr("日期"), self.tr("效力")]
        )
        groups: dict[tuple[Level, str], QStandardItem] = {}
        docs = sorted(
            self.library.documents(as_of),
            key=lambda d: (LEVEL_ORDER[d.level], d.region or "", -(d.issued or dt.date.min).toordinal()),
        )
        for doc in docs:
            key = (doc.level, doc.region or "")
            if key not in groups:
                region = doc.region or self.tr("未注明地区")
                group = QStandardItem(f"{level_label(doc.level)} · {region}")
                group.setSelectable(False)
                font = group.font()
                font.setBold(True)
                group.setFont(font)
                groups[key] = group
                self.model.appendRow([group, _blank(), _blank(), _blank()])
            groups[key].appendRow(self._row(doc))
        self.view.expandAll()
        header = self.view.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        if current:
            self.select_document(current)

    def _row(self, doc: DocumentInfo) -> list[QStandardItem]:
        title = QStandardItem(doc.title)
        title.setData(doc.id, DOC_ID_ROLE)
        title.setToolTip(f"{doc.title}\n{doc.issuer or ''}\n{doc.validity_note or ''}")
        number = QStandardItem(doc.doc_number or self.tr("无文号"))
        issued = QStandardItem(doc.issued.isoformat() if doc.issued else "—")
        badge = QStandardItem(status_label(doc.status))
        badge.setForeground(QBrush(QColor(STATUS_COLOURS[doc.status])))
        if doc.repealed_by:
            badge.setToolTip(self.tr("被 {0} 废止").format(doc.repealed_by))
        for item in (number, issued, badge):
            item.setData(doc.id, DOC_ID_ROLE)
        return [title, number, issued, badge]

    def _current_changed(self, current, _previous) -> None:  # type: ignore[no-untyped-def]
        doc_id = current.data(DOC_ID_ROLE)
        if doc_id:
            self.document_selected.emit(doc_id)

    def current_document(self) -> str | None:
        index = self.view.currentIndex()
        return index.data(DOC_ID_ROLE) if index.isValid() else None

    def select_document(self, doc_id: str) -> bool:
        for row in range(self.proxy.rowCount()):
            group = self.proxy.index(row, 0)
            for child_row in range(self.proxy.rowCount(group)):
                child = self.proxy.index(child_row, 0, group)
                if child.data(DOC_ID_ROLE) == doc_id:
                    self.view.setCurrentIndex(child)
                    return True
        return False


def _blank() -> QStandardItem:
    item = QStandardItem("")
    item.setSelectable(False)
    return item
