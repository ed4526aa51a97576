"""Chinese numbering and dates of the briefs; the words for the core's codes come from ``workbench.core.words``."""

from __future__ import annotations

import datetime as dt

from workbench.core.words import LEVEL_SHORT_WORDS, VALIDITY_WORDS

STATUS_LABELS = VALIDITY_WORDS
LEVEL_LABELS = LEVEL_SHORT_WORDS
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
