"""Snippets: the sentence(s) around the best match of a clause, cut on 。！？；, with the matches marked."""

from __future__ import annotations

import bisect
import html
from collections.abc import Callable

from workbench.core.search.folding import Compacted, fold, fold_compact
from workbench.core.search.query import Chunk
from workbench.core.search.types import SearchHit

SNIPPET_MIN = 30  # add neighbouring sentences while the snippet is shorter than this
SNIPPET_MAX = 160  # longer sentences are cut around the first mark, with …
ELLIPSIS = "…"


def marked_snippet(
    hit: SearchHit,
    open: str = "<mark>",  # noqa: A002 - the name the callers use
    close: str = "</mark>",
    escape: Callable[[str], str] = html.escape,
) -> str:
    """The snippet with each mark wrapped in ``open``/``close``; the rest escaped."""
    out: list[str] = []
    at = 0
    for start, end in hit.marks:
        out.append(escape(hit.snippet[at:start]))
        out.append(open + escape(hit.snippet[start:end]) + close)
        at = end
    out.append(escape(hit.snippet[at:]))
    return "".join(out)


# --------------------------------------------------------------------------
# Snippets
# --------------------------------------------------------------------------

_SENTENCE_END = frozenset("。!?;\n")  # after folding: ！？； are ! ? ;


def _marks(text: str, needles: list[Chunk]) -> tuple[list[tuple[int, int]], list[set[int]]]:
    """Merged mark spans in ``text`` and, per span, which needles produced it."""
    cmp: Compacted = fold_compact(text)
    spans: list[tuple[int, int, int]] = []
    for k, needle in enumerate(needles):
        if needle.regex is None:
            lit, n = needle.literal, len(needle.literal)
            at = cmp.text.find(lit)
            while at >= 0:
                spans.append((*cmp.source_span(at, at + n), k))
                at = cmp.text.find(lit, at + n)
        elif needle.literal in cmp.text:
            for m in needle.regex.finditer(cmp.text):
                if m.end() > m.start():
                    spans.append((*cmp.source_span(m.start(), m.end()), k))
    spans.sort()
    merged: list[tuple[int, int]] = []
    which: list[set[int]] = []
    for a, b, k in spans:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
            which[-1].add(k)
        else:
            merged.append((a, b))
            which.append({k})
    return merged, which


def _sentences(text: str) -> list[tuple[int, int]]:
    folded = fold(text)
    out = []
    start = 0
    for i, c in enumerate(folded):
        if c in _SENTENCE_END:
            out.append((start, i + 1))
            start = i + 1
    if start < len(text):
        out.append((start, len(text)))
    return out


def make_snippet(text: str, needles: list[Chunk]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The sentence(s) of ``text`` around the best match, and the marks in it."""
    snippet, marks, _ = make_snippet_kinds(text, needles, [])
    return snippet, marks


def make_snippet_kinds(
    text: str, needles: list[Chunk], synonyms: list[Chunk]
) -> tuple[str, tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]:
    """As :func:`make_snippet`, with ``synonyms`` marked too; the third part lists the
    marks made by synonyms alone."""
    marks, which = _marks(text, needles)
    literal_count = len(needles)
    if synonyms:
        # synonym marks stay apart from literal ones (a literal mark wins where they overlap)
        more, more_which = _marks(text, synonyms)
        pairs = list(zip(marks, which, strict=True))
        for (a, b), ks in zip(more, more_which, strict=True):
            if not any(a < e and s < b for s, e in marks):
                pairs.append(((a, b), {k + literal_count for k in ks}))
        pairs.sort(key=lambda p: p[0])
        marks, which = [m for m, _ in pairs], [w for _, w in pairs]
    sentences = _sentences(text) or [(0, 0)]
    best = 0
    if marks:
        ends = [e for _, e in sentences]
        scores: dict[int, tuple[set[int], int]] = {}
        for (a, _), ks in zip(marks, which, strict=True):
            s = min(bisect.bisect_right(ends, a), len(sentences) - 1)
            covered, count = scores.get(s, (set(), 0))
            scores[s] = (covered | ks, count + 1)
        best = max(scores, key=lambda s: (len(scores[s][0]), scores[s][1], -s))
    lo = hi = best
    start, end = sentences[best]
    while end - start < SNIPPET_MIN:
        if hi + 1 < len(sentences) and sentences[hi + 1][1] - start <= SNIPPET_MAX:
            hi += 1
            end = sentences[hi][1]
        elif lo > 0 and end - sentences[lo - 1][0] <= SNIPPET_MAX:
            lo -= 1
            start = sentences[lo][0]
        else:
            break
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    prefix = suffix = ""
    if end - start > SNIPPET_MAX:
        inside = [m for m in marks if start <= m[0] < end]
        anchor = inside[0][0] if inside else start
        a = max(start, anchor - SNIPPET_MAX // 4)
        b = min(end, a + SNIPPET_MAX)
        a = max(start, b - SNIPPET_MAX)
        prefix = ELLIPSIS if a > start else ""
        suffix = ELLIPSIS if b < end else ""
        start, end = a, b
    shift = len(prefix) - start
    out = []
    by_synonym = []
    for (a, b), ks in zip(marks, which, strict=True):
        a, b = max(a, start), min(b, end)
        if a < b:
            out.append((a + shift, b + shift))
            if all(k >= literal_count for k in ks):
                by_synonym.append((a + shift, b + shift))
    return prefix + text[start:end] + suffix, tuple(out), tuple(by_synonym)
