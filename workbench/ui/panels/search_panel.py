"""Search: a query box always at hand, filters, and hits with highlighted snippets."""

from __future__ import annotations

import datetime as dt
import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QModelIndex, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QPalette,
    QStandardItem,
    QStandardItemModel,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from workbench.core.corpus.models import Level, ValidityStatus
from workbench.ui.labels import level_label, notice_label, status_label

if TYPE_CHECKING:
    from workbench.core.search.service import Query, Result, SearchService

RESULT_ROLE = Qt.ItemDataRole.UserRole + 1
HTML_ROLE = Qt.ItemDataRole.UserRole + 2
TYPING_PAUSE_MS = 200


class HtmlDelegate(QStyledItemDelegate):
    """Paints an item's HTML (title line + snippet with <mark>s) and sizes it."""

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setHtml(index.data(HTML_ROLE) or "")
        doc.setTextWidth(max(option.rect.width() - 8, 100))
        return doc

    def paint(self, painter, option, index) -> None:  # type: ignore[no-untyped-def]
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = self._document(option, index)
        painter.save()
        painter.translate(option.rect.left() + 4, option.rect.top() + 2)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        if option.state & QStyle.StateFlag.State_Selected:
            ctx.palette.setColor(
                QPalette.ColorRole.Text, option.palette.color(QPalette.ColorRole.HighlightedText)
            )
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:  # type: ignore[no-untyped-def]
        doc = self._document(option, index)
        return QSize(
            int(doc.idealWidth()), int(QRectF(0, 0, doc.idealWidth(), doc.size().height()).height()) + 6
        )


class SearchPanel(QWidget):
    result_chosen = Signal(str, str, str)  # doc id, clause id, text to highlight
    brief_requested = Signal()  # the shown (or selected) hits as a PDF

    def __init__(self, search: SearchService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = search
        self.results: list[Result] = []
        self.query_box = QLineEdit(placeholderText=self.tr('检索条款：词语、"短语"、OR、-排除'))
        self.query_box.setClearButtonEnabled(True)
        self.level_box = QComboBox()
        self.level_box.addItem(self.tr("全部层级"), None)
        for level in (Level.NATIONAL, Level.PROVINCIAL, Level.MUNICIPAL):
            self.level_box.addItem(level_label(level), level)
        self.region_box = QComboBox()
        self.status_box = QComboBox()
        self.status_box.addItem(self.tr("全部效力"), None)
        for status in (
            ValidityStatus.IN_FORCE,
            ValidityStatus.EXPIRED,
            ValidityStatus.NOT_YET,
            ValidityStatus.REPEALED,
        ):
            self.status_box.addItem(status_label(status), status)
        self.doc_box = QComboBox()
        self.issuer_box = QComboBox()
        self.year_box = QComboBox()
        self.as_of_check = QCheckBox(self.tr("效力日期"))
        self.as_of_check.setToolTip(self.tr("按所选日期判断效力（默认今天）"))
        self.as_of_edit = QDateEdit(QDate.currentDate())
        self.as_of_edit.setCalendarPopup(True)
        self.as_of_edit.setDisplayFormat("yyyy-MM-dd")
        self.as_of_edit.setEnabled(False)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = QStandardItemModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setItemDelegate(HtmlDelegate(self.list))
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QListView.SelectionMode.ExtendedSelection)  # pick hits for a brief
        self.list.setUniformItemSizes(False)
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.timer = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        filters = QHBoxLayout()
        for box in (self.level_box, self.region_box, self.status_box):
            filters.addWidget(box)
        more = QHBoxLayout()
        for widget in (self.doc_box, self.issuer_box, self.year_box, self.as_of_check, self.as_of_edit):
            more.addWidget(widget)
        for box in (
            self.level_box,
            self.region_box,
            self.status_box,
            self.doc_box,
            self.issuer_box,
            self.year_box,
        ):
            # long titles and names must not make the search dock (and the window) wide
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.query_box)
        layout.addLayout(filters)
        layout.addLayout(more)
        self.brief_button = QPushButton(self.tr("PDF 简报…"))
        self.brief_button.setToolTip(self.tr("所示检索结果（或选中的几条）生成 PDF 简报"))
        self.brief_button.setEnabled(False)
        self.brief_button.clicked.connect(self.brief_requested)
        summary_row = QHBoxLayout()
        summary_row.addWidget(self.summary, 1)
        summary_row.addWidget(self.brief_button)
        layout.addLayout(summary_row)
        layout.addWidget(self.list, 1)
        self.query_box.textChanged.connect(lambda _: self.timer.start())
        self.query_box.returnPressed.connect(self.run_search)
        self.timer.timeout.connect(self.run_search)
        for box in (
            self.level_box,
            self.region_box,
            self.status_box,
            self.doc_box,
            self.issuer_box,
            self.year_box,
        ):
            box.currentIndexChanged.connect(lambda _: self.run_search())
        self.as_of_check.toggled.connect(self.as_of_edit.setEnabled)
        self.as_of_check.toggled.connect(lambda _: self.run_search())
        self.as_of_edit.dateChanged.connect(lambda _: self.run_search())
        self.list.activated.connect(self._activated)
        self.list.clicked.connect(self._activated)
        self.refresh_regions()

    def refresh_regions(self) -> None:
        """Fill the document, region, issuer and year choices from the library."""
        docs = self.search.library.documents()
        _refill(
            self.region_box, self.tr("全部地区"), sorted({(d.region, d.region) for d in docs if d.region})
        )
        _refill(self.doc_box, self.tr("全部文件"), [(d.title, d.id) for d in docs])
        _refill(
            self.issuer_box, self.tr("全部发文机关"), sorted({(d.issuer, d.issuer) for d in docs if d.issuer})
        )
        years = sorted({d.issued.year for d in docs if d.issued}, reverse=True)
        _refill(self.year_box, self.tr("全部年份"), [(self.tr("{0}年").format(y), y) for y in years])

    def focus_query(self) -> None:
        self.query_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query_box.selectAll()

    def current_query(self) -> Query:
        from workbench.core.search.service import Query

        doc_id = self.doc_box.currentData()
        day = self.as_of_edit.date().toPython() if self.as_of_check.isChecked() else None
        as_of = day if isinstance(day, dt.date) else None  # QDate.toPython() is typed as object
        return Query(
            text=self.query_box.text(),
            limit=50,
            doc_ids=frozenset({doc_id}) if doc_id else None,
            level=self.level_box.currentData(),
            region=self.region_box.currentData(),
            issuer=self.issuer_box.currentData(),
            year=self.year_box.currentData(),
            status=self.status_box.currentData(),
            as_of=as_of,
        )

    def run_search(self) -> None:
        self.timer.stop()
        query = self.current_query()
        self.model.clear()
        if not query.text.strip():
            self.results = []
            self.summary.setText("")
            self.brief_button.setEnabled(False)
            return
        response = self.search.search(query)
        self.results = response.results
        for result in response.results:
            item = QStandardItem()
            item.setData(result, RESULT_ROLE)
            item.setData(self._html(result), HTML_ROLE)
            item.setData(f"{result.doc_title} {result.path} {result.snippet}", Qt.ItemDataRole.DisplayRole)
            item.setEditable(False)
            self.model.appendRow(item)
        notes = [notice_label(n) for n in response.notices]
        found = (
            self.tr("找到 {0} 条").format(response.total)
            if response.results
            else self.tr("没有找到匹配的条款")
        )
        self.summary.setText("；".join([found, *notes]))
        self.brief_button.setEnabled(bool(self.results))

    def _html(self, r: Result) -> str:
        snippet = r.marked("\x00", "\x01")
        snippet = (
            html.escape(snippet)
            .replace("\x00", "<span style='background-color:#ffd54f'>")
            .replace("\x01", "</span>")
        )
        head = (
            f"<b>{html.escape(r.doc_title)}</b> <span style='color:#555'>{html.escape(r.path)} "
            f"{html.escape(r.heading)}</span>"
        )
        return f"{head}<br>{snippet}"

    def _activated(self, index: QModelIndex) -> None:
        result: Result | None = index.data(RESULT_ROLE)
        if result is None:
            return
        first = result.snippet[result.marks[0][0] : result.marks[0][1]] if result.marks else ""
        self.result_chosen.emit(result.doc_id, result.clause_id, first)


def _refill(box: QComboBox, everything: str, choices: list[tuple[str, object]]) -> None:
    """Replace a filter's choices, keeping the current one when it is still there."""
    current = box.currentData()
    box.blockSignals(True)
    box.clear()
    box.addItem(everything, None)
    for label, value in choices:
        box.addItem(label, value)
    box.setCurrentIndex(max(box.findData(current), 0))
    box.blockSignals(False)
