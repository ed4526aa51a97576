"""Saved searches and the search history, kept in the data folder (``searches.json``).

A saved search is a name, a query with its filters (as :func:`query_to_json`
writes it) and the clauses it found when it last ran, so that a rerun can say
which hits are new. The history keeps the latest queries a person ran, newest
first; a query typed on from the one before replaces it rather than piling up.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from workbench.core.atomic_files import write_atomically

log = logging.getLogger(__name__)

SEARCHES_FILE = "searches.json"
HISTORY_LIMIT = 30


class SavedSearchError(ValueError):
    """A name that cannot be used, or a file that cannot be read; the message says which."""


@dataclass
class SavedSearch:
    name: str
    query: dict[str, Any]  # query_to_json
    created: str
    last_run: str
    seen: list[str] = field(default_factory=list)  # clause ids found when it last ran


@dataclass
class HistoryEntry:
    query: dict[str, Any]
    at: str


def _now() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


class SearchMemory:
    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.saved: list[SavedSearch] = []
        self.history: list[HistoryEntry] = []
        self.load_error: str | None = None
        self._load()

    def _load(self) -> None:
        if self.path is None or not self.path.exists():
            return
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            self.saved = [SavedSearch(**s) for s in data.get("saved", [])]
            self.history = [HistoryEntry(**h) for h in data.get("history", [])]
        except (OSError, ValueError, TypeError, AttributeError) as e:
            # keep the damaged file as it is: nothing is written until the person saves again
            self.load_error = f"{self.path}: {e}"
            log.warning("saved searches: %s", self.load_error)
            self.saved, self.history = [], []

    def _write(self) -> None:
        if self.path is None:
            return
        data = {"saved": [asdict(s) for s in self.saved], "history": [asdict(h) for h in self.history]}
        write_atomically(self.path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")

    # --- saved searches --------------------------------------------------------

    def get(self, name: str) -> SavedSearch | None:
        return next((s for s in self.saved if s.name == name), None)

    def save(self, name: str, query: dict[str, Any], found: list[str]) -> SavedSearch:
        """Save (or replace) a named search with the clauses it finds now."""
        name = name.strip()
        if not name:
            raise SavedSearchError("a saved search needs a name")
        if not str(query.get("text", "")).strip():
            raise SavedSearchError("an empty query cannot be saved")
        now = _now()
        old = self.get(name)
        entry = SavedSearch(name, dict(query), old.created if old else now, now, list(found))
        self.saved = [s for s in self.saved if s.name != name] + [entry]
        self._write()
        return entry

    def remove(self, name: str) -> bool:
        before = len(self.saved)
        self.saved = [s for s in self.saved if s.name != name]
        if len(self.saved) != before:
            self._write()
            return True
        return False

    def rerun(self, name: str, found: list[str]) -> set[str]:
        """Record a rerun of ``name`` that found ``found``; the clause ids new since it last ran."""
        entry = self.get(name)
        if entry is None:
            raise SavedSearchError(f"no saved search named {name!r}")
        new = set(found) - set(entry.seen)
        entry.seen = sorted(set(entry.seen) | set(found))
        entry.last_run = _now()
        self._write()
        return new

    # --- history ---------------------------------------------------------------

    def record(self, query: dict[str, Any]) -> None:
        text = str(query.get("text", "")).strip()
        if not text:
            return
        if self.history:
            last = self.history[0].query
            last_text = str(last.get("text", "")).strip()
            same_filters = {k: v for k, v in last.items() if k != "text"} == {
                k: v for k, v in query.items() if k != "text"
            }
            if same_filters and (text.startswith(last_text) or last_text.startswith(text)):
                self.history.pop(0)  # typed on (or back) from the query before
        self.history = [h for h in self.history if h.query != query]
        self.history.insert(0, HistoryEntry(dict(query), _now()))
        del self.history[HISTORY_LIMIT:]
        self._write()

    def clear_history(self) -> None:
        self.history = []
        self._write()
