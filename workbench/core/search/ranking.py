"""BM25F ranking of candidate clauses.

Three parts of a clause count: its heading (weight 3), the document title with
its 文号 (1.5) and the clause's whole display text (1). Every term must occur in
the clause itself; the title only lifts clauses of documents about the query,
it never makes a hit on its own.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from workbench.core.search.query import Chunk
from workbench.core.search.types import (
    TIER_PARTIAL,
    TIER_PHRASE,
    TIER_STRICT,
    TIER_SYNONYMS,
    TIER_WORDS,
    WordMatch,
)


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
    ranked_docs = {d for i in docs if (d := did[i]) is not None and d in view.docs}
    for chunk, matched, df in scored:
        idf = _idf(n, df) * (K1 + 1.0)
        lit, count = chunk.literal, chunk.count
        # the title part of each document that has the chunk in its title
        in_title = {
            d: WEIGHT_TITLE * c / (1.0 - B_TITLE + B_TITLE * len(info.title) / view.avg_title)
            for d, info in ((d, view.docs[d]) for d in ranked_docs)
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


# --------------------------------------------------------------------------
# Graceful ranking: every word, most words, the words closest together
# --------------------------------------------------------------------------
#
# Tiers, best first: the query as one phrase; every query term as written (the
# strict AND, ordered by BM25F as above); every word, literally but apart;
# every word, some by a synonym; then clauses holding some of the words,
# ordered by how much of the query (weighted by IDF) they cover, then by how
# close together the matches stand, then by BM25F.

SYNONYM_CREDIT = 0.9  # a word found by a synonym counts this much of a literal one
CHAR_CREDIT = 0.5  # a missing word whose characters stand in the clause counts this much at most
PRE_RANK = 5  # partial candidates scored in full: this many times the limit
MAX_OCCURRENCES = 40  # per word, when measuring proximity
CANDIDATE_CAP = 2000  # candidates past which commoner words are only tested on them
COMMON = 2  # a word in more than COMMON * CANDIDATE_CAP clauses is common


class Viewed(RankedView, Protocol):
    def matches(self, chunk: Chunk, within: set[int] | None = None) -> tuple[set[int], int]: ...
    def estimate(self, chunk: Chunk) -> tuple[int, str | None]: ...


@dataclass(slots=True)
class Judged:
    docnum: int
    score: float
    tier: int
    words: list[WordMatch]
    synonym_chunks: list[Chunk]  # to mark as synonym matches in the snippet
    literal_chunks: list[Chunk]


def _occurrences(chunk: Chunk, text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    if chunk.regex is None:
        lit, n = chunk.literal, len(chunk.literal)
        at = text.find(lit)
        while at >= 0 and len(out) < MAX_OCCURRENCES:
            out.append((at, at + n))
            at = text.find(lit, at + max(n, 1))
    elif chunk.literal in text:
        for m in chunk.regex.finditer(text):
            out.append((m.start(), m.end()))
            if len(out) >= MAX_OCCURRENCES:
                break
    return out


def proximity(spans: list[list[tuple[int, int]]]) -> float:
    """How close the matched words stand: their length over the shortest window holding one
    occurrence of each (1.0: side by side), 1.0 for a single word."""
    spans = [s for s in spans if s]
    if len(spans) < 2:
        return 1.0
    events = sorted((a, b, k) for k, s in enumerate(spans) for a, b in s)
    need = len(spans)
    count: dict[int, int] = {}
    best = math.inf
    lo = 0
    covered = 0
    for _a, b, k in events:
        count[k] = count.get(k, 0) + 1
        if count[k] == 1:
            covered += 1
        while covered == need:
            la, lb, lk = events[lo]
            best = min(best, max(b, lb) - la)
            count[lk] -= 1
            if count[lk] == 0:
                covered -= 1
            lo += 1
    length = sum(min(b - a for a, b in s) for s in spans)
    return min(1.0, length / best) if 0 < best < math.inf else 0.0


def _char_credit(word: str, text: str) -> float:
    """The share of a missing word's characters pairs (or characters) that stand in the text."""
    if len(word) < 2:
        return 0.0
    grams = [word[i : i + 2] for i in range(len(word) - 1)]
    return sum(1 for g in grams if g in text) / len(grams)


def rank_graceful(
    view: Viewed,
    slots: Sequence[Any],
    strict: set[int],
    scored: list[tuple[Chunk, set[int], int]],
    allowed: set[int] | None,
    excluded: Callable[[set[int]], set[int]],
    phrase: Chunk | None,
    limit: int,
) -> tuple[list[Judged], int]:
    """The best ``limit`` clauses for ``slots`` (see :func:`query_slots`), and how many matched at all.

    ``strict`` are the clauses holding every term as written (ranked by BM25F
    over ``scored``); ``excluded`` removes clauses holding a negative term.
    """
    n = max(view.size, 1)
    body = view.body
    cache: dict[Chunk, set[int]] = {}

    def docs(chunk: Chunk) -> set[int]:
        if chunk not in cache:
            cache[chunk] = view.matches(chunk, allowed)[0]
        return cache[chunk]

    # which clauses hold each word, literally or by a synonym: for the rarest words every
    # clause (they bring the candidates), for the commonest, once the candidates are many,
    # only the candidates (max-score pruning: a clause holding common words alone ranks low)
    words = list(dict.fromkeys(w for slot in slots for alt in slot.alternatives for w in alt))
    variants = {w: ([] if w.exact else list(w.synonyms)) for w in words}
    # every chunk to look for: each word as written and each of its synonyms, rarest first
    wanted: list[tuple[int, bool, Any, Any]] = []  # (bound, not exact, word, variant or None)
    for w in words:
        wanted.append((view.estimate(w.literal)[0], not w.exact, w, None))
        wanted.extend((view.estimate(v.chunk)[0], True, w, v) for v in variants[w])
    wanted.sort(key=lambda x: (x[1], x[0]))
    lit_docs: dict[Any, set[int]] = {}
    syn_found: dict[Any, dict[Any, set[int]]] = {w: {} for w in words}
    df: dict[Any, int] = dict.fromkeys(words, 0)
    candidates: set[int] = set(strict)
    deferred = []
    for bound, soft, w, v in wanted:
        chunk = w.literal if v is None else v.chunk
        # a common word brings candidates only while they are too few to fill the page
        few = len(candidates) < max(limit, 1) * PRE_RANK
        if not soft or few or (len(candidates) < CANDIDATE_CAP and bound <= COMMON * CANDIDATE_CAP):
            found = docs(chunk)
            df[w] += len(found)
            candidates |= found
            if v is None:
                lit_docs[w] = found
            else:
                syn_found[w][v] = found
        else:
            deferred.append((w, v, chunk))
            df[w] += bound  # an upper bound: the postings' estimate
    required: set[int] | None = None
    for slot in slots:
        if slot.required:
            held = set().union(*(set.intersection(*(lit_docs[w] for w in alt)) for alt in slot.alternatives))
            required = held if required is None else required & held
    if not candidates:
        # nothing holds any word: clauses holding a pair of a word's characters
        for w in words:
            if not w.exact and len(w.text) > 2:
                for i in range(len(w.text) - 1):
                    chunk = Chunk(w.text[i : i + 2], None, (w.text[i : i + 2],))
                    candidates |= docs(chunk)
    if required is not None:
        candidates &= required
    if candidates:
        candidates -= excluded(candidates)
    total = len(candidates)
    if not candidates:
        return [], 0
    for w, v, chunk in deferred:
        found = view.matches(chunk, candidates)[0]
        if v is None:
            lit_docs[w] = found
        else:
            syn_found[w][v] = found
    syn_docs: dict[Any, list[tuple[str, Chunk, set[int]]]] = {
        w: [(v.text, v.chunk, syn_found[w][v]) for v in variants[w]] for w in words
    }
    weight = {w: _idf(n, df[w]) for w in words}
    scoring = _pruned(candidates, strict, words, lit_docs, syn_docs, df, max(limit, 1) * PRE_RANK)

    # coverage: per slot the best alternative's share of its words' weight
    got: dict[int, float] = dict.fromkeys(scoring, 0.0)
    slots_literal: dict[int, int] = dict.fromkeys(scoring, 0)
    slots_found: dict[int, int] = dict.fromkeys(scoring, 0)
    whole = 0.0
    for slot in slots:
        best: dict[int, tuple[float, bool, bool]] = {}
        slot_weight = max(sum(weight[w] for w in alt) for alt in slot.alternatives)
        for alt in slot.alternatives:
            t = sum(weight[w] for w in alt) or 1.0
            share: dict[int, float] = {}
            lit_count: dict[int, int] = {}
            found_count: dict[int, int] = {}
            for w in alt:
                lit = lit_docs[w] & scoring
                for i in lit:
                    share[i] = share.get(i, 0.0) + weight[w]
                    lit_count[i] = lit_count.get(i, 0) + 1
                    found_count[i] = found_count.get(i, 0) + 1
                by_synonym = set().union(*(d for _, _, d in syn_docs[w])) & scoring
                for i in by_synonym - lit:
                    share[i] = share.get(i, 0.0) + weight[w] * SYNONYM_CREDIT
                    found_count[i] = found_count.get(i, 0) + 1
            k = len(alt)
            for i, g in share.items():
                value = (g / t * slot_weight, lit_count.get(i, 0) == k, found_count[i] == k)
                if i not in best or value > best[i]:
                    best[i] = value
        whole += slot_weight
        for i, (g, all_lit, all_found) in best.items():
            got[i] += g
            slots_literal[i] += all_lit
            slots_found[i] += all_found
    every = len(slots)
    tiers: dict[int, tuple[int, float]] = {}
    for i in scoring:
        cover = got[i] / whole if whole else 0.0
        if i in strict:
            tier = TIER_PHRASE if phrase is not None and phrase.occurs(body[i]) else TIER_STRICT
        elif slots_literal[i] == every:
            tier = TIER_WORDS
        elif slots_found[i] == every:
            tier = TIER_SYNONYMS
        else:
            tier = TIER_PARTIAL
        tiers[i] = (tier, cover)
    keep = max(limit, 1) * PRE_RANK
    pre = heapq.nsmallest(keep, tiers, key=lambda i: (-tiers[i][0], -tiers[i][1], len(body[i]), i))
    pre_set = set(pre)
    # BM25F over every chunk that a clause may hold
    chunks: dict[Chunk, tuple[Chunk, set[int], int]] = {c: (c, m, df) for c, m, df in scored}
    for w in weight:
        chunks.setdefault(w.literal, (w.literal, lit_docs[w], max(len(lit_docs[w]), 1)))
        for _, c, d in syn_docs[w]:
            chunks.setdefault(c, (c, d, max(len(d), 1)))
    bm = dict((i, -s) for s, i in rank(view, pre_set, list(chunks.values()), len(pre_set)))
    out: list[Judged] = []
    for i in pre:
        tier, cover = tiers[i]
        text = body[i]
        judged: list[WordMatch] = []
        spans: list[list[tuple[int, int]]] = []
        syn_chunks: list[Chunk] = []
        lit_chunks: list[Chunk] = []
        chars = 0.0
        for w in weight:
            if i in lit_docs[w]:
                judged.append(WordMatch(w.text, "literal"))
                lit_chunks.append(w.literal)
                spans.append(_occurrences(w.literal, text))
                continue
            hit = next(((s, c) for s, c, d in syn_docs[w] if i in d), None)
            if hit is not None:
                judged.append(WordMatch(w.text, "synonym", hit[0]))
                syn_chunks.append(hit[1])
                spans.append(_occurrences(hit[1], text))
            else:
                judged.append(WordMatch(w.text, "missing"))
                if not w.exact:
                    chars += weight[w] * CHAR_CREDIT * _char_credit(w.text, text)
        whole = sum(weight.values()) or 1.0
        bm25 = bm.get(i, 0.0)
        if tier >= TIER_STRICT:
            score = tier * 10.0 + bm25 / (1.0 + bm25) * 7.0
        else:
            score = (
                tier * 10.0
                + (cover + chars / whole) * 5.0
                + proximity(spans) * 1.5
                + bm25 / (1.0 + bm25) * 0.5
            )
        out.append(Judged(i, score, tier, judged, syn_chunks, lit_chunks))
    out.sort(key=lambda j: (-j.score, j.docnum))
    return out[: max(limit, 0)], total


def _pruned(
    candidates: set[int],
    strict: set[int],
    words: list[Any],
    lit_docs: dict[Any, set[int]],
    syn_docs: dict[Any, list[tuple[str, Chunk, set[int]]]],
    df: dict[Any, int],
    keep: int,
) -> set[int]:
    """The candidates worth scoring one by one: the strict hits, every holder of a rare word,
    and the holders of the most words, as many of them as there are places to fill.

    A clause holding k words of common ones never outranks, on coverage, a clause holding
    more of them, so when enough clauses hold k or more, those holding fewer are skipped
    (their count is in the total all the same)."""
    if len(candidates) <= CANDIDATE_CAP:
        return candidates
    counts: Counter[int] = Counter()
    rare: set[int] = set(strict)
    for w in words:
        held = set(lit_docs[w]).union(*(d for _, _, d in syn_docs[w])) & candidates
        counts.update(held)
        if df[w] <= CANDIDATE_CAP:
            rare |= held
    by_count = Counter(counts.values())
    at_least = 0
    k = max(by_count, default=0)
    while k > 1 and at_least + by_count.get(k, 0) < keep:
        at_least += by_count.get(k, 0)
        k -= 1
    if k <= 1:
        return candidates
    return rare | {i for i, c in counts.items() if c >= k}


def judge(view: RankedView, docnum: int, slots: Sequence[Any], score: float, tier: int) -> Judged:
    """Which words a clause holds, for a hit ranked by the strict path."""
    text = view.body[docnum]
    judged: list[WordMatch] = []
    syn_chunks: list[Chunk] = []
    lit_chunks: list[Chunk] = []
    seen: set[Any] = set()
    for slot in slots:
        for alt in slot.alternatives:
            for w in alt:
                if w in seen:
                    continue
                seen.add(w)
                if w.literal.occurs(text):
                    judged.append(WordMatch(w.text, "literal"))
                    lit_chunks.append(w.literal)
                    continue
                hit = next((v for v in w.synonyms if not w.exact and v.chunk.occurs(text)), None)
                if hit is not None:
                    judged.append(WordMatch(w.text, "synonym", hit.text))
                    syn_chunks.append(hit.chunk)
                else:
                    judged.append(WordMatch(w.text, "missing"))
    return Judged(docnum, score, tier, judged, syn_chunks, lit_chunks)
