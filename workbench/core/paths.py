"""Where the workbench keeps its data (light: no database or index code)."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

import platformdirs

# What ships with the workbench: documents, rules, reviewed targets, fonts, translations.
RESOURCES_DIR = Path(__file__).resolve().parents[2] / "resources"

APP_NAME = "PolicyWorkbench"
DATABASE_FILE = "library.sqlite3"
INDEX_DIR = "search-index"
SETTINGS_FILE = "settings.ini"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def resolve_data_dir(data_dir: Path | None) -> Path:
    return (data_dir or default_data_dir()).expanduser().resolve()


def default_cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def make_private_dir(path: Path) -> Path:
    """Create ``path`` readable by its owner only (0700); the files inside follow it.

    A folder that already holds a library and is open to others is closed (an older
    version created it 0755); a folder of someone else's, or one without our files,
    keeps its mode."""
    if not path.is_dir():
        for parent in reversed(path.parents):
            if not parent.exists():
                parent.mkdir(mode=0o700, exist_ok=True)
        path.mkdir(mode=0o700, exist_ok=True)
    with contextlib.suppress(OSError):
        st = path.stat()
        ours = not hasattr(os, "getuid") or st.st_uid == os.getuid()
        open_to_others = st.st_mode & (stat.S_IRWXG | stat.S_IRWXO)
        holds_library = not any(path.iterdir()) or (path / DATABASE_FILE).exists()
        if ours and open_to_others and holds_library:
            os.chmod(path, 0o700)
    return path


def private_cache_dir(name: str) -> Path:
    """A folder of the user's own cache (0700) for ``name`` (e.g. jieba's dictionary cache)."""
    root = make_private_dir(default_cache_dir())
    return make_private_dir(root / name)


def keep_jieba_cache_private(jieba: object) -> None:
    """Point jieba's dictionary cache (``jieba.cache``, a marshal file it loads without
    checking who wrote it) at the user's own cache folder instead of the shared temp
    folder, where any local account could plant one. Call before jieba initialises."""
    tokenizer = getattr(jieba, "dt")  # noqa: B009 - the default tokenizer
    if getattr(tokenizer, "initialized", False):
        return
    try:
        tokenizer.tmp_dir = str(private_cache_dir("jieba"))
    except OSError:
        # No writable cache folder: a private temporary one, built afresh each run.
        import tempfile

        tokenizer.tmp_dir = tempfile.mkdtemp(prefix="workbench-jieba-")
    tokenizer.cache_file = None  # the default name inside tmp_dir
