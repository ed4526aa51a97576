"""Exports replace the old file only when the new one is complete."""

from __future__ import annotations

import os
import sys

import pytest

from workbench.core.atomic_files import replacing, write_atomically


def test_a_write_replaces_the_file_and_leaves_nothing_beside_it(tmp_path):
    path = tmp_path / "申报.json"
    path.write_text("old", encoding="utf-8")
    write_atomically(path, "新内容")
    write_atomically(tmp_path / "brief.pdf", b"%PDF-1.4")
    assert path.read_text(encoding="utf-8") == "新内容"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.pdf", "申报.json"]


def test_a_failed_write_keeps_the_old_file_and_removes_the_half_written_one(tmp_path):
    path = tmp_path / "指标.xlsx"
    path.write_bytes(b"the old workbook")
    with pytest.raises(RuntimeError), replacing(path) as tmp:
        assert tmp.suffix == ".xlsx" and tmp.parent == tmp_path
        tmp.write_bytes(b"half")
        raise RuntimeError("disk full")
    assert path.read_bytes() == b"the old workbook"
    assert [p.name for p in tmp_path.iterdir()] == ["指标.xlsx"]


@pytest.mark.skipif(sys.platform.startswith("win"), reason="POSIX permissions")
def test_a_written_file_gets_the_usual_permissions_not_a_temporary_files(tmp_path):
    umask = os.umask(0o022)
    os.umask(umask)
    path = tmp_path / "brief.pdf"
    write_atomically(path, b"%PDF-1.4")
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask
