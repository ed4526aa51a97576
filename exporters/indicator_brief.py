"""Indicator progress report: a status table with colours, one chart per chosen
indicator (observations against the path to the target on time) and the method."""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Sequence

from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.units import mm

from exporters.brief_words import part_marker
from exporters.pdf_fonts import BriefFonts, Role
from exporters.pdf_layout import TEXT_WIDTH, BriefDocument, Cell, chinese_date
from workbench.core.indicators.progress import (
    METHOD,
    STATUS_TEXT,
    Indicator,
    IndicatorStatus,
    StatusReport,
    status_text,
)
from workbench.core.indicators.targets import TargetAttribute, target_phrase
from workbench.core.words import ATTRIBUTE_WORDS

TITLE = "产业规划指标进展报告"
CHART_HEIGHT_MM = 62

STATUS_WORDS = STATUS_TEXT
STATUS_FILLS = {
    IndicatorStatus.ACHIEVED: "good",
    IndicatorStatus.ON_TRACK: "good",
    IndicatorStatus.NEEDS_ACCELERATION: "warn",
    IndicatorStatus.LIMITED_PROGRESS: "bad",
    IndicatorStatus.DETERIORATING: "bad",
    IndicatorStatus.OVERDUE: "bad",
    IndicatorStatus.NO_DATA: "none",
}
_WARNING = frozenset(
    {IndicatorStatus.LIMITED_PROGRESS, IndicatorStatus.DETERIORATING, IndicatorStatus.OVERDUE}
)


def target_text(i: Indicator) -> str:
    """到2025年达到5000亿元, 每年30个左右 and the like."""
    value = target_phrase(
        i.comparator, i.target_low, i.target_high, i.unit, i.comparator_word
    )  # 10家以上, as the panel and the CLI write it
    if i.recurring:
        return f"每年{value}"
    if i.deadline:
        deadline = (
            f"{i.deadline}年" if len(i.deadline) == 4 else chinese_date(dt.date.fromisoformat(i.deadline))
        )
        return f"到{deadline}{value}"
    return value


def latest_text(report: StatusReport) -> str:
    if report.latest is None:
        return "—"
    return f"{_number(report.latest.value)}{report.indicator.unit}（{report.latest.period}）"


def build_indicator_brief(
    reports: Sequence[StatusReport],
    *,
    as_of: dt.date,
    region: str | None = None,
    charted: Sequence[str] | None = None,
    document_titles: dict[str, str] | None = None,
    fonts: BriefFonts | None = None,
    created: dt.datetime | None = None,
) -> BriefDocument:
    """``reports`` are the indicators' statuses on ``as_of``; ``charted`` the ids that get
    a chart (None: every indicator that has an observation)."""
    created = created or dt.datetime.now().astimezone()
    titles = document_titles or {}
    scope = region or "全部地区"
    brief = BriefDocument(
        title=f"{TITLE}（{scope}）",
        subject=f"{scope}规划指标截至{chinese_date(as_of)}的进展",
        fonts=fonts,
        created=created,
        keywords=["指标进展"],
    )
    brief.title(TITLE)
    brief.subtitle(f"（{scope}　截至{chinese_date(as_of)}）")

    brief.heading(1, f"{part_marker(1)}总体情况")
    counts = Counter(r.status for r in reports)
    if reports:
        summary = "，".join(f"{STATUS_WORDS[s]}{counts[s]}项" for s in IndicatorStatus if counts[s])
        brief.paragraph(f"纳入本报告的指标共{len(reports)}项，其中{summary}。")
        binding = [r for r in reports if r.indicator.attribute is TargetAttribute.BINDING]
        if binding:
            # Plan monitoring warns on binding targets first: they are the commitments officials answer for.
            lagging = [r for r in binding if r.status in _WARNING]
            text = f"约束性指标{len(binding)}项"
            if lagging:
                names = "、".join(r.indicator.name for r in lagging)
                text += f"，其中{len(lagging)}项需重点关注：{names}。"
            else:
                text += "，均未出现进展有限、倒退或逾期。"
            brief.paragraph(text)
    else:
        brief.paragraph("没有纳入本报告的指标。")

    brief.heading(1, f"{part_marker(2)}指标状态")
    rows: list[list[str | Cell]] = []
    for n, r in enumerate(reports, start=1):
        i = r.indicator
        source = titles.get(i.doc_id or "", i.doc_id or "—")
        if i.clause_id and ":" in i.clause_id:
            source += f" {i.clause_id.split(':', 1)[1]}"
        rows.append(
            [
                str(n),
                f"{i.name}（{i.region}）" if i.region else i.name,
                target_text(r.indicator),
                latest_text(r),
                Cell(status_text(r), fill=STATUS_FILLS[r.status], align="center"),
                Cell(ATTRIBUTE_WORDS.get(i.attribute.value, "") if i.attribute else "—", align="center"),
                source,
            ]
        )
    if rows:
        brief.table(
            ["序号", "指标", "目标", "最新值", "状态", "属性", "来源"],
            rows,
            [0.06, 0.2, 0.17, 0.15, 0.12, 0.1, 0.2],
            size=10.5,
        )
        brief.note(
            "状态底色：绿色为已实现或进展顺利，黄色为需加快进度，红色为进展有限、出现倒退或已逾期，灰色为暂无数据（含已过期限而无观测值）。"
        )

    brief.need(CHART_HEIGHT_MM + 45)  # the section heading stays with its first chart
    brief.heading(1, f"{part_marker(3)}指标走势")
    chosen_ids = set(charted) if charted is not None else {r.indicator.id for r in reports if r.observations}
    chosen = [r for r in reports if r.indicator.id in chosen_ids]
    if not chosen:
        brief.paragraph("所选指标均无观测数据，未绘制走势图。")
    for n, r in enumerate(chosen, start=1):
        brief.need(CHART_HEIGHT_MM + 25)
        brief.heading(
            3, f"{n}.{r.indicator.name}" + (f"（{r.indicator.region}）" if r.indicator.region else "")
        )
        brief.drawing(
            indicator_chart(r, brief.fonts),
            caption=f"实线为观测值，虚线为按期实现目标的路径，红线为目标值（{r.indicator.unit}）；横轴刻度为年末。状态：{status_text(r)}",
        )
    if charted is None and len(chosen) < len(reports):
        brief.note("无观测数据的指标未绘制走势图。")

    brief.heading(1, f"{part_marker(4)}评估方法")
    brief.paragraph(METHOD)
    brief.stamp(f"数据截至{chinese_date(as_of)}")
    return brief


def indicator_chart(report: StatusReport, fonts: BriefFonts) -> Drawing:
    """Observations (solid, with markers), the path to the target (dashed) and the
    target (a grey line), against time in years."""
    width, height = TEXT_WIDTH, CHART_HEIGHT_MM * mm
    drawing = Drawing(width, height)
    observed = [(_year(o.end), o.value) for o in report.observations]
    path = [(_year(p.date), p.value) for p in report.trajectory]
    series = [s for s in (observed, path) if s]
    if not series:
        drawing.add(
            String(
                width / 2,
                height / 2,
                "暂无数据",
                fontName=fonts.name(Role.FANGSONG),
                fontSize=12,
                textAnchor="middle",
            )
        )
        return drawing
    xs = [x for s in series for x, _ in s]
    ys = [y for s in series for _, y in s] + [report.indicator.target]
    x0, x1 = min(xs), max(xs)
    if x1 - x0 < 1:
        x0, x1 = x0 - 0.5, x1 + 0.5
    y0, y1 = min(0.0, min(ys)), max(ys) * 1.1 or 1.0
    plot = LinePlot()
    plot.x, plot.y = 18 * mm, 10 * mm
    plot.width, plot.height = width - 26 * mm, height - 16 * mm
    plot.data = series
    plot.joinedLines = 1
    plot.xValueAxis.valueMin, plot.xValueAxis.valueMax = x0, x1
    x0, x1 = math.floor(x0), math.ceil(x1)
    plot.xValueAxis.valueSteps = list(range(x0, x1 + 1)) if x1 - x0 <= 12 else None
    plot.xValueAxis.labelTextFormat = lambda v: f"{v:.0f}"
    plot.yValueAxis.valueMin, plot.yValueAxis.valueMax = y0, y1
    plot.yValueAxis.labelTextFormat = _number
    for axis in (plot.xValueAxis, plot.yValueAxis):
        axis.labels.fontName = fonts.name(Role.FANGSONG)
        axis.labels.fontSize = 8
    plot.lines[0].strokeColor = colors.HexColor("#1f4e9c") if observed else colors.grey
    plot.lines[0].strokeWidth = 1.5
    if observed:
        plot.lines[0].symbol = makeMarker("FilledCircle", size=4)
        plot.lines[1].strokeColor = colors.HexColor("#888888")
        plot.lines[1].strokeDashArray = [4, 3]
    else:
        plot.lines[0].strokeDashArray = [4, 3]
    drawing.add(plot)
    ty = plot.y + (report.indicator.target - y0) / (y1 - y0) * plot.height
    drawing.add(
        Line(plot.x, ty, plot.x + plot.width, ty, strokeColor=colors.HexColor("#c0392b"), strokeWidth=0.8)
    )
    drawing.add(
        String(
            plot.x + plot.width,
            ty + 2,
            f"目标 {_number(report.indicator.target)}{report.indicator.unit}",
            fontName=fonts.name(Role.FANGSONG),
            fontSize=8,
            textAnchor="end",
            fillColor=colors.HexColor("#c0392b"),
        )
    )
    return drawing


def _year(day: dt.date) -> float:
    """Dates as years with the tick N at the end of year N (observations are mostly annual, dated 12-31)."""
    length = 366 if (day.year % 4 == 0 and day.year % 100 != 0) or day.year % 400 == 0 else 365
    return day.year - 1 + day.timetuple().tm_yday / length


def _number(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.2f}".rstrip("0").rstrip(".")
