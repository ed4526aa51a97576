"""Rows of the indicator family of tables: indicators, observations, rejected proposals, audit.

Plain dicts in and out (values must be plain Python: str, int, float, None). The
audit row of a change is written by the same call, inside the caller's
transaction, so a change and its record stand or fall together.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import sqlite_utils

from db import audit

Row = dict[str, Any]

INDICATOR_COLUMNS = (
    "id",
    "doc_id",
    "clause_id",
    "name",
    "measure",
    "region",
    "unit",
    "comparator",
    "comparator_word",
    "target_low",
    "target_high",
    "baseline",
    "baseline_period",
    "deadline",
    "recurring",
    "attribute",
    "source_text",
    "origin",
    "proposal_key",
    "created_at",
    "updated_at",
)


def list_indicators(
    db: sqlite_utils.Database,
    *,
    region: str | None = None,
    doc_id: str | None = None,
    attribute: str | None = None,
) -> list[Row]:
    sql = f"SELECT {', '.join(INDICATOR_COLUMNS)} FROM indicators WHERE 1 = 1"
    params: list[Any] = []
    if attribute is not None:
        sql += " AND attribute = ?"
        params.append(attribute)
    if region is not None:
        sql += " AND region = ?"
        params.append(region)
    if doc_id is not None:
        sql += " AND doc_id = ?"
        params.append(doc_id)
    return list(db.query(sql + " ORDER BY doc_id IS NULL, doc_id, created_at, id", params))


def get_indicator(db: sqlite_utils.Database, indicator_id: str) -> Row | None:
    rows = list(
        db.query(f"SELECT {', '.join(INDICATOR_COLUMNS)} FROM indicators WHERE id = ?", [indicator_id])
    )
    return rows[0] if rows else None


def insert_indicator(db: sqlite_utils.Database, row: Mapping[str, Any]) -> None:
    db.table("indicators").insert(dict(row))


def update_indicator(db: sqlite_utils.Database, indicator_id: str, changes: Mapping[str, Any]) -> None:
    db.table("indicators").update(indicator_id, dict(changes))


def delete_indicator(db: sqlite_utils.Database, indicator_id: str) -> bool:
    return db.execute("DELETE FROM indicators WHERE id = ?", [indicator_id]).rowcount > 0


def observations_of(db: sqlite_utils.Database, indicator_id: str) -> list[Row]:
    return list(
        db.query(
            "SELECT indicator_id, period, value, source_note, entered_by, entered_at FROM observations "
            "WHERE indicator_id = ? ORDER BY period",
            [indicator_id],
        )
    )


def all_observations(db: sqlite_utils.Database) -> list[Row]:
    return list(
        db.query(
            "SELECT indicator_id, period, value, source_note, entered_by, entered_at FROM observations ORDE"
            "R BY indicator_id, period"
        )
    )


def get_observation(db: sqlite_utils.Database, indicator_id: str, period: str) -> Row | None:
    rows = list(
        db.query(
            "SELECT indicator_id, period, value, source_note, entered_by, entered_at FROM observations WHER"
            "E indicator_id = ? AND period = ?",
            [indicator_id, period],
        )
    )
    return rows[0] if rows else None


def upsert_observation(db: sqlite_utils.Database, row: Mapping[str, Any]) -> None:
    db.execute(
        "INSERT INTO observations (indicator_id, period, value, source_note, entered_by, entered_at) VALUES"
        " (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (indicator_id, period) DO UPDATE SET value = excluded.value, source_note = excluded.source_note, "
        "entered_by = excluded.entered_by, entered_at = excluded.entered_at",
        [
            row["indicator_id"],
            row["period"],
            row["value"],
            row.get("source_note"),
            row.get("entered_by"),
            row["entered_at"],
        ],
    )


def delete_observation(db: sqlite_utils.Database, indicator_id: str, period: str) -> bool:
    return (
        db.execute(
            "DELETE FROM observations WHERE indicator_id = ? AND period = ?", [indicator_id, period]
        ).rowcount
        > 0
    )


def rejected_keys(db: sqlite_utils.Database, doc_id: str) -> set[str]:
    return {
        r["proposal_key"]
        for r in db.query("SELECT proposal_key FROM rejected_proposals WHERE doc_id = ?", [doc_id])
    }


def accepted_keys(db: sqlite_utils.Database, doc_id: str) -> set[str]:
    return {
        r["proposal_key"]
        for r in db.query(
            "SELECT proposal_key FROM indicators WHERE doc_id = ? AND proposal_key IS NOT NULL", [doc_id]
        )
    }


def insert_rejection(db: sqlite_utils.Database, row: Mapping[str, Any]) -> None:
    db.table("rejected_proposals").insert(dict(row), replace=True)


def write_audit(db: sqlite_utils.Database, **entry: Any) -> None:
    audit.write(db, "indicator_audit", **entry)


def audit_rows(db: sqlite_utils.Database, entity_id: str | None = None) -> list[Row]:
    return audit.rows(db, "indicator_audit", entity_id)
