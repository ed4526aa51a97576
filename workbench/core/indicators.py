"""Local indicators: the targets plans set, what was achieved period by period, and status.

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

import builtins
import datetime as dt
import json
import math
import re
import secrets
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, fields
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlite_utils

from db import documents as doc_store
from db import indicators as store
from workbench.core.targets import Comparator, TargetProposal, extract_targets, measure_key

if TYPE_CHECKING:
    from workbench.core.library import Library

__all__ = [
    "ABOUT_TOLERANCE",
    "ACCELERATION_RATIO",
    "BUNDLED_TARGETS",
    "METHOD",
    "ON_TRACK_RATIO",
    "AuditEntry",
    "Comparator",
    "Comparison",
    "Indicator",
    "IndicatorChanges",
    "IndicatorDraft",
    "IndicatorError",
    "IndicatorService",
    "IndicatorStatus",
    "Observation",
    "Period",
    "StatusReport",
    "TrajectoryPoint",
    "assess",
    "parse_period",
    "trajectory",
]

BUNDLED_TARGETS = Path(__file__).resolve().parents[2] / "resources" / "indicators" / "bundled-targets.json"
_SEEDED_KEY = "bundled_targets_seeded"

ON_TRACK_RATIO = 0.95
ACCELERATION_RATIO = 0.5
ABOUT_TOLERANCE = 0.05  # 30个左右 is met from 28.5
_YEARS = (1900, 2100)

METHOD = (
    "指标状态按 Open SDG 进度评估方法（联合国亚太经社会方法）计算：以基期值（指标设定的基期值，未设定时取最早一期观测值）为起点，"
    "比较截至评估日的实际年均增长率与按期实现目标所需的年均增长率（均为复合年均增长率；数值为零或负数时改用线性年均增量），"
    "二者之比记为 R。判定规则：最新观测值已达到目标（“达到/以上/区间”为不低于目标值，“突破/超过”为高于目标值，"
    "“左右”为不低于目标值的 95%，“以内/以下”为不高于目标值）为“已实现”；已过目标期限、最新观测值仍未达到为“已逾期”；"
    "R ≥ 0.95 为“进展顺利”；0.5 ≤ R < 0.95 为“需加快进度”；0 ≤ R < 0.5 为“进展有限”；R < 0 或基期已达标而最新值回落为“出现倒退”；"
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
STATUS_TEXT = {
    IndicatorStatus.ACHIEVED: "已实现",
    IndicatorStatus.ON_TRACK: "进展顺利",
    IndicatorStatus.NEEDS_ACCELERATION: "需加快进度",
    IndicatorStatus.LIMITED_PROGRESS: "进展有限",
    IndicatorStatus.DETERIORATING: "出现倒退",
    IndicatorStatus.OVERDUE: "已逾期",
    IndicatorStatus.NO_DATA: "暂无数据",
}
NO_DATA_PAST_DEADLINE_TEXT = "暂无数据（已过期限）"


class IndicatorError(ValueError):
    """A value the person can correct; ``code`` says what is wrong, ``field`` where.

    Codes: unknown_indicator, unknown_document, invalid_name, invalid_unit, invalid_comparator,
    invalid_value, invalid_range, invalid_deadline, invalid_period, impossible_period,
    baseline_incomplete, observation_exists, no_observation, unknown_field, already_decided.
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


_PERIOD = re.compile(r"^(?P<y>\d{4})(?:年)?(?:[-/.]?(?:(?P<m>\d{1,2})月?|[Qq](?P<q>[1-4])|[Hh](?P<h>[12])))?$")


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
            latest=None if self.latest is None else {"period": self.latest.period, "value": self.latest.value},
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
    rate, kind = _growth(value0, indicator.target, span) if indicator.target > 0 or value0 <= 0 else (0.0, "linear")
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
            latest=obs[-1] if obs else None, baseline_value=None, baseline_period=None, observed_growth=None,
            required_growth=None, ratio=None, growth_kind=None, reason=None,
        )
        values.update(extra)
        return StatusReport(indicator, status, as_of, observations=obs, trajectory=path, **values)

    deadline = indicator.deadline_date
    overdue = deadline is not None and not indicator.recurring and as_of > deadline
    if not obs:
        # Nothing measured is not a measured failure: as in Open SDG, no data stays no data,
        # marked as past the deadline so it is not mistaken for a target still running.
        return report(IndicatorStatus.NO_DATA, reason="no_observation_past_deadline" if overdue else "no_observation")
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
    required, required_kind = _growth(value0, indicator.target, _years(date0, target_date)) if target_date > date0 else (math.nan, kind)
    if required_kind != kind:  # one of the two had a zero: compare both linearly
        observed, kind = _growth(0.0, latest.value - value0, _years(date0, latest.end))
        required, _ = _growth(0.0, indicator.target - value0, _years(date0, target_date))
    known.update(observed_growth=observed, required_growth=required, growth_kind=kind)
    if not math.isfinite(required) or required == 0:
        return report(IndicatorStatus.DETERIORATING if observed * (1 if indicator.comparator.increasing else -1) < 0 else IndicatorStatus.LIMITED_PROGRESS, **known)
    ratio = observed / required
    known["ratio"] = ratio
    if ratio >= ON_TRACK_RATIO:
        return report(IndicatorStatus.ON_TRACK, **known)
    if ratio >= ACCELERATION_RATIO:
        return report(IndicatorStatus.NEEDS_ACCELERATION, **known)
    if ratio >= 0:
        return report(IndicatorStatus.LIMITED_PROGRESS, **known)
    return report(IndicatorStatus.DETERIORATING, **known)


# --- the service -------------------------------------------------------------------


EDITABLE_FIELDS = (
    "name", "measure", "region", "unit", "comparator", "comparator_word", "target_low", "target_high",
    "baseline", "baseline_period", "deadline", "recurring", "doc_id", "clause_id", "source_text",
)


def _now() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


def _number(value: Any, field_name: str) -> float:
    if isinstance(value, bool):
        raise IndicatorError("invalid_value", field_name, value)
    if isinstance(value, str):
        text = value.strip().replace(",", "").replace("，", "")
        try:
            value = float(text)
        except ValueError:
            raise IndicatorError("invalid_value", field_name, value) from None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise IndicatorError("invalid_value", field_name, value) from None
    if not math.isfinite(number):
        raise IndicatorError("invalid_value", field_name, value)
    return number


def _optional_number(value: Any, field_name: str) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return _number(value, field_name)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _validated(row: dict[str, Any]) -> dict[str, Any]:
    """Check and normalise an indicator row (plain Python values only)."""
    name = _text(row.get("name"))
    if name is None:
        raise IndicatorError("invalid_name", "name", row.get("name"))
    unit = _text(row.get("unit"))
    if unit is None:
        raise IndicatorError("invalid_unit", "unit", row.get("unit"))
    try:
        comparator = Comparator(str(row.get("comparator")))
    except ValueError:
        raise IndicatorError("invalid_comparator", "comparator", row.get("comparator")) from None
    low = _number(row.get("target_low"), "target_low")
    high = _optional_number(row.get("target_high"), "target_high")
    if high is not None and high < low:
        raise IndicatorError("invalid_range", "target_high", high)
    if comparator is Comparator.RANGE and high is None:
        raise IndicatorError("invalid_range", "target_high", None)
    if high is not None and comparator is not Comparator.RANGE:
        comparator = Comparator.RANGE
    baseline = _optional_number(row.get("baseline"), "baseline")
    baseline_period = row.get("baseline_period")
    try:
        baseline_period = parse_period(baseline_period).text if _text(baseline_period) else None
    except IndicatorError as exc:
        raise IndicatorError(exc.code, "baseline_period", baseline_period) from None
    if (baseline is None) != (baseline_period is None):
        raise IndicatorError("baseline_incomplete", "baseline" if baseline is None else "baseline_period", baseline)
    recurring = bool(row.get("recurring"))
    deadline = None if recurring else parse_deadline(row.get("deadline"))
    region = _text(row.get("region"))
    out = dict(row)
    out.update(
        name=name,
        unit=unit,
        comparator=comparator.value,
        comparator_word=_text(row.get("comparator_word")),
        target_low=low,
        target_high=high,
        baseline=baseline,
        baseline_period=baseline_period,
        deadline=deadline,
        recurring=int(recurring),
        region=region,
        measure=_text(row.get("measure")) or measure_key(name, region),
        doc_id=_text(row.get("doc_id")),
        clause_id=_text(row.get("clause_id")),
        source_text=_text(row.get("source_text")),
    )
    return out


def validate_fields(values: Mapping[str, Any]) -> dict[str, Any]:
    """The service's checks on indicator fields, for callers that validate before writing
    (table import); raises ``IndicatorError``, returns the normalised fields."""
    return _validated(dict(values))


def _indicator(row: Mapping[str, Any]) -> Indicator:
    return Indicator(
        id=row["id"],
        name=row["name"],
        measure=row["measure"],
        region=row["region"],
        unit=row["unit"],
        comparator=Comparator(row["comparator"]),
        comparator_word=row["comparator_word"],
        target_low=float(row["target_low"]),
        target_high=None if row["target_high"] is None else float(row["target_high"]),
        baseline=None if row["baseline"] is None else float(row["baseline"]),
        baseline_period=row["baseline_period"],
        deadline=row["deadline"],
        recurring=bool(row["recurring"]),
        doc_id=row["doc_id"],
        clause_id=row["clause_id"],
        source_text=row["source_text"],
        origin=row["origin"],
        proposal_key=row["proposal_key"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


def _observation(row: Mapping[str, Any]) -> Observation:
    return Observation(row["indicator_id"], row["period"], float(row["value"]), row["source_note"], row["entered_by"], row["entered_at"])


class IndicatorService:
    """Indicators, observations, proposals and status over the workbench's SQLite file."""

    def __init__(self, db: sqlite_utils.Database, library: Library | None = None) -> None:
        self.db = db
        self.library = library
        self._listeners: builtins.list[Callable[[IndicatorChanges], None]] = []

    # --- notifications ---------------------------------------------------------

    def subscribe(self, listener: Callable[[IndicatorChanges], None]) -> None:
        self._listeners.append(listener)

    def _notify(self, changes: IndicatorChanges) -> None:
        for listener in list(self._listeners):
            listener(changes)

    # --- queries -----------------------------------------------------------------

    def indicators(self, *, region: str | None = None, doc_id: str | None = None) -> builtins.list[Indicator]:
        return [_indicator(r) for r in store.list_indicators(self.db, region=region, doc_id=doc_id)]

    def get(self, indicator_id: str) -> Indicator | None:
        row = store.get_indicator(self.db, indicator_id)
        return None if row is None else _indicator(row)

    def _require(self, indicator_id: str) -> Indicator:
        found = self.get(indicator_id)
        if found is None:
            raise IndicatorError("unknown_indicator", "id", indicator_id)
        return found

    def observations(self, indicator_id: str) -> builtins.list[Observation]:
        """Observations of one indicator, oldest period first."""
        rows = [_observation(r) for r in store.observations_of(self.db, indicator_id)]
        return sorted(rows, key=lambda o: o.end)

    def status(self, indicator_id: str, as_of: dt.date | None = None) -> StatusReport:
        indicator = self._require(indicator_id)
        return assess(indicator, self.observations(indicator_id), as_of or dt.date.today())

    def list(
        self,
        as_of: dt.date | None = None,
        region: str | None = None,
        doc_id: str | None = None,
        status: IndicatorStatus | None = None,
    ) -> builtins.list[StatusReport]:
        """Every indicator (optionally of one region or document) with its status on ``as_of`` (default today)."""
        as_of = as_of or dt.date.today()
        by_indicator: dict[str, builtins.list[Observation]] = {}
        for row in store.all_observations(self.db):
            by_indicator.setdefault(row["indicator_id"], []).append(_observation(row))
        reports = [assess(i, by_indicator.get(i.id, []), as_of) for i in self.indicators(region=region, doc_id=doc_id)]
        return [r for r in reports if status is None or r.status is status]

    def trajectory(self, indicator: Indicator | str) -> builtins.list[TrajectoryPoint]:
        """The path to the target on time from the indicator's baseline (or first observation)."""
        found = self._require(indicator) if isinstance(indicator, str) else indicator
        return trajectory(found, self.observations(found.id))

    def targets_of_document(self, doc_id: str) -> builtins.list[Indicator]:
        """The indicators taken from one document, in the document's clause order."""
        found = self.indicators(doc_id=doc_id)
        order: dict[str, int] = {}
        if self.library is not None:
            detail = self.library.document(doc_id)
            if detail is not None:
                order = {c.id: c.ordinal for c in detail.clauses}
        return sorted(found, key=lambda i: (order.get(i.clause_id or "", 10**9), _proposal_offset(i.proposal_key), i.id))

    def regions(self) -> builtins.list[str]:
        return sorted({i.region for i in self.indicators() if i.region})

    def comparable_measures(self) -> builtins.list[str]:
        """Measures set by more than one document or region (candidates for ``compare``)."""
        seen: dict[str, set[tuple[str | None, str | None]]] = {}
        for i in self.indicators():
            seen.setdefault(i.measure, set()).add((i.doc_id, i.region))
        return sorted(m for m, sources in seen.items() if len(sources) > 1)

    def compare(self, key: str | Sequence[str], as_of: dt.date | None = None) -> Comparison:
        """Like indicators side by side: give a measure key (产业规模 / 生物经济产业规模) or indicator ids."""
        as_of = as_of or dt.date.today()
        if isinstance(key, str):
            chosen = [i for i in self.indicators() if i.measure == key or i.measure == measure_key(key)]
            measure: str | None = key
        else:
            chosen = [self._require(i) for i in key]
            measures = {i.measure for i in chosen}
            measure = measures.pop() if len(measures) == 1 else None
        rows = tuple(
            sorted((assess(i, self.observations(i.id), as_of) for i in chosen), key=lambda r: (r.indicator.region or "", r.indicator.deadline or "", r.indicator.id))
        )
        units = {r.indicator.unit for r in rows}
        return Comparison(measure, units.pop() if len(units) == 1 else None, rows)

    def audit(self, entity_id: str | None = None) -> builtins.list[AuditEntry]:
        """The audit log, oldest first (of one indicator, or a proposal key, when given)."""
        return [AuditEntry(**r) for r in store.audit_rows(self.db, entity_id)]

    # --- changes -------------------------------------------------------------------

    def create(self, draft: IndicatorDraft, *, actor: str | None = None, origin: str = "manual", indicator_id: str | None = None, proposal_key: str | None = None, action: str = "create") -> Indicator:
        row = _validated({f.name: getattr(draft, f.name) for f in fields(draft)})
        now = _now()
        row.update(
            id=indicator_id or f"ind-{secrets.token_hex(5)}",
            origin=origin,
            proposal_key=proposal_key,
            created_at=now,
            updated_at=now,
        )
        with doc_store.transaction(self.db):
            store.insert_indicator(self.db, row)
            store.write_audit(self.db, at=now, actor=actor, entity="indicator", entity_id=row["id"], action=action, before=None, after=row)
        self._notify(IndicatorChanges(frozenset({row["id"]}), frozenset({row["doc_id"]}) if row["doc_id"] else frozenset()))
        return _indicator(row)

    def edit(self, indicator_id: str, changes: Mapping[str, Any], *, actor: str | None = None) -> Indicator:
        """Change some fields of an indicator; the audit keeps the row before and after."""
        for key in changes:
            if key not in EDITABLE_FIELDS:
                raise IndicatorError("unknown_field", key, changes[key])
        before = store.get_indicator(self.db, indicator_id)
        if before is None:
            raise IndicatorError("unknown_indicator", "id", indicator_id)
        merged = dict(before)
        merged.update(changes)
        if "name" in changes and "measure" not in changes and before["measure"] == measure_key(before["name"], before["region"]):
            merged["measure"] = None  # a measure derived from the old name follows the new one
        if isinstance(merged.get("comparator"), Comparator):
            merged["comparator"] = merged["comparator"].value
        after = _validated(merged)
        if {k: after[k] for k in EDITABLE_FIELDS} == {k: before[k] for k in EDITABLE_FIELDS}:
            return _indicator(before)
        after["updated_at"] = _now()
        with doc_store.transaction(self.db):
            store.update_indicator(self.db, indicator_id, {k: after[k] for k in (*EDITABLE_FIELDS, "updated_at")})
            store.write_audit(self.db, at=str(after["updated_at"]), actor=actor, entity="indicator", entity_id=indicator_id, action="edit", before=before, after=after)
        self._notify(IndicatorChanges(frozenset({indicator_id})))
        return _indicator(after)

    def delete(self, indicator_id: str, *, actor: str | None = None) -> bool:
        """Delete an indicator and its observations (both kept in the audit)."""
        before = store.get_indicator(self.db, indicator_id)
        if before is None:
            return False
        observations = store.observations_of(self.db, indicator_id)
        with doc_store.transaction(self.db):
            store.delete_indicator(self.db, indicator_id)
            store.write_audit(self.db, at=_now(), actor=actor, entity="indicator", entity_id=indicator_id, action="delete", before={**before, "observations": observations}, after=None)
        self._notify(IndicatorChanges(frozenset({indicator_id}), frozenset({before["doc_id"]}) if before["doc_id"] else frozenset()))
        return True

    def record(
        self,
        indicator_id: str,
        period: Any,
        value: Any,
        *,
        note: str | None = None,
        by: str | None = None,
        replace: bool = False,
    ) -> Observation:
        """Record the value achieved in ``period``. A period that already has a value
        is refused (``observation_exists``) unless ``replace``; a replacement is audited
        with the old value."""
        self._require(indicator_id)
        with doc_store.transaction(self.db):
            observation = self._record(indicator_id, period, value, note=note, by=by, replace=replace)
        self._notify(IndicatorChanges(frozenset({indicator_id})))
        return observation

    def _record(self, indicator_id: str, period: Any, value: Any, *, note: str | None, by: str | None, replace: bool, action: str | None = None) -> Observation:
        text = parse_period(period).text
        number = _number(value, "value")
        before = store.get_observation(self.db, indicator_id, text)
        if before is not None and not replace:
            raise IndicatorError("observation_exists", "period", text)
        row = {"indicator_id": indicator_id, "period": text, "value": number, "source_note": _text(note), "entered_by": _text(by), "entered_at": _now()}
        store.upsert_observation(self.db, row)
        store.write_audit(
            self.db, at=str(row["entered_at"]), actor=_text(by), entity="observation", entity_id=indicator_id,
            action=action or ("replace" if before else "record"), before=before, after=row,
        )
        return _observation(row)

    def delete_observation(self, indicator_id: str, period: str, *, actor: str | None = None) -> None:
        text = parse_period(period).text
        before = store.get_observation(self.db, indicator_id, text)
        if before is None:
            raise IndicatorError("no_observation", "period", text)
        with doc_store.transaction(self.db):
            store.delete_observation(self.db, indicator_id, text)
            store.write_audit(self.db, at=_now(), actor=actor, entity="observation", entity_id=indicator_id, action="delete_observation", before=before, after=None)
        self._notify(IndicatorChanges(frozenset({indicator_id})))

    def record_many(self, rows: Iterable[Mapping[str, Any]], *, by: str | None = None, replace: bool = False) -> builtins.list[Observation]:
        """Record several observations in one transaction: all of them, or (on any error) none."""
        done: builtins.list[Observation] = []
        with doc_store.transaction(self.db):
            for r in rows:
                if self.get(str(r["indicator_id"])) is None:
                    raise IndicatorError("unknown_indicator", "indicator_id", r["indicator_id"])
                done.append(self._record(str(r["indicator_id"]), r["period"], r["value"], note=r.get("source_note"), by=r.get("entered_by") or by, replace=replace))
        self._notify(IndicatorChanges(frozenset(o.indicator_id for o in done)))
        return done

    # --- proposals -------------------------------------------------------------------

    def extract(self, doc_id: str) -> builtins.list[TargetProposal]:
        """Every target the document's text proposes (accepted and rejected ones included)."""
        if self.library is None:
            raise IndicatorError("unknown_document", "doc_id", doc_id)
        detail = self.library.document(doc_id)
        if detail is None:
            raise IndicatorError("unknown_document", "doc_id", doc_id)
        return extract_targets(detail)

    def proposals(self, doc_id: str) -> builtins.list[TargetProposal]:
        """Targets proposed by the document that were neither accepted nor rejected yet."""
        found = self.extract(doc_id)
        decided = store.accepted_keys(self.db, doc_id) | store.rejected_keys(self.db, doc_id)
        return [p for p in found if p.key not in decided]

    def accept(self, proposal: TargetProposal, edits: Mapping[str, Any] | None = None, *, actor: str | None = None) -> Indicator:
        """Make an indicator of a proposal, with the person's corrections in ``edits``."""
        self._undecided(proposal)
        values: dict[str, Any] = dict(
            name=proposal.name, unit=proposal.unit, comparator=proposal.comparator, target_low=proposal.target_low,
            target_high=proposal.target_high, deadline=proposal.deadline, recurring=proposal.recurring, region=proposal.region,
            doc_id=proposal.doc_id, clause_id=proposal.clause_id, source_text=proposal.sentence, comparator_word=proposal.comparator_word,
            measure=proposal.measure if not edits or "name" not in edits else None,
        )
        for key, value in (edits or {}).items():
            if key not in EDITABLE_FIELDS:
                raise IndicatorError("unknown_field", key, value)
            values[key] = value
        if isinstance(values["comparator"], str):
            try:
                values["comparator"] = Comparator(values["comparator"])
            except ValueError:
                raise IndicatorError("invalid_comparator", "comparator", values["comparator"]) from None
        return self.create(IndicatorDraft(**values), actor=actor, origin="extracted", proposal_key=proposal.key, action="accept")

    def reject(self, proposal: TargetProposal, *, actor: str | None = None) -> None:
        """Mark a proposal as not a target; it is not proposed again."""
        self._undecided(proposal)
        now = _now()
        data = proposal.to_json()
        with doc_store.transaction(self.db):
            store.insert_rejection(self.db, {"proposal_key": proposal.key, "doc_id": proposal.doc_id, "rejected_at": now, "rejected_by": actor, "data": json.dumps(data, ensure_ascii=False)})
            store.write_audit(self.db, at=now, actor=actor, entity="proposal", entity_id=proposal.key, action="reject", before=data, after=None)
        self._notify(IndicatorChanges(documents=frozenset({proposal.doc_id})))

    def _undecided(self, proposal: TargetProposal) -> None:
        if proposal.key in store.accepted_keys(self.db, proposal.doc_id) | store.rejected_keys(self.db, proposal.doc_id):
            raise IndicatorError("already_decided", "key", proposal.key)

    # --- bundled targets -----------------------------------------------------------------

    def seed_bundled(self, path: Path = BUNDLED_TARGETS) -> int:
        """On first start, load the reviewed targets of the bundled plans (once only: an
        indicator the user deleted stays deleted). Targets of documents not in the
        library are skipped. Returns how many were loaded."""
        if doc_store.get_meta(self.db, _SEEDED_KEY):
            return 0
        data = json.loads(path.read_text(encoding="utf-8"))
        known_docs = {r["id"]: r for r in doc_store.list_documents(self.db)}
        loaded: builtins.list[str] = []
        now = _now()
        with doc_store.transaction(self.db):
            for t in data["targets"]:
                doc = known_docs.get(t["doc_id"])
                if doc is None or doc_store.get_clause(self.db, t["clause_id"]) is None:
                    continue
                row = _validated({**{k: t.get(k) for k in EDITABLE_FIELDS}, "region": doc["region"], "source_text": t["quote"]})
                row.update(id=t["id"], origin="bundled", proposal_key=t.get("proposal_key"), created_at=now, updated_at=now)
                store.insert_indicator(self.db, row)
                store.write_audit(self.db, at=now, actor="bundled", entity="indicator", entity_id=row["id"], action="create", before=None, after=row)
                loaded.append(row["id"])
            for r in data.get("not_targets", []):
                if r["doc_id"] in known_docs:
                    store.insert_rejection(self.db, {"proposal_key": r["key"], "doc_id": r["doc_id"], "rejected_at": now, "rejected_by": "bundled", "data": json.dumps(r, ensure_ascii=False)})
            doc_store.set_meta(self.db, _SEEDED_KEY, now)
        if loaded:
            self._notify(IndicatorChanges(frozenset(loaded)))
        return len(loaded)


def _proposal_offset(key: str | None) -> int:
    if key and "@" in key:
        tail = key.rsplit("@", 1)[1]
        if tail.isdigit():
            return int(tail)
    return 0


__all__ += ["EDITABLE_FIELDS", "deadline_date", "parse_deadline", "validate_fields"]


def status_text(report: StatusReport) -> str:
    """The status in words; no observation past the deadline is no data, marked as such."""
    if report.reason == "no_observation_past_deadline":
        return NO_DATA_PAST_DEADLINE_TEXT
    return STATUS_TEXT[report.status]
