"""The layering stays as designed: the core, the store and the exporters never import Qt."""

from __future__ import annotations

import ast
import subprocess
import sys

from tests.conftest import ROOT


def test_import_linter_contracts_hold():
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from importlinter.cli import lint_imports; sys.exit(lint_imports())",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_only_the_search_module_imports_whoosh():
    importers = []
    for path in ROOT.glob("**/*.py"):
        if any(part in {".git", "build", ".venv"} for part in path.parts):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n == "whoosh" or n.startswith("whoosh.") for n in names):
                importers.append(path.relative_to(ROOT).as_posix())
    assert sorted(set(importers)) == ["workbench/core/search/index.py"]


def test_opening_the_library_does_not_import_pandas(data_dir):
    """pandas and numpy cost about 0.3 s before the library shows; only table import/export needs them."""
    code = (
        "import sys; from pathlib import Path; from workbench.core.workspace import Workspace; "
        f"ws = Workspace.open(Path({str(data_dir)!r})); ws.close(); "
        "sys.exit(sorted({'pandas', 'numpy'} & set(sys.modules)) or 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True)


def test_the_code_is_formatted_and_lint_clean():
    """ruff format wraps at 110; lint allows 120 for strings that cannot wrap (pyproject)."""
    formatted = _run("ruff", "format", "--check", "--quiet", ".")
    assert formatted.returncode == 0, (
        "not formatted (run `ruff format .`):\n" + formatted.stdout + formatted.stderr
    )
    lint = _run("ruff", "check", "--quiet", ".")
    assert lint.returncode == 0, lint.stdout + lint.stderr


def test_types_check_across_core_store_exporters_and_ui():
    result = _run("mypy", "--no-error-summary")
    assert result.returncode == 0, result.stdout + result.stderr
