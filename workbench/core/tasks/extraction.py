"""Tasks from the text: every clause with a responsibility line is a task.

A responsibility line (the parser takes it off the clause's body) names the units:
（责任单位：A、B、C）, （A、B等按职责分工负责）, （A牵头负责）, （牵头单位：A；配合单位：B、C）,
（A牵头，B、C配合）, （责任单位：B、A（牵头））. The lead unit is the one marked 牵头, else the first
named; the others support. A deadline is the clause's own (完成时限：2024年底前, 2025年6月底前完成,
到2025年) or, failing that, the end of the plan's period (（2023—2025年）, 2023年实施方案, “十四五”).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from workbench.core.numerals import to_ascii_digits

_LABEL = re.compile(
    r"^(?P<label>责任单位|牵头单位|负责单位|主责单位|配合单位|参与单位|协办单位|协同单位|完成时限|完成时间|时间节点|时限)"
    r"\s*[:：]\s*"
)
_LEAD_LABELS = {"牵头单位", "主责单位"}
_SUPPORT_LABELS = {"配合单位", "参与单位", "协办单位", "协同单位"}
_DEADLINE_LABELS = {"完成时限", "完成时间", "时间节点", "时限"}
_DUTY_TAIL = re.compile(
    r"(?:等)?(?:单位)?(?:按职责分工|按职责|分别|共同)?(?:负责|推进|落实|实施)?(?:推进|落实|实施)?(?:，?下同)?$"
)
_LEAD_TAIL = re.compile(r"(?:等)?(?:单位)?牵头(?:负责|推进|落实|实施)?(?:推进|落实)?$")
_SUPPORT_TAIL = re.compile(r"(?:等)?(?:单位)?(?:配合|参与|协助|协同|协办)(?:推进|落实|实施)?$")
_LEAD_MARK = re.compile(r"[（(]\s*牵头(?:单位)?\s*[）)]$")
_UNIT_SPLIT = re.compile(r"[、，,/]")
_PART_SPLIT = re.compile(r"[；;。]")
_NOT_UNITS = ("下同", "按职责分工", "")
_STATED_TIME = re.compile(r"[2２][0０]\d{2}\s*年|长期|持续推进")

# \d matches full-width digits too, and int() reads them: no copy of the text is translated.
_YEAR = r"([2２][0０]\d{2})\s*年"
_DEADLINE_PATTERNS = (
    # 2024年6月30日前 / 2024年6月底前 / 2024年上半年 / 2024年底前 / 到2025年 / 2025年前
    re.compile(_YEAR + r"\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:前|之前|以前)"),
    re.compile(_YEAR + r"\s*(\d{1,2})\s*月(?:底|末)?(?:前|之前|以前|完成)"),
    re.compile(_YEAR + r"\s*(上|下)半年(?:前|之前|完成)?"),
    re.compile(_YEAR + r"(?:底|末)?(?:前|之前|以前|完成)"),
    # 截至2022年底 states where things stood, not when they are due
    re.compile(r"(?:到|(?<!截)至)\s*" + _YEAR + r"(?:\s*(\d{1,2})\s*月)?(?:底|末)?"),
)
_LONG_TERM = re.compile(r"长期(?:坚持|推进)?|持续推进")
_PLAN_SPAN = re.compile(r"(20\d{2})\s*[—–\-－~～至到]+\s*(20\d{2})\s*年")
_PLAN_YEAR = re.compile(
    r"(20\d{2})\s*年(?:度)?[^，。]{0,20}?(?:实施方案|工作要点|工作计划|行动方案|工作方案|任务清单)"
)
_FIVE_YEAR = {"十三五": 2020, "十四五": 2025, "十五五": 2030, "十六五": 2035}


@dataclass(frozen=True, slots=True)
class Responsibility:
    lead: str | None  # as written
    supporting: tuple[str, ...]  # as written, in order
    deadline_text: str | None  # a 完成时限 the line states


@dataclass(frozen=True, slots=True)
class Deadline:
    day: dt.date | None  # None: 长期 (stated, with no date)
    text: str  # as the source states it
    source: str  # clause | plan


@lru_cache(maxsize=65536)
def parse_responsibility(line: str) -> Responsibility:
    """The lead and supporting units (as written) and a stated time limit of one line."""
    flat = to_ascii_digits(line.replace("\n", "")).strip()
    flat = re.sub(r"^[（(]|[）)]$", "", flat).strip()
    leads: list[str] = []
    general: list[str] = []
    supporting: list[str] = []
    deadline: str | None = None
    for part in _PART_SPLIT.split(flat):
        part = part.strip(" ，,")
        if not part:
            continue
        m = _LABEL.match(part)
        label = m.group("label") if m else None
        body = part[m.end() :] if m else part
        if label in _DEADLINE_LABELS:
            deadline = body.strip() or None
            continue
        target = leads if label in _LEAD_LABELS else supporting if label in _SUPPORT_LABELS else None
        for piece in re.split(r"[，,]", body):
            piece = piece.strip(" ，,")
            if not piece:
                continue
            if _STATED_TIME.search(piece):  # （A、B负责，2025年底前完成）
                deadline = piece
                continue
            into = target
            if into is None:
                if _LEAD_TAIL.search(piece):
                    into, piece = leads, _LEAD_TAIL.sub("", piece)
                elif _SUPPORT_TAIL.search(piece):
                    into, piece = supporting, _SUPPORT_TAIL.sub("", piece)
                else:
                    into = general
            piece = _DUTY_TAIL.sub("", piece)
            for name in _UNIT_SPLIT.split(piece):
                name = _DUTY_TAIL.sub("", name.strip())
                if _LEAD_MARK.search(name):
                    leads.append(_LEAD_MARK.sub("", name).strip())
                    continue
                if name not in _NOT_UNITS:
                    into.append(name)
    named = leads + general + supporting
    if not named:
        return Responsibility(None, (), deadline)
    lead = named[0]
    rest = [u for u in (leads[1:] + general + supporting) if u != lead] if leads else named[1:]
    return Responsibility(lead, tuple(dict.fromkeys(rest)), deadline)


def clause_deadline(text: str) -> Deadline | None:
    """The time limit a clause states, its latest if it states several."""
    found: list[tuple[dt.date, str]] = []
    if "年" in text:  # most clauses state no year: skip the patterns
        for pattern in _DEADLINE_PATTERNS:
            for m in pattern.finditer(text):
                day = _day_of(m)
                if day is not None:
                    found.append((day, to_ascii_digits(re.sub(r"\s+", "", m.group(0)))))
    if found:
        day, written = max(found)
        return Deadline(day, written, "clause")
    if len(text) <= 40:  # a stated 完成时限：长期坚持, not a verb in a long clause
        long_term = _LONG_TERM.search(text)
        if long_term:
            return Deadline(None, long_term.group(0), "clause")
    return None


def plan_deadline(title: str, validity_note: str | None = None) -> Deadline | None:
    """The end of the period a plan covers, when its title or its stated period gives one."""
    for text in (title, validity_note or ""):
        flat = to_ascii_digits(text)
        span = _PLAN_SPAN.search(flat)
        if span and int(span.group(2)) >= int(span.group(1)):
            return Deadline(dt.date(int(span.group(2)), 12, 31), span.group(0), "plan")
        year = _PLAN_YEAR.search(flat)
        if year:
            return Deadline(dt.date(int(year.group(1)), 12, 31), f"{year.group(1)}年", "plan")
        for name, end in _FIVE_YEAR.items():
            if name in flat:
                return Deadline(dt.date(end, 12, 31), f"“{name}”期末", "plan")
    return None


def task_title(heading: str, body: str, limit: int = 60) -> str:
    """The task as a ledger row names it: the clause's heading, or its first sentence."""
    if heading:
        return heading
    flat = body[: limit * 3].replace("\n", "")
    ends = [i for i in (flat.find("。"), flat.find("；")) if i >= 0]
    sentence = flat[: min(ends)] if ends else flat
    return sentence if len(sentence) <= limit else sentence[: limit - 1] + "…"


def _day_of(m: re.Match[str]) -> dt.date | None:
    groups = [g for g in m.groups()]
    try:
        year = int(groups[0])
        second = groups[1] if len(groups) > 1 else None
        if second in ("上", "下"):
            return dt.date(year, 6, 30) if second == "上" else dt.date(year, 12, 31)
        month = int(second) if second else 12
        if len(groups) > 2 and groups[2]:
            return dt.date(year, month, int(groups[2]))
        return dt.date(year, month, calendar.monthrange(year, month)[1])
    except (ValueError, TypeError):
        return None
