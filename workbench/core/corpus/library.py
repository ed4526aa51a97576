"""The document library: import, list, show and remove documents in the store.

SQLite is the source of truth. Everything derived (clauses, noise, references,
the search index) is rebuilt from the stored source text when the parser
changes. Listeners learn about every change through one ``Changes`` value.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils

from db import documents as store
from db.connection import is_disk_full
from workbench.core.corpus import metadata
from workbench.core.corpus.clause_parser import parse_document
from workbench.core.corpus.models import (
    Clause,
    ClauseKind,
    ImportProblem,
    Level,
    ParsedDocument,
    ValidityStatus,
)
from workbench.core.corpus.readers import DEFAULT_MAX_BYTES, ReadError, read_document_file
from workbench.core.corpus.validity import document_status, last_day_of_term
from workbench.core.events import Event, Unsubscribe
from workbench.core.paths import RESOURCES_DIR

PARSER_VERSION = (
    5  # 5: table rows (tabs) stay lines; bump whenever parsing gives other clauses or display text
)
RESOURCES = RESOURCES_DIR
BUNDLED_MANIFEST = RESOURCES / "documents" / "manifest.json"
_SEEDED_KEY = "bundled_corpus_seeded"

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    source: str  # the file name as the user gave it
    doc_id: str | None = None
    problem: ImportProblem | None = None
    detail: str = ""  # technical detail, e.g. the id of the duplicate

    @property
    def ok(self) -> bool:
        return self.problem is None


@dataclass(frozen=True, slots=True)
class Changes:
    """What an operation changed, for every screen and index to refresh what concerns it."""

    added: frozenset[str] = frozenset()
    removed: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    id: str
    title: str
    doc_number: str | None
    issuer: str | None
    issued: dt.date | None
    published: dt.date | None
    effective_from: dt.date | None
    valid_until: dt.date | None
    validity_note: str | None
    level: Level
    region: str | None
    source_name: str
    bundled: bool
    status: ValidityStatus
    repealed_by: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "doc_number": self.doc_number,
            "issuer": self.issuer,
            "issued": _iso(self.issued),
            "published": _iso(self.published),
            "effective_from": _iso(self.effective_from),
            "valid_until": _iso(self.valid_until),
            "validity_note": self.validity_note,
            "level": self.level.value,
            "region": self.region,
            "status": self.status.value,
            "repealed_by": self.repealed_by,
            "source_name": self.source_name,
            "bundled": self.bundled,
        }


@dataclass(frozen=True, slots=True)
class ResolvedReference:
    kind: str  # doc_number | title
    value: str
    title: str | None
    clause_id: str | None
    target_id: str | None  # the document in the library it points to, None if not in the library


@dataclass(slots=True)
class DocumentDetail:
    info: DocumentInfo
    clauses: list[Clause]  # flat, in document order, with children linked
    references: list[ResolvedReference] = field(default_factory=list)
    repeals: list[dict[str, Any]] = field(default_factory=list)

    @property
    def roots(self) -> list[Clause]:
        return [c for c in self.clauses if c.parent_id is None]


class Library:
    def __init__(self, db: sqlite_utils.Database, *, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.db = db
        self.max_bytes = max_bytes
        self.changed: Event[Changes] = Event()

    # --- notifications ---------------------------------------------------------

    def subscribe(self, listener: Callable[[Changes], None]) -> Unsubscribe:
        return self.changed.subscribe(listener)

    def announce(self, changes: Changes) -> None:
        """Tell listeners about changes another connection made (a background import)."""
        self._notify(changes)

    def _notify(self, changes: Changes) -> None:
        if changes.added or changes.removed:
            self.changed.emit(changes)

    # --- start-up ----------------------------------------------------------------

    def seed_bundled(self, manifest_path: Path = BUNDLED_MANIFEST) -> list[ImportOutcome]:
        """On first start, fill an empty library with the bundled corpus (once only:
        a bundled document the user removed stays removed)."""
        if store.get_meta(self.db, _SEEDED_KEY):
            return []
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        outcomes = []
        for entry in manifest["documents"]:
            path = manifest_path.parent / entry["file"]
            outcomes.append(self._import_path(path, entry))
        store.set_meta(self.db, _SEEDED_KEY, dt.datetime.now().isoformat(timespec="seconds"))
        self._notify(Changes(added=frozenset(o.doc_id for o in outcomes if o.doc_id)))
        return outcomes

    def reparse_stale(self, progress: Progress | None = None) -> list[str]:
        """Re-derive clauses and references of documents parsed by an older parser."""
        stale = store.stale_documents(self.db, PARSER_VERSION)
        for done, doc_id in enumerate(stale, start=1):
            row = store.get_document(self.db, doc_id, with_source=True)
            assert row is not None
            parsed = parse_document(row["source_text"], doc_id)
            document = {k: v for k, v in row.items() if k != "source_text"} | {
                "parser_version": PARSER_VERSION
            }
            store.write_document(
                self.db,
                document,
                *self._derived_rows(doc_id, parsed, row.get("doc_number"), row["title"]),
                replace=True,
            )
            if progress:
                progress(done, len(stale))
        self._notify(Changes(added=frozenset(stale)))
        return stale

    # --- import ------------------------------------------------------------------

    def import_files(
        self,
        paths: Sequence[Path],
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> list[ImportOutcome]:
        """Import each file on its own: a bad file is reported and the good ones kept."""
        outcomes: list[ImportOutcome] = []
        for i, path in enumerate(paths):
            if cancelled and cancelled():
                outcomes.extend(ImportOutcome(p.name, problem=ImportProblem.CANCELLED) for p in paths[i:])
                break
            try:
                outcomes.append(self._import_path(path, None))
            except (OSError, sqlite3.Error) as exc:
                if not is_disk_full(exc):
                    raise
                # This file's transaction was rolled back; the ones before it are stored.
                outcomes.append(ImportOutcome(path.name, problem=ImportProblem.DISK_FULL, detail=str(exc)))
                outcomes.extend(
                    ImportOutcome(p.name, problem=ImportProblem.NOT_ATTEMPTED) for p in paths[i + 1 :]
                )
                break
            if progress:
                progress(i + 1, len(paths))
        self._notify(Changes(added=frozenset(o.doc_id for o in outcomes if o.doc_id)))
        return outcomes

    def import_file(self, path: Path) -> ImportOutcome:
        return self.import_files([path])[0]

    def _import_path(self, path: Path, entry: dict[str, Any] | None) -> ImportOutcome:
        try:
            read = read_document_file(path, max_bytes=self.max_bytes)
        except ReadError as exc:
            return ImportOutcome(path.name, problem=ImportProblem(exc.reason.value), detail=exc.detail)
        return self._import_text(read.text, path.name, read.format, read.encoding, entry)

    def _duplicate(self, source_name: str, sha: str, doc_number: str | None) -> ImportOutcome | None:
        existing = store.find_by_sha256(self.db, sha)
        if existing:
            return ImportOutcome(source_name, problem=ImportProblem.DUPLICATE, detail=existing["id"])
        if doc_number:
            same_number = store.find_by_doc_number(self.db, doc_number)
            if same_number:
                return ImportOutcome(
                    source_name, problem=ImportProblem.DUPLICATE_NUMBER, detail=same_number["id"]
                )
        return None

    def _import_text(
        self, text: str, source_name: str, fmt: str, encoding: str | None, entry: dict[str, Any] | None
    ) -> ImportOutcome:
        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
        fields = derive_metadata(text, entry)
        duplicate = self._duplicate(source_name, sha, fields["doc_number"])
        if duplicate:
            return duplicate
        doc_id = entry["id"] if entry else f"doc-{sha[:12]}"
        if not fields["title"]:
            fields["title"] = Path(source_name).stem
        parsed = parse_document(text, doc_id)
        document = fields | {
            "id": doc_id,
            "source_name": source_name,
            "source_format": fmt,
            "source_encoding": encoding,
            "source_sha256": sha,
            "source_text": text,
            "bundled": int(entry is not None),
            "parser_version": PARSER_VERSION,
            "imported_at": dt.datetime.now().isoformat(timespec="seconds"),
        }
        rows = self._derived_rows(doc_id, parsed, fields["doc_number"], fields["title"])
        with store.transaction(self.db):
            # Asked again holding the write lock: another process may have stored it meanwhile.
            duplicate = self._duplicate(source_name, sha, fields["doc_number"])
            if duplicate:
                return duplicate
            store.write_document(self.db, document, *rows)
        return ImportOutcome(source_name, doc_id=doc_id)

    @staticmethod
    def _derived_rows(
        doc_id: str, parsed: ParsedDocument, doc_number: str | None, title: str
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
        clauses = [
            {
                "id": c.id,
                "doc_id": doc_id,
                "parent_id": c.parent_id,
                "path": c.path,
                "ordinal": c.ordinal,
                "level": c.level,
                "kind": c.kind.value,
                "marker": c.marker,
                "heading": c.heading,
                "body": c.body,
                "responsible": c.responsible,
                "text": c.text,
                "span_start": c.span_start,
                "span_end": c.span_end,
            }
            for c in parsed.clauses
        ]
        noise = [
            {"doc_id": doc_id, "start": n.start, "end": n.end, "kind": n.kind.value} for n in parsed.noise
        ]
        text = parsed.source

        def clause_at(offset: int) -> str | None:
            for c in parsed.clauses:
                if c.span_start <= offset < c.span_end:
                    return c.id
            return None

        references = [
            {
                "doc_id": doc_id,
                "ordinal": i,
                "kind": r.kind,
                "value": r.value,
                "title": r.title,
                "clause_id": clause_at(r.start),
            }
            for i, r in enumerate(
                metadata.extract_references(text, own_doc_number=doc_number, own_title=title)
            )
        ]
        repeals = [
            {"doc_id": doc_id, "ordinal": i, "doc_number": r.doc_number, "title": r.title, "raw": r.raw}
            for i, r in enumerate(metadata.extract_repeals(text))
        ]
        return clauses, noise, references, repeals

    # --- removal -----------------------------------------------------------------

    def remove(self, doc_id: str) -> bool:
        removed = store.delete_document(self.db, doc_id)
        if removed:
            self._notify(Changes(removed=frozenset({doc_id})))
        return removed

    # --- queries -----------------------------------------------------------------

    def documents(self, as_of: dt.date | None = None) -> list[DocumentInfo]:
        as_of = as_of or dt.date.today()
        rows = store.list_documents(self.db)
        repealers = self._repealers(rows)
        return [self._info(row, as_of, repealers) for row in rows]

    def document(self, doc_id: str, as_of: dt.date | None = None) -> DocumentDetail | None:
        as_of = as_of or dt.date.today()
        row = store.get_document(self.db, doc_id)
        if row is None:
            return None
        rows = store.list_documents(self.db)
        info = self._info(row, as_of, self._repealers(rows))
        clauses = [_clause_from_row(r) for r in store.clauses_of(self.db, doc_id)]
        by_id = {c.id: c for c in clauses}
        for c in clauses:
            if c.parent_id in by_id:
                by_id[c.parent_id].children.append(c)
        references = [
            ResolvedReference(
                kind=r["kind"],
                value=r["value"],
                title=r["title"],
                clause_id=r["clause_id"],
                target_id=_resolve(r, rows, doc_id),
            )
            for r in store.references_of(self.db, doc_id)
        ]
        repeals = [r for r in store.all_repeals(self.db) if r["doc_id"] == doc_id]
        for r in repeals:
            r["target_id"] = _resolve(_repeal_ref(r), rows, doc_id)
        return DocumentDetail(info, clauses, references, repeals)

    def source_text(self, doc_id: str) -> str | None:
        row = store.get_document(self.db, doc_id, with_source=True)
        return None if row is None else str(row["source_text"])

    def clause(self, clause_id: str) -> Clause | None:
        row = store.get_clause(self.db, clause_id)
        return None if row is None else _clause_from_row(row)

    def fingerprint(self) -> str:
        """Changes whenever anything derived from the store must be rebuilt."""
        rows = store.fingerprint_rows(self.db)
        return hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode("utf-8")).hexdigest()[:32]

    def _repealers(self, rows: Iterable[dict[str, Any]]) -> dict[str, tuple[str, dt.date | None]]:
        """Map repealed document id → (id of the document repealing it, its effective date)."""
        rows = list(rows)
        by_id = {r["id"]: r for r in rows}
        out: dict[str, tuple[str, dt.date | None]] = {}
        for rep in store.all_repeals(self.db):
            target = _resolve(_repeal_ref(rep), rows, rep["doc_id"])
            if target and rep["doc_id"] in by_id:
                repealer = by_id[rep["doc_id"]]
                out[target] = (rep["doc_id"], _date(repealer["effective_from"]) or _date(repealer["issued"]))
        return out

    @staticmethod
    def _info(
        row: dict[str, Any], as_of: dt.date, repealers: dict[str, tuple[str, dt.date | None]]
    ) -> DocumentInfo:
        repealed_by, repealed_on = repealers.get(row["id"], (None, None))
        effective_from, valid_until = _date(row["effective_from"]), _date(row["valid_until"])
        status = document_status(as_of, effective_from, valid_until, repealed_on if repealed_by else None)
        return DocumentInfo(
            id=row["id"],
            title=row["title"],
            doc_number=row["doc_number"],
            issuer=row["issuer"],
            issued=_date(row["issued"]),
            published=_date(row["published"]),
            effective_from=effective_from,
            valid_until=valid_until,
            validity_note=row["validity_note"],
            level=Level(row["level"]),
            region=row["region"],
            source_name=row["source_name"],
            bundled=bool(row["bundled"]),
            status=status,
            repealed_by=repealed_by if status is ValidityStatus.REPEALED else None,
        )


def derive_metadata(text: str, entry: dict[str, Any] | None) -> dict[str, Any]:
    """Metadata from the text; a manifest entry fills in and overrides what it states."""
    title = metadata.extract_title(text)
    issuer = metadata.extract_issuer(text)
    issued_value = metadata.extract_issue_date(text)
    issued = issued_value.date if issued_value else None
    print_date = metadata.extract_print_date(text)
    validity = metadata.extract_validity(text, issued)
    level, region = metadata.guess_level_and_region(issuer, title)
    fields: dict[str, Any] = {
        "title": title,
        "doc_number": metadata.extract_doc_number(text),
        "issuer": issuer,
        "issued": _iso(issued),
        "published": _iso(print_date.date if print_date else None),
        "effective_from": _iso(validity.effective_from or issued),
        "valid_until": _iso(validity.valid_until),
        "validity_note": validity.raw,
        "level": level.value,
        "region": region,
    }
    if entry:
        for key in fields:
            if key in entry:
                fields[key] = entry[key]
    if fields["valid_until"] is None and validity.years and fields["effective_from"]:
        fields["valid_until"] = _iso(
            last_day_of_term(dt.date.fromisoformat(fields["effective_from"]), validity.years)
        )
    return fields


def _resolve(ref: dict[str, Any], rows: list[dict[str, Any]], self_id: str) -> str | None:
    """The library document a reference or repeal points to: by 文号, else by title
    when the titled document does not carry a different 文号 (a new version of a
    document often has the same title as the old one it repeals)."""
    number = ref["value"] if ref["kind"] == "doc_number" else None
    title = _title_key(ref.get("title") or (ref["value"] if ref["kind"] == "title" else None))
    for row in rows:
        if row["id"] != self_id and number and row["doc_number"] == number:
            return str(row["id"])
    for row in rows:
        if row["id"] == self_id or not title or _title_key(row["title"]) != title:
            continue
        if number and row["doc_number"] and row["doc_number"] != number:
            continue
        return str(row["id"])
    return None


def _repeal_ref(row: dict[str, Any]) -> dict[str, Any]:
    kind = "doc_number" if row["doc_number"] else "title"
    return {"kind": kind, "value": row["doc_number"] or row["title"], "title": row["title"]}


def _title_key(title: str | None) -> str:
    """Titles compare without quotes, brackets, dashes and spaces (“十四五” = "十四五")."""
    if not title:
        return ""
    return "".join(ch for ch in title if ch.isalnum())


def _clause_from_row(row: dict[str, Any]) -> Clause:
    return Clause(
        id=row["id"],
        path=row["path"],
        kind=ClauseKind(row["kind"]),
        level=row["level"],
        ordinal=row["ordinal"],
        marker=row["marker"],
        heading=row["heading"],
        body=row["body"],
        responsible=row["responsible"],
        text=row["text"],
        span_start=row["span_start"],
        span_end=row["span_end"],
        parent_id=row["parent_id"],
    )


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None
