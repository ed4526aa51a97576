"""The data folder and the services built on it, shared by the CLI and the window."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from db.connection import open_database  # first: it imports sqlite-utils without pandas
from workbench.core.checklist.applications import ApplicationService
from workbench.core.corpus.library import Library
from workbench.core.indicators.service import IndicatorService
from workbench.core.paths import DATABASE_FILE, INDEX_DIR, make_private_dir, resolve_data_dir
from workbench.core.search.service import SearchService

if TYPE_CHECKING:
    import sqlite_utils

__all__ = ["INDEX_DIR", "Workspace"]


@dataclass
class Workspace:
    data_dir: Path
    db: sqlite_utils.Database
    library: Library
    search: SearchService
    indicators: IndicatorService
    applications: ApplicationService

    @classmethod
    def open(cls, data_dir: Path | None = None, *, seed: bool = True) -> Workspace:
        """Open (creating and migrating as needed) the store in ``data_dir``; on
        first start fill it with the bundled corpus."""
        data_dir = resolve_data_dir(data_dir)
        make_private_dir(data_dir)
        db = open_database(data_dir / DATABASE_FILE)
        library = Library(db)
        workspace = cls(
            data_dir,
            db,
            library,
            SearchService(library, data_dir / INDEX_DIR),
            indicators=IndicatorService(db, library),
            applications=ApplicationService(db, data_dir),
        )
        library.reparse_stale()
        if seed:
            library.seed_bundled()
            workspace.indicators.seed_bundled()  # after the documents its targets cite
        return workspace

    def close(self) -> None:
        self.search.close()
        self.db.close()
