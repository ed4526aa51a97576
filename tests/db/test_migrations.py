"""Schema versions: fresh files, upgrades with a backup, refusal of newer files."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from db.connection import open_database
from db.migrations import LATEST, DatabaseTooNewError, schema_version

FIXTURES = Path(__file__).parent / "fixtures"


def test_a_new_file_gets_the_latest_schema_with_wal_and_foreign_keys(tmp_path):
    db = open_database(tmp_path / "new" / "library.sqlite3")
    assert schema_version(db.conn) == LATEST
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert {"documents", "clauses", "noise", "doc_references", "repeals"} <= set(db.table_names())
    assert not list(tmp_path.glob("new/*.bak")), "nothing to back up in a new file"


def test_a_version_one_file_is_upgraded_after_a_backup_and_keeps_its_data(tmp_path):
    path = tmp_path / "library.sqlite3"
    shutil.copy(FIXTURES / "library-v1.sqlite3", path)
    db = open_database(path)
    assert schema_version(db.conn) == LATEST
    assert (
        db.execute("SELECT count(*) FROM clauses WHERE doc_id = 'hunan-biomedicine-2026'").fetchone()[0] > 20
    )
    # documents parsed before references existed are marked for re-derivation
    assert db.execute("SELECT parser_version FROM documents").fetchone()[0] == 0
    backups = list(tmp_path.glob("library.sqlite3.v1-*.bak"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as old:
        assert schema_version(old) == 1
        assert old.execute("SELECT count(*) FROM documents").fetchone()[0] == 1


def test_a_file_from_a_newer_version_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "library.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE future (x)")
        conn.execute(f"PRAGMA user_version = {LATEST + 5}")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseTooNewError) as info:
        open_database(path)
    assert info.value.found == LATEST + 5 and info.value.supported == LATEST
    assert path.read_bytes() == before


def test_a_failing_migration_step_leaves_the_file_at_its_old_version(tmp_path, monkeypatch):
    from db import migrations

    path = tmp_path / "library.sqlite3"
    shutil.copy(FIXTURES / "library-v1.sqlite3", path)
    monkeypatch.setattr(
        migrations,
        "MIGRATIONS",
        [migrations.MIGRATIONS[0], "CREATE TABLE doc_references (x); SELECT no_such_function();"],
    )
    monkeypatch.setattr(migrations, "LATEST", 2)
    with pytest.raises(sqlite3.OperationalError):
        open_database(path)
    with sqlite3.connect(path) as conn:
        assert schema_version(conn) == 1
        assert "doc_references" not in {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}


def test_an_old_file_gains_the_task_ledger_tables_empty_and_keeps_its_documents(tmp_path):
    path = tmp_path / "library.sqlite3"
    shutil.copy(FIXTURES / "library-v1.sqlite3", path)
    db = open_database(path)
    assert schema_version(db.conn) == LATEST
    assert {"task_progress", "task_audit"} <= set(db.table_names())
    assert db.execute("SELECT count(*) FROM task_progress").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    with pytest.raises(sqlite3.IntegrityError):  # the four statuses only
        db.execute(
            "INSERT INTO task_progress (task_id, doc_id, reported_on, status, note, entered_at) "
            "VALUES ('d:一', 'd', '2026-01-01', 'finished', 'x', '2026-01-01')"
        )
