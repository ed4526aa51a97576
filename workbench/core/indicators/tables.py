"""Indicators and observations to and from .xlsx and .csv (pandas + openpyxl).

Import is two steps: ``preview_import`` reads the file and checks every row
without writing anything; ``apply_import`` writes a clean preview in one
transaction. A file with any bad row imports nothing: the preview lists every
problem with the row number as Excel shows it (the header is row 1), the
column, the cell's value and a reason code:

    missing_column, unknown_indicator, wrong_unit, not_a_number, missing_value,
    invalid_period, impossible_period, duplicate_period (twice in the file),
    observation_exists (already recorded; import with replace to overwrite),
    and the ``IndicatorError`` codes for indicator rows (invalid_name, invalid_range …).

pandas is imported inside the functions: it costs start-up time, and values
are turned into plain Python before they reach the store.
"""

from __future__ import annotations

import datetime as dt
import math
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from db.documents import transaction
from workbench.core.atomic_files import replacing
from workbench.core.indicators.progress import IndicatorDraft, IndicatorError, parse_period, status_text
from workbench.core.indicators.service import EDITABLE_FIELDS, IndicatorService, validate_fields
from workbench.core.indicators.targets import COMPARATOR_WORDS, Comparator
from workbench.core.words import ATTRIBUTE_WORDS

# Column headers as written in files (Chinese first); each maps to a field.
OBSERVATION_COLUMNS: dict[str, str] = {
    "indicator_id": "指标编号",
    "name": "指标名称",
    "region": "地区",
    "unit": "单位",
    "period": "期间",
    "value": "数值",
    "source_note": "来源说明",
    "entered_by": "填报人",
    "entered_at": "填报时间",
}
INDICATOR_COLUMNS: dict[str, str] = {
    "id": "指标编号",
    "name": "指标名称",
    "measure": "可比口径",
    "region": "地区",
    "unit": "单位",
    "comparator": "比较方式",
    "comparator_word": "原文用词",
    "target_low": "目标值",
    "target_high": "目标上限",
    "baseline": "基期值",
    "baseline_period": "基期",
    "deadline": "期限",
    "recurring": "每年",
    "attribute": "属性",
    "doc_id": "文件编号",
    "clause_id": "条款编号",
    "source_text": "原文",
    "status": "状态",
}
OBSERVATIONS_SHEET = "观测值"
INDICATORS_SHEET = "指标"
_REQUIRED_OBSERVATION = ("indicator_id", "period", "value")
_REQUIRED_INDICATOR = ("name", "unit", "comparator", "target_low")
_TRUE = {"1", "true", "yes", "是", "y", "每年"}


class TableFileError(ValueError):
    """The file cannot be read as a table: ``code`` is unsupported_type | unreadable | empty | not_found | no_folder."""

    def __init__(self, code: str, path: Path, detail: str = "") -> None:
        super().__init__(f"{code}: {path} {detail}".strip())
        self.code, self.path, self.detail = code, path, detail


@dataclass(frozen=True, slots=True)
class RowProblem:
    sheet: str | None  # None for a .csv file
    row: int  # as the user sees it in Excel: the header is row 1
    column: str  # the header as written in the file
    value: Any
    code: str


@dataclass(slots=True)
class ImportPreview:
    """What importing the file would do; ``problems`` empty means it can be applied."""

    path: Path
    observations: list[dict[str, Any]] = field(
        default_factory=list
    )  # indicator_id, period, value, source_note, entered_by, row, replaces
    indicators: list[dict[str, Any]] = field(default_factory=list)  # indicator fields, row, existing (bool)
    problems: list[RowProblem] = field(default_factory=list)
    replace: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def replacements(self) -> int:
        return sum(1 for o in self.observations if o["replaces"] is not None)


@dataclass(frozen=True, slots=True)
class ImportResult:
    observations: int
    replaced: int
    indicators_created: int
    indicators_updated: int


# --- reading ---------------------------------------------------------------------


def _read_tables(path: Path) -> list[tuple[str | None, Any]]:
    import pandas as pd

    suffix = path.suffix.lower()
    try:
        if suffix == ".xlsx":
            sheets = pd.read_excel(path, sheet_name=None, dtype=object, engine="openpyxl")
            return [(str(name), frame) for name, frame in sheets.items()]
        if suffix == ".csv":
            for encoding in ("utf-8-sig", "gb18030"):
                try:
                    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding=encoding)
                    return [(None, frame.map(_unescape_csv_text))]
                except UnicodeDecodeError:
                    continue
            raise TableFileError("unreadable", path, "encoding")
    except TableFileError:
        raise
    except FileNotFoundError:
        raise TableFileError("not_found", path) from None
    except pd.errors.EmptyDataError:
        raise TableFileError("empty", path) from None
    except (
        OSError,
        ValueError,
        KeyError,
        zipfile.BadZipFile,
    ) as exc:  # how openpyxl and zipfile report a bad file
        raise TableFileError("unreadable", path, str(exc)) from None
    raise TableFileError("unsupported_type", path, suffix)


def _plain(value: Any) -> Any:
    """A cell as plain Python: None for empty, str stripped, numbers as int/float."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):  # numpy scalars
        value = value.item()
    if hasattr(value, "to_pydatetime"):
        value = value.to_pydatetime()
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def _columns(frame: Any, mapping: dict[str, str]) -> dict[str, str]:
    """field -> header as written, for the headers the frame has (Chinese or field name)."""
    found: dict[str, str] = {}
    for header in frame.columns:
        text = str(header).strip()
        for key, label in mapping.items():
            if text in (label, key) and key not in found:
                found[key] = str(header)
    return found


def _is_number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value) if math.isfinite(float(value)) else None
    if isinstance(value, str):
        try:
            number = float(value.replace(",", "").replace("，", ""))
        except ValueError:
            return None
        return number if math.isfinite(number) else None
    return None


# --- preview -------------------------------------------------------------------------


def preview_import(service: IndicatorService, path: Path, *, replace: bool = False) -> ImportPreview:
    """Read ``path`` (.xlsx: every sheet; .csv) and check every row; writes nothing.
    A sheet with a 数值/value column holds observations; one with 目标值/target_low, indicators."""
    preview = ImportPreview(Path(path), replace=replace)
    tables = _read_tables(Path(path))
    used = False
    for sheet, frame in tables:
        obs_cols = _columns(frame, OBSERVATION_COLUMNS)
        ind_cols = _columns(frame, INDICATOR_COLUMNS)
        if "value" in obs_cols:
            used = True
            _check_observations(service, preview, sheet, frame, obs_cols)
        elif "target_low" in ind_cols:
            used = True
            _check_indicators(service, preview, sheet, frame, ind_cols)
    if not used:
        sheet = tables[0][0] if tables else None
        preview.problems.append(RowProblem(sheet, 1, OBSERVATION_COLUMNS["value"], None, "missing_column"))
    return preview


def _check_observations(
    service: IndicatorService, preview: ImportPreview, sheet: str | None, frame: Any, cols: dict[str, str]
) -> None:
    for key in _REQUIRED_OBSERVATION:
        if key not in cols:
            preview.problems.append(RowProblem(sheet, 1, OBSERVATION_COLUMNS[key], None, "missing_column"))
    if any(key not in cols for key in _REQUIRED_OBSERVATION):
        return
    indicators = {i.id: i for i in service.indicators()}
    recorded: dict[str, dict[str, Any]] = {}  # indicator id -> period -> observation already stored
    seen: dict[tuple[str, str], int] = {}
    for index, record in enumerate(frame.to_dict("records")):
        row_number = index + 2
        cells = {key: _plain(record[header]) for key, header in cols.items()}
        if all(v is None for v in cells.values()):
            continue  # a blank line
        problems: list[RowProblem] = []

        def bad(
            key: str,
            code: str,
            cells: dict[str, Any] = cells,
            problems: list[RowProblem] = problems,
            row_number: int = row_number,
        ) -> None:
            problems.append(RowProblem(sheet, row_number, cols[key], cells.get(key), code))

        indicator_id = None if cells["indicator_id"] is None else str(cells["indicator_id"])
        indicator = indicators.get(indicator_id or "")
        if indicator_id is None:
            bad("indicator_id", "missing_value")
        elif indicator is None:
            bad("indicator_id", "unknown_indicator")
        elif "unit" in cols and cells.get("unit") is not None and str(cells["unit"]) != indicator.unit:
            bad("unit", "wrong_unit")
        period_text = None
        if cells["period"] is None:
            bad("period", "missing_value")
        else:
            try:
                period_text = parse_period(cells["period"]).text
            except IndicatorError as exc:
                bad("period", exc.code)
        value = _is_number(cells["value"])
        if cells["value"] is None:
            bad("value", "missing_value")
        elif value is None:
            bad("value", "not_a_number")
        replaces = None
        if indicator is not None and period_text is not None:
            pair = (indicator.id, period_text)
            if pair in seen:
                bad("period", "duplicate_period")
            else:
                seen[pair] = row_number
                if indicator.id not in recorded:  # once per indicator: the preview stays linear
                    recorded[indicator.id] = {o.period: o for o in service.observations(indicator.id)}
                existing = recorded[indicator.id].get(period_text)
                if existing is not None:
                    if preview.replace:
                        replaces = existing.value
                    else:
                        bad("period", "observation_exists")
        preview.problems.extend(problems)
        if not problems:
            preview.observations.append(
                {
                    "indicator_id": indicator_id,
                    "period": period_text,
                    "value": value,
                    "source_note": None if cells.get("source_note") is None else str(cells["source_note"]),
                    "entered_by": None if cells.get("entered_by") is None else str(cells["entered_by"]),
                    "row": row_number,
                    "replaces": replaces,
                }
            )


_FIELD_OF_ERROR = {"period": "baseline_period"}


def _check_indicators(
    service: IndicatorService, preview: ImportPreview, sheet: str | None, frame: Any, cols: dict[str, str]
) -> None:
    for key in _REQUIRED_INDICATOR:
        if key not in cols:
            preview.problems.append(RowProblem(sheet, 1, INDICATOR_COLUMNS[key], None, "missing_column"))
    if any(key not in cols for key in _REQUIRED_INDICATOR):
        return
    seen: set[str] = set()
    for index, record in enumerate(frame.to_dict("records")):
        row_number = index + 2
        cells = {key: _plain(record[header]) for key, header in cols.items() if key != "status"}
        if all(v is None for v in cells.values()):
            continue
        values: dict[str, Any] = {k: cells.get(k) for k in EDITABLE_FIELDS if k in cells}
        for key in ("target_low", "target_high", "baseline"):
            if values.get(key) is not None and _is_number(values[key]) is None:
                preview.problems.append(RowProblem(sheet, row_number, cols[key], values[key], "not_a_number"))
                values[key] = None if key != "target_low" else 0
        if values.get("comparator") is not None:
            values["comparator"] = _comparator(str(values["comparator"]))
        if values.get("recurring") is not None:
            values["recurring"] = str(values["recurring"]).strip().lower() in _TRUE
        if isinstance(values.get("deadline"), (int, float)):
            values["deadline"] = str(int(values["deadline"]))
        if values.get("baseline_period") is not None:
            values["baseline_period"] = (
                str(values["baseline_period"])
                if not isinstance(values["baseline_period"], (int, float))
                else str(int(values["baseline_period"]))
            )
        indicator_id = None if cells.get("id") is None else str(cells["id"])
        if indicator_id is not None and indicator_id in seen:
            preview.problems.append(
                RowProblem(
                    sheet,
                    row_number,
                    cols.get("id", INDICATOR_COLUMNS["id"]),
                    indicator_id,
                    "duplicate_indicator",
                )
            )
            continue
        if indicator_id:
            seen.add(indicator_id)
        existing = service.get(indicator_id) if indicator_id else None
        merged = {
            **(existing.to_json() if existing else {}),
            **{k: v for k, v in values.items() if k in cols},
        }
        if existing is not None:
            merged["doc_id"] = merged.pop("document", None) if "doc_id" not in values else values["doc_id"]
        try:
            validate_fields(dict(merged))
        except IndicatorError as exc:
            column = cols.get(
                _FIELD_OF_ERROR.get(exc.field or "", exc.field or ""),
                INDICATOR_COLUMNS.get(exc.field or "", exc.field or ""),
            )
            preview.problems.append(RowProblem(sheet, row_number, column, exc.value, exc.code))
            continue
        preview.indicators.append(
            {**values, "id": indicator_id, "row": row_number, "existing": existing is not None}
        )


def _comparator(text: str) -> str:
    found = COMPARATOR_WORDS.get(text.strip())
    return found.value if found else text.strip()


# --- apply -------------------------------------------------------------------------------


def apply_import(service: IndicatorService, preview: ImportPreview, *, by: str | None = None) -> ImportResult:
    """Write a clean preview in one transaction; a preview with problems raises
    ``ValueError`` and writes nothing."""
    if not preview.ok:
        raise ValueError(f"{len(preview.problems)} problem(s) in {preview.path}: nothing imported")
    created = updated = 0
    with transaction(service.db):
        for row in preview.indicators:
            fields = {k: v for k, v in row.items() if k in EDITABLE_FIELDS}
            if row["existing"]:
                service.edit(row["id"], fields, actor=by)
                updated += 1
            else:
                comparator = Comparator(fields.pop("comparator"))
                service.create(
                    IndicatorDraft(comparator=comparator, **fields),
                    actor=by,
                    origin="imported",
                    indicator_id=row["id"],
                )
                created += 1
        if preview.observations:
            service.record_many(preview.observations, by=by, replace=preview.replace)
    return ImportResult(len(preview.observations), preview.replacements, created, updated)


def import_file(
    service: IndicatorService, path: Path, *, replace: bool = False, by: str | None = None
) -> tuple[ImportPreview, ImportResult | None]:
    """Preview and, when the file is clean, apply; returns the preview and the result (None if not applied)."""
    preview = preview_import(service, path, replace=replace)
    return preview, (apply_import(service, preview, by=by) if preview.ok else None)


# --- export ------------------------------------------------------------------------------


def _cell_number(value: float | None) -> float | int | None:
    """3000, not 3000.0, in a .csv an official opens."""
    return int(value) if value is not None and float(value).is_integer() else value


def observation_rows(service: IndicatorService, ids: Iterable[str] | None = None) -> list[dict[str, Any]]:
    chosen = set(ids) if ids is not None else None
    rows = []
    for indicator in service.indicators():
        if chosen is not None and indicator.id not in chosen:
            continue
        for o in service.observations(indicator.id):
            rows.append(
                {
                    OBSERVATION_COLUMNS["indicator_id"]: indicator.id,
                    OBSERVATION_COLUMNS["name"]: indicator.name,
                    OBSERVATION_COLUMNS["region"]: indicator.region,
                    OBSERVATION_COLUMNS["unit"]: indicator.unit,
                    OBSERVATION_COLUMNS["period"]: o.period,
                    OBSERVATION_COLUMNS["value"]: _cell_number(o.value),
                    OBSERVATION_COLUMNS["source_note"]: o.source_note,
                    OBSERVATION_COLUMNS["entered_by"]: o.entered_by,
                    OBSERVATION_COLUMNS["entered_at"]: o.entered_at,
                }
            )
    return rows


def indicator_rows(
    service: IndicatorService, as_of: dt.date | None = None, ids: Sequence[str] | None = None
) -> list[dict[str, Any]]:
    rows = []
    for report in service.list(as_of):
        i = report.indicator
        if ids is not None and i.id not in ids:
            continue
        rows.append(
            {
                INDICATOR_COLUMNS["id"]: i.id,
                INDICATOR_COLUMNS["name"]: i.name,
                INDICATOR_COLUMNS["measure"]: i.measure,
                INDICATOR_COLUMNS["region"]: i.region,
                INDICATOR_COLUMNS["unit"]: i.unit,
                INDICATOR_COLUMNS["comparator"]: i.comparator.value,
                INDICATOR_COLUMNS["comparator_word"]: i.comparator_word,
                INDICATOR_COLUMNS["target_low"]: _cell_number(i.target_low),
                INDICATOR_COLUMNS["target_high"]: _cell_number(i.target_high),
                INDICATOR_COLUMNS["baseline"]: _cell_number(i.baseline),
                INDICATOR_COLUMNS["baseline_period"]: i.baseline_period,
                INDICATOR_COLUMNS["deadline"]: i.deadline,
                INDICATOR_COLUMNS["recurring"]: "是" if i.recurring else "否",
                INDICATOR_COLUMNS["attribute"]: ATTRIBUTE_WORDS[i.attribute.value] if i.attribute else None,
                INDICATOR_COLUMNS["doc_id"]: i.doc_id,
                INDICATOR_COLUMNS["clause_id"]: i.clause_id,
                INDICATOR_COLUMNS["source_text"]: i.source_text,
                INDICATOR_COLUMNS["status"]: status_text(report),  # for people: import ignores it
            }
        )
    return rows


def export_file(
    service: IndicatorService, path: Path, *, kind: str = "observations", as_of: dt.date | None = None
) -> int:
    """Write indicators and observations: .xlsx gets both sheets (指标, 观测值);
    .csv holds one table, ``kind`` observations (default) or indicators. Returns rows written."""
    import pandas as pd

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise TableFileError("unsupported_type", path, suffix)
    # object columns: pandas would make a column of 3500 and 3612.5 all floats (3500.0)
    observations = pd.DataFrame(
        observation_rows(service), columns=list(OBSERVATION_COLUMNS.values()), dtype=object
    )
    indicators = pd.DataFrame(
        indicator_rows(service, as_of), columns=list(INDICATOR_COLUMNS.values()), dtype=object
    )
    if not path.parent.is_dir():  # a mistyped folder is the person's to correct, not ours to create
        raise TableFileError("no_folder", path)
    with replacing(path) as tmp:
        if suffix == ".xlsx":
            # ExcelWriter saves on leaving its block even after an error: only ``tmp`` may be half-written
            with pd.ExcelWriter(tmp, engine="openpyxl") as writer:
                indicators.to_excel(writer, sheet_name=INDICATORS_SHEET, index=False)
                observations.to_excel(writer, sheet_name=OBSERVATIONS_SHEET, index=False)
                for sheet in writer.sheets.values():
                    _formulas_as_text(sheet)
            return len(indicators) + len(observations)
        frame = indicators if kind == "indicators" else observations
        escaped = pd.DataFrame(  # built anew: DataFrame.map would turn 3500 into 3500.0
            [[_csv_text(v) for v in row] for row in frame.itertuples(index=False)],
            columns=frame.columns,
            dtype=object,
        )
        escaped.to_csv(tmp, index=False, encoding="utf-8-sig")
        return len(frame)


# A spreadsheet reads a cell that begins with one of these as a formula (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _formulas_as_text(sheet: Any) -> None:
    """openpyxl stores a string that begins with ``=`` as a formula: store every cell
    we wrote as what it is, text, so that a note ``=HYPERLINK(…)`` is shown, never run."""
    for row in sheet.iter_rows():
        for cell in row:
            if cell.data_type == "f":
                cell.data_type = "s"


def _csv_text(value: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula gets a leading ``'``
    (OWASP's advice); the import takes it off again, so the round trip is lossless."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _unescape_csv_text(value: Any) -> Any:
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value
