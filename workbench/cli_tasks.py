"""Command line: ``tasks list|matrix|show|record|retract|export|import|units``: who is responsible
for what across every plan, and the progress reported on it (督办台账)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from workbench.core.tasks.ledger import Role, TaskError, TaskReport
from workbench.core.tasks.units import UnitTableError
from workbench.core.words import (
    OVERDUE_WORD,
    TABLE_FILE_WORDS,
    TASK_AUDIT_WORDS,
    TASK_ERROR_WORDS,
    TASK_ROLE_WORDS,
    TASK_STATUS_WORDS,
    UNIT_TABLE_WORDS,
)


def register(sub: Any) -> None:
    """Add this module's subcommands to the main parser's ``sub``."""
    from workbench.cli import parse_date_arg

    tasks = sub.add_parser("tasks", help="the task ledger: units, plans, deadlines, progress").add_subparsers(
        dest="tasks_command", required=True
    )

    def as_of(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--as-of", type=parse_date_arg, default=None, metavar="YYYY-MM-DD", help="default: today"
        )

    p = tasks.add_parser("list", help="tasks with lead and supporting units, deadline and status")
    p.add_argument("--unit", default=None, help="one unit, in any spelling (省科技厅, 湖南省科学技术厅)")
    p.add_argument("--doc", default=None, metavar="DOC_ID", help="only the tasks of this plan")
    p.add_argument(
        "--role", choices=["lead", "supporting"], default=None, help="with --unit: lead or supporting"
    )
    p.add_argument("--overdue", action="store_true", help="only tasks past their deadline and not done")
    as_of(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_list)
    p = tasks.add_parser("matrix", help="units down the side, plans across: how many tasks (lead/supporting)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_matrix)
    p = tasks.add_parser("show", help="one task: its units, deadline, progress notes and audit")
    p.add_argument("task_id")
    as_of(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_show)
    p = tasks.add_parser("record", help="record progress on a task")
    p.add_argument("task_id", help="the task's clause id, e.g. hunan-biomedicine-2026:一/（一）")
    p.add_argument(
        "status", help="未启动 | 推进中 | 已完成 | 滞后 (or not_started | in_progress | done | lagging)"
    )
    p.add_argument("note", help="进展情况: what was done")
    p.add_argument(
        "--on", default=None, metavar="YYYY-MM-DD", help="the day the note reports on (default: today)"
    )
    p.add_argument("--by", default=None, help="who reports it")
    p.set_defaults(handler=cmd_record)
    p = tasks.add_parser("retract", help="withdraw a progress note written in error (kept in the audit)")
    p.add_argument("note_id", type=int)
    p.add_argument("--by", default=None)
    p.set_defaults(handler=cmd_retract)
    p = tasks.add_parser("export", help="the ledger of a unit or a plan as .xlsx or as a PDF brief")
    p.add_argument("path", type=Path, help="台账.xlsx or 台账.pdf")
    p.add_argument("--unit", default=None)
    p.add_argument("--doc", default=None, metavar="DOC_ID")
    as_of(p)
    p.set_defaults(handler=cmd_export)
    p = tasks.add_parser("import", help="import a filled-in ledger .xlsx (all rows or nothing)")
    p.add_argument("path", type=Path)
    p.add_argument("--by", default=None, help="who reports, for rows without 填报人")
    p.add_argument("--dry-run", action="store_true", help="check the file and show what would be imported")
    p.set_defaults(handler=cmd_import)
    p = tasks.add_parser("units", help="unit spellings the unit table does not know yet (to add to it)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_units)


def _open(args: argparse.Namespace) -> Any:
    from workbench.cli import _open as open_workspace

    return open_workspace(args)


def _user_error(exc: TaskError | UnitTableError) -> Exception:
    from workbench.cli import UserError

    if isinstance(exc, UnitTableError):
        return UserError(f"{UNIT_TABLE_WORDS.get(exc.code, exc.code)}：{exc.path}（{exc.detail}）")
    return UserError(f"{TASK_ERROR_WORDS.get(exc.code, exc.code)}：{exc.value}")


def _unit_names(ws: Any, unit: str | None) -> list[str] | None:
    from workbench.cli import UserError

    if unit is None:
        return None
    names = ws.tasks.unit_names(unit)
    if not names:
        raise UserError(f"没有单位 {unit!r} 的任务（用 tasks matrix 查看全部单位）")
    return list(names)


def _reports(args: argparse.Namespace, ws: Any) -> list[TaskReport]:
    from workbench.cli import UserError

    if args.doc is not None and ws.library.document(args.doc) is None:
        raise UserError(f"文库中没有文件 {args.doc!r}（用 docs list 查看全部）")
    try:
        names = _unit_names(ws, args.unit)
        role = None if getattr(args, "role", None) is None else Role(args.role)
        return list(
            ws.tasks.reports(
                args.as_of,
                unit_names=names,
                doc_id=args.doc,
                role=role,
                overdue_only=getattr(args, "overdue", False),
            )
        )
    except (TaskError, UnitTableError) as exc:
        raise _user_error(exc) from None


def _line(r: TaskReport) -> str:
    t = r.task
    deadline = (
        "未明确"
        if t.deadline is None
        else (t.deadline.day.isoformat() if t.deadline.day else t.deadline.text)
    )
    role = f"[{TASK_ROLE_WORDS[r.role.value]}]\t" if r.role else ""
    status = TASK_STATUS_WORDS[r.status.value] + (f"·{OVERDUE_WORD}" if r.overdue else "")
    supporting = "、".join(u.name for u in t.supporting) or "—"
    lead = t.lead.name if t.lead else "—"
    return f"{t.id}\t{role}[{status}]\t{t.title}\t牵头：{lead}\t配合：{supporting}\t{deadline}"


def cmd_list(args: argparse.Namespace) -> int:
    from workbench.cli import _print_json

    ws = _open(args)
    reports = _reports(args, ws)
    if args.json:
        _print_json([r.to_json() for r in reports])
        return 0
    if not reports:
        print("没有任务。")
    for r in reports:
        print(_line(r))
    return 0


def cmd_matrix(args: argparse.Namespace) -> int:
    from workbench.cli import _print_json

    ws = _open(args)
    try:
        matrix = ws.tasks.matrix()
    except UnitTableError as exc:
        raise _user_error(exc) from None
    if args.json:
        _print_json(
            {
                "plans": [{"doc_id": p.doc_id, "title": p.title} for p in matrix.plans],
                "units": [
                    {
                        "name": u,
                        "cells": {
                            p.doc_id: {
                                "lead": matrix.cell(u, p.doc_id).lead,
                                "supporting": matrix.cell(u, p.doc_id).supporting,
                            }
                            for p in matrix.plans
                            if matrix.cell(u, p.doc_id).total
                        },
                    }
                    for u in matrix.units
                ],
            }
        )
        return 0
    print("单位\t" + "\t".join(p.doc_id for p in matrix.plans) + "\t合计（牵头/配合）")
    for u in matrix.units:
        cells = [matrix.cell(u, p.doc_id) for p in matrix.plans]
        total = matrix.total(u)
        print(
            u
            + "\t"
            + "\t".join(f"{c.lead}/{c.supporting}" if c.total else "—" for c in cells)
            + f"\t{total.lead}/{total.supporting}"
        )
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from workbench.cli import UserError, _print_json

    ws = _open(args)
    try:
        task = ws.tasks.task(args.task_id)
        if task is None:
            raise UserError(f"没有任务 {args.task_id!r}（任务编号即条款编号，用 tasks list 查看）")
        report = ws.tasks.reports(args.as_of, tasks=[task])[0]
    except (TaskError, UnitTableError) as exc:
        raise _user_error(exc) from None
    notes = ws.tasks.progress(task.id)
    audit = ws.tasks.audit(task.id)
    if args.json:
        _print_json(
            {
                **report.to_json(),
                "progress": [n.to_json() for n in notes],
                "audit": [asdict(e) for e in audit],
            }
        )
        return 0
    print(_line(report))
    print(task.text)
    for n in notes:
        print(f"#{n.id}\t{n.reported_on}\t[{TASK_STATUS_WORDS[n.status.value]}]\t{n.note}\t{n.author or '—'}")
    for e in audit:
        print(f"{e.at}\t{e.actor or '—'}\t{TASK_AUDIT_WORDS.get(e.action, e.action)}")
    return 0


def cmd_record(args: argparse.Namespace) -> int:
    ws = _open(args)
    try:
        note = ws.tasks.record(args.task_id, args.status, args.note, on=args.on, by=args.by)
    except (TaskError, UnitTableError) as exc:
        raise _user_error(exc) from None
    print(
        f"已记录 {note.task_id} {note.reported_on}：[{TASK_STATUS_WORDS[note.status.value]}] {note.note}（#{note.id}）"
    )
    return 0


def cmd_retract(args: argparse.Namespace) -> int:
    ws = _open(args)
    try:
        ws.tasks.retract(args.note_id, by=args.by)
    except TaskError as exc:
        raise _user_error(exc) from None
    print(f"已撤回进展记录 #{args.note_id}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from workbench.cli import UserError
    from workbench.core.tasks.tables import LedgerFileError, export_ledger

    suffix = args.path.suffix.lower()
    if suffix not in (".xlsx", ".pdf"):
        raise UserError(f"不支持的文件类型（支持 .xlsx、.pdf）：{args.path}")
    if not args.path.parent.is_dir():
        raise UserError(f"{TABLE_FILE_WORDS['no_folder']}：{args.path}")
    ws = _open(args)
    if suffix == ".pdf":
        return _export_pdf(args, ws)
    reports = _reports(args, ws)
    scope = []
    if args.unit:
        scope.append("、".join(_unit_names(ws, args.unit) or []))
    if args.doc:
        scope.append(ws.library.document(args.doc).info.title)
    try:
        count = export_ledger(reports, args.path, title=f"{'　'.join(scope) or '全部文件'}督办任务台账")
    except LedgerFileError as exc:
        raise UserError(f"{TABLE_FILE_WORDS.get(exc.code, exc.code)}：{args.path}") from None
    except OSError as exc:
        raise UserError(f"无法写入 {args.path}：{exc.strerror}") from None
    print(f"已导出 {count} 项任务到 {args.path}")
    return 0


def _export_pdf(args: argparse.Namespace, ws: Any) -> int:
    from exporters.brief_data import BriefDataError, BriefKind, BriefRequest, make_brief
    from workbench.cli import UserError
    from workbench.core.atomic_files import write_atomically

    request = BriefRequest(BriefKind.TASKS, unit=args.unit, doc_id=args.doc, as_of=args.as_of)
    try:
        output = make_brief(ws, request)
    except BriefDataError as exc:
        raise UserError(
            f"没有这个{'单位' if exc.reason == 'unknown_unit' else '文件'}的任务：{exc.value}"
        ) from None
    except UnitTableError as exc:
        raise _user_error(exc) from None
    try:
        write_atomically(args.path, output.pdf)
    except OSError as exc:
        raise UserError(f"无法写入 {args.path}：{exc.strerror}") from None
    print(f"已生成 {args.path}（{output.pages} 页）")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from workbench.cli import UserError
    from workbench.core.tasks.tables import LedgerFileError, apply_import, preview_import

    ws = _open(args)
    try:
        preview = preview_import(ws.tasks, args.path)
    except LedgerFileError as exc:
        raise UserError(f"{TABLE_FILE_WORDS.get(exc.code, exc.code)}：{args.path}") from None
    except UnitTableError as exc:
        raise _user_error(exc) from None
    if not preview.ok:
        for p in preview.problems:
            value = "" if p.value is None else f"“{p.value}”"
            print(
                f"第 {p.row} 行，列“{p.column}”{value}：{TASK_ERROR_WORDS.get(p.code, p.code)}（{p.code}）",
                file=sys.stderr,
            )
        raise UserError(f"{args.path} 有 {len(preview.problems)} 处错误，未导入任何数据")
    summary = f"进展 {len(preview.notes)} 条（未变的 {preview.unchanged} 行跳过）"
    if args.dry_run:
        print(f"检查通过，可导入：{summary}")
        return 0
    apply_import(ws.tasks, preview, by=args.by)
    print(f"已导入：{summary}")
    return 0


def cmd_units(args: argparse.Namespace) -> int:
    from workbench.cli import _print_json

    ws = _open(args)
    try:
        unknown = ws.tasks.unknown_units()
    except UnitTableError as exc:
        raise _user_error(exc) from None
    if args.json:
        _print_json([{"written": w, "region": r, "tasks": n} for w, r, n in unknown])
        return 0
    if not unknown:
        print("单位对照表已包含所有写法。")
    for w, r, n in unknown:
        print(f"{w}\t{r or '—'}\t{n}")
    print(
        f"补充对照表：在 {ws.data_dir / 'units'} 下放一个 .json 文件（格式见 resources/units/units.json）",
        file=sys.stderr,
    )
    return 0
