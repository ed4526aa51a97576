"""The task ledger (督办台账): tasks of every plan, who leads and who supports, deadlines,
progress notes with a status, and the matrix of units against plans.

Tasks are read from the clauses on every call (the store holds only what people write
about them), so they follow every import, removal and reparse. Indicators are a sibling
domain that this package may not import: the targets of a task's clause come through a
``TargetLookup`` the workspace passes in (any callable giving the targets by clause id).
"""

from __future__ import annotations

import builtins
import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol

import sqlite_utils

from db import documents as doc_store
from db import tasks as store
from workbench.core.events import Event, Unsubscribe
from workbench.core.tasks.extraction import (
    Deadline,
    clause_deadline,
    parse_responsibility,
    plan_deadline,
    task_title,
)
from workbench.core.tasks.units import Unit, UnitTable, clean_unit_name
from workbench.core.words import TASK_STATUS_WORDS


class TaskStatus(StrEnum):
    NOT_STARTED = "not_started"  # 未启动
    IN_PROGRESS = "in_progress"  # 推进中
    DONE = "done"  # 已完成
    LAGGING = "lagging"  # 滞后


class Role(StrEnum):
    LEAD = "lead"  # 牵头
    SUPPORTING = "supporting"  # 配合


class TaskError(ValueError):
    """A request the ledger refuses: ``code`` is unknown_task | invalid_status | missing_note |
    invalid_date | future_date | unknown_note | already_retracted."""

    def __init__(self, code: str, field: str | None = None, value: Any = None) -> None:
        super().__init__(f"{code}: {field}={value!r}")
        self.code, self.field, self.value = code, field, value


@dataclass(frozen=True, slots=True)
class Plan:
    doc_id: str
    title: str
    doc_number: str | None
    region: str | None


@dataclass(slots=True, eq=False)  # not frozen: a library holds tens of thousands, built on every read
class Task:
    id: str  # the clause's citation id
    plan: Plan
    path: str  # 三/（一）/1
    ordinal: int
    title: str
    text: str  # the clause's body
    responsible: str  # the responsibility line as written
    lead: Unit | None
    supporting: tuple[Unit, ...]
    deadline: Deadline | None

    @property
    def doc_id(self) -> str:
        return self.plan.doc_id

    @property
    def units(self) -> tuple[Unit, ...]:
        return ((self.lead,) if self.lead else ()) + self.supporting

    def role_of(self, unit_name: str) -> Role | None:
        if self.lead and self.lead.name == unit_name:
            return Role.LEAD
        return Role.SUPPORTING if any(u.name == unit_name for u in self.supporting) else None


@dataclass(frozen=True, slots=True)
class ProgressNote:
    id: int
    task_id: str
    reported_on: dt.date
    status: TaskStatus
    note: str
    author: str | None
    entered_at: str

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "task_id": self.task_id,
            "reported_on": self.reported_on.isoformat(),
            "status": self.status.value,
            "status_text": TASK_STATUS_WORDS[self.status.value],
            "note": self.note,
            "author": self.author,
            "entered_at": self.entered_at,
        }


@dataclass(frozen=True, slots=True)
class LinkedTarget:
    """A target set by the task's clause, with its status as the indicators domain states it."""

    indicator_id: str
    name: str
    status: str  # the indicator status code
    status_text: str


class TargetLookup(Protocol):
    def __call__(self, as_of: dt.date) -> Mapping[str, Sequence[LinkedTarget]]: ...


@dataclass(frozen=True, slots=True)
class TaskReport:
    task: Task
    status: TaskStatus
    latest: ProgressNote | None
    overdue: bool  # the deadline has passed and the task is not done
    targets: tuple[LinkedTarget, ...] = ()
    role: Role | None = None  # of the unit the report was asked for

    def to_json(self) -> dict[str, Any]:
        t = self.task
        return {
            "id": t.id,
            "doc_id": t.doc_id,
            "plan": t.plan.title,
            "doc_number": t.plan.doc_number,
            "clause": t.path,
            "task": t.title,
            "text": t.text,
            "responsible": t.responsible,
            "lead": None if t.lead is None else unit_json(t.lead),
            "supporting": [unit_json(u) for u in t.supporting],
            "role": None if self.role is None else self.role.value,
            "deadline": None if t.deadline is None or t.deadline.day is None else t.deadline.day.isoformat(),
            "deadline_text": None if t.deadline is None else t.deadline.text,
            "deadline_source": None if t.deadline is None else t.deadline.source,
            "status": self.status.value,
            "status_text": TASK_STATUS_WORDS[self.status.value],
            "overdue": self.overdue,
            "latest": None if self.latest is None else self.latest.to_json(),
            "targets": [
                {
                    "indicator_id": x.indicator_id,
                    "name": x.name,
                    "status": x.status,
                    "status_text": x.status_text,
                }
                for x in self.targets
            ],
        }


def unit_json(u: Unit) -> dict[str, Any]:
    return {"name": u.name, "written": u.written, "in_table": u.known}


@dataclass(frozen=True, slots=True)
class MatrixCell:
    lead: int = 0
    supporting: int = 0

    @property
    def total(self) -> int:
        return self.lead + self.supporting


@dataclass(slots=True)
class Matrix:
    """Units down the side (most tasks first), plans across, counts in the cells."""

    units: list[str]
    plans: list[Plan]
    cells: dict[tuple[str, str], MatrixCell] = field(default_factory=dict)  # (unit, doc_id)

    def cell(self, unit: str, doc_id: str) -> MatrixCell:
        return self.cells.get((unit, doc_id), MatrixCell())

    def total(self, unit: str) -> MatrixCell:
        lead = sum(self.cell(unit, p.doc_id).lead for p in self.plans)
        return MatrixCell(lead, sum(self.cell(unit, p.doc_id).supporting for p in self.plans))


@dataclass(frozen=True, slots=True)
class TaskChanges:
    tasks: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    at: str
    actor: str | None
    entity: str
    entity_id: str
    action: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


def _now() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


STATUS_BY_WORD: dict[str, TaskStatus] = {
    **{s.value: s for s in TaskStatus},
    **{TASK_STATUS_WORDS[s.value]: s for s in TaskStatus},
}


def parse_status(value: Any) -> TaskStatus:
    """A status from its code or its word (未启动 / 推进中 / 已完成 / 滞后)."""
    found = STATUS_BY_WORD.get(str(value).strip()) if value is not None else None
    if found is None:
        raise TaskError("invalid_status", "status", value)
    return found


def parse_report_day(value: Any, today: dt.date | None = None) -> dt.date:
    """The day a progress note reports on: a date, 2026-11-24, or 2026/11/24; never after today."""
    today = today or dt.date.today()
    if value is None or (isinstance(value, str) and not value.strip()):
        return today
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    else:
        text = str(value).strip().replace("/", "-").replace(".", "-")
        try:
            day = dt.date.fromisoformat(text)
        except ValueError:
            raise TaskError("invalid_date", "reported_on", value) from None
    if day > today:
        raise TaskError("future_date", "reported_on", day.isoformat())
    return day


def _note(row: Mapping[str, Any]) -> ProgressNote:
    return ProgressNote(
        int(row["id"]),
        row["task_id"],
        dt.date.fromisoformat(row["reported_on"]),
        TaskStatus(row["status"]),
        row["note"],
        row["author"],
        row["entered_at"],
    )


class TaskService:
    """Tasks of the library's plans and the progress people report on them."""

    def __init__(
        self,
        db: sqlite_utils.Database,
        units: UnitTable | Callable[[], UnitTable],
        targets: TargetLookup | None = None,
    ) -> None:
        self.db = db
        self._units = units
        self.targets = targets
        self.changed: Event[TaskChanges] = Event()

    @property
    def units(self) -> UnitTable:
        """The unit table (read on first use: a bad file of the person's is reported then)."""
        if not isinstance(self._units, UnitTable):
            self._units = self._units()
        return self._units

    def subscribe(self, listener: Callable[[TaskChanges], None]) -> Unsubscribe:
        return self.changed.subscribe(listener)

    # --- tasks ---------------------------------------------------------------------------

    def tasks(self, doc_ids: Iterable[str] | None = None) -> builtins.list[Task]:
        """Every task of the library (or of some plans), in plan and clause order."""
        units = self.units
        plans: dict[str, Plan] = {}
        plan_ends: dict[str, Deadline | None] = {}
        out: builtins.list[Task] = []
        for r in store.responsibility_clauses(self.db, doc_ids):
            doc_id = r["doc_id"]
            plan = plans.get(doc_id)
            if plan is None:
                plan = plans[doc_id] = Plan(doc_id, r["title"], r["doc_number"], r["region"])
                plan_ends[doc_id] = plan_deadline(r["title"], r["validity_note"])
            duty = parse_responsibility(r["responsible"])
            if duty.lead is None:
                continue
            region = r["region"]
            lead = units.resolve(duty.lead, region)
            names = {lead.name}
            supporting: builtins.list[Unit] = []
            for written in duty.supporting:
                unit = units.resolve(written, region)
                if unit.name not in names:  # 天心区 and 天心区人民政府 are one unit
                    names.add(unit.name)
                    supporting.append(unit)
            deadline = (
                (clause_deadline(duty.deadline_text) if duty.deadline_text else None)
                or clause_deadline(r["body"])
                or plan_ends[doc_id]
            )
            out.append(
                Task(
                    id=r["id"],
                    plan=plan,
                    path=r["path"],
                    ordinal=r["ordinal"],
                    title=task_title(r["heading"], r["body"]),
                    text=r["body"],
                    responsible=r["responsible"],
                    lead=lead,
                    supporting=tuple(supporting),
                    deadline=deadline,
                )
            )
        return out

    def tasks_after(self, previous: Sequence[Task], changed: Iterable[str]) -> builtins.list[Task]:
        """The library's tasks once the documents ``changed`` were imported, re-read or removed,
        given its tasks before: only those plans are derived again (a thousand plans take half
        a second to derive; one takes a millisecond), in the order :meth:`tasks` gives."""
        changed = set(changed)
        if not changed:
            return list(previous)
        by_doc: dict[str, builtins.list[Task]] = {}
        for t in previous:
            if t.doc_id not in changed:
                by_doc.setdefault(t.doc_id, []).append(t)
        for t in self.tasks(changed):
            by_doc.setdefault(t.doc_id, []).append(t)
        return [t for doc_id in store.plan_order(self.db) for t in by_doc.get(doc_id, ())]

    def task(self, task_id: str) -> Task | None:
        doc_id = task_id.split(":", 1)[0]
        return next((t for t in self.tasks([doc_id]) if t.id == task_id), None)

    def _require(self, task_id: str) -> Task:
        found = self.task(str(task_id))
        if found is None:
            raise TaskError("unknown_task", "task_id", task_id)
        return found

    def plans(self) -> builtins.list[Plan]:
        seen: dict[str, Plan] = {}
        for t in self.tasks():
            seen.setdefault(t.doc_id, t.plan)
        return list(seen.values())

    def unit_names(self, query: str, tasks: Sequence[Task] | None = None) -> builtins.list[str]:
        """The departments a person means by ``query`` (any spelling: 省科技厅, 湖南省科学技术厅);
        one spelling can name several (市科技局 in the plans of two cities)."""
        q = clean_unit_name(query)
        found: dict[str, None] = {}
        for t in self.tasks() if tasks is None else tasks:
            resolved = self.units.resolve(q, t.plan.region).name
            for u in t.units:
                if q in (u.name, clean_unit_name(u.written)) or u.name == resolved:
                    found.setdefault(u.name)
        return list(found)

    # --- reports and the matrix ----------------------------------------------------------------

    def reports(
        self,
        as_of: dt.date | None = None,
        *,
        unit: str | None = None,
        unit_names: Sequence[str] | None = None,
        doc_id: str | None = None,
        role: Role | None = None,
        overdue_only: bool = False,
        tasks: Sequence[Task] | None = None,
    ) -> builtins.list[TaskReport]:
        """Tasks with their status on ``as_of`` (default today): of one unit (any spelling, or the
        exact ``unit_names``), one plan, one role of that unit, or only the overdue ones."""
        as_of = as_of or dt.date.today()
        chosen = list(tasks) if tasks is not None else self.tasks([doc_id] if doc_id else None)
        names: set[str] | None = None
        if unit_names is not None:
            names = set(unit_names)
        elif unit is not None:
            names = set(self.unit_names(unit, chosen))
        latest = self._latest_notes()
        linked = self.targets(as_of) if self.targets is not None else {}
        out: builtins.list[TaskReport] = []
        for t in chosen:
            task_role: Role | None = None
            if names is not None:
                roles = [r for r in (t.role_of(n) for n in names) if r is not None]
                if not roles:
                    continue
                task_role = Role.LEAD if Role.LEAD in roles else Role.SUPPORTING
                if role is not None and task_role is not role:
                    continue
            note = latest.get(t.id)
            status = note.status if note else TaskStatus.NOT_STARTED
            day = t.deadline.day if t.deadline else None
            overdue = day is not None and day < as_of and status is not TaskStatus.DONE
            if overdue_only and not overdue:
                continue
            out.append(TaskReport(t, status, note, overdue, tuple(linked.get(t.id, ())), task_role))
        return out

    def matrix(self, tasks: Sequence[Task] | None = None) -> Matrix:
        chosen = list(tasks) if tasks is not None else self.tasks()
        plans: dict[str, Plan] = {}
        cells: dict[tuple[str, str], list[int]] = {}
        for t in chosen:
            doc_id = t.plan.doc_id
            if doc_id not in plans:
                plans[doc_id] = t.plan
            if t.lead is not None:
                key = (t.lead.name, doc_id)
                counts = cells.get(key)
                if counts is None:
                    counts = cells[key] = [0, 0]
                counts[0] += 1
            for u in t.supporting:
                key = (u.name, doc_id)
                counts = cells.get(key)
                if counts is None:
                    counts = cells[key] = [0, 0]
                counts[1] += 1
        totals: dict[str, int] = {}
        for (unit, _doc), (lead, supporting) in cells.items():
            totals[unit] = totals.get(unit, 0) + lead + supporting
        units = sorted(totals, key=lambda u: (-totals[u], u))
        return Matrix(units, list(plans.values()), {k: MatrixCell(*v) for k, v in cells.items()})

    # --- progress ---------------------------------------------------------------------------

    def _latest_notes(self) -> dict[str, ProgressNote]:
        latest: dict[str, ProgressNote] = {}
        for row in store.progress_rows(self.db):  # ordered by task, day, id: the last one wins
            latest[row["task_id"]] = _note(row)
        return latest

    def progress(self, task_id: str) -> builtins.list[ProgressNote]:
        """The task's notes, oldest report first."""
        return [_note(r) for r in store.progress_rows(self.db, task_id)]

    def record(
        self,
        task_id: str,
        status: Any,
        note: Any,
        *,
        on: Any = None,
        by: str | None = None,
    ) -> ProgressNote:
        """Record progress on a task: its status (code or word), what was done, the day it reports on."""
        task = self._require(task_id)
        with doc_store.transaction(self.db):
            written = self._record(task, status, note, on=on, by=by)
        self.changed.emit(TaskChanges(frozenset({task.id})))
        return written

    def record_many(
        self, rows: Iterable[Mapping[str, Any]], *, by: str | None = None, on: Any = None
    ) -> builtins.list[ProgressNote]:
        """Several notes in one transaction: all of them, or (on any error) none."""
        done: builtins.list[ProgressNote] = []
        with doc_store.transaction(self.db):
            for r in rows:
                task = self._require(str(r["task_id"]))
                done.append(
                    self._record(
                        task, r["status"], r["note"], on=r.get("reported_on", on), by=r.get("author") or by
                    )
                )
        if done:
            self.changed.emit(TaskChanges(frozenset(n.task_id for n in done)))
        return done

    def _record(self, task: Task, status: Any, note: Any, *, on: Any, by: str | None) -> ProgressNote:
        chosen = parse_status(status)
        text = None if note is None else str(note).strip()
        if not text:
            raise TaskError("missing_note", "note", note)
        day = parse_report_day(on)
        author = (by or "").strip() or None
        row: dict[str, Any] = {
            "task_id": task.id,
            "doc_id": task.doc_id,
            "reported_on": day.isoformat(),
            "status": chosen.value,
            "note": text,
            "author": author,
            "entered_at": _now(),
        }
        row["id"] = store.insert_progress(self.db, row)
        store.write_audit(
            self.db,
            at=row["entered_at"],
            actor=author,
            entity="progress",
            entity_id=task.id,
            action="record",
            before=None,
            after=row,
        )
        return _note(row)

    def retract(self, note_id: int, *, by: str | None = None) -> None:
        """Withdraw a note written in error; it stays in the store and the audit."""
        before = store.get_progress(self.db, int(note_id))
        if before is None:
            raise TaskError("unknown_note", "id", note_id)
        if before["retracted_at"]:
            raise TaskError("already_retracted", "id", note_id)
        now = _now()
        with doc_store.transaction(self.db):
            store.retract_progress(self.db, int(note_id), now)
            store.write_audit(
                self.db,
                at=now,
                actor=(by or "").strip() or None,
                entity="progress",
                entity_id=before["task_id"],
                action="retract",
                before=before,
                after={**before, "retracted_at": now},
            )
        self.changed.emit(TaskChanges(frozenset({before["task_id"]})))

    def audit(self, task_id: str | None = None) -> builtins.list[AuditEntry]:
        return [AuditEntry(**r) for r in store.audit_rows(self.db, task_id)]

    def unknown_units(self) -> builtins.list[tuple[str, str | None, int]]:
        """Spellings the unit table does not know: (as written, plan region, tasks), most first,
        for a person to add to the table."""
        counts: dict[tuple[str, str | None], int] = {}
        for t in self.tasks():
            for u in t.units:
                if not u.known:
                    key = (u.written, t.plan.region)
                    counts[key] = counts.get(key, 0) + 1
        return sorted(((w, r, n) for (w, r), n in counts.items()), key=lambda x: (-x[2], x[0]))
