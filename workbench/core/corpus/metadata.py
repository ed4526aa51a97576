"""Document metadata from the raw text of any Chinese policy document.

文号, title, issuer, issue and print dates, validity statements, repeals and
references to other documents, plus a guess at the administrative level.

Only general rules of how official documents are laid out (GB/T 9704 and the
way web pages and PDFs come out as text) are used: what a text does not state
comes back as ``None``, never guessed from knowledge of a particular file.
Offsets in results are offsets into the text as given.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from workbench.core.corpus.models import Level
from workbench.core.corpus.validity import last_day_of_term
from workbench.core.numerals import chinese_to_int, to_ascii_digits

Precision = Literal["day", "month", "year"]

_CJK = "\u4e00-\u9fff"
_SP = "[ \\t\\u3000]"  # inline space: extracted text puts spaces between numbers and units
_S = f"{_SP}*"
_D = "[0-9０-９]"
_CN_YEAR = "〇○零一二三四五六七八九"  # ○ (U+25CB) stands in for 〇 in many published texts
_CN_MD = "一二三四五六七八九十"

# --- dates ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DateValue:
    date: dt.date  # the first day of the month or year when the precision is coarser
    precision: Precision


@dataclass(frozen=True, slots=True)
class DateMatch:
    value: DateValue
    start: int
    end: int


_DATE = re.compile(
    rf"(?<![0-9０-９])(?P<y>{_D}{{4}}){_S}年{_S}(?P<m>{_D}{{1,2}}){_S}月(?:{_S}(?P<d>{_D}{{1,2}}){_S}日)?"
    rf"|(?P<cy>[{_CN_YEAR}]{{4}}){_S}年{_S}(?P<cm>[{_CN_MD}]{{1,2}}){_S}月(?:{_S}(?P<cd>[{_CN_MD}]{{1,3}}){_S}日)?"
    # 2023-03-24, 2023.03.24, 2023/3/24: one separator throughout, not part of a longer number
    rf"|(?<![0-9０-９.\-/])(?P<iy>{_D}{{4}})(?P<sep>[-./])(?P<im>{_D}{{1,2}})(?P=sep)(?P<id>{_D}{{1,2}})"
    rf"(?![0-9０-９]|(?P=sep){_D})"
)
_YEAR_ONLY = re.compile(rf"(?P<y>{_D}{{4}}|[{_CN_YEAR}]{{4}}){_S}年")
# A full date as text, for patterns that need two of them (自…起至…止); parsed afterwards.
_DATE_TEXT = (
    rf"(?:{_D}{{4}}{_S}年{_S}{_D}{{1,2}}{_S}月{_S}{_D}{{1,2}}{_S}日"
    rf"|[{_CN_YEAR}]{{4}}年[{_CN_MD}]{{1,2}}月[{_CN_MD}]{{1,3}}日"
    rf"|{_D}{{4}}[-./]{_D}{{1,2}}[-./]{_D}{{1,2}})"
)


def _cn_year(digits: str) -> int:
    return int("".join(str(_CN_YEAR.index(ch) - 2) if _CN_YEAR.index(ch) > 2 else "0" for ch in digits))


def _int(digits: str) -> int:
    return int(to_ascii_digits(re.sub(r"\s", "", digits)))


def _date_from_match(m: re.Match[str]) -> DateValue | None:
    try:
        if m.group("y"):
            year, month, day = _int(m.group("y")), _int(m.group("m")), m.group("d")
            return DateValue(dt.date(year, month, _int(day) if day else 1), "day" if day else "month")
        if m.group("cy"):
            cn_month = chinese_to_int(m.group("cm"))
            cn_day = chinese_to_int(m.group("cd")) if m.group("cd") else None
            if cn_month is None or (m.group("cd") and cn_day is None):
                return None
            return DateValue(
                dt.date(_cn_year(m.group("cy")), cn_month, cn_day or 1), "day" if cn_day else "month"
            )
        return DateValue(dt.date(_int(m.group("iy")), _int(m.group("im")), _int(m.group("id"))), "day")
    except ValueError:  # 2026年2月30日, 13月
        return None


def parse_chinese_date(s: str) -> DateValue | None:
    """The date that ``s`` consists of (surrounding spaces allowed), else None.

    A bare year (``2023年``) parses with precision "year"; :func:`find_dates`
    does not report bare years, which in running text are targets, not dates.
    """
    s = s.strip()
    if m := _DATE.fullmatch(s):
        return _date_from_match(m)
    if m := _YEAR_ONLY.fullmatch(s):
        y = m.group("y")
        return DateValue(dt.date(_cn_year(y) if y[0] in _CN_YEAR else _int(y), 1, 1), "year")
    return None


def find_dates(text: str) -> list[DateMatch]:
    """Every valid date of month or day precision in the text, in order."""
    return [DateMatch(v, m.start(), m.end()) for m in _DATE.finditer(text) if (v := _date_from_match(m))]


# --- 文号 ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DocNumberMatch:
    raw: str
    normalized: str  # 代字〔YYYY〕N号
    start: int
    end: int


_GAP = rf"{_S}(?:\r?\n{_S})?"  # spaces, and at most one line break
# Matched in two steps, bracket first: trying an agency code at every Han character is slow.
_NUMBER_TAIL = re.compile(
    rf"[〔［【（(\[]{_GAP}(?P<year>{_D}(?:{_S}{_D}){{3}}){_GAP}[〕］】）)\]]"
    rf"{_GAP}(?:第{_S})?(?P<serial>{_D}(?:{_S}{_D}){{0,5}}){_GAP}[号號]"
)
# the agency code (机关代字) right before: Han characters, single spaces allowed (letter-spaced PDFs)
_AGENCY = re.compile(rf"(?P<agency>[{_CJK}](?:{_SP}?[{_CJK}]){{0,19}}){_GAP}$")
# Words that end the prose before a 文号 (根据湘政发〔…〕, 原湘政办发〔…〕); the code follows the last one.
_AGENCY_CUT = re.compile(
    r".*(?:根据|依据|按照|参照|参见|详见|贯彻|落实|执行|印发|转发|下发|发布|废止|文件|通知|关于|精神|以及"
    r"|[和与及或的等见为在对按以于即原号年月日])",
    re.DOTALL,
)
_MAX_AGENCY = 10


def find_doc_numbers(text: str) -> list[DocNumberMatch]:
    """Every 文号 in the text, normalized; brackets, spaces and a line break may vary."""
    out = []
    previous_end = 0
    for m in _NUMBER_TAIL.finditer(text):
        year = _int(m.group("year"))
        a = _AGENCY.search(text, max(previous_end, m.start() - 60), m.start())
        if not a or not 1900 <= year <= 2099:
            continue
        run, run_start = a.group("agency"), a.start("agency")
        cut = _AGENCY_CUT.match(run)
        offset = cut.end() if cut else 0
        parts = [(p.start(), p.group()) for p in re.finditer(r"\S+", run[offset:])]
        if not parts:
            continue
        if len(parts) > 1:
            # "印发 湘政办发" keeps the last word; "湘 政 办 发" (letter-spaced) keeps the single letters
            keep = len(parts) - 1
            if len(parts[-1][1]) == 1:
                while keep > 0 and len(parts[keep - 1][1]) == 1:
                    keep -= 1
            parts = parts[keep:]
        agency = "".join(p for _, p in parts)[-_MAX_AGENCY:]
        start = run_start + offset + parts[0][0]
        start += len("".join(p for _, p in parts)) - len(agency)  # only when trimmed; no spaces then
        normalized = f"{agency}〔{year}〕{_int(m.group('serial'))}号"
        out.append(DocNumberMatch(text[start : m.end()], normalized, start, m.end()))
        previous_end = m.end()
    return out


# --- lines of the head and the signature ------------------------------------------------------

_MARKUP = re.compile(r"\*\*|</?[a-zA-Z][^<>\n]{0,200}>|&nbsp;", re.IGNORECASE)
_PAGE_LINE = re.compile(r"[—－-]\s*\d{1,3}\s*[—－-]")


@dataclass(frozen=True, slots=True)
class _Line:
    text: str  # markup removed, stripped
    start: int  # offsets of the whole source line
    end: int


def _lines(text: str) -> list[_Line]:
    """Non-empty lines without markup; page-number lines (—3—) dropped."""
    out, pos = [], 0
    for raw in text.split("\n"):
        clean = _MARKUP.sub("", raw).strip()
        if clean and not _PAGE_LINE.fullmatch(clean):
            out.append(_Line(clean, pos, pos + len(raw)))
        pos += len(raw) + 1
    return out


_ORG_SUFFIX = (
    r"(?:人民政府办公厅|人民政府办公室|人民政府|政府|办公厅|办公室|委员会|管委会|领导小组|联合会|协会"
    r"|总局|厅|局|委|部|院|署|办|中心|银行|中央|党委|法院|检察院)"
)
_ORG = re.compile(rf"[{_CJK}（）()]{{1,40}}{_ORG_SUFFIX}")
_BODY_START = re.compile(r"[一二三四五六七八九十]+、|第[一二三四五六七八九十百]+[章节条]")
_HEAD_MAX = 15
_HEAD_LINE_MAX = 100  # longer lines are paragraphs, not a title


def _org_name(s: str) -> str | None:
    """``s`` if it is one organisation name or several separated by spaces/、 (joint issuers)."""
    parts = [p for p in re.split(rf"(?:{_SP}|、)+", s.strip()) if p]
    if parts and all(_ORG.fullmatch(p) and "关于" not in p for p in parts):
        return "、".join(parts)
    return None


def _head(lines: list[_Line]) -> list[_Line]:
    """The lines before the body: stop at the addressees (…：), a paragraph or a first heading."""
    head = []
    for line in lines[:_HEAD_MAX]:
        t = line.text
        if t.endswith(("：", ":", "。")) or len(t) > _HEAD_LINE_MAX:
            break
        if _BODY_START.match(t):
            break
        head.append(line)
    return head


def _pure_date(line: str) -> DateValue | None:
    m = _DATE.fullmatch(line)
    return _date_from_match(m) if m else None


@dataclass(frozen=True, slots=True)
class _Signature:
    org: str | None
    date: DateValue
    line: int


_ORG_THEN_DATE = re.compile(rf"(?P<org>.+?){_S}(?P<date>{_DATE.pattern})")


def _signatures(lines: list[_Line]) -> Iterator[_Signature]:
    """Date lines that close a document: ``机关`` then ``日期``, or both on one line (not …印发)."""
    for i, line in enumerate(lines):
        value = _pure_date(line.text)
        if value:
            orgs: list[str] = []
            j = i - 1
            while j >= 0 and len(orgs) < 4 and (org := _org_name(lines[j].text)):
                orgs.insert(0, org)
                j -= 1
            yield _Signature("、".join(orgs) or None, value, i)
        elif (m := _ORG_THEN_DATE.fullmatch(line.text)) and (org := _org_name(m.group("org"))):
            if value := _date_from_match(m):
                yield _Signature(org, value, i)


_PRINT_LINE = re.compile(rf"(?:(?P<org>.+?){_S})?(?P<date>{_DATE.pattern}){_S}(?:印发|印制)")
_LABEL_ISSUED = re.compile(rf"成文日期{_S}[：:]{_S}(?P<date>{_DATE.pattern})")
_LABEL_PRINTED = re.compile(rf"印发日期{_S}[：:]{_S}(?P<date>{_DATE.pattern})")
_LABEL_ISSUER = re.compile(rf"发文机关{_S}[：:]{_S}(?P<org>[{_CJK}、 ]+?)(?:{_SP}{{2,}}|$)", re.MULTILINE)
_LABEL_NUMBER = re.compile(rf"(?:发文字号|文号){_S}[：:]{_S}$")


# --- 文号 of the document itself -----------------------------------------------------------------


def extract_doc_number(text: str) -> str | None:
    """The document's own 文号: after a 发文字号： label, or alone on its line(s) in the head.

    A 文号 inside a sentence or in brackets after a 《title》 is a citation, not the document's.
    """
    lines = _lines(text)
    head = _head(lines)
    head_end = head[-1].end if head else 0
    for m in find_doc_numbers(text):
        line_start = text.rfind("\n", 0, m.start) + 1
        if _LABEL_NUMBER.search(text, line_start, m.start):
            return m.normalized
        if m.start >= head_end:
            continue
        covered = "".join(line.text for line in head if line.end > m.start and line.start < m.end)
        own = re.sub(r"\s", "", m.raw)
        rest = re.sub(r"\s", "", covered).replace(own, "", 1)
        # a 上行文 puts 签发人 on the 文号 line; a few layouts put the issuer there
        if own in re.sub(r"\s", "", covered) and (not rest or rest.startswith("签发人") or _org_name(rest)):
            return m.normalized
    return None


# --- title ----------------------------------------------------------------------------------------

_DOC_TYPES = (
    "实施意见|实施方案|行动计划|行动方案|若干措施|意见|通知|办法|规定|方案|计划|规划|措施|细则|决定|纲要|条例"
    "|政策|指南|目录|公告|通告|决议|批复|函|要点|清单|规则|指引|章程|标准|报告|通报"
)
_PAREN = r"[（(][^（）()\n]{1,24}[）)]"
_TITLE_END = re.compile(rf"(?:{_DOC_TYPES})(?:{_PAREN})?$")
_TITLE_PAREN_LINE = re.compile(_PAREN)
_NOT_TITLE_PAREN = re.compile(r"此件|公开|[0-9０-９]{4}年[0-9０-９]{1,2}月")
_TRANSMITTAL = re.compile(r".*?关于(?:印发|发布|颁布)(?P<x>.+)的(?:通知|通告|公告)")
_YEAR_RANGE = re.compile(r"([0-9]{4})[-－–~～—]{1,2}([0-9]{4})")
_PAGE_IN_TEXT = re.compile(r"[—－]\s*\d{1,3}\s*[—－]")


def _normalize_title(title: str) -> str:
    """One spelling for a title: no spaces or markup, full-width brackets, 2023—2025 ranges."""
    title = re.sub(r"\s", "", _MARKUP.sub("", title))
    title = to_ascii_digits(title).replace("(", "（").replace(")", "）")
    return _YEAR_RANGE.sub(r"\1—\2", title)


def _unwrap_transmittal(title: str) -> str:
    """关于印发《X》的通知 → X; a notice issuing several documents keeps its own title."""
    m = _TRANSMITTAL.fullmatch(title)
    if not m:
        return title
    inner = m.group("x")
    if inner[:1] in "《〈" and inner[-1:] in "》〉":
        inner = inner[1:-1]
    return title if re.search("[《》〈〉]", inner) else inner


def _is_noise_head_line(t: str) -> bool:
    return bool(
        not re.search(f"[{_CJK}]", t)  # register numbers such as HNPR—2026—01011
        or t.endswith("文件")
        or (t.endswith("令") and _org_name(t[:-1]))  # 湖南省人民政府令 / 第312号
        or re.fullmatch(rf"第{_S}[0-9０-９〇一二三四五六七八九十百千]+{_S}[号號]", t)
        or _pure_date(t)
        or t.startswith(
            ("签发人", "（此件", "(此件", "索引号", "主题分类", "发文字号", "发文机关", "成文日期")
        )
        or any(re.sub(r"\s", "", n.raw) == re.sub(r"\s", "", t) for n in find_doc_numbers(t))
    )


def extract_title(text: str) -> str | None:
    """The document's title from its head; for 关于印发《X》的通知 the title of X."""
    lines = _lines(text)
    head = [line.text for line in _head(lines) if not _is_noise_head_line(line.text)]
    if head:
        return _title_from_head(head)
    if lines and len(lines[0].text) > _HEAD_LINE_MAX:  # no head at all: one run-on line
        return _run_on_title(text)
    return None


def _title_from_head(head: list[str]) -> str | None:
    about = next((i for i, t in enumerate(head) if "关于" in t), None)
    if about is not None:
        first = (
            about - 1 if about > 0 and _org_name(head[about - 1]) else about
        )  # 湖南省人民政府办公厅 / 关于…
        starts = [first]
    else:
        starts = [i for i, t in enumerate(head) if not _org_name(t)]  # not a bare issuer line
    for first in starts:
        parts: list[str] = []
        for t in head[first : first + 4]:  # a title runs over at most a few lines
            parts.append(t)
            if _TITLE_END.search(_normalize_title("".join(parts))):
                nxt = first + len(parts)
                if (
                    nxt < len(head)
                    and _TITLE_PAREN_LINE.fullmatch(head[nxt])
                    and not _NOT_TITLE_PAREN.search(head[nxt])
                ):
                    parts.append(head[nxt])  # 南京市…行动计划 / （2021—2023年）
                return _unwrap_transmittal(_normalize_title("".join(parts)))
    if about is not None:  # a kind of document not in the list: the 关于 line as it stands
        return _normalize_title("".join(head[starts[0] : about + 1]))
    return None


def _run_on_title(text: str) -> str | None:
    """A text without line breaks: the title runs into the body (“十四五”…规划科学规划、…).

    The document names its own kind (本规划, 本意见); the title is the shortest
    opening ending in that kind, with a period such as （2021—2025年） after it.
    """
    kinds = Counter(re.findall(rf"本({_DOC_TYPES})", text))
    if not kinds:
        return None
    kind = kinds.most_common(1)[0][0]
    opening = re.sub(rf"^\s*{_PAGE_LINE.pattern}", "", _MARKUP.sub("", text.lstrip()))[:120]
    end = opening.find(kind, 4)  # a title has some words before its kind
    if end < 0 or end > 80:
        return None
    end += len(kind)
    if m := _TITLE_PAREN_LINE.match(opening, end):
        end = m.end()
    return _normalize_title(opening[:end])


# --- issuer and dates ---------------------------------------------------------------------------

_ABBREVIATED = ("市", "省", "区", "县", "州", "自治区", "本")


def extract_issuer(text: str) -> str | None:
    """The issuing organisation: a 发文机关 label, a ``XX文件`` header, the signature, or the
    organisation a title starts with; a full name is preferred to 市政府办公厅 and the like."""
    lines = _lines(text)
    candidates: list[str] = []
    if m := _LABEL_ISSUER.search(text):
        candidates.append(m.group("org").strip())
    for line in lines[:5]:
        if line.text.endswith("文件") and (org := _org_name(line.text[:-2])):
            candidates.append(org)
    candidates += [s.org for s in _signatures(lines) if s.org]
    head = _head(lines)
    for i, line in enumerate(head):
        if "关于" in line.text:
            prefix = line.text.split("关于", 1)[0].strip()
            if org := _org_name(prefix):
                candidates.append(org)
            elif not prefix and i > 0 and (org := _org_name(head[i - 1].text)):
                candidates.append(org)
            break
    full = [c for c in candidates if not c.startswith(_ABBREVIATED)]
    if full or candidates:
        return (full or candidates)[0]
    return None


def extract_issue_date(text: str) -> DateValue | None:
    """The 成文 date: a 成文日期 label, else the first signature date (机关 over 日期, which in a
    transmittal notice stands right after its short body); a 印发 date in the 版记 is not it."""
    if m := _LABEL_ISSUED.search(text):
        return parse_chinese_date(m.group("date"))
    signatures = list(_signatures(_lines(text)))
    signed = [s for s in signatures if s.org] or [s for s in signatures if s.date.precision == "day"]
    return signed[0].date if signed else None


def extract_print_date(text: str) -> DateValue | None:
    """The 印发 date of the 版记 (``XX办公厅 2021年9月22日印发``), or an 印发日期 label."""
    if m := _LABEL_PRINTED.search(text):
        return parse_chinese_date(m.group("date"))
    found = None
    for line in _lines(text):
        m = _PRINT_LINE.fullmatch(line.text)
        if m and (not m.group("org") or _org_name(m.group("org"))):
            found = parse_chinese_date(m.group("date")) or found
    return found


# --- validity -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Validity:
    effective_from: dt.date | None = None
    valid_until: dt.date | None = None
    years: int | None = None
    raw: str | None = None  # the sentence(s) stating it
    # what effective_from counts from: "issue" (自印发之日起), "publication" (自公布/发布之日起;
    # the issue date stands in, texts rarely state a publication date) or "date" (a stated date)
    basis: str | None = None


_NUM = rf"(?:{_D}+|[〇零一二两三四五六七八九十百]+)"
_SELF = re.compile(rf"本(?:{_DOC_TYPES}|文件|政策措施)")
_FROM_EVENT = re.compile(
    rf"自{_S}(?P<event>印发|下发|签发|发文|公布|发布|颁布){_S}之日起{_S}"
    rf"(?:(?P<days>{_NUM}){_S}(?:日|天|个工作日)后{_S})?(?:正式{_S})?(?:施行|实施|执行|生效)"
)
_RANGE = re.compile(
    rf"(?:有效期{_S}(?:为|自|是)?|自|从){_S}(?P<start>{_DATE_TEXT}){_S}(?:起)?{_S}(?:至|到){_S}"
    rf"(?P<until>{_DATE_TEXT}){_S}止?"
)
_FROM_DATE = re.compile(rf"(?P<start>{_DATE_TEXT}){_S}起{_S}(?:正式{_S})?(?:施行|实施|执行|生效)")
_UNTIL = re.compile(
    rf"有效期{_S}(?:至|截至|到){_S}(?P<until>{_DATE_TEXT})|(?:至|到){_S}(?P<until2>{_DATE_TEXT}){_S}(?:止|失效)"
)
_YEARS = re.compile(rf"有效期(?:限)?{_S}(?:为|是)?{_S}(?P<n>{_NUM}){_S}年")


@dataclass
class _Found:
    start: dt.date | None = None
    until: dt.date | None = None
    years: int | None = None
    basis: str | None = None
    relative_days: int | None = None  # effective this many days after the issue date

    def read(self, s: str) -> None:
        if self.basis is None:
            if m := _RANGE.search(s):
                self.start, self.until, self.basis = _day(m.group("start")), _day(m.group("until")), "date"
            elif m := _FROM_DATE.search(s):
                self.start, self.basis = _day(m.group("start")), "date"
            elif m := _FROM_EVENT.search(s):
                self.basis = (
                    "issue" if m.group("event") in ("印发", "下发", "签发", "发文") else "publication"
                )
                self.relative_days = chinese_to_int(m.group("days")) if m.group("days") else 0
        if self.until is None and (m := _UNTIL.search(s)):
            self.until = _day(m.group("until") or m.group("until2"))
        if self.years is None and (m := _YEARS.search(s)):
            self.years = chinese_to_int(m.group("n"))

    @property
    def empty(self) -> bool:
        return self.basis is None and self.until is None and self.years is None


def _day(s: str) -> dt.date | None:
    value = parse_chinese_date(s)
    return value.date if value else None


def _sentences(text: str, stops: str) -> Iterator[re.Match[str]]:
    # not split at line breaks: extracted text breaks lines in mid-sentence
    return re.finditer(rf"[^{stops}]+[{stops}]?", text)


def _one_line(lines: list[str]) -> str:
    return "".join(line.strip() for line in lines).rstrip("。；;")


def extract_validity(text: str, issued: dt.date | None) -> Validity:
    """When the document takes effect and until when, as its closing sentence states.

    有效期N年 runs to the day before the N-th anniversary of the start. A start
    relative to the issue date stays None when ``issued`` is unknown.
    """
    sentences = [m.group() for m in _sentences(text, "。！？")]
    best: tuple[int, _Found, list[str]] | None = None
    for i, sentence in enumerate(sentences):
        found = _read(sentence)
        if found.empty:
            continue
        anchored = found.basis is not None
        about_self = bool(_SELF.search(sentence)) or sentence.strip().startswith("有效期")
        if not (anchored or about_self):
            continue  # 资格有效期3年 and the like: the validity of something else
        lines = [line for line in sentence.split("\n") if line.strip()]
        # drop the lines before the statement (a heading such as 第五章 附则)
        while len(lines) > 1 and _read("".join(lines[1:])) == found:
            lines = lines[1:]
        if i + 1 < len(sentences) and anchored and found.years is None and found.until is None:
            follow = _read(sentences[i + 1])
            if follow.basis is None and (follow.years or follow.until):  # 自…起施行。有效期5年。
                found.read(sentences[i + 1])
                lines.append(sentences[i + 1])
        score = 2 * about_self + anchored + (found.years is not None or found.until is not None)
        if best is None or score >= best[0]:  # ties: the later one, closing clauses come last
            best = (score, found, lines)
    if best is None:
        return Validity()
    _, found, lines = best
    start = found.start
    if found.relative_days is not None and issued is not None:
        start = issued + dt.timedelta(days=found.relative_days)
    until = found.until
    if until is None and found.years and start:
        until = last_day_of_term(start, found.years)
    return Validity(start, until, found.years, _one_line(lines), found.basis)


def _read(sentence: str) -> _Found:
    found = _Found()
    found.read(re.sub(r"\s*\n\s*", "", sentence))
    return found


# --- titles in 《》, repeals and references -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Repeal:
    title: str | None
    doc_number: str | None
    raw: str


@dataclass(frozen=True, slots=True)
class Reference:
    kind: Literal["doc_number", "title"]
    value: str  # normalized 文号, or the title without 《》
    title: str | None  # for a 文号: the 《title》 right before it
    start: int
    end: int


# 《…》 may hold a nested 〈…〉 (《关于印发〈X〉的通知》); a lone 〈…〉 is a title too.
_BOOK = re.compile(r"《(?P<t>(?:[^《》〈〉]|〈[^《》〈〉]*〉){1,150})》|〈(?P<t2>[^《》〈〉]{1,150})〉")
_BEFORE_NUMBER = re.compile(rf"{_GAP}[（(〔［【\[]?{_S}")


@dataclass(frozen=True, slots=True)
class _Book:
    title: str
    start: int
    end: int


def _books(text: str) -> list[_Book]:
    out = []
    for m in _BOOK.finditer(text):
        raw = m.group("t") or m.group("t2")
        if raw.count("\n") > 1:
            continue  # an unmatched 《 paired with a far 》
        title = _normalize_title(_PAGE_IN_TEXT.sub("", raw))
        if re.search(f"[{_CJK}A-Za-z]", title):
            out.append(_Book(title, m.start(), m.end()))
    return out


def _numbered(books: list[_Book], numbers: list[DocNumberMatch], text: str) -> dict[int, _Book]:
    """文号 start → the 《title》 immediately before it: 《X》（湘政发〔2020〕1号）."""
    out = {}
    for n in numbers:
        for b in books:
            if b.end <= n.start and _BEFORE_NUMBER.fullmatch(text, b.end, n.start):
                out[n.start] = b
    return out


_REPEAL_WORD = re.compile(r"(?:同步|同时|予以|一并|即行|随之)?废止|(?:同时)?停止执行")
_NOT_REPEALED = re.compile(r"^(?:根据|依据|按照|为)")


def extract_repeals(text: str) -> list[Repeal]:
    """Documents this one repeals: 原《X》（文号）同步废止, 《A》、《B》同时废止, …予以废止."""
    out: list[Repeal] = []
    for sm in _sentences(text, "。；;"):
        sentence = sm.group()
        word = _REPEAL_WORD.search(sentence)
        if not word:
            continue
        # the clause before 废止, or the one before that (《X》，自本办法施行之日起废止)
        clauses = re.split(r"[，,]", sentence[: word.start()])
        scope = clauses[-1]
        if not _has_document(scope) and len(clauses) > 1 and not _NOT_REPEALED.match(clauses[-2].strip()):
            scope = f"{clauses[-2]}，{scope}"
        start = sm.start() + word.start() - len(scope)
        segment = text[start : sm.start() + word.start()]
        books, numbers = _books(segment), find_doc_numbers(segment)
        titled = _numbered(books, numbers, segment)
        used = {id(b) for b in titled.values()}
        items: list[tuple[int, str | None, str | None]] = [
            (b.start, b.title, None) for b in books if id(b) not in used
        ]
        for n in numbers:
            book = titled.get(n.start)
            items.append((book.start if book else n.start, book.title if book else None, n.normalized))
        # the sentence from the line the repeal starts on (not a heading before it)
        raw = _one_line(sentence[sentence.rfind("\n", 0, start - sm.start()) + 1 :].split("\n"))
        out += [Repeal(title, number, raw) for _, title, number in sorted(items, key=lambda x: x[0])]
    return out


def _has_document(s: str) -> bool:
    return bool(_BOOK.search(s) or find_doc_numbers(s))


def _key(title: str | None) -> str:
    return "".join(ch for ch in _normalize_title(title or "") if ch.isalnum())


def extract_references(
    text: str, own_doc_number: str | None = None, own_title: str | None = None
) -> list[Reference]:
    """Other documents the text cites, by 文号 or by 《title》, first occurrence of each.

    《X》（文号） is one 文号 reference titled X. A 文号 reference is kept even when
    its title equals the own title: a new version often cites the old one it repeals.
    """
    books, numbers = _books(text), find_doc_numbers(text)
    titled = _numbered(books, numbers, text)
    own_numbers = {own_doc_number, *(m.normalized for m in find_doc_numbers(own_doc_number or ""))}
    refs = [
        Reference(
            "doc_number",
            n.normalized,
            titled[n.start].title if n.start in titled else None,
            titled[n.start].start if n.start in titled else n.start,
            n.end,
        )
        for n in numbers
        if n.normalized not in own_numbers
    ]
    numbered_titles = {_key(r.title) for r in refs if r.title}
    numbered_books = {id(b) for b in titled.values()}
    own_key = _key(own_title)
    refs += [
        Reference("title", b.title, None, b.start, b.end)
        for b in books
        if id(b) not in numbered_books and _key(b.title) not in (own_key, *numbered_titles)
    ]
    refs.sort(key=lambda r: r.start)
    seen: set[str] = set()
    unique = []
    for r in refs:
        if r.value not in seen:
            seen.add(r.value)
            unique.append(r)
    return unique


# --- level and region ----------------------------------------------------------------------------

_NATIONAL_PREFIX = ("国务院", "国家", "中共中央", "中央", "全国", "中华人民共和国", "最高人民")
_NATIONAL_SUFFIX = ("部", "总局", "署")
_MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")  # 直辖市: provincial level
_PROVINCE = re.compile(rf"[{_CJK}]{{2,3}}?省|[{_CJK}]{{2,7}}?自治区")
_CITY = re.compile(
    rf"[{_CJK}]{{2,4}}?市|[{_CJK}]{{2,8}}?自治州|[{_CJK}]{{2,4}}?(?:地区|盟)(?=[{_CJK}]*{_ORG_SUFFIX})"
)
_COUNTY = re.compile(rf"[{_CJK}]{{1,5}}?(?:区|县|旗)(?=人民政府|政府|委员会|党委|区委|县委|办公室|管委会)")
_TITLE_LEAD = re.compile(
    r"^(?:.*关于)?(?:印发|转发|促进|加快|推进|推动|支持|做好|加强|进一步|深化|实施|开展)*"
)


def _place(name: str) -> tuple[Level, str] | None:
    """Level and region from the place a name starts with (中共 dropped: 中共湖南省委)."""
    name = name.removeprefix("中共")
    for city in _MUNICIPALITIES:
        if name.startswith(city):
            rest = name[len(city) :]
            if m := _COUNTY.match(rest):
                return Level.OTHER, city + m.group()
            return Level.PROVINCIAL, city
    if m := _PROVINCE.match(name):
        return Level.PROVINCIAL, m.group()
    if m := _CITY.match(name):
        if c := _COUNTY.match(name, m.end()):
            return Level.OTHER, m.group() + c.group()
        return Level.MUNICIPAL, m.group()
    return None


def guess_level_and_region(issuer: str | None, title: str | None) -> tuple[Level, str | None]:
    """国家/省/市 and the region, from the issuer's name; the title fills in a bare 市政府办公厅."""
    issuer = (issuer or "").strip()
    # a title names its place first (南京市…计划, 湖南省人民政府…关于) or after 关于促进 and the like
    title_place = (_place(title) or _place(_TITLE_LEAD.sub("", title, count=1))) if title else None
    if issuer:
        if issuer.startswith(_NATIONAL_PREFIX):
            return Level.NATIONAL, "全国"
        if found := _place(issuer):
            return found
        if issuer.startswith(("市", "州")):
            region = title_place[1] if title_place and title_place[0] is Level.MUNICIPAL else None
            return Level.MUNICIPAL, region
        if issuer.startswith(("省", "自治区")):
            region = title_place[1] if title_place and title_place[0] is Level.PROVINCIAL else None
            return Level.PROVINCIAL, region
        if all(p.endswith(_NATIONAL_SUFFIX) for p in issuer.split("、")):
            return Level.NATIONAL, "全国"  # 财政部, 海关总署, 科技部、财政部
        return Level.OTHER, None
    if title:
        if title.startswith(_NATIONAL_PREFIX):
            return Level.NATIONAL, "全国"
        if title_place:
            return title_place
    return Level.OTHER, None
