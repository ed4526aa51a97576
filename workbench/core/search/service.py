"""Search over the library: keeps the on-disk index in step with SQLite and
turns index hits into results a person can read (document, clause, snippet).

The index itself (Whoosh) lives behind ``workbench.core.search.index``; the
synonyms a search also finds come from :mod:`workbench.core.search.thesaurus`
(bundled groups plus the person's own ``thesaurus.json`` in the data folder).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from db import documents as store
from db.connection import is_write_failure
from workbench.core.corpus.library import Changes, DocumentInfo, Library
from workbench.core.corpus.models import Level, ValidityStatus
from workbench.core.search.index import SearchIndex
from workbench.core.search.saved import SearchMemory
from workbench.core.search.snippets import marked_snippet
from workbench.core.search.thesaurus import (
    Thesaurus,
    ThesaurusError,
    load_groups,
    load_thesaurus,
    save_user_groups,
)
from workbench.core.search.types import (
    MATCH_MISSING,
    MAX_QUERY_CHARS,
    NOTICE_INDEX_STALE,
    NOTICE_INDEX_UNAVAILABLE,
    NOTICE_QUERY_TRUNCATED,
    TIER_STRICT,
    IndexBusyError,
    IndexRecord,
    IndexState,
    SearchFilters,
    SearchHit,
    WordMatch,
)

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
INCREMENTAL_LIMIT = 2000  # clauses added at once above which a rebuild is quicker
Cancelled = Callable[[], bool]

__all__ = ["IndexBusyError", "IndexState", "Query", "Result", "SearchService", "ThesaurusError", "WordMatch"]


@dataclass(frozen=True, slots=True)
class Query:
    text: str
    limit: int = 20
    doc_ids: frozenset[str] | None = None
    level: Level | None = None
    region: str | None = None
    issuer: str | None = None
    year: int | None = None
    status: ValidityStatus | None = None
    as_of: dt.date | None = None
    strict: bool = False  # only clauses holding every term as written, no synonyms


def query_to_json(query: Query) -> dict[str, Any]:
    """A query with its filters as plain JSON values (saved searches, history)."""
    return {
        "text": query.text,
        "doc_ids": sorted(query.doc_ids) if query.doc_ids is not None else None,
        "level": Level(query.level).value if query.level else None,
        "region": query.region,
        "issuer": query.issuer,
        "year": query.year,
        "status": ValidityStatus(query.status).value if query.status else None,
        "as_of": query.as_of.isoformat() if query.as_of else None,
    }


def query_from_json(data: dict[str, Any], limit: int = 20) -> Query:
    doc_ids = data.get("doc_ids")
    return Query(
        text=str(data.get("text", "")),
        limit=limit,
        doc_ids=frozenset(doc_ids) if doc_ids is not None else None,
        level=Level(data["level"]) if data.get("level") else None,
        region=data.get("region"),
        issuer=data.get("issuer"),
        year=data.get("year"),
        status=ValidityStatus(data["status"]) if data.get("status") else None,
        as_of=dt.date.fromisoformat(data["as_of"]) if data.get("as_of") else None,
    )


@dataclass(frozen=True, slots=True)
class Result:
    doc_id: str
    doc_title: str
    doc_number: str | None
    clause_id: str
    path: str
    heading: str
    text: str
    snippet: str
    marks: tuple[tuple[int, int], ...]
    score: float
    words: tuple[WordMatch, ...] = ()  # each query word: held literally, by a synonym, or missing
    synonym_marks: tuple[tuple[int, int], ...] = ()  # those of ``marks`` made by a synonym
    tier: int = TIER_STRICT  # how fully the clause holds the query (types.TIER_*)

    @property
    def complete(self) -> bool:
        """Holds every query term as written."""
        return self.tier >= TIER_STRICT

    @property
    def missing(self) -> tuple[str, ...]:
        """The query words this clause lacks (a partial match)."""
        return tuple(w.word for w in self.words if w.how == MATCH_MISSING)

    def marked(
        self, open_mark: str = "【", close_mark: str = "】", escape: Callable[[str], str] | None = None
    ) -> str:
        hit = SearchHit(self.clause_id, self.doc_id, self.score, self.snippet, self.marks)
        return marked_snippet(hit, open_mark, close_mark, escape or (lambda s: s))

    def to_json(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "doc_title": self.doc_title,
            "doc_number": self.doc_number,
            "clause_id": self.clause_id,
            "path": self.path,
            "heading": self.heading,
            "text": self.text,
            "snippet": self.snippet,
            "snippet_marked": self.marked("<mark>", "</mark>", _html_escape),
            "marks": [list(m) for m in self.marks],
            "synonym_marks": [list(m) for m in self.synonym_marks],
            "score": round(self.score, 4),
            "matched": [
                {"word": w.word, "how": w.how, **({"via": w.via} if w.via else {})}
                for w in self.words
                if w.how != MATCH_MISSING
            ],
            "missing": list(self.missing),
            "complete": self.complete,
        }


@dataclass(frozen=True, slots=True)
class Response:
    results: list[Result]
    notices: list[str]
    total: int
    suggestions: list[str] = field(default_factory=list)  # did you mean: whole queries, offered only
    complete: int = 0  # how many of ``total`` hold every term as written


def _html_escape(text: str) -> str:
    import html

    return html.escape(text, quote=False)


class SearchService:
    def __init__(
        self,
        library: Library,
        index_dir: Path,
        thesaurus_file: Path | None = None,
        searches_file: Path | None = None,
    ) -> None:
        self.library = library
        self.index = SearchIndex(index_dir)
        self.memory = SearchMemory(searches_file)  # saved searches and history
        self.thesaurus_file = thesaurus_file  # the person's own synonym groups (data folder)
        self.thesaurus_error: str | None = None  # why the user file was not read, if it was not
        self.reload_thesaurus()
        self._documents: dict[dt.date | None, dict[str, DocumentInfo]] = {}
        self._not_updated = False  # an update or rebuild the disk refused: results may lag
        library.subscribe(self._on_changes)
        try:
            self.index.clean_leftovers()
        except OSError:
            log.warning("search index: cannot remove what a killed rebuild left", exc_info=True)

    def _documents_as_of(self, as_of: dt.date | None) -> dict[str, DocumentInfo]:
        # Statuses depend on the day and on the library: cached until the library changes.
        key = as_of or dt.date.today()
        if key not in self._documents:
            self._documents[key] = {d.id: d for d in self.library.documents(key)}
        return self._documents[key]

    # --- keeping the index current ---------------------------------------------

    def state(self) -> IndexState:
        return self.index.state(self.library.fingerprint())

    def ensure_current(self, progress: Progress | None = None, cancelled: Cancelled | None = None) -> bool:
        """Rebuild the index when it is missing, stale, from another analyzer or corrupt.
        Returns False only if a needed rebuild was cancelled."""
        state = self.state()
        if state is IndexState.STALE and self.index.wait_for_writer():
            # Another process (an import) was updating the index: its update, not a rebuild.
            state = self.state()
        if state is IndexState.OK:
            self._not_updated = False
            return True
        log.info("search index %s: rebuilding", state.value)
        try:
            done = self.rebuild(progress, cancelled)
        except OSError as exc:
            if not is_write_failure(exc):
                raise
            # A full disk: searching what is there beats no search at all.
            log.warning("search index not rebuilt: %s", exc)
            self._not_updated = True
            return False
        self._not_updated = False
        return done

    def rebuild(self, progress: Progress | None = None, cancelled: Cancelled | None = None) -> bool:
        total = store.count_clauses(self.library.db)
        return self.index.rebuild(self._records(), total, self.library.fingerprint(), progress, cancelled)

    def _records(self, doc_ids: frozenset[str] | None = None) -> Iterator[IndexRecord]:
        docs = self._documents_as_of(None)
        for row in store.iter_all_clauses(self.library.db):
            if doc_ids is not None and row["doc_id"] not in doc_ids:
                continue
            doc = docs.get(row["doc_id"])
            if doc is None:
                continue
            yield _record(row, doc)

    def _on_changes(self, changes: Changes) -> None:
        self._documents.clear()
        fingerprint = self.library.fingerprint()
        if self.index.state(fingerprint) is not IndexState.STALE:
            # OK: another connection (a background import) already brought it up to date;
            # missing, corrupt or another analyzer: the next ensure_current() rebuilds.
            return
        try:
            for doc_id in changes.removed:
                self.index.remove_document(doc_id, fingerprint)
            if changes.added:
                if store.count_clauses(self.library.db, changes.added) > INCREMENTAL_LIMIT:
                    # One writer holding a large batch spills its postings to sorted runs on
                    # disk (several times slower); the batched rebuild is quicker from here on.
                    self.rebuild()
                    return
                self.index.add_records(self._records(changes.added), fingerprint)
        except OSError as exc:
            if not is_write_failure(exc):
                raise
            # What SQLite committed stays; the index stays STALE and the next start catches up.
            log.warning("search index not updated: %s", exc)
            self._not_updated = True

    # --- the thesaurus ------------------------------------------------------------

    def reload_thesaurus(self) -> Thesaurus:
        """The bundled groups and the person's own; a damaged user file is reported and skipped."""
        try:
            thesaurus = load_thesaurus(self.thesaurus_file)
            self.thesaurus_error = None
        except ThesaurusError as e:
            log.warning("thesaurus: %s", e)
            self.thesaurus_error = str(e)
            thesaurus = load_thesaurus(None)
        self.index.thesaurus = thesaurus
        return thesaurus

    def user_synonyms(self) -> list[list[str]]:
        return load_groups(self.thesaurus_file) if self.thesaurus_file else []

    def set_user_synonyms(self, groups: list[list[str]]) -> None:
        """Replace the person's own synonym groups (each of two or more words)."""
        if self.thesaurus_file is None:
            raise ThesaurusError("no data folder for a user thesaurus")
        for k, g in enumerate(groups, 1):
            if len([w for w in g if w.strip()]) < 2:
                raise ThesaurusError(f"group {k} needs at least two words")
        save_user_groups(self.thesaurus_file, groups)
        self.reload_thesaurus()

    # --- searching -------------------------------------------------------------

    def search_repairing(self, query: Query, progress: Progress | None = None) -> Response:
        """:meth:`search`, and when the index turns out unreadable, rebuild it from
        SQLite and search again (the command line; the window rebuilds in the background)."""
        response = self.search(query)
        if NOTICE_INDEX_UNAVAILABLE in response.notices and self.ensure_current(progress):
            response = self.search(query)
        return response

    def search(self, query: Query) -> Response:
        notices: list[str] = []
        if len(query.text) > MAX_QUERY_CHARS:
            # Cost grows with every term; no real query is this long.
            query = dataclasses.replace(query, text=query.text[:MAX_QUERY_CHARS])
            notices.append(NOTICE_QUERY_TRUNCATED)
        if self._not_updated:
            notices.append(NOTICE_INDEX_STALE)
        docs = self._documents_as_of(query.as_of)
        allowed = query.doc_ids
        if query.status is not None:
            status = ValidityStatus(query.status)  # a plain string from a form is fine too
            by_status = frozenset(d.id for d in docs.values() if d.status is status)
            allowed = by_status if allowed is None else allowed & by_status
        filters = SearchFilters(
            doc_ids=allowed,
            level=Level(query.level).value if query.level else None,
            region=query.region,
            issuer=query.issuer,
            year=query.year,
        )
        response = self.index.search(query.text, filters, query.limit, strict=query.strict)
        results = []
        for hit in response.hits:
            clause = self.library.clause(hit.clause_id)
            doc = docs.get(hit.doc_id)
            if clause is None or doc is None:
                continue  # the index is a step behind the store; never show a ghost
            results.append(
                Result(
                    doc_id=doc.id,
                    doc_title=doc.title,
                    doc_number=doc.doc_number,
                    clause_id=clause.id,
                    path=clause.path,
                    heading=clause.heading,
                    text=clause.text,
                    snippet=hit.snippet,
                    marks=hit.marks,
                    score=hit.score,
                    words=hit.words,
                    synonym_marks=hit.synonym_marks,
                    tier=hit.tier,
                )
            )
        return Response(
            results,
            [*notices, *response.notices],
            response.total,
            list(response.suggestions),
            response.complete,
        )

    def index_path(self) -> Path:
        return self.index.directory

    def close(self) -> None:
        self.index.close()


def _record(row: dict[str, Any], doc: DocumentInfo) -> IndexRecord:
    return IndexRecord(
        clause_id=row["id"],
        doc_id=doc.id,
        doc_title=doc.title,
        doc_number=doc.doc_number,
        path=row["path"],
        heading=row["heading"],
        text=row["text"],
        ordinal=row["ordinal"],
        level=doc.level.value,
        region=doc.region,
        issuer=doc.issuer,
        issued_year=doc.issued.year if doc.issued else None,
    )
