"""Rows of the task ledger: the clauses that carry a responsibility line (read), progress notes
and their audit (written).

Plain dicts in and out. The audit row of a change is written by the same call, inside the
caller's transaction, so a change and its record stand or fall together.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from typing import Any

import sqlite_utils

from db import audit

Row = dict[str, Any]

PROGRESS_COLUMNS = (
    "id",
    "task_id",
    "doc_id",
    "reported_on",
    "status",
    "note",
    "author",
    "entered_at",
    "retracted_at",
)


def responsibility_clauses(
    db: sqlite_utils.Database, doc_ids: Iterable[str] | None = None
) -> list[sqlite3.Row]:
    """Every clause with a responsibility line, with what a task needs of its document,
    in document and clause order."""
    sql = (
        "SELECT c.id, c.doc_id, c.path, c.ordinal, c.heading, c.body, c.responsible, "
        "d.title, d.doc_number, d.region, d.level, d.validity_note "
        "FROM clauses c JOIN documents d ON d.id = c.doc_id WHERE c.responsible IS NOT NULL"
    )
    params: list[Any] = []
    if doc_ids is not None:
        chosen = list(doc_ids)
        if not chosen:
            return []
        sql += f" AND c.doc_id IN ({', '.join('?' for _ in chosen)})"
        params = chosen
    cursor = db.conn.cursor()
    cursor.row_factory = (
        sqlite3.Row
    )  # read by name in C: no dict per row (a thousand plans have 17,000 lines)
    return cursor.execute(f"{sql} ORDER BY {PLAN_ORDER}, c.ordinal", params).fetchall()


PLAN_ORDER = "d.issued IS NULL, d.issued, d.id"


def plan_order(db: sqlite_utils.Database) -> list[str]:
    """Every document id in the order :func:`responsibility_clauses` lists their clauses."""
    return [r[0] for r in db.conn.execute(f"SELECT d.id FROM documents d ORDER BY {PLAN_ORDER}")]


def progress_rows(
    db: sqlite_utils.Database, task_id: str | None = None, *, retracted: bool = False
) -> list[Row]:
    """Progress notes, oldest report first (of one task when given; retracted ones only when asked)."""
    sql = f"SELECT {', '.join(PROGRESS_COLUMNS)} FROM task_progress WHERE 1 = 1"
    params: list[Any] = []
    if task_id is not None:
        sql += " AND task_id = ?"
        params.append(task_id)
    if not retracted:
        sql += " AND retracted_at IS NULL"
    return list(db.query(sql + " ORDER BY task_id, reported_on, id", params))


def get_progress(db: sqlite_utils.Database, note_id: int) -> Row | None:
    rows = list(db.query(f"SELECT {', '.join(PROGRESS_COLUMNS)} FROM task_progress WHERE id = ?", [note_id]))
    return rows[0] if rows else None


def insert_progress(db: sqlite_utils.Database, row: Mapping[str, Any]) -> int:
    cursor = db.execute(
        "INSERT INTO task_progress (task_id, doc_id, reported_on, status, note, author, entered_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            row["task_id"],
            row["doc_id"],
            row["reported_on"],
            row["status"],
            row["note"],
            row.get("author"),
            row["entered_at"],
        ],
    )
    return int(cursor.lastrowid or 0)


def retract_progress(db: sqlite_utils.Database, note_id: int, at: str) -> bool:
    return (
        db.execute(
            "UPDATE task_progress SET retracted_at = ? WHERE id = ? AND retracted_at IS NULL", [at, note_id]
        ).rowcount
        > 0
    )


def write_audit(db: sqlite_utils.Database, **entry: Any) -> None:
    audit.write(db, "task_audit", **entry)


def audit_rows(db: sqlite_utils.Database, entity_id: str | None = None) -> list[Row]:
    return audit.rows(db, "task_audit", entity_id)
