"""指标跟踪: the plans' targets with their status, a chart against the path to the target,
value entry, the source clause one click away, proposals review, and table import/export."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCharts import QChart, QChartView, QLineSeries, QScatterSeries, QValueAxis
from PySide6.QtCore import QDate, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.core.indicators.progress import (
    Indicator,
    IndicatorDraft,
    IndicatorError,
    IndicatorStatus,
    Observation,
    StatusReport,
    parse_period,
)
from workbench.core.indicators.service import EDITABLE_FIELDS
from workbench.core.indicators.targets import Comparator, TargetAttribute, number_text
from workbench.core.values import parse_number
from workbench.ui.item_models.indicator_table_model import (
    REPORT_ROLE,
    STATUS_COLOURS,
    STATUS_ORDER,
    IndicatorFilterProxy,
    IndicatorTableModel,
    deadline_text,
    error_label,
    report_status_label,
    status_label,
    target_text,
)
from workbench.ui.labels import attribute_label, comparator_label
from workbench.ui.subscriptions import listen

if TYPE_CHECKING:
    from workbench.core.corpus.library import Library
    from workbench.core.indicators.progress import IndicatorChanges
    from workbench.core.indicators.service import IndicatorService
    from workbench.core.indicators.tables import ImportPreview
    from workbench.core.indicators.targets import TargetProposal


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _chart_x(day: dt.date) -> float:
    """Years on the chart's axis: 2022 is the end of 2022 (where a yearly value belongs), 2023.5 mid-2023."""
    return day.year - 1 + day.month / 12


class IndicatorsPanel(QWidget):
    """The indicators tab. ``open_clause(doc_id, clause_id, highlight)`` asks the window
    to show the source clause in the reader."""

    open_clause = Signal(str, str, str)
    brief_requested = Signal()  # a progress report of the indicators shown, as a PDF
    changed = Signal()

    def __init__(
        self, service: IndicatorService, library: Library | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.library = library
        self.as_of_edit = QDateEdit(_qdate(dt.date.today()))
        self.as_of_edit.setCalendarPopup(True)
        self.as_of_edit.setDisplayFormat("yyyy-MM-dd")
        self.region_combo = QComboBox()
        self.doc_combo = QComboBox()
        self.status_combo = QComboBox()
        self.deadline_combo = QComboBox()
        self.attribute_combo = QComboBox()
        self.attribute_combo.setToolTip(self.tr("约束性指标是必须完成的硬任务，预期性指标是引导方向"))
        self.review_button = QPushButton(self.tr("审核目标建议…"))
        self.review_button.setToolTip(self.tr("从所选文件的条文中提取量化目标，逐条采纳、修改或不采纳"))
        self.import_button = QPushButton(self.tr("导入…"))
        self.export_button = QPushButton(self.tr("导出…"))
        self.brief_button = QPushButton(self.tr("PDF 报告…"))
        self.brief_button.setToolTip(self.tr("为当前内容生成 PDF 简报，预览后保存或打印（Ctrl+E）"))
        self.brief_button.clicked.connect(self.brief_requested)

        self.model = IndicatorTableModel(self)
        self.proxy = IndicatorFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # overdue and falling back first
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # Plan titles are long: a fixed, resizable column leaves the width to the indicator names.
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(6, 200)
        self.count_label = QLabel()

        # detail of the selected indicator
        self.title_label = QLabel()
        font = self.title_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title_label.setFont(font)
        self.title_label.setWordWrap(True)
        self.status_badge = QLabel()
        self.status_badge.setMargin(4)
        self.growth_label = QLabel()
        self.growth_label.setWordWrap(True)
        self.compare_label = QLabel()  # like targets of other plans or regions (the same measure)
        self.compare_label.setWordWrap(True)
        self.source_button = QPushButton(self.tr("查看原文条款"))
        self.source_button.setToolTip(self.tr("在阅读区打开该指标出自的条款"))
        self.edit_button = QPushButton(self.tr("编辑指标…"))
        self.edit_button.setToolTip(self.tr("修改名称、目标值、期限，或设定基期值"))
        self.new_button = QPushButton(self.tr("新建指标…"))
        self.quote_label = QLabel()
        self.quote_label.setWordWrap(True)
        self.quote_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.quote_label.setStyleSheet("color: #444;")
        self.chart = QChart()
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        # One pair of axes for every indicator: axes removed from a chart keep painting until deleted later.
        self.x_axis = QValueAxis()
        self.x_axis.setLabelFormat("%d")
        self.x_axis.setTickType(QValueAxis.TickType.TicksDynamic)
        self.x_axis.setTickAnchor(0)
        self.x_axis.setTickInterval(1)
        self.y_axis = QValueAxis()
        self.y_axis.setLabelFormat("%g")
        self.chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        self.chart_view = QChartView(self.chart)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(220)
        self.obs_table = QTableWidget(0, 4)
        self.obs_table.setHorizontalHeaderLabels(
            [self.tr("期间"), self.tr("数值"), self.tr("来源说明"), self.tr("填报人")]
        )
        self.obs_table.verticalHeader().setVisible(False)
        self.obs_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.obs_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.obs_table.setMaximumHeight(140)
        self.obs_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.obs_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.obs_table.setToolTip(self.tr("双击一行可把该期数值填入下方表单修改"))
        self.correct_button = QPushButton(self.tr("修改所选数值"))
        self.correct_button.setToolTip(
            self.tr("把所选一期的数值填入下方表单，改正后点“记录”替换（记入变更记录）")
        )
        self.delete_obs_button = QPushButton(self.tr("删除所选数值…"))
        self.delete_obs_button.setToolTip(self.tr("删除录错的一期数值（删除前的数值记入变更记录）"))

        self.period_edit = QLineEdit(placeholderText=self.tr("如 2024、2024-06、2024-Q2"))
        self.value_edit = QLineEdit(placeholderText=self.tr("数值"))
        self.note_edit = QLineEdit(placeholderText=self.tr("如 统计公报、部门报送"))
        self.by_edit = QLineEdit()
        self.replace_check = QCheckBox(self.tr("替换该期间已有数值"))
        self.record_button = QPushButton(self.tr("记录"))
        self.form_error = QLabel()
        self.form_error.setStyleSheet("color: #b3261e;")
        self.form_error.setWordWrap(True)
        self.unit_label = QLabel()

        self._layout()
        self._fill_filter_choices()
        for combo in (
            self.region_combo,
            self.doc_combo,
            self.status_combo,
            self.deadline_combo,
            self.attribute_combo,
        ):
            combo.currentIndexChanged.connect(self._apply_filters)
        self.as_of_edit.dateChanged.connect(lambda _: self.refresh())
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.source_button.clicked.connect(self.open_source)
        self.edit_button.clicked.connect(lambda: self.edit_current().open())
        self.new_button.clicked.connect(lambda: self.new_indicator().open())
        self.record_button.clicked.connect(self.record_current)
        self.obs_table.itemSelectionChanged.connect(self._observation_selection_changed)
        self.obs_table.itemDoubleClicked.connect(lambda _item: self.correct_selected_observation())
        self.correct_button.clicked.connect(self.correct_selected_observation)
        self.delete_obs_button.clicked.connect(lambda: self._open_if(self.confirm_delete_observation()))
        self.value_edit.returnPressed.connect(self.record_current)
        self.review_button.clicked.connect(self.choose_and_review)
        self.import_button.clicked.connect(self.choose_and_import)
        self.export_button.clicked.connect(self.choose_and_export)
        listen(self, service.changed, self._service_changed)
        if library is not None:
            listen(self, library.changed, lambda _changes: self._fill_filter_choices())
        self.refresh()

    def _layout(self) -> None:
        filters = QHBoxLayout()
        for label, widget in (
            (self.tr("地区"), self.region_combo),
            (self.tr("文件"), self.doc_combo),
            (self.tr("状态"), self.status_combo),
            (self.tr("期限"), self.deadline_combo),
            (self.tr("属性"), self.attribute_combo),
            (self.tr("评估日期"), self.as_of_edit),
        ):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        self.doc_combo.setMinimumContentsLength(14)
        self.doc_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        filters.addStretch(1)
        filters.addWidget(self.new_button)
        filters.addWidget(self.review_button)
        filters.addWidget(self.import_button)
        filters.addWidget(self.export_button)
        filters.addWidget(self.brief_button)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.view)
        left_layout.addWidget(self.count_label)

        form = QFormLayout()
        value_row = QHBoxLayout()
        value_row.addWidget(self.value_edit)
        value_row.addWidget(self.unit_label)
        form.addRow(self.tr("期间"), self.period_edit)
        form.addRow(self.tr("数值"), value_row)
        form.addRow(self.tr("来源说明"), self.note_edit)
        form.addRow(self.tr("填报人"), self.by_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.replace_check)
        buttons.addStretch(1)
        buttons.addWidget(self.record_button)
        form.addRow(buttons)
        form.addRow(self.form_error)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.status_badge)
        head.addWidget(self.title_label, 1)
        right_layout.addLayout(head)
        source_row = QHBoxLayout()
        source_row.addWidget(self.quote_label, 1)
        source_buttons = QVBoxLayout()
        source_buttons.addWidget(self.source_button)
        source_buttons.addWidget(self.edit_button)
        source_buttons.addStretch(1)
        source_row.addLayout(source_buttons)
        right_layout.addLayout(source_row)
        right_layout.addWidget(self.growth_label)
        right_layout.addWidget(self.compare_label)
        right_layout.addWidget(self.chart_view, 1)
        right_layout.addWidget(self.obs_table)
        obs_buttons = QHBoxLayout()
        obs_buttons.addStretch(1)
        obs_buttons.addWidget(self.correct_button)
        obs_buttons.addWidget(self.delete_obs_button)
        right_layout.addLayout(obs_buttons)
        right_layout.addLayout(form)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)
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
        d = self.as_of_edit.date()
        return dt.date(d.year(), d.month(), d.day())

    def _doc_titles(self) -> dict[str, str]:
        if self.library is None:
            return {}
        return {d.id: d.title for d in self.library.documents()}

    def _fill_filter_choices(self) -> None:
        indicators = self.service.indicators()
        titles = self._doc_titles()

        def refill(combo: QComboBox, items: list[tuple[str, Any]]) -> None:
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("全部"), None)
            for text, data in items:
                combo.addItem(text, data)
            index = combo.findData(current)
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

        refill(self.region_combo, [(r, r) for r in sorted({i.region for i in indicators if i.region})])
        doc_ids = sorted({i.doc_id for i in indicators if i.doc_id} | set(titles))
        refill(self.doc_combo, [(titles.get(d, d), d) for d in doc_ids])
        refill(self.status_combo, [(status_label(s), s.value) for s in STATUS_ORDER])
        years = sorted({str(i.deadline)[:4] for i in indicators if i.deadline})
        refill(
            self.deadline_combo,
            [(y, y) for y in years] + [(self.tr("每年"), "recurring"), (self.tr("未定期限"), "none")],
        )
        refill(
            self.attribute_combo,
            [(attribute_label(a), a.value) for a in TargetAttribute] + [(self.tr("未注明"), "none")],
        )

    def refresh(self) -> None:
        """Re-read the indicators and their status on the chosen date, keeping the selection."""
        current = self.current_report()
        self.model.set_reports(self.service.list(self.as_of()), self._doc_titles())
        self._apply_filters()
        if current is not None:
            self.select_indicator(current.indicator.id)
        elif self.proxy.rowCount() > 0:
            self.view.selectRow(0)
        else:
            self._show(None)

    def _service_changed(self, _changes: IndicatorChanges) -> None:
        self._fill_filter_choices()
        self.refresh()
        self.changed.emit()

    def _apply_filters(self) -> None:
        status = self.status_combo.currentData()
        self.proxy.set_filters(
            region=self.region_combo.currentData(),
            doc_id=self.doc_combo.currentData(),
            status=IndicatorStatus(status) if status else None,
            deadline=self.deadline_combo.currentData(),
            attribute=self.attribute_combo.currentData(),
        )
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        counts: dict[IndicatorStatus, int] = {}
        for row in range(shown):
            report = self.proxy.index(row, 0).data(REPORT_ROLE)
            counts[report.status] = counts.get(report.status, 0) + 1
        summary = "　".join(f"{status_label(s)} {counts[s]}" for s in STATUS_ORDER if s in counts)
        self.count_label.setText(
            self.tr("显示 {0} / {1} 个指标").format(shown, total) + ("　|　" + summary if summary else "")
        )
        if self.current_report() is None and shown:
            self.view.selectRow(0)

    def current_report(self) -> StatusReport | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        report: StatusReport | None = index.data(REPORT_ROLE)
        return report

    def select_indicator(self, indicator_id: str) -> bool:
        row = self.model.row_of(indicator_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.view.scrollTo(index)
        self._show(self.current_report())
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show(current.data(REPORT_ROLE) if current.isValid() else None)

    # --- detail ------------------------------------------------------------------------

    def _show(self, report: StatusReport | None) -> None:
        self.form_error.clear()
        self.form_error.setStyleSheet("color: #b3261e;")
        self.correct_button.setEnabled(False)
        self.delete_obs_button.setEnabled(False)
        for w in (
            self.source_button,
            self.edit_button,
            self.record_button,
            self.period_edit,
            self.value_edit,
            self.note_edit,
            self.by_edit,
            self.replace_check,
        ):
            w.setEnabled(report is not None)
        if report is None:
            self.title_label.setText(self.tr("未选择指标"))
            self.status_badge.clear()
            self.status_badge.setStyleSheet("")
            self.quote_label.clear()
            self.growth_label.clear()
            self.compare_label.clear()
            self.obs_table.setRowCount(0)
            self.chart.removeAllSeries()
            self.x_axis.setVisible(False)
            self.y_axis.setVisible(False)
            return
        i = report.indicator
        attribute = f"　［{attribute_label(i.attribute)}］" if i.attribute is not None else ""
        self.title_label.setText(f"{i.name}　{target_text(i)}　（{deadline_text(i)}）{attribute}")
        fg, bg = STATUS_COLOURS[report.status]
        self.status_badge.setText(report_status_label(report))
        self.status_badge.setStyleSheet(
            f"color: {fg}; background: {bg}; border: 1px solid {fg}; border-radius: 3px; font-weight: bold;"
        )
        # a row of an indicator table comes one cell a line: shown on one line
        quote = " ".join((i.source_text or "").split())
        self.quote_label.setText(f"“{quote}”" if quote else self.tr("（手工录入的指标，没有原文）"))
        # a removed document takes its clauses with it: then there is nothing to open
        self.source_button.setEnabled(
            bool(i.doc_id and i.clause_id)
            and (self.library is None or self.library.clause(i.clause_id or "") is not None)
        )
        self.unit_label.setText(i.unit)
        self.growth_label.setText(self._growth_text(report))
        self.compare_label.setText(self._comparison_text(report))
        self.obs_table.setRowCount(len(report.observations))
        for row, o in enumerate(report.observations):
            for col, text in enumerate(
                (o.period, number_text(o.value), o.source_note or "", o.entered_by or "")
            ):
                self.obs_table.setItem(row, col, QTableWidgetItem(text))
        self._draw_chart(report)

    def _growth_text(self, report: StatusReport) -> str:
        if report.reason == "no_observation":
            return self.tr("尚无观测值。在下方录入实际完成值后即可评估进度。")
        if report.reason == "no_observation_past_deadline":
            return self.tr("目标期限已过，但尚无观测值，无法判断是否实现。请在下方录入实际完成值。")
        if report.reason == "single_observation":
            return self.tr("只有一期数据，尚无法计算增长；请再录入一期或设定基期值。")
        if report.ratio is None or report.observed_growth is None or report.required_growth is None:
            latest = report.latest
            return (
                self.tr("最新值 {0}（{1}）").format(number_text(latest.value), latest.period)
                if latest
                else ""
            )
        if report.growth_kind == "cagr":
            observed, required = f"{report.observed_growth:.1%}", f"{report.required_growth:.1%}"
        else:
            unit = report.indicator.unit
            observed, required = (
                f"{report.observed_growth:+.3g}{unit}",
                f"{report.required_growth:+.3g}{unit}",
            )
        return self.tr(
            "自基期 {0} 以来实际年均增长 {1}，按期实现目标需年均增长 {2}（比值 {3:.2f}）。"
        ).format(report.baseline_period, observed, required, report.ratio)

    def _comparison_text(self, report: StatusReport) -> str:
        others = [
            r
            for r in self.service.compare(report.indicator.measure, as_of=self.as_of()).rows
            if r.indicator.id != report.indicator.id
        ]
        if not others:
            return ""
        parts = [
            f"{r.indicator.region or '—'} {target_text(r.indicator)}（{deadline_text(r.indicator)}，"
            f"{report_status_label(r)}）"
            for r in others
        ]
        return self.tr("同口径指标：{0}").format("；".join(parts))

    def _draw_chart(self, report: StatusReport) -> None:
        chart = self.chart
        chart.removeAllSeries()
        actual = QLineSeries()
        actual.setName(self.tr("实际值"))
        actual.setPointsVisible(True)
        actual.setPen(QPen(QColor("#1a73e8"), 2.5))
        for o in report.observations:
            actual.append(_chart_x(o.end), o.value)
        path = QLineSeries()
        path.setName(self.tr("目标路径"))
        pen = QPen(QColor("#9a6b00"), 2)
        pen.setStyle(Qt.PenStyle.DashLine)
        path.setPen(pen)
        for p in report.trajectory:
            path.append(_chart_x(p.date), p.value)
        target = QScatterSeries()
        target.setName(self.tr("目标值"))
        target.setColor(QColor("#b3261e"))
        target.setMarkerSize(11)
        deadline = report.indicator.deadline_date
        if deadline is not None:
            target.append(_chart_x(deadline), report.indicator.target)
        series = [s for s in (path, actual, target) if s.count()]
        if not series:
            chart.setTitle(self.tr("暂无数据"))
            self.x_axis.setVisible(False)
            self.y_axis.setVisible(False)
            return
        chart.setTitle("")
        x_axis, y_axis = self.x_axis, self.y_axis
        y_axis.setTitleText(report.indicator.unit)
        xs = [s.at(k).x() for s in series for k in range(s.count())]
        ys = [s.at(k).y() for s in series for k in range(s.count())] + [0.0]
        for s in series:
            chart.addSeries(s)
            s.attachAxis(x_axis)
            s.attachAxis(y_axis)
        x_axis.setVisible(True)
        y_axis.setVisible(True)
        x_axis.setRange(min(xs) - 0.4, max(xs) + 0.4)
        top = max(ys)
        y_axis.setRange(min(ys), top * 1.1 if top > 0 else 1)
        y_axis.applyNiceNumbers()

    # --- correcting what was recorded ---------------------------------------------------

    @staticmethod
    def _open_if(dialog: QDialog | None) -> None:
        if dialog is not None:
            dialog.open()

    def _observation_selection_changed(self) -> None:
        chosen = self.selected_observation() is not None
        self.correct_button.setEnabled(chosen)
        self.delete_obs_button.setEnabled(chosen)

    def selected_observation(self) -> Observation | None:
        report = self.current_report()
        rows = {index.row() for index in self.obs_table.selectionModel().selectedRows()}
        if report is None or len(rows) != 1:
            return None
        row = rows.pop()
        return report.observations[row] if row < len(report.observations) else None

    def correct_selected_observation(self) -> bool:
        """Put the selected period's value into the form, set to replace it: the official
        changes the number and records; the old value stays in the audit."""
        o = self.selected_observation()
        if o is None:
            return False
        self.period_edit.setText(o.period)
        self.value_edit.setText(number_text(o.value))
        self.note_edit.setText(o.source_note or "")
        self.replace_check.setChecked(True)
        self.form_error.setText(
            self.tr("正在修改 {0} 的数值：改正后点“记录”替换原值 {1}。").format(
                o.period, number_text(o.value)
            )
        )
        self.form_error.setStyleSheet("color: #444;")
        self.value_edit.setFocus()
        self.value_edit.selectAll()
        return True

    def confirm_delete_observation(self) -> QMessageBox | None:
        """The question before deleting the selected period's value (not shown: the caller opens it)."""
        report, o = self.current_report(), self.selected_observation()
        if report is None or o is None:
            return None
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("删除数值"), "", parent=self)
        box.setText(
            self.tr("删除“{0}”{1} 的数值 {2}{3}？").format(
                report.indicator.name, o.period, number_text(o.value), report.indicator.unit
            )
        )
        box.setInformativeText(self.tr("删除会记入变更记录（含原值和删除人）。"))
        delete = box.addButton(self.tr("删除"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(QMessageBox.StandardButton.NoButton)
        indicator_id, period = report.indicator.id, o.period
        delete.clicked.connect(lambda: self.delete_observation(indicator_id, period))
        return box

    def delete_observation(self, indicator_id: str, period: str) -> bool:
        """Delete one recorded value; who deletes is the form's 填报人."""
        try:
            self.service.delete_observation(indicator_id, period, actor=self.by_edit.text().strip() or None)
        except IndicatorError as exc:
            self.form_error.setStyleSheet("color: #b3261e;")
            self.form_error.setText(self.tr("期间 {0}：{1}").format(period, error_label(exc.code)))
            return False
        return True

    # --- actions ---------------------------------------------------------------------------

    def edit_current(self) -> IndicatorDialog:
        """The form to edit the selected indicator (not shown: the caller opens it)."""
        report = self.current_report()
        return IndicatorDialog(self.service, report.indicator if report else None, self)

    def new_indicator(self) -> IndicatorDialog:
        return IndicatorDialog(self.service, None, self)

    def open_source(self) -> None:
        report = self.current_report()
        if report is None or not report.indicator.doc_id or not report.indicator.clause_id:
            return
        i = report.indicator
        highlight = i.source_text or ""
        self.open_clause.emit(i.doc_id, i.clause_id, highlight)

    def record_current(self) -> bool:
        """Record the form's value for the selected indicator; a bad field is named in the form."""
        report = self.current_report()
        if report is None:
            return False
        self.form_error.setStyleSheet("color: #b3261e;")  # the correction hint was grey
        period_text = self.period_edit.text().strip()
        value_text = self.value_edit.text()
        try:
            period = parse_period(period_text).text
        except IndicatorError as exc:
            self.form_error.setText(self.tr("期间：{0}").format(error_label(exc.code)))
            self.period_edit.setFocus()
            return False
        try:
            value = parse_number(value_text)
            if value is None:
                raise ValueError(value_text)
        except ValueError:
            self.form_error.setText(self.tr("数值：请填写数字（如 3500 或 12.5）"))
            self.value_edit.setFocus()
            return False
        try:
            self.service.record(
                report.indicator.id,
                period,
                value,
                note=self.note_edit.text() or None,
                by=self.by_edit.text() or None,
                replace=self.replace_check.isChecked(),
            )
        except IndicatorError as exc:
            self.form_error.setText(self.tr("期间 {0}：{1}").format(period, error_label(exc.code)))
            return False
        self.form_error.clear()
        self.period_edit.clear()
        self.value_edit.clear()
        self.replace_check.setChecked(False)
        return True

    def choose_and_review(self) -> None:
        doc_id = self.doc_combo.currentData()
        if not doc_id:
            from PySide6.QtWidgets import QInputDialog

            titles = self._doc_titles()
            if not titles:
                return
            ids = list(titles)
            choice, ok = QInputDialog.getItem(
                self,
                self.tr("审核目标建议"),
                self.tr("从哪个文件提取目标？"),
                [titles[d] for d in ids],
                0,
                False,
            )
            if not ok:
                return
            doc_id = ids[[titles[d] for d in ids].index(choice)]
        self.review_proposals(doc_id).open()

    def review_proposals(self, doc_id: str) -> ProposalsDialog:
        dialog = ProposalsDialog(self.service, doc_id, self)
        return dialog

    def choose_and_import(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("导入观测值或指标"), "", self.tr("表格 (*.xlsx *.csv)")
        )
        if name:
            dialog = self.preview_import(Path(name))
            if dialog is not None:
                dialog.open()

    def preview_import(self, path: Path) -> ImportPreviewDialog | None:
        """The preview of importing ``path`` (nothing is written until its 导入 button)."""
        from workbench.core.indicators.tables import TableFileError

        try:
            return ImportPreviewDialog(self.service, path, self)
        except TableFileError as exc:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self, self.tr("无法导入"), f"{path.name}：{error_label(exc.code)}")
            return None

    def choose_and_export(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("导出指标和观测值"),
            "指标.xlsx",
            self.tr("Excel 工作簿 (*.xlsx);;CSV 观测值 (*.csv)"),
        )
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> int:
        from workbench.core.indicators.tables import TableFileError, export_file

        try:
            return export_file(self.service, path, as_of=self.as_of())
        except (TableFileError, OSError) as exc:
            from PySide6.QtWidgets import QMessageBox

            reason = error_label(exc.code) if isinstance(exc, TableFileError) else str(exc)
            QMessageBox.warning(self, self.tr("导出失败"), f"{path}：{reason}")
            return 0


class ProposalsDialog(QDialog):
    """The targets a document's text proposes: edit the name, value, unit or deadline in
    the table, then accept or reject the selected rows."""

    EDITABLE = ("name", "target_low", "target_high", "unit", "deadline")

    def __init__(self, service: IndicatorService, doc_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.doc_id = doc_id
        self.setWindowTitle(self.tr("审核目标建议"))
        self.resize(980, 520)
        self.proposals: list[TargetProposal] = service.proposals(doc_id)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.table = QTableWidget(0, 9)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("指标名称"),
                self.tr("目标值"),
                self.tr("上限"),
                self.tr("单位"),
                self.tr("期限"),
                self.tr("属性"),
                self.tr("基期值"),
                self.tr("条款"),
                self.tr("原文"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(8, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setColumnWidth(0, 300)
        for col in range(1, 8):
            self.table.setColumnWidth(col, 72)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        self.accept_button = QPushButton(self.tr("采纳所选"))
        self.reject_button = QPushButton(self.tr("不采纳所选"))
        close = QPushButton(self.tr("关闭"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.reject_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.accept_button.clicked.connect(self.accept_selected)
        self.reject_button.clicked.connect(self.reject_selected)
        close.clicked.connect(self.close)
        self._fill()

    def _fill(self) -> None:
        self.table.setRowCount(len(self.proposals))
        for row, p in enumerate(self.proposals):
            cells = [
                p.name,
                number_text(p.target_low),
                "" if p.target_high is None else number_text(p.target_high),
                p.unit,
                self.tr("每年") if p.recurring else (p.deadline or ""),
                "" if p.attribute is None else attribute_label(p.attribute),
                ""
                if p.base_value is None
                else self.tr("{0}（{1}年）").format(number_text(p.base_value), p.base_period or ""),
                p.clause_id.split(":", 1)[-1],
                p.sentence,
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col >= 6 or (col == 4 and p.recurring):
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if col == 5:
                    item.setToolTip(self.tr("约束性或预期性；留空表示文件未注明"))
                if col == 8:
                    item.setToolTip(p.sentence)
                self.table.setItem(row, col, item)
        self.info.setText(
            self.tr(
                "从文件中提取到 {0} 条尚未处理的量化目标。可直接在表格中修改名称、目标值、单位和期限，再采纳"
                "；补助上限和门槛值不会列为目标。"
            ).format(len(self.proposals))
            if self.proposals
            else self.tr("这个文件没有尚未处理的目标建议。")
        )

    def selected_rows(self) -> list[int]:
        return sorted({index.row() for index in self.table.selectionModel().selectedRows()})

    def _edits(self, row: int) -> dict[str, Any]:
        p = self.proposals[row]
        texts = [
            (cell.text() if (cell := self.table.item(row, col)) is not None else "").strip()
            for col in range(5)
        ]
        edits: dict[str, Any] = {}
        if texts[0] != p.name:
            edits["name"] = texts[0]
        if texts[1] != number_text(p.target_low):
            edits["target_low"] = texts[1]
        high = "" if p.target_high is None else number_text(p.target_high)
        if texts[2] != high:
            edits["target_high"] = texts[2] or None
            if not texts[2]:
                edits["comparator"] = p.comparator.value if p.comparator.value != "range" else "at_least"
        if texts[3] != p.unit:
            edits["unit"] = texts[3]
        if not p.recurring and texts[4] != (p.deadline or ""):
            edits["deadline"] = texts[4] or None
        attribute_item = self.table.item(row, 5)
        attribute = attribute_item.text().strip() if attribute_item is not None else ""
        if attribute != ("" if p.attribute is None else attribute_label(p.attribute)):
            by_label = {attribute_label(a): a.value for a in TargetAttribute}
            edits["attribute"] = by_label.get(attribute, attribute) or None
        return edits

    def accept_selected(self) -> int:
        return self._decide(accept=True)

    def reject_selected(self) -> int:
        return self._decide(accept=False)

    def _decide(self, *, accept: bool) -> int:
        rows = self.selected_rows()
        if not rows:
            self.error.setText(self.tr("请先选择要处理的行。"))
            return 0
        done: list[int] = []
        problems: list[str] = []
        for row in rows:
            p = self.proposals[row]
            try:
                if accept:
                    self.service.accept(p, self._edits(row))
                else:
                    self.service.reject(p)
            except IndicatorError as exc:
                problems.append(
                    self.tr("第 {0} 行（{1}）：{2}").format(row + 1, p.name, error_label(exc.code))
                )
                continue
            done.append(row)
        self.proposals = [p for k, p in enumerate(self.proposals) if k not in done]
        self._fill()
        self.error.setText("\n".join(problems))
        return len(done)


class ImportPreviewDialog(QDialog):
    """What importing a table would do, before anything is written: the rows to import, or
    every bad row (row as in Excel, column, value, reason) and an import button that stays off."""

    def __init__(self, service: IndicatorService, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.path = path
        self.setWindowTitle(self.tr("导入预览：{0}").format(path.name))
        self.resize(820, 480)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.replace_check = QCheckBox(self.tr("替换已有数值（同一指标同一期间已有数值时）"))
        self.by_edit = QLineEdit(placeholderText=self.tr("填报人（可选）"))
        self.buttons = QDialogButtonBox()
        self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.import_button = self.buttons.addButton(self.tr("导入"), QDialogButtonBox.ButtonRole.AcceptRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        options = QHBoxLayout()
        options.addWidget(self.replace_check)
        options.addStretch(1)
        options.addWidget(self.by_edit)
        layout.addLayout(options)
        layout.addWidget(self.buttons)
        self.buttons.rejected.connect(self.reject)
        self.import_button.clicked.connect(self.apply)
        self.replace_check.toggled.connect(lambda _: self.reload())
        self.preview: ImportPreview
        self.result: Any = None
        self.reload()

    def reload(self) -> None:
        from workbench.core.indicators.tables import preview_import

        self.preview = preview_import(self.service, self.path, replace=self.replace_check.isChecked())
        p = self.preview
        if p.problems:
            self.summary.setText(
                self.tr("文件中有 {0} 处错误，改正后才能导入（不会导入任何数据）：").format(len(p.problems))
            )
            self.summary.setStyleSheet("color: #b3261e;")
            self.table.setColumnCount(5)
            self.table.setHorizontalHeaderLabels(
                [self.tr("工作表"), self.tr("行"), self.tr("列"), self.tr("值"), self.tr("原因")]
            )
            self.table.setRowCount(len(p.problems))
            for row, problem in enumerate(p.problems):
                cells = [
                    problem.sheet or "",
                    str(problem.row),
                    problem.column,
                    "" if problem.value is None else str(problem.value),
                    error_label(problem.code),
                ]
                for col, text in enumerate(cells):
                    self.table.setItem(row, col, QTableWidgetItem(text))
            self.table.setColumnHidden(0, all(problem.sheet is None for problem in p.problems))
        else:
            self.table.setColumnHidden(0, False)
            self.summary.setText(
                self.tr("将导入观测值 {0} 条（其中替换 {1} 条）、指标 {2} 个。").format(
                    len(p.observations), p.replacements, len(p.indicators)
                )
            )
            self.summary.setStyleSheet("")
            self.table.setColumnCount(5)
            self.table.setHorizontalHeaderLabels(
                [self.tr("行"), self.tr("指标编号"), self.tr("期间"), self.tr("数值"), self.tr("原值")]
            )
            rows: list[tuple[object, ...]] = [
                (
                    o["row"],
                    o["indicator_id"],
                    o["period"],
                    number_text(o["value"]),
                    "" if o["replaces"] is None else number_text(o["replaces"]),
                )
                for o in p.observations
            ]
            rows += [
                (i["row"], i.get("id") or self.tr("（新指标）"), "", str(i.get("name") or ""), "")
                for i in p.indicators
            ]
            self.table.setRowCount(len(rows))
            for row, values in enumerate(rows):
                for col, value in enumerate(values):
                    self.table.setItem(row, col, QTableWidgetItem(str(value)))
        self.import_button.setEnabled(p.ok and bool(p.observations or p.indicators))

    def apply(self) -> bool:
        from workbench.core.indicators.tables import apply_import

        if not self.preview.ok:
            return False
        self.result = apply_import(self.service, self.preview, by=self.by_edit.text().strip() or None)
        self.accept()
        return True


class IndicatorDialog(QDialog):
    """Create or edit one indicator; a refused value is named by its field and nothing is saved."""

    def __init__(
        self, service: IndicatorService, indicator: Indicator | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.indicator = indicator
        self.saved: Indicator | None = None
        self.setWindowTitle(self.tr("编辑指标") if indicator else self.tr("新建指标"))
        self.setMinimumWidth(460)
        self.name_edit = QLineEdit()
        self.region_edit = QLineEdit()
        self.unit_edit = QLineEdit()
        self.comparator_combo = QComboBox()
        for comparator in Comparator:
            self.comparator_combo.addItem(comparator_label(comparator), comparator.value)
        self.low_edit = QLineEdit()
        self.high_edit = QLineEdit(placeholderText=self.tr("仅区间目标填写"))
        self.deadline_edit = QLineEdit(placeholderText=self.tr("如 2025 或 2023-12-31"))
        self.recurring_check = QCheckBox(self.tr("每年目标（无期限）"))
        self.attribute_combo = QComboBox()
        self.attribute_combo.addItem(self.tr("未注明"), None)
        for attribute in TargetAttribute:
            self.attribute_combo.addItem(attribute_label(attribute), attribute.value)
        self.baseline_edit = QLineEdit(placeholderText=self.tr("可选"))
        self.baseline_period_edit = QLineEdit(placeholderText=self.tr("如 2022"))
        self.actor_edit = QLineEdit(placeholderText=self.tr("修改人（记入变更记录）"))
        self.error = QLabel()
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        form = QFormLayout(self)
        self.fields: dict[str, QWidget] = {
            "name": self.name_edit,
            "region": self.region_edit,
            "unit": self.unit_edit,
            "comparator": self.comparator_combo,
            "target_low": self.low_edit,
            "target_high": self.high_edit,
            "deadline": self.deadline_edit,
            "recurring": self.recurring_check,
            "attribute": self.attribute_combo,
            "baseline": self.baseline_edit,
            "baseline_period": self.baseline_period_edit,
        }
        self.labels = {
            "name": self.tr("指标名称"),
            "region": self.tr("地区"),
            "unit": self.tr("单位"),
            "comparator": self.tr("比较方式"),
            "target_low": self.tr("目标值"),
            "target_high": self.tr("目标上限"),
            "deadline": self.tr("期限"),
            "recurring": self.tr("每年"),
            "attribute": self.tr("属性"),
            "baseline": self.tr("基期值"),
            "baseline_period": self.tr("基期"),
        }
        for key, widget in self.fields.items():
            form.addRow(self.labels[key], widget)
        form.addRow(self.tr("修改人"), self.actor_edit)
        form.addRow(self.error)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        form.addRow(buttons)
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        if indicator is not None:
            self.name_edit.setText(indicator.name)
            self.region_edit.setText(indicator.region or "")
            self.unit_edit.setText(indicator.unit)
            self.comparator_combo.setCurrentIndex(self.comparator_combo.findData(indicator.comparator.value))
            self.low_edit.setText(number_text(indicator.target_low))
            self.high_edit.setText(
                "" if indicator.target_high is None else number_text(indicator.target_high)
            )
            self.deadline_edit.setText(indicator.deadline or "")
            self.recurring_check.setChecked(indicator.recurring)
            self.attribute_combo.setCurrentIndex(
                max(
                    0,
                    self.attribute_combo.findData(indicator.attribute.value if indicator.attribute else None),
                )
            )
            self.baseline_edit.setText("" if indicator.baseline is None else number_text(indicator.baseline))
            self.baseline_period_edit.setText(indicator.baseline_period or "")

    def values(self) -> dict[str, Any]:
        def text(edit: QLineEdit) -> str | None:
            return edit.text().strip() or None

        return {
            "name": text(self.name_edit),
            "region": text(self.region_edit),
            "unit": text(self.unit_edit),
            "comparator": self.comparator_combo.currentData(),
            "target_low": text(self.low_edit),
            "target_high": text(self.high_edit),
            "deadline": text(self.deadline_edit),
            "recurring": self.recurring_check.isChecked(),
            "attribute": self.attribute_combo.currentData(),
            "baseline": text(self.baseline_edit),
            "baseline_period": text(self.baseline_period_edit),
        }

    def save(self) -> bool:
        values = self.values()
        actor = self.actor_edit.text().strip() or None
        try:
            if self.indicator is None:
                values["comparator"] = Comparator(values["comparator"])
                self.saved = self.service.create(IndicatorDraft(**values), actor=actor)
            else:
                changes = {k: v for k, v in values.items() if k in EDITABLE_FIELDS}
                self.saved = self.service.edit(self.indicator.id, changes, actor=actor)
        except IndicatorError as exc:
            label = self.labels.get(exc.field or "", exc.field or "")
            self.error.setText(f"{label}：{error_label(exc.code)}")
            widget = self.fields.get(exc.field or "")
            if widget is not None:
                widget.setFocus()
            return False
        self.accept()
        return True
