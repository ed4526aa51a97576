"""Gather what each brief needs from an open workspace: one place for the CLI and the
window's background export, so both print the same brief."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from exporters.document_brief import AwardLine, TargetLine, build_document_brief
from exporters.pdf_fonts import BriefFonts
from exporters.pdf_layout import BriefDocument, chinese_date
from exporters.search_brief import build_search_brief
from workbench.core.search import Query, Result
from workbench.core.targets import TargetProposal
from workbench.core.workspace import Workspace


class BriefDataError(LookupError):
    """The brief's subject is not there (an unknown document id and the like)."""

    def __init__(self, reason: str, value: str) -> None:
        super().__init__(f"{reason}: {value}")
        self.reason = reason  # unknown_document | empty_query
        self.value = value


def search_brief(
    ws: Workspace,
    query: Query,
    chosen: Sequence[Result] | None = None,
    *,
    fonts: BriefFonts | None = None,
    created: dt.datetime | None = None,
) -> BriefDocument:
    """A search brief of ``chosen`` hits, or of every hit of ``query`` when None."""
    total = None
    if chosen is None:
        if not query.text.strip():
            raise BriefDataError("empty_query", query.text)
        ws.search.ensure_current()
        response = ws.search.search(query)
        chosen, total = response.results, response.total
    documents = {d.id: d for d in ws.library.documents(query.as_of)}
    return build_search_brief(query, chosen, documents, total=total, fonts=fonts, created=created)


def document_brief(
    ws: Workspace,
    doc_id: str,
    *,
    as_of: dt.date | None = None,
    fonts: BriefFonts | None = None,
    created: dt.datetime | None = None,
) -> BriefDocument:
    detail = ws.library.document(doc_id, as_of)
    if detail is None:
        raise BriefDataError("unknown_document", doc_id)
    return build_document_brief(
        detail, as_of=as_of, targets=document_targets(ws, doc_id), awards=document_awards(doc_id), fonts=fonts, created=created
    )


def document_targets(ws: Workspace, doc_id: str) -> list[TargetLine] | None:
    """The targets the document sets, from the targets engine."""
    from workbench.core import targets

    detail = ws.library.document(doc_id)
    if detail is None:
        return None
    proposals = targets.extract_targets(detail)
    return [_target_line(p) for p in proposals]


def document_awards(doc_id: str) -> list[AwardLine] | None:
    """The award items of the document's rule file; None when no rule file covers it."""
    return None


def _target_line(p: TargetProposal) -> TargetLine:
    path = p.clause_id.split(":", 1)[1] if ":" in p.clause_id else p.clause_id
    value = f"{p.comparator_word or ''}{p.value_text}"
    if p.recurring:
        deadline = "每年"
    elif p.deadline and len(p.deadline) == 4:
        deadline = f"{p.deadline}年"
    elif p.deadline:
        try:
            deadline = chinese_date(dt.date.fromisoformat(p.deadline))
        except ValueError:
            deadline = p.deadline
    else:
        deadline = ""
    return TargetLine(path, p.name, value, deadline)
