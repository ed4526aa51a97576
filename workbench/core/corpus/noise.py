"""Find the noise that text extraction left in a policy document.

Noise is only what can be *shown* to be noise, so that a parser can drop it
and a test can prove nothing else was dropped:

* page numbers such as ``—3—`` that form a run of consecutive numbers (a lone
  ``—3—`` might be real text, a sequence 2, 3, 4 … is a page count);
* Markdown bold markers ``**`` and HTML tags such as ``<p>``;
* a stray line that only repeats the tail of the line before it.

The :class:`CleanView` gives the text with the noise removed, mapped back to
source offsets, which is what the clause parser reads.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from workbench.core.corpus.models import Noise, NoiseKind

_PAGE_NUMBER = re.compile(r"(?<![0-9０-９])[—－-]{1}[ \t]?([0-9]{1,3})[ \t]?[—－-]")
_BOLD = re.compile(r"\*\*")
_HTML_TAG = re.compile(
    r"</?(?:p|br|div|span|strong|b|em|i|u|font|h[1-6]|li|ul|ol|table|tbody|thead|tr|td|th|section|article)"
    r"(?:\s[^<>\n]{0,200})?\s*/?>",
    re.IGNORECASE,
)
_HTML_SPACE = re.compile(r"&nbsp;", re.IGNORECASE)
# Block-level tags end a paragraph: the clean view shows them as a line break.
_BLOCK_TAG = re.compile(r"</?(?:p|br|div|h[1-6]|li|tr|table|section|article)\b", re.IGNORECASE)
_MIN_PAGE_RUN = 2
_MAX_STRAY_LINE = 40


def find_noise(source: str) -> list[Noise]:
    """All provable noise in ``source``, sorted and non-overlapping."""
    found = _page_numbers(source) + _markup(source) + _stray_lines(source)
    found.sort(key=lambda n: (n.start, -n.end))
    merged: list[Noise] = []
    for n in found:
        if merged and n.start < merged[-1].end:
            continue  # overlapping finds: the first (longest) wins
        merged.append(n)
    return merged


def _page_numbers(source: str) -> list[Noise]:
    candidates = [(int(m.group(1)), m.start(), m.end()) for m in _PAGE_NUMBER.finditer(source)]
    # Keep the candidates that belong to a run of consecutive page numbers in
    # document order (gaps of unrelated candidates between them are allowed).
    accepted: set[int] = set()
    best_chain: dict[int, list[int]] = {}  # page value -> chain of candidate indexes ending there
    for idx, (value, _, _) in enumerate(candidates):
        chain = best_chain.get(value - 1, []) + [idx]
        if len(chain) > len(best_chain.get(value, [])):
            best_chain[value] = chain
    for chain in best_chain.values():
        if len(chain) >= _MIN_PAGE_RUN:
            accepted.update(chain)
    return [
        Noise(start, end, NoiseKind.PAGE_NUMBER)
        for idx, (_, start, end) in enumerate(candidates)
        if idx in accepted
    ]


def _markup(source: str) -> list[Noise]:
    spans = [Noise(m.start(), m.end(), NoiseKind.MARKUP) for m in _HTML_TAG.finditer(source)]
    spans += [Noise(m.start(), m.end(), NoiseKind.MARKUP) for m in _HTML_SPACE.finditer(source)]
    for line_start, line in _lines(source):
        marks = [m.start() for m in _BOLD.finditer(line)]
        # Only paired markers on one line are markup; a lone ** may be real text.
        for pos in marks[: len(marks) - len(marks) % 2]:
            spans.append(Noise(line_start + pos, line_start + pos + 2, NoiseKind.MARKUP))
    return spans


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).replace(" ", "")


def _stray_lines(source: str) -> list[Noise]:
    spans: list[Noise] = []
    previous = ""
    for line_start, line in _lines(source):
        stripped = line.strip()
        if not stripped:
            continue
        folded, prev_folded = _fold(stripped), _fold(previous)
        if (
            2 <= len(folded) <= _MAX_STRAY_LINE
            and len(prev_folded) > len(folded)
            and prev_folded.endswith(folded)
        ):
            offset = line.index(stripped)
            spans.append(
                Noise(line_start + offset, line_start + offset + len(stripped), NoiseKind.STRAY_LINE)
            )
            continue  # the line before stays the reference for the next line
        previous = stripped
    return spans


def _lines(source: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in source.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def is_block_tag(text: str) -> bool:
    return bool(_BLOCK_TAG.match(text))


@dataclass(frozen=True, slots=True)
class CleanView:
    """The source with noise removed; ``origin[i]`` is the source offset of ``text[i]``.

    A block-level tag (``<p>``, ``</p>``, ``<br>``) becomes one line break in
    the view so that paragraphs stay apart; every other noise span vanishes.
    ``origin`` has one extra entry, ``len(source)``, for the end.
    """

    text: str
    origin: tuple[int, ...]

    @classmethod
    def build(cls, source: str, noise: list[Noise]) -> CleanView:
        chars: list[str] = []
        origin: list[int] = []
        pos = 0
        for n in noise:
            chars.extend(source[pos : n.start])
            origin.extend(range(pos, n.start))
            if n.kind is NoiseKind.MARKUP and is_block_tag(source[n.start : n.end]):
                chars.append("\n")
                origin.append(n.start)
            pos = n.end
        chars.extend(source[pos:])
        origin.extend(range(pos, len(source)))
        origin.append(len(source))
        return cls("".join(chars), tuple(origin))
