"""Command line: ``checklist evaluate|compare|list|history|evidence|export|import``: subsidy applications
checked against a rules file (resources/rules, e.g. 湘政办发〔2026〕15号)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from workbench.cli import UserError, _open, _print_json, parse_date_arg
from workbench.core.checklist.application_file import ApplicationFileError, load_application_file
from workbench.core.checklist.applications import ApplicationError
from workbench.core.checklist.engine import evaluate_application
from workbench.core.checklist.phrases import describe, format_yuan
from workbench.core.checklist.results import STATE_TEXT, Evaluation, ItemResult
from workbench.core.checklist.rules import rules_by_id
from workbench.core.words import APPLICATION_ERROR_WORDS

APPLICATION_PROBLEMS = APPLICATION_ERROR_WORDS
STATE_MARK = {"eligible": "✔", "ineligible": "✘", "needs_info": "？"}


def register(sub: Any) -> None:
    """Add this module's subcommands to the main parser's ``sub``."""
    checklist = sub.add_parser(
        "checklist", help="subsidy applications checked against policy rules"
    ).add_subparsers(dest="checklist_command", required=True)

    p = checklist.add_parser("evaluate", help="evaluate an application file")
    p.add_argument("file", type=Path)
    p.add_argument(
        "--as-of",
        type=parse_date_arg,
        default=None,
        metavar="YYYY-MM-DD",
        help="evaluation date (default: the file's as_of, else today)",
    )
    p.add_argument(
        "--forecast",
        action="store_true",
        help="count events dated after the evaluation date as expected (labelled a forecast)",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_checklist_evaluate)

    p = checklist.add_parser(
        "compare", help="a what-if: two application files side by side, per claim and per year"
    )
    p.add_argument("original", type=Path, help="the application as filed")
    p.add_argument("what_if", type=Path, help="the same application with a claim changed")
    p.add_argument("--as-of", type=parse_date_arg, default=None, metavar="YYYY-MM-DD")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_checklist_compare)

    p = checklist.add_parser("list", help="saved applications")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_checklist_list)

    p = checklist.add_parser("history", help="the revisions of a saved application")
    p.add_argument("app_id")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_checklist_history)

    p = checklist.add_parser(
        "evidence", help="the evidence of a saved application: what is given, what is missing"
    )
    p.add_argument("app_id")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_checklist_evidence)

    p = checklist.add_parser("export", help="write a saved application to an application file")
    p.add_argument("app_id")
    p.add_argument("file", type=Path)
    p.set_defaults(handler=cmd_checklist_export)

    p = checklist.add_parser(
        "import", help="save an application file (as a new application, or a new revision with --into)"
    )
    p.add_argument("file", type=Path)
    p.add_argument("--into", default=None, metavar="ID", help="add it as a new revision of this application")
    p.set_defaults(handler=cmd_checklist_import)


def _file_error(path: Path, exc: ApplicationFileError) -> UserError:
    return UserError(f"{path}：{exc}")


def _app_error(exc: ApplicationError) -> UserError:
    return UserError(APPLICATION_PROBLEMS.get(exc.code, exc.code).format(value=exc.value))


def cmd_checklist_evaluate(args: argparse.Namespace) -> int:
    # Pure: the bundled rules and the file; no data folder needed.
    try:
        app = load_application_file(args.file)
    except ApplicationFileError as exc:
        raise _file_error(args.file, exc) from None
    rules = rules_by_id(app.rules_id)
    assert rules is not None  # the parser checked it
    evaluation = evaluate_application(rules, app, args.as_of, forecast=args.forecast)
    if args.json:
        _print_json(evaluation.to_json())
    else:
        print_evaluation(evaluation)
    return 0


def cmd_checklist_compare(args: argparse.Namespace) -> int:
    from workbench.core.checklist.comparison import CHANGE_WORDS, compare_applications

    apps = []
    for path in (args.original, args.what_if):
        try:
            apps.append(load_application_file(path))
        except ApplicationFileError as exc:
            raise _file_error(path, exc) from None
    if apps[0].rules_id != apps[1].rules_id:
        raise UserError(f"{args.what_if}：与 {args.original} 依据的政策规则不同，无法对比")
    rules = rules_by_id(apps[0].rules_id)
    assert rules is not None
    c = compare_applications(rules, apps[0], apps[1], args.as_of)
    if args.json:
        _print_json(c.to_json())
        return 0

    def side(r: ItemResult | None) -> str:
        if r is None:
            return "—"
        amount = f"最高{format_yuan(r.max_amount)}（比例未定）" if r.ceiling_only else format_yuan(r.amount)
        return f"{r.item.title} {STATE_TEXT[r.state]} {amount}"

    print(
        f"试算对比：{c.original.application.name or args.original} → {c.what_if.application.name or args.what_if}"
    )
    if c.other_changes:
        print("另有改动：" + "、".join(CHANGE_WORDS[x] for x in c.other_changes))
    for cc in c.changed_claims:
        changes = "、".join(CHANGE_WORDS[x] for x in cc.changes) or "受其他改动影响"
        print(f"  {cc.title}（{changes}）：{side(cc.original)} → {side(cc.what_if)}")
    print("年度\t原申报（上限前/后）\t试算（上限前/后）\t增减")
    for y in c.years:
        print(
            f"{y.year}\t{format_yuan(y.original_before_cap)}/{format_yuan(y.original_after_cap)}"
            f"\t{format_yuan(y.what_if_before_cap)}/{format_yuan(y.what_if_after_cap)}\t{y.delta:+,}元"
        )
    print(
        f"合计\t{format_yuan(c.original.total_before_cap)}/{format_yuan(c.original.total_after_cap)}"
        f"\t{format_yuan(c.what_if.total_before_cap)}/{format_yuan(c.what_if.total_after_cap)}\t{c.total_delta:+,}元"
    )
    return 0


def print_evaluation(e: Evaluation, out: Any = None) -> None:
    out = out or sys.stdout
    w = lambda line="": print(line, file=out)  # noqa: E731
    r = e.rules
    w(f"《{r.title}》（{r.doc_number or '无文号'}）")
    if e.forecast:
        w("【预测】评估日之后的日期按预计取得计入，不是已取得的事实")
    w(
        f"申报：{e.application.name or '未命名'}　评估日：{e.as_of.isoformat()}　有效期："
        f"{r.validity.issued.isoformat()} 至 "
        f"{r.validity.valid_until.isoformat()}"
    )
    policy = next(c for c in e.items[0].conditions if c.id == "validity.in_force") if e.items else None
    if policy:
        w(f"政策效力：{describe(policy.reason, policy.params)}〔{policy.citation.clause_id}〕")
    w(f"适用范围：{STATE_TEXT[e.scope_state]}〔{r.scope_citation.clause_id}〕")
    for c in e.scope:
        w(f"  {STATE_MARK[c.state.value]} {c.text}：{describe(c.reason, c.params)}")
    clause = None
    for item in e.items:
        if item.item.clause_id != clause:
            clause = item.item.clause_id
            w()
            w(f"【{clause}】")
        _print_item(w, item)
    w()
    w("合计（奖补资金，不含融资支持和非资金支持）：")
    if not e.totals:
        w("  无")
    for t in e.totals:
        line = f"  {t.year} 年：{format_yuan(t.before_cap)}"
        if t.cap_applied:
            line += (
                f" → 适用每年 {format_yuan(t.cap)} 上限后 {format_yuan(t.after_cap)}〔"
                f"{t.cap_citation.clause_id if t.cap_citation else ''}〕"
            )
        if t.pending:
            line += f"（另有待补充 {format_yuan(t.pending)}）"
        if t.ceilings:
            line += f"（另有比例未定、最高 {format_yuan(t.ceilings)}，不计入）"
        w(line)
    w(
        f"  总计：{format_yuan(e.total_after_cap)}"
        + (
            f"（适用上限前 {format_yuan(e.total_before_cap)}）"
            if e.total_after_cap != e.total_before_cap
            else ""
        )
    )


def _print_item(w: Any, r: ItemResult) -> None:
    claim = f"——{r.claim.title or r.claim.id}" if r.claim else "（未申报）"
    amount = ""
    if r.ceiling_only:
        amount = f"　比例未定，最高 {format_yuan(r.max_amount)}（不计入合计）"
    elif r.max_amount is not None:
        amount = f"　最高 {format_yuan(r.max_amount)}"
        if len(r.per_year) > 1:
            amount += (
                "（" + "、".join(f"{y} 年 {format_yuan(v)}" for y, v in sorted(r.per_year.items())) + "）"
            )
        amount += f"，计入 {format_yuan(r.amount)}"
        if len(r.per_year) > 1 and r.amount and r.counted_per_year != r.per_year:
            # e.g. a request below the ceiling: which years it is counted in
            amount += (
                "（"
                + "、".join(f"{y} 年 {format_yuan(v)}" for y, v in sorted(r.counted_per_year.items()))
                + "）"
            )
    w(f"  [{STATE_TEXT[r.state]}] {r.item.title}{claim}{amount}")
    for c in r.conditions:
        if c.id in ("validity.in_force", "scope") and c.state.value == "eligible":
            continue  # the header already says so
        w(
            f"      {STATE_MARK[c.state.value]} {c.text}：{describe(c.reason, c.params)}〔{c.citation.clause_id}〕"
        )
    for n in r.notes:
        w(f"      · {describe(n.code, n.params)}" + (f"〔{n.citation.clause_id}〕" if n.citation else ""))
    if r.fund and r.state.value != "ineligible":
        w(f"      · 资金来源：{r.fund.name}")


def cmd_checklist_list(args: argparse.Namespace) -> int:
    ws = _open(args)
    rows = ws.applications.summaries()
    if args.json:
        _print_json(
            [
                {
                    "id": a.id,
                    "name": a.name,
                    "rules": a.rules_id,
                    "revision": a.revision,
                    "updated_at": a.updated_at,
                }
                for a in rows
            ]
        )
        return 0
    if not rows:
        print("还没有保存的申报。用 checklist import 文件.json 导入一个。")
    for a in rows:
        print(f"{a.id}\t第 {a.revision} 版\t{a.updated_at}\t{a.rules_id}\t{a.name}")
    return 0


def cmd_checklist_history(args: argparse.Namespace) -> int:
    ws = _open(args)
    try:
        revisions = ws.applications.history(args.app_id)
    except ApplicationError as exc:
        raise _app_error(exc) from None
    if args.json:
        _print_json(
            [{"revision": r.revision, "saved_at": r.saved_at, "summary": r.summary} for r in revisions]
        )
        return 0
    for r in revisions:
        print(f"第 {r.revision} 版\t{r.saved_at}\t{r.summary}")
    return 0


def cmd_checklist_evidence(args: argparse.Namespace) -> int:
    ws = _open(args)
    try:
        claims = {c.id for c in ws.applications.get(args.app_id).application.claims}
        every = ws.applications.evidence(args.app_id)
    except ApplicationError as exc:
        raise _app_error(exc) from None
    # as in the dossier: what the profile and the claimed items need, and whatever was given
    slots = {
        k: s
        for k, s in every.items()
        if k.partition(":")[0] in claims | {"profile"} or s.note.strip() or s.files
    }
    if args.json:
        _print_json(
            [
                {
                    "key": s.key,
                    "asked": s.asked,
                    "present": s.present,
                    "note": s.note,
                    "files": [
                        {"name": f.file_name, "sha256": f.sha256, "size": f.size, "present": f.present}
                        for f in s.files
                    ],
                }
                for s in slots.values()
            ]
        )
        return 0
    asked = [s for s in slots.values() if s.asked]
    print(
        f"需提供 {len(asked)} 项，已有 {sum(1 for s in asked if s.present)} 项，缺少 "
        f"{sum(1 for s in asked if not s.present)} 项"
    )
    for s in slots.values():
        given = [s.note.strip()] if s.note.strip() else []
        # a file whose stored copy is gone or altered is not evidence
        given += [f.file_name if f.present else f"{f.file_name}（文件缺失）" for f in s.files]
        print(
            f"{'✔ 已有' if s.present else '✘ 缺少'}\t{s.key}\t{s.asked or '（申请人补充）'}\t{'；'.join(given) or '—'}"
        )
    return 0


def cmd_checklist_export(args: argparse.Namespace) -> int:
    ws = _open(args)
    try:
        ws.applications.export_file(args.app_id, args.file)
    except ApplicationError as exc:
        raise _app_error(exc) from None
    print(f"已导出到 {args.file}")
    return 0


def cmd_checklist_import(args: argparse.Namespace) -> int:
    ws = _open(args)
    try:
        stored = ws.applications.import_file(args.file, into=args.into)
    except ApplicationFileError as exc:
        raise _file_error(args.file, exc) from None
    except ApplicationError as exc:
        raise _app_error(exc) from None
    print(f"已导入：{stored.id}（第 {stored.revision} 版）{stored.application.name}")
    return 0
