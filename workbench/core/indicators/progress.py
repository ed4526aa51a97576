"""Indicators and their progress: the types, periods, and the status method.

An ``Indicator`` is a target (产业规模达到4000亿元 by 2025) linked to the clause it
comes from; ``Observation`` rows record the value achieved in a period (2023,
2024-06, 2024-Q2, 2024-H1) with who entered it and where it comes from. Every
change (create, edit, delete, record, replace, accept, reject) writes an audit
row with the state before and after, in the same transaction; recording a value
for a period that already has one is refused unless replacing is asked for.

Status as of a date follows Open SDG's progress method (itself the UN ESCAP
method): the growth observed since the baseline is held against the growth
needed to reach the target by the deadline. With b the baseline value at time
t0 (the indicator's baseline, or its earliest observation), x the latest value
at t1 ≤ as_of, T the target value and D the deadline (all times in years):

    observed = (x / b) ** (1 / (t1 - t0)) - 1      required = (T / b) ** (1 / (D - t0)) - 1

(compound annual growth rates; when a value is zero or negative, the linear
rates (x - b) / (t1 - t0) and (T - b) / (D - t0) are used instead), and
ratio = observed / required:

- ``achieved``: the latest value meets the target (at_least/range: x ≥ T;
  more_than: x > T; about: x ≥ 95 % of T; at_most: x ≤ T);
- ``overdue``: the deadline has passed (as_of after it) and the latest value does not meet the target;
- ``on_track``: ratio ≥ 0.95;
- ``needs_acceleration``: 0.5 ≤ ratio < 0.95;
- ``limited_progress``: 0 ≤ ratio < 0.5;
- ``deteriorating``: ratio < 0, or the baseline met the target and the latest value no longer does;
- ``no_data``: no observation up to as_of, or only one point (no baseline to measure growth from).
  Without any observation an indicator is no_data even after its deadline (reason
  ``no_observation_past_deadline``): nothing says the target was missed, only that nobody recorded it.

A recurring target (每年…) or one without a deadline is judged on its latest
period: met → achieved; otherwise the same ratio with the latest period as the
deadline (so the ratio is below 1 and tells how far the period fell short).
``METHOD`` states the same in Chinese for printed reports.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any

from workbench.core.indicators.targets import Comparator, TargetAttribute
from workbench.core.words import INDICATOR_STATUS_WORDS, NO_DATA_PAST_DEADLINE_WORDS

ON_TRACK_RATIO = 0.95
ACCELERATION_RATIO = 0.5
ABOUT_TOLERANCE = 0.05  # 30个左右 is met from 28.5
_YEARS = (1900, 2100)

METHOD = (
    "指标状态按 Open SDG 进度评估方法（联合国亚太经社会方法）计算：以基期值（指标设定的基期值，未设定时取最"
    "早一期观测值）为起点，"
    "比较截至评估日的实际年均增长率与按期实现目标所需的年均增长率（均为复合年均增长率；数值为零或负数时改用线性年均增量），"
    "二者之比记为 R。判定规则：最新观测值已达到目标（“达到/以上/区间”为不低于目标值，“突破/超过”为高于目标值，"
    "“左右”为不低于目标值的 95%，“以内/以下”为不高于目标值）为“已实现”；已过目标期限、最新观测值仍未达到为“已逾期”；"
    "R ≥ 0.95 为“进展顺利”；0.5 ≤ R < 0.95 为“需加快进度”；0 ≤ R < 0.5 为“进展有限”；R < 0 或基期已达标而最"
    "新值回落为“出现倒退”；"
    "评估日前没有观测值、或只有一期数据无法计算增长的为“暂无数据”；已过期限但没有任何观测值的，不判为“已逾期”，标为“暂无数据（已过期限）”。每年目标（如“每年遴选30个左右”）及未定期限的目标按最新一期判断。"
    "区间目标（如 2—3 家）以下限为目标值。期限“到 2025 年”指 2025 年 12 月 31 日。"
)


class IndicatorStatus(StrEnum):
    ACHIEVED = "achieved"
    ON_TRACK = "on_track"
    NEEDS_ACCELERATION = "needs_acceleration"
    LIMITED_PROGRESS = "limited_progress"
    DETERIORATING = "deteriorating"
    NO_DATA = "no_data"
    OVERDUE = "overdue"


# The Chinese words of the CLI, the PDF report and the exported tables (the window
# translates its own copy in workbench/ui/item_models/indicator_table_model.py).
STATUS_TEXT = INDICATOR_STATUS_WORDS  # keyed by IndicatorStatus (a StrEnum)
NO_DATA_PAST_DEADLINE_TEXT = NO_DATA_PAST_DEADLINE_WORDS


class IndicatorError(ValueError):
    """A value the person can correct; ``code`` says what is wrong, ``field`` where.

    Codes: unknown_indicator, unknown_document, invalid_name, invalid_unit, invalid_comparator,
    invalid_value, invalid_range, invalid_deadline, invalid_period, impossible_period,
    baseline_incomplete, observation_exists, no_observation, unknown_field, already_decided,
    invalid_attribute.
    """

    def __init__(self, code: str, field: str | None = None, value: Any = None) -> None:
        super().__init__(f"{code}: {field}={value!r}")
        self.code, self.field, self.value = code, field, value


@dataclass(frozen=True, slots=True)
class Period:
    """An observation period: "2023", "2023-06", "2023-Q2" or "2023-H1"."""

    text: str
    start: dt.date
    end: dt.date


_PERIOD = re.compile(
    r"^(?P<y>\d{4})(?:年)?(?:[-/.]?(?:(?P<m>\d{1,2})月?|[Qq](?P<q>[1-4])|[Hh](?P<h>[12])))?$"
)


def parse_period(value: Any) -> Period:
    """A period from text or a number (2023, 2023.0); raises ``IndicatorError``
    ``invalid_period`` (not a period) or ``impossible_period`` (2023-13, 1850)."""
    if isinstance(value, bool):
        raise IndicatorError("invalid_period", "period", value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (dt.date, dt.datetime)):
        value = f"{value.year:04d}-{value.month:02d}"
    text = str(value).strip()
    m = _PERIOD.match(text)
    if not m:
        raise IndicatorError("invalid_period", "period", value)
    year = int(m.group("y"))
    if not _YEARS[0] <= year <= _YEARS[1]:
        raise IndicatorError("impossible_period", "period", value)
    if m.group("m"):
        month = int(m.group("m"))
        if not 1 <= month <= 12:
            raise IndicatorError("impossible_period", "period", value)
        return Period(f"{year:04d}-{month:02d}", dt.date(year, month, 1), _month_end(year, month))
    if m.group("q"):
        q = int(m.group("q"))
        return Period(f"{year:04d}-Q{q}", dt.date(year, 3 * q - 2, 1), _month_end(year, 3 * q))
    if m.group("h"):
        h = int(m.group("h"))
        return Period(f"{year:04d}-H{h}", dt.date(year, 6 * h - 5, 1), _month_end(year, 6 * h))
    return Period(f"{year:04d}", dt.date(year, 1, 1), dt.date(year, 12, 31))


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)


def parse_deadline(value: Any) -> str | None:
    """None, a year ("2025") or a date ("2023-12-31"); raises ``invalid_deadline``."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    try:
        if re.fullmatch(r"\d{4}", text) and _YEARS[0] <= int(text) <= _YEARS[1]:
            return text
        day = dt.date.fromisoformat(text)
        if _YEARS[0] <= day.year <= _YEARS[1]:
            return day.isoformat()
    except ValueError:
        pass
    raise IndicatorError("invalid_deadline", "deadline", value)


def deadline_date(deadline: str | None) -> dt.date | None:
    """到2025年 means by the end of 2025."""
    if deadline is None:
        return None
    if len(deadline) == 4:
        return dt.date(int(deadline), 12, 31)
    return dt.date.fromisoformat(deadline)


@dataclass(frozen=True, slots=True)
class IndicatorDraft:
    """What a person (or the bundled data, or an accepted proposal) gives to create an indicator."""

    name: str
    unit: str
    comparator: Comparator
    target_low: float
    target_high: float | None = None
    deadline: str | None = None
    recurring: bool = False
    region: str | None = None
    baseline: float | None = None
    baseline_period: str | None = None
    doc_id: str | None = None
    clause_id: str | None = None
    source_text: str | None = None
    measure: str | None = None  # defaults to measure_key(name, region)
    comparator_word: str | None = None
    attribute: TargetAttribute | None = None  # 约束性 / 预期性, None when not stated


@dataclass(frozen=True, slots=True)
class Indicator:
    """A tracked target. ``target_high`` is None unless the target is a range;
    ``deadline`` is a year or a date, None when ``recurring`` or not stated.
    ``origin`` is bundled | extracted | manual | imported."""

    id: str
    name: str
    measure: str
    region: str | None
    unit: str
    comparator: Comparator
    comparator_word: str | None
    target_low: float
    target_high: float | None
    baseline: float | None
    baseline_period: str | None
    deadline: str | None
    recurring: bool
    doc_id: str | None
    clause_id: str | None
    source_text: str | None
    origin: str
    proposal_key: str | None
    created_at: str
    updated_at: str
    attribute: TargetAttribute | None = None

    @property
    def binding(self) -> bool:
        return self.attribute is TargetAttribute.BINDING

    @property
    def target(self) -> float:
        """The value progress is measured against (the low end of a range)."""
        return self.target_low

    @property
    def deadline_date(self) -> dt.date | None:
        return deadline_date(self.deadline)

    def meets(self, value: float) -> bool:
        """Does ``value`` meet the target, by this indicator's comparator?"""
        c, t = self.comparator, self.target_low
        if c is Comparator.MORE_THAN:
            return value > t
        if c is Comparator.ABOUT:
            return value >= t * (1 - ABOUT_TOLERANCE) if t >= 0 else value >= t * (1 + ABOUT_TOLERANCE)
        if c is Comparator.AT_MOST:
            return value <= t
        return value >= t

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "document": self.doc_id,
            "clause_id": self.clause_id,
            "name": self.name,
            "measure": self.measure,
            "region": self.region,
            "unit": self.unit,
            "comparator": self.comparator.value,
            "comparator_word": self.comparator_word,
            "target_low": self.target_low,
            "target_high": self.target_high,
            "baseline": self.baseline,
            "baseline_period": self.baseline_period,
            "deadline": self.deadline,
            "recurring": self.recurring,
            "attribute": None if self.attribute is None else self.attribute.value,
            "source_text": self.source_text,
            "origin": self.origin,
        }


@dataclass(frozen=True, slots=True)
class Observation:
    indicator_id: str
    period: str
    value: float
    source_note: str | None
    entered_by: str | None
    entered_at: str

    @property
    def end(self) -> dt.date:
        return parse_period(self.period).end

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class TrajectoryPoint:
    """A point of the path from the baseline to the target on time."""

    period: str
    date: dt.date
    value: float


@dataclass(frozen=True, slots=True)
class StatusReport:
    """One indicator's status as of a date, with what it was computed from.

    Growth rates are per year: compound rates (0.12 = 12 %/年) when ``growth_kind``
    is "cagr", value per year when "linear"; None when not computable. ``reason``
    refines no_data: no_observation | no_observation_past_deadline | single_observation.
    """

    indicator: Indicator
    status: IndicatorStatus
    as_of: dt.date
    latest: Observation | None
    baseline_value: float | None
    baseline_period: str | None
    observed_growth: float | None
    required_growth: float | None
    ratio: float | None
    growth_kind: str | None
    reason: str | None
    observations: tuple[Observation, ...]
    trajectory: tuple[TrajectoryPoint, ...]

    def to_json(self) -> dict[str, Any]:
        data = self.indicator.to_json()
        data.update(
            status=self.status.value,
            as_of=self.as_of.isoformat(),
            latest=None
            if self.latest is None
            else {"period": self.latest.period, "value": self.latest.value},
            baseline_value=self.baseline_value,
            baseline_period_used=self.baseline_period,
            observed_growth=self.observed_growth,
            required_growth=self.required_growth,
            ratio=self.ratio,
            growth_kind=self.growth_kind,
            reason=self.reason,
        )
        return data


@dataclass(frozen=True, slots=True)
class Comparison:
    """Like indicators side by side (the same measure in several plans or regions)."""

    measure: str | None
    unit: str | None  # None when the rows do not share one unit
    rows: tuple[StatusReport, ...]


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    at: str
    actor: str | None
    entity: str  # indicator | observation | proposal
    entity_id: str
    action: str  # create | edit | delete | record | replace | delete_observation | accept | reject
    before: dict[str, Any] | None
    after: dict[str, Any] | None


@dataclass(frozen=True, slots=True)
class IndicatorChanges:
    """What an operation changed, for screens to refresh what concerns them."""

    indicator_ids: frozenset[str] = frozenset()
    documents: frozenset[str] = frozenset()  # whose proposals changed


# --- status ----------------------------------------------------------------------


def _years(a: dt.date, b: dt.date) -> float:
    return (b - a).days / 365.25


def _growth(base: float, value: float, years: float) -> tuple[float, str]:
    if base > 0 and value > 0:
        return (value / base) ** (1 / years) - 1, "cagr"
    return (value - base) / years, "linear"


def _base(indicator: Indicator, observations: Sequence[Observation]) -> tuple[float, str, dt.date] | None:
    if indicator.baseline is not None and indicator.baseline_period is not None:
        return indicator.baseline, indicator.baseline_period, parse_period(indicator.baseline_period).end
    if observations:
        first = observations[0]
        return first.value, first.period, first.end
    return None


def trajectory(indicator: Indicator, observations: Sequence[Observation] = ()) -> list[TrajectoryPoint]:
    """The path from the baseline to the target at the deadline, one point a year
    (growing at the required compound rate, or linearly from a zero baseline).
    A recurring target is a flat line at the target over the observed periods."""
    obs = sorted(observations, key=lambda o: o.end)
    end = indicator.deadline_date
    if indicator.recurring or end is None:
        return [TrajectoryPoint(o.period, o.end, indicator.target) for o in obs]
    base = _base(indicator, obs)
    if base is None or base[2] >= end:
        return [TrajectoryPoint(indicator.deadline or "", end, indicator.target)]
    value0, period0, date0 = base
    span = _years(date0, end)
    rate, kind = (
        _growth(value0, indicator.target, span) if indicator.target > 0 or value0 <= 0 else (0.0, "linear")
    )
    if value0 > 0 >= indicator.target:
        rate, kind = (indicator.target - value0) / span, "linear"
    points = [TrajectoryPoint(period0, date0, value0)]
    for year in range(date0.year + 1, end.year):
        day = dt.date(year, 12, 31)
        if day <= date0:
            continue
        t = _years(date0, day)
        value = value0 * (1 + rate) ** t if kind == "cagr" else value0 + rate * t
        points.append(TrajectoryPoint(str(year), day, value))
    points.append(TrajectoryPoint(indicator.deadline or str(end.year), end, indicator.target))
    return points


def assess(indicator: Indicator, observations: Sequence[Observation], as_of: dt.date) -> StatusReport:
    """The status of ``indicator`` on ``as_of`` from its observations (see the module docstring)."""
    obs = tuple(sorted((o for o in observations if o.end <= as_of), key=lambda o: o.end))
    path = tuple(trajectory(indicator, obs))

    def report(status: IndicatorStatus, **extra: Any) -> StatusReport:
        values: dict[str, Any] = dict(
            latest=obs[-1] if obs else None,
            baseline_value=None,
            baseline_period=None,
            observed_growth=None,
            required_growth=None,
            ratio=None,
            growth_kind=None,
            reason=None,
        )
        values.update(extra)
        return StatusReport(indicator, status, as_of, observations=obs, trajectory=path, **values)

    deadline = indicator.deadline_date
    overdue = deadline is not None and not indicator.recurring and as_of > deadline
    if not obs:
        # Nothing measured is not a measured failure: as in Open SDG, no data stays no data,
        # marked as past the deadline so it is not mistaken for a target still running.
        return report(
            IndicatorStatus.NO_DATA, reason="no_observation_past_deadline" if overdue else "no_observation"
        )
    latest = obs[-1]
    if indicator.meets(latest.value):
        return report(IndicatorStatus.ACHIEVED)
    if overdue:
        return report(IndicatorStatus.OVERDUE)
    base = _base(indicator, obs)
    assert base is not None
    value0, period0, date0 = base
    known = dict(baseline_value=value0, baseline_period=period0)
    if latest.end <= date0:
        return report(IndicatorStatus.NO_DATA, reason="single_observation", **known)
    if indicator.meets(value0):
        return report(IndicatorStatus.DETERIORATING, **known)
    target_date = latest.end if indicator.recurring or deadline is None else deadline
    observed, kind = _growth(value0, latest.value, _years(date0, latest.end))
    required, required_kind = (
        _growth(value0, indicator.target, _years(date0, target_date))
        if target_date > date0
        else (math.nan, kind)
    )
    if required_kind != kind:  # one of the two had a zero: compare both linearly
        observed, kind = _growth(0.0, latest.value - value0, _years(date0, latest.end))
        required, _ = _growth(0.0, indicator.target - value0, _years(date0, target_date))
    known.update(observed_growth=observed, required_growth=required, growth_kind=kind)
    if not math.isfinite(required) or required == 0:
        return report(
            IndicatorStatus.DETERIORATING
            if observed * (1 if indicator.comparator.increasing else -1) < 0
            else IndicatorStatus.LIMITED_PROGRESS,
            **known,
        )
    ratio = observed / required
    known["ratio"] = ratio
    if ratio >= ON_TRACK_RATIO:
        return report(IndicatorStatus.ON_TRACK, **known)
    if ratio >= ACCELERATION_RATIO:
        return report(IndicatorStatus.NEEDS_ACCELERATION, **known)
    if ratio >= 0:
        return report(IndicatorStatus.LIMITED_PROGRESS, **known)
    return report(IndicatorStatus.DETERIORATING, **known)


def status_text(report: StatusReport) -> str:
    """The status in words; no observation past the deadline is no data, marked as such."""
    if report.reason == "no_observation_past_deadline":
        return NO_DATA_PAST_DEADLINE_TEXT
    return STATUS_TEXT[report.status]
