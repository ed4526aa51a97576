"""User-facing words for the core's codes (statuses, levels, import problems, notices)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from workbench.core.models import ImportProblem, Level, ValidityStatus


def status_label(status: ValidityStatus) -> str:
    return {
        ValidityStatus.NOT_YET: QCoreApplication.translate("labels", "尚未生效"),
        ValidityStatus.IN_FORCE: QCoreApplication.translate("labels", "现行有效"),
        ValidityStatus.EXPIRED: QCoreApplication.translate("labels", "已失效"),
        ValidityStatus.REPEALED: QCoreApplication.translate("labels", "已废止"),
        ValidityStatus.UNKNOWN: QCoreApplication.translate("labels", "效力未知"),
    }[status]


def level_label(level: Level) -> str:
    return {
        Level.NATIONAL: QCoreApplication.translate("labels", "国家"),
        Level.PROVINCIAL: QCoreApplication.translate("labels", "省级"),
        Level.MUNICIPAL: QCoreApplication.translate("labels", "市级"),
        Level.OTHER: QCoreApplication.translate("labels", "其他"),
    }[level]


def problem_label(problem: ImportProblem) -> str:
    return {
        ImportProblem.NOT_FOUND: QCoreApplication.translate("labels", "文件不存在"),
        ImportProblem.UNREADABLE: QCoreApplication.translate("labels", "文件无法读取（权限或磁盘错误）"),
        ImportProblem.EMPTY: QCoreApplication.translate("labels", "文件为空"),
        ImportProblem.TOO_LARGE: QCoreApplication.translate("labels", "文件超过大小上限"),
        ImportProblem.BINARY: QCoreApplication.translate("labels", "不是文本文件（二进制内容）"),
        ImportProblem.UNDECODABLE: QCoreApplication.translate("labels", "无法识别文字编码"),
        ImportProblem.NO_TEXT_LAYER: QCoreApplication.translate("labels", "PDF 没有文字层（可能是扫描件）"),
        ImportProblem.CORRUPT: QCoreApplication.translate("labels", "文件已损坏或格式不符"),
        ImportProblem.UNSUPPORTED_TYPE: QCoreApplication.translate("labels", "不支持的文件类型（支持 .txt、.docx、.pdf）"),
        ImportProblem.DUPLICATE: QCoreApplication.translate("labels", "文库中已有相同文件"),
        ImportProblem.DUPLICATE_NUMBER: QCoreApplication.translate("labels", "文库中已有相同文号的文件"),
        ImportProblem.CANCELLED: QCoreApplication.translate("labels", "已取消"),
    }[problem]


def notice_label(code: str) -> str:
    return {"malformed_query_fallback": QCoreApplication.translate("labels", "查询语法有误，已按普通词语检索")}.get(code, code)
