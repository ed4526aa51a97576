"""Schema v4: indicator tables, their constraints, and upgrades from older files."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from db import indicators as store
from db.connection import open_database
from db.migrations import LATEST, schema_version

FIXTURES = Path(__file__).parent / "fixtures"


def _row(**extra):
    row = dict(
        id="i1",
        doc_id=None,
        clause_id=None,
        name="产业规模",
        measure="产业规模",
        region="长沙市",
        unit="亿元",
        comparator="at_least",
        comparator_word="达到",
        target_low=4000.0,
        target_high=None,
        baseline=None,
        baseline_period=None,
        deadline="2025",
        recurring=0,
        source_text=None,
        origin="manual",
        proposal_key=None,
        created_at="2026-01-01T00:00:00",
        updated_at="2026-01-01T00:00:00",
    )
    row.update(extra)
    return row


def test_a_version_one_file_gets_empty_indicator_tables(tmp_path):
    path = tmp_path / "library.sqlite3"
    shutil.copy(FIXTURES / "library-v1.sqlite3", path)
    db = open_database(path)
    assert schema_version(db.conn) == LATEST >= 4
    assert {"indicators", "observations", "indicator_audit", "rejected_proposals"} <= set(db.table_names())
    assert db.execute("SELECT count(*) FROM indicators").fetchone()[0] == 0


def test_a_range_whose_top_is_below_its_bottom_is_refused_by_the_schema(tmp_path):
    db = open_database(tmp_path / "library.sqlite3")
    with pytest.raises(sqlite3.IntegrityError):
        store.insert_indicator(db, _row(target_low=3.0, target_high=2.0))
    assert store.list_indicators(db) == []


def test_deleting_an_indicator_deletes_its_observations_and_keeps_the_audit(tmp_path):
    db = open_database(tmp_path / "library.sqlite3")
    store.insert_indicator(db, _row())
    store.upsert_observation(
        db, {"indicator_id": "i1", "period": "2023", "value": 3000.0, "entered_at": "2026-01-02T00:00:00"}
    )
    store.write_audit(
        db,
        at="2026-01-02T00:00:00",
        actor="张三",
        entity="observation",
        entity_id="i1",
        action="record",
        before=None,
        after={"value": 3000.0},
    )
    assert store.delete_indicator(db, "i1")
    assert store.observations_of(db, "i1") == []
    (entry,) = store.audit_rows(db, "i1")
    assert entry["after"] == {"value": 3000.0} and entry["actor"] == "张三"


def test_an_observation_needs_an_existing_indicator(tmp_path):
    db = open_database(tmp_path / "library.sqlite3")
    with pytest.raises(sqlite3.IntegrityError):
        store.upsert_observation(
            db, {"indicator_id": "missing", "period": "2023", "value": 1.0, "entered_at": "x"}
        )
