"""Text folding shared by the search index and the query side.

Two layers:

``fold(text)``
    A character-by-character map, so ``len(fold(text)) == len(text)`` and index
    ``i`` of the result is character ``i`` of the input. Snippets and marks can
    therefore be cut from the original display text with the offsets found in
    the folded one. It folds

    * full-width / half-width forms and other compatibility characters whose
      NFKC form is a single character (ＧＣＰ → GCP, ５ → 5, ％ → %, ｡ → 。);
    * case (GCP → gcp);
    * dash variants to ``-`` (CAR—T, CAR–T, CAR－T, CAR‐T, ― and ─ all → car-t);
    * white space other than ``\\n`` to a plain space (ideographic space,
      no-break space, tabs, zero-width spaces);
    * traditional to simplified characters with OpenCC ``t2s``, one character
      at a time (細胞治療 → 细胞治疗). Per character, not per phrase, so that a
      character folds the same way whatever surrounds it: a query for one
      character must fold exactly as that character does inside a long text.

``compact(folded)``
    Drops the white space that carries no meaning in Chinese text: any run of
    white space next to a CJK character (``4000 亿元`` → ``4000亿元``,
    ``到 2025 年`` → ``到2025年``, a line break inside a word). White space between
    two Latin words or numbers stays (it separates them). The result keeps a
    map back to offsets in the folded (hence the original) text.
"""

from __future__ import annotations

import bisect
import threading
import unicodedata
from dataclasses import dataclass

__all__ = [
    "Compacted",
    "compact",
    "fold",
    "fold_char",
    "fold_compact",
    "is_cjk",
    "is_wide",
]

# Dashes and minus signs that Chinese documents use inside names and ranges.
DASHES = frozenset(
    "\u002d"  # - hyphen-minus
    "\u2010"  # ‐ hyphen
    "\u2011"  # ‑ non-breaking hyphen
    "\u2012"  # ‒ figure dash
    "\u2013"  # – en dash
    "\u2014"  # — em dash
    "\u2015"  # ― horizontal bar
    "\u2212"  # − minus sign
    "\u2e3a"  # ⸺ two-em dash
    "\u2e3b"  # ⸻ three-em dash
    "\ufe58"  # ﹘ small em dash
    "\ufe63"  # ﹣ small hyphen-minus
    "\uff0d"  # － full-width hyphen-minus
    "\u2500"  # ─ box drawing light horizontal, used as a dash in typed text
    "\u2501"  # ━
)

# Characters that take no room but may separate words; folded to a space.
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff")


def is_cjk(ch: str) -> bool:
    """A CJK ideograph (including extension A/B…, compatibility ideographs and 〇)."""
    o = ord(ch)
    return (
        0x4E00 <= o <= 0x9FFF
        or 0x3400 <= o <= 0x4DBF
        or 0xF900 <= o <= 0xFAFF
        or 0x20000 <= o <= 0x3134F
        or o == 0x3007
    )


def is_wide(ch: str) -> bool:
    """East Asian script or punctuation: next to one of these, white space means nothing."""
    return ord(ch) >= 0x2E80 and not ch.isspace() and ch not in _INVISIBLE


class _Converter:
    """OpenCC t2s, loaded on first use, used one character at a time."""

    _lock = threading.Lock()
    _cc = None

    @classmethod
    def t2s(cls, ch: str) -> str:
        if cls._cc is None:
            with cls._lock:
                if cls._cc is None:
                    import opencc

                    cls._cc = opencc.OpenCC("t2s")
        out: str = cls._cc.convert(ch)
        return out if len(out) == 1 else ch


def _fold_one(ch: str) -> str:
    if ch == "\n":
        return ch
    out = unicodedata.normalize("NFKC", ch)
    if len(out) != 1:
        out = ch
    low = out.lower()
    if len(low) == 1:
        out = low
    if out in DASHES:
        return "-"
    if out in _INVISIBLE or (out.isspace() and out != "\n"):
        return " "
    for _ in range(3):  # to a fixed point, so that folding twice changes nothing (薴 → 苧 → 苎)
        if not is_cjk(out):
            break
        simple = _Converter.t2s(out)
        if simple == out:
            break
        out = simple
    return out


class _Table(dict[int, str]):
    """``str.translate`` table that computes and caches each character's fold."""

    def __missing__(self, code: int) -> str:
        out = _fold_one(chr(code))
        self[code] = out
        return out


_TABLE = _Table()


def fold_char(ch: str) -> str:
    """The fold of one character (always one character)."""
    return _TABLE[ord(ch)]


def fold(text: str) -> str:
    """Length-preserving fold: width, case, dashes, spaces, traditional → simplified."""
    return text.translate(_TABLE)


@dataclass(frozen=True, slots=True)
class Compacted:
    """A folded text with meaningless white space removed, and the way back.

    ``text[i]`` is ``source[to_source(i)]`` folded, where ``source`` is the text
    given to :func:`compact` (and, since folding preserves length, the
    original text given to :func:`fold`).
    """

    text: str
    # Sorted positions in ``text`` after which white space was removed, and the
    # total number of characters removed before each of them.
    _at: tuple[int, ...] = ()
    _removed: tuple[int, ...] = ()

    def to_source(self, i: int) -> int:
        """Offset in the source of character ``i`` of the compact text (``i`` may be ``len(text)``)."""
        k = bisect.bisect_right(self._at, i)
        return i + (self._removed[k - 1] if k else 0)

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets ``[a, b)`` covering compact ``[start, end)`` (non-empty)."""
        return self.to_source(start), self.to_source(end - 1) + 1


def compact(folded: str) -> Compacted:
    """Drop white space next to CJK characters; keep a map to source offsets."""
    n = len(folded)
    parts: list[str] = []
    at: list[int] = []
    removed: list[int] = []
    total = 0
    out_len = 0
    i = 0
    last = 0
    while i < n:
        if not folded[i].isspace():
            i += 1
            continue
        j = i
        while j < n and folded[j].isspace():
            j += 1
        before = folded[i - 1] if i > 0 else ""
        after = folded[j] if j < n else ""
        if i == 0 or j == n or is_wide(before) or is_wide(after):
            parts.append(folded[last:i])
            out_len += i - last
            total += j - i
            at.append(out_len)
            removed.append(total)
            last = j
        i = j
    if not at:
        return Compacted(folded)
    parts.append(folded[last:])
    return Compacted("".join(parts), tuple(at), tuple(removed))


def fold_compact(text: str) -> Compacted:
    """:func:`fold` then :func:`compact`; offsets map back to ``text``."""
    return compact(fold(text))
