"""Chinese numerals as written in policy headings and targets (一 … 九十九, 〇/零, 百, 千)."""

from __future__ import annotations

_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_POWERS = {"十": 10, "百": 100, "千": 1000}
# Every character a numeral is written with, and a regular expression for one numeral that starts
# with a digit or a power (十家, 两个, 三十五名, 一百二十家; not 〇 or 零, which never lead).
NUMERAL_CHARACTERS = "".join(_DIGITS) + "".join(_POWERS)
NUMERAL_PATTERN = (
    "[" + "".join(c for c in NUMERAL_CHARACTERS if c not in "〇零") + "][" + NUMERAL_CHARACTERS + "]*"
)
_FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


def to_ascii_digits(text: str) -> str:
    return text.translate(_FULL_WIDTH)


def is_numeral(text: str) -> bool:
    """True when ``text`` starts with a Chinese numeral character (十家, 两个; not 3家)."""
    return text[:1] in NUMERAL_CHARACTERS


def chinese_to_int(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十八 → 28, 一百零五 → 105, 两千 → 2000; Arabic digits too. None if not a numeral."""
    text = to_ascii_digits(text.strip())
    if not text:
        return None
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for ch in text:
        if ch in _DIGITS:
            current = _DIGITS[ch]
        elif ch in _POWERS:
            total += (current or 1) * _POWERS[ch]
            current = 0
        else:
            return None
    return total + current
