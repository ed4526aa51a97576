"""Where the workbench keeps its data (light: no database or index code)."""

from __future__ import annotations

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
