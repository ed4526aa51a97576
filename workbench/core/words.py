"""The words people read for the core's codes: one table per kind, used by the CLI, the PDF
briefs and the window alike.

Each table maps a code (the value of the core's ``StrEnum`` members, so a member looks its
word up directly: ``VALIDITY_WORDS[ValidityStatus.IN_FORCE]``) to its Chinese word. The
window passes the same words through Qt's translator, context ``"labels"``
(``workbench/ui/labels.py``), and ``resources/i18n/runtime_strings.py`` lists them for
translation. The checklist's reason templates, which the engine fills with parameters,
live beside it in ``workbench/core/checklist/phrases.py``.

This module imports nothing of the workbench, so every domain may use it.
"""

from __future__ import annotations

VALIDITY_WORDS = {
    "not_yet_in_force": "尚未生效",
    "in_force": "现行有效",
    "expired": "已失效",
    "repealed": "已废止",
    "unknown": "效力未知",
}
# A policy's own status in a dossier (it cannot be repealed while it is the rule checked).
POLICY_STATUS_WORDS = {"not_yet_in_force": "尚未实施", "in_force": "现行有效", "expired": "已失效"}

LEVEL_WORDS = {"national": "国家", "provincial": "省级", "municipal": "市级", "other": "其他"}
# The short form the briefs and the command line print after a level label: 层级：省.
LEVEL_SHORT_WORDS = {"national": "国家", "provincial": "省", "municipal": "市", "other": "其他"}

IMPORT_PROBLEM_WORDS = {
    "not_found": "文件不存在",
    "unreadable": "文件无法读取（权限或磁盘错误）",
    "empty": "文件为空",
    "too_large": "文件超过大小上限",
    "binary": "不是文本文件（二进制内容）",
    "undecodable": "无法识别文字编码",
    "no_text_layer": "PDF 没有文字层（可能是扫描件）",
    "corrupt": "文件已损坏或格式不符",
    "unsupported_type": "不支持的文件类型（支持 .txt、.docx、.pdf、.xlsx）",
    "duplicate": "文库中已有相同文件",
    "duplicate_number": "文库中已有相同文号的文件",
    "cancelled": "已取消",
    "disk_full": "磁盘已满，此文件未保存（之前导入的文件已保存）",
    "not_attempted": "磁盘已满，未尝试导入",
}

SEARCH_NOTICE_WORDS = {
    "malformed_query_fallback": "查询语法有误，已按普通词语检索",
    "no_searchable_terms": "检索词中没有可检索的文字",
    "index_unavailable": "检索索引暂不可用，正在重建",
    "partial_matches": "未找到同时包含全部检索词的条款，以下为部分匹配",
    "synonym_matches": "部分结果按同义词匹配",
    "index_stale": "检索索引未能更新（磁盘空间不足或索引被占用），结果可能缺少最近导入的文件",
    "query_truncated": "检索词过长，只按前 200 个字检索",
}

CHECK_STATE_WORDS = {"eligible": "符合", "ineligible": "不符合", "needs_info": "待补充"}

INDICATOR_STATUS_WORDS = {
    "achieved": "已实现",
    "on_track": "进展顺利",
    "needs_acceleration": "需加快进度",
    "limited_progress": "进展有限",
    "deteriorating": "出现倒退",
    "overdue": "已逾期",
    "no_data": "暂无数据",
}
NO_DATA_PAST_DEADLINE_WORDS = "暂无数据（已过期限）"

COMPARATOR_WORDS = {
    "at_least": "不低于",
    "more_than": "超过",
    "about": "左右",
    "range": "区间",
    "at_most": "不高于",
}

# IndicatorError codes and the row codes of an indicator table import.
INDICATOR_ERROR_WORDS = {
    "unknown_indicator": "没有这个指标",
    "unknown_document": "文库中没有这个文件",
    "invalid_period": "期间格式不对（应为 2024、2024-06、2024-Q2 或 2024-H1）",
    "impossible_period": "期间不存在（月份或年份超出范围）",
    "invalid_value": "数值不是数字",
    "not_a_number": "不是数字",
    "missing_value": "未填写",
    "missing_column": "缺少这一列",
    "wrong_unit": "单位与指标不符",
    "duplicate_period": "文件中同一指标同一期间出现两次",
    "duplicate_indicator": "文件中同一指标编号出现两次",
    "observation_exists": "该期间已有数值",
    "invalid_name": "指标名称为空",
    "invalid_unit": "单位为空",
    "invalid_comparator": "比较方式无效",
    "invalid_range": "目标区间无效（上限不能低于下限）",
    "invalid_deadline": "期限格式不对（应为年份或 YYYY-MM-DD）",
    "baseline_incomplete": "基期值和基期须同时填写",
    "no_observation": "该期间没有数值",
    "unknown_field": "没有这个字段",
    "already_decided": "该建议已处理",
    "invalid_attribute": "属性无效（应为约束性或预期性）",
}
# Problems with a table file as a whole (import or export of .xlsx/.csv).
TABLE_FILE_WORDS = {
    "unsupported_type": "不支持的文件类型（支持 .xlsx、.csv）",
    "no_folder": "要写入的文件夹不存在",
    "unreadable": "文件无法读取",
    "empty": "文件为空",
    "not_found": "文件不存在",
}

AUDIT_ACTION_WORDS = {
    "create": "创建",
    "edit": "修改",
    "delete": "删除",
    "record": "记录",
    "replace": "替换",
    "delete_observation": "删除观测值",
    "accept": "采纳建议",
    "reject": "不采纳建议",
}

# The PDF briefs' font roles, where a face came from, and why a chosen file was not used.
FONT_ROLE_WORDS = {
    "song": "标题（小标宋、宋体）",
    "hei": "一级标题“一、”（黑体）",
    "kai": "二级标题“（一）”（楷体）",
    "fangsong": "正文（仿宋_GB2312）",
}
FONT_SOURCE_WORDS = {"user": "自选字体", "system": "系统字体", "bundled": "内置字体"}
FONT_PROBLEM_WORDS = {
    "not_found": "文件不存在",
    "not_truetype": "不是 TrueType 字体（PDF 只能嵌入 TrueType 轮廓，OpenType/CFF 字体不可用）",
    "no_cjk": "字体不含中文字形",
    "unreadable": "文件无法读取",
}

# Why a brief could not be made ({0}: the document, indicator, application or detail).
BRIEF_DATA_ERROR_WORDS = {
    "unknown_document": "文库中没有文件 {0}",
    "unknown_indicator": "没有指标 {0}",
    "no_indicators": "没有可报告的指标{0}",
    "unknown_application": "没有申报 {0}",
    "application_file": "申报数据有误：{0}",
    "empty_query": "检索词为空",
    "unknown_unit": "没有单位 {0} 的任务",
}

# ApplicationError codes of the stored applications ({value}: what was asked for).
APPLICATION_ERROR_WORDS = {
    "not_found": "没有编号为 {value} 的申报",
    "no_such_revision": "没有这个版本：{value}",
    "evidence_unreadable": "证明材料文件无法读取：{value}",
    "unknown_evidence_key": "没有这个条件：{value}",
    "no_such_file": "没有这个证明材料文件：{value}",
    "unwritable": "无法写入文件：{value}",
    "bad_hash": "证明材料的 SHA-256 无效：{value}",
}
# The task ledger (督办台账).
TASK_STATUS_WORDS = {"not_started": "未启动", "in_progress": "推进中", "done": "已完成", "lagging": "滞后"}
TASK_ROLE_WORDS = {"lead": "牵头", "supporting": "配合"}
OVERDUE_WORD = "逾期"
# TaskError codes and the row codes of a ledger import.
TASK_ERROR_WORDS = {
    "unknown_task": "没有这项任务（任务编号不在文库的任何文件中）",
    "invalid_status": "状态应为 未启动、推进中、已完成 或 滞后",
    "missing_note": "进展情况未填写",
    "invalid_date": "日期格式不对（应为 YYYY-MM-DD）",
    "future_date": "日期晚于今天",
    "unknown_note": "没有这条进展记录",
    "already_retracted": "这条进展记录已撤回",
    "missing_value": "未填写",
    "missing_column": "缺少这一列",
    "duplicate_task": "文件中同一任务出现两次",
}
# Problems with a unit table (resources/units/, or the data folder's units/).
UNIT_TABLE_WORDS = {
    "unreadable": "单位对照表无法读取",
    "not_json": "单位对照表不是有效的 JSON",
    "bad_entry": "单位对照表有一项格式不对",
}
TASK_AUDIT_WORDS = {"record": "填报进展", "retract": "撤回进展"}

# Why the library file cannot be opened (db.connection.DatabaseDamagedError.reason).
STORE_PROBLEM_WORDS = {
    "not_a_file": "文库文件的位置上是一个文件夹或其他非普通文件",
    "empty": "文库文件为空（0 字节）",
    "not_sqlite": "文库文件不是 SQLite 数据库（文件头已损坏或被其他内容覆盖）",
    "truncated": "文库文件不完整（被截断）",
    "damaged_pages": "文库文件的数据页已损坏",
    "bad_version": "文库文件的版本号无效",
    "schema_mismatch": "文库文件的表结构与其版本号不符",
}

# 约束性 / 预期性 of a target (TargetAttribute codes).
ATTRIBUTE_WORDS = {"binding": "约束性", "expected": "预期性"}

UNKNOWN_WORD = "不详"


def word(table: dict[str, str], code: str) -> str:
    """The word for ``code``, or the code itself when a newer core sends one the table lacks."""
    return table.get(code, code)


# What changed in a what-if, claim by claim (workbench/core/checklist/comparison.py).
WHAT_IF_CHANGE_WORDS = {
    "added": "新增申报",
    "removed": "删除申报",
    "item": "改按其他事项",
    "event_date": "日期",
    "included": "是否计入",
    "requested_amount": "申请金额",
    "base_amount": "基数金额",
    "project": "产品/项目",
    "certificate": "注册证编号",
    "title": "名称",
    "answers": "条件答复",
    "other_claims": "其他政策",
    "profile": "申报单位信息",
    "as_of": "评估日",
}

ALL_TABLES = {
    "VALIDITY_WORDS": VALIDITY_WORDS,
    "POLICY_STATUS_WORDS": POLICY_STATUS_WORDS,
    "LEVEL_WORDS": LEVEL_WORDS,
    "LEVEL_SHORT_WORDS": LEVEL_SHORT_WORDS,
    "IMPORT_PROBLEM_WORDS": IMPORT_PROBLEM_WORDS,
    "SEARCH_NOTICE_WORDS": SEARCH_NOTICE_WORDS,
    "CHECK_STATE_WORDS": CHECK_STATE_WORDS,
    "INDICATOR_STATUS_WORDS": INDICATOR_STATUS_WORDS,
    "COMPARATOR_WORDS": COMPARATOR_WORDS,
    "INDICATOR_ERROR_WORDS": INDICATOR_ERROR_WORDS,
    "TABLE_FILE_WORDS": TABLE_FILE_WORDS,
    "AUDIT_ACTION_WORDS": AUDIT_ACTION_WORDS,
    "ATTRIBUTE_WORDS": ATTRIBUTE_WORDS,
    "FONT_ROLE_WORDS": FONT_ROLE_WORDS,
    "FONT_SOURCE_WORDS": FONT_SOURCE_WORDS,
    "FONT_PROBLEM_WORDS": FONT_PROBLEM_WORDS,
    "BRIEF_DATA_ERROR_WORDS": BRIEF_DATA_ERROR_WORDS,
    "APPLICATION_ERROR_WORDS": APPLICATION_ERROR_WORDS,
    "TASK_STATUS_WORDS": TASK_STATUS_WORDS,
    "TASK_ROLE_WORDS": TASK_ROLE_WORDS,
    "TASK_ERROR_WORDS": TASK_ERROR_WORDS,
    "UNIT_TABLE_WORDS": UNIT_TABLE_WORDS,
    "TASK_AUDIT_WORDS": TASK_AUDIT_WORDS,
    "WHAT_IF_CHANGE_WORDS": WHAT_IF_CHANGE_WORDS,
    "STORE_PROBLEM_WORDS": STORE_PROBLEM_WORDS,
}
