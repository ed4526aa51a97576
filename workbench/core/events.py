"""Change notification without Qt: one small event type for every service of the core.

A service owns an :class:`Event` per kind of change (``library.changed``,
``applications.changed``, ``indicators.changed``) and emits a small value
describing what changed; a panel or another service subscribes and keeps the
returned function to unsubscribe (napari's ``EventEmitter``, Anki's
``operation_did_execute`` hook). Listeners run on the thread that emits, in the
order they subscribed; the UI's services emit on the main thread only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")

Unsubscribe = Callable[[], None]


class Event(Generic[T]):
    """Listeners of one kind of change."""

    def __init__(self) -> None:
        self._listeners: list[Callable[[T], None]] = []

    def subscribe(self, listener: Callable[[T], None]) -> Unsubscribe:
        """Call ``listener(value)`` on every :meth:`emit`; returns the function that stops it."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            try:
                self._listeners.remove(listener)
            except ValueError:  # already unsubscribed
                pass

        return unsubscribe

    def emit(self, value: T) -> None:
        # a copy: a listener may unsubscribe itself (or another) while being told
        for listener in list(self._listeners):
            listener(value)

    def __len__(self) -> int:
        return len(self._listeners)
