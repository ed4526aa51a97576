"""Fixtures for window tests: a real workspace in a temporary data folder."""

from __future__ import annotations

import pytest

from workbench.core.workspace import Workspace
from workbench.ui import settings as opts
from workbench.ui.main_window import MainWindow

# How long a test waits for background work (a job on the thread pool, a timer) before it calls
# the wait a hang. The waits end on the event itself; this bound only has to exceed the slowest
# honest run on a loaded 2-core CI machine, where opening a store or building a brief can take
# many seconds.
BACKGROUND_MS = 120_000


@pytest.fixture
def workspace(data_dir):
    ws = Workspace.open(data_dir)
    yield ws
    ws.close()


@pytest.fixture
def window(qtbot, workspace, tmp_path):
    settings = opts.open_settings(str(tmp_path / "settings.ini"))
    win = MainWindow(workspace, settings)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.runner.wait()
