"""Command line: ``brief search|doc|indicators|checklist``: printable PDF briefs.

``brief fonts`` prints which face sets each role (and which stands in for a missing one).
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from workbench.cli import (
    UserError,
    _open,
    add_search_arguments,
    parse_date_arg,
    query_from_args,
)
from workbench.core.words import (
    BRIEF_DATA_ERROR_WORDS,
    FONT_PROBLEM_WORDS,
    FONT_ROLE_WORDS,
    FONT_SOURCE_WORDS,
)

ROLE_LABELS = FONT_ROLE_WORDS
SOURCE_LABELS = FONT_SOURCE_WORDS
FONT_PROBLEM_LABELS = FONT_PROBLEM_WORDS


def register(sub: Any) -> None:
    """Add this module's subcommands to the main parser's ``sub``."""
    brief = sub.add_parser("brief", help="printable PDF briefs").add_subparsers(
        dest="brief_command", required=True
    )

    p = brief.add_parser("search", help="a brief of the hits of a search")
    add_search_arguments(p)  # --as-of included
    _common(p, as_of=False)
    p.set_defaults(handler=cmd_brief_search)

    p = brief.add_parser("doc", help="a document summary")
    p.add_argument("doc_id")
    _common(p)
    p.set_defaults(handler=cmd_brief_doc)

    p = brief.add_parser("indicators", help="an indicator progress report")
    p.add_argument("--region", default=None, help="only indicators of this region")
    p.add_argument(
        "--indicator",
        action="append",
        default=None,
        metavar="ID",
        help="chart this indicator (repeatable; default: all shown)",
    )
    _common(p)
    p.set_defaults(handler=cmd_brief_indicators)

    p = brief.add_parser("checklist", help="a subsidy dossier from an application file")
    p.add_argument("file", type=Path, help="the application file (as for checklist evaluate)")
    p.add_argument(
        "--original",
        type=Path,
        default=None,
        metavar="FILE",
        help="FILE is a what-if of this application file: the dossier compares the two",
    )
    _common(p)
    p.set_defaults(handler=cmd_brief_checklist)

    p = brief.add_parser("fonts", help="which font face sets each role of a brief")
    p.add_argument(
        "--font",
        action="append",
        default=[],
        metavar="ROLE=PATH",
        help="use this TrueType file for ROLE (song, hei, kai, fangsong)",
    )
    p.set_defaults(handler=cmd_brief_fonts)


def _common(p: argparse.ArgumentParser, *, as_of: bool = True) -> None:
    p.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.pdf")
    if as_of:
        p.add_argument(
            "--as-of",
            type=parse_date_arg,
            default=None,
            metavar="YYYY-MM-DD",
            help="date for validity and status (default: today)",
        )
    p.add_argument(
        "--font",
        action="append",
        default=[],
        metavar="ROLE=PATH",
        help="use this TrueType file for ROLE (song, hei, kai, fangsong)",
    )


def _fonts(args: argparse.Namespace) -> Any:
    from exporters.pdf_fonts import Role, load_brief_fonts, resolve_fonts

    chosen: dict[Role, Path] = {}
    for spec in args.font:
        role, sep, path = spec.partition("=")
        try:
            chosen[Role(role.strip())] = Path(path)
        except ValueError:
            raise UserError(
                f"--font 应为 角色=字体文件（角色：song、hei、kai、fangsong）：{spec!r}"
            ) from None
        if not sep or not path:
            raise UserError(f"--font 应为 角色=字体文件：{spec!r}")
    resolution = resolve_fonts(chosen)
    for line in resolution.report():
        for name, problem in line.rejected:
            raise UserError(
                f"字体文件 {name} 不能用于{ROLE_LABELS[line.role.value]}：{FONT_PROBLEM_LABELS[problem.value]}"
            )
    return load_brief_fonts(resolution)


def _check_output(path: Path) -> None:
    if path.is_dir():
        raise UserError(f"输出路径是一个文件夹：{path}")
    if not path.parent.is_dir():
        raise UserError(f"输出文件夹不存在：{path.parent}")


def _write(brief: Any, path: Path) -> int:
    try:
        pages = brief.write(path)
    except PermissionError:
        raise UserError(f"无法写入 {path}：没有权限") from None
    except OSError as exc:
        raise UserError(f"无法写入 {path}：{exc.strerror or exc}") from None
    print(f"已生成 {path}（{pages} 页）")
    return 0


def cmd_brief_search(args: argparse.Namespace) -> int:
    from exporters import brief_data

    _check_output(args.output)
    if not args.query.strip():
        raise UserError("检索词为空")
    fonts = _fonts(args)
    ws = _open(args)
    return _write(brief_data.search_brief(ws, query_from_args(args), fonts=fonts), args.output)


def cmd_brief_doc(args: argparse.Namespace) -> int:
    from exporters import brief_data

    _check_output(args.output)
    fonts = _fonts(args)
    ws = _open(args)
    try:
        brief = brief_data.document_brief(ws, args.doc_id, as_of=args.as_of, fonts=fonts)
    except brief_data.BriefDataError:
        raise UserError(f"文库中没有文件 {args.doc_id!r}（用 docs list 查看全部）") from None
    return _write(brief, args.output)


def cmd_brief_indicators(args: argparse.Namespace) -> int:
    from exporters import brief_data

    _check_output(args.output)
    fonts = _fonts(args)
    ws = _open(args)
    try:
        brief = brief_data.indicator_brief(
            ws,
            region=args.region,
            indicator_ids=args.indicator,
            as_of=args.as_of or dt.date.today(),
            fonts=fonts,
        )
    except brief_data.BriefDataError as exc:
        raise UserError(_data_error(exc)) from None
    return _write(brief, args.output)


def cmd_brief_checklist(args: argparse.Namespace) -> int:
    from exporters import brief_data

    # Pure, as ``checklist evaluate``: the bundled rules and the file; no data folder needed.
    _check_output(args.output)
    fonts = _fonts(args)
    try:
        brief = brief_data.dossier_brief_from_file(
            None, args.file, as_of=args.as_of, fonts=fonts, original=args.original
        )
    except brief_data.BriefDataError as exc:
        raise UserError(_data_error(exc)) from None
    return _write(brief, args.output)


def _data_error(exc: Any) -> str:
    words = BRIEF_DATA_ERROR_WORDS | {
        "unknown_indicator": "没有指标 {0}（用 indicators list 查看全部）",
        "application_file": "申报文件有误：{0}",  # on the command line the data is a file
    }
    return words.get(exc.reason, "{0}").format(exc.value)


def cmd_brief_fonts(args: argparse.Namespace) -> int:
    fonts = _fonts(args)
    for line in fonts.resolution.report():
        face = line.face
        note = f"（{face.preferred}）" if face.preferred else ""
        wanted = "、".join(line.wanted)
        stand_in = f"；首选 {wanted} 未找到，以此代替" if line.stand_in else ""
        print(
            f"{ROLE_LABELS[line.role.value]}：{face.family}{note}，{SOURCE_LABELS[line.source.value]} "
            f"{face.path.name}{stand_in}"
        )
    return 0
