"""The ledger brief (督办任务台账) of one unit or one plan: the summary, the ledger table in the
office layout (序号, 任务, 牵头单位, 配合单位, 完成时限, 进展情况, 状态), the overdue tasks and
where the rows come from."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence

from exporters.brief_words import part_marker
from exporters.pdf_fonts import BriefFonts
from exporters.pdf_layout import BriefDocument, Cell, chinese_date
from workbench.core.tasks.ledger import Role, TaskReport, TaskStatus
from workbench.core.words import OVERDUE_WORD, TASK_STATUS_WORDS

TITLE = "督办任务台账"
STATUS_FILLS = {
    TaskStatus.DONE: "good",
    TaskStatus.IN_PROGRESS: None,
    TaskStatus.NOT_STARTED: "none",
    TaskStatus.LAGGING: "warn",
}
METHOD = (
    "任务取自各文件条款所附的责任分工（如“责任单位：……”“……按职责分工负责”）：每一条附有责任分工的条款为一项任务，"
    "标明“牵头”的单位为牵头单位，未标明的以列于首位者为牵头单位，其余为配合单位；同一单位的不同写法按单位名称对照表归并。"
    "完成时限取条款所述时限，条款未述的取文件规划期末（标“规划期末”），二者皆无的为“未明确”。"
    "状态取最近一次填报的进展：未启动、推进中、已完成、滞后；尚无填报的为未启动。"
    "已过完成时限而未完成的任务标“逾期”，底色为红色。"
)


def deadline_text(report: TaskReport) -> str:
    d = report.task.deadline
    if d is None:
        return "未明确"
    if d.day is None:
        return d.text
    return chinese_date(d.day) + ("\n（规划期末）" if d.source == "plan" else "")


def source_text(report: TaskReport) -> str:
    """The plan by its 文号 when it has one (the title otherwise) and the clause."""
    plan = report.task.plan
    return f"{plan.doc_number or plan.title} {report.task.path}"


def progress_text(report: TaskReport) -> str:
    if report.latest is None:
        return "尚未填报"
    n = report.latest
    return f"{n.note}（{chinese_date(n.reported_on)}{'，' + n.author if n.author else ''}）"


def _status_cell(report: TaskReport) -> Cell:
    word = TASK_STATUS_WORDS[report.status.value]
    if report.overdue:
        return Cell(f"{word}\n{OVERDUE_WORD}", fill="bad", align="center")
    return Cell(word, fill=STATUS_FILLS[report.status], align="center")


def build_task_brief(
    reports: Sequence[TaskReport],
    *,
    as_of: dt.date,
    scope: str,
    unit_view: bool,
    fonts: BriefFonts | None = None,
    created: dt.datetime | None = None,
) -> BriefDocument:
    """``scope`` names the unit or the plan; ``unit_view`` says the reports are one unit's
    (then lead and supporting tasks are counted and the targets of its clauses shown)."""
    created = created or dt.datetime.now().astimezone()
    brief = BriefDocument(
        title=f"{TITLE}（{scope}）",
        subject=f"{scope}督办任务截至{chinese_date(as_of)}的进展",
        fonts=fonts,
        created=created,
        keywords=["督办台账", "任务分工"],
    )
    brief.title(TITLE)
    brief.subtitle(f"（{scope}　截至{chinese_date(as_of)}）")

    brief.heading(1, f"{part_marker(1)}总体情况")
    if not reports:
        brief.paragraph("没有纳入本台账的任务。")
    else:
        counts = Counter(r.status for r in reports)
        plans = {r.task.doc_id for r in reports}
        parts = [f"{TASK_STATUS_WORDS[s.value]}{counts[s]}项" for s in TaskStatus if counts[s]]
        text = f"纳入本台账的任务共{len(reports)}项，分布于{len(plans)}份文件"
        if unit_view:
            lead = sum(1 for r in reports if r.role is Role.LEAD)
            text += f"，其中牵头{lead}项、配合{len(reports) - lead}项"
        text += f"。按最近一次填报，{'，'.join(parts)}。"
        overdue = sum(1 for r in reports if r.overdue)
        text += f"已过完成时限而未完成的{overdue}项。" if overdue else "没有逾期未完成的任务。"
        brief.paragraph(text)

    brief.heading(1, f"{part_marker(2)}任务台账")
    rows: list[list[str | Cell]] = []
    for n, r in enumerate(reports, start=1):
        t = r.task
        task = f"{t.title}\n（{source_text(r)}）"
        if unit_view and r.role is not None:
            task = f"【{'牵头' if r.role is Role.LEAD else '配合'}】{task}"
        if r.targets:
            task += "\n指标：" + "；".join(f"{x.name}（{x.status_text}）" for x in r.targets)
        rows.append(
            [
                Cell(str(n), align="center"),
                task,
                t.lead.name if t.lead else "—",
                "、".join(u.name for u in t.supporting) or "—",
                deadline_text(r),
                progress_text(r),
                _status_cell(r),
            ]
        )
    if rows:
        brief.table(
            ["序号", "任务", "牵头单位", "配合单位", "完成时限", "进展情况", "状态"],
            rows,
            [0.06, 0.25, 0.13, 0.16, 0.12, 0.19, 0.09],
            size=9,
        )
        brief.note("状态底色：绿色为已完成，黄色为滞后，灰色为未启动，红色为逾期未完成。")

    late = [r for r in reports if r.overdue]
    one_plan = len({r.task.doc_id for r in reports}) == 1
    brief.heading(1, f"{part_marker(3)}逾期任务")
    if not late:
        brief.paragraph("没有已过完成时限而未完成的任务。")
    for n, r in enumerate(late, start=1):
        brief.paragraph(
            f"{n}.{r.task.title}（{r.task.path if one_plan else source_text(r)}）：完成时限"
            f"{deadline_text(r).replace(chr(10), '')}，当前状态{TASK_STATUS_WORDS[r.status.value]}，"
            f"牵头单位{r.task.lead.name if r.task.lead else '未明确'}。"
        )

    brief.heading(1, f"{part_marker(4)}说明")
    brief.paragraph(METHOD)
    brief.stamp(f"数据截至{chinese_date(as_of)}")
    return brief
