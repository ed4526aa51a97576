"""The command line run in-process on a data folder, with its exit code and output."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from workbench.cli import main

Runner = Callable[..., tuple[int, str, str]]


def make_runner(data: Path, capsys: pytest.CaptureFixture[str]) -> Runner:
    def run(*args: str) -> tuple[int, str, str]:
        code = main(["--data-dir", str(data), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def run(data_dir, capsys) -> Runner:
    """On a copy of the seeded data folder."""
    return make_runner(data_dir, capsys)
