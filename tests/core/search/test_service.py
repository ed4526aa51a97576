"""Search over the real bundled library: relevance, filters, and the index kept in step."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from workbench.core.corpus.models import Level, ValidityStatus
from workbench.core.search.service import IndexState, Query
from workbench.core.workspace import INDEX_DIR, Workspace

H = "hunan-biomedicine-2026"
N = "national-bioeconomy-2022"
CS = "changsha-bioeconomy-2023"
CH = "changsha-big-health-2023"
NJ = "nanjing-bioeconomy-2021"

# Our relevance floor: each query must bring back this clause in the top five.
RELEVANCE = [
    ("医药", f"{H}:四"),  # inside 生物医药, in a heading
    ("医药产业", f"{H}:四/（十四）"),  # across jieba's 生物医药/产业 boundary
    ("器械", f"{H}:二/（八）"),  # inside 医疗器械
    ('"国家级科技创新中心"', f"{H}:一/（一）"),  # quoted phrase
    ("创新药 注册批件", f"{H}:一/（四）"),
    ("500万元 股权投资", f"{H}:五/（十七）"),
    ("潇湘财银贷", f"{H}:五/（十七）"),
    ("细胞 基因 临床研究", f"{H}:一/（三）"),
    ("細胞治療", f"{NJ}:二/（二）/2"),  # traditional characters
    ("CAR-T", f"{NJ}:二/（二）/2"),  # written CAR—T in the text
    ("BSL-3", f"{NJ}:二/（七）/3"),
    ("ＧＣＰ", f"{CS}:三/（二）/2/专栏二"),  # full-width letters
    ("15%", f"{NJ}:二/（六）/1"),
    ("5G 医用机器人", f"{CS}:三/（三）/4"),
    ("4000亿元 产业规模", f"{CS}:二"),  # the text has 4000 亿元 with a space
    ("产业规模达到4000亿元", f"{NJ}:一/（二）"),
    ("种业硅谷", f"{CS}:三/（一）/2"),
    ("生物经济发展形势", f"{N}:一"),  # a run-in heading of the one-line national plan
    ("打下了坚实基础", f"{N}:一"),  # page number —3— sits inside 打—3—下 in the source
    ("同一独立法人 5000万元", f"{H}:附则2"),
    ("从优、就高、不重复", f"{H}:附则2"),
    ("大健康产业联盟", f"{CH}:二/（三）/7"),
    ("首台（套） 医疗器械", f"{H}:三/（十一）"),
    ("知识产权 -商标", f"{N}:七/（二十）"),
    ("中医药 OR 中药 标准", f"{N}:四/（九）/专栏2/3"),
]


@pytest.fixture
def ws(data_dir):
    workspace = Workspace.open(data_dir)
    yield workspace
    workspace.close()


@pytest.mark.parametrize(("query", "clause_id"), RELEVANCE)
def test_relevance_floor(ws, query, clause_id):
    results = ws.search.search(Query(query, limit=5)).results
    assert clause_id in [r.clause_id for r in results], [r.clause_id for r in results]


def test_a_single_character_still_finds_something(ws):
    assert ws.search.search(Query("药")).results


def test_a_quoted_phrase_matches_only_adjacent_text(ws):
    loose = {r.clause_id for r in ws.search.search(Query("资源 保护", limit=200)).results}
    phrase = {r.clause_id for r in ws.search.search(Query('"资源保护"', limit=200)).results}
    assert phrase and phrase < loose
    for r in ws.search.search(Query('"资源保护"', limit=200)).results:
        assert "资源保护" in r.text.replace("\n", "")


def test_hits_carry_the_whole_clause_and_a_marked_sentence_snippet(ws):
    r = ws.search.search(Query("潇湘财银贷")).results[0]
    assert r.doc_title.startswith("湖南省人民政府办公厅") and r.doc_number == "湘政办发〔2026〕15号"
    assert r.path == "五/（十七）" and r.heading == "加大金融支持"
    assert r.text.startswith("（十七）加大金融支持") and "金芙蓉基金" in r.text
    assert "【潇湘财银贷】" in r.marked()
    assert r.snippet.endswith("。") and len(r.snippet) < len(r.text)
    assert r.to_json()["snippet_marked"].count("<mark>") >= 1


def test_filters_by_level_region_document_and_status(ws):
    by_level = ws.search.search(Query("生物经济", level=Level.MUNICIPAL, limit=100)).results
    assert by_level and {r.doc_id for r in by_level} <= {CS, CH, NJ}
    by_region = ws.search.search(Query("生物经济", region="南京市", limit=100)).results
    assert by_region and {r.doc_id for r in by_region} == {NJ}
    by_doc = ws.search.search(Query("人才", doc_ids=frozenset({N}), limit=100)).results
    assert by_doc and {r.doc_id for r in by_doc} == {N}
    in_force = ws.search.search(
        Query("医药", status=ValidityStatus.IN_FORCE, as_of=dt.date(2026, 11, 24), limit=100)
    ).results
    assert in_force and {r.doc_id for r in in_force} == {H}
    back_then = ws.search.search(
        Query("医药", status=ValidityStatus.IN_FORCE, as_of=dt.date(2024, 6, 1), limit=100)
    ).results
    assert H not in {r.doc_id for r in back_then} and CS in {r.doc_id for r in back_then}


def test_a_malformed_query_falls_back_to_plain_terms_and_says_so(ws):
    response = ws.search.search(Query('"生物医药 OR'))
    assert "malformed_query_fallback" in response.notices
    assert response.results


def test_import_and_removal_update_the_index_incrementally(ws, tmp_path):
    doc = tmp_path / "x.txt"
    doc.write_text(
        "岳阳市人民政府\n岳阳市支持合成生物产业的若干措施\n岳政发〔2024〕2号\n一、总体要求\n（一）建设合成生物中试平台。给予支持。\n",
        encoding="utf-8",
    )
    outcome = ws.library.import_file(doc)
    assert ws.search.state() is IndexState.OK, "updated in place, not left stale"
    hits = ws.search.search(Query("合成生物中试平台")).results
    assert hits and hits[0].doc_id == outcome.doc_id
    ws.library.remove(outcome.doc_id)
    assert ws.search.state() is IndexState.OK
    # only partial matches of other documents remain
    assert not [r for r in ws.search.search(Query("合成生物中试平台")).results if r.complete]
    assert outcome.doc_id not in {r.doc_id for r in ws.search.search(Query("合成生物中试平台")).results}


def test_a_missing_or_corrupt_index_is_rebuilt_and_search_keeps_working(ws):
    index_dir = ws.data_dir / INDEX_DIR
    ws.search.close()
    for f in index_dir.iterdir():
        if f.is_file():
            f.write_bytes(b"garbage")
    assert ws.search.state() is IndexState.CORRUPT
    progress = []
    assert ws.search.ensure_current(progress=lambda d, t: progress.append((d, t)))
    assert progress and progress[-1][0] == progress[-1][1]
    assert ws.search.state() is IndexState.OK
    assert ws.search.search(Query("潇湘财银贷")).results
    shutil.rmtree(index_dir)
    assert ws.search.state() is IndexState.MISSING
    ws.search.ensure_current()
    assert ws.search.search(Query("潇湘财银贷")).results


def test_a_large_import_rebuilds_the_index_instead_of_one_huge_update(ws, tmp_path, monkeypatch):
    from workbench.core.search import service as search

    monkeypatch.setattr(search, "INCREMENTAL_LIMIT", 3)
    rebuilt = []
    real_rebuild = ws.search.rebuild
    monkeypatch.setattr(ws.search, "rebuild", lambda *a, **k: rebuilt.append(1) or real_rebuild(*a, **k))
    paths = []
    for i, city in enumerate(["株洲", "湘潭"]):
        p = tmp_path / f"{i}.txt"
        p.write_text(
            f"{city}市人民政府\n{city}市合成生物措施\n{city[0]}政发〔2024〕{i + 1}号\n一、总体要求\n（一）建设"
            f"{city}合成生物中试平台。给予支持。\n（二）"
            "其他。\n",
            encoding="utf-8",
        )
        paths.append(p)
    outcomes = ws.library.import_files(paths)
    assert all(o.ok for o in outcomes) and rebuilt == [1]
    assert ws.search.state() is IndexState.OK
    assert {r.doc_id for r in ws.search.search(Query("合成生物中试平台")).results if r.complete} == {
        o.doc_id for o in outcomes
    }
