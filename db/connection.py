"""Open the workbench's SQLite file: WAL, foreign keys, a busy timeout, migrated.

Before SQLite is given the file, it is checked: a directory in its place, an
empty or truncated file, a header that is not SQLite's, a schema version that
does not match the tables, or pages that ``PRAGMA quick_check`` finds damaged
raise :class:`DatabaseDamagedError` with a reason code and the backups there
are, and nothing is written to the file. Restoring a backup or starting a new
library happens only when asked (:func:`restore_latest_backup`,
:func:`start_new_library`); the damaged file is kept beside it.

Write transactions start with ``BEGIN IMMEDIATE`` (:func:`transaction`), so a
second writer waits for the busy timeout instead of failing at once; while one
is open, ``library.sqlite3.writer`` names the process that holds the library,
which is what a writer that waited in vain tells the person.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import os
import sqlite3
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from db.migrations import LATEST, MIGRATIONS, migrate, refuse_newer

BUSY_TIMEOUT_MS = 10000
HEADER = b"SQLite format 3\x00"


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


# --------------------------------------------------------------------------
# Errors a person can act on
# --------------------------------------------------------------------------


class DatabaseLockedError(RuntimeError):
    """Another process holds the database longer than the busy timeout.

    ``holder`` describes that process when it is known (``pid 123: python3 main.py
    docs import …, since 18:40:02``)."""

    def __init__(self, path: Path | str, holder: str | None = None) -> None:
        super().__init__(f"{path}" + (f" ({holder})" if holder else ""))
        self.path = Path(path)
        self.holder = holder


# Reason codes of a damaged store (words for them: workbench.core.words.STORE_PROBLEM_WORDS).
NOT_A_FILE = "not_a_file"
EMPTY = "empty"
NOT_SQLITE = "not_sqlite"
TRUNCATED = "truncated"
DAMAGED_PAGES = "damaged_pages"
BAD_VERSION = "bad_version"
SCHEMA_MISMATCH = "schema_mismatch"


class DatabaseDamagedError(RuntimeError):
    """The file cannot be used as it is; nothing was written to it."""

    def __init__(self, path: Path, reason: str, detail: str = "") -> None:
        super().__init__(f"{path}: {reason}" + (f" ({detail})" if detail else ""))
        self.path, self.reason, self.detail = path, reason, detail
        self.backups = backups_of(path)


class DiskFullError(OSError):
    """The disk (or the file-size limit) is full; what was committed before stays."""

    def __init__(self, path: Path | str, detail: str = "") -> None:
        super().__init__(errno.ENOSPC, "disk full" + (f": {detail}" if detail else ""), str(path))


def is_disk_full(exc: BaseException) -> bool:
    if isinstance(exc, DiskFullError):
        return True
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
        return True
    if isinstance(exc, sqlite3.OperationalError | sqlite3.DatabaseError):
        text = str(exc).lower()
        return "database or disk is full" in text
    return False


def is_write_failure(exc: BaseException) -> bool:
    """The disk refused a write (full, over a size limit, an I/O error): not a bug."""
    if is_disk_full(exc):
        return True
    return isinstance(exc, sqlite3.OperationalError) and "disk i/o error" in str(exc).lower()


def is_locked(exc: BaseException) -> bool:
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in str(exc) or "busy" in str(exc))


# --------------------------------------------------------------------------
# Who holds the library
# --------------------------------------------------------------------------


def _holder_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".writer")


def _describe_self() -> str:
    argv = " ".join(sys.argv) or "python3"
    return json.dumps(
        {"pid": os.getpid(), "program": argv[:300], "since": dt.datetime.now().strftime("%H:%M:%S")},
        ensure_ascii=False,
    )


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def current_holder(db_path: Path) -> str | None:
    """Which process holds the write lock, as recorded by it (None when unknown or gone)."""
    try:
        raw = json.loads(_holder_path(db_path).read_text(encoding="utf-8"))
        pid = int(raw["pid"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if pid == os.getpid() or not _alive(pid):
        return None
    return f"pid {pid}: {raw.get('program', '?')}, since {raw.get('since', '?')}"


def _db_path(db: sqlite_utils.Database) -> Path | None:
    row = db.conn.execute("PRAGMA database_list").fetchone()
    return Path(row[2]) if row and row[2] else None


@contextlib.contextmanager
def transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One write transaction (a savepoint when nested), rolled back on any error.

    ``BEGIN IMMEDIATE`` takes the write lock before anything is read, so the busy
    timeout applies (a deferred transaction that reads first cannot wait for the
    lock: SQLite refuses it at once). A wait that runs out raises
    :class:`DatabaseLockedError` naming the holder; a full disk raises what SQLite raised
    (:func:`is_disk_full` tells it), after the rollback."""
    conn = db.conn
    if conn.in_transaction:
        with db.atomic():
            yield db
        return
    path = _db_path(db)
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        if is_locked(exc):
            raise DatabaseLockedError(path or "?", current_holder(path) if path else None) from None
        if is_disk_full(exc):
            raise DiskFullError(path or "?", str(exc)) from None
        raise
    holder = _holder_path(path) if path else None
    if holder is not None:
        with contextlib.suppress(OSError):  # only a courtesy to the next writer
            holder.write_text(_describe_self(), encoding="utf-8")
    try:
        yield db
        conn.execute("COMMIT")
    except BaseException as exc:
        if conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
        if is_locked(exc):
            raise DatabaseLockedError(path or "?", current_holder(path) if path else None) from exc
        raise
    finally:
        if holder is not None:
            with contextlib.suppress(OSError):
                holder.unlink()


# --------------------------------------------------------------------------
# Checking and opening the file
# --------------------------------------------------------------------------


def backups_of(path: Path) -> list[Path]:
    """The backups beside ``path``, newest first."""
    try:
        found = [p for p in path.parent.glob(f"{path.name}.v*.bak") if p.is_file()]
    except OSError:
        return []
    return sorted(found, key=lambda p: (p.stat().st_mtime, p.name), reverse=True)


@cache
def _tables_by_version() -> dict[int, frozenset[str]]:
    """The tables each schema version has, found by running the steps in memory."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    tables = {0: frozenset[str]()}
    for version, step in enumerate(MIGRATIONS, start=1):
        conn.executescript(step)
        tables[version] = _tables(conn)
    conn.close()
    return tables


def _tables(conn: sqlite3.Connection) -> frozenset[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    return frozenset(r[0] for r in rows)


def check_header(path: Path) -> None:
    """What can be told without SQLite: a directory, an empty, foreign or truncated file."""
    if not path.exists() and not path.is_symlink():
        return
    if not path.is_file():
        raise DatabaseDamagedError(path, NOT_A_FILE)
    size = path.stat().st_size
    wal = path.with_name(path.name + "-wal")
    if size == 0:
        if wal.is_file() and wal.stat().st_size > 0:
            return  # WAL mode before the first checkpoint: SQLite reads the pages from the log
        raise DatabaseDamagedError(path, EMPTY)
    with open(path, "rb") as f:
        head = f.read(100)
    if len(head) < 100:
        raise DatabaseDamagedError(path, TRUNCATED, f"{size} bytes")
    if head[:16] != HEADER:
        raise DatabaseDamagedError(path, NOT_SQLITE)
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise DatabaseDamagedError(path, NOT_SQLITE, f"page size {page_size}")
    pages = int.from_bytes(head[28:32], "big")
    counter, valid_for = head[24:28], head[92:96]
    if size % page_size:
        raise DatabaseDamagedError(path, TRUNCATED, f"{size} bytes is not a whole number of pages")
    if counter == valid_for and pages and size < pages * page_size:
        raise DatabaseDamagedError(path, TRUNCATED, f"{size} of {pages * page_size} bytes")


def check_contents(conn: sqlite3.Connection, path: Path) -> int:
    """The schema version, once the pages and the tables have been found sound."""
    try:
        problems = [r[0] for r in conn.execute("PRAGMA quick_check(5)")]
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        tables = _tables(conn)
    except sqlite3.DatabaseError as exc:
        if is_locked(exc):
            raise
        reason = NOT_SQLITE if "not a database" in str(exc) else DAMAGED_PAGES
        raise DatabaseDamagedError(path, reason, str(exc)) from None
    if problems != ["ok"]:
        raise DatabaseDamagedError(path, DAMAGED_PAGES, "; ".join(problems)[:300])
    if version < 0:
        raise DatabaseDamagedError(path, BAD_VERSION, str(version))
    expected = _tables_by_version().get(version)
    if expected is not None and tables != expected:
        missing, extra = sorted(expected - tables), sorted(tables - expected)
        detail = f"version {version}" + (f", missing {', '.join(missing)}" if missing else "")
        detail += f", unexpected {', '.join(extra)}" if extra else ""
        raise DatabaseDamagedError(path, SCHEMA_MISMATCH, detail)
    return version


def connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def _create(path: Path) -> None:
    """A new library: built under a temporary name and renamed into place, so that a
    crash never leaves an empty ``library.sqlite3`` (which would read as damaged)."""
    tmp = path.with_name(f".{path.name}.new-{os.getpid()}")
    tmp.unlink(missing_ok=True)
    conn = sqlite3.connect(str(tmp), isolation_level=None)
    try:
        migrate(conn, tmp)
        conn.execute("PRAGMA journal_mode = WAL")
    finally:
        conn.close()
    with contextlib.suppress(OSError):
        os.chmod(tmp, 0o600)
    try:
        os.link(tmp, path)  # fails if another process created it meanwhile: keep theirs
    except FileExistsError:
        pass
    except OSError:
        if not path.exists():
            os.replace(tmp, path)
    tmp.unlink(missing_ok=True)


def open_database(path: Path) -> sqlite_utils.Database:
    """Open (creating if needed), check and migrate the database at ``path``.

    Raises ``db.migrations.DatabaseTooNewError`` for a file written by a newer
    workbench, :class:`DatabaseDamagedError` for a file that cannot be used,
    :class:`DatabaseLockedError` when another process keeps it locked and
    :class:`DiskFullError` when there is no room to write."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        check_header(path)
        if not path.exists():
            _create(path)
            check_header(path)
        conn = connect(path)
        try:
            version = check_contents(conn, path)
            refuse_newer(conn, path)  # before anything writes to the file, WAL included
            if version != LATEST:
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            migrate(conn, path)
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                conn.close()
            raise
    except sqlite3.OperationalError as exc:
        if is_locked(exc):
            raise DatabaseLockedError(path, current_holder(path)) from None
        if is_disk_full(exc):
            raise DiskFullError(path, str(exc)) from None
        raise
    except OSError as exc:
        if is_disk_full(exc):
            raise DiskFullError(path, str(exc)) from None
        raise
    return sqlite_utils.Database(conn)


# --------------------------------------------------------------------------
# On request: restore the latest good backup, or start a new library
# --------------------------------------------------------------------------


def _set_aside(path: Path) -> Path | None:
    """Move the damaged file (and its WAL) out of the way, keeping it."""
    if not path.exists() and not path.is_symlink():
        return None
    stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while aside.exists():
        n += 1
        aside = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    os.replace(path, aside)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, aside.with_name(aside.name + suffix))
    return aside


def usable_backup(backup: Path) -> bool:
    try:
        check_header(backup)
        conn = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
        try:
            version = check_contents(conn, backup)
        finally:
            conn.close()
    except (DatabaseDamagedError, sqlite3.Error, OSError):
        return False
    return 0 < version <= LATEST


def restore_latest_backup(path: Path) -> tuple[Path, Path | None]:
    """Put the newest backup that passes the checks in place of ``path`` (set aside,
    not deleted). Returns (the backup used, where the old file went). Raises
    ``FileNotFoundError`` when no backup is usable."""
    for backup in backups_of(path):
        if usable_backup(backup):
            break
    else:
        raise FileNotFoundError(errno.ENOENT, "no usable backup", str(path))
    tmp = path.with_name(f".{path.name}.restore-{os.getpid()}")
    src = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    dest = sqlite3.connect(str(tmp))
    try:
        src.backup(dest)
    finally:
        dest.close()
        src.close()
    with contextlib.suppress(OSError):
        os.chmod(tmp, 0o600)
    aside = _set_aside(path)
    os.replace(tmp, path)
    return backup, aside


def start_new_library(path: Path) -> Path | None:
    """Set the damaged file aside (kept, renamed ``….damaged-<time>``); the next
    open starts an empty library. Returns where the old file went."""
    aside = _set_aside(path)
    _holder_path(path).unlink(missing_ok=True)
    return aside
