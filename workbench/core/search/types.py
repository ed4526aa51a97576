"""The search's public types: what is indexed, the filters, hits, responses and index states."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

NOTICE_MALFORMED = "malformed_query_fallback"  # the query was searched as plain terms
NOTICE_NO_TERMS = "no_searchable_terms"  # nothing to search for (only punctuation)
NOTICE_INDEX_UNAVAILABLE = "index_unavailable"  # no usable index on disk: missing, corrupt, other analyzer
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
