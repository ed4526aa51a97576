"""The search's public types: what is indexed, the filters, hits, responses and index states."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

NOTICE_MALFORMED = "malformed_query_fallback"  # the query was searched as plain terms
NOTICE_NO_TERMS = "no_searchable_terms"  # nothing to search for (only punctuation)
NOTICE_INDEX_UNAVAILABLE = "index_unavailable"  # no usable index on disk: missing, corrupt, other analyzer
NOTICE_PARTIAL = "partial_matches"  # no clause holds every query word: the hits hold some of them
NOTICE_SYNONYMS = "synonym_matches"  # some hits hold a query word only as a synonym
NOTICE_INDEX_STALE = "index_stale"  # the index could not be brought up to date (disk full, busy)
NOTICE_QUERY_TRUNCATED = "query_truncated"  # only the first MAX_QUERY_CHARS characters were searched
MAX_QUERY_CHARS = 200

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


@dataclass(frozen=True, slots=True)
class WordMatch:
    """How a hit holds one query word."""

    word: str  # the query word, folded
    how: str  # MATCH_LITERAL, MATCH_SYNONYM or MATCH_MISSING
    via: str = ""  # the synonym the clause holds


MATCH_LITERAL, MATCH_SYNONYM, MATCH_MISSING = "literal", "synonym", "missing"

# How fully a hit holds the query, best first: the query as one phrase; every term as
# written (the strict AND); every word, but apart; every word, some by a synonym; some words.
TIER_PHRASE, TIER_STRICT, TIER_WORDS, TIER_SYNONYMS, TIER_PARTIAL = 4, 3, 2, 1, 0


@dataclass(frozen=True)
class SearchHit:
    clause_id: str
    doc_id: str
    score: float
    snippet: str
    marks: tuple[tuple[int, int], ...]  # [start, end) offsets into snippet
    words: tuple[WordMatch, ...] = ()  # each query word: held literally, by a synonym, or missing
    synonym_marks: tuple[tuple[int, int], ...] = ()  # those of ``marks`` that are synonym matches
    tier: int = TIER_STRICT  # see TIER_*: how fully the clause holds the query

    @property
    def complete(self) -> bool:
        """Holds every query term as written (what the strict AND finds)."""
        return self.tier >= TIER_STRICT

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(w.word for w in self.words if w.how == MATCH_MISSING)


@dataclass(frozen=True)
class SearchResponse:
    hits: list[SearchHit]
    notices: list[str]
    total: int
    suggestions: list[str] = field(default_factory=list)  # did you mean: whole queries, never applied
    complete: int = 0  # how many of ``total`` hold every term as written


class IndexState(StrEnum):
    OK = "ok"
    MISSING = "missing"
    STALE = "stale"
    ANALYZER_CHANGED = "analyzer_changed"
    CORRUPT = "corrupt"


class IndexBusyError(Exception):
    """The writer lock was not obtained in time: another instance is writing."""
