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
from workbench.core.search.saved import SEARCHES_FILE
from workbench.core.search.service import SearchService
from workbench.core.search.thesaurus import USER_THESAURUS_FILE
from workbench.core.tasks.ledger import LinkedTarget, TaskService
from workbench.core.tasks.units import UnitTable

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Mapping, Sequence

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
    tasks: TaskService

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
            SearchService(
                library, data_dir / INDEX_DIR, data_dir / USER_THESAURUS_FILE, data_dir / SEARCHES_FILE
            ),
            indicators=IndicatorService(db, library),
            applications=ApplicationService(db, data_dir),
            tasks=TaskService(db, lambda: UnitTable.for_data_dir(data_dir)),
        )
        workspace.tasks.targets = workspace.targets_by_clause
        library.reparse_stale()
        if seed:
            library.seed_bundled()
            workspace.indicators.seed_bundled()  # after the documents its targets cite
        return workspace

    def targets_by_clause(self, as_of: dt.date) -> Mapping[str, Sequence[LinkedTarget]]:
        """The indicators of each clause with their status, for the task of the same clause.

        The join lives here, above both domains: tasks and indicators are siblings that may
        not import each other, and one join serves the panel, the CLI and the exports alike."""
        from workbench.core.indicators.progress import status_text

        out: dict[str, list[LinkedTarget]] = {}
        for report in self.indicators.list(as_of):
            clause_id = report.indicator.clause_id
            if clause_id:
                out.setdefault(clause_id, []).append(
                    LinkedTarget(
                        report.indicator.id, report.indicator.name, report.status.value, status_text(report)
                    )
                )
        return out

    def close(self) -> None:
        self.search.close()
        self.db.close()
