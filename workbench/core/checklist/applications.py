"""Saved subsidy applications: every change a revision, export/import as the
versioned JSON application file, and evidence per condition.

Evidence is a note (kept in the application itself, so it has history) and any
number of files. An attached file is copied once into ``DATA_DIR/evidence/<sha256>``
and recorded with its SHA-256; it shows as missing when that copy is gone or no
longer matches.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import re
import shutil
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from db import applications as table
from db.applications import StaleRevisionError
from db.documents import transaction
from workbench.core.atomic_files import replacing, write_atomically
from workbench.core.checklist.application_file import (
    Application,
    ApplicationFileError,
    application_to_json,
    load_application_file,
    parse_application,
)
from workbench.core.checklist.engine import evaluate_application
from workbench.core.checklist.results import Evaluation
from workbench.core.checklist.rules import RuleSet, rules_by_id
from workbench.core.events import Event, Unsubscribe

__all__ = [
    "ApplicationError",
    "ApplicationService",
    "EvidenceFile",
    "EvidenceSlot",
    "Revision",
    "StaleRevisionError",
    "StoredApplication",
]

EVIDENCE_DIR = "evidence"


class ApplicationError(Exception):
    """A user error about stored applications: ``code`` is not_found, no_such_revision,
    evidence_unreadable, unknown_evidence_key, no_such_file or unwritable."""

    def __init__(self, code: str, value: Any = None) -> None:
        super().__init__(f"{code}: {value}")
        self.code, self.value = code, value


@dataclass(frozen=True, slots=True)
class StoredApplication:
    id: str
    revision: int
    application: Application
    created_at: str
    updated_at: str


@dataclass(frozen=True, slots=True)
class ApplicationSummary:
    id: str
    name: str
    rules_id: str
    revision: int
    updated_at: str


@dataclass(frozen=True, slots=True)
class Revision:
    revision: int
    saved_at: str
    summary: str


@dataclass(frozen=True, slots=True)
class EvidenceFile:
    id: int
    key: str
    file_name: str
    sha256: str
    size: int
    added_at: str
    present: bool  # the stored copy exists and still has this SHA-256


@dataclass(frozen=True, slots=True)
class EvidenceSlot:
    """Evidence for one condition: ``present`` when there is a note or a present file."""

    key: str
    asked: str | None  # what the rules ask for
    note: str
    files: tuple[EvidenceFile, ...]

    @property
    def present(self) -> bool:
        return bool(self.note.strip()) or any(f.present for f in self.files)


Listener = Callable[[str], None]  # called with the id of the application that changed


class ApplicationService:
    def __init__(
        self,
        db: sqlite_utils.Database,
        data_dir: Path,
        rules_lookup: Callable[[str], RuleSet | None] = rules_by_id,
    ) -> None:
        self.db, self.data_dir, self.rules_lookup = db, data_dir, rules_lookup
        self.changed: Event[str] = Event()  # the id of an application added, changed or removed
        self._pending: dict[str, None] | None = None  # changes held back until their transaction commits

    # -- change notification

    def subscribe(self, listener: Listener) -> Unsubscribe:
        return self.changed.subscribe(listener)

    def _changed(self, app_id: str) -> None:
        if self._pending is not None:
            self._pending[app_id] = None
            return
        self.changed.emit(app_id)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """One transaction whose changes listeners hear of only once it is committed
        (a listener told earlier would show what a rollback then takes away)."""
        if self._pending is not None:  # nested: the outer one tells
            with transaction(self.db):
                yield
            return
        self._pending = {}
        try:
            with transaction(self.db):
                yield
            changed = list(self._pending)
        finally:
            self._pending = None
        for app_id in changed:
            self._changed(app_id)

    # -- applications

    def rules(self, rules_id: str) -> RuleSet:
        rules = self.rules_lookup(rules_id)
        if rules is None:
            raise ApplicationFileError("rules", "unknown_rules", rules_id)
        return rules

    def create(self, application: Application, summary: str = "新建") -> StoredApplication:
        self._check(application)
        app_id = "app-" + uuid.uuid4().hex[:12]
        table.insert_application(
            self.db,
            app_id,
            application.name,
            application.rules_id,
            self._dump(application, None),
            _now(),
            summary,
        )
        self._changed(app_id)
        return self.get(app_id)

    def save(
        self, app_id: str, application: Application, summary: str, *, expected_revision: int | None = None
    ) -> StoredApplication:
        """A new revision (nothing is written when ``application`` equals the current one).
        ``expected_revision`` guards against overwriting a save made in between."""
        current = self.get(app_id)
        self._check(application)
        if application == current.application:
            return current
        table.save_revision(
            self.db,
            app_id,
            current.revision if expected_revision is None else expected_revision,
            application.name,
            application.rules_id,
            self._dump(application, app_id),
            _now(),
            summary,
        )
        self._changed(app_id)
        return self.get(app_id)

    def get(self, app_id: str) -> StoredApplication:
        row = table.get_application(self.db, app_id)
        if row is None:
            raise ApplicationError("not_found", app_id)
        return StoredApplication(
            row["id"], row["revision"], self._load(row["data"]), row["created_at"], row["updated_at"]
        )

    def summaries(self) -> list[ApplicationSummary]:
        return [
            ApplicationSummary(r["id"], r["name"], r["rules_id"], r["revision"], r["updated_at"])
            for r in table.list_applications(self.db)
        ]

    def history(self, app_id: str) -> list[Revision]:
        self.get(app_id)
        return [
            Revision(r["revision"], r["saved_at"], r["summary"])
            for r in table.list_revisions(self.db, app_id)
        ]

    def revision(self, app_id: str, revision: int) -> Application:
        row = table.get_revision(self.db, app_id, revision)
        if row is None:
            raise ApplicationError("no_such_revision", f"{app_id}#{revision}")
        return self._load(row["data"])

    def restore(self, app_id: str, revision: int) -> StoredApplication:
        """Make an earlier revision current again, as a new revision: its answers, claims
        and notes, and the evidence files attached then (files attached since are detached,
        files removed since are attached again; history keeps everything)."""
        row = table.get_revision(self.db, app_id, revision)
        if row is None:
            raise ApplicationError("no_such_revision", f"{app_id}#{revision}")
        earlier = self._load(row["data"])
        wanted = _file_records(json.loads(row["data"]))
        current = self.get(app_id)
        self._check(earlier)
        with transaction(self.db):
            changed = earlier != current.application
            missing = list(wanted)
            for r in table.evidence_files(self.db, app_id):
                match = next(
                    (w for w in missing if w[0] == r["condition_key"] and w[1]["sha256"] == r["sha256"]), None
                )
                if match is not None:
                    missing.remove(match)
                else:
                    table.remove_evidence_file(self.db, app_id, r["id"], _now())
                    changed = True
            for key, record in missing:
                # The stored copy is content-addressed and outlives a removal; if it is gone
                # all the same, the file shows as missing.
                table.add_evidence_file(
                    self.db, app_id, key, record["name"], record["sha256"], record["size"], _now()
                )
                changed = True
            if not changed:
                return current
            table.save_revision(
                self.db,
                app_id,
                current.revision,
                earlier.name,
                earlier.rules_id,
                self._dump(earlier, app_id),
                _now(),
                f"恢复第 {revision} 版",
            )
        self._changed(app_id)
        return self.get(app_id)

    def evaluate(self, app_id: str, as_of: dt.date | None = None) -> Evaluation:
        app = self.get(app_id).application
        return evaluate_application(self.rules(app.rules_id), app, as_of)

    # -- the application file

    def export_file(self, app_id: str, path: Path) -> None:
        """Write the application file (format version 1) with its evidence file records."""
        stored = self.get(app_id)
        data = application_to_json(stored.application, self._file_records(app_id))
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        try:
            write_atomically(Path(path), text)
        except OSError as exc:
            raise ApplicationError("unwritable", f"{path}: {exc.strerror or exc}") from None

    def import_file(self, path: Path, *, into: str | None = None) -> StoredApplication:
        """Read an application file strictly (``ApplicationFileError`` names the bad field;
        nothing is stored then). A new application, or a new revision of ``into``.
        Evidence file records are re-attached when the same file (by SHA-256) is in the data folder."""
        application = load_application_file(Path(path), self.rules_lookup)
        records = _file_records(json.loads(Path(path).read_bytes()))
        if into is not None:
            self.get(into)
        with self._transaction():
            stored = (
                self.save(into, application, f"导入 {Path(path).name}")
                if into
                else self.create(application, f"导入 {Path(path).name}")
            )
            known = {(f.key, f.sha256) for f in self.evidence_files(stored.id)}
            attached = []
            for key, record in records:
                if (key, record["sha256"]) not in known and self._stored_copy(record["sha256"]).is_file():
                    table.add_evidence_file(
                        self.db, stored.id, key, record["name"], record["sha256"], record["size"], _now()
                    )
                    attached.append(record["name"])
            if attached:
                # so that the revision holds the files (restoring it must not detach them)
                self._snapshot(stored, f"附加证明材料 {'、'.join(attached)}")
                self._changed(stored.id)
        return self.get(stored.id) if attached else stored

    # -- evidence

    def set_note(self, app_id: str, key: str, note: str) -> StoredApplication:
        current = self.get(app_id)
        self._check_key(current.application, key)
        notes = dict(current.application.notes)
        if note.strip():
            notes[key] = note
        else:
            notes.pop(key, None)
        return self.save(
            app_id, dataclasses.replace(current.application, notes=notes), f"证明材料说明：{key}"
        )

    def attach_file(self, app_id: str, key: str, source: Path) -> EvidenceFile:
        """Copy ``source`` into the data folder and record it for condition ``key``."""
        current = self.get(app_id)
        self._check_key(current.application, key)
        source = Path(source)
        try:
            digest, size = _sha256(source)
            target = self._stored_copy(digest)
            if not target.is_file() or _sha256(target)[0] != digest:
                target.parent.mkdir(parents=True, exist_ok=True)
                with replacing(target) as tmp:
                    shutil.copyfile(source, tmp)
        except OSError as exc:
            raise ApplicationError("evidence_unreadable", f"{source}: {exc.strerror or exc}") from None
        with transaction(self.db):
            file_id = table.add_evidence_file(self.db, app_id, key, source.name, digest, size, _now())
            self._snapshot(current, f"附加证明材料 {source.name}（{key}）")
        self._changed(app_id)
        return next(f for f in self.evidence_files(app_id) if f.id == file_id)

    def remove_file(self, app_id: str, file_id: int) -> None:
        current = self.get(app_id)
        name = next((f.file_name for f in self.evidence_files(app_id) if f.id == file_id), None)
        with transaction(self.db):
            if name is None or not table.remove_evidence_file(self.db, app_id, file_id, _now()):
                raise ApplicationError("no_such_file", file_id)
            self._snapshot(current, f"移除证明材料 {name}")
        self._changed(app_id)

    def evidence_files(self, app_id: str) -> list[EvidenceFile]:
        out = []
        for r in table.evidence_files(self.db, app_id):
            out.append(
                EvidenceFile(
                    r["id"],
                    r["condition_key"],
                    r["file_name"],
                    r["sha256"],
                    r["size"],
                    r["added_at"],
                    self._copy_matches(r["sha256"], r["size"]),
                )
            )
        return out

    def evidence(self, app_id: str, evaluation: Evaluation | None = None) -> dict[str, EvidenceSlot]:
        """Evidence slots of every condition that asks for evidence (plus any key holding
        notes or files), keyed by evidence key."""
        stored = self.get(app_id)
        evaluation = evaluation or evaluate_application(
            self.rules(stored.application.rules_id), stored.application
        )
        files: dict[str, list[EvidenceFile]] = {}
        for f in self.evidence_files(app_id):
            files.setdefault(f.key, []).append(f)
        asked: dict[str, str | None] = {}
        for c in evaluation.scope:
            if c.evidence_key and c.evidence:
                asked[c.evidence_key] = c.evidence
        for r in evaluation.items:
            for c in r.conditions:
                if c.evidence_key and c.evidence:
                    asked.setdefault(c.evidence_key, c.evidence)
        keys = list(asked) + [k for k in list(stored.application.notes) + list(files) if k not in asked]
        return {
            k: EvidenceSlot(k, asked.get(k), stored.application.notes.get(k, ""), tuple(files.get(k, ())))
            for k in dict.fromkeys(keys)
        }

    def evidence_path(self, evidence: EvidenceFile) -> Path:
        return self._stored_copy(evidence.sha256)

    # -- internals

    def _check(self, application: Application) -> None:
        # Round-trip through the strict parser: what the service stores, it can read back.
        parse_application(application_to_json(application), self.rules_lookup)

    def _check_key(self, application: Application, key: str) -> None:
        owner, _, cond = key.partition(":")
        rules = self.rules(application.rules_id)
        if owner == "profile":
            ok = any(c.id == cond for c in rules.scope)
        else:
            claim = application.claim(owner)
            item = rules.item(claim.item if claim else owner)
            ok = item is not None and any(c.id == cond for c in item.conditions)
        if not ok:
            raise ApplicationError("unknown_evidence_key", key)

    def _dump(self, application: Application, app_id: str | None) -> str:
        """A revision's data: the application file as it would be exported then
        (so a revision also records which evidence files were attached)."""
        return json.dumps(
            application_to_json(application, self._file_records(app_id) if app_id else None),
            ensure_ascii=False,
            sort_keys=True,
        )

    def _file_records(self, app_id: str) -> dict[str, list[dict[str, Any]]]:
        files: dict[str, list[dict[str, Any]]] = {}
        for r in table.evidence_files(self.db, app_id):
            files.setdefault(r["condition_key"], []).append(
                {"name": r["file_name"], "sha256": r["sha256"], "size": r["size"]}
            )
        return files

    def _snapshot(self, current: StoredApplication, summary: str) -> None:
        app = current.application
        table.save_revision(
            self.db,
            current.id,
            current.revision,
            app.name,
            app.rules_id,
            self._dump(app, current.id),
            _now(),
            summary,
        )

    def _load(self, data: str) -> Application:
        return parse_application(json.loads(data), self.rules_lookup)

    def _stored_copy(self, sha256: str) -> Path:
        if not _HEX64.fullmatch(sha256):
            raise ApplicationError("bad_hash", sha256[:80])
        return self.data_dir / EVIDENCE_DIR / sha256

    def _copy_matches(self, sha256: str, size: int) -> bool:
        path = self._stored_copy(sha256)
        try:
            # size first: cheap; the hash only when the size fits
            return path.stat().st_size == size and _sha256(path)[0] == sha256
        except OSError:
            return False


_HEX64 = re.compile(r"[0-9a-f]{64}")


_HEX64 = re.compile(r"[0-9a-f]{64}")


def _file_records(data: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """Evidence file records of an (already validated) application file."""
    out = []
    for key, entry in (data.get("evidence") or {}).items():
        for i, f in enumerate(entry.get("files") or []):
            where = f"evidence.{key}.files[{i}]"
            if not isinstance(f, dict) or not isinstance(f.get("name"), str) or "sha256" not in f:
                raise ApplicationFileError(where, "wrong_type", f)
            if not isinstance(f["sha256"], str) or not _HEX64.fullmatch(f["sha256"]):
                # the file name of the stored copy: never a path taken from a file
                raise ApplicationFileError(f"{where}.sha256", "bad_hash", str(f["sha256"])[:80])
            if not isinstance(f.get("size"), int) or f["size"] < 0:
                raise ApplicationFileError(
                    f"{where}.size",
                    "negative_amount" if isinstance(f.get("size"), int) else "wrong_type",
                    f.get("size"),
                )
            out.append((key, f))
    return out


def _sha256(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
