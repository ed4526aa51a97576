"""The clause search index: the only module of the workbench that imports Whoosh.

Matching
--------
Every text is folded (:mod:`workbench.core.text_fold`: width, case, dashes,
traditional → simplified, one character at a time) and white space next to CJK
characters is dropped (``4000 亿元`` = ``4000亿元``, a line break inside a word).
A query term matches a clause when its folded form occurs in the clause's folded
text as adjacent text: so 医药 finds 生物医药, 医药产业 finds 生物医药产业,
器械 finds 医疗器械, 药 finds any 药, ``CAR-T`` finds ``CAR—T``. Latin words and
numbers match whole tokens only: ``500万元`` finds ``不超过500万元`` but not
``1500万元``, ``15%`` does not find ``150%``, ``5G`` does not find ``15G``.
Punctuation inside a query term splits it into parts that must all occur.

An unquoted run of more than four CJK characters is split into words with jieba
(loaded on first use); the words must all occur, and the run as written adds to
the score. Quoted phrases are never split.

The index (``ANALYZER_VERSION``)
--------------------------------
Whoosh holds, per clause: a posting field of overlapping CJK character
bigrams, single-character runs, and Latin/number tokens (``5g``, ``ai``,
``500``, ``3.5``, ``%``) of the folded text; columns with the folded text and
heading; stored fields with the display text and the document's metadata.

Whoosh's own matchers walk postings one at a time in Python, which at 60,000
clauses costs several hundred milliseconds for a common bigram. So a search
reads the folded columns once into memory (refreshed per segment after writes),
finds candidates through the postings of a query term's rarest token when that
is selective (or scans the folded texts when it is not: a C-speed substring
test per clause), keeps the candidates whose folded text contains the term, and
scores them itself.

Ranking is BM25F over three parts of a clause: its heading (weight 3), the
document title with its 文号 (1.5) and the clause's whole display text (1).
Every term must occur in the clause itself; the title only lifts clauses of
documents about the query, it never makes a hit on its own.

Query language
--------------
Plain words are ANDed; ``"quoted phrases"`` (ASCII, full-width or Chinese
quotes) match adjacent text only; ``A OR B`` (or ``A | B``) between terms;
``-term`` excludes clauses containing the term. ``4000 亿元`` (a number, spaces,
a unit) is one term. A malformed query never raises: it is searched as plain
terms and the response carries :data:`NOTICE_MALFORMED`.
"""

from __future__ import annotations

import bisect
import dataclasses
import gc
import heapq
import html
import json
import logging
import math
import os
import re
import shutil
import threading
import uuid
import warnings
import weakref
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from whoosh import index as whoosh_index
from whoosh.analysis import Token, Tokenizer
from whoosh.fields import COLUMN, ID, STORED, FieldType, Schema
from whoosh.filedb.filestore import FileStorage
from whoosh.formats import Existence
from whoosh.index import LockError
from whoosh.util.filelock import try_for

from workbench.core.text_fold import Compacted, fold, fold_char, fold_compact

log = logging.getLogger(__name__)

_T = TypeVar("_T")

__all__ = [
    "NOTICE_INDEX_UNAVAILABLE",
    "NOTICE_MALFORMED",
    "NOTICE_NO_TERMS",
    "IndexBusyError",
    "IndexRecord",
    "IndexState",
    "SearchFilters",
    "SearchHit",
    "SearchIndex",
    "SearchResponse",
    "marked_snippet",
]

NOTICE_MALFORMED = "malformed_query_fallback"  # the query was searched as plain terms
NOTICE_NO_TERMS = "no_searchable_terms"  # nothing to search for (only punctuation)
NOTICE_INDEX_UNAVAILABLE = "index_unavailable"  # no usable index on disk: missing, corrupt, other analyzer

META_NAME = "workbench-index.json"
INDEX_NAME = "MAIN"

# BM25F: weight and length normalisation of each part of a clause.
K1 = 1.2
WEIGHT_BODY, B_BODY = 1.0, 0.75
WEIGHT_HEADING, B_HEADING = 3.0, 0.5
WEIGHT_TITLE, B_TITLE = 1.5, 0.3
SPLIT_ABOVE = 4  # unquoted CJK runs longer than this are split into words with jieba
# Relative cost of reading one posting vs testing one folded text (measured, roughly).
POSTING_COST, SCAN_COST = 4.0, 1.0

BUILD_BATCH = 2500  # clauses per segment written by a rebuild
BUILD_LIMIT_MB = 256  # Whoosh's memory budget for sorting one batch's postings

SNIPPET_MIN = 30  # add neighbouring sentences while the snippet is shorter than this
SNIPPET_MAX = 160  # longer sentences are cut around the first mark, with …
ELLIPSIS = "…"


# --------------------------------------------------------------------------
# Public types
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class IndexRecord:
    """One clause to index; built by the caller from SQLite."""

    clause_id: str
    doc_id: str
    doc_title: str
    doc_number: str | None
    path: str
    heading: str
    text: str  # the clause's whole display text
    ordinal: int
    level: str
    region: str | None
    issuer: str | None
    issued_year: int | None


@dataclass(frozen=True)
class SearchFilters:
    doc_ids: frozenset[str] | None = None
    level: str | None = None
    region: str | None = None
    issuer: str | None = None
    year: int | None = None


@dataclass(frozen=True)
class SearchHit:
    clause_id: str
    doc_id: str
    score: float
    snippet: str
    marks: tuple[tuple[int, int], ...]  # [start, end) offsets into snippet


@dataclass(frozen=True)
class SearchResponse:
    hits: list[SearchHit]
    notices: list[str]
    total: int


class IndexState(StrEnum):
    OK = "ok"
    MISSING = "missing"
    STALE = "stale"
    ANALYZER_CHANGED = "analyzer_changed"
    CORRUPT = "corrupt"


class IndexBusyError(Exception):
    """The writer lock was not obtained in time: another instance is writing."""


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
# Analysis
# --------------------------------------------------------------------------

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\u3007\U00020000-\U0003134f"
_WORD = "0-9a-z\u00b5\u00df-\u024f\u0370-\u03ff\u0400-\u04ff"
_TOKEN_RE = re.compile(
    rf"(?P<cjk>[{_CJK}]+)"
    r"|(?P<num>[0-9]+(?:\.[0-9]+)+)"
    rf"|(?P<word>[{_WORD}]+)"
    r"|(?P<pct>[%‰])"
)
# What may stand between two tokens without breaking their adjacency.
_JOINER = r"[\s\-./·+_']"
_JOINERS_RE = re.compile(_JOINER + "*")

BODY = "body"  # the posting field


def _adjacent(between: str) -> bool:
    return not between or _JOINERS_RE.fullmatch(between) is not None


def index_terms(compact: str) -> Iterator[str]:
    """The posting terms of a folded, compacted text (see :func:`fold_compact`)."""
    for m in _TOKEN_RE.finditer(compact):
        s = m.group()
        if m.lastgroup == "cjk" and len(s) > 1:
            for i in range(len(s) - 1):
                yield s[i : i + 2]
        else:
            yield s


class ClauseTokenizer(Tokenizer):
    """Whoosh tokenizer over :func:`index_terms`; its input is already folded and compacted.

    Whoosh pickles it into the index's table of contents: keep its name, module
    and attributes stable, and change ``ANALYZER_VERSION`` when its output changes.
    """

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    def __hash__(self) -> int:
        return hash(type(self).__name__)

    def __call__(  # type: ignore[override]
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for pos, text in enumerate(index_terms(value)):
            t.text = text
            t.boost = 1.0
            t.stopped = False
            if keeporiginal:
                t.original = text
            if positions:
                t.pos = start_pos + pos
            if chars:
                t.startchar = t.endchar = start_char
            yield t


def _schema() -> Schema:
    return Schema(
        clause_id=ID(stored=True, unique=True),
        doc_id=ID(stored=True),
        # scorable only so that Whoosh keeps a length column: without one it stats a
        # file for every posting it writes
        body=FieldType(Existence(), ClauseTokenizer(), scorable=True),
        fbody=COLUMN(),  # folded compact display text, UTF-8
        fhead=COLUMN(),  # folded compact heading, UTF-8
        did=COLUMN(),  # doc id, UTF-8
        text=STORED(),  # display text, for snippets
        meta=STORED(),  # the document's folded title and filter values
    )


def _document(r: IndexRecord, folded_title: str) -> dict[str, Any]:
    body = fold_compact(r.text).text
    return {
        "clause_id": r.clause_id,
        "doc_id": r.doc_id,
        "body": body,
        "fbody": body.encode("utf-8"),
        "fhead": fold_compact(r.heading).text.encode("utf-8"),
        "did": r.doc_id.encode("utf-8"),
        "text": r.text,
        "meta": {
            "title": folded_title,
            "level": r.level or "",
            "region": r.region,
            "issuer": r.issuer,
            "year": r.issued_year,
        },
    }


def _folded_title(r: IndexRecord) -> str:
    return fold_compact(r.doc_title if not r.doc_number else f"{r.doc_title} {r.doc_number}").text


def _documents(records: Iterable[IndexRecord]) -> Iterator[tuple[IndexRecord, dict[str, Any]]]:
    last: tuple[str, str | None, str] | None = None
    for r in records:
        if last is None or last[:2] != (r.doc_title, r.doc_number):
            last = (r.doc_title, r.doc_number, _folded_title(r))
        yield r, _document(r, last[2])


# --------------------------------------------------------------------------
# Query language
# --------------------------------------------------------------------------

_QUOTES = frozenset('"＂“”„‟「」『』')
_OR_WORDS = frozenset({"OR", "ＯＲ", "|", "｜"})
# A number followed by one of these (after spaces) is one term: 4000 亿元, 2025 年.
_UNITS = frozenset("亿万千百十元角年月日号家个名项人次倍吨亩米台套种批所条款期岁天周时户床例株件份张位座层度")
# Dropped when jieba splits a long unquoted run.
_FUNCTION_WORDS = frozenset("的和与及或等在对了是为以并将把被之其")


@dataclass(frozen=True, slots=True)
class _Item:
    text: str
    phrase: bool = False
    negated: bool = False


@dataclass(slots=True)
class _Parsed:
    groups: list[list[_Item]]  # ANDed groups of ORed items
    negatives: list[_Item]
    malformed: bool = False


def _lex(query: str) -> tuple[list[tuple[str, _Item | None]], bool]:
    """Tokens ('item', item) / ('or', None), and whether the query is malformed."""
    out: list[tuple[str, _Item | None]] = []
    bad = False
    i, n = 0, len(query)
    while i < n:
        c = query[i]
        if c.isspace():
            i += 1
            continue
        negated = False
        if fold_char(c) == "-":
            if i + 1 < n and not query[i + 1].isspace():
                negated = True
                i += 1
                c = query[i]
            else:
                bad = True  # a lone minus
                i += 1
                continue
        if c in _QUOTES:
            j = i + 1
            while j < n and query[j] not in _QUOTES:
                j += 1
            if j >= n:
                bad = True  # unbalanced quote
                out.append(("item", _Item(query[i + 1 :], phrase=True, negated=negated)))
                break
            inner = query[i + 1 : j]
            if not inner.strip():
                bad = True  # empty phrase
            else:
                out.append(("item", _Item(inner, phrase=True, negated=negated)))
            i = j + 1
            continue
        j = i
        while j < n and not query[j].isspace() and query[j] not in _QUOTES:
            j += 1
        word = query[i:j]
        i = j
        if word in _OR_WORDS and not negated:
            out.append(("or", None))
        else:
            out.append(("item", _Item(word, negated=negated)))
    return out, bad


def _merge_units(tokens: list[tuple[str, _Item | None]]) -> list[tuple[str, _Item | None]]:
    """``4000 亿元`` → ``4000亿元``: a number followed by a unit word is one term."""
    out: list[tuple[str, _Item | None]] = []
    for kind, item in tokens:
        if out and kind == "item" and item is not None and not item.phrase and not item.negated:
            prev_kind, prev = out[-1]
            if (
                prev_kind == "item"
                and prev is not None
                and not prev.phrase
                and fold_char(prev.text[-1]).isdigit()
                and fold_char(item.text[0]) in _UNITS
            ):
                out[-1] = ("item", _Item(prev.text + item.text, negated=prev.negated))
                continue
        out.append((kind, item))
    return out


def _plain(query: str) -> list[_Item]:
    """The fallback reading: every word a plain, positive, ANDed term."""
    stripped = "".join(" " if c in _QUOTES else c for c in query)
    tokens: list[tuple[str, _Item | None]] = []
    for word in stripped.split():
        if word in _OR_WORDS:
            continue
        k = 0
        while k < len(word) and fold_char(word[k]) == "-":
            k += 1
        if word[k:]:
            tokens.append(("item", _Item(word[k:])))
    return [item for _, item in _merge_units(tokens) if item is not None]


def parse_query(query: str) -> _Parsed:
    """Groups of ORed items (ANDed), negative items, and whether the query was malformed."""
    tokens, bad = _lex(query)
    tokens = _merge_units(tokens)
    groups: list[list[_Item]] = []
    negatives: list[_Item] = []
    pending_or = False
    for kind, item in tokens:
        if kind == "or":
            if pending_or or not groups or not groups[-1]:
                bad = True  # OR at the start, twice, or after a negative term
            pending_or = True
            continue
        assert item is not None
        if item.negated:
            if pending_or:
                bad = True  # OR before a negative term
                pending_or = False
            negatives.append(item)
            groups.append([])  # a negative term closes the OR group before it
            continue
        if pending_or and groups and groups[-1]:
            groups[-1].append(item)
        else:
            groups.append([item])
        pending_or = False
    if pending_or:
        bad = True  # dangling OR
    groups = [g for g in groups if g]
    if not groups:
        bad = True  # only negative terms, or only operators
    if bad:
        return _Parsed([[item] for item in _plain(query)], [], malformed=True)
    return _Parsed(groups, negatives)


# --- terms -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Chunk:
    """Text that must occur as written (after folding) in a clause."""

    literal: str  # occurs in every match; the whole needle when ``regex`` is None
    regex: re.Pattern[str] | None  # the needle when it needs token boundaries or joiners
    tokens: tuple[str, ...]  # posting terms every match contains

    def occurs(self, text: str) -> bool:
        return self.literal in text and (self.regex is None or self.regex.search(text) is not None)

    def count(self, text: str) -> int:
        if self.regex is None:
            return text.count(self.literal)
        return len(self.regex.findall(text)) if self.literal in text else 0


@dataclass(slots=True)
class _Term:
    chunks: list[_Chunk]  # all required
    bonus: _Chunk | None = None  # adds to the score where it occurs (a split run as written)


def _needle(pieces: list[tuple[str, str]]) -> re.Pattern[str]:
    """A regex finding the pieces (kind, text) adjacent in a folded compact text."""
    body = (_JOINER + "*").join(re.escape(text) for _, text in pieces)
    if pieces[0][0] in ("word", "num"):
        body = rf"(?<![{_WORD}])(?<![0-9]\.)" + body
    if pieces[-1][0] in ("word", "num"):
        body += rf"(?![{_WORD}]|\.[0-9])"
    return re.compile(body)


def _chunk(pieces: list[tuple[str, str]]) -> _Chunk:
    tokens: list[str] = []
    for kind, text in pieces:
        if kind == "cjk":
            if len(text) > 1 or len(pieces) == 1:
                tokens.extend(index_terms(text))
            # a lone character beside other tokens may sit inside a longer run in the text
        else:
            tokens.append(text)
    if len(pieces) == 1 and pieces[0][0] == "cjk":
        return _Chunk(pieces[0][1], None, tuple(tokens) if len(pieces[0][1]) > 1 else ())
    literal = max((text for _, text in pieces), key=len)
    return _Chunk(literal, _needle(pieces), tuple(tokens))


def _pieces(compact: str) -> list[list[tuple[str, str]]]:
    """Split a folded compact query text into runs of adjacent tokens."""
    runs: list[list[tuple[str, str]]] = []
    prev_end = -1
    for m in _TOKEN_RE.finditer(compact):
        if prev_end < 0 or not _adjacent(compact[prev_end : m.start()]):
            runs.append([])
        runs[-1].append((m.lastgroup or "", m.group()))
        prev_end = m.end()
    return runs


def _jieba_words(run: str) -> list[str]:
    """Words of a long CJK run: function words dropped, single characters glued on."""
    merged: list[str] = []
    for w in _jieba().cut(run, HMM=False):
        if not w:
            continue
        if len(w) == 1 and w in _FUNCTION_WORDS:
            merged.append("")  # a break: the words on either side stay apart
        elif len(w) == 1 and merged and merged[-1]:
            merged[-1] += w
        else:
            merged.append(w)
    out: list[str] = []
    glue = ""
    for w in merged:
        if not w:
            if glue:
                out.append(glue)
            glue = ""
        elif len(w) == 1 and not glue:
            glue = w  # a leading single character joins the next word
        else:
            out.append(glue + w)
            glue = ""
    if glue:
        out.append(glue)
    return out


def _term(item: _Item) -> _Term | None:
    compact = fold_compact(item.text).text
    term = _Term([])
    for pieces in _pieces(compact):
        whole = _chunk(pieces)
        if not item.phrase and len(pieces) == 1 and pieces[0][0] == "cjk" and len(pieces[0][1]) > SPLIT_ABOVE:
            words = _jieba_words(pieces[0][1])
            if len(words) > 1:
                term.chunks.extend(_chunk([("cjk", w)]) for w in words)
                term.bonus = whole
                continue
        term.chunks.append(whole)
    return term if term.chunks else None


# --------------------------------------------------------------------------
# Snippets
# --------------------------------------------------------------------------

_SENTENCE_END = frozenset("。!?;\n")  # after folding: ！？； are ! ? ;


def _marks(text: str, needles: list[_Chunk]) -> tuple[list[tuple[int, int]], list[set[int]]]:
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


def make_snippet(text: str, needles: list[_Chunk]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The sentence(s) of ``text`` around the best match, and the marks in it."""
    marks, which = _marks(text, needles)
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
    for a, b in marks:
        a, b = max(a, start), min(b, end)
        if a < b:
            out.append((a + shift, b + shift))
    return prefix + text[start:end] + suffix, tuple(out)


# --------------------------------------------------------------------------
# The in-memory view of one searcher
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _DocInfo:
    title: str  # folded compact title and 文号
    level: str
    region: str | None
    issuer: str | None
    year: int | None


class _Segment:
    """The folded columns of one Whoosh segment (kept while the segment lives)."""

    def __init__(self, reader: Any) -> None:
        self.body = _column(reader, "fbody")
        self.head = _column(reader, "fhead")
        self.did = _column(reader, "did")


def _column(reader: Any, name: str) -> list[str]:
    """A UTF-8 column of a segment reader, decoded, one string per document."""
    n = reader.doc_count_all()
    if not reader.has_column(name):
        return [""] * n
    column = reader.column_reader(name, translate=False)
    try:
        # A VarBytesColumn stores the values back to back: read them in one go
        # rather than with a seek and a read per document.
        lengths, dbfile, base = column._lengths, column._dbfile, column._basepos
        data = memoryview(dbfile.get(base, sum(lengths)))
    except AttributeError:  # another column implementation
        values = [str(v, "utf-8") for v in column]
    else:
        values = []
        pos = 0
        for length in lengths:
            values.append(str(data[pos : pos + length], "utf-8"))
            pos += length
        data.release()
    return values + [""] * (n - len(values))


class _View:
    """Everything a search needs from one searcher, as Python lists by global docnum."""

    def __init__(self, searcher: Any, segments: dict[str, _Segment]) -> None:
        self.searcher = searcher
        self.reader = searcher.reader()
        self.leaves: list[tuple[Any, int]] = list(self.reader.leaf_readers())
        body: list[str] = []
        head: list[str] = []
        did: list[str | None] = []
        live: dict[str, _Segment] = {}
        for reader, _offset in self.leaves:
            key = _segment_key(reader)
            seg = segments.get(key) if key else None
            if seg is None:
                seg = _Segment(reader)
            if key:
                live[key] = seg
            seg_body, seg_head = seg.body, seg.head
            seg_did: list[str | None] = list(seg.did)
            if reader.has_deletions():
                seg_body, seg_head = list(seg_body), list(seg_head)
                for x in range(len(seg_body)):
                    if reader.is_deleted(x):
                        seg_body[x], seg_head[x], seg_did[x] = "", "", None
            body.extend(seg_body)
            head.extend(seg_head)
            did.extend(seg_did)
        segments.clear()
        segments.update(live)
        self.body, self.head, self.did = body, head, did
        alive = [i for i, doc_id in enumerate(did) if doc_id is not None]
        self.size = len(alive)
        self.avg_body = max(sum(len(body[i]) for i in alive) / len(alive), 1.0) if alive else 1.0
        self.avg_head = max(sum(len(head[i]) for i in alive) / len(alive), 1.0) if alive else 1.0
        first: dict[str, int] = {}
        for i in alive:
            doc_id = did[i]
            if doc_id is not None and doc_id not in first:
                first[doc_id] = i
        self.docs: dict[str, _DocInfo] = {}
        for doc_id, i in first.items():
            meta = self.searcher.stored_fields(i).get("meta") or {}
            self.docs[doc_id] = _DocInfo(
                meta.get("title", ""),
                meta.get("level", ""),
                meta.get("region"),
                meta.get("issuer"),
                meta.get("year"),
            )
        lengths = [len(info.title) for info in self.docs.values()]
        self.avg_title = max(sum(lengths) / len(lengths), 1.0) if lengths else 1.0
        self._filters: dict[SearchFilters, set[int]] = {}

    def doc_frequency(self, token: str) -> int:
        return int(self.reader.doc_frequency(BODY, token))

    def postings(self, token: str) -> list[int]:
        btext = token.encode("utf-8")
        out: list[int] = []
        for reader, offset in self.leaves:
            if (BODY, btext) in reader:
                out.extend(offset + i for i in reader.postings(BODY, btext).all_ids())
        return out

    def estimate(self, chunk: _Chunk) -> tuple[int, str | None]:
        """An upper bound on the chunk's document frequency, and the token that gives it."""
        if not chunk.tokens:
            return self.size, None
        return min((self.doc_frequency(t), t) for t in set(chunk.tokens))

    def matches(self, chunk: _Chunk, within: set[int] | None = None) -> tuple[set[int], int]:
        """The docnums whose folded text contains ``chunk`` (only those in ``within``,
        if given) and its document frequency: exact, or the estimate when testing
        ``within`` alone was cheaper than finding every match."""
        df, token = self.estimate(chunk)
        if df == 0:
            return set(), 0
        body = self.body
        use_postings = token is not None and df * POSTING_COST < self.size * SCAN_COST
        full_cost = df * POSTING_COST if use_postings else self.size * SCAN_COST
        if within is not None and token is not None and len(within) * SCAN_COST < full_cost:
            occurs = chunk.occurs
            return {i for i in within if occurs(body[i])}, df
        lit = chunk.literal
        if use_postings and token is not None:
            found = [i for i in self.postings(token) if lit in body[i]]
        else:
            found = [i for i, t in enumerate(body) if lit in t]
        if chunk.regex is not None:
            search = chunk.regex.search
            found = [i for i in found if search(body[i])]
        result = set(found)
        return (result & within if within is not None else result), len(result)

    def allowed(self, filters: SearchFilters) -> set[int] | None:
        if filters == SearchFilters():
            return None
        cached = self._filters.get(filters)
        if cached is None:
            ok = {
                d
                for d, info in self.docs.items()
                if (filters.doc_ids is None or d in filters.doc_ids)
                and (filters.level is None or info.level == filters.level)
                and (filters.region is None or info.region == filters.region)
                and (filters.issuer is None or info.issuer == filters.issuer)
                and (filters.year is None or info.year == filters.year)
            }
            cached = {i for i, d in enumerate(self.did) if d in ok} if ok else set()
            if len(self._filters) >= 16:
                self._filters.pop(next(iter(self._filters)))
            self._filters[filters] = cached
        return cached


def _segment_key(reader: Any) -> str:
    try:
        seg = reader.segment()
        return f"{seg.segment_id()}"
    except Exception:  # a reader that is not a plain segment reader
        return ""


def _idf(n: int, df: int) -> float:
    return math.log(1.0 + (n - df + 0.5) / (df + 0.5))


def _rank(
    view: _View, docs: set[int], scored: list[tuple[_Chunk, set[int], int]], limit: int
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


# --------------------------------------------------------------------------
# The index
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Meta:
    analyzer_version: int
    fingerprint: str
    pending: bool = False  # set while an incremental write is under way
    build: str = ""  # one id per rebuild: another instance's rebuild shows as a new id

    def dumps(self) -> str:
        return json.dumps(dataclasses.asdict(self), ensure_ascii=False)

    def but(self, **changes: Any) -> _Meta:
        return dataclasses.replace(self, **changes)


class _Unusable(Exception):
    pass


def _open(directory: Path, readonly: bool = False) -> Any:
    """Open the Whoosh index without memory maps: the search keeps what it needs in
    memory itself, and mapped files would stay resident and could not be replaced
    on Windows while open."""
    return FileStorage(str(directory), supports_mmap=False, readonly=readonly).open_index(INDEX_NAME)


def _whoosh_call(fn: Callable[[], _T], what: str) -> _T:
    """Run a Whoosh call that may meet a damaged index; failures become :class:`_Unusable`.

    Whoosh 2.7.4 leaves a file open when it fails half-way through reading a
    damaged table of contents (``TOC.read``) or compound segment file, which
    Python reports as ``ResourceWarning: unclosed file`` once the file is
    collected. The error is turned into a message here, without keeping its
    traceback, so that the leaked file is collected inside this block, where
    that warning alone is ignored.
    """
    message = ""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        try:
            return fn()
        except _Unusable as e:
            message = str(e)
        except Exception as e:  # Whoosh raises anything from EOFError to unpickling errors
            message = f"{what}: {e!r}"
        gc.collect()  # some of the leaked files sit in reference cycles
    raise _Unusable(message)


class _Handles:
    def __init__(self) -> None:
        self.ix: Any = None
        self.searcher: Any = None

    def close(self) -> None:
        for obj in (self.searcher, self.ix):
            if obj is not None:
                try:
                    obj.close()
                except Exception:  # closing over files already replaced
                    log.debug("closing the search index", exc_info=True)
        self.searcher = self.ix = None


class SearchIndex:
    """A Whoosh index of clauses in ``directory`` (created by :meth:`rebuild`).

    ``directory`` holds the Whoosh files and ``workbench-index.json`` (analyzer
    version, the caller's fingerprint, a pending flag set during incremental
    writes, a build id). A rebuild happens in a sibling directory that replaces
    ``directory`` by renaming once it is complete.
    """

    ANALYZER_VERSION: int = 1

    def __init__(self, directory: Path, writer_timeout: float = 10.0) -> None:
        self.directory = Path(directory)
        self.writer_timeout = writer_timeout
        self._lock = threading.RLock()
        # The open Whoosh objects; closed by close(), or when this object is collected
        # (Whoosh opens its files without memory maps: an unclosed one would leak).
        self._handles = _Handles()
        weakref.finalize(self, self._handles.close)
        self._view: _View | None = None
        self._segments: dict[str, _Segment] = {}
        self._seen_meta: tuple[int, int, int] | None = None
        self._opened_build = ""

    # --- metadata ----------------------------------------------------------

    @property
    def _meta_path(self) -> Path:
        return self.directory / META_NAME

    def _read_meta(self) -> _Meta | None:
        path = self._meta_path
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as e:
            raise _Unusable(f"unreadable {path}: {e}") from e
        try:
            return _Meta(
                int(raw["analyzer_version"]),
                str(raw["fingerprint"]),
                bool(raw.get("pending", False)),
                str(raw.get("build", "")),
            )
        except (KeyError, TypeError, ValueError) as e:
            raise _Unusable(f"bad {path}: {e}") from e

    @staticmethod
    def _write_meta(directory: Path, meta: _Meta) -> None:
        tmp = directory / f".{META_NAME}.{uuid.uuid4().hex}.tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(meta.dumps())
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, directory / META_NAME)

    # --- state -------------------------------------------------------------

    def state(self, fingerprint: str) -> IndexState:
        d = self.directory
        if not d.is_dir() or not any(d.iterdir()):
            return IndexState.MISSING
        try:
            meta = self._read_meta()
        except _Unusable as e:
            log.warning("search index: %s", e)
            return IndexState.CORRUPT
        if meta is None:
            return IndexState.CORRUPT  # files, but no record of a finished build
        if meta.analyzer_version != self.ANALYZER_VERSION:
            return IndexState.ANALYZER_CHANGED
        try:
            _whoosh_call(self._check_readable, f"cannot read {self.directory}")
        except _Unusable as e:
            log.warning("search index: %s", e)
            return IndexState.CORRUPT
        if meta.pending or meta.fingerprint != fingerprint:
            return IndexState.STALE
        return IndexState.OK

    def _check_readable(self) -> None:
        ix = _open(self.directory, readonly=True)
        try:
            with ix.reader() as r:
                for reader, _ in r.leaf_readers():
                    reader.doc_frequency(BODY, "的")  # the term dictionary
                    for name in ("fbody", "did"):
                        if reader.doc_count_all() and reader.has_column(name):
                            reader.column_reader(name, translate=False)[0]
                    for docnum in reader.all_doc_ids():
                        reader.stored_fields(docnum)
                        break
        finally:
            ix.close()

    # --- opening -------------------------------------------------------------

    def _open_ix(self) -> Any:
        if self._ix is None:
            try:
                meta = self._read_meta()
            except _Unusable:
                meta = None
            if meta is None or meta.analyzer_version != self.ANALYZER_VERSION:
                raise _Unusable(f"no usable index in {self.directory}")
            self._ix = _whoosh_call(lambda: _open(self.directory), f"cannot open {self.directory}")
        return self._ix

    def _meta_key(self) -> tuple[int, int, int] | None:
        try:
            st = os.stat(self._meta_path)
        except OSError:
            return None
        return (st.st_ino, st.st_mtime_ns, st.st_size)

    def _current_view(self) -> _View:
        key = self._meta_key()
        if self._searcher is not None and key != self._seen_meta:
            # The metadata changed on disk: a write here or elsewhere, or another
            # instance's rebuild (a new build id) that replaced the directory.
            try:
                meta = self._read_meta()
            except _Unusable:
                meta = None
            if meta is None or meta.build != self._opened_build:
                self._close_searcher()
        self._seen_meta = key

        def current() -> _View:
            if self._searcher is None:
                try:
                    meta = self._read_meta()
                except _Unusable:
                    meta = None
                self._opened_build = meta.build if meta else ""
                self._searcher = self._open_ix().searcher()
            elif not self._searcher.up_to_date():
                self._searcher = self._searcher.refresh()
                self._view = None
            if self._view is None:
                self._view = _View(self._searcher, self._segments)
            return self._view

        try:
            return _whoosh_call(current, f"cannot read {self.directory}")
        except _Unusable:
            self._close_searcher()
            raise

    @property
    def _ix(self) -> Any:
        return self._handles.ix

    @_ix.setter
    def _ix(self, value: Any) -> None:
        self._handles.ix = value

    @property
    def _searcher(self) -> Any:
        return self._handles.searcher

    @_searcher.setter
    def _searcher(self, value: Any) -> None:
        self._handles.searcher = value

    def _close_searcher(self) -> None:
        self._handles.close()
        self._view = None
        self._segments.clear()

    def close(self) -> None:
        with self._lock:
            self._close_searcher()

    # --- rebuild -------------------------------------------------------------

    def rebuild(
        self,
        records: Iterable[IndexRecord],
        total: int,
        fingerprint: str,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> bool:
        """Index ``records`` from scratch; False, with the old index untouched, if cancelled."""
        parent = self.directory.parent
        parent.mkdir(parents=True, exist_ok=True)
        name = self.directory.name
        rebuild_lock = FileStorage(str(parent)).lock(f".{name}.rebuild.lock")
        if not try_for(rebuild_lock.acquire, timeout=self.writer_timeout, delay=0.05):
            raise IndexBusyError(f"another instance is rebuilding {self.directory}")
        try:
            for leftover in [*parent.glob(f".{name}.building-*"), *parent.glob(f".{name}.old-*")]:
                shutil.rmtree(leftover, ignore_errors=True)  # from a crash; we hold the rebuild lock
            tmp = parent / f".{name}.building-{uuid.uuid4().hex}"
            tmp.mkdir()
            try:
                if not self._build(tmp, records, total, fingerprint, progress, cancelled):
                    shutil.rmtree(tmp, ignore_errors=True)
                    return False
                self._swap_in(tmp)
            except BaseException:
                shutil.rmtree(tmp, ignore_errors=True)
                raise
            return True
        finally:
            rebuild_lock.release()

    def _build(
        self,
        tmp: Path,
        records: Iterable[IndexRecord],
        total: int,
        fingerprint: str,
        progress: Callable[[int, int], None] | None,
        cancelled: Callable[[], bool] | None,
    ) -> bool:
        ix = whoosh_index.create_in(str(tmp), _schema(), indexname=INDEX_NAME)
        writer = None
        try:
            done = 0
            if progress:
                progress(0, total)
            for _record, doc in _documents(records):
                if cancelled is not None and cancelled():
                    return False
                if writer is None:
                    writer = ix.writer(limitmb=BUILD_LIMIT_MB)
                writer.add_document(**doc)
                done += 1
                if done % BUILD_BATCH == 0:
                    # One segment per batch: Whoosh sorts a batch's postings in
                    # memory, where a larger one would spill to sorted runs on disk.
                    writer.commit(merge=False)
                    writer = None
                if progress and done % 250 == 0:
                    progress(done, max(total, done))
            if cancelled is not None and cancelled():
                return False
            if writer is not None:
                writer.commit(merge=False)
                writer = None
            if progress:
                progress(done, max(total, done))
        finally:
            if writer is not None:
                writer.cancel()
            ix.close()
        self._write_meta(tmp, _Meta(self.ANALYZER_VERSION, fingerprint, build=uuid.uuid4().hex))
        return True

    def _swap_in(self, tmp: Path) -> None:
        with self._lock:
            self._close_searcher()
            old = self.directory.parent / f".{self.directory.name}.old-{uuid.uuid4().hex}"
            if self.directory.exists():
                live_lock = None
                if os.name != "nt":
                    # Wait for another instance's incremental write to finish. (On
                    # Windows its open lock file makes the rename fail instead.)
                    live_lock = FileStorage(str(self.directory)).lock(f"{INDEX_NAME}_WRITELOCK")
                    if not try_for(live_lock.acquire, timeout=self.writer_timeout, delay=0.05):
                        raise IndexBusyError(f"another instance is writing {self.directory}")
                try:
                    os.replace(self.directory, old)
                except OSError as e:
                    raise IndexBusyError(f"cannot replace {self.directory}: {e}") from e
                finally:
                    if live_lock is not None:
                        live_lock.release()
            os.replace(tmp, self.directory)
            shutil.rmtree(old, ignore_errors=True)

    # --- incremental updates -------------------------------------------------

    def add_records(self, records: Iterable[IndexRecord], fingerprint: str) -> None:
        """Index ``records``, replacing every clause of their documents already indexed."""

        def apply(writer: Any) -> None:
            seen: set[str] = set()
            for record, doc in _documents(records):
                if record.doc_id not in seen:
                    seen.add(record.doc_id)
                    writer.delete_by_term("doc_id", record.doc_id)
                writer.add_document(**doc)

        self._incremental(apply, fingerprint)

    def remove_document(self, doc_id: str, fingerprint: str) -> None:
        self._incremental(lambda writer: writer.delete_by_term("doc_id", doc_id), fingerprint)

    def _incremental(self, apply: Callable[[Any], None], fingerprint: str) -> None:
        with self._lock:
            try:
                ix = self._open_ix()
            except _Unusable as e:
                # Nothing to update: state() is not OK, and the caller rebuilds.
                log.warning("search index not updated: %s", e)
                return
            try:
                writer = ix.writer(timeout=self.writer_timeout, delay=0.05)
            except LockError as e:
                raise IndexBusyError(f"another instance is writing {self.directory}") from e
            try:
                current = self._read_meta()  # as it is now that we hold the lock
                if current is None:
                    raise _Unusable("metadata vanished")
                self._write_meta(self.directory, current.but(pending=True))
                try:
                    apply(writer)
                except BaseException:
                    writer.cancel()
                    writer = None
                    self._write_meta(self.directory, current)  # nothing was written
                    raise
                writer.commit()
                writer = None
                # A write that crashed earlier left ``pending`` set: stay STALE until a rebuild.
                self._write_meta(self.directory, current.but(fingerprint=fingerprint))
            except _Unusable as e:
                log.warning("search index not updated: %s", e)
            finally:
                if writer is not None:
                    writer.cancel()

    # --- search ---------------------------------------------------------------

    def search(self, query: str, filters: SearchFilters = SearchFilters(), limit: int = 20) -> SearchResponse:  # noqa: B008
        if not query or not query.strip():
            return SearchResponse([], [], 0)
        parsed = parse_query(query)
        notices = [NOTICE_MALFORMED] if parsed.malformed else []
        groups = [[t for t in (_term(i) for i in g) if t is not None] for g in parsed.groups]
        groups = [g for g in groups if g]
        negatives = [t for t in (_term(i) for i in parsed.negatives) if t is not None]
        if not groups:
            if not parsed.malformed:
                notices.append(NOTICE_NO_TERMS)
            return SearchResponse([], notices, 0)
        with self._lock:
            try:
                view = self._current_view()
            except _Unusable as e:
                log.warning("search index: %s", e)
                return SearchResponse([], [*notices, NOTICE_INDEX_UNAVAILABLE], 0)
            found, scored = self._evaluate(view, groups, negatives, filters)
            best = _rank(view, found, scored, max(limit, 0))
            needles = [c for c, _, _ in scored]
            hits = []
            for neg_score, docnum in best:
                stored = view.searcher.stored_fields(docnum)
                snippet, marks = make_snippet(stored.get("text", ""), needles)
                hits.append(SearchHit(stored["clause_id"], stored["doc_id"], -neg_score, snippet, marks))
        return SearchResponse(hits, notices, len(found))

    @staticmethod
    def _evaluate(
        view: _View, groups: list[list[_Term]], negatives: list[_Term], filters: SearchFilters
    ) -> tuple[set[int], list[tuple[_Chunk, set[int], int]]]:
        """The matching docnums, and each positive chunk with its matches and frequency.

        The most selective group is evaluated first; each later chunk is only tested
        on the clauses still in the running, when that is cheaper than finding all
        its matches (its frequency for scoring is then the postings' estimate).
        """
        estimates: dict[_Chunk, int] = {}
        scored: dict[_Chunk, tuple[_Chunk, set[int], int]] = {}

        def estimate(chunk: _Chunk) -> int:
            if chunk not in estimates:
                estimates[chunk] = view.estimate(chunk)[0]
            return estimates[chunk]

        def term_docs(term: _Term, within: set[int] | None, record: bool) -> set[int]:
            docs = within
            for chunk in sorted(term.chunks, key=estimate):
                docs, df = view.matches(chunk, docs)
                if record and chunk not in scored:
                    scored[chunk] = (chunk, docs, df)
                if not docs:
                    return set()
            assert docs is not None
            return docs

        found = view.allowed(filters)  # None: every clause
        for group in sorted(groups, key=lambda g: sum(min(map(estimate, t.chunks)) for t in g)):
            found = set().union(*(term_docs(t, found, True) for t in group))
            if not found:
                break
        assert found is not None
        for term in negatives:
            if found:
                found -= term_docs(term, found, False)
        for group in groups:
            for term in group:
                if term.bonus is not None and found:
                    bonus = term.bonus
                    docs = {i for i in found if bonus.occurs(view.body[i])}
                    scored[bonus] = (bonus, docs, max(len(docs), 1))
        return found, list(scored.values())


# --------------------------------------------------------------------------
# jieba, loaded on first use
# --------------------------------------------------------------------------

_jieba_lock = threading.Lock()
_jieba_module: Any = None


def _jieba() -> Any:
    global _jieba_module
    if _jieba_module is None:
        with _jieba_lock:
            if _jieba_module is None:
                import jieba

                jieba.setLogLevel(logging.WARNING)
                jieba.initialize()
                _jieba_module = jieba
    return _jieba_module
