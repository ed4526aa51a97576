"""Schema step 3: applications, their revisions and evidence files."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from db import applications as table
from db.applications import StaleRevisionError
from db.connection import open_database

FIXTURES = Path(__file__).parent / "fixtures"


def test_a_version_one_file_gains_the_application_tables_empty(tmp_path):
    path = tmp_path / "library.sqlite3"
    shutil.copy(FIXTURES / "library-v1.sqlite3", path)
    db = open_database(path)
    assert {"applications", "application_revisions", "evidence_files"} <= set(db.table_names())
    assert table.list_applications(db) == []
    columns = {c.name for c in db.table("evidence_files").columns}
    assert {"condition_key", "sha256", "size", "removed_at"} <= columns


def test_saving_keeps_every_revision_and_the_current_row_in_step(tmp_path):
    db = open_database(tmp_path / "library.sqlite3")
    table.insert_application(db, "a1", "申报", "rules-x", '{"v": 1}', "2026-09-01T00:00:00+00:00", "新建")
    assert (
        table.save_revision(db, "a1", 1, "申报", "rules-x", '{"v": 2}', "2026-09-02T00:00:00+00:00", "改")
        == 2
    )
    assert table.get_application(db, "a1")["data"] == '{"v": 2}'
    assert [r["summary"] for r in table.list_revisions(db, "a1")] == ["新建", "改"]
    assert table.get_revision(db, "a1", 1)["data"] == '{"v": 1}'


def test_a_save_over_a_newer_revision_is_refused_and_changes_nothing(tmp_path):
    db = open_database(tmp_path / "library.sqlite3")
    table.insert_application(db, "a1", "申报", "rules-x", '{"v": 1}', "t1", "新建")
    table.save_revision(db, "a1", 1, "申报", "rules-x", '{"v": 2}', "t2", "改")
    with pytest.raises(StaleRevisionError):
        table.save_revision(db, "a1", 1, "申报", "rules-x", '{"v": 3}', "t3", "旧窗口")
    assert table.get_application(db, "a1")["revision"] == 2
    assert len(table.list_revisions(db, "a1")) == 2


def test_a_detached_evidence_file_keeps_its_row(tmp_path):
    db = open_database(tmp_path / "library.sqlite3")
    table.insert_application(db, "a1", "申报", "rules-x", "{}", "t1", "新建")
    file_id = table.add_evidence_file(db, "a1", "c1:x", "证书.pdf", "a" * 64, 10, "t2")
    assert table.remove_evidence_file(db, "a1", file_id, "t3")
    assert not table.remove_evidence_file(db, "a1", file_id, "t4")
    assert table.evidence_files(db, "a1") == []
    assert table.evidence_files(db, "a1", include_removed=True)[0]["removed_at"] == "t3"


def test_the_schema_refuses_impossible_rows(tmp_path):
    db = open_database(tmp_path / "library.sqlite3")
    table.insert_application(db, "a1", "申报", "rules-x", "{}", "t1", "新建")
    with pytest.raises(sqlite3.IntegrityError):
        table.add_evidence_file(db, "a1", "k", "f", "short-hash", 1, "t")
    with pytest.raises(sqlite3.IntegrityError):
        table.add_evidence_file(db, "no-such-app", "k", "f", "b" * 64, 1, "t")
