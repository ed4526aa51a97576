"""The posting terms of a folded text: CJK character bigrams, single characters, Latin words and numbers.

Shared by the index (what it stores) and the query side (which terms a query needs).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# --------------------------------------------------------------------------
# Analysis
# --------------------------------------------------------------------------

CJK_CHARS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\u3007\U00020000-\U0003134f"
WORD_CHARS = "0-9a-z\u00b5\u00df-\u024f\u0370-\u03ff\u0400-\u04ff"
TOKEN_RE = re.compile(
    rf"(?P<cjk>[{CJK_CHARS}]+)"
    r"|(?P<num>[0-9]+(?:\.[0-9]+)+)"
    rf"|(?P<word>[{WORD_CHARS}]+)"
    r"|(?P<pct>[%‰])"
)
# What may stand between two tokens without breaking their adjacency.
JOINER = r"[\s\-./·+_']"
_JOINERS_RE = re.compile(JOINER + "*")

BODY = "body"  # the posting field


def adjacent(between: str) -> bool:
    return not between or _JOINERS_RE.fullmatch(between) is not None


def index_terms(compact: str) -> Iterator[str]:
    """The posting terms of a folded, compacted text (see :func:`fold_compact`)."""
    for m in TOKEN_RE.finditer(compact):
        s = m.group()
        if m.lastgroup == "cjk" and len(s) > 1:
            for i in range(len(s) - 1):
                yield s[i : i + 2]
        else:
            yield s
