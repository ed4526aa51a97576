"""申报核对: a subsidy application checked against a policy's rules, as you type.

Profile first, then the awards grouped by clause (a tree), and for the chosen
award its claim, every condition with the clause text it rests on, a three-state
badge and an evidence slot; a live total with the annual cap at the bottom.
Every edit changes a working copy of the application and re-evaluates it at
once (what-if); 保存 (Ctrl+S) stores it as a new revision.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.core.checklist.application_file import (
    Answer,
    Application,
    ApplicationFileError,
    Claim,
    OtherClaim,
)
from workbench.core.checklist.applications import (
    ApplicationError,
    ApplicationService,
    EvidenceFile,
    EvidenceSlot,
    StaleRevisionError,
)
from workbench.core.checklist.comparison import Comparison, compare_evaluations
from workbench.core.checklist.engine import evaluate_application
from workbench.core.checklist.phrases import REASON_TEXT, describe, format_yuan
from workbench.core.checklist.results import ConditionResult, Evaluation, ItemResult, State, best_state
from workbench.core.checklist.rules import AwardItem, Condition, ConditionKind, ItemKind, RuleSet, rules_by_id
from workbench.core.values import parse_amount, parse_day
from workbench.ui.labels import check_state_label, what_if_change_label
from workbench.ui.subscriptions import listen

ClauseText = Callable[[str], str | None]
RESULT_ROLE = Qt.ItemDataRole.UserRole + 1
STATE_COLOURS = {State.ELIGIBLE: "#1b7f3b", State.INELIGIBLE: "#b3261e", State.NEEDS_INFO: "#a15c00"}
DEFAULT_RULES = "hunan-biomedicine-2026"


state_label = check_state_label


def reason_text(code: str, params: Any) -> str:
    """The core's phrasing table, through Qt's translator (context ``eligibility``)."""
    table = {code: QCoreApplication.translate("eligibility", REASON_TEXT.get(code, code))}
    return describe(code, params, table)


def badge_style(state: State) -> str:
    return (
        f"QLabel {{ background: {STATE_COLOURS[state]}; color: white; border-radius: 3px; padding: 1px 6"
        f"px; font-weight: bold; }}"
    )


class Badge(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumWidth(56)
        self.state: State | None = None

    def set_state(self, state: State) -> None:
        self.state = state
        self.setText(state_label(state))
        self.setStyleSheet(badge_style(state))
        self.setAccessibleName(state_label(state))


class AnswerBox(QComboBox):
    """是 / 否 / 未知 (keyboard: type 是/否, or arrow keys)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addItem(self.tr("未知"), None)
        self.addItem(self.tr("是"), True)
        self.addItem(self.tr("否"), False)

    def answer(self) -> Answer:
        value = self.currentData()
        return value if isinstance(value, bool) else None

    def set_answer(self, value: Answer) -> None:
        self.setCurrentIndex({None: 0, True: 1, False: 2}[value])


class MultiChoice(QWidget):
    """A list field: a box per value the rules name, and 其他 for any other (kept as typed,
    so a province or an activity outside the list is stated, not lost)."""

    changed = Signal()

    def __init__(self, cond: Condition, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cond = cond
        line = QHBoxLayout(self)
        line.setContentsMargins(0, 0, 0, 0)
        self.checks = [QCheckBox(v) for v in cond.values]
        for c in self.checks:
            line.addWidget(c)
            c.toggled.connect(self.changed)
        self.other = QLineEdit(placeholderText=self.tr("其他（用、分隔）"))
        self.other.setAccessibleName(self.tr("{0}：其他").format(cond.text))
        self.other.setMaximumWidth(200)
        self.other.textChanged.connect(self.changed)
        line.addWidget(self.other)

    def values(self) -> list[str]:
        chosen = [c.text() for c in self.checks if c.isChecked()]
        others = [v.strip() for v in self.other.text().replace("，", "、").replace(",", "、").split("、")]
        return chosen + [v for v in others if v and v not in chosen]

    def set_values(self, values: list[str]) -> None:
        blocked = [w.blockSignals(True) for w in (*self.checks, self.other)]
        try:
            chosen = set(values)
            for c in self.checks:
                c.setChecked(c.text() in chosen)
            self.other.setText("、".join(v for v in values if v not in self.cond.values))
        finally:
            for w, b in zip((*self.checks, self.other), blocked, strict=True):
                w.blockSignals(b)


class ConditionRow(QFrame):
    """One condition: badge, text and reason, the answer (when the applicant answers it),
    the clause text beside it, and its evidence slot."""

    def __init__(
        self,
        cond: Condition,
        clause_text: str | None,
        panel: ChecklistPanel,
        evidence_key: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.cond, self.key, self.panel = cond, evidence_key, panel
        self.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(self)
        self.badge = Badge()
        self.text = QLabel(cond.text, wordWrap=True)
        self.text.setStyleSheet("font-weight: bold;")
        self.reason = QLabel(wordWrap=True)
        self.reason.setStyleSheet("color: palette(dark);")
        left = QVBoxLayout()
        left.addWidget(self.text)
        left.addWidget(self.reason)
        grid.addWidget(self.badge, 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(left, 0, 1)
        self.answer: AnswerBox | None = None
        if cond.kind is ConditionKind.ANSWER:
            self.answer = AnswerBox()
            self.answer.setAccessibleName(cond.text)
            grid.addWidget(self.answer, 0, 2, Qt.AlignmentFlag.AlignTop)
        self.quote = QLabel(
            self.tr("〔{0}〕{1}").format(cond.citation.clause_id.split(":", 1)[-1], cond.citation.quote),
            wordWrap=True,
        )
        self.quote.setStyleSheet("color: #37474f; background: #f3f5f7; padding: 4px;")
        self.quote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if clause_text:
            self.quote.setToolTip(clause_text)
        if cond.reading:
            self.quote.setToolTip(
                (clause_text + "\n\n" if clause_text else "") + self.tr("解读：{0}").format(cond.reading.text)
            )
        grid.addWidget(self.quote, 0, 3)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 4)
        self.note: QLineEdit | None = None
        self.files_label: QLabel | None = None
        self.attach_button: QPushButton | None = None
        if cond.evidence:
            evidence = QHBoxLayout()
            self.evidence_mark = QLabel()
            self.note = QLineEdit(placeholderText=self.tr("证明材料说明：{0}").format(cond.evidence))
            self.note.setAccessibleName(self.tr("证明材料说明"))
            self.attach_button = QPushButton(self.tr("附加文件…"))
            self.attach_button.clicked.connect(lambda: panel.choose_evidence_file(self.key))
            self.files_label = QLabel()
            self.remove_button = QPushButton(self.tr("移除文件…"))
            self.remove_button.clicked.connect(self._choose_file_to_remove)
            self.remove_button.setVisible(False)
            self.files: tuple[EvidenceFile, ...] = ()
            evidence.addWidget(self.evidence_mark)
            evidence.addWidget(self.note, 2)
            evidence.addWidget(self.attach_button)
            evidence.addWidget(self.files_label, 1)
            evidence.addWidget(self.remove_button)
            grid.addLayout(evidence, 1, 1, 1, 3)

    def show_result(self, result: ConditionResult | None) -> None:
        if result is None:
            return
        self.badge.set_state(result.state)
        self.reason.setText(reason_text(result.reason, result.params))

    def show_evidence(self, slot: EvidenceSlot | None, note: str) -> None:
        if self.files_label is None:
            return
        files = slot.files if slot else ()
        present = bool(note.strip()) or any(f.present for f in files)
        self.evidence_mark.setText(self.tr("✔ 材料已有") if present else self.tr("✘ 材料缺少"))
        self.evidence_mark.setStyleSheet(
            f"color: {STATE_COLOURS[State.ELIGIBLE if present else State.INELIGIBLE]};"
        )
        parts = [
            (f.file_name if f.present else self.tr("{0}（文件缺失）").format(f.file_name)) for f in files
        ]
        self.files_label.setText("；".join(parts))
        self.files = tuple(files)
        self.remove_button.setVisible(bool(files))

    def _choose_file_to_remove(self) -> None:
        menu = QMenu(self)
        for f in self.files:
            menu.addAction(f.file_name, functools.partial(self.panel.remove_evidence, f.id))
        menu.exec(self.remove_button.mapToGlobal(self.remove_button.rect().bottomLeft()))


class ChecklistPanel(QWidget):
    """The panel gets its service in its constructor; it never reaches into the store."""

    evaluated = Signal(object)  # the Evaluation after every change
    saved = Signal(str)  # application id
    brief_requested = Signal()  # the dossier of the application in the form, as a PDF

    def __init__(
        self,
        service: ApplicationService,
        clause_text: ClauseText | None = None,
        rules: RuleSet | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.clause_text: ClauseText = clause_text or (lambda _cid: None)
        rules = rules or rules_by_id(DEFAULT_RULES)
        assert rules is not None, "the bundled rules are part of the program"
        self.rules: RuleSet = rules
        self.app_id: str | None = None
        self.revision = 0
        self.application = self._blank()
        self.dirty = False
        self.evaluation: Evaluation | None = None
        self.current_key: str | None = None  # item id or claim id shown on the right
        self._loading = False
        self.condition_rows: list[ConditionRow] = []
        # The evidence files of the application on show, read when an item is shown or the
        # store changes, not on every keystroke (reading them hashes every stored copy).
        self._slots: tuple[str, dict[str, EvidenceSlot]] | None = None
        self._build()
        listen(self, service.changed, self._service_changed)
        self.refresh_list()
        self._load_into_form()

    # -- building

    def _build(self) -> None:
        # Everything scrolls as one: the panel must fit a narrow tab beside the docks.
        body = QWidget()
        scroll = QScrollArea(widgetResizable=True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        wrapper = QVBoxLayout(self)
        wrapper.setContentsMargins(0, 0, 0, 0)
        wrapper.addWidget(scroll)
        outer = QVBoxLayout(body)
        bar = QHBoxLayout()
        self.app_box = QComboBox()
        self.app_box.setAccessibleName(self.tr("已保存的申报"))
        self.app_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.app_box.setMinimumContentsLength(16)
        self.new_button = QPushButton(self.tr("新建(&N)"))
        self.import_button = QPushButton(self.tr("导入文件(&O)…"))
        self.save_button = QPushButton(self.tr("保存(&S)"))
        self.export_button = QPushButton(self.tr("导出(&X)…"))
        self.history_button = QPushButton(self.tr("历史版本(&R)…"))
        self.trace_button = QPushButton(self.tr("评估过程(&G)…"))
        self.brief_button = QPushButton(self.tr("PDF 申报材料…"))
        self.brief_button.setToolTip(self.tr("为当前内容生成 PDF 简报，预览后保存或打印（Ctrl+E）"))
        self.brief_button.clicked.connect(self.brief_requested)
        self.as_of = QDateEdit(calendarPopup=True)  # type: ignore[call-overload]  # signal keyword
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.as_of.setAccessibleName(self.tr("评估日期"))
        self.dirty_label = QLabel()
        self.forecast_box = QCheckBox(self.tr("预测"))
        self.forecast_box.setToolTip(
            self.tr("把评估日之后的日期（尚未取得的批件等）按预计取得计入；不勾选时这些事项为待补充")
        )
        bar.addWidget(QLabel(self.tr("申报：")))
        bar.addWidget(self.app_box, 1)
        bar.addWidget(self.dirty_label)
        bar.addWidget(QLabel(self.tr("评估日期：")))
        bar.addWidget(self.as_of)
        bar.addWidget(self.forecast_box)
        outer.addLayout(bar)
        buttons = QHBoxLayout()
        for b in (
            self.new_button,
            self.import_button,
            self.save_button,
            self.export_button,
            self.history_button,
            self.trace_button,
            self.brief_button,
        ):
            buttons.addWidget(b)
        buttons.addStretch(1)
        outer.addLayout(buttons)

        # profile first
        profile = QGroupBox(self.tr("申报单位"))
        form = QFormLayout(profile)
        self.name_edit = QLineEdit()
        self.org_edit = QLineEdit()
        self.credit_edit = QLineEdit()
        form.addRow(self.tr("申报名称"), self.name_edit)
        row = QHBoxLayout()
        row.addWidget(self.org_edit, 2)
        row.addWidget(QLabel(self.tr("统一社会信用代码")))
        row.addWidget(self.credit_edit, 1)
        form.addRow(self.tr("单位名称"), row)
        self.profile_fields: dict[str, QComboBox | MultiChoice] = {}
        self.scope_answers: dict[str, AnswerBox] = {}
        self.scope_badges: dict[str, Badge] = {}
        for cond in self.rules.scope:
            line = QHBoxLayout()
            badge = Badge()
            self.scope_badges[cond.id] = badge
            line.addWidget(badge)
            if cond.kind is ConditionKind.ANSWER:
                box = AnswerBox()
                box.setAccessibleName(cond.text)
                self.scope_answers[cond.id] = box
                line.addWidget(box)
            elif cond.kind is ConditionKind.FIELD_IN and cond.multiple:
                choice = MultiChoice(cond)
                self.profile_fields[cond.id] = choice
                line.addWidget(choice)
            else:
                combo = QComboBox(editable=True)
                combo.addItem("")
                combo.addItems(list(cond.values))
                combo.setAccessibleName(cond.text)
                self.profile_fields[cond.id] = combo
                line.addWidget(combo)
            line.addStretch(1)
            label = QLabel(cond.text, wordWrap=True)
            tip = f"〔{cond.citation.clause_id}〕{cond.citation.quote}"
            if cond.reading:
                tip += "\n" + self.tr("解读：{0}").format(cond.reading.text)
            label.setToolTip(tip)
            form.addRow(label, line)
        outer.addWidget(profile)

        split = QSplitter(Qt.Orientation.Horizontal)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(
            [self.tr("奖补事项（按条款）"), self.tr("状态"), self.tr("最高"), self.tr("计入")]
        )
        self.tree.setColumnWidth(0, 300)
        # wide enough for the longest state word in the interface language (Needs information)
        words = [state_label(state) for state in State] + [self.tree.headerItem().text(1)]
        self.tree.setColumnWidth(1, max(self.fontMetrics().horizontalAdvance(w) for w in words) + 16)
        self.tree.setColumnWidth(2, 80)
        self.tree.setAccessibleName(self.tr("奖补事项"))
        split.addWidget(self.tree)
        detail_scroll = QScrollArea(widgetResizable=True)
        self.detail = QWidget()
        self.detail_layout = QVBoxLayout(self.detail)
        detail_scroll.setWidget(self.detail)
        split.addWidget(detail_scroll)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([560, 840])
        self.splitter = split
        outer.addWidget(split, 1)

        self.total_label = QLabel(wordWrap=True)
        self.total_label.setObjectName("checklistTotal")
        self.total_label.setStyleSheet(
            "QLabel#checklistTotal { font-size: 14px; padding: 6px; border-top: 1px solid #999; }"
        )
        outer.addWidget(self.total_label)

        # what-if: the working copy beside the application as opened or saved
        self.what_if_box = QGroupBox(self.tr("试算对比（与原申报比较）"))
        what_if = QVBoxLayout(self.what_if_box)
        self.what_if_summary = QLabel(wordWrap=True)
        self.what_if_claims = QTableWidget(0, 5)
        self.what_if_claims.setHorizontalHeaderLabels(
            [self.tr("申报"), self.tr("改动"), self.tr("原申报"), self.tr("试算"), self.tr("增减")]
        )
        self.what_if_years = QTableWidget(0, 6)
        self.what_if_years.setHorizontalHeaderLabels(
            [
                self.tr("年度"),
                self.tr("原申报·上限前"),
                self.tr("原申报·上限后"),
                self.tr("试算·上限前"),
                self.tr("试算·上限后"),
                self.tr("增减"),
            ]
        )
        for table in (self.what_if_claims, self.what_if_years):
            table.horizontalHeader().setStretchLastSection(True)
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            table.setTabKeyNavigation(False)
            table.verticalHeader().setVisible(False)
        self.what_if_claims.setColumnWidth(0, 160)
        self.what_if_claims.setColumnWidth(1, 140)
        self.what_if_claims.setColumnWidth(2, 300)
        self.what_if_claims.setColumnWidth(3, 300)
        for column in range(5):
            self.what_if_years.setColumnWidth(column, 150)
        what_if.addWidget(self.what_if_summary)
        what_if.addWidget(self.what_if_claims)
        what_if.addWidget(self.what_if_years)
        self.what_if_box.setVisible(False)
        outer.addWidget(self.what_if_box)
        self.original: Application | None = None  # the application as opened or last saved
        self.comparison: Comparison | None = None

        self.new_button.clicked.connect(self.new_application)
        self.import_button.clicked.connect(self.choose_import_file)
        self.save_button.clicked.connect(self.save)
        self.export_button.clicked.connect(self.choose_export_file)
        self.history_button.clicked.connect(self.show_history)
        self.trace_button.clicked.connect(self.show_trace)
        self.app_box.activated.connect(self._app_chosen)
        self.as_of.dateChanged.connect(self._form_changed)
        self.forecast_box.toggled.connect(lambda _on: self.reevaluate())
        for w in (self.name_edit, self.org_edit, self.credit_edit):
            w.textChanged.connect(self._form_changed)
        for field in self.profile_fields.values():
            if isinstance(field, MultiChoice):
                field.changed.connect(self._form_changed)
            else:
                field.currentTextChanged.connect(self._form_changed)
        for box in self.scope_answers.values():
            box.currentIndexChanged.connect(self._form_changed)
        self.tree.currentItemChanged.connect(self._tree_moved)
        self.tree.itemActivated.connect(lambda *_: self._activate_current())
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)  # type: ignore[call-overload]  # signal keyword
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.claim_current_item)  # type: ignore[call-overload]  # signal keyword
        QShortcut(QKeySequence("Ctrl+L"), self, activated=lambda: self.tree.setFocus())  # type: ignore[call-overload]  # signal keyword
        # The keys, where a user looks for them (the buttons' Alt+letter is underlined).
        self.save_button.setToolTip(self.tr("保存为新版本（Ctrl+S）"))
        self.tree.setToolTip(
            self.tr(
                "回到奖补事项：Ctrl+L；Enter 申报所选事项或进入其表单；Ctrl+Enter 再申报一项；Tab 进入条件和证明材料"
            )
        )

    # -- the application in the form

    def _blank(self) -> Application:
        return Application(rules_id=self.rules.id, name=self.tr("新的申报"), as_of=dt.date.today())

    def _load_into_form(self) -> None:
        self._loading = True
        try:
            app = self.application
            self.name_edit.setText(app.name)
            self.org_edit.setText(str(app.profile.get("name", "")))
            self.credit_edit.setText(str(app.profile.get("credit_code", "")))
            day = app.as_of or dt.date.today()
            self.as_of.setDate(QDate(day.year, day.month, day.day))
            for cond in self.rules.scope:
                key = (cond.field or "").partition(".")[2]
                field = self.profile_fields.get(cond.id)
                value = app.profile.get(key)
                if isinstance(field, MultiChoice):
                    field.set_values([str(v) for v in value] if isinstance(value, list | tuple) else [])
                elif field is not None:
                    field.setCurrentText(str(value or ""))
                if cond.id in self.scope_answers:
                    self.scope_answers[cond.id].set_answer(app.answers.get(cond.id))
        finally:
            self._loading = False
        self._rebuild_tree()
        self.reevaluate()

    def _profile_from_form(self) -> Application:
        app = self.application
        profile = dict(app.profile)
        profile["name"] = self.org_edit.text().strip()
        profile["credit_code"] = self.credit_edit.text().strip()
        for cond in self.rules.scope:
            key = (cond.field or "").partition(".")[2]
            field = self.profile_fields.get(cond.id)
            if isinstance(field, MultiChoice):
                profile[key] = field.values()
            elif field is not None:
                profile[key] = field.currentText().strip()
        profile = {k: v for k, v in profile.items() if v not in ("", [], None)}
        answers = {k: box.answer() for k, box in self.scope_answers.items()}
        qd = self.as_of.date()
        return dataclasses.replace(
            app,
            name=self.name_edit.text().strip(),
            profile=profile,
            answers=answers,
            as_of=dt.date(qd.year(), qd.month(), qd.day()),
        )

    def _form_changed(self, *_: object) -> None:
        if self._loading:
            return
        self.set_application(self._profile_from_form())

    def set_application(self, application: Application, *, dirty: bool = True) -> None:
        """Replace the working copy and re-evaluate it at once."""
        claims_changed = {(c.id, c.item) for c in application.claims} != {
            (c.id, c.item) for c in self.application.claims
        }
        self.application = application
        self.dirty = dirty
        if claims_changed:
            self._rebuild_tree()
        self.reevaluate()

    def reevaluate(self) -> Evaluation:
        self.evaluation = evaluate_application(
            self.rules, self.application, forecast=self.forecast_box.isChecked()
        )
        self._show_evaluation()
        self._show_what_if()
        self.evaluated.emit(self.evaluation)
        return self.evaluation

    # -- what-if

    def what_if_original(self) -> Application | None:
        """The application as opened or saved, when the form holds a changed copy of it (a what-if)."""
        if self.original is None or self.original == self.application:
            return None
        return self.original

    def _show_what_if(self) -> None:
        original = self.what_if_original()
        if original is None or self.evaluation is None:
            self.comparison = None
            self.what_if_box.setVisible(False)
            return
        # both on the form's evaluation date: the comparison shows what the claims change
        before = evaluate_application(
            self.rules, original, self.evaluation.as_of, forecast=self.evaluation.forecast
        )
        c = self.comparison = compare_evaluations(before, self.evaluation)
        delta = c.total_delta
        self.what_if_summary.setText(
            self.tr("奖补合计（适用上限后）：原申报 {0}，试算 {1}，{2} {3}").format(
                format_yuan(c.original.total_after_cap),
                format_yuan(c.what_if.total_after_cap),
                self.tr("增加") if delta >= 0 else self.tr("减少"),
                format_yuan(abs(delta)),
            )
            + (
                self.tr("；另改了：{0}").format("、".join(what_if_change_label(x) for x in c.other_changes))
                if c.other_changes
                else ""
            )
        )

        def side(r: ItemResult | None) -> str:
            if r is None:
                return "—"
            amount = (
                self.tr("比例未定，最高 {0}").format(format_yuan(r.max_amount))
                if r.ceiling_only
                else format_yuan(r.amount)
            )
            return f"{r.item.title}：{state_label(r.state)}，{amount}"

        def signed(value: int) -> str:
            return ("+" if value > 0 else "−" if value < 0 else "") + format_yuan(abs(value))

        changed = c.changed_claims
        self.what_if_claims.setRowCount(len(changed))
        for row, cc in enumerate(changed):
            words = "、".join(what_if_change_label(x) for x in cc.changes)
            cells = [cc.title, words or self.tr("受其他改动影响"), side(cc.original), side(cc.what_if)]
            cells.append(signed(cc.amount_delta))
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.what_if_claims.setItem(row, column, cell)
        rows = [
            (
                self.tr("{0} 年").format(y.year),
                y.original_before_cap,
                y.original_after_cap,
                y.what_if_before_cap,
                y.what_if_after_cap,
                y.delta,
                (y.original_cap_applied, y.what_if_cap_applied),
            )
            for y in c.years
        ]
        rows.append(
            (
                self.tr("合计"),
                c.original.total_before_cap,
                c.original.total_after_cap,
                c.what_if.total_before_cap,
                c.what_if.total_after_cap,
                delta,
                (False, False),
            )
        )
        self.what_if_years.setRowCount(len(rows))
        for row, (label, ob, oa, wb, wa, d, capped) in enumerate(rows):
            for column, text in enumerate(
                [label, format_yuan(ob), format_yuan(oa), format_yuan(wb), format_yuan(wa), signed(d)]
            ):
                cell = QTableWidgetItem(text)
                if (column == 2 and capped[0]) or (column == 4 and capped[1]):
                    cell.setForeground(QBrush(QColor(STATE_COLOURS[State.INELIGIBLE])))
                    cell.setToolTip(self.tr("适用每年上限"))
                self.what_if_years.setItem(row, column, cell)
        for table in (self.what_if_claims, self.what_if_years):
            height = table.horizontalHeader().height() + 4
            height += sum(table.rowHeight(r) for r in range(table.rowCount()))
            table.setFixedHeight(height)
        self.what_if_box.setVisible(True)

    # -- the tree of items

    def _rebuild_tree(self) -> None:
        keep = self.current_key
        self.tree.blockSignals(True)
        self.tree.clear()
        self.tree_items: dict[str, QTreeWidgetItem] = {}
        groups: dict[str, QTreeWidgetItem] = {}
        for item in self.rules.items:
            group = groups.get(item.clause_id)
            if group is None:
                label = item.clause_id.split(":", 1)[-1]
                group = QTreeWidgetItem([label])
                group.setToolTip(0, self.clause_text(item.clause_id) or item.quote)
                group.setFlags(group.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                self.tree.addTopLevelItem(group)
                groups[item.clause_id] = group
            claims = [c for c in self.application.claims if c.item == item.id]
            node = QTreeWidgetItem([item.title])
            node.setData(0, RESULT_ROLE, item.id)
            group.addChild(node)
            self.tree_items[item.id] = node
            for claim in claims:
                child = QTreeWidgetItem([claim.title or claim.id])
                child.setData(0, RESULT_ROLE, claim.id)
                node.addChild(child)
                self.tree_items[claim.id] = child
            node.setExpanded(True)
        self.tree.expandAll()
        self.tree.blockSignals(False)
        target = self.tree_items.get(keep or "") or next(iter(self.tree_items.values()), None)
        if target is not None:
            self.tree.setCurrentItem(target)
            self._show_detail(target.data(0, RESULT_ROLE))

    def _tree_moved(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if current is None:
            return
        key = current.data(0, RESULT_ROLE)
        if key and key != self.current_key:
            self._show_detail(key)

    def select(self, key: str) -> None:
        """Show item ``key`` (an item id) or claim ``key`` (a claim id)."""
        node = self.tree_items.get(key)
        if node is not None:
            self.tree.setCurrentItem(node)
            self._show_detail(key)

    def _result_for(self, key: str) -> ItemResult | None:
        if self.evaluation is None:
            return None
        claim = self.application.claim(key)
        if claim is not None:
            return self.evaluation.result_for_claim(key)
        results = self.evaluation.item_results(key)
        return results[0] if len(results) == 1 and results[0].claim is None else None

    def _item_state(self, item_id: str) -> tuple[State, int | None, int]:
        """An item row: the best state of its claims, its ceiling, what it counts in total."""
        assert self.evaluation is not None
        results = self.evaluation.item_results(item_id)
        best = best_state(r.state for r in results)
        ceiling = results[0].item.amount.ceiling
        return best, ceiling, sum(r.amount for r in results)

    # -- the detail of one item or claim

    def _clear_detail(self) -> None:
        while self.detail_layout.count():
            child = self.detail_layout.takeAt(0)
            widget = child.widget() if child is not None else None
            if widget is not None:
                widget.hide()  # at once: deleteLater() only runs when the event loop next turns
                widget.setParent(None)
                widget.deleteLater()
        self.condition_rows = []

    def _show_detail(self, key: str) -> None:
        self._clear_detail()
        self._slots = None
        self.current_key = key
        claim = self.application.claim(key)
        item = self.rules.item(claim.item if claim else key)
        if item is None:
            return
        header = QLabel(f"<b>{item.title}</b>")
        self.detail_badge = Badge()
        top = QHBoxLayout()
        top.addWidget(self.detail_badge)
        top.addWidget(header, 1)
        box = QWidget()
        box.setLayout(top)
        self.detail_layout.addWidget(box)
        # its own line: a multi-year award's years do not fit beside the title
        self.amount_label = QLabel(wordWrap=True)
        self.detail_layout.addWidget(self.amount_label)
        quote = QLabel(
            self.tr("〔{0}〕{1}").format(item.clause_id.split(":", 1)[-1], item.quote), wordWrap=True
        )
        quote.setStyleSheet("color: #37474f; background: #f3f5f7; padding: 4px;")
        quote.setToolTip(self.clause_text(item.clause_id) or "")
        self.detail_layout.addWidget(quote)
        self.reading_label: QLabel | None = None
        if item.amount.reading:
            # how an ambiguous passage was read, and where that reading rests
            reading = item.amount.reading
            self.reading_label = QLabel(
                self.tr("解读：{0}〔{1}〕").format(
                    reading.text, reading.citation.clause_id.split(":", 1)[-1]
                ),
                wordWrap=True,
            )
            self.reading_label.setStyleSheet("color: #5d4037; font-style: italic;")
            self.reading_label.setToolTip(reading.citation.quote)
            self.detail_layout.addWidget(self.reading_label)
        self.claim_form: ClaimForm | None = None
        if claim is None:
            self.claim_button = QPushButton(self.tr("申报此项(&A)"))
            self.claim_button.setToolTip(self.tr("申报此项（Enter 或 Ctrl+Enter）"))
            self.claim_button.clicked.connect(self.claim_current_item)
            self.detail_layout.addWidget(self.claim_button)
        else:
            self.claim_form = ClaimForm(item, claim, self)
            # Fixed height: in the scroll area it must never be squeezed below its rows
            self.claim_form.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            self.detail_layout.addWidget(self.claim_form)
        prefix = claim.id if claim else item.id
        for cond in item.conditions:
            row = ConditionRow(cond, self.clause_text(cond.citation.clause_id), self, f"{prefix}:{cond.id}")
            if row.answer is not None:
                row.answer.set_answer(claim.answers.get(cond.id) if claim else None)
                row.answer.setEnabled(claim is not None)
                row.answer.currentIndexChanged.connect(
                    lambda _i, c=cond.id, r=row: self._answer_changed(c, r)
                )
            if row.note is not None:
                row.note.setText(self.application.notes.get(row.key, ""))
                row.note.textChanged.connect(lambda text, k=row.key: self._note_changed(k, text))
                if row.attach_button is not None:
                    row.attach_button.setEnabled(claim is not None)
                row.note.setEnabled(claim is not None)
            self.condition_rows.append(row)
            self.detail_layout.addWidget(row)
        self.notes_label = QLabel(wordWrap=True)
        self.detail_layout.addWidget(self.notes_label)
        self.detail_layout.addStretch(1)
        # Shown now, not when the layout's queued show arrives: what is on screen is current.
        for i in range(self.detail_layout.count()):
            layout_item = self.detail_layout.itemAt(i)
            widget = layout_item.widget() if layout_item is not None else None
            if widget is not None:
                widget.show()
        self._chain_detail_after_tree()
        self._show_evaluation()

    def _chain_detail_after_tree(self) -> None:
        """Tab goes from the items straight into the claim, its conditions and their evidence:
        widgets made now would otherwise come last in the window, after the other docks."""
        previous: QWidget = self.tree
        for widget in self.detail.findChildren(QWidget):
            if (
                widget.focusPolicy() & Qt.FocusPolicy.TabFocus
                and widget.isVisibleTo(self.detail)
                and widget.focusProxy() is None
            ):
                QWidget.setTabOrder(previous, widget)
                previous = widget

    def _answer_changed(self, cond_id: str, row: ConditionRow) -> None:
        claim = self.application.claim(self.current_key or "")
        if claim is None or row.answer is None:
            return
        answers = dict(claim.answers)
        answers[cond_id] = row.answer.answer()
        self.replace_claim(dataclasses.replace(claim, answers=answers))

    def _note_changed(self, key: str, text: str) -> None:
        notes = dict(self.application.notes)
        if text.strip():
            notes[key] = text
        else:
            notes.pop(key, None)
        self.set_application(dataclasses.replace(self.application, notes=notes))

    def replace_claim(self, claim: Claim) -> None:
        claims = tuple(claim if c.id == claim.id else c for c in self.application.claims)
        self.set_application(dataclasses.replace(self.application, claims=claims))

    def claim_current_item(self) -> str | None:
        """Add a claim for the item shown (or the item of the claim shown); returns its id."""
        key = self.current_key
        if key is None:
            return None
        existing = self.application.claim(key)
        item_id = existing.item if existing else key
        n = 1
        while self.application.claim(f"{item_id}-{n}"):
            n += 1
        claim = Claim(id=f"{item_id}-{n}", item=item_id, title=self.tr("申报 {0}").format(n))
        self.current_key = claim.id
        self.set_application(dataclasses.replace(self.application, claims=(*self.application.claims, claim)))
        self.select(claim.id)
        if self.claim_form is not None:
            self.claim_form.title_edit.setFocus()
            self.claim_form.title_edit.selectAll()
        return claim.id

    def _activate_current(self) -> None:
        """Enter on an award claims it; on a claim, it moves into the claim's form."""
        if self.application.claim(self.current_key or "") is None:
            self.claim_current_item()
        elif self.claim_form is not None:
            self.claim_form.title_edit.setFocus()

    def remove_current_claim(self) -> None:
        claim = self.application.claim(self.current_key or "")
        if claim is None:
            return
        self.current_key = claim.item
        self.set_application(
            dataclasses.replace(
                self.application, claims=tuple(c for c in self.application.claims if c.id != claim.id)
            )
        )

    # -- showing the evaluation

    def _show_evaluation(self) -> None:
        e = self.evaluation
        if e is None:
            return
        for cond in e.scope:
            badge = self.scope_badges.get(cond.id.removeprefix("scope."))
            if badge is not None:
                badge.set_state(cond.state)
                badge.setToolTip(reason_text(cond.reason, cond.params))
        for key, node in getattr(self, "tree_items", {}).items():
            claim = self.application.claim(key)
            if claim is not None:
                r = e.result_for_claim(key)
                if r is None:
                    continue
                state, ceiling, counted = r.state, r.max_amount, r.amount
            else:
                state, ceiling, counted = self._item_state(key)
            node.setText(1, state_label(state))
            node.setForeground(1, QBrush(QColor(STATE_COLOURS[state])))
            item = self.rules.item(claim.item if claim else key)
            financing = item is not None and item.kind is ItemKind.FINANCING
            node.setText(
                2,
                format_yuan(ceiling)
                if ceiling is not None
                else self.tr("融资支持")
                if financing
                else self.tr("非资金"),
            )
            ceiling_only = item is not None and item.amount.ceiling_only
            node.setText(
                3,
                self.tr("比例未定") if ceiling_only else format_yuan(counted) if ceiling is not None else "",
            )
        r = self._result_for(self.current_key or "")
        if r is not None and self.condition_rows:
            self.detail_badge.set_state(r.state)
            amount = ""
            if r.ceiling_only:
                amount = self.tr("比例未定，最高 {0}（只列上限，不计入合计）").format(
                    format_yuan(r.max_amount)
                )
            elif r.max_amount is not None:

                def by_year(years: dict[int, int]) -> str:
                    parts = (
                        self.tr("{0} 年 {1}").format(y, format_yuan(v)) for y, v in sorted(years.items())
                    )
                    return "（" + "、".join(parts) + "）"

                multi = len(r.per_year) > 1
                amount = self.tr("最高 {0}{1}，计入 {2}{3}").format(
                    format_yuan(r.max_amount),
                    by_year(r.per_year) if multi else "",
                    format_yuan(r.amount),
                    by_year(r.counted_per_year)
                    if multi and r.amount and r.counted_per_year != r.per_year
                    else "",
                )
            elif r.financing_limit is not None:
                amount = self.tr("融资支持，额度上限 {0}（不计入奖补合计）").format(
                    format_yuan(r.financing_limit)
                )
            self.amount_label.setText(amount)
            by_id = {c.id: c for c in r.conditions}
            slots = self._evidence_slots()
            for row in self.condition_rows:
                row.show_result(by_id.get(row.cond.id))
                row.show_evidence(slots.get(row.key), self.application.notes.get(row.key, ""))
            general = [
                c
                for c in r.conditions
                if c.id not in {row.cond.id for row in self.condition_rows} and c.state is not State.ELIGIBLE
            ]
            lines = [
                f"{state_label(c.state)}：{reason_text(c.reason, c.params)}〔{c.citation.clause_id.split(':', 1)[-1]}〕"
                for c in general
            ]
            lines += [
                reason_text(n.code, n.params)
                + (f"〔{n.citation.clause_id.split(':', 1)[-1]}〕" if n.citation else "")
                for n in r.notes
            ]
            if r.fund:
                lines.append(self.tr("资金来源：{0}").format(r.fund.name))
            self.notes_label.setText("\n".join(lines))
        self._show_totals(e)
        self.dirty_label.setText(self.tr("● 未保存") if self.dirty else "")

    def _show_totals(self, e: Evaluation) -> None:
        if e.policy_status.value != "in_force":
            policy = next(c for c in e.items[0].conditions if c.id == "validity.in_force")
            self.total_label.setText(self.tr("合计：0 元。") + reason_text(policy.reason, policy.params))
            self.total_label.setStyleSheet(
                "QLabel#checklistTotal { color: #b3261e; font-size: 14px; padding: 6px; }"
            )
            return
        parts = []
        capped = False
        for t in e.totals:
            text = self.tr("{0} 年 {1}").format(t.year, format_yuan(t.after_cap))
            if t.cap_applied:
                capped = True
                text += self.tr("（合计 {0}，超过每年 {1} 上限〔{2}〕）").format(
                    format_yuan(t.before_cap),
                    format_yuan(t.cap),
                    t.cap_citation.clause_id.split(":", 1)[-1] if t.cap_citation else "",
                )
            if t.pending:
                text += self.tr("，另待补充 {0}").format(format_yuan(t.pending))
            if t.ceilings:
                text += self.tr("，另有比例未定、最高 {0}（不计入）").format(format_yuan(t.ceilings))
            parts.append(text)
        cap = self.rules.annual_cap
        head = self.tr("奖补合计 {0}").format(format_yuan(e.total_after_cap))
        if e.forecast:
            head = self.tr("【预测】") + head
        if cap:
            head += self.tr("（每年上限 {0}）").format(format_yuan(cap.amount))
        self.total_label.setText(head + ("：" + "；".join(parts) if parts else ""))
        self.total_label.setToolTip(f"〔{cap.citation.clause_id}〕{cap.citation.quote}" if cap else "")
        colour = STATE_COLOURS[State.INELIGIBLE] if capped else "palette(text)"
        self.total_label.setStyleSheet(
            f"QLabel#checklistTotal {{ color: {colour}; font-size: 14px; padding: 6px; border-top: 1px solid #999; }}"
        )

    def _evidence_slots(self) -> dict[str, EvidenceSlot]:
        if self.app_id is None:
            return {}
        if self._slots is None or self._slots[0] != self.app_id:
            files: dict[str, list[EvidenceFile]] = {}
            for f in self.service.evidence_files(self.app_id):
                files.setdefault(f.key, []).append(f)
            self._slots = (
                self.app_id,
                {key: EvidenceSlot(key, None, "", tuple(fs)) for key, fs in files.items()},
            )
        return self._slots[1]

    # -- saving and opening

    def refresh_list(self) -> None:
        self.app_box.blockSignals(True)
        self.app_box.clear()
        self.app_box.addItem(self.tr("（未保存的新申报）"), None)
        for s in self.service.summaries():
            self.app_box.addItem(self.tr("{0}（第 {1} 版）").format(s.name or s.id, s.revision), s.id)
        index = self.app_box.findData(self.app_id) if self.app_id else 0
        self.app_box.setCurrentIndex(max(index, 0))
        self.app_box.blockSignals(False)

    def _app_chosen(self, index: int) -> None:
        app_id = self.app_box.itemData(index)
        if app_id and app_id != self.app_id:
            if self.may_replace_form():
                self.open_application(app_id)
            else:
                self.refresh_list()  # back to the application still in the form

    def may_replace_form(self) -> bool:
        """Before another application takes the form: True when there are no unsaved
        changes, or they were saved or deliberately dropped."""
        if not self.dirty:
            return True
        choice = self.ask_about_unsaved()
        if choice == QMessageBox.StandardButton.Save:
            return self.save() is not None
        return choice == QMessageBox.StandardButton.Discard

    def ask_about_unsaved(self) -> QMessageBox.StandardButton:
        buttons = (
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("申报核对"),
            self.tr("“{0}”有未保存的修改，先保存吗？").format(self.application.name or self.tr("新申报")),
            buttons,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.button(QMessageBox.StandardButton.Save).setText(self.tr("保存(&S)"))
        box.button(QMessageBox.StandardButton.Discard).setText(self.tr("不保存(&D)"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("取消"))
        return QMessageBox.StandardButton(box.exec())

    def open_application(self, app_id: str, *, keep_selection: bool = False) -> None:
        stored = self.service.get(app_id)
        rules = rules_by_id(stored.application.rules_id)
        if rules is not None:
            self.rules = rules
        self.app_id, self.revision = stored.id, stored.revision
        self.application = stored.application
        self.original = stored.application
        self.dirty = False
        if not keep_selection:
            self.current_key = None
        self._load_into_form()
        self.refresh_list()

    def new_application(self) -> None:
        if not self.may_replace_form():
            return
        self.app_id, self.revision = None, 0
        self.application = self._blank()
        self.original = None
        self.dirty = False
        self.current_key = None
        self._load_into_form()
        self.refresh_list()

    def save(self) -> str | None:
        try:
            if self.app_id is None:
                stored = self.service.create(self.application)
            else:
                stored = self.service.save(
                    self.app_id, self.application, self.tr("保存"), expected_revision=self.revision
                )
        except ApplicationFileError as exc:
            self._warn(self.tr("无法保存：{0}").format(exc))
            return None
        except StaleRevisionError as exc:
            # Not overwritten: the edits stay in the form to be copied over or dropped.
            self._warn(
                self.tr(
                    "无法保存：此申报已在别处保存为第 {0} 版（本窗口打开的是第 {1} 版）。请记下修改，重新打开后再改。"
                ).format(exc.found, exc.expected)
            )
            return None
        self.app_id, self.revision = stored.id, stored.revision
        self.original = stored.application
        self.dirty = False
        self.refresh_list()
        self._show_evaluation()
        self._show_what_if()
        self.saved.emit(stored.id)
        return stored.id

    def choose_import_file(self) -> None:
        if not self.may_replace_form():
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("导入申报文件"), "", self.tr("申报文件 (*.json)"))
        if path:
            self.import_path(Path(path))

    def import_path(self, path: Path) -> bool:
        try:
            stored = self.service.import_file(path)
        except ApplicationFileError as exc:
            self._warn(self.tr("{0}：{1}").format(path.name, exc))
            return False
        self.open_application(stored.id)
        return True

    def choose_export_file(self) -> None:
        if self.app_id is None or self.dirty:
            if self.save() is None:
                return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("导出申报文件"),
            f"{self.application.name or 'application'}.json",
            self.tr("申报文件 (*.json)"),
        )
        if path:
            self.export_path(Path(path))

    def export_path(self, path: Path) -> None:
        assert self.app_id is not None
        try:
            self.service.export_file(self.app_id, path)
        except ApplicationError as exc:
            self._warn(self.tr("无法导出：{0}").format(exc.value))

    def choose_evidence_file(self, key: str) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择证明材料文件"))
        if path:
            self.attach_evidence(key, Path(path))

    def attach_evidence(self, key: str, path: Path) -> bool:
        """Copy a file into the data folder as evidence for ``key`` (saving the application first)."""
        if (self.app_id is None or self.dirty) and self.save() is None:
            return False
        assert self.app_id is not None
        try:
            self.service.attach_file(self.app_id, key, path)
        except ApplicationError as exc:
            self._warn(self.tr("无法附加文件：{0}").format(exc.value))
            return False
        self._show_evaluation()
        return True

    def remove_evidence(self, file_id: int) -> None:
        if self.app_id is None:
            return
        try:
            self.service.remove_file(self.app_id, file_id)
        except ApplicationError as exc:
            self._warn(self.tr("无法移除文件：{0}").format(exc.value))
        self._show_evaluation()

    def show_history(self) -> None:
        if self.app_id is None:
            self._warn(self.tr("新申报还没有保存过。"))
            return
        dialog = HistoryDialog(self.service, self.app_id, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen is not None:
            self.restore_revision(dialog.chosen)

    def trace_text(self) -> str:
        """The evaluation step by step, each step with the clause it rests on."""
        if self.evaluation is None:
            return ""
        # phrased from code and params (not step.text) so that the interface language applies
        return "\n".join(
            reason_text(step.code, step.params) + (f"〔{step.citation.clause_id}〕" if step.citation else "")
            for step in self.evaluation.trace
        )

    def show_trace(self) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("评估过程"))
        layout = QVBoxLayout(dialog)
        text = QPlainTextEdit(self.trace_text())
        text.setReadOnly(True)
        layout.addWidget(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout.addWidget(buttons)
        dialog.resize(900, 600)
        dialog.open()

    def restore_revision(self, revision: int) -> None:
        assert self.app_id is not None
        if not self.may_replace_form():
            return
        self.service.restore(self.app_id, revision)
        self.open_application(self.app_id)

    def _service_changed(self, app_id: str) -> None:
        self._slots = None
        self.refresh_list()
        if app_id == self.app_id and not self.dirty:
            stored = self.service.get(app_id)
            if stored.revision != self.revision:
                self.open_application(app_id, keep_selection=True)

    def _warn(self, message: str) -> None:
        self.last_message = message
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("申报核对"), message, QMessageBox.StandardButton.Ok, self
        )
        box.open()  # not exec(): tests and the keyboard can dismiss it without a nested loop


class ClaimForm(QGroupBox):
    """The claim's own facts: title, project, event date, amounts, other policies, included."""

    def __init__(self, item: AwardItem, claim: Claim, panel: ChecklistPanel) -> None:
        super().__init__(panel.tr("本项申报"))
        self.item, self.claim_id, self.panel = item, claim.id, panel
        form = QFormLayout(self)
        self.title_edit = QLineEdit(claim.title)
        self.project = QLineEdit(claim.project or "")
        self.project.setPlaceholderText(self.tr("同一产品或项目在各项中填写相同名称"))
        self.certificate = QLineEdit(claim.certificate or "")
        self.certificate.setPlaceholderText(self.tr("注册证或批件编号：据此识别同一产品"))
        self.event_date = QLineEdit(claim.event_date.isoformat() if claim.event_date else "")
        self.event_date.setPlaceholderText("YYYY-MM-DD")
        self.requested = QLineEdit("" if claim.requested_amount is None else str(claim.requested_amount))
        self.requested.setPlaceholderText(self.tr("留空按上限；可写 300万"))
        self.base = QLineEdit("" if claim.base_amount is None else str(claim.base_amount))
        self.included = QCheckBox(self.tr("计入合计（取消勾选可试算不申报此项）"))
        self.included.setChecked(claim.included)
        self.others = QTableWidget(0, 2)
        self.others.setHorizontalHeaderLabels([self.tr("同一项目的其他政策"), self.tr("金额（元）")])
        self.others.horizontalHeader().setStretchLastSection(True)
        self.others.setMaximumHeight(90)
        self.others.setTabKeyNavigation(False)  # Tab leaves the table; arrows move between cells
        self.others.setColumnWidth(0, 320)
        self.others.setTabKeyNavigation(False)
        for o in claim.other_claims:
            self._add_other_row(o.policy, str(o.amount))
        add = QPushButton(self.tr("添加其他政策"))
        add.clicked.connect(lambda: self._add_other_row("", ""))
        remove = QPushButton(self.tr("删除此项申报"))
        remove.clicked.connect(panel.remove_current_claim)
        self.problem = QLabel()
        self.problem.setStyleSheet(f"color: {STATE_COLOURS[State.INELIGIBLE]};")
        form.addRow(self.tr("名称"), self.title_edit)
        self.item_box: QComboBox | None = None
        siblings = [
            i for rule in panel.rules.exclusive if item.id in rule.items for i in rule.items if i != item.id
        ]
        if siblings:
            # a what-if: the same product under another class
            self.item_box = QComboBox()
            self.item_box.setAccessibleName(self.tr("申报事项"))
            for item_id in [item.id, *siblings]:
                other = panel.rules.item(item_id)
                self.item_box.addItem(other.title if other else item_id, item_id)
            self.item_box.currentIndexChanged.connect(self._item_changed)
            form.addRow(self.tr("申报事项"), self.item_box)
        form.addRow(self.tr("产品/项目"), self.project)
        form.addRow(self.tr("注册证编号"), self.certificate)
        form.addRow(item.event or self.tr("日期"), self.event_date)
        if item.amount.ceiling is not None:
            form.addRow(self.tr("申请金额"), self.requested)
        elif item.amount.limit is not None:
            form.addRow(item.amount.requested_label or self.tr("申请额度"), self.requested)
        if item.amount.base_label:
            form.addRow(item.amount.base_label, self.base)
        for alt in item.fund_alternatives:
            box = AnswerBox()
            box.set_answer(claim.answers.get(alt.when or ""))
            box.currentIndexChanged.connect(lambda _i, k=alt.when, b=box: self._fund_answer(k, b))
            form.addRow(alt.text or alt.name, box)
        form.addRow(self.included)
        form.addRow(self.others)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addStretch(1)
        buttons.addWidget(remove)
        form.addRow(buttons)
        form.addRow(self.problem)
        for w in (
            self.title_edit,
            self.project,
            self.certificate,
            self.event_date,
            self.requested,
            self.base,
        ):
            w.textChanged.connect(self._changed)
        self.included.toggled.connect(self._changed)
        self.others.itemChanged.connect(self._changed)

    def _add_other_row(self, policy: str, amount: str) -> None:
        self.others.blockSignals(True)
        row = self.others.rowCount()
        self.others.insertRow(row)
        self.others.setItem(row, 0, QTableWidgetItem(policy))
        self.others.setItem(row, 1, QTableWidgetItem(amount))
        self.others.blockSignals(False)

    def _item_changed(self, _index: int) -> None:
        claim = self.panel.application.claim(self.claim_id)
        if claim is None or self.item_box is None:
            return
        item = self.panel.rules.item(self.item_box.currentData())
        if item is None or item.id == claim.item:
            return
        answers = {k: v for k, v in claim.answers.items() if k in item.answer_keys}
        self.panel.replace_claim(dataclasses.replace(claim, item=item.id, answers=answers))
        self.panel.select(claim.id)

    def _fund_answer(self, key: str | None, box: AnswerBox) -> None:
        claim = self.panel.application.claim(self.claim_id)
        if claim is None or key is None:
            return
        self.panel.replace_claim(dataclasses.replace(claim, answers={**claim.answers, key: box.answer()}))

    def _changed(self, *_: object) -> None:
        claim = self.panel.application.claim(self.claim_id)
        if claim is None:
            return
        problems = []
        try:
            event_date = parse_day(self.event_date.text())
        except ValueError:
            problems.append(self.tr("日期应为 YYYY-MM-DD 且真实存在：{0}").format(self.event_date.text()))
            event_date = claim.event_date
        amounts: dict[str, int | None] = {}
        for name, edit, label in (
            ("requested_amount", self.requested, self.tr("申请金额")),
            ("base_amount", self.base, self.item.amount.base_label or ""),
        ):
            try:
                amounts[name] = parse_amount(edit.text())
            except ValueError:
                problems.append(self.tr("{0}应为不小于 0 的金额：{1}").format(label, edit.text()))
                amounts[name] = getattr(claim, name)
        others = []
        for row in range(self.others.rowCount()):
            policy_cell, amount_cell = self.others.item(row, 0), self.others.item(row, 1)
            policy = (policy_cell.text() if policy_cell is not None else "").strip()
            text = amount_cell.text() if amount_cell is not None else ""
            try:
                amount = parse_amount(text)
            except ValueError:
                problems.append(self.tr("其他政策金额应为不小于 0 的金额：{0}").format(text))
                continue
            if policy and amount is not None:
                others.append(OtherClaim(policy, amount))
        self.problem.setText("\n".join(problems))
        updated = dataclasses.replace(
            claim,
            title=self.title_edit.text().strip(),
            project=self.project.text().strip() or None,
            certificate=self.certificate.text().strip() or None,
            event_date=event_date,
            included=self.included.isChecked(),
            other_claims=tuple(others),
            requested_amount=amounts["requested_amount"],
            base_amount=amounts["base_amount"],
        )
        self.panel.replace_claim(updated)
        node = self.panel.tree_items.get(self.claim_id)
        if node is not None:
            node.setText(0, updated.title or updated.id)


class HistoryDialog(QDialog):
    """Every saved revision; 恢复 makes the chosen one current again (as a new revision)."""

    def __init__(self, service: ApplicationService, app_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("历史版本"))
        self.chosen: int | None = None
        layout = QVBoxLayout(self)
        self.list = QListWidget()
        for r in reversed(service.history(app_id)):
            entry = QListWidgetItem(
                self.tr("第 {0} 版　{1}　{2}").format(
                    r.revision, r.saved_at.replace("T", " ")[:19], r.summary
                )
            )
            entry.setData(Qt.ItemDataRole.UserRole, r.revision)
            self.list.addItem(entry)
        self.list.setCurrentRow(0)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        restore = buttons.addButton(self.tr("恢复此版本"), QDialogButtonBox.ButtonRole.AcceptRole)
        restore.setDefault(True)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.list.itemActivated.connect(lambda *_: self._accept())
        layout.addWidget(buttons)

    def _accept(self) -> None:
        item = self.list.currentItem()
        self.chosen = item.data(Qt.ItemDataRole.UserRole) if item else None
        self.accept()
