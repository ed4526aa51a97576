"""Run long jobs off the main thread and deliver their results on it.

A job is a plain function ``fn(*args, progress=…, cancelled=…)`` (see
STYLE.md): it reports progress through the callback, checks ``cancelled()``
between steps, and never touches a widget.

A job is given everything it will call back *before* it starts (Anki's
``CollectionOp(...).success(...).failure(...).run_in_background()``)::

    runner.job("import", import_job, data_dir, paths) \\
        .on_progress(show_progress).success(show_result).failure(show_error) \\
        .finally_(clear_status).run_in_background()

so a job that ends at once still delivers its result: there is no signal a
caller could connect too late. Callbacks run on the main thread, in the order
``ended_first``, ``success`` or ``failure``, then ``finally_``; by then the task is marked done and
no longer counts as running, so a callback may start the next job.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

Callback = Callable[[Any], None]


class _Relay(QObject):
    """Carries a job's progress and end from the worker thread to the main thread (queued signals)."""

    progress = Signal(int, int)
    ended = Signal(bool, object)  # succeeded, the return value or the exception


class Task:
    """A running job: its name, whether it has ended, and a way to ask it to stop."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.done = False
        self.succeeded: bool | None = None
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()


class _Runnable(QRunnable):
    def __init__(self, task: Task, relay: _Relay, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
        super().__init__()
        self.task, self.relay, self.fn, self.args = task, relay, fn, args

    def run(self) -> None:  # worker thread
        try:
            result = self.fn(*self.args, progress=self.relay.progress.emit, cancelled=self.task.is_cancelled)
        except Exception as exc:  # delivered to the main thread, which decides: message or bug
            log.debug("task %s failed", self.task.name, exc_info=True)
            self.relay.ended.emit(False, exc)
        else:
            self.relay.ended.emit(True, result)


class Job:
    """A job being set up: give it its callbacks, then :meth:`run_in_background` (once)."""

    def __init__(self, runner: TaskRunner, name: str, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
        self._runner, self._fn, self._args = runner, fn, args
        self._task = Task(name)
        self._progress: list[Callable[[int, int], None]] = []
        self._success: list[Callback] = []
        self._failure: list[Callback] = []
        self._first: list[Callable[[], None]] = []
        self._finally: list[Callable[[], None]] = []
        self._started = False

    @property
    def task(self) -> Task:
        return self._task

    def has_failure_callback(self) -> bool:
        return bool(self._failure)

    def on_progress(self, callback: Callable[[int, int], None]) -> Job:
        return self._add(self._progress, callback)

    def success(self, callback: Callback) -> Job:
        """Called with the job's return value."""
        return self._add(self._success, callback)

    def failure(self, callback: Callback) -> Job:
        """Called with the exception the job raised. Without a failure callback the
        exception is logged with its traceback: a job's failure is never silent."""
        return self._add(self._failure, callback)

    def ended_first(self, callback: Callable[[], None]) -> Job:
        """Called first when the job ends, before success or failure (a window frees itself
        here, so that a success callback may start the next job)."""
        return self._add(self._first, callback)

    def finally_(self, callback: Callable[[], None]) -> Job:
        """Called after success or failure, whichever happened."""
        return self._add(self._finally, callback)

    def _add(self, callbacks: list[Any], callback: Any) -> Job:
        if self._started:
            raise RuntimeError(
                f"job {self._task.name!r} has started: give its callbacks before run_in_background()"
            )
        callbacks.append(callback)
        return self

    def run_in_background(self) -> Task:
        if self._started:
            raise RuntimeError(f"job {self._task.name!r} has already started")
        self._started = True
        relay = _Relay()
        for callback in self._progress:
            relay.progress.connect(callback)
        relay.ended.connect(lambda ok, payload: self._ended(relay, ok, payload))
        self._runner._started(self._task, relay)
        self._runner.pool.start(_Runnable(self._task, relay, self._fn, self._args))
        return self._task

    def _ended(self, relay: _Relay, succeeded: bool, payload: Any) -> None:  # main thread
        task = self._task
        task.done, task.succeeded = True, succeeded
        self._runner._ended(task)
        try:
            for first in self._first:
                first()
            if succeeded:
                for callback in self._success:
                    callback(payload)
            elif self._failure:
                for callback in self._failure:
                    callback(payload)
            else:
                log.error("task %s failed", task.name, exc_info=payload)
        finally:
            for done in self._finally:
                done()
        # The relay is not deleted here: the worker may still be returning from its last emit.
        # It goes with the runnable and this job once Python drops them.


class TaskRunner(QObject):
    """Starts jobs on a thread pool and keeps them alive until they end."""

    def __init__(self, pool: QThreadPool | None = None) -> None:
        super().__init__()
        self.pool = pool or QThreadPool.globalInstance()
        self._running: dict[Task, _Relay] = {}

    def job(self, name: str, fn: Callable[..., Any], *args: Any) -> Job:
        return Job(self, name, fn, args)

    def _started(self, task: Task, relay: _Relay) -> None:
        self._running[task] = relay  # the relay must outlive the worker's last emit

    def _ended(self, task: Task) -> None:
        self._running.pop(task, None)

    def running(self) -> list[Task]:
        return list(self._running)

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)
