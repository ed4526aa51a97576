"""The ledger as .xlsx in the office layout, and a filled-in copy back with row-level checks."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import Workbook, load_workbook

from workbench.core.tasks.tables import (
    COLUMNS,
    SHEET,
    LedgerFileError,
    apply_import,
    export_ledger,
    preview_import,
)
from workbench.core.workspace import Workspace

AS_OF = dt.date(2026, 12, 1)
OFFICE_LAYOUT = ["序号", "任务", "牵头单位", "配合单位", "完成时限", "进展情况", "状态"]


@pytest.fixture
def ws(data_dir):
    workspace = Workspace.open(data_dir)
    yield workspace
    workspace.close()


def exported(ws, tmp_path, unit="省科技厅"):
    path = tmp_path / "台账.xlsx"
    reports = ws.tasks.reports(AS_OF, unit=unit)
    export_ledger(reports, path, title="湖南省科学技术厅督办任务台账")
    return path, reports


def header(sheet):
    return [c.value for c in sheet[2]]


def test_the_export_has_the_office_layout_and_one_row_per_task(ws, tmp_path):
    ws.tasks.record(
        "hunan-biomedicine-2026:一/（一）", "推进中", "已发布认定指南", on="2026-11-02", by="张三"
    )
    path, reports = exported(ws, tmp_path)
    sheet = load_workbook(path)[SHEET]
    assert sheet["A1"].value == "湖南省科学技术厅督办任务台账"
    assert header(sheet)[:7] == OFFICE_LAYOUT and "任务编号" in header(sheet)
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    assert len(rows) == len(reports) == 11
    first = dict(zip(header(sheet), rows[0], strict=True))
    assert first["序号"] == 1 and first["任务"] == "支持生物医药创新平台建设"
    assert first["牵头单位"] == "湖南省科学技术厅" and "湖南省财政厅" in first["配合单位"]
    assert (first["进展情况"], first["状态"], first["填报日期"], first["填报人"]) == (
        "已发布认定指南",
        "推进中",
        "2026-11-02",
        "张三",
    )
    assert first["完成时限"] == "未明确"


def test_overdue_tasks_are_marked_in_the_status_column(ws, tmp_path):
    path = tmp_path / "南京.xlsx"
    export_ledger(ws.tasks.reports(AS_OF, unit="南京市发展和改革委员会"), path, title="t")
    sheet = load_workbook(path)[SHEET]
    status_col = header(sheet).index("状态") + 1
    cell = sheet.cell(3, status_col)
    assert cell.value == "未启动（逾期）" and cell.fill.fgColor.rgb.endswith("F6C9C4")
    assert "2023年12月31日（规划期末）" in [c.value for c in sheet[3]]


def test_cells_that_look_like_formulas_are_written_as_text(ws, tmp_path):
    for task_id, note in (
        ("hunan-biomedicine-2026:一/（一）", '=HYPERLINK("http://x","点此")'),
        ("hunan-biomedicine-2026:一/（二）", "+1 项已完成"),
        ("hunan-biomedicine-2026:一/（三）", "-已推进"),
        ("hunan-biomedicine-2026:一/（四）", "@SUM(A1)"),
    ):
        ws.tasks.record(task_id, "推进中", note, by="=cmd|' /C calc'!A0")
    path, _ = exported(ws, tmp_path)
    sheet = load_workbook(path)[SHEET]
    note_col = header(sheet).index("进展情况") + 1
    by_col = header(sheet).index("填报人") + 1
    notes = [sheet.cell(r, note_col) for r in range(3, 7)]
    assert [c.value for c in notes] == ['=HYPERLINK("http://x","点此")', "+1 项已完成", "-已推进", "@SUM(A1)"]
    assert all(c.data_type == "s" for c in notes)
    assert sheet.cell(3, by_col).data_type == "s"
    # the same file read for values (what Excel would compute) still holds the text
    values = load_workbook(path, data_only=True)[SHEET]
    assert values.cell(3, note_col).value.startswith("=HYPERLINK")


def fill(path, changes):
    """Write into the exported ledger as a department would: {row: {header: value}}."""
    book = load_workbook(path)
    sheet = book[SHEET]
    cols = {v: i + 1 for i, v in enumerate(header(sheet))}
    for row, values in changes.items():
        for name, value in values.items():
            sheet.cell(row, cols[name], value)
    book.save(path)


def test_an_untouched_ledger_imports_nothing_and_a_filled_in_one_records_each_row(ws, tmp_path):
    path, reports = exported(ws, tmp_path)
    preview = preview_import(ws.tasks, path)
    assert preview.ok and preview.notes == [] and preview.unchanged == 11
    fill(
        path,
        {
            3: {"进展情况": "已完成首批认定", "状态": "已完成", "填报人": "赵六"},
            5: {"进展情况": "正在调研", "状态": "推进中"},
        },
    )
    preview = preview_import(ws.tasks, path)
    assert preview.ok and len(preview.notes) == 2 and preview.unchanged == 9
    assert apply_import(ws.tasks, preview, by="科技厅") == 2
    first, third = (
        next(r for r in ws.tasks.reports(AS_OF) if r.task.id == reports[i].task.id) for i in (0, 2)
    )
    assert (first.status.value, first.latest.note, first.latest.author) == ("done", "已完成首批认定", "赵六")
    assert (third.latest.note, third.latest.author, third.latest.reported_on) == (
        "正在调研",
        "科技厅",
        dt.date.today(),
    )
    # the same file again: both rows are now the latest notes, nothing new
    again = preview_import(ws.tasks, path)
    assert again.ok and again.notes == []


def test_a_file_with_one_bad_row_imports_nothing_and_names_every_problem(ws, tmp_path):
    path, reports = exported(ws, tmp_path)
    fill(
        path,
        {
            3: {"进展情况": "好的一行", "状态": "推进中"},
            4: {"进展情况": "x", "状态": "快好了"},
            5: {"状态": "已完成"},
            6: {"任务编号": "no-such:一", "进展情况": "x", "状态": "推进中"},
            7: {"进展情况": "x", "状态": "推进中", "填报日期": "2999-01-01"},
            8: {"任务编号": reports[0].task.id, "进展情况": "重复", "状态": "推进中"},
        },
    )
    preview = preview_import(ws.tasks, path)
    assert not preview.ok
    assert sorted((p.row, p.column, p.code) for p in preview.problems) == [
        (4, "状态", "invalid_status"),
        (5, "进展情况", "missing_note"),
        (6, "任务编号", "unknown_task"),
        (7, "填报日期", "future_date"),
        (8, "任务编号", "duplicate_task"),
    ]
    with pytest.raises(ValueError):
        apply_import(ws.tasks, preview)
    assert ws.tasks.audit() == []  # not even the good row


def test_a_file_without_the_columns_an_import_needs_is_refused(ws, tmp_path):
    path = tmp_path / "其他.xlsx"
    book = Workbook()
    book.active.append(["序号", "任务", "状态"])
    book.active.append([1, "某任务", "推进中"])
    book.save(path)
    preview = preview_import(ws.tasks, path)
    assert {(p.column, p.code) for p in preview.problems} == {
        (COLUMNS["task_id"], "missing_column"),
        (COLUMNS["note"], "missing_column"),
    }


@pytest.mark.parametrize(
    ("name", "content", "code"), [("a.csv", b"x", "unsupported_type"), ("b.xlsx", b"not a zip", "unreadable")]
)
def test_a_file_that_is_no_workbook_is_refused(ws, tmp_path, name, content, code):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(LedgerFileError) as info:
        preview_import(ws.tasks, path)
    assert info.value.code == code


def test_an_export_into_a_missing_folder_or_as_csv_is_refused_and_an_old_file_kept(ws, tmp_path):
    reports = ws.tasks.reports(AS_OF, unit="省科技厅")
    with pytest.raises(LedgerFileError) as info:
        export_ledger(reports, tmp_path / "no" / "x.xlsx", title="t")
    assert info.value.code == "no_folder" and not (tmp_path / "no").exists()
    with pytest.raises(LedgerFileError):
        export_ledger(reports, tmp_path / "x.csv", title="t")


def test_overdue_marks_in_an_untouched_ledger_are_not_changes(ws, tmp_path):
    path = tmp_path / "南京.xlsx"
    reports = ws.tasks.reports(AS_OF, unit="南京市科学技术局")
    export_ledger(reports, path, title="t")
    preview = preview_import(ws.tasks, path)
    assert preview.ok and preview.notes == [] and preview.unchanged == len(reports) == 18
