"""Audit rows (who changed what, with the state before and after) for any table of the same shape.

The indicators (``indicator_audit``) and the task ledger (``task_audit``) keep one table each
with the columns id, at, actor, entity, entity_id, action, before, after (JSON).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import sqlite_utils

Row = dict[str, Any]
AUDIT_TABLES = frozenset({"indicator_audit", "task_audit"})  # table names are never user input


def write(
    db: sqlite_utils.Database,
    table: str,
    *,
    at: str,
    actor: str | None,
    entity: str,
    entity_id: str,
    action: str,
    before: Mapping[str, Any] | None,
    after: Mapping[str, Any] | None,
) -> None:
    assert table in AUDIT_TABLES, table
    db.execute(
        f"INSERT INTO {table} (at, actor, entity, entity_id, action, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [at, actor, entity, entity_id, action, _json(before), _json(after)],
    )


def rows(db: sqlite_utils.Database, table: str, entity_id: str | None = None) -> list[Row]:
    assert table in AUDIT_TABLES, table
    sql = f"SELECT id, at, actor, entity, entity_id, action, before, after FROM {table}"
    params: list[Any] = []
    if entity_id is not None:
        sql += " WHERE entity_id = ?"
        params.append(entity_id)
    found = list(db.query(sql + " ORDER BY id", params))
    for r in found:
        r["before"] = json.loads(r["before"]) if r["before"] else None
        r["after"] = json.loads(r["after"]) if r["after"] else None
    return found


def _json(data: Mapping[str, Any] | None) -> str | None:
    return None if data is None else json.dumps(dict(data), ensure_ascii=False, sort_keys=True)
