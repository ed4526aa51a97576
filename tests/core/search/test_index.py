"""The clause search index, on a real on-disk index built from hand-made clauses.

Most clause texts are copied from the bundled documents; a few are written to
put two cases side by side (adjacent vs. scattered words, 500万元 vs. 1500万元).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import ROOT
from workbench.core.search import index as search_index
from workbench.core.search import snippets, types
from workbench.core.search.index import SearchIndex
from workbench.core.search.snippets import marked_snippet
from workbench.core.search.types import (
    NOTICE_INDEX_UNAVAILABLE,
    NOTICE_MALFORMED,
    IndexBusyError,
    IndexRecord,
    IndexState,
    SearchFilters,
    SearchHit,
)

HUNAN = ("hunan", "湖南省人民政府办公厅关于促进生物医药产业创新发展的若干意见", "湘政办发〔2026〕15号")
NANJING = ("nanjing", "南京市生物经济发展三年行动计划（2021—2023年）", None)
CHANGSHA = ("changsha", "长沙市生物经济发展三年行动计划（2023—2025年）", "长发改创高〔2023〕22号")
HEALTH = ("health", "长沙市大健康产业高质量发展2023年实施方案", "长发改社会〔2023〕76号")

DOCS = {
    "hunan": dict(level="provincial", region="湖南省", issuer="湖南省人民政府办公厅", issued_year=2026),
    "nanjing": dict(level="municipal", region="南京市", issuer="南京市人民政府办公厅", issued_year=2021),
    "changsha": dict(level="municipal", region="长沙市", issuer="长沙市发展和改革委员会", issued_year=2023),
    "health": dict(level="municipal", region="长沙市", issuer="长沙市发展和改革委员会", issued_year=2023),
}

# One heading sentence, then a single sentence of more than 200 characters (as in the national plan).
LONG_BODY = (
    "（三）壮大生物制造产业。推动合成生物学技术创新，突破生物制造菌种计算设计、高通量筛选、高效表达、"
    "精准调控等关键技术，有序推动在新药开发、疾病诊断、生物育种、新材料研发等领域的应用，"
    "提升生物基材料、生物质能源、酶制剂等产品的产业化水平，支持企业建设中试平台和公共服务平台，"
    "鼓励开展细胞治疗相关的工艺开发和检测服务，培育一批专业化的合同研发生产组织，"
    "推动生物制造产品进入医药、化工、能源、轻工等行业应用，"
    "打造一批具有核心竞争力的生物制造企业和产业集群，形成特色鲜明、优势互补的发展格局，"
    "带动食品、纺织、造纸等传统产业绿色转型升级。"
)

CLAUSES = [
    # (doc, clause path, heading, text)
    (
        HUNAN,
        "一/（一）",
        "支持生物医药创新平台建设",
        "（一）支持生物医药创新平台建设。对新获批的国家级科技创新中心，每个平台每年一次性奖补500万元，"
        "连续支持3年，由相关专项资金予以支持。",
    ),
    (
        HUNAN,
        "一/（三）",
        "支持细胞和基因研究",
        "（三）支持细胞和基因研究。支持开展细胞存储中心、细胞制备中心建设，支持上述机构合作开展细胞和基因临床研究、"
        "临床试验。",
    ),
    (
        HUNAN,
        "一/（四）",
        "支持创新产品产业化落地",
        "（四）支持创新产品产业化落地。对首次获得药品注册批件的创新药、获得生产批件的第三类创新医疗器械和第二类创新"
        "医疗器械企业，符合产业化落地等相关条件的，分别给予不超过500万元、100万元、50万元一次性奖补。",
    ),
    (
        HUNAN,
        "二/（六）",
        "支持重大项目建设",
        "（六）支持重大项目建设。对总投资超过1亿元的生物医药项目，按设备投资的10%给予补助，最高不超过1500万元。",
    ),
    (
        NANJING,
        "二/（一）/3",
        "建设细胞与基因治疗产业创新中心",
        "3．建设细胞与基因治疗产业创新中心。发挥我市精准治疗领域龙头企业技术优势，围绕CAR—T、CAR—NK、同种异体CAR—T、"
        "TCR—T等多种先进治疗技术，推动细胞与基因治疗技术攻关。",
    ),
    (
        NANJING,
        "二/（四）/2",
        "",
        "加快建设高等级病原微生物实验室（ABSL—3、BSL—3），提高全市应对突发重大公共卫生事件的能力。",
    ),
    (
        NANJING,
        "一/（二）",
        "主要目标",
        "（二）主要目标\n到2023年，生物经济成为全市新的经济增长点，产业竞争力显著增强，产业规模达到4000亿元。",
    ),
    (
        NANJING,
        "二/（三）/1",
        "打造全国生物数字服务中心",
        "1．打造全国生物数字服务中心。加快人工智能、5G技术在医用机器人、医学影像辅助诊断等领域的应用。"
        "加快推进与南京医科大学共建药物临床试验（GCP）中心。",
    ),
    (
        NANJING,
        "二/（五）/2",
        "支持企业研发",
        "2．支持企业研发。对承担重大关键核心技术攻关项目的企业，按照研发投入的15%、最高1000万元给予资金支持。"
        "对研发投入增长超过150%的企业予以通报表扬。",
    ),
    (
        CHANGSHA,
        "一/（二）",
        "发展目标",
        "（二）发展目标\n到 2025 年，全市生物经济市场主体竞争力实现新跨越，产业规模达到 4000 亿元，"
        "建设国家生物经济先导区取得重大进展。",
    ),
    (
        CHANGSHA,
        "二/（二）",
        "提升临床研究能力",
        "（二）提升临床研究能力。鼓励社会资本和医疗机构建设符合 ＧＣＰ、ICH 标准的临床试验机构。",
    ),
    (CHANGSHA, "二/（四）", "發展細胞治療", "（四）發展細胞治療。支持細胞治療、基因治療等前沿技術臨床轉化。"),
    (CHANGSHA, "二/（三）", "壮大生物制造产业", LONG_BODY),
    (
        HEALTH,
        "二/（二）",
        "大力发展医疗器械产业",
        "（二）大力发展医疗器械产业。引进一批高端医疗器械企业，提升医疗器械产业规模。",
    ),
    (
        HEALTH,
        "二/（五）",
        "推动中医药传承创新",
        "（五）推动中医药传承创新。支持中药材种植基地建设<p>，推动“湘九味”中药材品牌建设。培育药食同源产品。",
    ),
]


def make_records(clauses=CLAUSES) -> list[IndexRecord]:
    records = []
    for ordinal, ((doc_id, title, number), path, heading, text) in enumerate(clauses):
        records.append(
            IndexRecord(
                clause_id=f"{doc_id}:{path}",
                doc_id=doc_id,
                doc_title=title,
                doc_number=number,
                path=path,
                heading=heading,
                text=text,
                ordinal=ordinal,
                **DOCS[doc_id],
            )
        )
    return records


@pytest.fixture(scope="module")
def index(tmp_path_factory) -> SearchIndex:
    records = make_records()
    ix = SearchIndex(tmp_path_factory.mktemp("search") / "index")
    assert ix.rebuild(iter(records), len(records), "fp-1")
    yield ix
    ix.close()


def ids(index: SearchIndex, query: str, **filters) -> list[str]:
    """The clauses holding every term as written (the strict AND), best first: they
    rank above every partial match."""
    response = index.search(query, SearchFilters(**filters), limit=50)
    complete = [h.clause_id for h in response.hits if h.complete]
    assert [h.clause_id for h in response.hits[: len(complete)]] == complete
    assert response.complete == len(complete)
    return complete


def hit(index: SearchIndex, query: str, clause_id: str) -> SearchHit:
    for h in index.search(query, limit=50).hits:
        if h.clause_id == clause_id:
            return h
    raise AssertionError(f"{query!r} does not find {clause_id}")


def marked(h: SearchHit) -> list[str]:
    return [h.snippet[a:b] for a, b in h.marks]


# --- Chinese matching ----------------------------------------------------------


def test_a_word_finds_longer_words_containing_it(index):
    assert "hunan:一/（一）" in ids(index, "医药")  # 生物医药
    assert set(ids(index, "器械")) == {"hunan:一/（四）", "health:二/（二）"}  # 医疗器械
    assert marked(hit(index, "器械", "health:二/（二）"))[:1] == ["器械"]


def test_a_word_spanning_a_segmentation_boundary_is_found(index):
    # jieba cuts 生物医药/产业; 医药产业 is still adjacent text
    record = make_records([(HUNAN, "x", "", "促进生物医药产业高质量发展。")])[0]
    ix = SearchIndex(index.directory.parent / "boundary")
    ix.rebuild([record], 1, "fp")
    assert [h.clause_id for h in ix.search("医药产业").hits] == [record.clause_id]
    assert marked(ix.search("医药产业").hits[0]) == ["医药产业"]
    ix.close()


def test_a_single_character_finds_something(index):
    found = ids(index, "药")
    assert {"hunan:一/（四）", "health:二/（五）"} <= set(found)  # 创新药, 中药材
    assert "nanjing:二/（四）/2" not in found
    marks = marked(hit(index, "药", "health:二/（五）"))
    assert len(marks) >= 2 and set(marks) == {"药"}


def test_quoted_phrases_match_adjacent_text_only(index):
    scattered = "nanjing:二/（一）/3"  # 细胞与基因治疗
    adjacent = "changsha:二/（三）"  # 细胞治疗相关的工艺开发
    assert {scattered, adjacent} <= set(ids(index, "细胞 治疗"))
    assert scattered not in ids(index, '"细胞治疗"')
    assert adjacent in ids(index, '"细胞治疗"')
    assert adjacent in ids(index, "“细胞治疗”")  # Chinese quotes
    assert adjacent in ids(index, '"细胞 治疗"')  # spaces between Chinese characters mean nothing


def test_a_long_unquoted_run_is_split_into_words_but_a_quoted_one_is_not(index):
    # 细胞治疗技术攻关: the Nanjing clause has 细胞…治疗技术攻关, never adjacent
    assert "nanjing:二/（一）/3" in ids(index, "细胞治疗技术攻关")
    assert ids(index, '"细胞治疗技术攻关"') == []
    # the run as written ranks first where it occurs
    record = make_records([(NANJING, "y", "", "加快细胞治疗技术攻关。")])
    ix = SearchIndex(index.directory.parent / "split")
    ix.rebuild(make_records() + record, len(CLAUSES) + 1, "fp")
    assert [h.clause_id for h in ix.search("细胞治疗技术攻关").hits][0] == "nanjing:y"
    ix.close()


# --- folding on both sides -------------------------------------------------------


def test_full_width_and_case_fold(index):
    expected = {"nanjing:二/（三）/1", "changsha:二/（二）"}  # GCP and ＧＣＰ
    assert set(ids(index, "ＧＣＰ")) == expected
    assert set(ids(index, "gcp")) == expected
    assert marked(hit(index, "gcp", "changsha:二/（二）")) == ["ＧＣＰ"]


def test_traditional_and_simplified_find_each_other(index):
    traditional = "changsha:二/（四）"
    simplified = "changsha:二/（三）"
    assert {traditional, simplified} <= set(ids(index, "细胞治疗"))
    assert {traditional, simplified} <= set(ids(index, "細胞治療"))
    assert marked(hit(index, "细胞治疗", traditional))[0] == "細胞治療"


def test_spaces_between_numbers_and_units_do_not_matter(index):
    both = {"nanjing:一/（二）", "changsha:一/（二）"}
    assert set(ids(index, "4000亿元")) == both
    assert set(ids(index, "4000 亿元")) == both
    assert marked(hit(index, "4000亿元", "changsha:一/（二）")) == ["4000 亿元"]
    assert "changsha:一/（二）" in ids(index, "2025年")


@pytest.mark.parametrize("query", ["CAR-T", "CAR—T", "CAR–T", "CAR－T", "car-t", "ＣＡＲ－Ｔ"])
def test_dash_variants_in_names_are_the_same(index, query):
    assert ids(index, query) == ["nanjing:二/（一）/3"]
    assert marked(hit(index, query, "nanjing:二/（一）/3")) == ["CAR—T", "CAR—T"]


def test_bsl_3_and_token_boundaries(index):
    assert ids(index, "BSL-3") == ["nanjing:二/（四）/2"]
    assert ids(index, "BSL—3") == ["nanjing:二/（四）/2"]
    assert ids(index, "ABSL-3") == ["nanjing:二/（四）/2"]
    assert ids(index, "SL-3") == []  # inside the word ABSL/BSL
    assert marked(hit(index, "BSL-3", "nanjing:二/（四）/2")) == ["BSL—3"]


# --- Latin words and numbers ---------------------------------------------------


def test_latin_words_and_numbers_are_tokens(index):
    assert ids(index, "5G") == ["nanjing:二/（三）/1"]
    assert ids(index, "5g") == ["nanjing:二/（三）/1"]
    assert ids(index, "ICH") == ["changsha:二/（二）"]


def test_money_amounts_match_whole_numbers(index):
    assert set(ids(index, "500万元")) == {"hunan:一/（一）", "hunan:一/（四）"}
    assert ids(index, "1500万元") == ["hunan:二/（六）"]
    assert marked(hit(index, "500万元", "hunan:一/（四）")) == ["500万元"]


def test_percentages_match_whole_numbers(index):
    assert ids(index, "15%") == ["nanjing:二/（五）/2"]
    assert ids(index, "15％") == ["nanjing:二/（五）/2"]
    assert marked(hit(index, "15%", "nanjing:二/（五）/2")) == ["15%"]
    assert ids(index, "10%") == ["hunan:二/（六）"]


# --- the query language ---------------------------------------------------------


def test_plain_words_are_anded(index):
    assert set(ids(index, "细胞 临床")) == {"hunan:一/（三）", "changsha:二/（四）"}


def test_or_between_terms(index):
    assert set(ids(index, "器械 OR 中医药")) == {"hunan:一/（四）", "health:二/（二）", "health:二/（五）"}
    assert set(ids(index, "器械 | 中医药")) == set(ids(index, "器械 OR 中医药"))
    # OR binds the terms beside it; the group is ANDed with the rest
    assert set(ids(index, "企业 器械 OR 中医药")) == {"hunan:一/（四）", "health:二/（二）"}
    # quoted phrases take part too
    assert set(ids(index, '"细胞治疗" OR 5G')) == {
        "changsha:二/（三）",
        "changsha:二/（四）",
        "nanjing:二/（三）/1",
    }


def test_a_leading_minus_excludes(index):
    with_gene = set(ids(index, "细胞"))
    without = set(ids(index, "细胞 -基因"))
    assert "hunan:一/（三）" in with_gene and "hunan:一/（三）" not in without
    assert "changsha:二/（三）" in without
    assert without == {"changsha:二/（三）"}  # every other clause on 细胞 mentions 基因
    assert set(ids(index, '细胞 -"细胞治疗"')) == {"hunan:一/（三）", "nanjing:二/（一）/3"}


@pytest.mark.parametrize(
    ("query", "plain"),
    [
        ('"细胞治疗', "细胞治疗"),  # unbalanced quote
        ("细胞 OR", "细胞"),  # dangling OR
        ("OR 细胞", "细胞"),
        ("器械 OR OR 细胞", "器械 细胞"),
        ("-基因", "基因"),  # only negative terms
        ("细胞 - 基因", "细胞 基因"),  # a lone minus
        ("细胞 OR -基因", "细胞 基因"),
    ],
)
def test_a_malformed_query_falls_back_to_plain_terms_with_a_notice(index, query, plain):
    response = index.search(query)
    assert response.notices[0] == NOTICE_MALFORMED
    assert [h.clause_id for h in response.hits] == [h.clause_id for h in index.search(plain).hits]
    assert NOTICE_MALFORMED not in index.search(plain).notices
    assert response.notices[1:] == index.search(plain).notices


@pytest.mark.parametrize("query", ["OR", "-", '""', '"', "OR OR", "- -", "|"])
def test_lone_operators_find_nothing_with_a_notice(index, query):
    response = index.search(query)
    assert response.hits == [] and response.total == 0
    assert response.notices == [NOTICE_MALFORMED]


@pytest.mark.parametrize("query", ["", "   ", "\u3000"])
def test_an_empty_query_finds_nothing_quietly(index, query):
    assert index.search(query) == types.SearchResponse([], [], 0)


def test_a_query_of_punctuation_only_says_there_is_nothing_to_search(index):
    assert index.search("，。、") == types.SearchResponse([], [types.NOTICE_NO_TERMS], 0)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from(list('细胞器械药 "“”-－—OR|ＯＲ　5G%％()（）、。*?\\')), max_size=20))
def test_no_query_raises(index, query):
    response = index.search(query)
    assert response.total >= len(response.hits)


# --- filters --------------------------------------------------------------------


def test_filters(index):
    everywhere = set(ids(index, "临床"))
    assert {c.split(":")[0] for c in everywhere} == {"hunan", "nanjing", "changsha"}
    assert set(ids(index, "临床", doc_ids=frozenset({"nanjing"}))) == {"nanjing:二/（三）/1"}
    assert ids(index, "临床", doc_ids=frozenset()) == []
    assert set(ids(index, "临床", level="provincial")) == {"hunan:一/（三）"}
    assert set(ids(index, "临床", region="长沙市")) == {"changsha:二/（二）", "changsha:二/（四）"}
    assert set(ids(index, "临床", issuer="南京市人民政府办公厅")) == {"nanjing:二/（三）/1"}
    assert set(ids(index, "临床", year=2026)) == {"hunan:一/（三）"}
    assert ids(index, "临床", year=2026, region="长沙市") == []
    assert set(ids(index, "临床", doc_ids=frozenset({"hunan", "changsha"}), level="municipal")) == {
        "changsha:二/（二）",
        "changsha:二/（四）",
    }


# --- ranking --------------------------------------------------------------------


def test_a_clause_whose_heading_has_the_term_outranks_a_passing_mention(index):
    found = ids(index, "细胞治疗")
    assert found.index("changsha:二/（四）") < found.index("changsha:二/（三）")
    found = ids(index, "医疗器械")
    assert found.index("health:二/（二）") < found.index("hunan:一/（四）")


def test_the_document_title_lifts_its_clauses_but_never_matches_alone(tmp_path):
    text = "推动生物医药企业发展。"
    records = make_records([(NANJING, "b", "", text), (HUNAN, "a", "", text), (HUNAN, "c", "", "其他事项。")])
    ix = SearchIndex(tmp_path / "index")
    ix.rebuild(records, 3, "fp")
    # same text; 生物医药 is in the Hunan title only, 企业 in neither
    assert ids(ix, "企业") == ["nanjing:b", "hunan:a"]
    assert ids(ix, "生物医药") == ["hunan:a", "nanjing:b"]
    assert ids(ix, "企业 生物医药") == ["hunan:a", "nanjing:b"]
    # a term found only in a title makes no hit
    assert ids(ix, "湖南") == []
    assert ids(ix, "企业 湖南") == []
    assert ids(ix, "15号") == []
    ix.close()


def test_scores_are_positive_and_sorted(index):
    hits = index.search("细胞").hits
    assert hits and all(h.score > 0 for h in hits)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_limit_keeps_the_best_and_total_counts_all(index):
    everything = index.search("产业", limit=50)
    two = index.search("产业", limit=2)
    assert everything.total == two.total == len(everything.hits) > 2
    assert [h.clause_id for h in two.hits] == [h.clause_id for h in everything.hits[:2]]


# --- snippets -------------------------------------------------------------------


def test_the_snippet_is_the_sentence_with_the_match_and_marks_the_match(index):
    h = hit(index, "医学影像", "nanjing:二/（三）/1")
    assert h.snippet == "加快人工智能、5G技术在医用机器人、医学影像辅助诊断等领域的应用。"
    assert marked(h) == ["医学影像"]
    # a sentence shorter than SNIPPET_MIN takes a neighbour
    h = hit(index, "GCP", "nanjing:二/（三）/1")
    assert h.snippet == (
        "加快人工智能、5G技术在医用机器人、医学影像辅助诊断等领域的应用。加快推进与南京医科大学共建药物临床试验（GCP）中心。"
    )
    assert marked(h) == ["GCP"]


def test_a_short_sentence_takes_its_neighbour(index):
    h = hit(index, "细胞治疗", "changsha:二/（四）")
    assert h.snippet == "（四）發展細胞治療。支持細胞治療、基因治療等前沿技術臨床轉化。"
    assert marked(h) == ["細胞治療", "細胞治療"]


def test_the_snippet_prefers_the_sentence_with_most_terms(index):
    h = hit(index, "细胞 临床", "hunan:一/（三）")
    assert "细胞和基因临床研究" in h.snippet
    assert set(marked(h)) == {"细胞", "临床"}


def test_a_long_sentence_is_cut_around_the_match(index):
    h = hit(index, "纺织", "changsha:二/（三）")
    assert len(h.snippet) <= snippets.SNIPPET_MAX + 2
    assert h.snippet.startswith("…")
    assert marked(h) == ["纺织"]


def test_marked_snippet_escapes_the_text_and_wraps_the_marks(index):
    h = hit(index, "中药材", "health:二/（五）")
    assert "<p>" in h.snippet
    html = marked_snippet(h)
    assert "&lt;p&gt;" in html
    assert html.count("<mark>中药材</mark>") == 2
    assert marked_snippet(h, "【", "】", lambda s: s).count("【中药材】") == 2


# --- lifecycle ------------------------------------------------------------------


def test_a_missing_index(tmp_path):
    ix = SearchIndex(tmp_path / "index")
    assert ix.state("fp") is IndexState.MISSING
    (tmp_path / "index").mkdir()
    assert ix.state("fp") is IndexState.MISSING
    response = ix.search("细胞")
    assert response.hits == [] and response.notices == [NOTICE_INDEX_UNAVAILABLE]


def test_state_follows_the_fingerprint(tmp_path):
    ix = SearchIndex(tmp_path / "index")
    ix.rebuild(make_records(), len(CLAUSES), "fp-1")
    assert ix.state("fp-1") is IndexState.OK
    assert ix.state("fp-2") is IndexState.STALE


def test_another_analyzer_version(tmp_path):
    SearchIndex(tmp_path / "index").rebuild(make_records(), len(CLAUSES), "fp")

    class Newer(SearchIndex):
        ANALYZER_VERSION = SearchIndex.ANALYZER_VERSION + 1

    newer = Newer(tmp_path / "index")
    assert newer.state("fp") is IndexState.ANALYZER_CHANGED
    assert newer.search("细胞").notices == [NOTICE_INDEX_UNAVAILABLE]
    newer.add_records(make_records()[:1], "fp-2")  # refused quietly: the caller rebuilds
    assert newer.state("fp-2") is IndexState.ANALYZER_CHANGED
    assert newer.rebuild(make_records(), len(CLAUSES), "fp-3")
    assert newer.state("fp-3") is IndexState.OK


def test_garbage_in_the_directory_is_corrupt(tmp_path):
    directory = tmp_path / "index"
    SearchIndex(directory).rebuild(make_records(), len(CLAUSES), "fp")
    for path in directory.iterdir():
        if path.name != search_index.META_NAME:
            path.write_bytes(b"\x00garbage\xff" * 50)
    ix = SearchIndex(directory)
    assert ix.state("fp") is IndexState.CORRUPT
    assert ix.search("细胞").notices == [NOTICE_INDEX_UNAVAILABLE]
    assert ix.rebuild(make_records(), len(CLAUSES), "fp")
    assert ix.state("fp") is IndexState.OK
    assert ids(ix, "5G") == ["nanjing:二/（三）/1"]


def test_garbage_metadata_or_files_without_metadata_are_corrupt(tmp_path):
    directory = tmp_path / "index"
    SearchIndex(directory).rebuild(make_records(), len(CLAUSES), "fp")
    (directory / search_index.META_NAME).write_text("{not json", encoding="utf-8")
    assert SearchIndex(directory).state("fp") is IndexState.CORRUPT
    (directory / search_index.META_NAME).unlink()
    assert SearchIndex(directory).state("fp") is IndexState.CORRUPT
    other = tmp_path / "other"
    other.mkdir()
    (other / "junk.bin").write_bytes(b"junk")
    assert SearchIndex(other).state("fp") is IndexState.CORRUPT


def test_rebuild_reports_progress(tmp_path):
    records = make_records() * 40  # clause ids repeat; fine for the count
    calls: list[tuple[int, int]] = []
    assert SearchIndex(tmp_path / "index").rebuild(
        records, len(records), "fp", progress=lambda d, t: calls.append((d, t))
    )
    assert calls[0] == (0, len(records)) and calls[-1] == (len(records), len(records))
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_a_cancelled_rebuild_leaves_the_old_index_untouched(tmp_path):
    ix = SearchIndex(tmp_path / "index")
    ix.rebuild(make_records(), len(CLAUSES), "fp-old")
    assert ids(ix, "5G") == ["nanjing:二/（三）/1"]
    seen = []

    def cancelled() -> bool:
        seen.append(1)
        return len(seen) > 3

    new = make_records([(HUNAN, "new", "", "全新的条款内容，提及量子计算。")] * 10)
    assert ix.rebuild(iter(new), len(new), "fp-new", cancelled=cancelled) is False
    assert ix.state("fp-old") is IndexState.OK
    assert ids(ix, "5G") == ["nanjing:二/（三）/1"]
    assert ids(ix, "量子计算") == []
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(".lock")) == ["index"]


def test_a_rebuild_replaces_the_index_and_the_open_searcher_follows(tmp_path):
    ix = SearchIndex(tmp_path / "index")
    ix.rebuild(make_records(), len(CLAUSES), "fp-1")
    other = SearchIndex(tmp_path / "index")
    assert ids(other, "5G") == ["nanjing:二/（三）/1"]
    ix.rebuild(make_records([(HUNAN, "q", "", "推动量子计算与5G融合。")]), 1, "fp-2")
    assert ids(ix, "5G") == ["hunan:q"]
    assert ids(other, "5G") == ["hunan:q"]  # another instance sees the new build
    assert other.state("fp-2") is IndexState.OK
    other.close()
    ix.close()


def test_incremental_add_and_remove(tmp_path):
    ix = SearchIndex(tmp_path / "index")
    ix.rebuild(make_records(), len(CLAUSES), "fp-1")
    assert ids(ix, "量子计算") == []
    added = make_records([(HEALTH, "q1", "量子计算", "（九）量子计算。推动量子计算在药物研发中的应用。")])
    ix.add_records(added, "fp-2")
    assert ix.state("fp-2") is IndexState.OK
    assert ids(ix, "量子计算") == ["health:q1"]
    # re-adding a document replaces all its clauses
    again = make_records([(HEALTH, "q2", "", "推动量子通信发展。")])
    ix.add_records(again, "fp-3")
    assert ids(ix, "量子计算") == []
    assert ids(ix, "量子通信") == ["health:q2"]
    assert "health:二/（二）" not in ids(ix, "医疗器械")  # the other clauses of 'health' went too
    ix.remove_document("health", "fp-4")
    assert ix.state("fp-4") is IndexState.OK
    assert ids(ix, "量子") == []
    assert ids(ix, "5G") == ["nanjing:二/（三）/1"]
    # a second instance sees the writes of the first
    other = SearchIndex(tmp_path / "index")
    assert ids(other, "5G") == ["nanjing:二/（三）/1"]
    ix.add_records(make_records([(HEALTH, "q3", "", "支持5G医疗应用。")]), "fp-5")
    assert set(ids(other, "5G")) == {"nanjing:二/（三）/1", "health:q3"}
    other.close()
    ix.close()


def test_a_failed_incremental_write_changes_nothing(tmp_path):
    ix = SearchIndex(tmp_path / "index")
    ix.rebuild(make_records(), len(CLAUSES), "fp-1")

    def broken():
        yield make_records([(HEALTH, "q1", "", "量子计算。")])[0]
        raise RuntimeError("the store went away")

    with pytest.raises(RuntimeError):
        ix.add_records(broken(), "fp-2")
    assert ix.state("fp-1") is IndexState.OK
    assert ids(ix, "量子计算") == []


def test_a_crash_during_an_incremental_write_shows_as_stale(tmp_path):
    directory = tmp_path / "index"
    SearchIndex(directory).rebuild(make_records(), len(CLAUSES), "fp-1")
    script = textwrap.dedent(
        f"""
        import os, sys, warnings
        warnings.simplefilter("ignore")
        sys.path.insert(0, {str(ROOT)!r})
        from pathlib import Path
        from tests.core.search.test_index import HEALTH, make_records
        from workbench.core.search.index import SearchIndex

        def dying():
            yield make_records([(HEALTH, "q1", "", "量子计算。")])[0]
            os._exit(3)  # the process dies in the middle of the write

        SearchIndex(Path({str(directory)!r})).add_records(dying(), "fp-2")
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 3, result.stderr
    ix = SearchIndex(directory)
    assert ix.state("fp-1") is IndexState.STALE
    assert ix.state("fp-2") is IndexState.STALE
    # a later incremental write does not hide the lost one
    ix.add_records(make_records([(HEALTH, "q3", "", "其他。")]), "fp-3")
    assert ix.state("fp-3") is IndexState.STALE
    assert ix.rebuild(make_records(), len(CLAUSES), "fp-4")
    assert ix.state("fp-4") is IndexState.OK
    ix.close()


def test_a_second_writer_gets_index_busy(tmp_path):
    directory = tmp_path / "index"
    SearchIndex(directory).rebuild(make_records(), len(CLAUSES), "fp-1")
    # Another instance is writing: hold the lock with Whoosh's own writer.
    holder = search_index.whoosh_index.open_dir(str(directory), indexname=search_index.INDEX_NAME).writer()
    try:
        ix = SearchIndex(directory, writer_timeout=0.2)
        with pytest.raises(IndexBusyError):
            ix.add_records(make_records([(HEALTH, "q1", "", "量子计算。")]), "fp-2")
        with pytest.raises(IndexBusyError):
            ix.remove_document("health", "fp-2")
        with pytest.raises(IndexBusyError):
            ix.rebuild(make_records(), len(CLAUSES), "fp-2")
        assert ix.state("fp-1") is IndexState.OK  # nothing changed
        assert ids(ix, "5G") == ["nanjing:二/（三）/1"]  # and searching still works
    finally:
        holder.cancel()
    ix.add_records(make_records([(HEALTH, "q1", "", "量子计算。")]), "fp-2")
    assert ids(ix, "量子计算") == ["health:q1"]
    assert ix.state("fp-2") is IndexState.OK
    ix.close()
    assert not list(Path(tmp_path).glob(".index.building-*"))
