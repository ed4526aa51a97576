"""BM25F ranking of candidate clauses.

Three parts of a clause count: its heading (weight 3), the document title with
its 文号 (1.5) and the clause's whole display text (1). Every term must occur in
the clause itself; the title only lifts clauses of documents about the query,
it never makes a hit on its own.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Mapping, Sequence
from typing import Protocol

from workbench.core.search.query import Chunk


class TitledDoc(Protocol):
    @property
    def title(self) -> str: ...  # folded compact title and 文号


class RankedView(Protocol):
    """What ranking reads of a searcher: per docnum the folded body, heading and doc id, and per
    document its title (read-only: the index's view owns them)."""

    @property
    def size(self) -> int: ...
    @property
    def body(self) -> Sequence[str]: ...
    @property
    def head(self) -> Sequence[str]: ...
    @property
    def did(self) -> Sequence[str | None]: ...
    @property
    def docs(self) -> Mapping[str, TitledDoc]: ...
    @property
    def avg_body(self) -> float: ...
    @property
    def avg_head(self) -> float: ...
    @property
    def avg_title(self) -> float: ...


# BM25F: weight and length normalisation of each part of a clause.
K1 = 1.2
WEIGHT_BODY, B_BODY = 1.0, 0.75
WEIGHT_HEADING, B_HEADING = 3.0, 0.5
WEIGHT_TITLE, B_TITLE = 1.5, 0.3


def _idf(n: int, df: int) -> float:
    return math.log(1.0 + (n - df + 0.5) / (df + 0.5))


def rank(
    view: RankedView, docs: set[int], scored: list[tuple[Chunk, set[int], int]], limit: int
) -> list[tuple[float, int]]:
    """BM25F scores of ``docs``; the best ``limit`` as (-score, docnum), best first.

    ``scored`` holds each query chunk with the docs it occurs in (at least those
    of ``docs``) and its document frequency.
    """
    n = max(view.size, 1)
    body, head, did = view.body, view.head, view.did
    scores = dict.fromkeys(docs, 0.0)
    body_norm = B_BODY / view.avg_body
    head_norm = B_HEADING / view.avg_head
    for chunk, matched, df in scored:
        idf = _idf(n, df) * (K1 + 1.0)
        lit, count = chunk.literal, chunk.count
        # the title part of each document that has the chunk in its title
        in_title = {
            d: WEIGHT_TITLE * c / (1.0 - B_TITLE + B_TITLE * len(info.title) / view.avg_title)
            for d, info in view.docs.items()
            if lit in info.title and (c := count(info.title))
        }
        for i in docs & matched:
            t = body[i]
            tf = (
                WEIGHT_BODY
                * (t.count(lit) if chunk.regex is None else count(t))
                / (1.0 - B_BODY + body_norm * len(t))
            )
            h = head[i]
            if h and lit in h:
                c = count(h)
                if c:
                    tf += WEIGHT_HEADING * c / (1.0 - B_HEADING + head_norm * len(h))
            if in_title:
                tf += in_title.get(did[i] or "", 0.0)
            scores[i] += idf * tf / (K1 + tf)
    return heapq.nsmallest(limit, ((-s, i) for i, s in scores.items()))
