"""Open the workbench's SQLite file: WAL, foreign keys, a busy timeout, migrated."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from db.migrations import migrate, refuse_newer

BUSY_TIMEOUT_MS = 5000


def _import_sqlite_utils_without_pandas():  # type: ignore[no-untyped-def]
    """sqlite-utils imports pandas and numpy, when installed, only to map their scalar
    types to column types: 0.7 s of start-up for values we never give it (tables
    from pandas are converted to plain Python first). Import it with both hidden."""
    hidden = {name: sys.modules.get(name) for name in ("pandas", "numpy")}
    if all(module is None for module in hidden.values()):
        for name in hidden:
            sys.modules[name] = None  # type: ignore[assignment]  # makes `import name` fail fast
        try:
            import sqlite_utils
        finally:
            for name in hidden:
                del sys.modules[name]
    import sqlite_utils

    return sqlite_utils


if TYPE_CHECKING:
    import sqlite_utils
else:
    sqlite_utils = _import_sqlite_utils_without_pandas()


class DatabaseLockedError(RuntimeError):
    """Another process holds the database longer than the busy timeout."""


def connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def open_database(path: Path) -> sqlite_utils.Database:
    """Open (creating if needed) and migrate the database at ``path``.

    Raises ``db.migrations.DatabaseTooNewError`` for a file written by a newer
    workbench, and ``DatabaseLockedError`` when another process keeps it locked.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = connect(path)
        refuse_newer(conn, path)  # before anything writes to the file, WAL included
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        migrate(conn, path)
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise DatabaseLockedError(str(path)) from exc
        raise
    return sqlite_utils.Database(conn)
