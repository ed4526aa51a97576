"""Values as people type them into forms: amounts in 元 or 万元, dates, plain numbers.

Every parser returns ``None`` for an empty field and raises ``ValueError`` for
text that is not such a value, so that a form can name the field it came from.
"""

from __future__ import annotations

import datetime as dt
import math

_SEPARATORS = str.maketrans("", "", ",，  ")
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．－＋", "0123456789.-+")
_SCALES = (("亿", 100_000_000), ("万", 10_000))


def _normalised(text: str) -> str:
    return text.strip().translate(_FULL_WIDTH).translate(_SEPARATORS)


def parse_number(text: str) -> float | None:
    """3500, 3,500, １２.５ → a finite float (empty → None)."""
    text = _normalised(text)
    if not text:
        return None
    number = float(text)
    if not math.isfinite(number):
        raise ValueError(text)
    return number


def parse_amount(text: str) -> int | None:
    """元 as typed: 5000000, 5,000,000, 500万, 500万元, 1.2亿 → whole 元 (empty → None).

    Negative, infinite or otherwise unreadable amounts raise ``ValueError``.
    """
    text = _normalised(text).removesuffix("元")
    if not text:
        return None
    factor = 1
    for word, scale in _SCALES:
        if text.endswith(word):
            text, factor = text[: -len(word)], scale
            break
    number = float(text) * factor
    if not math.isfinite(number) or number < 0:  # round() of inf raises OverflowError, not ValueError
        raise ValueError(text)
    return round(number)


def parse_day(text: str) -> dt.date | None:
    """An ISO date, 2026-06-15 (empty → None)."""
    text = text.strip()
    return dt.date.fromisoformat(text) if text else None
