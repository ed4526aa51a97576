"""Command line: ``indicators list|extract|record|history|compare|import|export``: plan targets and their progress."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from workbench.core.indicators.progress import IndicatorError, StatusReport, status_text
from workbench.core.indicators.targets import number_text, parse_attribute, target_phrase
from workbench.core.words import ATTRIBUTE_WORDS, AUDIT_ACTION_WORDS, INDICATOR_ERROR_WORDS, TABLE_FILE_WORDS

ERROR_WORDS = INDICATOR_ERROR_WORDS | {"observation_exists": "该期间已有数值；如要替换，请加 --replace"}
ROW_WORDS = INDICATOR_ERROR_WORDS | {"observation_exists": "该期间已有数值（加 --replace 替换）"}
TABLE_ERRORS = TABLE_FILE_WORDS


def register(sub: Any) -> None:
    """Add this module's subcommands to the main parser's ``sub``."""
    from workbench.cli import parse_date_arg

    ind = sub.add_parser("indicators", help="plan targets and their progress").add_subparsers(
        dest="indicators_command", required=True
    )
    p = ind.add_parser("list", help="indicators with their status on a date")
    p.add_argument(
        "--as-of",
        type=parse_date_arg,
        default=None,
        metavar="YYYY-MM-DD",
        help="status on this date (default: today)",
    )
    p.add_argument("--region", default=None)
    p.add_argument("--doc", default=None, metavar="DOC_ID", help="only the targets of this document")
    p.add_argument(
        "--attribute",
        choices=("binding", "expected", "约束性", "预期性"),
        default=None,
        help="only binding (约束性) or expected (预期性) targets",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_list)
    p = ind.add_parser("extract", help="targets proposed by a document's text")
    p.add_argument("doc_id")
    p.add_argument("--all", action="store_true", help="include proposals already accepted or rejected")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_extract)
    p = ind.add_parser("record", help="record the value achieved in a period")
    p.add_argument("indicator_id")
    p.add_argument("period", help="2024, 2024-06, 2024-Q2 or 2024-H1")
    p.add_argument("value")
    p.add_argument("--note", default=None, help="where the value comes from")
    p.add_argument("--by", default=None, help="who enters it")
    p.add_argument("--replace", action="store_true", help="replace a value already recorded for the period")
    p.set_defaults(handler=cmd_record)
    p = ind.add_parser("import", help="import observations or indicators from .xlsx/.csv (all or nothing)")
    p.add_argument("path", type=Path)
    p.add_argument(
        "--replace", action="store_true", help="replace values already recorded for the same periods"
    )
    p.add_argument("--by", default=None)
    p.add_argument("--dry-run", action="store_true", help="check the file and show what would be imported")
    p.set_defaults(handler=cmd_import)
    p = ind.add_parser("history", help="the audit log of an indicator: every change, with before and after")
    p.add_argument("indicator_id")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_history)
    p = ind.add_parser("compare", help="like targets of several plans or regions side by side")
    p.add_argument(
        "keys",
        nargs="*",
        metavar="MEASURE_OR_ID",
        help="a measure (生物经济产业规模), one indicator id (its measure) or several ids; none: list the measures "
        "set by more than one plan",
    )
    p.add_argument("--as-of", type=parse_date_arg, default=None, metavar="YYYY-MM-DD")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_compare)
    p = ind.add_parser("export", help="export indicators and observations to .xlsx (both) or .csv")
    p.add_argument("path", type=Path)
    p.add_argument(
        "--indicators", action="store_true", help=".csv: the indicators instead of the observations"
    )
    p.add_argument("--as-of", type=parse_date_arg, default=None, metavar="YYYY-MM-DD")
    p.set_defaults(handler=cmd_export)


def _open(args: argparse.Namespace) -> Any:
    from workbench.cli import _open as open_workspace

    return open_workspace(args)


def _user_error(exc: IndicatorError) -> Exception:
    from workbench.cli import UserError

    return UserError(f"{ERROR_WORDS.get(exc.code, exc.code)}：{exc.value}")


def _deadline_text(report: StatusReport) -> str:
    i = report.indicator
    return "每年" if i.recurring else (i.deadline or "未定期限")


def _target_text(report: StatusReport) -> str:
    i = report.indicator
    return target_phrase(i.comparator, i.target_low, i.target_high, i.unit, i.comparator_word)


def cmd_list(args: argparse.Namespace) -> int:
    from workbench.cli import _print_json

    ws = _open(args)
    reports = ws.indicators.list(
        args.as_of, region=args.region, doc_id=args.doc, attribute=parse_attribute(args.attribute)
    )
    if args.json:
        _print_json([r.to_json() for r in reports])
        return 0
    if not reports:
        print("没有指标。")
    for r in reports:
        attribute = ATTRIBUTE_WORDS[r.indicator.attribute.value] if r.indicator.attribute else "—"
        print(
            f"{r.indicator.id}\t[{status_text(r)}]\t{r.indicator.region or '—'}\t{r.indicator.name}"
            f"\t{_target_text(r)}\t{_deadline_text(r)}\t{_latest_text(r)}\t{attribute}"
        )
    return 0


def _latest_text(r: StatusReport) -> str:
    return f"{r.latest.period}：{number_text(r.latest.value)}{r.indicator.unit}" if r.latest else "无观测值"


def cmd_extract(args: argparse.Namespace) -> int:
    from workbench.cli import _print_json

    ws = _open(args)
    try:
        proposals = ws.indicators.extract(args.doc_id) if args.all else ws.indicators.proposals(args.doc_id)
    except IndicatorError as exc:
        raise _user_error(exc) from None
    if args.json:
        _print_json([p.to_json() for p in proposals])
        return 0
    if not proposals:
        print("没有待处理的目标建议。")
    for p in proposals:
        deadline = "每年" if p.recurring else (p.deadline or "未定期限")
        extra = ""
        if p.attribute is not None:
            extra += f"\t{ATTRIBUTE_WORDS[p.attribute.value]}"
        if p.base_value is not None:
            extra += f"\t基期{p.base_period}年{number_text(p.base_value)}"
        print(f"{p.clause_id}\t{p.name}\t{p.value_text}\t{deadline}{extra}")
    return 0


ACTION_WORDS = AUDIT_ACTION_WORDS


def cmd_history(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from workbench.cli import UserError, _print_json

    ws = _open(args)
    entries = ws.indicators.audit(args.indicator_id)
    if not entries:
        raise UserError(f"没有指标 {args.indicator_id!r} 的变更记录")
    if args.json:
        _print_json([asdict(e) for e in entries])
        return 0
    for e in entries:
        detail = ""
        if e.entity == "observation":
            before = e.before["value"] if e.before else None
            after = e.after["value"] if e.after else None
            period = (e.after or e.before or {}).get("period")
            detail = (
                f"{period}：{'' if before is None else f'{number_text(before)} → '}"
                f"{'' if after is None else number_text(after)}"
            )
        elif e.action == "edit" and e.before and e.after:
            changed = [
                k for k in e.after if k in e.before and e.before[k] != e.after[k] and k != "updated_at"
            ]
            detail = "，".join(f"{k}：{e.before[k]} → {e.after[k]}" for k in changed)
        print(f"{e.at}\t{e.actor or '—'}\t{ACTION_WORDS.get(e.action, e.action)}\t{detail}")
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    from workbench.cli import UserError, _print_json

    ws = _open(args)
    service = ws.indicators
    if not args.keys:
        measures = service.comparable_measures()
        if args.json:
            _print_json(measures)
        else:
            print("\n".join(measures) if measures else "没有多个文件或地区共同设定的指标。")
        return 0
    try:
        if len(args.keys) == 1:
            found = service.get(args.keys[0])
            comparison = service.compare(found.measure if found else args.keys[0], as_of=args.as_of)
        else:
            comparison = service.compare(args.keys, as_of=args.as_of)
    except IndicatorError as exc:
        raise _user_error(exc) from None
    if not comparison.rows:
        raise UserError(f"没有口径为 {args.keys[0]!r} 的指标（不带参数运行 compare 可列出可比口径）")
    if args.json:
        _print_json(
            {
                "measure": comparison.measure,
                "unit": comparison.unit,
                "rows": [r.to_json() for r in comparison.rows],
            }
        )
        return 0
    for r in comparison.rows:
        print(
            f"{r.indicator.region or '—'}\t{r.indicator.name}\t{_target_text(r)}\t{_deadline_text(r)}\t["
            f"{status_text(r)}]\t{_latest_text(r)}\t{r.indicator.doc_id or '手工录入'}"
        )
    return 0


def cmd_record(args: argparse.Namespace) -> int:
    ws = _open(args)
    try:
        before = [o for o in ws.indicators.observations(args.indicator_id) if o.period == args.period]
        obs = ws.indicators.record(
            args.indicator_id, args.period, args.value, note=args.note, by=args.by, replace=args.replace
        )
    except IndicatorError as exc:
        raise _user_error(exc) from None
    indicator = ws.indicators.get(args.indicator_id)
    replaced = f"（替换原值 {number_text(before[0].value)}）" if before and args.replace else ""
    print(
        f"已记录 {args.indicator_id} {obs.period}：{number_text(obs.value)}"
        f"{indicator.unit if indicator else ''}{replaced}"
    )
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from workbench.cli import UserError
    from workbench.core.indicators.tables import TableFileError, apply_import, preview_import

    ws = _open(args)
    try:
        preview = preview_import(ws.indicators, args.path, replace=args.replace)
    except TableFileError as exc:
        raise UserError(f"{TABLE_ERRORS.get(exc.code, exc.code)}：{args.path}") from None
    if not preview.ok:
        for p in preview.problems:
            where = f"工作表“{p.sheet}”" if p.sheet else ""
            value = "" if p.value is None else f"“{p.value}”"
            print(
                f"{where}第 {p.row} 行，列“{p.column}”{value}：{ROW_WORDS.get(p.code, p.code)}（{p.code}）",
                file=sys.stderr,
            )
        raise UserError(f"{args.path} 有 {len(preview.problems)} 处错误，未导入任何数据")
    summary = (
        f"观测值 {len(preview.observations)} 条（其中替换 {preview.replacements} 条），指标 "
        f"{len(preview.indicators)} 个"
    )
    if args.dry_run:
        print(f"检查通过，可导入：{summary}")
        return 0
    apply_import(ws.indicators, preview, by=args.by)
    print(f"已导入：{summary}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from workbench.cli import UserError
    from workbench.core.indicators.tables import TableFileError, export_file

    ws = _open(args)
    try:
        count = export_file(
            ws.indicators,
            args.path,
            kind="indicators" if args.indicators else "observations",
            as_of=args.as_of,
        )
    except TableFileError as exc:
        raise UserError(f"{TABLE_ERRORS.get(exc.code, exc.code)}：{args.path}") from None
    except OSError as exc:
        raise UserError(f"无法写入 {args.path}：{exc.strerror}") from None
    print(f"已导出 {count} 行到 {args.path}")
    return 0
