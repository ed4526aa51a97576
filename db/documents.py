"""Rows of the document family of tables: documents, clauses, noise, references, repeals.

Plain dicts in and out; the core turns them into its types. Every write that
touches several tables runs in one transaction, so a failure leaves the file
exactly as it was.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import AbstractContextManager
from typing import Any

import sqlite_utils

from db import connection

Row = dict[str, Any]


def transaction(db: sqlite_utils.Database) -> AbstractContextManager[sqlite_utils.Database]:
    """One write transaction (``BEGIN IMMEDIATE``; a savepoint when nested), rolled back
    on any error. See :func:`db.connection.transaction`."""
    return connection.transaction(db)


Rows = Iterable[Mapping[str, Any]]


def write_document(
    db: sqlite_utils.Database,
    document: Mapping[str, Any],
    clauses: Rows,
    noise: Rows,
    references: Rows,
    repeals: Rows,
    *,
    replace: bool = False,
) -> None:
    """Store a document and its derived rows in one transaction. With ``replace``, the
    document already exists (a parser upgrade): its derived rows are written anew."""
    with transaction(db):
        if replace:
            _delete_derived(db, document["id"])
            db.table("documents").update(document["id"], dict(document))
        else:
            db.table("documents").insert(dict(document))
        _write_children(db, clauses, noise, references, repeals)


def _write_children(
    db: sqlite_utils.Database, clauses: Rows, noise: Rows, references: Rows, repeals: Rows
) -> None:
    for table, rows in (
        ("clauses", clauses),
        ("noise", noise),
        ("doc_references", references),
        ("repeals", repeals),
    ):
        db.table(table).insert_all((dict(r) for r in rows), batch_size=500)


def _delete_derived(db: sqlite_utils.Database, doc_id: str) -> None:
    for table in ("doc_references", "repeals", "noise"):
        db.execute(f"DELETE FROM {table} WHERE doc_id = ?", [doc_id])
    # children before parents keeps the self-reference satisfied
    db.execute("DELETE FROM clauses WHERE doc_id = ? AND parent_id IS NOT NULL", [doc_id])
    db.execute("DELETE FROM clauses WHERE doc_id = ?", [doc_id])


def delete_document(db: sqlite_utils.Database, doc_id: str) -> bool:
    with transaction(db):
        _delete_derived(db, doc_id)
        cursor = db.execute("DELETE FROM documents WHERE id = ?", [doc_id])
        return cursor.rowcount > 0


_DOC_COLUMNS = (
    "id, title, doc_number, issuer, issued, published, effective_from, valid_until, validity_note, "
    "level, region, source_name, source_format, source_encoding, source_sha256, bundled, parser_version, imported_at"
)


def list_documents(db: sqlite_utils.Database) -> list[Row]:
    return list(db.query(f"SELECT {_DOC_COLUMNS} FROM documents ORDER BY issued IS NULL, issued DESC, id"))


def get_document(db: sqlite_utils.Database, doc_id: str, *, with_source: bool = False) -> Row | None:
    columns = _DOC_COLUMNS + (", source_text" if with_source else "")
    rows = list(db.query(f"SELECT {columns} FROM documents WHERE id = ?", [doc_id]))
    return rows[0] if rows else None


def find_by_sha256(db: sqlite_utils.Database, sha256: str) -> Row | None:
    rows = list(db.query("SELECT id, title FROM documents WHERE source_sha256 = ?", [sha256]))
    return rows[0] if rows else None


def find_by_doc_number(db: sqlite_utils.Database, doc_number: str) -> Row | None:
    rows = list(db.query("SELECT id, title FROM documents WHERE doc_number = ?", [doc_number]))
    return rows[0] if rows else None


def clauses_of(db: sqlite_utils.Database, doc_id: str) -> list[Row]:
    return list(db.query("SELECT * FROM clauses WHERE doc_id = ? ORDER BY ordinal", [doc_id]))


def get_clause(db: sqlite_utils.Database, clause_id: str) -> Row | None:
    rows = list(db.query("SELECT * FROM clauses WHERE id = ?", [clause_id]))
    return rows[0] if rows else None


def iter_all_clauses(db: sqlite_utils.Database) -> Iterator[Row]:
    yield from db.query("SELECT * FROM clauses ORDER BY doc_id, ordinal")


def count_clauses(db: sqlite_utils.Database, doc_ids: Iterable[str] | None = None) -> int:
    if doc_ids is None:
        return int(db.execute("SELECT count(*) FROM clauses").fetchone()[0])
    ids = list(doc_ids)
    marks = ",".join("?" * len(ids))
    return int(db.execute(f"SELECT count(*) FROM clauses WHERE doc_id IN ({marks})", ids).fetchone()[0])


def references_of(db: sqlite_utils.Database, doc_id: str) -> list[Row]:
    return list(db.query("SELECT * FROM doc_references WHERE doc_id = ? ORDER BY ordinal", [doc_id]))


def all_repeals(db: sqlite_utils.Database) -> list[Row]:
    return list(db.query("SELECT * FROM repeals ORDER BY doc_id, ordinal"))


def stale_documents(db: sqlite_utils.Database, parser_version: int) -> list[str]:
    return [r["id"] for r in db.query("SELECT id FROM documents WHERE parser_version < ?", [parser_version])]


def fingerprint_rows(db: sqlite_utils.Database) -> list[tuple[str, str, int]]:
    """(id, sha256, parser version) of every document: what derived data depends on."""
    return [
        tuple(r) for r in db.execute("SELECT id, source_sha256, parser_version FROM documents ORDER BY id")
    ]


def get_meta(db: sqlite_utils.Database, key: str) -> str | None:
    row = db.execute("SELECT value FROM app_meta WHERE key = ?", [key]).fetchone()
    return None if row is None else str(row[0])


def set_meta(db: sqlite_utils.Database, key: str, value: str) -> None:
    with transaction(db):
        db.execute(
            "INSERT INTO app_meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )
