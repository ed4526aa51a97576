"""Search that never strands a user: partial matches ranked, synonyms, punctuation inside
words, did-you-mean, over the real bundled library (issue 12)."""

from __future__ import annotations

import json

import pytest

from workbench.core.search.service import Query, ThesaurusError
from workbench.core.search.thesaurus import USER_THESAURUS_FILE
from workbench.core.search.types import NOTICE_PARTIAL, NOTICE_SYNONYMS
from workbench.core.workspace import Workspace

H = "hunan-biomedicine-2026"
N = "national-bioeconomy-2022"
CS = "changsha-bioeconomy-2023"
CH = "changsha-big-health-2023"
NJ = "nanjing-bioeconomy-2021"

# The queries of the issue: each found nothing, or not in the top five, with the strict AND.
STRANDED = [
    ("第三类创新医疗器械 奖励", f"{H}:一/（四）"),  # the text says 奖补
    ("国家级科技创新中心 每年奖补", f"{H}:一/（一）"),  # 每年一次性奖补
    ("同一法人单位 每年奖励上限", f"{H}:附则2"),  # 同一独立法人单位每年累计…最高不超过
    ("D类人才", f"{CH}:二/（五）/17"),  # D类及以上人才
    ("研发投入15% 最高1000万元", f"{NJ}:二/（六）/1"),  # 按照研发投入的15%、最高1000万元
    ("GCP临床试验机构", f"{CS}:三/（二）/2/专栏二"),  # 符合GCP、ICH标准的临床试验机构
    ("首台套", f"{H}:三/（十一）"),  # 首台（套）
]


@pytest.fixture
def ws(data_dir):
    workspace = Workspace.open(data_dir)
    yield workspace
    workspace.close()


def ids(ws, text, limit=5, **kw):
    return [r.clause_id for r in ws.search.search(Query(text, limit=limit, **kw)).results]


@pytest.mark.parametrize(("query", "clause_id"), STRANDED)
def test_the_stranded_queries_of_the_issue_find_their_clause_in_the_top_five(ws, query, clause_id):
    assert clause_id in ids(ws, query), ids(ws, query)
    # and the strict AND of before did not
    assert clause_id not in ids(ws, query, strict=True)


def test_a_partial_match_says_so_and_marks_the_missing_words(ws):
    response = ws.search.search(Query("潇湘财银贷 无人机"))
    assert NOTICE_PARTIAL in response.notices
    top = response.results[0]
    assert top.clause_id == f"{H}:五/（十七）"
    assert top.missing == ("无人机",)
    assert not top.complete
    assert response.complete == 0


def test_clauses_with_every_word_rank_above_those_with_some(ws):
    results = ws.search.search(Query("细胞 临床 医保", limit=30)).results
    holds_all = [not r.missing for r in results]
    assert holds_all[0] and holds_all == sorted(holds_all, reverse=True)
    assert not all(holds_all)  # partial matches follow


def test_the_exact_phrase_ranks_first(ws):
    # every clause holding both words, the one holding them as one phrase first
    results = ws.search.search(Query("一次性 奖补", limit=10)).results
    complete = [r for r in results if r.complete]
    assert len(complete) >= 2 and results[: len(complete)] == complete
    phrase = ["一次性奖补" in r.text for r in complete]
    assert phrase[0] and phrase == sorted(phrase, reverse=True)


def test_a_synonym_match_is_marked_as_such_and_ranks_below_literal_ones(ws):
    response = ws.search.search(Query("每年一次性奖励", limit=20))
    assert NOTICE_SYNONYMS in response.notices
    by_synonym = [r for r in response.results if any(w.how == "synonym" for w in r.words)]
    assert by_synonym
    hit = next(r for r in by_synonym if r.clause_id == f"{H}:一/（一）")
    assert any(w.word == "奖励" and w.via == "奖补" for w in hit.words)
    # the synonym's occurrences are the snippet's synonym marks
    assert hit.synonym_marks and all(hit.snippet[a:b] == "奖补" for a, b in hit.synonym_marks)
    # holding every word by a synonym ranks above holding only some of them literally
    tiers = [(r.clause_id, not r.missing) for r in response.results]
    assert tiers[0] == (f"{H}:一/（一）", True)


def test_strict_operators_keep_their_meaning(ws):
    # a quoted phrase is exact: no synonyms, no partial credit
    quoted = ws.search.search(Query('"一次性奖补" 平台', limit=50)).results
    assert quoted and all("一次性奖补" in r.text for r in quoted)
    assert ws.search.search(Query('"一次性奖励"')).results == []  # the bundled texts say 奖补
    # an excluded word is excluded from partial matches too
    for r in ws.search.search(Query("第三类创新医疗器械 奖励 -化妆品", limit=50)).results:
        assert "化妆品" not in r.text
    # OR alternates: either word satisfies the group
    either = ws.search.search(Query("潇湘财银贷 OR 即收即检", limit=5)).results
    assert {f"{H}:五/（十七）", f"{H}:二/（八）"} <= {r.clause_id for r in either if r.complete}


def test_the_strict_mode_is_the_and_of_before(ws):
    for r in ws.search.search(Query("细胞 临床", limit=50, strict=True)).results:
        assert "细胞" in r.text and "临床" in r.text
    assert ids(ws, "第三类创新医疗器械 奖励", strict=True) == []


def test_a_slip_gets_a_did_you_mean_that_is_offered_not_applied(ws):
    response = ws.search.search(Query("医疗器戒"))
    assert response.suggestions == ["医疗器械"]
    assert all(not r.complete for r in response.results)  # nothing was searched in its place
    # a query every word of which is found offers nothing
    assert ws.search.search(Query("医疗器械")).suggestions == []


def test_a_traditional_variant_folding_misses_gets_a_suggestion(ws):
    # 衞 (a variant of 卫 that OpenCC's t2s leaves alone): one character off
    response = ws.search.search(Query("公共衞生"))
    assert response.suggestions == ["公共卫生"]


def test_punctuation_inside_words_and_numbers_with_their_unit(ws):
    assert f"{N}:七/（二十一）" in ids(ws, "首台套 保险补偿")
    hit = next(r for r in ws.search.search(Query("首台套")).results if r.clause_id == f"{H}:三/（十一）")
    assert "首台（套）" in hit.snippet
    # 500万 is not 1500万: the number keeps its boundary
    for r in ws.search.search(Query("500万 一次性", limit=20)).results:
        if any(w.word == "500万" and w.how == "literal" for w in r.words):
            assert "500万" in r.text.replace("1500万", "")


def test_the_person_extends_the_thesaurus_in_the_data_folder(ws):
    assert ids(ws, "芙实") == []  # what people in Changsha call the 芙蓉实验室
    ws.search.set_user_synonyms([["芙实", "芙蓉实验室"]])
    saved = json.loads((ws.data_dir / USER_THESAURUS_FILE).read_text(encoding="utf-8"))
    assert saved["groups"] == [{"words": ["芙实", "芙蓉实验室"]}]
    assert f"{CS}:三/（二）/2/专栏二" in ids(ws, "芙实 精准医学")
    assert ws.search.user_synonyms() == [["芙实", "芙蓉实验室"]]


def test_a_group_of_one_word_is_refused_and_the_file_left_as_it_was(ws):
    ws.search.set_user_synonyms([["海归", "全球"]])
    before = (ws.data_dir / USER_THESAURUS_FILE).read_bytes()
    with pytest.raises(ThesaurusError, match="group 2"):
        ws.search.set_user_synonyms([["甲", "乙"], ["丙"]])
    assert (ws.data_dir / USER_THESAURUS_FILE).read_bytes() == before


def test_a_damaged_user_thesaurus_is_reported_and_the_bundled_one_still_works(data_dir):
    (data_dir / USER_THESAURUS_FILE).write_text("{not json", encoding="utf-8")
    ws = Workspace.open(data_dir)
    try:
        assert ws.search.thesaurus_error and USER_THESAURUS_FILE in ws.search.thesaurus_error
        assert f"{H}:一/（四）" in ids(ws, "第三类创新医疗器械 奖励")
        assert (data_dir / USER_THESAURUS_FILE).read_text(encoding="utf-8") == "{not json"
    finally:
        ws.close()


def test_json_of_a_hit_says_which_words_matched_and_how(ws):
    r = ws.search.search(Query("同一法人单位 每年奖励上限")).results[0]
    data = r.to_json()
    assert {"word": "奖励", "how": "literal"} in data["matched"] or {
        "word": "奖励",
        "how": "synonym",
        "via": "奖补",
    } in data["matched"]
    assert {"word": "上限", "how": "synonym", "via": "最高不超过"} in data["matched"]
    assert data["missing"] == []
