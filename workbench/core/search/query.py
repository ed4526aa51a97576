"""The query language and the terms a query asks for.

Plain words are ANDed; ``"quoted phrases"`` (ASCII, full-width or Chinese
quotes) match adjacent text only; ``A OR B`` (or ``A | B``) between terms;
``-term`` excludes clauses containing the term. ``4000 亿元`` (a number, spaces,
a unit) is one term. A malformed query never raises: it is searched as plain
terms and the response carries ``NOTICE_MALFORMED``.

An unquoted run of more than four CJK characters is split into words with jieba
(loaded on first use); the words must all occur, and the run as written adds to
the score. Quoted phrases are never split.
"""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass
from typing import Any

from workbench.core.paths import keep_jieba_cache_private
from workbench.core.search.analysis import JOINER, TOKEN_RE, WORD_CHARS, adjacent, index_terms
from workbench.core.search.folding import fold_char, fold_compact

SPLIT_ABOVE = 4  # unquoted CJK runs longer than this are split into words with jieba

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
class QueryItem:
    text: str
    phrase: bool = False
    negated: bool = False


@dataclass(slots=True)
class ParsedQuery:
    groups: list[list[QueryItem]]  # ANDed groups of ORed items
    negatives: list[QueryItem]
    malformed: bool = False


def _lex(query: str) -> tuple[list[tuple[str, QueryItem | None]], bool]:
    """Tokens ('item', item) / ('or', None), and whether the query is malformed."""
    out: list[tuple[str, QueryItem | None]] = []
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
                out.append(("item", QueryItem(query[i + 1 :], phrase=True, negated=negated)))
                break
            inner = query[i + 1 : j]
            if not inner.strip():
                bad = True  # empty phrase
            else:
                out.append(("item", QueryItem(inner, phrase=True, negated=negated)))
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
            out.append(("item", QueryItem(word, negated=negated)))
    return out, bad


def _merge_units(tokens: list[tuple[str, QueryItem | None]]) -> list[tuple[str, QueryItem | None]]:
    """``4000 亿元`` → ``4000亿元``: a number followed by a unit word is one term."""
    out: list[tuple[str, QueryItem | None]] = []
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
                out[-1] = ("item", QueryItem(prev.text + item.text, negated=prev.negated))
                continue
        out.append((kind, item))
    return out


def _plain(query: str) -> list[QueryItem]:
    """The fallback reading: every word a plain, positive, ANDed term."""
    stripped = "".join(" " if c in _QUOTES else c for c in query)
    tokens: list[tuple[str, QueryItem | None]] = []
    for word in stripped.split():
        if word in _OR_WORDS:
            continue
        k = 0
        while k < len(word) and fold_char(word[k]) == "-":
            k += 1
        if word[k:]:
            tokens.append(("item", QueryItem(word[k:])))
    return [item for _, item in _merge_units(tokens) if item is not None]


def parse_query(query: str) -> ParsedQuery:
    """Groups of ORed items (ANDed), negative items, and whether the query was malformed."""
    tokens, bad = _lex(query)
    tokens = _merge_units(tokens)
    groups: list[list[QueryItem]] = []
    negatives: list[QueryItem] = []
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
        return ParsedQuery([[item] for item in _plain(query)], [], malformed=True)
    return ParsedQuery(groups, negatives)


# --- terms -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Chunk:
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
class Term:
    chunks: list[Chunk]  # all required
    bonus: Chunk | None = None  # adds to the score where it occurs (a split run as written)


def _needle(pieces: list[tuple[str, str]]) -> re.Pattern[str]:
    """A regex finding the pieces (kind, text) adjacent in a folded compact text."""
    body = (JOINER + "*").join(re.escape(text) for _, text in pieces)
    if pieces[0][0] in ("word", "num"):
        body = rf"(?<![{WORD_CHARS}])(?<![0-9]\.)" + body
    if pieces[-1][0] in ("word", "num"):
        body += rf"(?![{WORD_CHARS}]|\.[0-9])"
    return re.compile(body)


def _chunk(pieces: list[tuple[str, str]]) -> Chunk:
    tokens: list[str] = []
    for kind, text in pieces:
        if kind == "cjk":
            if len(text) > 1 or len(pieces) == 1:
                tokens.extend(index_terms(text))
            # a lone character beside other tokens may sit inside a longer run in the text
        else:
            tokens.append(text)
    if len(pieces) == 1 and pieces[0][0] == "cjk":
        return Chunk(pieces[0][1], None, tuple(tokens) if len(pieces[0][1]) > 1 else ())
    literal = max((text for _, text in pieces), key=len)
    return Chunk(literal, _needle(pieces), tuple(tokens))


def _pieces(compact: str) -> list[list[tuple[str, str]]]:
    """Split a folded compact query text into runs of adjacent tokens."""
    runs: list[list[tuple[str, str]]] = []
    prev_end = -1
    for m in TOKEN_RE.finditer(compact):
        if prev_end < 0 or not adjacent(compact[prev_end : m.start()]):
            runs.append([])
        runs[-1].append((m.lastgroup or "", m.group()))
        prev_end = m.end()
    return runs


def _jieba_words(run: str) -> list[str]:
    """Words of a long CJK run: function words dropped, single characters glued on."""
    merged: list[str] = []
    for w in jieba_module().cut(run, HMM=False):
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


def query_term(item: QueryItem) -> Term | None:
    compact = fold_compact(item.text).text
    term = Term([])
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
# jieba, loaded on first use
# --------------------------------------------------------------------------

_jieba_lock = threading.Lock()
_jieba_module: Any = None


def jieba_module() -> Any:
    global _jieba_module
    if _jieba_module is None:
        with _jieba_lock:
            if _jieba_module is None:
                import jieba

                jieba.setLogLevel(logging.WARNING)
                keep_jieba_cache_private(jieba)
                jieba.initialize()
                _jieba_module = jieba
    return _jieba_module


# --------------------------------------------------------------------------
# Query words: what a partial match counts
# --------------------------------------------------------------------------

_NUMERIC = re.compile(r"[0-9]+(?:\.[0-9]+)*")


@dataclass(frozen=True, slots=True)
class Variant:
    text: str  # folded, as shown to a person
    chunk: Chunk


@dataclass(frozen=True, slots=True)
class Word:
    """One word of a query a clause may hold or lack: literally, or by a synonym."""

    text: str  # folded compact, as shown ("奖励", "1000万元", "d")
    literal: Chunk
    synonyms: tuple[Variant, ...] = ()
    exact: bool = False  # from a quoted phrase: no synonyms, no partial credit


@dataclass(slots=True)
class Slot:
    """An AND position of the query: one or more ORed alternatives, each a list of words."""

    alternatives: list[list[Word]]
    required: bool = False  # only quoted phrases: a clause must hold one of them


def literal_chunk(text: str) -> Chunk | None:
    """A chunk for a folded word as written, punctuation included (首台(套))."""
    compact = fold_compact(text).text
    runs = _pieces(compact)
    if not runs:
        return None
    if len(runs) == 1:
        return _chunk(runs[0])
    # punctuation inside the word: the folded text as written, found by substring
    tokens = tuple(t for run in runs for t in _chunk(run).tokens)
    return Chunk(compact, None, tokens)


def _cjk_words(run: str, known: frozenset[str]) -> list[str]:
    """A CJK run cut into words: thesaurus words first (longest at each place), jieba
    between them, runs of single characters joined (奖/补 → 奖补), function words dropped."""
    out: list[str] = []
    gap = ""
    i = 0
    longest = max((len(w) for w in known), default=0)

    def flush() -> None:
        nonlocal gap
        if not gap:
            return
        pieces = [gap] if len(gap) <= 2 else [w for w in jieba_module().cut(gap, HMM=False) if w]
        singles = ""
        for w in pieces:
            if len(w) == 1:
                singles += w
                continue
            if singles:
                out.append(singles)
                singles = ""
            out.append(w)
        if singles:
            out.append(singles)
        gap = ""

    while i < len(run):
        for n in range(min(longest, len(run) - i), 1, -1):
            if run[i : i + n] in known:
                flush()
                out.append(run[i : i + n])
                i += n
                break
        else:
            gap += run[i]
            i += 1
    flush()
    return [w for w in out if not (len(w) == 1 and w in _FUNCTION_WORDS)]


def _run_words(pieces: list[tuple[str, str]], known: frozenset[str]) -> list[str]:
    """The words of one run of adjacent tokens (folded compact text)."""
    out: list[str] = []
    k = 0
    while k < len(pieces):
        kind, text = pieces[k]
        if kind == "cjk":
            out.extend(_cjk_words(text, known))
            k += 1
            continue
        # Latin words and numbers together (car-t, 15%), a number with its unit (1000万元)
        j = k
        glued = ""
        while j < len(pieces) and pieces[j][0] != "cjk":
            glued += ("-" if glued and pieces[j][0] == "word" else "") + pieces[j][1]
            j += 1
        if j < len(pieces) and _NUMERIC.fullmatch(pieces[j - 1][1]):
            cjk = pieces[j][1]
            n = 0
            while n < len(cjk) and cjk[n] in _UNITS:
                n += 1
            if n:
                glued += cjk[:n]
                rest = cjk[n:]
                out.append(glued)
                if rest:
                    out.extend(_cjk_words(rest, known))
                k = j + 1
                continue
        out.append(glued)
        k = j
    return out


def query_words(item: QueryItem, thesaurus: Any = None) -> list[Word]:
    """The words of a query item, each with its literal chunk and its synonyms."""
    compact = fold_compact(item.text).text
    if item.phrase:
        chunk = literal_chunk(compact)
        return [Word(compact, chunk, exact=True)] if chunk else []
    known = thesaurus.words if thesaurus is not None else frozenset()
    texts: list[str] = []
    for pieces in _pieces(compact):
        texts.extend(_run_words(pieces, known))
    words: list[Word] = []
    for text in dict.fromkeys(texts):
        chunk = literal_chunk(text)
        if chunk is None:
            continue
        synonyms: list[Variant] = []
        if thesaurus is not None:
            for s in thesaurus.synonyms(text):
                c = literal_chunk(s)
                if c is not None:
                    synonyms.append(Variant(s, c))
        words.append(Word(text, chunk, tuple(synonyms)))
    return words


def query_slots(parsed: ParsedQuery, thesaurus: Any = None) -> list[Slot]:
    slots = []
    for group in parsed.groups:
        alternatives = [w for w in (query_words(item, thesaurus) for item in group) if w]
        if alternatives:
            required = all(item.phrase for item in group)
            slots.append(Slot(alternatives, required))
    return slots
