"""The core's change notification: every listener hears each change once, and can stop listening."""

from __future__ import annotations

from workbench.core.events import Event


def test_listeners_hear_each_change_in_order_until_they_unsubscribe():
    event: Event[str] = Event()
    heard: list[tuple[str, str]] = []
    stop_a = event.subscribe(lambda v: heard.append(("a", v)))
    event.subscribe(lambda v: heard.append(("b", v)))
    event.emit("one")
    stop_a()
    stop_a()  # a second call is harmless
    event.emit("two")
    assert heard == [("a", "one"), ("b", "one"), ("b", "two")]


def test_a_listener_may_unsubscribe_while_being_told():
    event: Event[int] = Event()
    heard: list[int] = []
    stops = []

    def once(value: int) -> None:
        heard.append(value)
        stops[0]()

    stops.append(event.subscribe(once))
    event.subscribe(heard.append)
    event.emit(1)
    event.emit(2)
    assert heard == [1, 1, 2]
