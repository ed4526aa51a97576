"""Document summary: metadata and validity, the clause outline, the targets it sets, its
awards (where a rule file covers the document) and its responsibility lines."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from exporters.brief_words import LEVEL_LABELS, STATUS_LABELS, optional_date, part_marker
from exporters.pdf_fonts import BriefFonts, Role
from exporters.pdf_layout import BriefDocument, Cell, chinese_date
from workbench.core.corpus.library import DocumentDetail
from workbench.core.corpus.models import Clause, ClauseKind

TITLE = "政策文件摘要"
OUTLINE_KINDS = {
    ClauseKind.CHAPTER,
    ClauseKind.SECTION,
    ClauseKind.PART,
    ClauseKind.CLAUSE,
    ClauseKind.ARTICLE,
    ClauseKind.BOX,
}


@dataclass(frozen=True, slots=True)
class TargetLine:
    """One target the document sets, as printed (built from the targets engine's proposals)."""

    clause_path: str
    name: str
    value: str  # e.g. "到2025年达到5000亿元"
    deadline: str  # e.g. "2025年", or "" when ``value`` says it
    reviewed: bool = True  # False: read from the text by the engine, not yet accepted by a person


@dataclass(frozen=True, slots=True)
class AwardLine:
    """One award item of the document's rule file (built from the checklist engine's rules)."""

    name: str
    amount: str  # e.g. "最高 3000 万元"
    citation: str  # clause path or id


def outline(detail: DocumentDetail, max_level: int = 2) -> list[Clause]:
    """Headed clauses down to ``max_level`` (一、 and （一） by default), in document order."""
    return [c for c in detail.clauses if c.kind in OUTLINE_KINDS and 1 <= c.level <= max_level]


def responsibility_lines(detail: DocumentDetail) -> list[Clause]:
    return [c for c in detail.clauses if c.responsible]


def build_document_brief(
    detail: DocumentDetail,
    *,
    as_of: dt.date | None = None,
    targets: Sequence[TargetLine] | None = None,
    awards: Sequence[AwardLine] | None = None,
    fonts: BriefFonts | None = None,
    created: dt.datetime | None = None,
) -> BriefDocument:
    """``detail`` as loaded for ``as_of`` (its status is that day's). ``targets`` and
    ``awards`` None: that section says the data was not available; empty: none."""
    created = created or dt.datetime.now().astimezone()
    as_of = as_of or created.date()
    info = detail.info
    brief = BriefDocument(
        title=f"{TITLE}：{info.title}",
        subject=f"{info.title}{f'（{info.doc_number}）' if info.doc_number else ''}的摘要",
        fonts=fonts,
        created=created,
        keywords=["文件摘要"],
    )
    brief.title(info.title)
    if info.doc_number:
        brief.subtitle(info.doc_number)
    brief.subtitle(f"{TITLE}（{chinese_date(created.date())}）")
    section = 0

    def next_part(name: str) -> None:
        nonlocal section
        section += 1
        brief.heading(1, f"{part_marker(section)}{name}")

    next_part("基本信息与效力")
    validity = STATUS_LABELS[info.status]
    if info.repealed_by:
        validity += f"（被 {info.repealed_by} 废止）"
    pairs = [
        ("标题", info.title),
        ("文号", info.doc_number or "无"),
        ("发文机关", info.issuer or "不详"),
        ("层级与地区", f"{LEVEL_LABELS[info.level]}·{info.region or '不详'}"),
        ("成文日期", optional_date(info.issued)),
        ("发布日期", optional_date(info.published)),
        ("施行日期", optional_date(info.effective_from)),
        ("有效期至", optional_date(info.valid_until)),
    ]
    if info.validity_note:
        pairs.append(("有效期说明", info.validity_note))
    pairs.append((f"效力（{chinese_date(as_of)}）", validity))
    brief.key_values(pairs)

    next_part("条款提纲")
    items = outline(detail)
    if items:
        # Each level in the face its headings take in a 公文: 一、 in 黑体, （一） in 楷体.
        brief.table(
            ["条款", "标题"],
            [
                [
                    c.path,
                    Cell(c.label, role=Role.HEI) if c.level == 1 else Cell("　" + c.label, role=Role.KAI),
                ]
                for c in items
            ],
            [0.22, 0.78],
        )
    else:
        brief.paragraph("本文件未分条款。")

    next_part("目标指标")
    if targets is None:
        brief.paragraph("未能提取本文件的目标指标。")
    elif not targets:
        brief.paragraph("本文件未设定可量化的目标指标。")
    else:
        if any(t.deadline for t in targets):
            brief.table(
                ["条款", "指标", "目标值", "期限"],
                [[t.clause_path, t.name, t.value, t.deadline or "—"] for t in targets],
                [0.2, 0.4, 0.22, 0.18],
            )
        else:
            brief.table(
                ["条款", "指标", "目标"],
                [[t.clause_path, t.name, t.value] for t in targets],
                [0.2, 0.45, 0.35],
            )
        if not all(t.reviewed for t in targets):
            brief.note("以上目标由程序从条文中自动识别，尚未在“指标跟踪”中审核确认。")

    if awards is not None:  # only documents with a rule file have awards
        next_part("奖补事项")
        if awards:
            brief.table(
                ["事项", "奖补标准", "依据条款"],
                [[a.name, a.amount, a.citation] for a in awards],
                [0.3, 0.2, 0.5],
            )  # the quote is the long part
        else:
            brief.paragraph("本文件的规则文件未列出奖补事项。")

    next_part("责任分工")
    lines = responsibility_lines(detail)
    if lines:
        brief.table(
            ["条款", "事项", "责任单位"],
            [[c.path, c.heading or c.body[:40], _units(c.responsible or "")] for c in lines],
            [0.18, 0.42, 0.4],
        )
    else:
        brief.paragraph("本文件未列明责任单位。")
    return brief


def _units(responsible: str) -> str:
    """The offices alone: the column's header already says 责任单位."""
    return re.sub(r"^\s*责任单位\s*[:：]\s*", "", responsible)
