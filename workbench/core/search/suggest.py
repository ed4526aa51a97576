"""Did you mean: a near spelling, in the index, of a query word that nothing holds.

For a term of three to eight CJK characters that no clause holds, the clauses are
searched for the word with one character replaced (a slip or a variant form
that folding does not cover), one dropped, or two neighbours swapped. The
spelling held by the most clauses is offered; the search never applies it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from workbench.core.search.analysis import CJK_CHARS
from workbench.core.search.folding import fold

_CJK_WORD = re.compile(f"[{CJK_CHARS}]{{3,}}")  # two characters one edit away are anything
MAX_WORD = 8  # longer terms are not respelled


def near_spellings(
    word: str,
    bodies: Sequence[str],
    lookup: Callable[[str], Iterable[int] | None] = lambda needle: None,
) -> list[tuple[str, int]]:
    """Spellings one edit from ``word`` that clauses hold, with how many hold each, most first.

    ``lookup(needle)`` may name the clauses that can hold ``needle`` (None: any clause)."""
    if not _CJK_WORD.fullmatch(word) or len(word) > MAX_WORD:
        return []
    counts: Counter[str] = Counter()
    patterns: list[tuple[str, re.Pattern[str]]] = []
    for i in range(len(word)):
        left, right = word[:i], word[i + 1 :]
        if len(left) + len(right) >= 1:
            needle = max(left, right, key=len)
            patterns.append((needle, re.compile(re.escape(left) + f"[{CJK_CHARS}]" + re.escape(right))))
        if len(word) >= 3:
            dropped = left + right
            patterns.append((dropped, re.compile(re.escape(dropped))))
        if i + 1 < len(word):
            swapped = left + word[i + 1] + word[i] + word[i + 2 :]
            if swapped != word:
                patterns.append((swapped, re.compile(re.escape(swapped))))
    for needle, pattern in patterns:
        seen: set[str] = set()
        which = lookup(needle)
        texts = bodies if which is None else (bodies[i] for i in which)
        for text in texts:
            if needle in text:
                for m in pattern.finditer(text):
                    s = m.group()
                    if s != word and s not in seen:
                        seen.add(s)
                        counts[s] += 1
                seen.clear()
    return counts.most_common(3)


def respell(query: str, word: str, better: str) -> str:
    """``query`` with the (folded) ``word`` written as ``better``."""
    at = fold(query).find(word)
    if at < 0:
        return fold(query).replace(word, better, 1)
    return query[:at] + better + query[at + len(word) :]
