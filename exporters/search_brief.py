"""Search brief: the query and its filters, then the chosen hits with their full clause
text and citations (document title, 文号, clause path), grouped by document."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from exporters.brief_words import LEVEL_LABELS, STATUS_LABELS, clause_marker, optional_date, part_marker
from exporters.pdf_fonts import BriefFonts
from exporters.pdf_layout import BriefDocument, chinese_date
from workbench.core.corpus.library import DocumentInfo
from workbench.core.corpus.models import Level, ValidityStatus
from workbench.core.search.service import Query, Result

TITLE = "政策条款检索简报"


def query_conditions(query: Query, documents: Mapping[str, DocumentInfo]) -> list[tuple[str, str]]:
    """The query and each filter that narrows it, as label–value lines."""
    lines = [("检索词", query.text)]
    if query.doc_ids:
        names = [documents[d].title if d in documents else d for d in sorted(query.doc_ids)]
        lines.append(("限定文件", "；".join(names)))
    if query.level:
        lines.append(("层级", LEVEL_LABELS[Level(query.level)]))
    if query.region:
        lines.append(("地区", query.region))
    if query.issuer:
        lines.append(("发文机关", query.issuer))
    if query.year:
        lines.append(("成文年份", f"{query.year}年"))
    if query.status:
        lines.append(("效力状态", STATUS_LABELS[ValidityStatus(query.status)]))
    if query.as_of:
        lines.append(("效力日期", chinese_date(query.as_of)))
    return lines


def group_by_document(results: Sequence[Result]) -> list[tuple[str, list[Result]]]:
    """Documents in the order of their best hit; hits within one in ranking order."""
    groups: dict[str, list[Result]] = {}
    for r in results:
        groups.setdefault(r.doc_id, []).append(r)
    return list(groups.items())


def build_search_brief(
    query: Query,
    results: Sequence[Result],
    documents: Mapping[str, DocumentInfo],
    *,
    total: int | None = None,
    fonts: BriefFonts | None = None,
    created: dt.datetime | None = None,
) -> BriefDocument:
    """``results`` are the hits the user chose; ``documents`` (id → info) give each
    document's issuer and validity; ``total`` is how many the search found in all."""
    created = created or dt.datetime.now().astimezone()
    brief = BriefDocument(
        title=f"{TITLE}：{query.text}",
        subject=f"检索“{query.text}”的{len(results)}条结果",
        fonts=fonts,
        created=created,
        keywords=["检索简报"],
    )
    brief.title(TITLE)
    brief.subtitle(f"（{chinese_date(created.date())}）")
    brief.heading(1, f"{part_marker(1)}检索条件")
    conditions = query_conditions(query, documents)
    found = (
        f"共命中{total}条，选入本简报{len(results)}条" if total is not None else f"选入本简报{len(results)}条"
    )
    brief.key_values([*conditions, ("结果", found)])
    groups = group_by_document(results)
    brief.heading(1, f"{part_marker(2)}检索结果")
    if not groups:
        brief.paragraph("没有选入任何条款。")
    for g, (doc_id, hits) in enumerate(groups, start=1):
        first = hits[0]
        info = documents.get(doc_id)
        number = f"（{first.doc_number}）" if first.doc_number else ""
        brief.heading(2, f"{clause_marker(g)}{first.doc_title}{number}")
        if info is not None:
            facts = [
                f"发文机关：{info.issuer or '不详'}",
                f"成文日期：{optional_date(info.issued)}",
                f"效力：{STATUS_LABELS[info.status]}",
            ]
            brief.note("　".join(facts))
        for h, hit in enumerate(hits, start=1):
            brief.heading(3, f"{h}.{hit.path}" + (f"　{hit.heading}" if hit.heading else ""))
            if not _only_heading(hit):
                brief.paragraph(hit.text)
            brief.note(f"出处：《{hit.doc_title}》{number}{hit.path}　（条款编号 {hit.clause_id}）")
    return brief


def _only_heading(hit: Result) -> bool:
    """A part whose text is its marker and heading (四、支持…) says it all in its heading line."""
    text, heading = "".join(hit.text.split()), "".join((hit.heading or "").split())
    return bool(heading) and text.endswith(heading) and len(text) - len(heading) <= 6
