"""Command line: ``python main.py docs list --json`` and friends.

User errors (a bad date, an unknown id, a refused file) print one line to
stderr and exit non-zero; bugs keep their traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sqlite3
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from db.connection import (
    BUSY_TIMEOUT_MS,
    DatabaseDamagedError,
    DatabaseLockedError,
    backups_of,
    is_disk_full,
    is_locked,
    is_write_failure,
    open_database,
    restore_latest_backup,
    start_new_library,
)
from db.migrations import DatabaseTooNewError
from workbench.core.corpus.library import DocumentDetail
from workbench.core.corpus.models import Clause, Level, ValidityStatus
from workbench.core.paths import DATABASE_FILE, resolve_data_dir
from workbench.core.search.service import IndexBusyError, IndexState, Query
from workbench.core.words import (
    IMPORT_PROBLEM_WORDS,
    LEVEL_SHORT_WORDS,
    SEARCH_NOTICE_WORDS,
    STORE_PROBLEM_WORDS,
    VALIDITY_WORDS,
    word,
)
from workbench.core.workspace import Workspace

LEVEL_LABELS = LEVEL_SHORT_WORDS
STATUS_LABELS = VALIDITY_WORDS
PROBLEM_LABELS = IMPORT_PROBLEM_WORDS


class UserError(Exception):
    """A mistake the person can fix; shown without a traceback."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        from workbench.app import run_gui  # Qt only when the window is wanted

        return run_gui(args.data_dir, args.screenshot, args.panel)
    try:
        return int(args.handler(args) or 0)
    except UserError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    except DatabaseTooNewError as exc:
        print(
            f"错误：数据库 {exc.path} 由更新版本的政策工作台写入（版本 {exc.found}），本程序支持到版本 "
            f"{exc.supported}。请升级程序。",
            file=sys.stderr,
        )
        return 3
    except DatabaseDamagedError as exc:
        print(damaged_message(exc), file=sys.stderr)
        return 3
    except DatabaseLockedError as exc:
        print(locked_message(exc), file=sys.stderr)
        return 3
    except IndexBusyError:
        print("错误：检索索引正被另一个程序写入，请稍后重试。", file=sys.stderr)
        return 3
    except BrokenPipeError:
        return 0
    except (OSError, sqlite3.OperationalError) as exc:
        if is_write_failure(exc):
            where = getattr(exc, "filename", None) or resolve_data_dir(args.data_dir)
            what = "磁盘已满" if is_disk_full(exc) else "磁盘写入失败（空间不足、超过文件大小限制或磁盘错误）"
            print(
                f"错误：{what}，无法写入 {where}。正在写入的这一项已撤销，此前保存的内容完好；"
                "请腾出磁盘空间后重试。",
                file=sys.stderr,
            )
            return 4
        if is_locked(exc):
            print(locked_message(DatabaseLockedError(args.data_dir or "文库")), file=sys.stderr)
            return 3
        raise


def locked_message(exc: DatabaseLockedError) -> str:
    holder = f"占用者：{exc.holder}" if exc.holder else "可能是另一个政策工作台窗口或命令"
    return (
        f"错误：文库 {exc.path} 正被另一个程序写入（{holder}），等待 {BUSY_TIMEOUT_MS // 1000} 秒后仍未释放。"
        "未做任何改动；请等它完成后重试。"
    )


def damaged_message(exc: DatabaseDamagedError) -> str:
    reason = word(STORE_PROBLEM_WORDS, exc.reason)
    detail = f"（{exc.detail}）" if exc.detail else ""
    lines = [f"错误：文库文件 {exc.path} 无法使用：{reason}{detail}。程序没有改动它。"]
    if exc.backups:
        lines.append("备份（最新的在前）：")
        lines.extend(f"  {b}" for b in exc.backups[:5])
        lines.append("恢复最近一份完好的备份（损坏的文件改名保留）：python3 main.py store restore")
    else:
        lines.append(f"文件夹 {exc.path.parent} 中没有备份。")
    lines.append("另起一个新文库（损坏的文件改名保留）：python3 main.py store new")
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="main.py", description="政策工作台 Policy Workbench")
    parser.add_argument(
        "--data-dir", type=Path, default=None, help="data folder (default: the per-user data folder)"
    )
    parser.add_argument(
        "--screenshot",
        type=Path,
        default=None,
        metavar="PATH",
        help="render the window offscreen to a PNG and exit",
    )
    parser.add_argument(
        "--panel",
        default="window",
        choices=["window", "library", "reader", "search", "checklist", "indicators", "tasks"],
        help="with --screenshot: which part to render",
    )
    sub = parser.add_subparsers(dest="command")

    docs = sub.add_parser("docs", help="the document library").add_subparsers(
        dest="docs_command", required=True
    )
    p = docs.add_parser("list", help="list documents")
    _add_as_of(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_docs_list)
    p = docs.add_parser("show", help="a document's metadata and clause tree")
    p.add_argument("doc_id")
    _add_as_of(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_docs_show)
    p = docs.add_parser("import", help="import .txt/.docx/.pdf/.xlsx files")
    p.add_argument("paths", nargs="+", type=Path)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_docs_import)
    p = docs.add_parser("remove", help="remove a document and its clauses")
    p.add_argument("doc_id")
    p.set_defaults(handler=cmd_docs_remove)

    p = sub.add_parser("search", help="full-text search of clauses")
    add_search_arguments(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_search)

    index = sub.add_parser("index", help="the search index").add_subparsers(
        dest="index_command", required=True
    )
    p = index.add_parser("rebuild", help="rebuild the search index from the library")
    p.set_defaults(handler=cmd_index_rebuild)
    p = index.add_parser("status", help="is the search index current?")
    p.set_defaults(handler=cmd_index_status)

    store = sub.add_parser(
        "store", help="the library file: check, restore a backup, start anew"
    ).add_subparsers(dest="store_command", required=True)
    p = store.add_parser("check", help="check the library file and list its backups")
    p.set_defaults(handler=cmd_store_check)
    p = store.add_parser("restore", help="put the latest good backup in place (the old file is kept)")
    p.set_defaults(handler=cmd_store_restore)
    p = store.add_parser("new", help="set the library file aside and start a new library")
    p.set_defaults(handler=cmd_store_new)

    # Each capability keeps its commands in a module of its own (imported here: they import this one).
    from workbench import cli_brief, cli_checklist, cli_indicators, cli_tasks

    cli_checklist.register(sub)
    cli_indicators.register(sub)
    cli_tasks.register(sub)
    cli_brief.register(sub)
    return parser


def add_search_arguments(p: argparse.ArgumentParser) -> None:
    """The query and its filters, shared by ``search`` and ``brief search``."""
    p.add_argument("query", type=_query_text)
    p.add_argument("--limit", type=_positive_int, default=20)
    p.add_argument(
        "--doc", action="append", default=None, metavar="ID", help="only this document (repeatable)"
    )
    p.add_argument(
        "--level", type=_level_arg, default=None, help="国家/省/市 or national/provincial/municipal"
    )
    p.add_argument("--region", default=None)
    p.add_argument("--issuer", default=None)
    p.add_argument("--year", type=_positive_int, default=None, help="issue year")
    p.add_argument(
        "--status",
        type=_status_arg,
        default=None,
        help="现行有效/已失效/尚未生效/已废止 or in_force/expired/not_yet_in_force/repealed",
    )
    p.add_argument(
        "--strict",
        action="store_true",
        help="only clauses holding every term as written (no partial or synonym matches)",
    )
    _add_as_of(p)


def query_from_args(args: argparse.Namespace) -> Query:
    return Query(
        text=args.query,
        limit=args.limit,
        doc_ids=frozenset(args.doc) if args.doc else None,
        level=args.level,
        region=args.region,
        issuer=args.issuer,
        year=args.year,
        status=args.status,
        as_of=args.as_of,
        strict=getattr(args, "strict", False),
    )


def _query_text(value: str) -> str:
    """A query from the command line: a byte that is not UTF-8 arrives as a lone
    surrogate (Python's surrogateescape) and is refused here, not deep in a PDF writer."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        bad = value[exc.start].encode("utf-8", "surrogateescape")
        raise argparse.ArgumentTypeError(
            f"检索词第 {exc.start + 1} 个字符不是有效文字（字节 {bad.hex()}）：终端的编码应为 UTF-8"
        ) from None
    return value


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number <= 0:
        raise argparse.ArgumentTypeError(f"应为正整数：{value!r}")
    return number


def _level_arg(value: str) -> Level:
    aliases = {label: code for code, label in LEVEL_LABELS.items()} | {
        "国家级": "national",
        "省级": "provincial",
        "市级": "municipal",
    }
    code = aliases.get(value, value)
    try:
        return Level(code)
    except ValueError:
        raise argparse.ArgumentTypeError(f"未知的层级：{value!r}（可用：国家、省、市）") from None


def _status_arg(value: str) -> ValidityStatus:
    aliases = {label: code for code, label in STATUS_LABELS.items()}
    try:
        return ValidityStatus(aliases.get(value, value))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"未知的效力状态：{value!r}（可用：{'、'.join(STATUS_LABELS.values())}）"
        ) from None


def _add_as_of(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--as-of",
        type=parse_date_arg,
        default=None,
        metavar="YYYY-MM-DD",
        help="date for validity status (default: today)",
    )


def parse_date_arg(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"不是有效日期：{value!r}（应为 YYYY-MM-DD）") from None


def _open(args: argparse.Namespace) -> Workspace:
    return Workspace.open(args.data_dir)


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def cmd_docs_list(args: argparse.Namespace) -> int:
    ws = _open(args)
    docs = ws.library.documents(args.as_of)
    if args.json:
        _print_json([d.to_json() for d in docs])
        return 0
    for d in docs:
        issued = d.issued.isoformat() if d.issued else "日期不详"
        print(
            f"{d.id}\t[{STATUS_LABELS[d.status]}]\t{LEVEL_LABELS[d.level.value]}·{d.region or '—'}"
            f"\t{d.doc_number or '无文号'}\t{issued}\t{d.title}"
        )
    return 0


def cmd_docs_show(args: argparse.Namespace) -> int:
    ws = _open(args)
    detail = ws.library.document(args.doc_id, args.as_of)
    if detail is None:
        raise UserError(f"文库中没有文件 {args.doc_id!r}（用 docs list 查看全部）")
    if args.json:
        _print_json(document_json(detail))
        return 0
    info = detail.info
    print(info.title)
    print(
        f"文号：{info.doc_number or '无'}　发文机关：{info.issuer or '不详'}　成文日期：{info.issued or '不详'}　效力："
        f"{STATUS_LABELS[info.status]}"
    )
    for c in detail.clauses:
        indent = "  " * max(c.level - 1, 0)
        label = c.heading or c.body[:30].replace("\n", " ")
        print(f"{indent}{c.path}  {label}")
    return 0


def document_json(detail: DocumentDetail) -> dict[str, Any]:
    def node(c: Clause) -> dict[str, Any]:
        return {
            "id": c.id,
            "path": c.path,
            "kind": c.kind.value,
            "level": c.level,
            "marker": c.marker,
            "heading": c.heading,
            "body": c.body,
            "text": c.text,
            "responsible": c.responsible,
            "span": [c.span_start, c.span_end],
            "children": [node(child) for child in c.children],
        }

    data = detail.info.to_json()
    data["clauses"] = [node(c) for c in detail.roots]
    data["references"] = [
        {
            "kind": r.kind,
            "value": r.value,
            "title": r.title,
            "clause_id": r.clause_id,
            "target_id": r.target_id,
            "in_library": r.target_id is not None,
        }
        for r in detail.references
    ]
    data["repeals"] = [
        {
            "doc_number": r["doc_number"],
            "title": r["title"],
            "target_id": r["target_id"],
            "in_library": r["target_id"] is not None,
        }
        for r in detail.repeals
    ]
    return data


def cmd_docs_import(args: argparse.Namespace) -> int:
    ws = _open(args)
    outcomes = ws.library.import_files(
        args.paths, progress=_progress_printer("导入") if not args.json else None
    )
    if args.json:
        _print_json(
            [
                {
                    "source": o.source,
                    "ok": o.ok,
                    "doc_id": o.doc_id,
                    "problem": o.problem and o.problem.value,
                    "detail": o.detail,
                }
                for o in outcomes
            ]
        )
    failed = [o for o in outcomes if not o.ok]
    for o in outcomes:
        if o.ok and not args.json:
            print(f"已导入 {o.source} → {o.doc_id}")
    for o in failed:
        assert o.problem is not None
        extra = f"（{o.detail}）" if o.detail else ""
        print(f"错误：未导入 {o.source}：{PROBLEM_LABELS[o.problem]}{extra}", file=sys.stderr)
    return 1 if failed else 0


def cmd_docs_remove(args: argparse.Namespace) -> int:
    ws = _open(args)
    if not ws.library.remove(args.doc_id):
        raise UserError(f"文库中没有文件 {args.doc_id!r}")
    print(f"已删除 {args.doc_id}")
    return 0


NOTICE_LABELS = SEARCH_NOTICE_WORDS


def cmd_search(args: argparse.Namespace) -> int:
    ws = _open(args)
    ws.search.ensure_current(progress=_progress_printer("建立索引"))
    response = ws.search.search_repairing(query_from_args(args), progress=_progress_printer("重建索引"))
    for notice in response.notices:
        print(f"提示：{NOTICE_LABELS.get(notice, notice)}", file=sys.stderr)
    for suggestion in response.suggestions:
        print(f"提示：您是不是要找：{suggestion}（未自动替换）", file=sys.stderr)
    if args.json:
        _print_json([r.to_json() for r in response.results])
        return 0
    if not response.results:
        print("没有找到匹配的条款。")
    for i, r in enumerate(response.results, start=1):
        number = f"（{r.doc_number}）" if r.doc_number else ""
        print(f"{i}. {r.doc_title}{number} {r.path} {r.heading}")
        print(f"   {r.marked()}")
        via = "、".join(f"{w.word}→{w.via}" for w in r.words if w.how == "synonym")
        notes = ([f"同义词：{via}"] if via else []) + ([f"缺少：{'、'.join(r.missing)}"] if r.missing else [])
        if notes:
            print(f"   （{'；'.join(notes)}）")
    return 0


def cmd_index_rebuild(args: argparse.Namespace) -> int:
    ws = _open(args)
    ws.search.rebuild(progress=_progress_printer("重建索引", always=True))
    print(f"索引已重建：{ws.search.index_path()}")
    return 0


def cmd_index_status(args: argparse.Namespace) -> int:
    ws = _open(args)
    state = ws.search.state()
    print(state.value)
    return 0 if state is IndexState.OK else 1


def _store_path(args: argparse.Namespace) -> Path:
    return resolve_data_dir(args.data_dir) / DATABASE_FILE


def cmd_store_check(args: argparse.Namespace) -> int:
    path = _store_path(args)
    db = open_database(path)  # raises DatabaseDamagedError, shown by main()
    db.close()
    print(f"文库文件完好：{path}")
    for b in backups_of(path):
        print(f"备份：{b}")
    return 0


def cmd_store_restore(args: argparse.Namespace) -> int:
    path = _store_path(args)
    try:
        backup, aside = restore_latest_backup(path)
    except FileNotFoundError:
        raise UserError(f"{path.parent} 中没有可用的备份（可用 store new 另起新文库）") from None
    if aside:
        print(f"原文库文件已改名保留：{aside}")
    print(f"已从备份恢复：{backup} → {path}")
    return 0


def cmd_store_new(args: argparse.Namespace) -> int:
    path = _store_path(args)
    aside = start_new_library(path)
    if aside:
        print(f"原文库文件已改名保留：{aside}")
    ws = Workspace.open(args.data_dir)
    ws.close()
    print(f"已新建文库：{path}")
    return 0


def _progress_printer(label: str, always: bool = False) -> Callable[[int, int], None]:
    interactive = always or sys.stderr.isatty()
    last = [-1]

    def report(done: int, total: int) -> None:
        if not interactive or total <= 0:
            return
        percent = 100 * done // total
        if percent == last[0]:
            return  # callbacks may come per clause: redraw only when the bar moves
        last[0] = percent
        width = 30
        filled = width * done // total
        sys.stderr.write(f"\r{label} [{'#' * filled}{'.' * (width - filled)}] {percent:3d}% {done}/{total}")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return report
