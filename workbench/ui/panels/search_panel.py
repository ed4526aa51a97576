"""Search: a query box always at hand, filters, and hits with highlighted snippets."""

from __future__ import annotations

import datetime as dt
import html
from functools import partial
from typing import TYPE_CHECKING, Any, cast

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
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
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
LITERAL_MARK = "#ffd54f"  # a query word as written
SYNONYM_MARK = "#b3e5fc"  # a synonym of a query word
MENU_HISTORY = 12  # recent searches shown in the menu


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
        self.memory_button = QToolButton()
        self.memory_button.setText(self.tr("检索记录"))
        self.memory_button.setToolTip(self.tr("保存检索、重新运行已保存的检索、最近检索、同义词"))
        self.memory_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.memory_menu = QMenu(self.memory_button)
        self.memory_menu.aboutToShow.connect(self._fill_memory_menu)
        self.memory_button.setMenu(self.memory_menu)
        self.suggestion = QLabel()
        self.suggestion.setTextFormat(Qt.TextFormat.RichText)
        self.suggestion.setVisible(False)
        self.suggestion.linkActivated.connect(self.take_suggestion)
        self.suggestions: list[str] = []
        self.new_since: set[str] = set()  # clause ids new since a saved search last ran
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        query_row = QHBoxLayout()
        query_row.addWidget(self.query_box, 1)
        query_row.addWidget(self.memory_button)
        layout.addLayout(query_row)
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
        layout.addWidget(self.suggestion)
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
        as_of = cast(dt.date, self.as_of_edit.date().toPython()) if self.as_of_check.isChecked() else None
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

    def run_search(self, new_since: set[str] | None = None) -> None:
        """Search for the box's text with the chosen filters; ``new_since`` marks hits
        that a saved search had not found before."""
        from workbench.core.search.service import query_to_json

        self.timer.stop()
        query = self.current_query()
        self.model.clear()
        self.new_since = new_since or set()
        if not query.text.strip():
            self.results = []
            self.summary.setText("")
            self.suggestion.setVisible(False)
            self.brief_button.setEnabled(False)
            return
        response = self.search.search(query)
        self.search.memory.record(query_to_json(query))
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
        if response.results and 0 < response.complete < response.total:
            found += self.tr("（{0} 条包含全部检索词）").format(response.complete)
        if self.new_since:
            found += self.tr("；自上次运行以来新增 {0} 条").format(len(self.new_since))
        self.summary.setText("；".join([found, *notes]))
        self.suggestions = list(response.suggestions)
        if self.suggestions:
            links = "、".join(f"<a href='{k}'>{html.escape(s)}</a>" for k, s in enumerate(self.suggestions))
            self.suggestion.setText(self.tr("您是不是要找：{0}").format(links))
        self.suggestion.setVisible(bool(self.suggestions))
        self.brief_button.setEnabled(bool(self.results))

    def take_suggestion(self, key: str) -> None:
        """Search for a did-you-mean the person chose (never applied on its own)."""
        try:
            text = self.suggestions[int(key)]
        except (ValueError, IndexError):
            return
        self.query_box.setText(text)
        self.run_search()

    # --- saved searches and history --------------------------------------------

    def _fill_memory_menu(self) -> None:
        from workbench.core.search.service import query_to_json

        menu = self.memory_menu
        menu.clear()
        save = menu.addAction(self.tr("保存此检索…"), self.ask_save_search)
        save.setEnabled(bool(self.query_box.text().strip()))
        memory = self.search.memory
        if memory.saved:
            menu.addSection(self.tr("已保存的检索"))
            for saved in memory.saved:
                action = menu.addAction(saved.name, partial(self.run_saved, saved.name))
                action.setToolTip(str(saved.query.get("text", "")))
            remove = menu.addMenu(self.tr("删除已保存的检索"))
            for saved in memory.saved:
                remove.addAction(saved.name, partial(self.remove_saved, saved.name))
        current = query_to_json(self.current_query())
        recent = [h for h in memory.history if h.query != current][:MENU_HISTORY]
        if recent:
            menu.addSection(self.tr("最近检索"))
            for entry in recent:
                menu.addAction(self._describe(entry.query), partial(self.apply_query, entry.query))
            menu.addAction(self.tr("清除检索历史"), memory.clear_history)
        menu.addSeparator()
        menu.addAction(self.tr("同义词…"), self.edit_synonyms)

    def _describe(self, query: dict[str, Any]) -> str:
        filters = [str(v) for k, v in query.items() if k not in ("text", "doc_ids") and v]
        if query.get("doc_ids"):
            filters.append(self.tr("{0} 个文件").format(len(query["doc_ids"])))
        text = str(query.get("text", ""))
        return f"{text}（{'，'.join(filters)}）" if filters else text

    def ask_save_search(self) -> None:
        name, ok = QInputDialog.getText(
            self, self.tr("保存检索"), self.tr("名称："), text=self.query_box.text().strip()
        )
        if ok:
            self.save_search(name)

    def save_search(self, name: str) -> bool:
        """Save the current query and filters under ``name`` with the clauses it finds now."""
        from workbench.core.search.saved import SavedSearchError
        from workbench.core.search.service import query_to_json

        query = self.current_query()
        found = [r.clause_id for r in self.search.search(query).results]
        try:
            self.search.memory.save(name, query_to_json(query), found)
        except (SavedSearchError, OSError) as e:
            QMessageBox.warning(self, self.tr("保存检索"), self.tr("未能保存检索：{0}").format(e))
            return False
        return True

    def run_saved(self, name: str) -> set[str]:
        """Rerun a saved search with its filters; the hits new since it last ran are marked."""
        from workbench.core.search.service import query_from_json

        entry = self.search.memory.get(name)
        if entry is None:
            return set()
        self.apply_query(entry.query, run=False)
        found = [r.clause_id for r in self.search.search(query_from_json(entry.query, limit=50)).results]
        new = self.search.memory.rerun(name, found)
        self.run_search(new_since=new)
        return new

    def remove_saved(self, name: str) -> None:
        self.search.memory.remove(name)

    def apply_query(self, query: dict[str, Any], run: bool = True) -> None:
        """Put a saved or recent query with its filters into the form (and run it)."""
        boxes = (
            (self.level_box, query.get("level")),
            (self.region_box, query.get("region")),
            (self.status_box, query.get("status")),
            (self.issuer_box, query.get("issuer")),
            (self.year_box, query.get("year")),
        )
        doc_ids = query.get("doc_ids") or []
        widgets = [b for b, _ in boxes] + [self.doc_box, self.query_box, self.as_of_check, self.as_of_edit]
        for w in widgets:
            w.blockSignals(True)
        try:
            for box, value in boxes:
                box.setCurrentIndex(max(box.findData(value), 0) if value is not None else 0)
            self.doc_box.setCurrentIndex(
                max(self.doc_box.findData(doc_ids[0]), 0) if len(doc_ids) == 1 else 0
            )
            self.query_box.setText(str(query.get("text", "")))
            as_of = query.get("as_of")
            self.as_of_check.setChecked(bool(as_of))
            self.as_of_edit.setEnabled(bool(as_of))
            if as_of:
                self.as_of_edit.setDate(QDate.fromString(as_of, "yyyy-MM-dd"))
        finally:
            for w in widgets:
                w.blockSignals(False)
        self.timer.stop()
        if run:
            self.run_search()

    def edit_synonyms(self) -> None:
        dialog = SynonymsDialog(self.search, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.run_search()

    def _html(self, r: Result) -> str:
        synonyms = set(r.synonym_marks)
        out: list[str] = []
        at = 0
        for a, b in r.marks:
            colour = SYNONYM_MARK if (a, b) in synonyms else LITERAL_MARK
            out.append(html.escape(r.snippet[at:a]))
            out.append(f"<span style='background-color:{colour}'>{html.escape(r.snippet[a:b])}</span>")
            at = b
        out.append(html.escape(r.snippet[at:]))
        snippet = "".join(out)
        new = (
            f"<span style='color:#2e7d32'><b>{html.escape(self.tr('新'))}</b></span> "
            if r.clause_id in self.new_since
            else ""
        )
        head = (
            f"{new}<b>{html.escape(r.doc_title)}</b> "
            f"<span style='color:#555'>{html.escape(r.path)} {html.escape(r.heading)}</span>"
        )
        notes = []
        via = [w for w in r.words if w.how == "synonym"]
        if via:
            pairs = "、".join(f"{w.word}→{w.via}" for w in via)
            notes.append(
                f"<span style='background-color:{SYNONYM_MARK}'>"
                f"{html.escape(self.tr('同义词：{0}').format(pairs))}</span>"
            )
        if r.missing:
            notes.append(
                f"<span style='color:#b71c1c'>{html.escape(self.tr('缺少：{0}').format('、'.join(r.missing)))}</span>"
            )
        tail = f"<br><small>{'　'.join(notes)}</small>" if notes else ""
        return f"{head}<br>{snippet}{tail}"

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


class SynonymsDialog(QDialog):
    """The person's own synonym groups, one a line, added to the bundled thesaurus."""

    def __init__(self, search: SearchService, parent: QWidget | None = None) -> None:
        from workbench.core.search.thesaurus import format_user_text

        super().__init__(parent)
        self.search = search
        self.setWindowTitle(self.tr("检索同义词"))
        note = QLabel(
            self.tr(
                "每行一组同义词，词语之间用空格或顿号分隔，例如：奖励 奖补 补助。"
                "这些组加在内置的政策同义词表之后；检索时按同义词找到的结果排在字面匹配之后并单独标出。"
            )
        )
        note.setWordWrap(True)
        self.editor = QPlainTextEdit()
        try:
            groups = search.user_synonyms()
        except ValueError as e:  # ThesaurusError: the file is damaged; show it, start empty
            groups = []
            note.setText(note.text() + "\n" + self.tr("同义词文件无法读取：{0}").format(e))
        self.editor.setPlainText(format_user_text(groups))
        self.error = QLabel()
        self.error.setStyleSheet("color:#b71c1c")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(420, 320)

    def save(self) -> bool:
        from workbench.core.search.thesaurus import parse_user_text

        try:
            self.search.set_user_synonyms(parse_user_text(self.editor.toPlainText()))
        except (ValueError, OSError) as e:
            self.error.setText(self.tr("未能保存：{0}").format(e))
            return False
        self.accept()
        return True
