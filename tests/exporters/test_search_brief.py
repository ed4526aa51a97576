"""The search brief: query, filters, chosen hits with full text and citations, by document."""

from __future__ import annotations

import datetime as dt

from exporters import brief_data
from exporters.search_brief import build_search_brief, group_by_document
from tests.exporters.pdf_checks import fonts_of, pdf_text, rendered_ink
from workbench.core.corpus.models import Level, ValidityStatus
from workbench.core.search.service import Query, Result
from workbench.core.workspace import Workspace

CREATED = dt.datetime(2026, 11, 24, 10, 0).astimezone()


def _result(doc_id: str, title: str, number: str | None, path: str, text: str) -> Result:
    return Result(doc_id, title, number, f"{doc_id}:{path}", path, "", text, text[:20], (), 1.0)


def test_hits_are_grouped_by_document_with_full_text_and_citations(data_dir, bundled_fonts):
    ws = Workspace.open(data_dir)
    try:
        query = Query(
            "创新药",
            limit=50,
            level=Level.PROVINCIAL,
            status=ValidityStatus.IN_FORCE,
            as_of=dt.date(2026, 11, 24),
        )
        brief = brief_data.search_brief(ws, query, fonts=bundled_fonts, created=CREATED)
        response = ws.search.search(query)
    finally:
        ws.close()
    data = brief.build()
    text = pdf_text(data)
    assert "政策条款检索简报" in text
    assert (
        "检索词创新药" in text
        and "层级省" in text
        and "效力状态现行有效" in text
        and "效力日期2026年11月24日" in text
    )
    assert response.results
    assert "湖南省人民政府办公厅关于促进生物医药产业创新发展的若干意见（湘政办发〔2026〕15号）" in text
    for r in response.results:
        assert r.text.replace(" ", "").replace("\n", "") in text  # the whole clause, not a snippet
        assert f"出处：《{r.doc_title}》（{r.doc_number}）{r.path}" in text
    assert f"共命中{response.total}条" in text
    assert all(f["embedded"] for f in fonts_of(data).values())


def test_only_the_chosen_hits_are_printed(data_dir, bundled_fonts):
    ws = Workspace.open(data_dir)
    try:
        query = Query("生物医药", limit=20)
        ws.search.ensure_current()
        results = ws.search.search(query).results
        assert len(results) > 3
        chosen = results[1:3]
        brief = brief_data.search_brief(ws, query, chosen, fonts=bundled_fonts, created=CREATED)
    finally:
        ws.close()
    text = pdf_text(brief.build())
    assert "选入本简报2条" in text
    assert "出处" in text and text.count("出处：") == 2
    for r in results[3:]:
        if r.clause_id not in {c.clause_id for c in chosen}:
            assert f"条款编号{r.clause_id}）" not in text


def test_groups_follow_the_best_hit_of_each_document():
    hits = [
        _result("b", "乙", None, "一", "x"),
        _result("a", "甲", None, "二", "y"),
        _result("b", "乙", None, "三", "z"),
    ]
    assert [(doc, [h.path for h in group]) for doc, group in group_by_document(hits)] == [
        ("b", ["一", "三"]),
        ("a", ["二"]),
    ]


def test_hostile_query_and_clause_text_print_verbatim(qapp, bundled_fonts):
    hits = [
        _result(
            "x",
            "关于<b>A&B公司</b>的通知",
            "A&B〔2026〕1号",
            "一/（一）",
            "对<unclosed 企业 & 机构给予支持。",
        )
    ]
    brief = build_search_brief(Query("A&B公司 <b>"), hits, {}, fonts=bundled_fonts, created=CREATED)
    data = brief.build()
    text = pdf_text(data)
    assert "检索词A&B公司<b>" in text
    assert "关于<b>A&B公司</b>的通知（A&B〔2026〕1号）" in text
    assert "对<unclosed企业&机构给予支持。" in text
    assert rendered_ink(data) > 0.005


def test_an_empty_choice_says_so(bundled_fonts):
    text = pdf_text(
        build_search_brief(Query("无此词"), [], {}, total=0, fonts=bundled_fonts, created=CREATED).build()
    )
    assert "没有选入任何条款" in text and "共命中0条" in text


def test_a_part_whose_text_is_its_heading_prints_it_once(bundled_fonts):
    part = Result(
        "x",
        "关于支持生物医药的意见",
        None,
        "x:四",
        "四",
        "支持生物医药产业做优做强",
        "四、支持生物医药产业做优做强",
        "",
        (),
        1.0,
    )
    clause = _result(
        "x",
        "关于支持生物医药的意见",
        None,
        "四/（十四）",
        "（十四）支持生物医药产业链布局。建立全省生物医药产业链。",
    )
    text = pdf_text(
        build_search_brief(
            Query("生物医药"), [part, clause], {}, fonts=bundled_fonts, created=CREATED
        ).build()
    )
    assert text.count("支持生物医药产业做优做强") == 1
    assert "1.四支持生物医药产业做优做强" in text
    assert "建立全省生物医药产业链" in text
