"""Panels stop listening to the core's services when they go."""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QWidget

from workbench.core.events import Event
from workbench.ui.subscriptions import listen


def test_a_destroyed_widget_is_no_longer_told_of_changes(qtbot):
    event: Event[str] = Event()
    heard: list[str] = []
    widget = QWidget()
    listen(widget, event, heard.append)
    event.emit("before")
    shiboken6.delete(widget)  # destroyed at once, as Qt does when a parent deletes its children
    event.emit("after")
    assert heard == ["before"] and len(event) == 0


def test_closing_a_second_window_on_the_same_workspace_leaves_the_first_listening(qtbot, workspace, tmp_path):
    from workbench.ui import settings as opts
    from workbench.ui.main_window import MainWindow

    first = MainWindow(workspace, opts.open_settings(str(tmp_path / "a.ini")))
    qtbot.addWidget(first)
    listeners = len(workspace.library.changed)
    second = MainWindow(workspace, opts.open_settings(str(tmp_path / "b.ini")))
    assert len(workspace.library.changed) > listeners
    shiboken6.delete(second)
    assert len(workspace.library.changed) == listeners
    workspace.library.remove("nanjing-bioeconomy-2021")  # reaches the first window's panels only
    assert first.library_panel.select_document("nanjing-bioeconomy-2021") is False
