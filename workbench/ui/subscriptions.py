"""A widget listens to a core service for as long as the widget lives."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject

from workbench.core.events import Event

T = TypeVar("T")


def listen(owner: QObject, event: Event[T], listener: Callable[[T], None]) -> None:
    """Call ``listener`` on every change ``event`` announces until ``owner`` is destroyed.

    Several windows may share one workspace (and tests open many): a panel that has gone must
    not be called by a service that outlives it.
    """
    unsubscribe = event.subscribe(listener)
    owner.destroyed.connect(lambda *_: unsubscribe())  # captures the function only, never the owner
