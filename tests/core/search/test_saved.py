"""Saved searches and the search history in the data folder."""

from __future__ import annotations

import json

import pytest

from workbench.core.search.saved import SEARCHES_FILE, SavedSearchError, SearchMemory
from workbench.core.search.service import Query, query_from_json, query_to_json
from workbench.core.workspace import Workspace


def test_a_saved_search_keeps_its_filters_and_reruns_with_what_is_new(data_dir, tmp_path):
    ws = Workspace.open(data_dir)
    try:
        query = Query("合成生物", region="岳阳市")
        assert query_from_json(query_to_json(query)) == query
        found = [r.clause_id for r in ws.search.search(query).results]
        ws.search.memory.save("岳阳合成生物", query_to_json(query), found)
        doc = tmp_path / "yy.txt"
        doc.write_text(
            "岳阳市人民政府\n岳阳市支持合成生物产业的若干措施\n岳政发〔2024〕2号\n"
            "一、总体要求\n（一）建设合成生物中试平台。给予支持。\n",
            encoding="utf-8",
        )
        outcome = ws.library.import_file(doc)
        assert outcome.ok
    finally:
        ws.close()
    ws = Workspace.open(data_dir)  # the saved search outlives the session
    try:
        entry = ws.search.memory.get("岳阳合成生物")
        assert entry is not None and entry.query["region"] == "岳阳市"
        again = [r.clause_id for r in ws.search.search(query_from_json(entry.query)).results]
        new = ws.search.memory.rerun("岳阳合成生物", again)
        assert new and all(c.startswith(outcome.doc_id) for c in new)
        assert ws.search.memory.rerun("岳阳合成生物", again) == set()  # seen now
    finally:
        ws.close()


def test_bad_names_are_refused_and_nothing_is_written(tmp_path):
    memory = SearchMemory(tmp_path / SEARCHES_FILE)
    with pytest.raises(SavedSearchError, match="name"):
        memory.save("  ", {"text": "医药"}, [])
    with pytest.raises(SavedSearchError, match="empty query"):
        memory.save("空", {"text": " "}, [])
    assert not (tmp_path / SEARCHES_FILE).exists()


def test_the_history_keeps_what_was_run_not_every_keystroke(tmp_path):
    memory = SearchMemory(tmp_path / SEARCHES_FILE)
    for text in ("医", "医药", "医药产业", "细胞治疗", "医药产业"):
        memory.record({"text": text, "region": None})
    assert [h.query["text"] for h in memory.history] == ["医药产业", "细胞治疗"]
    memory.record({"text": "医药产业", "region": "南京市"})  # other filters: another entry
    assert len(SearchMemory(tmp_path / SEARCHES_FILE).history) == 3


def test_a_damaged_file_is_reported_and_left_as_it_was(tmp_path):
    path = tmp_path / SEARCHES_FILE
    path.write_text("[1, 2", encoding="utf-8")
    memory = SearchMemory(path)
    assert memory.load_error and SEARCHES_FILE in memory.load_error
    assert memory.saved == [] and path.read_text(encoding="utf-8") == "[1, 2"
    memory.save("医药", {"text": "医药"}, ["a"])  # saving again starts a good file
    assert json.loads(path.read_text(encoding="utf-8"))["saved"][0]["name"] == "医药"
