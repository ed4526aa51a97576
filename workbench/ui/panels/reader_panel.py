"""The reader: a document's clause tree beside its text.

Clicking a clause scrolls the text to it; responsibility lines show as tags;
references to other documents are links (or marked as not in the library);
a clause can be copied with its citation.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QGuiApplication, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from workbench.core.corpus.models import Clause, ClauseKind
from workbench.ui.labels import status_label

if TYPE_CHECKING:
    from workbench.core.corpus.library import DocumentDetail, Library

CLAUSE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_ANCHOR_UNSAFE = re.compile(r"[^0-9A-Za-z_-]")


def anchor_for(clause_id: str) -> str:
    """An HTML anchor name for a clause id (ids contain Chinese and slashes)."""
    return "c" + "".join(f"{ord(ch):x}" if _ANCHOR_UNSAFE.match(ch) else ch for ch in clause_id)


def citation(detail: DocumentDetail, clause: Clause) -> str:
    number = f"（{detail.info.doc_number}）" if detail.info.doc_number else ""
    return f"《{detail.info.title}》{number}{clause.path}"


class ReaderPanel(QWidget):
    open_document = Signal(str)  # a reference link was followed
    brief_requested = Signal()  # the person wants this document's summary as a PDF

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.detail: DocumentDetail | None = None
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.copy_button = QPushButton(self.tr("复制条款及出处"))
        self.copy_button.setEnabled(False)
        self.brief_button = QPushButton(self.tr("PDF 摘要…"))
        self.brief_button.setToolTip(self.tr("为当前内容生成 PDF 简报，预览后保存或打印（Ctrl+E）"))
        self.brief_button.setEnabled(False)
        self.brief_button.clicked.connect(self.brief_requested)
        self.tree_model = QStandardItemModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.tree_model)
        self.tree.setHeaderHidden(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("readerSplitter")
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.text)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([260, 780])
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        actions = QVBoxLayout()  # stacked: side by side they would widen the window's minimum
        actions.addWidget(self.copy_button)
        actions.addWidget(self.brief_button)
        top.addLayout(actions)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self.tree.selectionModel().currentChanged.connect(self._clause_chosen)
        self.text.anchorClicked.connect(self._link_clicked)
        self.copy_button.clicked.connect(self.copy_current_clause)
        self.show_placeholder()

    def show_placeholder(self) -> None:
        self.detail = None
        self.brief_button.setEnabled(False)
        self.title.setText(self.tr("在左侧文库中选择一份文件"))
        self.tree_model.clear()
        self.text.clear()
        self.copy_button.setEnabled(False)

    # --- showing -----------------------------------------------------------------

    def show_document(self, doc_id: str, clause_id: str | None = None, highlight: str | None = None) -> bool:
        detail = self.library.document(doc_id, dt.date.today())
        if detail is None:
            self.show_placeholder()
            return False
        self.detail = detail
        info = detail.info
        meta = " · ".join(
            p
            for p in (
                info.doc_number,
                info.issuer,
                info.issued.isoformat() if info.issued else None,
                status_label(info.status),
            )
            if p
        )
        self.title.setText(
            f"<b>{html.escape(info.title)}</b><br><span style='color:#555'>{html.escape(meta)}</span>"
        )
        self._fill_tree(detail)
        self.text.setHtml(self._document_html(detail, clause_id, highlight))
        self.copy_button.setEnabled(True)
        self.brief_button.setEnabled(True)
        if clause_id:
            self.select_clause(clause_id)
        return True

    def _fill_tree(self, detail: DocumentDetail) -> None:
        self.tree_model.clear()
        items: dict[str, QStandardItem] = {}
        for clause in detail.clauses:
            label = (
                clause.label
                if clause.marker
                else {ClauseKind.PREAMBLE: self.tr("文件头"), ClauseKind.SIGNATURE: self.tr("落款")}.get(
                    clause.kind, clause.body[:16]
                )
            )
            item = QStandardItem(label)
            item.setData(clause.id, CLAUSE_ID_ROLE)
            item.setToolTip(f"{clause.path}  {label}")
            parent = items.get(clause.parent_id or "")
            (parent or self.tree_model.invisibleRootItem()).appendRow(item)
            items[clause.id] = item
        self.tree.expandToDepth(0)

    def _document_html(self, detail: DocumentDetail, current: str | None, highlight: str | None) -> str:
        from workbench.core.corpus.clause_parser import responsible_units

        refs = [r for r in detail.references]
        parts = ["<html><body style='line-height:150%'>"]
        for clause in detail.clauses:
            indent = max(clause.level - 1, 0) * 16
            background = "background-color:#fff6cc;" if clause.id == current else ""
            parts.append(
                f"<a name='{anchor_for(clause.id)}'></a><div style='margin-left:{indent}px;{background}'>"
            )
            if clause.marker or clause.heading:
                weight = "bold" if clause.level <= 2 else "normal"
                parts.append(
                    f"<p style='font-weight:{weight}'>{_esc(clause.marker)}{_esc(clause.heading)}</p>"
                )
            for paragraph in clause.body.split("\n") if clause.body else []:
                text = self._linkify(_esc(paragraph), refs)
                if highlight and clause.id == current:
                    text = text.replace(
                        _esc(highlight), f"<span style='background-color:#ffd54f'>{_esc(highlight)}</span>"
                    )
                parts.append(f"<p>{text}</p>")
            if clause.responsible:
                tags = "".join(
                    f"<span style='background-color:#e3ecf7;color:#1d3f6e'>&nbsp;{_esc(u)}&nbsp;</span> "
                    for u in responsible_units(clause.responsible)
                )
                label = self.tr("责任单位")
                parts.append(f"<p>{label}：{tags}</p>")
            parts.append("</div>")
        parts.append("</body></html>")
        return "".join(parts)

    def _linkify(self, escaped: str, refs) -> str:  # type: ignore[no-untyped-def]
        for ref in refs:
            shown = _esc(ref.value if ref.kind == "doc_number" else f"《{ref.value}》")
            if shown not in escaped:
                continue
            if ref.target_id:
                link = f"<a href='doc:{ref.target_id}'>{shown}</a>"
            else:
                missing = self.tr("［文库中无此文件］")
                link = f"{shown}<span style='color:#b3261e'>{missing}</span>"
            escaped = escaped.replace(shown, link, 1)
        return escaped

    # --- interaction -------------------------------------------------------------

    def _clause_chosen(self, current, _previous) -> None:  # type: ignore[no-untyped-def]
        clause_id = current.data(CLAUSE_ID_ROLE)
        if clause_id:
            self.text.scrollToAnchor(anchor_for(clause_id))

    def select_clause(self, clause_id: str) -> bool:
        for item in _walk(self.tree_model.invisibleRootItem()):
            if item.data(CLAUSE_ID_ROLE) == clause_id:
                index = item.index()
                self.tree.setCurrentIndex(index)
                self.tree.scrollTo(index)
                self.text.scrollToAnchor(anchor_for(clause_id))
                return True
        return False

    def current_clause(self) -> Clause | None:
        if self.detail is None:
            return None
        clause_id = self.tree.currentIndex().data(CLAUSE_ID_ROLE)
        return next((c for c in self.detail.clauses if c.id == clause_id), None)

    def copy_current_clause(self) -> str | None:
        clause = self.current_clause()
        if clause is None or self.detail is None:
            return None
        text = f"{clause.text}\n——{citation(self.detail, clause)}"
        QGuiApplication.clipboard().setText(text)
        return text

    def _link_clicked(self, url: QUrl) -> None:
        if url.scheme() == "doc":
            self.open_document.emit(url.path())


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _walk(item: QStandardItem):  # type: ignore[no-untyped-def]
    for row in range(item.rowCount()):
        child = item.child(row)
        yield child
        yield from _walk(child)
