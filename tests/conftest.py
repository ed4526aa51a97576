"""Test set-up shared by every test: offscreen Qt before any QApplication exists."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# One run on a busy 2-core machine must give the same verdict as any other: examples are
# derived from each test (not random per run, nor replayed from a local database), and
# neither slow generation nor slow examples count as failures.
settings.register_profile(
    "workbench",
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("workbench")

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS_DIR = ROOT / "resources" / "documents"


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory):
    """One data folder with the bundled library and a built index, made once per run
    (seeding and indexing cost a second or two); tests take copies with ``data_dir``."""
    from workbench.core.workspace import Workspace

    path = tmp_path_factory.mktemp("template") / "data"
    ws = Workspace.open(path)
    ws.search.ensure_current()
    ws.close()
    return path


@pytest.fixture
def data_dir(seeded_template, tmp_path):
    target = tmp_path / "data"
    shutil.copytree(seeded_template, target)
    return target
