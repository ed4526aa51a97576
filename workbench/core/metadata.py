"""Document metadata from the raw text of any Chinese policy document.

文号, title, issuer, issue and print dates, validity statements, repeals and
references to other documents. General rules only: what a text does not
state comes back as None, never guessed from knowledge of a particular file.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from workbench.core.models import Level
from workbench.core.numerals import chinese_to_int, to_ascii_digits
from workbench.core.validity import last_day_of_term

_CN_DIGIT = "〇零一二三四五六七八九十"
_HEAD_LINES = 15  # the head of a document: title, 文号, addressees
_TAIL_LINES = 12  # the signature block


# --- dates ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DateValue:
    date: dt.date
    precision: Literal["day", "month", "year"]


@dataclass(frozen=True, slots=True)
class DateMatch:
    value: DateValue
    start: int
    end: int


_D = r"[0-9０-９]"
_DATE = re.compile(
    rf"(?P<y>{_D}{{4}})\s*年\s*(?P<m>{_D}{{1,2}})\s*月(?:\s*(?P<d>{_D}{{1,2}})\s*日)?"
    rf"|(?P<cy>[〇零一二三四五六七八九]{{4}})年(?P<cm>[一二三四五六七八九十]{{1,2}})月(?:(?P<cd>[一二三四五六七八九十]{{1,3}})日)?"
    rf"|(?<!{_D})(?P<iy>{_D}{{4}})[-./](?P<im>{_D}{{1,2}})[-./](?P<id>{_D}{{1,2}})(?!{_D})"
)


def _cn_year(text: str) -> int:
    return int("".join(str("〇一二三四五六七八九".index(ch) if ch != "零" else 0) for ch in text))


def _date_from_match(m: re.Match[str]) -> DateValue | None:
    try:
        if m.group("y"):
            y, mo = int(to_ascii_digits(m.group("y"))), int(to_ascii_digits(m.group("m")))
            d = m.group("d")
            return DateValue(dt.date(y, mo, int(to_ascii_digits(d)) if d else 1), "day" if d else "month")
        if m.group("cy"):
            mo = chinese_to_int(m.group("cm"))
            d = chinese_to_int(m.group("cd")) if m.group("cd") else None
            if mo is None:
                return None
            return DateValue(dt.date(_cn_year(m.group("cy")), mo, d or 1), "day" if d else "month")
        y, mo, d = (int(to_ascii_digits(m.group(g))) for g in ("iy", "im", "id"))
        return DateValue(dt.date(y, mo, d), "day")
    except ValueError:
        return None  # 2026年2月30日


def parse_chinese_date(s: str) -> DateValue | None:
    m = _DATE.search(s.strip())
    return _date_from_match(m) if m else None


def find_dates(text: str) -> list[DateMatch]:
    out = []
    for m in _DATE.finditer(text):
        value = _date_from_match(m)
        if value:
            out.append(DateMatch(value, m.start(), m.end()))
    return out


# --- 文号 --------------------------------------------------------------------------

_OPEN = re.escape("〔[［【（(")
_CLOSE = re.escape("〕]］】）)")
_DOC_NUMBER = re.compile(
    rf"(?P<agency>[\u4e00-\u9fff]{{1,12}}?)\s*[{_OPEN}]\s*(?P<year>(?:19|20){_D}{{2}})\s*[{_CLOSE}]\s*(?:第\s*)?(?P<serial>{_D}{{1,5}})\s*号"
)
_NOT_AGENCY = re.compile(r"^(?:[到至于在和与及的年月日号自从由经按依据根]|关于|印发)")


@dataclass(frozen=True, slots=True)
class DocNumberMatch:
    raw: str
    normalized: str
    start: int
    end: int


def find_doc_numbers(text: str) -> list[DocNumberMatch]:
    """Every 文号 in the text; a line break inside one (长发改创高\\n〔2023〕22号) is allowed."""
    out = []
    for m in _DOC_NUMBER.finditer(text):
        agency = m.group("agency")
        # the agency code is the run of characters right before the bracket; cut at words that start a sentence
        agency = re.split(r"[的和与及等为在对按以于]|关于|印发|根据|依据", agency)[-1]
        if len(agency) < 1 or _NOT_AGENCY.match(agency):
            continue
        start = m.start("agency") + m.group("agency").rfind(agency)
        normalized = f"{agency}〔{to_ascii_digits(m.group('year'))}〕{int(to_ascii_digits(m.group('serial')))}号"
        out.append(DocNumberMatch(text[start : m.end()], normalized, start, m.end()))
    return out


def _head(text: str, lines: int = _HEAD_LINES) -> str:
    kept = [line for line in text.split("\n") if line.strip()][:lines]
    return "\n".join(kept)


def extract_doc_number(text: str) -> str | None:
    """The document's own 文号: one standing on its own line in the head, not a citation."""
    head_end = len(_head(text))
    for m in find_doc_numbers(text):
        if m.start > head_end + 200:
            break
        line_start = text.rfind("\n", 0, m.start) + 1
        line_end = text.find("\n", m.end)
        line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
        if line == m.raw.strip() or (len(line) <= len(m.raw) + 4 and not re.search(r"[《》（(]", line.replace(m.raw, ""))):
            return m.normalized
    return None


# --- title and issuer --------------------------------------------------------------

_MARKUP = re.compile(r"\*\*|</?[a-zA-Z][^<>]{0,80}>")
_ORG_END = r"(?:人民政府办公厅|人民政府办公室|人民政府|办公厅|办公室|委员会|管理委员会|管委会|厅|局|委|部|院|署|中心|政府)"
_ORG_LINE = re.compile(rf"^[\u4e00-\u9fff（）()]{{2,40}}{_ORG_END}$")
_TRANSMITTAL = re.compile(r"关于印发[《〈](?P<title>.+?)[》〉]的通知|关于印发(?P<bare>[^《〈]+?)的通知")
_TITLE_WORDS = re.compile(r"(?:意见|通知|办法|规定|方案|计划|规划|措施|细则|决定|纲要|条例|政策|指南|目录)(?:（[^）]*）)?$")


def _clean_lines(text: str) -> list[str]:
    return [_MARKUP.sub("", line).strip() for line in text.split("\n") if _MARKUP.sub("", line).strip()]


def extract_title(text: str) -> str | None:
    lines = _clean_lines(text)[:_HEAD_LINES]
    joined = "".join(lines[:4])
    m = _TRANSMITTAL.search(joined.replace(" ", ""))
    if m:
        return (m.group("title") or m.group("bare")).replace(" ", "")
    for i, line in enumerate(lines):
        if "关于" in line and len(line) <= 60:
            start = i - 1 if i > 0 and _ORG_LINE.match(lines[i - 1]) and not line.startswith(lines[i - 1]) else i
            title = "".join(lines[start : i + 1])
            if not _TITLE_WORDS.search(title) and i + 1 < len(lines) and len(lines[i + 1]) <= 30 and _TITLE_WORDS.search(lines[i + 1]):
                title += lines[i + 1]
            return title
    for line in lines:
        if len(line) <= 60 and _TITLE_WORDS.search(line) and not line.endswith("。"):
            return line
    return None


def extract_issuer(text: str) -> str | None:
    lines = _clean_lines(text)
    for line in lines[:_HEAD_LINES]:
        if line.endswith("文件") and _ORG_LINE.match(line[:-2]):
            return line[:-2]
    tail = lines[-_TAIL_LINES:]
    for i, line in enumerate(tail):
        name = re.split(r"\s{2,}", line)[0].strip()
        following = tail[i + 1] if i + 1 < len(tail) else ""
        if _ORG_LINE.match(name) and (parse_chinese_date(line[len(name):]) or parse_chinese_date(following)):
            return name
    for line in lines[:_HEAD_LINES]:
        m = re.match(rf"^(?P<org>[\u4e00-\u9fff]{{2,30}}?{_ORG_END})(?:\s*)关于", line)
        if m:
            return m.group("org")
        if _ORG_LINE.match(line):
            return line
    return None


def _signature_dates(text: str) -> list[tuple[DateValue, str]]:
    """Dates standing on their own (or after an organisation name) in the last lines."""
    out = []
    for line in _clean_lines(text)[-_TAIL_LINES:]:
        m = _DATE.search(line)
        if not m:
            continue
        rest = (line[: m.start()] + line[m.end() :]).strip()
        value = _date_from_match(m)
        if value and (not rest or rest in ("印发", "发布", "成文") or _ORG_LINE.match(rest.replace("印发", "").strip())):
            out.append((value, line))
    return out


def _head_dates(text: str) -> list[DateValue]:
    out = []
    for line in _clean_lines(text)[:_HEAD_LINES + 5]:
        m = _DATE.fullmatch(line)
        if m and (value := _date_from_match(m)):
            out.append(value)
    return out


def extract_issue_date(text: str) -> DateValue | None:
    """The signature (成文) date; else the date under the issuer in a transmittal head."""
    signed = [v for v, line in _signature_dates(text) if "印发" not in line]
    if signed:
        return signed[-1]
    head = _head_dates(text)
    return head[0] if head else None


def extract_print_date(text: str) -> DateValue | None:
    printed = [v for v, line in _signature_dates(text) if "印发" in line]
    return printed[-1] if printed else None


# --- validity ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Validity:
    effective_from: dt.date | None = None
    valid_until: dt.date | None = None
    years: int | None = None
    raw: str | None = None
    basis: str | None = None  # issue | publication | date | relative


_SENTENCE = re.compile(r"[^。\n]*(?:施行|实施|有效期|起执行)[^。\n]*。?")
_YEARS = re.compile(r"有效期\s*(?:为\s*)?([0-9０-９]+|[一二两三四五六七八九十]+)\s*年")
_FROM_ISSUE = re.compile(r"自(?:印发|发布|公布|下发|签发)之日起(?:(\d+)日后)?(?:施行|实施|执行|生效)")
_FROM_DATE = re.compile(rf"自\s*(?P<date>{_D}{{4}}\s*年\s*{_D}{{1,2}}\s*月\s*{_D}{{1,2}}\s*日)\s*起(?:至\s*(?P<until>{_D}{{4}}\s*年\s*{_D}{{1,2}}\s*月\s*{_D}{{1,2}}\s*日)\s*止)?")
_UNTIL = re.compile(rf"有效期至\s*(?P<until>{_D}{{4}}\s*年\s*{_D}{{1,2}}\s*月\s*{_D}{{1,2}}\s*日)")


def extract_validity(text: str, issued: dt.date | None) -> Validity:
    for sentence in _SENTENCE.findall(text):
        years_m = _YEARS.search(sentence)
        years = chinese_to_int(years_m.group(1)) if years_m else None
        start: dt.date | None = None
        until: dt.date | None = None
        basis: str | None = None
        if m := _FROM_DATE.search(sentence):
            start = parse_chinese_date(m.group("date")).date  # type: ignore[union-attr]
            basis = "date"
            if m.group("until"):
                until = parse_chinese_date(m.group("until")).date  # type: ignore[union-attr]
        elif m := _FROM_ISSUE.search(sentence):
            basis = "issue"
            if issued:
                start = issued + dt.timedelta(days=int(m.group(1))) if m.group(1) else issued
        if m := _UNTIL.search(sentence):
            until = parse_chinese_date(m.group("until")).date  # type: ignore[union-attr]
        if until is None and years and start:
            until = last_day_of_term(start, years)
        if start or until or years:
            return Validity(start, until, years, sentence.strip(), basis)
    return Validity()


# --- repeals and references ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Repeal:
    title: str | None
    doc_number: str | None
    raw: str


@dataclass(frozen=True, slots=True)
class Reference:
    kind: Literal["doc_number", "title"]
    value: str
    title: str | None
    start: int
    end: int


_REPEAL_SENTENCE = re.compile(r"[^。\n]*(?:同步废止|同时废止|予以废止|一并废止|废止)[^。\n]*")
_TITLE_REF = re.compile(r"[《〈](?P<title>[^《》〈〉\n]{2,80})[》〉]")


def extract_repeals(text: str) -> list[Repeal]:
    out: list[Repeal] = []
    for sentence in _REPEAL_SENTENCE.findall(text):
        segment = sentence[: sentence.rfind("废止")]
        titles = [(m.group("title"), m.end()) for m in _TITLE_REF.finditer(segment)]
        numbers = find_doc_numbers(segment)
        used: set[int] = set()
        for title, end in titles:
            number = next((n for n in numbers if 0 <= n.start - end <= 3), None)
            if number:
                used.add(number.start)
            out.append(Repeal(title, number.normalized if number else None, sentence.strip()))
        for n in numbers:
            if n.start not in used:
                out.append(Repeal(None, n.normalized, sentence.strip()))
    return out


def extract_references(text: str, own_doc_number: str | None = None, own_title: str | None = None) -> list[Reference]:
    """Other documents the text cites, by 文号 or by 《title》, first occurrence of each."""
    own_key = _key(own_title)
    numbers = find_doc_numbers(text)
    titled_numbers: dict[int, tuple[str, int]] = {}
    refs: list[Reference] = []
    for m in _TITLE_REF.finditer(text):
        title = m.group("title").strip()
        number = next((n for n in numbers if 0 <= n.start - m.end() <= 3), None)
        if number:
            titled_numbers[number.start] = (title, m.start())
            continue
        if _key(title) == own_key or not _key(title):
            continue
        refs.append(Reference("title", title, title, m.start(), m.end()))
    for n in numbers:
        if n.normalized == own_doc_number:
            continue
        # the title may equal our own: a new version citing (often repealing) the old one
        title, start = titled_numbers.get(n.start, (None, n.start))
        refs.append(Reference("doc_number", n.normalized, title, start, n.end))
    refs.sort(key=lambda r: r.start)
    seen: set[str] = set()
    unique = []
    for r in refs:
        if r.value not in seen:
            seen.add(r.value)
            unique.append(r)
    return unique


def _key(title: str | None) -> str:
    return "".join(ch for ch in (title or "") if ch.isalnum())


# --- level and region ------------------------------------------------------------------

_PROVINCE = re.compile(r"([\u4e00-\u9fff]{2,8}?(?:省|自治区))")
_CITY = re.compile(r"([\u4e00-\u9fff]{2,6}?市)")
_MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")


def guess_level_and_region(issuer: str | None, title: str | None) -> tuple[Level, str | None]:
    issuer = issuer or ""
    if issuer.startswith(("国务院", "国家", "中共中央", "全国")) or re.fullmatch(r"[\u4e00-\u9fff]{1,10}部", issuer):
        return Level.NATIONAL, "全国"
    for municipality in _MUNICIPALITIES:
        if issuer.startswith(municipality):
            return Level.PROVINCIAL, municipality
    if m := _PROVINCE.match(issuer):
        return Level.PROVINCIAL, m.group(1)
    if m := _CITY.match(issuer):
        return Level.MUNICIPAL, m.group(1)
    if issuer.startswith("市"):
        m = _CITY.search(title or "")
        return Level.MUNICIPAL, m.group(1) if m else None
    if issuer.startswith("省"):
        m = _PROVINCE.search(title or "")
        return Level.PROVINCIAL, m.group(1) if m else None
    return Level.OTHER, None
