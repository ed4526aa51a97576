"""Run long jobs off the main thread and deliver their results on it.

A job is a plain function ``fn(*args, progress=…, cancelled=…)`` (see
STYLE.md): it reports progress through the callback, checks ``cancelled()``
between steps, and never touches a widget. ``TaskRunner.start`` wraps it in a
``Task`` whose signals arrive on the main thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class Task(QObject):
    progress = Signal(int, int)
    finished = Signal(object)  # the job's return value
    failed = Signal(object)  # the exception

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self._cancel = threading.Event()
        self.done = False

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()


class _Runnable(QRunnable):
    def __init__(self, task: Task, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
        super().__init__()
        self.task, self.fn, self.args = task, fn, args

    def run(self) -> None:  # worker thread
        task = self.task
        try:
            result = self.fn(*self.args, progress=task.progress.emit, cancelled=task.is_cancelled)
        except Exception as exc:  # delivered to the main thread, which decides: message or bug
            log.exception("task %s failed", task.name)
            task.failed.emit(exc)
        else:
            task.finished.emit(result)


class TaskRunner(QObject):
    """Starts tasks on a thread pool and keeps them alive until they end."""

    def __init__(self, pool: QThreadPool | None = None) -> None:
        super().__init__()
        self.pool = pool or QThreadPool.globalInstance()
        self._running: set[Task] = set()

    def start(self, name: str, fn: Callable[..., Any], *args: Any) -> Task:
        task = Task(name)
        self._running.add(task)

        def forget(*_: Any) -> None:
            task.done = True
            self._running.discard(task)

        task.finished.connect(forget)
        task.failed.connect(forget)
        self.pool.start(_Runnable(task, fn, args))
        return task

    def running(self) -> list[Task]:
        return list(self._running)

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)
