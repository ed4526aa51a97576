"""The ledger as an .xlsx in the layout offices use, and a department's filled-in copy back.

Export: one sheet 督办台账, a title row, then 序号, 任务, 牵头单位, 配合单位, 完成时限, 进展情况,
状态, followed by the columns an import needs (任务编号, 填报日期, 填报人) and the plan. A cell
that starts with = + - @ is written as text, never as a formula.

Import is two steps, as for the indicators: ``preview_import`` reads the file and checks
every row without writing anything; ``apply_import`` writes a clean preview in one
transaction. A file with any bad row imports nothing: the preview lists every problem with
the row number as Excel shows it, the column, the value and a reason code (missing_column,
missing_value, unknown_task, duplicate_task, invalid_status, missing_note, invalid_date,
future_date). A row whose 进展情况 and 状态 are those of the task's latest note is unchanged
and skipped, so a ledger exported and sent back as it was imports nothing new.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from db.documents import transaction
from workbench.core.atomic_files import replacing
from workbench.core.tasks.ledger import (
    TaskError,
    TaskReport,
    TaskService,
    TaskStatus,
    parse_report_day,
    parse_status,
)
from workbench.core.words import OVERDUE_WORD, TASK_STATUS_WORDS

SHEET = "督办台账"
# field -> header; the first seven are the office layout, the rest let the file come back.
COLUMNS: dict[str, str] = {
    "number": "序号",
    "task": "任务",
    "lead": "牵头单位",
    "supporting": "配合单位",
    "deadline": "完成时限",
    "note": "进展情况",
    "status": "状态",
    "task_id": "任务编号",
    "reported_on": "填报日期",
    "author": "填报人",
    "plan": "所属文件",
}
_WIDTHS = {"number": 6, "task": 44, "lead": 22, "supporting": 30, "deadline": 14, "note": 40, "status": 10,
           "task_id": 30, "reported_on": 12, "author": 10, "plan": 36}  # fmt: skip
_REQUIRED = ("task_id", "note", "status")
_FORMULA_START = ("=", "+", "-", "@")


class LedgerFileError(ValueError):
    """The file cannot be used: ``code`` is unsupported_type | unreadable | empty | not_found | no_folder."""

    def __init__(self, code: str, path: Path, detail: str = "") -> None:
        super().__init__(f"{code}: {path} {detail}".strip())
        self.code, self.path, self.detail = code, path, detail


@dataclass(frozen=True, slots=True)
class RowProblem:
    row: int  # as Excel shows it
    column: str  # the header as written in the file
    value: Any
    code: str


@dataclass(slots=True)
class ImportPreview:
    path: Path
    notes: list[dict[str, Any]] = field(
        default_factory=list
    )  # task_id, status, note, reported_on, author, row
    unchanged: int = 0
    problems: list[RowProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


# --- export ------------------------------------------------------------------------------


def deadline_text(report: TaskReport) -> str:
    d = report.task.deadline
    if d is None:
        return "未明确"
    if d.day is None:
        return d.text
    return f"{d.day.year}年{d.day.month}月{d.day.day}日" + ("（规划期末）" if d.source == "plan" else "")


def status_cell(report: TaskReport) -> str:
    word = TASK_STATUS_WORDS[report.status.value]
    return f"{word}（{OVERDUE_WORD}）" if report.overdue else word


def ledger_rows(reports: Sequence[TaskReport]) -> list[dict[str, Any]]:
    rows = []
    for n, r in enumerate(reports, start=1):
        t = r.task
        rows.append(
            {
                "number": n,
                "task": t.title,
                "lead": t.lead.name if t.lead else "",
                "supporting": "、".join(u.name for u in t.supporting),
                "deadline": deadline_text(r),
                "note": r.latest.note if r.latest else "",
                "status": status_cell(r),
                "task_id": t.id,
                "reported_on": r.latest.reported_on.isoformat() if r.latest else "",
                "author": (r.latest.author or "") if r.latest else "",
                "plan": t.plan.title
                + (f"（{t.plan.doc_number}）" if t.plan.doc_number else "")
                + f" {t.path}",
            }
        )
    return rows


def export_ledger(reports: Sequence[TaskReport], path: Path, *, title: str) -> int:
    """Write the ledger of ``reports`` to ``path`` (.xlsx); returns the rows written. The file
    is written beside its place and moved in, so a failed export keeps the earlier file."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise LedgerFileError("unsupported_type", path, path.suffix)
    if not path.parent.is_dir():
        raise LedgerFileError("no_folder", path)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = SHEET
    keys = list(COLUMNS)
    sheet.cell(1, 1, title).font = Font(name="黑体", size=16, bold=True)
    sheet.cell(1, 1).alignment = Alignment(horizontal="center")
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=7)
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for c, key in enumerate(keys, start=1):
        cell = sheet.cell(2, c, COLUMNS[key])
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="EEEEEE")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = border
        sheet.column_dimensions[get_column_letter(c)].width = _WIDTHS[key]
    overdue_fill = PatternFill("solid", fgColor="F6C9C4")
    rows = ledger_rows(reports)
    for r, (report, row) in enumerate(zip(reports, rows, strict=True), start=3):
        for c, key in enumerate(keys, start=1):
            cell = sheet.cell(r, c)
            _set_text_safe(cell, row[key])
            cell.alignment = Alignment(vertical="top", wrap_text=True)
            cell.border = border
            if key == "status" and report.overdue:
                cell.fill = overdue_fill
    if rows:
        status_col = get_column_letter(keys.index("status") + 1)
        choices = DataValidation(
            type="list", formula1='"' + ",".join(TASK_STATUS_WORDS.values()) + '"', allow_blank=True
        )
        choices.error = "状态应为 未启动、推进中、已完成 或 滞后"
        choices.showErrorMessage = False  # the overdue mark (已完成（逾期）…) is a value too; import checks
        sheet.add_data_validation(choices)
        choices.add(f"{status_col}3:{status_col}{len(rows) + 2}")
    sheet.freeze_panes = "A3"
    with replacing(path) as tmp:
        book.save(tmp)
    return len(rows)


def _set_text_safe(cell: Any, value: Any) -> None:
    """Text that a spreadsheet would take for a formula (=, +, -, @ first) stays text."""
    cell.value = value
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        cell.data_type = "s"
        cell.quotePrefix = True


# --- import ------------------------------------------------------------------------------


def _read_rows(path: Path) -> list[tuple[Any, ...]]:
    from openpyxl import load_workbook

    if path.suffix.lower() != ".xlsx":
        raise LedgerFileError("unsupported_type", path, path.suffix)
    if not path.exists():
        raise LedgerFileError("not_found", path)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as exc:
        raise LedgerFileError("unreadable", path, str(exc)) from None
    try:
        sheet = book[SHEET] if SHEET in book.sheetnames else book.worksheets[0]
        return [tuple(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def _plain(value: Any) -> Any:
    if isinstance(value, str):
        return value.strip() or None
    return value


def preview_import(service: TaskService, path: Path, *, today: dt.date | None = None) -> ImportPreview:
    """Read a filled-in ledger and check every row; writes nothing."""
    preview = ImportPreview(Path(path))
    rows = _read_rows(Path(path))
    if not any(any(v is not None for v in row) for row in rows):
        raise LedgerFileError("empty", Path(path))
    header_at, cols = _find_header(rows)
    if header_at is None:
        preview.problems.append(RowProblem(1, COLUMNS["task_id"], None, "missing_column"))
        return preview
    for key in _REQUIRED:
        if key not in cols:
            preview.problems.append(RowProblem(header_at + 1, COLUMNS[key], None, "missing_column"))
    if not preview.ok:
        return preview
    tasks = {t.id: t for t in service.tasks()}
    latest = {r.task.id: r.latest for r in service.reports(tasks=list(tasks.values()))}
    seen: set[str] = set()
    for index in range(header_at + 1, len(rows)):
        row_number = index + 1
        record = rows[index]
        cells = {k: _plain(record[c]) if c < len(record) else None for k, c in cols.items()}
        if all(cells.get(k) is None for k in ("task_id", "note", "status")):
            continue  # a blank line, or a row nobody filled in

        def bad(key: str, code: str, value: Any = None, row_number: int = row_number) -> None:
            preview.problems.append(RowProblem(row_number, COLUMNS[key], value, code))

        task_id = None if cells["task_id"] is None else str(cells["task_id"])
        if task_id is None:
            bad("task_id", "missing_value")
        elif task_id not in tasks:
            bad("task_id", "unknown_task", task_id)
        elif task_id in seen:
            bad("task_id", "duplicate_task", task_id)
        if task_id:
            seen.add(task_id)
        status_value = cells["status"]
        status = None
        if status_value is None:
            bad("status", "missing_value")
        else:
            word = (
                str(status_value).replace(f"（{OVERDUE_WORD}）", "").replace(f"({OVERDUE_WORD})", "").strip()
            )
            try:
                status = parse_status(word)
            except TaskError:
                bad("status", "invalid_status", status_value)
        note = None if cells["note"] is None else str(cells["note"]).strip()
        before = latest.get(task_id or "")
        current = before.status if before is not None else TaskStatus.NOT_STARTED
        if not note and status is current and task_id in tasks:
            preview.unchanged += 1  # a row of the exported ledger that nobody filled in
            continue
        if not note:
            bad("note", "missing_note")
        day = None
        if "reported_on" in cols:
            try:
                day = parse_report_day(cells.get("reported_on"), today)
            except TaskError as exc:
                bad("reported_on", exc.code, cells.get("reported_on"))
        if any(p.row == row_number for p in preview.problems):
            continue
        assert task_id is not None and status is not None
        if before is not None and before.note == note and before.status is status:
            preview.unchanged += 1
            continue
        author = cells.get("author")
        preview.notes.append(
            {
                "task_id": task_id,
                "status": status.value,
                "note": note,
                # a row whose date is the exported one but whose text changed reports today
                "reported_on": day if day and (before is None or day != before.reported_on) else None,
                "author": None if author is None else str(author),
                "row": row_number,
            }
        )
    return preview


def _find_header(rows: Sequence[tuple[Any, ...]]) -> tuple[int | None, dict[str, int]]:
    """The first of the top rows that names the task id column, and where each column is."""
    labels = {label: key for key, label in COLUMNS.items()} | {key: key for key in COLUMNS}
    for index, row in enumerate(rows[:10]):
        cols: dict[str, int] = {}
        for c, value in enumerate(row):
            key = labels.get(str(value).strip()) if value is not None else None
            if key and key not in cols:
                cols[key] = c
        if "task_id" in cols or ("number" in cols and "task" in cols):
            return index, cols
    return None, {}


def apply_import(service: TaskService, preview: ImportPreview, *, by: str | None = None) -> int:
    """Write a clean preview in one transaction; returns the notes written."""
    if not preview.ok:
        raise ValueError(f"{len(preview.problems)} problem(s) in {preview.path}: nothing imported")
    with transaction(service.db):
        written = service.record_many(
            [{k: v for k, v in n.items() if k != "row"} for n in preview.notes], by=by
        )
    return len(written)
