"""The checklist's Chinese phrasing table and the helpers that fill it.

The engine returns reason *codes* with parameters. ``REASON_TEXT`` is the one
Chinese phrasing table (used by the CLI and the exporters; the UI passes the same
templates through Qt's translator, context ``"eligibility"``);
``describe(code, params)`` fills a template. Every ``TraceStep`` also carries its
Chinese ``text`` already filled in, so a dossier can print the trace as is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

# -------------------------------------------------------------------------- words

# The one Chinese phrasing table: condition reasons, notes, trace steps, file errors.
REASON_TEXT: dict[str, str] = {
    # condition reasons
    "answered_yes": "申请人确认：是",
    "answered_no": "申请人答复：否",
    "unanswered": "尚未答复，需补充",
    "value_allowed": "所填为“{value}”，符合要求",
    "value_not_allowed": "所填为“{value}”，不在“{allowed}”之列",
    "value_missing": "尚未填写，需补充",
    "value_present": "已填写：{value}",
    "date_in_term": "日期 {date} 在有效期（{valid_from} 至 {valid_until}）内",
    "date_before_issue": "日期 {date} 早于印发实施日 {valid_from}",
    "date_after_expiry": "日期 {date} 晚于有效期届满日 {valid_until}",
    "date_missing": "尚未填写日期，需补充",
    "date_in_future": "日期 {date} 晚于评估日 {as_of}：尚未发生，不是已取得的事实，不计入合计，待取得后补充",
    "date_forecast": "日期 {date} 晚于评估日 {as_of}：按预测计入（预测，尚未取得）",
    "policy_in_force": "评估日 {as_of} 政策现行有效（{valid_from} 至 {valid_until}）",
    "policy_not_yet_in_force": "评估日 {as_of} 政策尚未印发实施（{valid_from} 起实施），其下不能支付任何奖补",
    "policy_not_yet_predecessor": (
        "评估日 {as_of} 政策尚未印发实施（{valid_from} 起实施），其下不能支付任何奖补；"
        "当时适用的是《{predecessor_title}》（{predecessor}），已由本意见同步废止，应按该文件申报"
    ),
    "policy_expired": "评估日 {as_of} 政策已于 {valid_until} 期满失效，其下不能支付任何奖补",
    "outside_scope": "不在适用范围内：未满足“{failed}”",
    "scope_unknown": "适用范围尚待确认：“{unknown}”",
    "scope_met": "申请单位在适用范围内",
    "conflicting_claims": "同一产品“{project}”（{identified_by}）同时按“{items}”申报，一个产品只能属于一个类别",
    "no_conflict": "未与其他类别重复申报",
    # notes on amounts
    "excluded_by_user": "已在试算中排除，不计入合计",
    "requested_below_max": "申请金额 {requested}，低于上限 {max}，按申请金额计",
    "requested_above_max": "申请金额 {requested}超过上限 {max}，按上限计",
    "share_capped_by_base": "按实际投资额的一定比例补助，不超过实际投资额 {base}",
    "share_not_stated": "比例未定，最高{max}：政策只写“一定比例”，金额以上限列示，不作为已确定的资金计入合计",
    "share_stated": "按{base_label} {base} 的 {percent}% 计，为 {amount}",
    "applicant_ceiling": "同一申请单位按本项合计最高{ceiling}（已由本单位其他申报占用 {used}），本项最高 {max}",
    "financing_above_limit": "申请的{requested_label} {requested}超过上限 {limit}，按上限 {limit}计",
    "instalment_after_expiry": "第 {n} 年（{date}）已超出有效期（至 {valid_until}），不予计算",
    "superseded_by_other_policy": "同一项目已按“{policy}”获得或申报 {other}，从优就高不重复：按较高者计，本项不再计入",
    "counted_here_over_other": "同一项目另按“{policy}”申报 {other}，从优就高不重复：按本项 {amount}计，另一"
    "项不应重复享受",
    "duplicate_project_lower": "同一项目“{project}”已按“{other_item}”计入较高金额，从优就高不重复，本项不再计入",
    "amount_not_fixed": "政策未规定金额，按相关政策执行，不计入合计",
    "financing_not_money": "属融资支持（额度上限 {limit}），不是奖补资金，不计入合计",
    "financing_no_limit": "属融资支持，不是奖补资金，不计入合计",
    "non_monetary": "属非资金支持，不计入合计",
    "fund_selected": "资金来源：{fund}",
    # trace
    "trace.start": "按《{title}》（{doc_number}）评估“{application}”，评估日 {as_of}",
    "trace.policy": "政策效力：{status_text}",
    "trace.scope": "适用范围：{state_text}",
    "trace.item": "“{item}”{claim}：{state_text}",
    "trace.condition": "　条件“{condition}”：{reason_text}",
    "trace.amount": "　最高 {max}，计入 {amount}",
    "trace.note": "　{note_text}",
    "trace.year": "{year} 年：合计 {before}，适用上限后 {after}",
    "trace.cap": "{year} 年合计 {before}，超过每个单位每年 {cap}的上限，按 {cap}计",
    # the conditions every item carries
    "cond.validity": "评估日在政策有效期内",
    "cond.scope": "申请单位在适用范围内",
    "trace.total": "合计（各年适用上限后）：{after}；适用上限前：{before}",
    # application file problems
    "file.not_json": "不是有效的 JSON 文件：{value}",
    "file.unreadable": "文件无法读取：{value}",
    "file.not_object": "文件内容应为一个 JSON 对象",
    "file.wrong_format": "字段 {field}：不是申报文件（format 应为 workbench.application），实为 {value!r}",
    "file.wrong_version": "字段 {field}：不支持的版本 {value!r}（本程序支持版本 1）",
    "file.missing_field": "缺少必填字段 {field}",
    "file.wrong_type": "字段 {field}：应为{expected}，实为 {value!r}",
    "file.not_text": "文件无法按文本读取：{value}",
    "file.negative_amount": "字段 {field}：金额不能为负数（{value}）",
    "file.bad_date": "字段 {field}：不是有效日期 {value!r}（应为 YYYY-MM-DD）",
    "file.unknown_rules": "字段 {field}：未知的政策规则 {value!r}",
    "file.unknown_item": "字段 {field}：未知的奖补事项 {value!r}",
    "file.unknown_answer": "字段 {field}：未知的条件 {value!r}",
    "file.duplicate_id": "字段 {field}：编号 {value!r} 重复",
    "file.too_large": "文件过大（{value} 字节），申报文件最大 5 MB",
    "file.too_deep": "字段 {field}：嵌套层数超过 {value} 层",
    "file.too_long": "字段 {field}：内容过长（{value} 个字）",
    "file.bad_char": "字段 {field}：含有无效字符 {value}（孤立的代理码位，不是文字）",
    "file.bad_hash": "字段 {field}：SHA-256 应为 64 位十六进制数字，实为 {value!r}",
}


class _SafeParams(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


# Parameters that are amounts in 元: ``describe`` writes them with ``format_yuan``.
AMOUNT_PARAMS = frozenset(
    {"requested", "max", "base", "other", "amount", "limit", "before", "after", "cap", "ceiling", "used"}
)

# json's messages, in Chinese (the position is added by ``json_error_text``).
JSON_ERRORS = {
    "Expecting value": "此处应有一个值",
    "Expecting ',' delimiter": "缺少逗号“,”",
    "Expecting ':' delimiter": "缺少冒号“:”",
    "Expecting property name enclosed in double quotes": "键名应使用英文双引号括起",
    "Unterminated string starting at": "字符串缺少结尾的双引号",
    "Invalid control character at": "字符串中含有控制字符（如未转义的换行）",
    "Invalid \\escape": "无效的反斜杠转义",
    "Extra data": "JSON 内容结束后还有多余的字符",
}


def format_yuan(amount: int | None) -> str:
    """5000000 → 500万元, 1234567 → 1,234,567元 (None → —)."""
    if amount is None:
        return "—"
    if amount and amount % 10_000 == 0:
        return f"{amount // 10_000}万元"
    return f"{amount:,}元"


def describe(
    code: str, params: Mapping[str, Any] | None = None, table: Mapping[str, str] | None = None
) -> str:
    """Fill the Chinese template for ``code`` (``table`` lets the UI pass translated templates);
    amount parameters are written with ``format_yuan``."""
    template = (table or REASON_TEXT).get(code, code)
    shown = {
        k: (format_yuan(v) if k in AMOUNT_PARAMS and isinstance(v, int) and not isinstance(v, bool) else v)
        for k, v in (params or {}).items()
    }
    try:
        return template.format_map(_SafeParams(shown))
    except (ValueError, IndexError):
        return template


def json_error_text(exc: Any) -> str:
    """A ``json.JSONDecodeError`` in Chinese: where (line, column) and what is wrong."""
    what = next((v for k, v in JSON_ERRORS.items() if exc.msg.startswith(k)), f"格式错误（{exc.msg}）")
    return f"第 {exc.lineno} 行第 {exc.colno} 列：{what}"


def jsonable(params: Mapping[str, Any]) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in params.items()}
