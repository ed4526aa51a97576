"""The command line as a person or a script uses it: output, exit codes, messages."""

from __future__ import annotations

import json

import pytest

from tests.cli.conftest import make_runner


@pytest.fixture
def run(tmp_path, capsys):
    """On a new data folder: the first command seeds it."""
    return make_runner(tmp_path / "data", capsys)


def test_docs_list_json_has_one_object_per_document_with_the_promised_fields(run):
    code, out, err = run("docs", "list", "--json", "--as-of", "2026-11-24")
    assert code == 0, err
    docs = json.loads(out)
    assert len(docs) == 5
    for d in docs:
        assert {
            "id",
            "title",
            "doc_number",
            "issuer",
            "issued",
            "level",
            "region",
            "status",
            "valid_until",
        } <= d.keys()
    hunan = next(d for d in docs if d["id"] == "hunan-biomedicine-2026")
    assert hunan["doc_number"] == "湘政办发〔2026〕15号"
    assert hunan["issued"] == "2026-02-14" and hunan["valid_until"] == "2031-02-13"
    assert hunan["status"] == "in_force" and hunan["level"] == "provincial" and hunan["region"] == "湖南省"
    nanjing = next(d for d in docs if d["id"] == "nanjing-bioeconomy-2021")
    assert nanjing["doc_number"] is None
    changsha = next(d for d in docs if d["id"] == "changsha-bioeconomy-2023")
    assert changsha["status"] == "expired"


def test_docs_show_json_gives_the_clause_tree(run):
    code, out, _ = run("docs", "show", "changsha-bioeconomy-2023", "--json")
    assert code == 0
    doc = json.loads(out)
    parts = [c for c in doc["clauses"] if c["kind"] == "part"]
    assert [p["path"] for p in parts] == ["一", "二", "三", "四"]
    third = parts[2]
    second = third["children"][1]
    assert second["path"] == "三/（二）" and second["heading"] == "科技创新攻坚行动"
    item = second["children"][0]
    assert {"id", "path", "heading", "text", "responsible", "children"} <= item.keys()
    assert item["id"] == "changsha-bioeconomy-2023:三/（二）/1"
    refs = {r["value"]: r for r in doc["references"]}
    assert refs["发改高技〔2021〕1850号"]["target_id"] == "national-bioeconomy-2022"


def test_status_follows_as_of(run):
    _, out, _ = run("docs", "list", "--json", "--as-of", "2024-01-01")
    status = {d["id"]: d["status"] for d in json.loads(out)}
    assert status["hunan-biomedicine-2026"] == "not_yet_in_force"
    assert status["changsha-bioeconomy-2023"] == "in_force"


def test_unknown_document_is_a_message_on_stderr_with_a_non_zero_exit(run):
    code, out, err = run("docs", "show", "no-such-doc")
    assert code != 0 and out == ""
    assert "no-such-doc" in err and "Traceback" not in err


def test_a_bad_date_is_refused_by_name(run, capsys):
    with pytest.raises(SystemExit) as exit_info:
        run("docs", "list", "--as-of", "2026-02-30")
    assert exit_info.value.code != 0
    assert "2026-02-30" in capsys.readouterr().err


def test_import_and_remove_from_the_command_line(run, tmp_path):
    doc = tmp_path / "衡阳方案.txt"
    doc.write_text(
        "衡阳市人民政府\n关于支持生物医药的若干措施\n衡政发〔2024〕7号\n一、总体要求\n（一）加大支持。给予奖补。\n",
        encoding="gb18030",
    )
    bad = tmp_path / "表格.xls"
    bad.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    code, out, err = run("docs", "import", str(doc), str(bad))
    assert code == 1, "a refused file makes the exit status non-zero"
    assert "衡阳方案.txt" in out and "表格.xls" in err and "Traceback" not in err
    _, out, _ = run("docs", "list", "--json")
    imported = [d for d in json.loads(out) if d["doc_number"] == "衡政发〔2024〕7号"]
    assert len(imported) == 1
    code, out, _ = run("docs", "remove", imported[0]["id"])
    assert code == 0
    _, out, _ = run("docs", "list", "--json")
    assert len(json.loads(out)) == 5


def test_search_json_gives_hits_best_first_with_the_promised_fields(run):
    code, out, err = run("search", "医药产业", "--json", "--limit", "5")
    assert code == 0, err
    hits = json.loads(out)
    assert 0 < len(hits) <= 5
    for h in hits:
        assert {"doc_id", "doc_title", "clause_id", "path", "heading", "text", "snippet", "score"} <= h.keys()
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)
    assert any("医药产业" in h["snippet"] for h in hits)


def test_search_filters_and_readable_output(run):
    code, out, _ = run("search", "生物经济", "--region", "南京市", "--json")
    assert code == 0 and {h["doc_id"] for h in json.loads(out)} == {"nanjing-bioeconomy-2021"}
    code, out, _ = run("search", "医药", "--status", "现行有效", "--as-of", "2026-11-24", "--json")
    assert {h["doc_id"] for h in json.loads(out)} == {"hunan-biomedicine-2026"}
    code, out, _ = run("search", "潇湘财银贷")
    assert code == 0 and "【潇湘财银贷】" in out and "五/（十七）" in out


def test_search_with_a_malformed_query_says_so_and_still_answers(run):
    code, out, err = run("search", '"生物医药', "--json")
    assert code == 0 and json.loads(out)
    assert "查询语法有误" in err


def test_a_bad_filter_value_is_refused_by_name(run, capsys):
    with pytest.raises(SystemExit) as exit_info:
        run("search", "医药", "--level", "县")
    assert exit_info.value.code != 0
    assert "县" in capsys.readouterr().err


def test_index_rebuild_reports_progress(run):
    code, out, err = run("index", "rebuild")
    assert code == 0
    assert "100%" in err and "索引已重建" in out
    code, out, _ = run("index", "status")
    assert code == 0 and out.strip() == "ok"


def test_an_index_busy_in_another_instance_is_a_message_not_a_traceback(run, monkeypatch):
    from workbench.core.search.service import IndexBusyError, SearchService

    def busy(self, *args, **kwargs):
        raise IndexBusyError("another instance is writing")

    monkeypatch.setattr(SearchService, "rebuild", busy)
    code, out, err = run("index", "rebuild")
    assert code == 3 and "检索索引正被另一个程序写入" in err and "Traceback" not in err


def test_search_json_says_per_hit_which_words_matched_literally_or_by_synonym(run):
    code, out, err = run("search", "同一法人单位 每年奖励上限", "--json", "--limit", "3")
    assert code == 0, err
    top = json.loads(out)[0]
    assert top["clause_id"] == "hunan-biomedicine-2026:附则2"
    assert {"word": "上限", "how": "synonym", "via": "最高不超过"} in top["matched"]
    assert {"word": "法人单位", "how": "literal"} in top["matched"]
    assert top["missing"] == [] and top["synonym_marks"]


def test_search_offers_a_did_you_mean_and_marks_partial_hits(run):
    code, out, err = run("search", "医疗器戒")
    assert code == 0
    assert "您是不是要找：医疗器械（未自动替换）" in err
    assert "未找到同时包含全部检索词的条款，以下为部分匹配" in err
    assert "缺少：器戒" in out
    code, out, _ = run("search", "医疗器戒", "--strict")
    assert code == 0 and "没有找到匹配的条款" in out
