"""The library on a real SQLite file in a temporary data folder."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from tests.conftest import DOCUMENTS_DIR
from workbench.core.corpus.library import ImportProblem
from workbench.core.corpus.models import ValidityStatus
from workbench.core.workspace import Workspace

TODAY = dt.date(2026, 11, 24)
BUNDLED_IDS = {
    "national-bioeconomy-2022",
    "hunan-biomedicine-2026",
    "changsha-bioeconomy-2023",
    "changsha-big-health-2023",
    "nanjing-bioeconomy-2021",
}


@pytest.fixture
def workspace(tmp_path):
    ws = Workspace.open(tmp_path / "data")
    yield ws
    ws.close()


def _dump(ws: Workspace) -> list[str]:
    """Every row of every table, to prove an operation changed nothing."""
    return list(ws.db.conn.iterdump())


def _hunan_like(title: str, number: str, body: str = "") -> str:
    return (
        f"湖南省人民政府办公厅\n\n{title}\n\n{number}\n\n各市州人民政府：\n\n"
        f"一、总体要求\n\n（一）支持创新。{body or '对新获批的平台给予支持。'}（省科技厅负责）\n\n"
        "本意见自印发之日起实施，有效期5年。\n\n湖南省人民政府办公厅\n\n2021年6月1日\n"
    )


def test_first_start_with_an_empty_data_folder_holds_exactly_the_bundled_documents(workspace):
    assert {d.id for d in workspace.library.documents(TODAY)} == BUNDLED_IDS


def test_reopening_does_not_seed_again_and_a_removed_bundled_document_stays_removed(tmp_path):
    ws = Workspace.open(tmp_path / "data")
    assert ws.library.remove("nanjing-bioeconomy-2021")
    ws.close()
    ws = Workspace.open(tmp_path / "data")
    assert {d.id for d in ws.library.documents(TODAY)} == BUNDLED_IDS - {"nanjing-bioeconomy-2021"}
    ws.close()


def test_validity_as_of_today_and_as_of_other_days(workspace):
    status = {d.id: d.status for d in workspace.library.documents(TODAY)}
    assert status["changsha-bioeconomy-2023"] is ValidityStatus.EXPIRED  # 3 years from 2023-03-24
    assert status["hunan-biomedicine-2026"] is ValidityStatus.IN_FORCE
    early = {d.id: d.status for d in workspace.library.documents(dt.date(2026, 2, 13))}
    assert early["hunan-biomedicine-2026"] is ValidityStatus.NOT_YET
    assert early["changsha-bioeconomy-2023"] is ValidityStatus.IN_FORCE
    late = {d.id: d.status for d in workspace.library.documents(dt.date(2031, 2, 14))}
    assert late["hunan-biomedicine-2026"] is ValidityStatus.EXPIRED


def test_references_resolve_to_library_documents_or_are_marked_missing(workspace):
    changsha = workspace.library.document("changsha-bioeconomy-2023", TODAY)
    national = [r for r in changsha.references if r.value == "发改高技〔2021〕1850号"]
    assert national and national[0].target_id == "national-bioeconomy-2022"
    assert national[0].clause_id == "changsha-bioeconomy-2023:序"
    big_health = workspace.library.document("changsha-big-health-2023", TODAY)
    provincial = [r for r in big_health.references if r.value == "湘政办发〔2023〕5号"]
    assert provincial and provincial[0].target_id is None


def test_a_document_repealed_by_a_library_document_is_repealed_from_that_day(workspace, tmp_path):
    old = tmp_path / "old.txt"
    old.write_text(
        _hunan_like("湖南省人民政府办公厅关于促进生物医药产业创新发展的若干意见", "湘政办发〔2021〕44号"),
        encoding="utf-8",
    )
    outcome = workspace.library.import_file(old)
    assert outcome.ok, outcome
    on = {d.id: d for d in workspace.library.documents(TODAY)}
    assert on[outcome.doc_id].status is ValidityStatus.REPEALED
    assert on[outcome.doc_id].repealed_by == "hunan-biomedicine-2026"
    before = {d.id: d for d in workspace.library.documents(dt.date(2025, 12, 31))}
    assert before[outcome.doc_id].status is ValidityStatus.IN_FORCE
    hunan = workspace.library.document("hunan-biomedicine-2026", TODAY)
    assert [r["target_id"] for r in hunan.repeals] == [outcome.doc_id]


def test_repeal_of_a_document_not_in_the_library_stays_listed_as_missing(workspace):
    hunan = workspace.library.document("hunan-biomedicine-2026", TODAY)
    assert [(r["doc_number"], r["target_id"]) for r in hunan.repeals] == [("湘政办发〔2021〕44号", None)]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_import_a_text_file_in_any_common_chinese_encoding(workspace, tmp_path, encoding):
    path = tmp_path / f"doc-{encoding}.txt"
    path.write_text(
        _hunan_like("株洲市关于支持医疗器械产业发展的若干措施", "株政发〔2024〕3号"), encoding=encoding
    )
    outcome = workspace.library.import_file(path)
    assert outcome.ok, outcome
    detail = workspace.library.document(outcome.doc_id, TODAY)
    assert detail.info.doc_number == "株政发〔2024〕3号"
    assert [c.path for c in detail.clauses if c.level] == ["一", "一/（一）"]


def test_the_same_document_twice_is_refused_naming_the_one_already_there(workspace):
    outcome = workspace.library.import_file(DOCUMENTS_DIR / "hunan-biomedicine-innovation-opinions-2026.txt")
    assert outcome.problem is ImportProblem.DUPLICATE
    assert outcome.detail == "hunan-biomedicine-2026"
    assert outcome.source == "hunan-biomedicine-innovation-opinions-2026.txt"


def test_a_bad_file_is_refused_and_the_library_is_exactly_as_it_was(workspace, tmp_path):
    png = tmp_path / "scan.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    before = _dump(workspace)
    outcome = workspace.library.import_file(png)
    assert outcome.problem is ImportProblem.BINARY
    assert outcome.source == "scan.txt"
    assert _dump(workspace) == before


def test_a_failure_while_storing_leaves_nothing_behind(workspace, tmp_path, monkeypatch):
    from db import documents

    path = tmp_path / "new.txt"
    path.write_text(_hunan_like("衡阳市生物医药产业发展行动方案", "衡政办发〔2024〕9号"), encoding="utf-8")
    before = _dump(workspace)
    original = documents._write_children

    def fail_halfway(db, clauses, noise, references, repeals):
        db.table("clauses").insert_all(dict(c) for c in clauses)
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(documents, "_write_children", fail_halfway)
    with pytest.raises(sqlite3.OperationalError):
        workspace.library.import_file(path)
    monkeypatch.setattr(documents, "_write_children", original)
    assert _dump(workspace) == before


def test_importing_many_files_keeps_the_good_ones_and_reports_each(workspace, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(_hunan_like("岳阳市促进生物经济发展的实施意见", "岳政发〔2024〕1号"), encoding="gb18030")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    missing = tmp_path / "missing.docx"
    outcomes = workspace.library.import_files([empty, good, missing])
    assert [o.problem for o in outcomes] == [ImportProblem.EMPTY, None, ImportProblem.NOT_FOUND]
    assert [o.source for o in outcomes] == ["empty.txt", "good.txt", "missing.docx"]
    assert outcomes[1].doc_id in {d.id for d in workspace.library.documents(TODAY)}


def test_a_cancelled_import_keeps_what_was_done_and_reports_the_rest(workspace, tmp_path):
    paths = []
    for i, city in enumerate(["常德", "郴州", "益阳"]):
        p = tmp_path / f"{i}.txt"
        p.write_text(
            _hunan_like(f"{city}市生物医药产业若干措施", f"常政发〔2024〕{i + 1}号"), encoding="utf-8"
        )
        paths.append(p)
    calls = []
    outcomes = workspace.library.import_files(
        paths, progress=lambda d, t: calls.append(d), cancelled=lambda: len(calls) >= 1
    )
    assert [o.ok for o in outcomes] == [True, False, False]
    assert outcomes[2].problem is ImportProblem.CANCELLED


def test_removing_a_document_removes_it_and_its_clauses_and_nothing_else(workspace):
    count = lambda sql: workspace.db.execute(sql).fetchone()[0]  # noqa: E731
    others = count("SELECT count(*) FROM clauses WHERE doc_id != 'nanjing-bioeconomy-2021'")
    assert workspace.library.remove("nanjing-bioeconomy-2021")
    assert count("SELECT count(*) FROM clauses WHERE doc_id = 'nanjing-bioeconomy-2021'") == 0
    assert count("SELECT count(*) FROM clauses") == others
    assert len(workspace.library.documents(TODAY)) == 4
    assert not workspace.library.remove("nanjing-bioeconomy-2021")


def test_an_upgraded_database_gets_its_derived_data_rebuilt(tmp_path):
    import shutil

    from tests.db.test_migrations import FIXTURES

    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(FIXTURES / "library-v1.sqlite3", data / "library.sqlite3")
    ws = Workspace.open(data)
    hunan = ws.library.document("hunan-biomedicine-2026", TODAY)
    assert [r["doc_number"] for r in hunan.repeals] == ["湘政办发〔2021〕44号"]
    assert {d.id for d in ws.library.documents(TODAY)} == {"hunan-biomedicine-2026"}, (
        "the seeded flag survives"
    )
    ws.close()
