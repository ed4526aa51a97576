"""Subsidy dossier: the applicant, each item's state, its conditions with clause
citations, the evidence list with what is missing, the amounts per year before and
after the annual cap, the evaluation trace and a "data as of" stamp."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import PureWindowsPath

from exporters.brief_words import part_marker
from exporters.pdf_fonts import BriefFonts
from exporters.pdf_layout import BriefDocument, Cell, chinese_date
from workbench.core.checklist.comparison import CHANGE_WORDS, Comparison
from workbench.core.checklist.phrases import describe, format_yuan
from workbench.core.checklist.results import STATE_TEXT, STATUS_TEXT, ConditionResult, Evaluation, State
from workbench.core.checklist.rules import Citation

TITLE = "奖补申报核对简报"
# Every item carries these two; section 二 shows them once.
COMMON_CONDITIONS = ("validity.", "scope")
STATE_FILLS = {State.ELIGIBLE: "good", State.NEEDS_INFO: "warn", State.INELIGIBLE: "bad"}
PROFILE_LABELS = {
    "name": "单位名称",
    "credit_code": "统一社会信用代码",
    "province": "注册地省份",
    "operating_provinces": "实质经营所在省份",
    "city": "所在城市",
    "district": "所在区县",
    "entity_type": "单位类型",
    "activities": "业务范围",
    "contact": "联系人",
    "phone": "联系电话",
}


@dataclass(frozen=True, slots=True)
class EvidenceLine:
    """One piece of evidence the rules ask for (or the applicant gave)."""

    key: str
    asked: str | None
    note: str
    files: tuple[str, ...]  # file names
    present: bool


def citation_text(citation: Citation) -> str:
    """``doc:一/（四）`` and its quote → 一/（四）“…”."""
    path = citation.clause_id.split(":", 1)[1] if ":" in citation.clause_id else citation.clause_id
    return f"{path}“{citation.quote}”" if citation.quote else path


def build_dossier_brief(
    evaluation: Evaluation,
    evidence: Sequence[EvidenceLine],
    *,
    data_as_of: dt.datetime | None = None,
    fonts: BriefFonts | None = None,
    created: dt.datetime | None = None,
    comparison: Comparison | None = None,
) -> BriefDocument:
    """``data_as_of``: when the application data was last saved (default: ``created``).
    ``comparison``: ``evaluation`` is a what-if of ``comparison.original``: a section sets them
    side by side."""
    created = created or dt.datetime.now().astimezone()
    data_as_of = data_as_of or created
    rules, app = evaluation.rules, evaluation.application
    applicant = str(app.profile.get("name") or app.name or "申报单位")
    number = f"（{rules.doc_number}）" if rules.doc_number else ""
    brief = BriefDocument(
        title=f"{TITLE}：{app.name or applicant}",
        subject=f"按《{rules.title}》{number}核对{applicant}的申报",
        fonts=fonts,
        created=created,
        keywords=["申报核对"],
    )
    brief.title(TITLE)
    brief.subtitle(f"《{rules.title}》{number}")
    brief.subtitle(f"（评估日{chinese_date(evaluation.as_of)}）")
    if evaluation.forecast:
        brief.subtitle("（预测：评估日之后的日期按预计取得计入）")
    if comparison is not None:
        brief.subtitle("（试算：与原申报的对比见第六部分）")

    _applicant_section(brief, evaluation)
    _scope_section(brief, evaluation)
    _items_section(brief, evaluation)
    _evidence_section(brief, evaluation, evidence)
    _amounts_section(brief, evaluation)
    part = 6
    if comparison is not None:
        _comparison_section(brief, comparison, part)
        part += 1
    _trace_section(brief, evaluation, part, data_as_of)
    return brief


def _applicant_section(brief: BriefDocument, evaluation: Evaluation) -> None:
    """一、申报单位: the application's name and the organisation's profile."""
    brief.heading(1, f"{part_marker(1)}申报单位")
    app = evaluation.application
    pairs = [("申报名称", app.name or "—")]
    for key, value in app.profile.items():
        shown = (
            "、".join(str(v) for v in value)
            if isinstance(value, list | tuple)
            else ("是" if value is True else "否" if value is False else str(value))
        )
        pairs.append((PROFILE_LABELS.get(key, key), shown))
    brief.key_values(pairs)


def _scope_section(brief: BriefDocument, evaluation: Evaluation) -> None:
    """二、政策效力与适用范围: the policy's validity on the day and the scope conditions, with their readings."""
    brief.heading(1, f"{part_marker(2)}政策效力与适用范围")
    rules = evaluation.rules
    validity = rules.validity
    brief.key_values(
        [
            (
                "政策效力",
                f"{STATUS_TEXT[evaluation.policy_status]}（{chinese_date(validity.issued)}至{chinese_date(validity.valid_until)}）",
            ),
            ("适用范围", STATE_TEXT[evaluation.scope_state]),
        ]
    )
    if evaluation.scope:
        brief.table(
            ["条件", "结果", "说明", "依据条款"],
            [_condition_row(c) for c in evaluation.scope],
            [0.28, 0.1, 0.3, 0.32],
            size=10.5,
        )
    for cond in rules.scope:
        if cond.reading:
            brief.note(f"解读（{cond.text}）：{cond.reading.text}（{citation_text(cond.reading.citation)}）")


def _items_section(brief: BriefDocument, evaluation: Evaluation) -> None:
    """三、申报事项核对: the claims in a table, then each with its own conditions and notes."""
    brief.heading(1, f"{part_marker(3)}申报事项核对")
    claimed = [r for r in evaluation.items if r.claim is not None]
    unclaimed = [r for r in evaluation.items if r.claim is None]
    counts = {s: sum(1 for r in claimed if r.state is s) for s in State}
    brief.paragraph(
        "申报{}项：{}。".format(
            len(claimed), "，".join(f"{STATE_TEXT[s]}{n}项" for s, n in counts.items() if n) or "无"
        )
    )
    if claimed:
        brief.table(
            ["序号", "事项", "申报内容", "状态", "最高金额", "计入金额"],
            [
                [
                    str(n),
                    r.item.title,
                    r.claim.title if r.claim and r.claim.title else "—",
                    Cell(STATE_TEXT[r.state], fill=STATE_FILLS[r.state], align="center"),
                    f"比例未定，最高{format_yuan(r.max_amount)}"
                    if r.ceiling_only
                    else format_yuan(r.max_amount),
                    "不计入" if r.ceiling_only else format_yuan(r.amount),
                ]
                for n, r in enumerate(claimed, start=1)
            ],
            [0.07, 0.25, 0.22, 0.1, 0.18, 0.18],
            size=10.5,
        )
    if unclaimed:
        brief.note(
            f"本政策另有{len(unclaimed)}项未申报：" + "；".join(r.item.title for r in unclaimed) + "。"
        )
    brief.note(
        "各事项均须满足的“评估日在政策有效期内”“申请单位在适用范围内”两项条件见第二部分，以下不再重复。"
    )
    for n, r in enumerate(claimed, start=1):
        claim = f"（{r.claim.title}）" if r.claim and r.claim.title else ""
        brief.heading(3, f"{n}.{r.item.title}{claim}：{STATE_TEXT[r.state]}")
        brief.note(f"依据：{citation_text(r.item.citation)}")
        if r.item.amount.reading:
            reading = r.item.amount.reading
            brief.note(f"解读：{reading.text}（{citation_text(reading.citation)}）")
        own = [
            c
            for c in r.conditions
            if not (c.id.startswith(COMMON_CONDITIONS[0]) or c.id == COMMON_CONDITIONS[1])
        ]
        if own:
            brief.table(
                ["条件", "结果", "说明", "依据条款"],
                [_condition_row(c) for c in own],
                [0.28, 0.1, 0.3, 0.32],
                size=10.5,
            )
        for note in r.notes:
            brief.note(
                f"注：{chinese_dates(describe(note.code, note.params))}"
                + (f"（{citation_text(note.citation)}）" if note.citation else "")
            )


def _evidence_section(brief: BriefDocument, evaluation: Evaluation, evidence: Sequence[EvidenceLine]) -> None:
    """四、证明材料: what the claimed items ask for, what is there, and what is still missing."""
    brief.heading(1, f"{part_marker(4)}证明材料")
    subjects = evidence_subjects(evaluation)
    # Evidence of items not claimed is not asked of this applicant.
    evidence = [e for e in evidence if e.key in subjects or e.present]
    missing = [e for e in evidence if e.asked and not e.present]
    if evidence:
        brief.paragraph(
            f"需提供证明材料{sum(1 for e in evidence if e.asked)}项，已提供"
            f"{sum(1 for e in evidence if e.asked and e.present)}项，尚缺{len(missing)}项。"
        )
        brief.table(
            ["材料", "对应条件", "状态", "已提供的说明或文件"],
            [
                [
                    e.asked or "（申请人补充）",
                    subjects.get(e.key, e.key),
                    Cell(
                        "已提供" if e.present else "缺少", fill="good" if e.present else "bad", align="center"
                    ),
                    "；".join([*([e.note] if e.note.strip() else []), *e.files]) or "—",
                ]
                for e in evidence
            ],
            [0.3, 0.22, 0.1, 0.38],
            size=10.5,
        )
        if missing:
            brief.heading(3, "1.尚缺材料清单")
            for m, e in enumerate(missing, start=1):
                brief.paragraph(f"（{m}）{e.asked}（{subjects.get(e.key, e.key)}）")
    else:
        brief.paragraph("所核对事项未要求提供证明材料。")


def _amounts_section(brief: BriefDocument, evaluation: Evaluation) -> None:
    """五、奖补金额测算: totals per year before and after the cap, and each item's instalments."""
    brief.heading(1, f"{part_marker(5)}奖补金额测算")
    if evaluation.totals:
        rows: list[list[str | Cell]] = [
            [
                f"{t.year}年",
                format_yuan(t.before_cap),
                format_yuan(t.cap) if t.cap is not None else "—",
                Cell(format_yuan(t.after_cap), fill="warn" if t.cap_applied else None),
                format_yuan(t.pending) if t.pending else "—",
            ]
            for t in evaluation.totals
        ]
        rows.append(
            [
                Cell("合计", align="center"),
                format_yuan(evaluation.total_before_cap),
                "",
                format_yuan(evaluation.total_after_cap),
                format_yuan(sum(t.pending for t in evaluation.totals)),
            ]
        )
        brief.table(
            ["年度", "适用上限前", "年度上限", "适用上限后", "待补充事项可能增加"],
            rows,
            [0.14, 0.22, 0.2, 0.22, 0.22],
            size=10.5,
        )
        ceilings = [t for t in evaluation.totals if t.ceilings]
        if ceilings:
            brief.note(
                "另有比例未定、只列上限的事项（不计入上表）："
                + "；".join(f"{t.year}年最高{format_yuan(t.ceilings)}" for t in ceilings)
                + "。"
            )
        capped = [t for t in evaluation.totals if t.cap_applied]
        if capped and capped[0].cap_citation:
            brief.note(f"上限依据：{citation_text(capped[0].cap_citation)}。底色标出适用上限的年度。")
    else:
        brief.paragraph("没有计入合计的奖补资金。")
    per_item = [r for r in evaluation.items if r.per_year and r.claim is not None]
    if per_item:
        years = sorted({y for r in per_item for y in r.per_year})
        brief.table(
            ["事项", *[f"{y}年" for y in years]],
            [
                [
                    f"{r.item.title}" + (f"（{r.claim.title}）" if r.claim and r.claim.title else ""),
                    *[
                        f"{format_yuan(r.counted_per_year.get(y, 0))}/{format_yuan(r.per_year[y])}"
                        if y in r.per_year
                        else "—"
                        for y in years
                    ],
                ]
                for r in per_item
            ],
            [0.4, *[0.6 / len(years)] * len(years)],
            size=10.5,
        )
        brief.note("各年格式为“计入金额/最高金额”。")


def _trace_section(brief: BriefDocument, evaluation: Evaluation, part: int, data_as_of: dt.datetime) -> None:
    """The evaluation's steps in order, then the data-as-of and evaluation-day stamps."""
    brief.heading(1, f"{part_marker(part)}评估过程")
    # The steps in order, as the engine wrote them; citations by clause path only (the
    # quotes are in the tables above).
    # Indented steps (the engine starts them with a full-width space) belong to the step above.
    n = 0
    last_step = len(brief.flowables)
    for step in evaluation.trace:
        last_step = len(brief.flowables)
        cited = f"〔{_path(step.citation.clause_id)}〕" if step.citation else ""
        text = chinese_dates(step.text.strip())
        if step.text.startswith("\u3000"):
            brief.note(f"{text}{cited}", size=10.5, indent_chars=3)
        else:
            n += 1
            brief.note(f"{n}. {text}{cited}", size=10.5)
    brief.spacer(4)
    brief.stamp(f"数据截至{chinese_date(data_as_of.date())} {data_as_of:%H:%M}")
    brief.stamp(f"评估日{chinese_date(evaluation.as_of)}")
    brief.keep_together(last_step)  # the stamps never stand alone on a last page


def _comparison_section(brief: BriefDocument, comparison: Comparison, part: int) -> None:
    original, what_if = comparison.original, comparison.what_if
    brief.heading(1, f"{part_marker(part)}试算对比")
    brief.paragraph(
        f"原申报“{original.application.name or '未命名'}”与试算（本简报其余部分所核对的内容）逐项对比。"
        f"奖补合计（适用上限后）由{format_yuan(original.total_after_cap)}变为{format_yuan(what_if.total_after_cap)}，"
        f"{'增加' if comparison.total_delta >= 0 else '减少'}{format_yuan(abs(comparison.total_delta))}。"
    )
    if comparison.other_changes:
        brief.note("另有改动：" + "、".join(CHANGE_WORDS[c] for c in comparison.other_changes) + "。")

    def side(r: object) -> str:
        from workbench.core.checklist.results import ItemResult

        if not isinstance(r, ItemResult):
            return "—"
        amount = f"最高{format_yuan(r.max_amount)}（比例未定）" if r.ceiling_only else format_yuan(r.amount)
        return f"{r.item.title}：{STATE_TEXT[r.state]}，{amount}"

    changed = comparison.changed_claims
    if changed:
        brief.table(
            ["申报", "改动", "原申报", "试算", "增减"],
            [
                [
                    c.title,
                    "、".join(CHANGE_WORDS[x] for x in c.changes) or "（受其他改动影响）",
                    side(c.original),
                    side(c.what_if),
                    ("+" if c.amount_delta > 0 else "−" if c.amount_delta < 0 else "")
                    + format_yuan(abs(c.amount_delta)),
                ]
                for c in changed
            ],
            [0.18, 0.16, 0.26, 0.26, 0.14],
            size=10.5,
        )
    else:
        brief.paragraph("各项申报均无改动。")
    if comparison.years:
        rows: list[list[str | Cell]] = [
            [
                f"{y.year}年",
                format_yuan(y.original_before_cap),
                Cell(format_yuan(y.original_after_cap), fill="warn" if y.original_cap_applied else None),
                format_yuan(y.what_if_before_cap),
                Cell(format_yuan(y.what_if_after_cap), fill="warn" if y.what_if_cap_applied else None),
                ("+" if y.delta > 0 else "−" if y.delta < 0 else "") + format_yuan(abs(y.delta)),
            ]
            for y in comparison.years
        ]
        rows.append(
            [
                Cell("合计", align="center"),
                format_yuan(original.total_before_cap),
                format_yuan(original.total_after_cap),
                format_yuan(what_if.total_before_cap),
                format_yuan(what_if.total_after_cap),
                ("+" if comparison.total_delta > 0 else "−" if comparison.total_delta < 0 else "")
                + format_yuan(abs(comparison.total_delta)),
            ]
        )
        brief.table(
            ["年度", "原申报·上限前", "原申报·上限后", "试算·上限前", "试算·上限后", "增减"],
            rows,
            [0.12, 0.18, 0.18, 0.18, 0.18, 0.16],
            size=10.5,
        )
        brief.note("增减按适用每年上限后的金额计；底色标出适用上限的年度。")


_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


def chinese_dates(text: str) -> str:
    """The engine's ISO dates (2026-02-14) as a brief writes them (2026年2月14日)."""

    def word(match: re.Match[str]) -> str:
        try:
            return chinese_date(dt.date(int(match[1]), int(match[2]), int(match[3])))
        except ValueError:
            return match[0]

    return _ISO_DATE.sub(word, text)


def evidence_subjects(evaluation: Evaluation) -> dict[str, str]:
    """Evidence key → the condition it proves, in words (scope, and the claimed items only)."""
    subjects: dict[str, str] = {}
    for c in evaluation.scope:
        if c.evidence_key:
            subjects[c.evidence_key] = f"适用范围：{c.text}"
    for r in evaluation.items:
        if r.claim is None:
            continue
        for c in r.conditions:
            if c.evidence_key:
                subjects.setdefault(c.evidence_key, f"{r.claim.title or r.item.title}：{c.text}")
    return subjects


def _path(clause_id: str) -> str:
    return clause_id.split(":", 1)[1] if ":" in clause_id else clause_id


def _condition_row(c: ConditionResult) -> list[str | Cell]:
    return [
        c.text,
        Cell(STATE_TEXT[c.state], fill=STATE_FILLS[c.state], align="center"),
        chinese_dates(describe(c.reason, c.params)),
        citation_text(c.citation),
    ]


def evidence_from_file(evaluation: Evaluation, file_evidence: Mapping[str, object]) -> list[EvidenceLine]:
    """Evidence lines from an application file's ``evidence`` object: notes count as
    given; file records are listed by name (their contents are not in the file). A record
    marked ``"present": false`` (its stored copy is gone or altered) is listed but not provided."""
    asked: dict[str, str | None] = {}
    for c in [*evaluation.scope, *(c for r in evaluation.items for c in r.conditions)]:
        if c.evidence_key and c.evidence:
            asked.setdefault(c.evidence_key, c.evidence)
    lines = []
    for key in dict.fromkeys([*asked, *file_evidence]):
        entry = file_evidence.get(key)
        note = str(entry.get("note") or "") if isinstance(entry, dict) else ""
        records = (
            [f for f in entry.get("files", []) if isinstance(f, dict)] if isinstance(entry, dict) else []
        )
        # A hand-written file may name a file by its full path: the brief prints no local path.
        files = tuple(PureWindowsPath(str(f.get("name", ""))).name for f in records)
        provided = any(f.get("present", True) is not False for f in records)
        lines.append(EvidenceLine(key, asked.get(key), note, files, bool(note.strip()) or provided))
    return lines
