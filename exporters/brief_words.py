"""Words the briefs print for the core's codes (a brief is printed in Chinese)."""

from __future__ import annotations

import datetime as dt

from workbench.core.models import Level, ValidityStatus

STATUS_LABELS = {
    ValidityStatus.NOT_YET: "尚未生效",
    ValidityStatus.IN_FORCE: "现行有效",
    ValidityStatus.EXPIRED: "已失效",
    ValidityStatus.REPEALED: "已废止",
    ValidityStatus.UNKNOWN: "效力未知",
}
LEVEL_LABELS = {Level.NATIONAL: "国家", Level.PROVINCIAL: "省", Level.MUNICIPAL: "市", Level.OTHER: "其他"}
_DIGITS = "〇一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 25 → 二十五 (heading numbers up to 99)."""
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    if n >= 100:
        return str(n)
    return f"{_DIGITS[tens] if tens > 1 else ''}十{_DIGITS[ones] if ones else ''}"


def part_marker(n: int) -> str:
    return f"{chinese_number(n)}、"


def clause_marker(n: int) -> str:
    return f"（{chinese_number(n)}）"


def optional_date(day: dt.date | None) -> str:
    from exporters.pdf_layout import chinese_date

    return chinese_date(day) if day else "不详"
