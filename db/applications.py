"""Rows of the application family of tables: applications, application_revisions, evidence_files.

Plain dicts in and out; ``workbench.core.applications`` turns them into its types.
Saving an application writes its current row and a revision row in one
transaction, so the two never disagree.
"""

from __future__ import annotations

from typing import Any

import sqlite_utils

from db.documents import transaction

Row = dict[str, Any]


def insert_application(
    db: sqlite_utils.Database, app_id: str, name: str, rules_id: str, data: str, at: str, summary: str
) -> None:
    """A new application at revision 1 (its first revision row included)."""
    with transaction(db):
        db.execute(
            "INSERT INTO applications (id, name, rules_id, revision, data, created_at, updated_at) VALUES ("
            "?, ?, ?, 1, ?, ?, ?)",
            [app_id, name, rules_id, data, at, at],
        )
        db.execute(
            "INSERT INTO application_revisions (app_id, revision, saved_at, summary, data) VALUES (?, 1, ?, ?, ?)",
            [app_id, at, summary, data],
        )


def save_revision(
    db: sqlite_utils.Database,
    app_id: str,
    expected_revision: int,
    name: str,
    rules_id: str,
    data: str,
    at: str,
    summary: str,
) -> int:
    """Store a new revision of an existing application; returns its number. Raises
    ``StaleRevisionError`` when someone saved in between (``expected_revision`` is not current)."""
    with transaction(db):
        rows = list(db.query("SELECT revision FROM applications WHERE id = ?", [app_id]))
        if not rows:
            raise KeyError(app_id)
        current = int(rows[0]["revision"])
        if current != expected_revision:
            raise StaleRevisionError(app_id, expected_revision, current)
        revision = current + 1
        db.execute(
            "UPDATE applications SET name = ?, rules_id = ?, revision = ?, data = ?, updated_at = ? WHERE id = ?",
            [name, rules_id, revision, data, at, app_id],
        )
        db.execute(
            "INSERT INTO application_revisions (app_id, revision, saved_at, summary, data) VALUES (?, ?, ?, ?, ?)",
            [app_id, revision, at, summary, data],
        )
        return revision


class StaleRevisionError(RuntimeError):
    def __init__(self, app_id: str, expected: int, found: int) -> None:
        super().__init__(f"application {app_id}: expected revision {expected}, found {found}")
        self.app_id, self.expected, self.found = app_id, expected, found


def get_application(db: sqlite_utils.Database, app_id: str) -> Row | None:
    rows = list(db.query("SELECT * FROM applications WHERE id = ?", [app_id]))
    return rows[0] if rows else None


def list_applications(db: sqlite_utils.Database) -> list[Row]:
    return list(
        db.query(
            "SELECT id, name, rules_id, revision, created_at, updated_at FROM applications ORDER BY updated_at DESC, id"
        )
    )


def list_revisions(db: sqlite_utils.Database, app_id: str) -> list[Row]:
    return list(
        db.query(
            "SELECT app_id, revision, saved_at, summary FROM application_revisions WHERE app_id = ? ORDER BY revision",
            [app_id],
        )
    )


def get_revision(db: sqlite_utils.Database, app_id: str, revision: int) -> Row | None:
    rows = list(
        db.query("SELECT * FROM application_revisions WHERE app_id = ? AND revision = ?", [app_id, revision])
    )
    return rows[0] if rows else None


def add_evidence_file(
    db: sqlite_utils.Database,
    app_id: str,
    condition_key: str,
    file_name: str,
    sha256: str,
    size: int,
    at: str,
) -> int:
    with transaction(db):
        cursor = db.execute(
            "INSERT INTO evidence_files (app_id, condition_key, file_name, sha256, size, added_at) VALUES ("
            "?, ?, ?, ?, ?, ?)",
            [app_id, condition_key, file_name, sha256, size, at],
        )
        return int(cursor.lastrowid or 0)


def remove_evidence_file(db: sqlite_utils.Database, app_id: str, file_id: int, at: str) -> bool:
    """Detach a file (its row stays, marked removed); False when there is no such attached file."""
    with transaction(db):
        cursor = db.execute(
            "UPDATE evidence_files SET removed_at = ? WHERE id = ? AND app_id = ? AND removed_at IS NULL",
            [at, file_id, app_id],
        )
        return cursor.rowcount > 0


def evidence_files(db: sqlite_utils.Database, app_id: str, *, include_removed: bool = False) -> list[Row]:
    where = "" if include_removed else " AND removed_at IS NULL"
    return list(db.query(f"SELECT * FROM evidence_files WHERE app_id = ?{where} ORDER BY id", [app_id]))
