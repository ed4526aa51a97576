"""Files written whole or not at all: a half-written export is worse than none."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A temporary file beside ``path`` (same suffix, so writers that go by it still do)
    that replaces ``path`` when the block ends without an error, and is removed otherwise."""
    path = Path(path)
    tmp = _new_file_beside(path)
    try:
        yield tmp
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _new_file_beside(path: Path) -> Path:
    # Not tempfile.mkstemp: its files are 0600, and an export should get the umask's
    # usual permissions like any file the user saves.
    while True:
        tmp = path.with_name(f".{path.stem}-{secrets.token_hex(4)}{path.suffix or '.part'}")
        try:
            os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            continue
        return tmp


def write_atomically(path: Path, data: bytes | str) -> None:
    """Write ``data`` (text as UTF-8) to ``path`` whole or not at all."""
    with replacing(path) as tmp:
        if isinstance(data, str):
            tmp.write_text(data, encoding="utf-8")
        else:
            tmp.write_bytes(data)
