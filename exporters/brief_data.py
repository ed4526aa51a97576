"""Gather what each brief needs from an open workspace: one place for the CLI and the
window's background export, so both print the same brief."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from exporters.document_brief import AwardLine, TargetLine, build_document_brief
from exporters.dossier_brief import EvidenceLine, build_dossier_brief, citation_text, evidence_from_file
from exporters.pdf_fonts import BriefFonts
from exporters.pdf_layout import BriefDocument, chinese_date
from exporters.search_brief import build_search_brief
from workbench.core.checklist.application_file import Application
from workbench.core.checklist.phrases import format_yuan
from workbench.core.checklist.rules import Amount, AmountType
from workbench.core.indicators.targets import TargetProposal
from workbench.core.search.service import Query, Result
from workbench.core.workspace import Workspace


class BriefKind(StrEnum):
    SEARCH = "search"
    DOCUMENT = "document"
    INDICATORS = "indicators"
    DOSSIER = "dossier"
    TASKS = "tasks"


@dataclass(frozen=True, slots=True)
class BriefRequest:
    """What to print, as a value a background job can take (no open connections)."""

    kind: BriefKind
    query: Query | None = None  # SEARCH
    chosen: tuple[Result, ...] | None = None  # SEARCH: None = every hit of the query
    doc_id: str | None = None  # DOCUMENT
    region: str | None = None  # INDICATORS
    indicator_ids: tuple[str, ...] | None = None  # INDICATORS: charted; None = those with observations
    listed_ids: tuple[str, ...] | None = None  # INDICATORS: the rows of the table; None = all of the region
    application_id: str | None = None  # DOSSIER: a stored application (its evidence, its save time)
    application: Application | None = None  # DOSSIER: the application as on screen (may be unsaved)
    original: Application | None = None  # DOSSIER: ``application`` is a what-if of this one: compare them
    forecast: bool = False  # DOSSIER: events after the evaluation date counted as expected (labelled)
    as_of: dt.date | None = None
    unit: str | None = None  # TASKS: a unit as a person writes it (省科技厅)
    unit_names: tuple[str, ...] | None = None  # TASKS: exact unit names (the panel's choice)
    # TASKS: doc_id above for the ledger of one plan


@dataclass(frozen=True, slots=True)
class BriefOutput:
    pdf: bytes
    pages: int
    title: str  # the PDF's title, also a file name to suggest


def make_brief(
    ws: Workspace,
    request: BriefRequest,
    *,
    fonts: BriefFonts | None = None,
    created: dt.datetime | None = None,
) -> BriefOutput:
    """Build the requested brief and render it."""
    brief: BriefDocument
    if request.kind is BriefKind.SEARCH:
        assert request.query is not None
        brief = search_brief(ws, request.query, request.chosen, fonts=fonts, created=created)
    elif request.kind is BriefKind.DOCUMENT:
        assert request.doc_id is not None
        brief = document_brief(ws, request.doc_id, as_of=request.as_of, fonts=fonts, created=created)
    elif request.kind is BriefKind.INDICATORS:
        brief = indicator_brief(
            ws,
            region=request.region,
            indicator_ids=request.indicator_ids,
            listed_ids=request.listed_ids,
            as_of=request.as_of,
            fonts=fonts,
            created=created,
        )
    elif request.kind is BriefKind.TASKS:
        brief = task_brief(
            ws,
            unit=request.unit,
            unit_names=request.unit_names,
            doc_id=request.doc_id,
            as_of=request.as_of,
            fonts=fonts,
            created=created,
        )
    elif request.application is not None:
        brief = dossier_brief_of(
            ws,
            request.application,
            request.application_id,
            as_of=request.as_of,
            fonts=fonts,
            created=created,
            original=request.original,
            forecast=request.forecast,
        )
    else:
        assert request.application_id is not None
        brief = dossier_brief(ws, request.application_id, as_of=request.as_of, fonts=fonts, created=created)
    data = brief.build()
    return BriefOutput(data, brief.page_count, brief.meta_title)


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
        response = ws.search.search_repairing(query)
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
        detail,
        as_of=as_of,
        targets=document_targets(ws, doc_id),
        awards=document_awards(doc_id),
        fonts=fonts,
        created=created,
    )


def indicator_brief(
    ws: Workspace,
    *,
    region: str | None = None,
    indicator_ids: Sequence[str] | None = None,
    listed_ids: Sequence[str] | None = None,
    as_of: dt.date | None = None,
    fonts: BriefFonts | None = None,
    created: dt.datetime | None = None,
) -> BriefDocument:
    """The region's indicators (all when None; only ``listed_ids`` when given, as the
    indicators tab filters them) with their status on ``as_of``; ``indicator_ids`` chart
    those (and must be among them)."""
    from exporters.indicator_brief import build_indicator_brief

    as_of = as_of or dt.date.today()
    if region is not None and region not in ws.indicators.regions():
        raise BriefDataError("no_indicators", f"（地区 {region}）")
    reports = ws.indicators.list(as_of=as_of, region=region)
    if listed_ids is not None:
        wanted = set(listed_ids)
        reports = [r for r in reports if r.indicator.id in wanted]
    known = {r.indicator.id for r in reports}
    for indicator_id in indicator_ids or ():
        if indicator_id not in known:
            raise BriefDataError("unknown_indicator", indicator_id)
    titles = {d.id: d.title for d in ws.library.documents(as_of)}
    return build_indicator_brief(
        reports,
        as_of=as_of,
        region=region,
        charted=list(indicator_ids) if indicator_ids else None,
        document_titles=titles,
        fonts=fonts,
        created=created,
    )


def task_brief(
    ws: Workspace,
    *,
    unit: str | None = None,
    unit_names: Sequence[str] | None = None,
    doc_id: str | None = None,
    as_of: dt.date | None = None,
    fonts: BriefFonts | None = None,
    created: dt.datetime | None = None,
) -> BriefDocument:
    """The ledger of one unit (any spelling, or exact names), of one plan, or of both at once."""
    from exporters.task_brief import build_task_brief

    as_of = as_of or dt.date.today()
    if doc_id is not None and ws.library.document(doc_id) is None:
        raise BriefDataError("unknown_document", doc_id)
    names = list(unit_names) if unit_names is not None else None
    if names is None and unit is not None:
        names = ws.tasks.unit_names(unit)
        if not names:
            raise BriefDataError("unknown_unit", unit)
    reports = ws.tasks.reports(as_of, unit_names=names, doc_id=doc_id)
    parts = []
    if names:
        parts.append("、".join(names))
    if doc_id is not None:
        parts.append(ws.library.document(doc_id).info.title)  # type: ignore[union-attr]
    return build_task_brief(
        reports,
        as_of=as_of,
        scope="　".join(parts) or "全部文件",
        unit_view=bool(names),
        fonts=fonts,
        created=created,
    )


def document_targets(ws: Workspace, doc_id: str) -> list[TargetLine] | None:
    """The targets the document sets: the indicators tracked from it, or, when none is
    tracked yet, the targets the engine reads from its text (marked as unreviewed)."""
    from exporters.indicator_brief import target_text
    from workbench.core.indicators import targets

    tracked = ws.indicators.targets_of_document(doc_id)
    if tracked:
        return [TargetLine(_clause_path(i.clause_id), i.name, target_text(i), "") for i in tracked]
    detail = ws.library.document(doc_id)
    if detail is None:
        return None
    return [_target_line(p) for p in targets.extract_targets(detail)]


def _clause_path(clause_id: str | None) -> str:
    if not clause_id:
        return "—"
    return clause_id.split(":", 1)[1] if ":" in clause_id else clause_id


def document_awards(doc_id: str) -> list[AwardLine] | None:
    """The award items of the document's rule file; None when no rule file covers it."""
    from workbench.core.checklist.rules import rules_for_document

    rules = rules_for_document(doc_id)
    if rules is None:
        return None
    return [
        AwardLine(item.title, amount_text(item.amount), citation_text(item.citation)) for item in rules.items
    ]


def amount_text(amount: Amount) -> str:
    """What an award item pays, in words."""
    if amount.type is AmountType.UP_TO:
        return f"最高{format_yuan(amount.max)}"
    if amount.type is AmountType.PER_YEAR:
        return f"每年{format_yuan(amount.per_year)}，连续{amount.years}年"
    if amount.type is AmountType.SHARE_OF_BASE:
        return f"按{amount.base_label or '基数'}的一定比例，最高{format_yuan(amount.max)}"
    if amount.type is AmountType.FINANCING_LIMIT:
        return f"融资支持，额度最高{format_yuan(amount.limit)}"
    if amount.type is AmountType.UNSPECIFIED:
        return "按相关政策执行"
    return "非资金支持"


def dossier_brief(
    ws: Workspace,
    application_id: str,
    *,
    as_of: dt.date | None = None,
    fonts: BriefFonts | None = None,
    created: dt.datetime | None = None,
) -> BriefDocument:
    """The dossier of a stored application, with its evidence notes and files."""
    from workbench.core.checklist.applications import ApplicationError

    try:
        stored = ws.applications.get(application_id)
        evaluation = ws.applications.evaluate(application_id, as_of)
        slots = ws.applications.evidence(application_id, evaluation)
    except ApplicationError:
        raise BriefDataError("unknown_application", application_id) from None
    evidence = [
        EvidenceLine(
            s.key,
            s.asked,
            s.note,
            tuple(f.file_name + ("" if f.present else "（文件缺失）") for f in s.files),
            s.present,
        )
        for s in slots.values()
    ]
    return build_dossier_brief(
        evaluation, evidence, data_as_of=_timestamp(stored.updated_at), fonts=fonts, created=created
    )


def dossier_brief_of(
    ws: Workspace,
    application: Application,
    application_id: str | None,
    *,
    as_of: dt.date | None = None,
    fonts: BriefFonts | None = None,
    created: dt.datetime | None = None,
    original: Application | None = None,
    forecast: bool = False,
) -> BriefDocument:
    """The dossier of an application as the checklist shows it, saved or not: evidence
    files come from the stored application, notes from what is on screen. With ``original``,
    the application is a what-if of it, and the dossier compares the two."""
    from workbench.core.checklist.applications import ApplicationError
    from workbench.core.checklist.comparison import compare_evaluations
    from workbench.core.checklist.engine import evaluate_application
    from workbench.core.checklist.rules import rules_by_id

    rules = rules_by_id(application.rules_id)
    if rules is None:
        raise BriefDataError("application_file", application.rules_id)
    evaluation = evaluate_application(rules, application, as_of, forecast=forecast)
    files: dict[str, list[dict[str, object]]] = {}
    saved: dt.datetime | None = None
    if application_id is not None:
        try:
            stored = ws.applications.get(application_id)
            for f in ws.applications.evidence_files(application_id):
                files.setdefault(f.key, []).append(
                    {"name": f.file_name + ("" if f.present else "（文件缺失）"), "present": f.present}
                )
        except ApplicationError:
            raise BriefDataError("unknown_application", application_id) from None
        if stored.application == application:
            saved = _timestamp(stored.updated_at)
    entries = {
        k: {"note": application.notes.get(k, ""), "files": files.get(k, [])}
        for k in {*application.notes, *files}
    }
    comparison = None
    if original is not None and original != application:
        before = evaluate_application(rules, original, as_of, forecast=forecast)
        comparison = compare_evaluations(before, evaluation)
    # An unsaved application's data is as of now.
    return build_dossier_brief(
        evaluation,
        evidence_from_file(evaluation, entries),
        data_as_of=saved,
        fonts=fonts,
        created=created,
        comparison=comparison,
    )


def dossier_brief_from_file(
    ws: Workspace | None,
    path: Path,
    *,
    as_of: dt.date | None = None,
    fonts: BriefFonts | None = None,
    created: dt.datetime | None = None,
    original: Path | None = None,
) -> BriefDocument:
    """The dossier of an application file (as ``checklist evaluate`` reads it); with
    ``original``, the file is a what-if of that application file and the dossier compares them."""
    import json

    from workbench.core.checklist.application_file import (
        ApplicationFileError,
        decode_application_bytes,
        load_application_file,
    )
    from workbench.core.checklist.comparison import compare_evaluations
    from workbench.core.checklist.engine import evaluate_application
    from workbench.core.checklist.rules import rules_by_id

    try:
        application = load_application_file(path)
    except ApplicationFileError as exc:
        raise BriefDataError("application_file", str(exc)) from None
    rules = rules_by_id(application.rules_id)
    if rules is None:  # load_application_file already refuses unknown rules; kept for a custom lookup
        raise BriefDataError("application_file", application.rules_id)
    evaluation = evaluate_application(rules, application, as_of)
    comparison = None
    if original is not None:
        try:
            base = load_application_file(original)
        except ApplicationFileError as exc:
            raise BriefDataError("application_file", f"{original}：{exc}") from None
        if base.rules_id != application.rules_id:
            raise BriefDataError("application_file", f"{original}：与试算文件依据的政策规则不同")
        comparison = compare_evaluations(evaluate_application(rules, base, as_of), evaluation)
    raw = json.loads(decode_application_bytes(path.read_bytes()))
    evidence = evidence_from_file(evaluation, raw.get("evidence") or {})
    saved = dt.datetime.fromtimestamp(path.stat().st_mtime).astimezone()
    return build_dossier_brief(
        evaluation, evidence, data_as_of=saved, fonts=fonts, created=created, comparison=comparison
    )


def _timestamp(text: str) -> dt.datetime | None:
    try:
        stamp = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return stamp if stamp.tzinfo else stamp.astimezone()


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
    return TargetLine(path, p.name, value, deadline, reviewed=False)
