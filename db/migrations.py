"""Schema versions, kept in ``PRAGMA user_version`` and applied in order.

Each step runs in one transaction. Before upgrading a file that already holds
data, a copy is taken next to it (``library.sqlite3.v1-20261124T120000.bak``)
with SQLite's backup API. A file written by a newer version is refused, never
touched.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path


class DatabaseTooNewError(RuntimeError):
    def __init__(self, path: Path, found: int, supported: int) -> None:
        super().__init__(f"{path}: schema version {found} is newer than this program supports ({supported})")
        self.path, self.found, self.supported = path, found, supported


_V1_DOCUMENTS_AND_CLAUSES = """
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            doc_number TEXT,
            issuer TEXT,
            issued TEXT,
            published TEXT,
            effective_from TEXT,
            valid_until TEXT,
            validity_note TEXT,
            level TEXT NOT NULL,
            region TEXT,
            source_name TEXT NOT NULL,
            source_format TEXT NOT NULL,
            source_encoding TEXT,
            source_sha256 TEXT NOT NULL UNIQUE,
            source_text TEXT NOT NULL,
            bundled INTEGER NOT NULL DEFAULT 0,
            parser_version INTEGER NOT NULL,
            imported_at TEXT NOT NULL
        );
        CREATE TABLE clauses (
            id TEXT PRIMARY KEY,
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            parent_id TEXT REFERENCES clauses(id) ON DELETE CASCADE,
            path TEXT NOT NULL,
            ordinal INTEGER NOT NULL,
            level INTEGER NOT NULL,
            kind TEXT NOT NULL,
            marker TEXT NOT NULL,
            heading TEXT NOT NULL,
            body TEXT NOT NULL,
            responsible TEXT,
            text TEXT NOT NULL,
            span_start INTEGER NOT NULL,
            span_end INTEGER NOT NULL,
            UNIQUE (doc_id, ordinal)
        );
        CREATE INDEX clauses_parent ON clauses(parent_id);
        CREATE TABLE noise (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            kind TEXT NOT NULL,
            PRIMARY KEY (doc_id, start)
        );
        CREATE TABLE app_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


# Added with reference resolution; existing documents get theirs when the
# library re-derives documents parsed by an older parser version.
_V2_REFERENCES_AND_REPEALS = """
        CREATE TABLE doc_references (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            kind TEXT NOT NULL,
            value TEXT NOT NULL,
            title TEXT,
            clause_id TEXT,
            PRIMARY KEY (doc_id, ordinal)
        );
        CREATE TABLE repeals (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            doc_number TEXT,
            title TEXT,
            raw TEXT NOT NULL,
            PRIMARY KEY (doc_id, ordinal)
        );
        UPDATE documents SET parser_version = 0;
"""


# Subsidy applications (checklists against a rules file): the current state of each
# application (``data``: the application file JSON), every saved revision, and the
# evidence files attached to conditions. Detached files keep their row (``removed_at``),
# so the history of what was attached is never lost; the file itself lives once in
# DATA_DIR/evidence/<sha256>.
_V3_APPLICATIONS = """
        CREATE TABLE applications (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            rules_id TEXT NOT NULL,
            revision INTEGER NOT NULL CHECK (revision >= 1),
            data TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE application_revisions (
            app_id TEXT NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
            revision INTEGER NOT NULL CHECK (revision >= 1),
            saved_at TEXT NOT NULL,
            summary TEXT NOT NULL,
            data TEXT NOT NULL,
            PRIMARY KEY (app_id, revision)
        );
        CREATE TABLE evidence_files (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            app_id TEXT NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
            condition_key TEXT NOT NULL,
            file_name TEXT NOT NULL,
            sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
            size INTEGER NOT NULL CHECK (size >= 0),
            added_at TEXT NOT NULL,
            removed_at TEXT
        );
        CREATE INDEX evidence_files_app ON evidence_files(app_id, condition_key);
"""


# Local indicators: targets taken from plan clauses, observations per period, and an
# audit log of every change (nothing is overwritten silently). ``proposal_key`` ties an
# indicator to the extracted proposal it was accepted from; rejected proposals are kept
# so that they are not proposed again.
_V4_INDICATORS = """
        CREATE TABLE indicators (
            id TEXT PRIMARY KEY,
            doc_id TEXT,
            clause_id TEXT,
            name TEXT NOT NULL,
            measure TEXT NOT NULL,
            region TEXT,
            unit TEXT NOT NULL,
            comparator TEXT NOT NULL,
            comparator_word TEXT,
            target_low REAL NOT NULL,
            target_high REAL,
            baseline REAL,
            baseline_period TEXT,
            deadline TEXT,
            recurring INTEGER NOT NULL DEFAULT 0,
            source_text TEXT,
            origin TEXT NOT NULL,
            proposal_key TEXT UNIQUE,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK (target_high IS NULL OR target_high >= target_low)
        );
        CREATE INDEX indicators_doc ON indicators(doc_id);
        CREATE INDEX indicators_measure ON indicators(measure);
        CREATE TABLE observations (
            indicator_id TEXT NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
            period TEXT NOT NULL,
            value REAL NOT NULL,
            source_note TEXT,
            entered_by TEXT,
            entered_at TEXT NOT NULL,
            PRIMARY KEY (indicator_id, period)
        );
        CREATE TABLE rejected_proposals (
            proposal_key TEXT PRIMARY KEY,
            doc_id TEXT NOT NULL,
            rejected_at TEXT NOT NULL,
            rejected_by TEXT,
            data TEXT NOT NULL
        );
        CREATE TABLE indicator_audit (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            actor TEXT,
            entity TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            action TEXT NOT NULL,
            before TEXT,
            after TEXT
        );
        CREATE INDEX indicator_audit_entity ON indicator_audit(entity_id);
"""


# Task ledger (督办台账): the tasks themselves are derived from the clauses' responsibility
# lines on every read (so a reparse or an import never leaves them stale); what is stored is
# what people write about them: dated progress notes with a status, keyed by the task's
# citation id (the clause id), and an audit of every change. No foreign key to clauses:
# a note outlives the reparse that rewrites the clause rows, and a removed document's notes
# stay in the audit's history. A retracted note keeps its row (``retracted_at``).
_V5_TASK_PROGRESS = """
        CREATE TABLE task_progress (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            task_id TEXT NOT NULL,
            doc_id TEXT NOT NULL,
            reported_on TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('not_started', 'in_progress', 'done', 'lagging')),
            note TEXT NOT NULL,
            author TEXT,
            entered_at TEXT NOT NULL,
            retracted_at TEXT
        );
        CREATE INDEX task_progress_task ON task_progress(task_id, reported_on);
        CREATE TABLE task_audit (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            actor TEXT,
            entity TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            action TEXT NOT NULL,
            before TEXT,
            after TEXT
        );
        CREATE INDEX task_audit_entity ON task_audit(entity_id);
"""


# 约束性 / 预期性: whether a target is a binding commitment or an expected one (NULL when the
# plan does not say). Plan-monitoring practice warns on binding targets first.
_V6_TARGET_ATTRIBUTE = """
        ALTER TABLE indicators ADD COLUMN attribute TEXT
            CHECK (attribute IS NULL OR attribute IN ('binding', 'expected'));
        CREATE INDEX indicators_attribute ON indicators(attribute);
"""


# Version N is reached by running MIGRATIONS[N - 1]. Never edit a released step: add one.
MIGRATIONS: list[str] = [
    _V1_DOCUMENTS_AND_CLAUSES,
    _V2_REFERENCES_AND_REPEALS,
    _V3_APPLICATIONS,
    _V4_INDICATORS,
    _V5_TASK_PROGRESS,
    _V6_TARGET_ATTRIBUTE,
]
LATEST = len(MIGRATIONS)


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, path: Path) -> Path | None:
    """Bring the database up to ``LATEST``; return the backup taken, if any."""
    found = refuse_newer(conn, path)
    if found == LATEST:
        return None
    backup = _backup(conn, path, found) if found > 0 else None
    for version in range(found + 1, LATEST + 1):
        # BEGIN inside the script: executescript() would commit an outer transaction first.
        script = f"BEGIN IMMEDIATE;\n{MIGRATIONS[version - 1]}\nPRAGMA user_version = {version};\nCOMMIT;"
        try:
            conn.executescript(script)
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if backup is not None and version == found + 1:
                backup.unlink(missing_ok=True)  # the file is as it was: a failed start leaves no copy
            raise
    return backup


def refuse_newer(conn: sqlite3.Connection, path: Path) -> int:
    """The file's schema version; a file from a newer program is closed and refused."""
    found = schema_version(conn)
    if found > LATEST:
        conn.close()
        raise DatabaseTooNewError(path, found, LATEST)
    return found


def _backup(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.v{version}-{stamp}.bak")
    dest = sqlite3.connect(str(target))
    try:
        conn.backup(dest)
    finally:
        dest.close()
    return target
