"""Quantitative targets found in plan clauses: 到2025年，产业规模达到4000亿元.

``extract_targets`` reads a document's clause texts (display text: page numbers,
``**`` and ``<p>`` are already gone) and proposes every target it finds, each
with its deadline, measure, value, unit, comparator and the sentence it came
from, linked to its clause id. Proposals are for a person to accept, edit or
reject (``workbench.core.indicators``); nothing here writes anything.

Not targets: subsidy ceilings (不超过500万元, 最高1000万元), thresholds that
describe what is counted (年销售额超过10亿元的产品, 对…超过…的企业给予), amounts in
sentences that grant money (给予, 奖补, 补助 …) and facts about the past (截至…).

Numbers in words (十家, 两个以上, 三至五家) count when they close their phrase;
elsewhere they name a programme or a manner of speaking (十家骨干企业“旗舰工程”, 一批).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from workbench.core.indicators.indicator_table import ATTRIBUTE_CELL, IndicatorTable, find_tables
from workbench.core.numerals import NUMERAL_CHARACTERS, NUMERAL_PATTERN, chinese_to_int, is_numeral

if TYPE_CHECKING:
    from workbench.core.corpus.library import DocumentDetail
    from workbench.core.corpus.models import Clause


class Comparator(StrEnum):
    """How an observed value is held against the target value (``target_low``)."""

    AT_LEAST = "at_least"  # 达到, 达, 不低于, 不少于, 以上, or a bare 新增30家
    MORE_THAN = "more_than"  # 突破, 超过, 超, 过, 逾
    ABOUT = "about"  # 左右, 约
    RANGE = "range"  # 2—3家: target_low..target_high, reaching the low end meets it
    AT_MOST = "at_most"  # 控制在…以内, 以下, 不高于, 降至

    @property
    def increasing(self) -> bool:
        return self is not Comparator.AT_MOST


class TargetAttribute(StrEnum):
    """约束性 (binding: officials are held to it) or 预期性 (expected: a direction to work towards)."""

    BINDING = "binding"
    EXPECTED = "expected"


ATTRIBUTE_WORDS: dict[str, TargetAttribute] = {
    "约束性": TargetAttribute.BINDING,
    "约束": TargetAttribute.BINDING,
    "预期性": TargetAttribute.EXPECTED,
    "预期": TargetAttribute.EXPECTED,
}


def parse_attribute(value: Any) -> TargetAttribute | None:
    """binding / expected / 约束性 / 预期性 (and 约束, 预期) → the attribute; "" or None → None.
    Anything else raises ``ValueError``."""
    if value is None or isinstance(value, TargetAttribute):
        return value
    text = str(value).strip().strip("【】[]（）()")
    if not text:
        return None
    if text in ATTRIBUTE_WORDS:
        return ATTRIBUTE_WORDS[text]
    return TargetAttribute(text.lower())


# Units of measure, built as Chinese builds them: a base unit, with 万 / 亿 / 万亿 (and 千 for
# money) in front of a count, a mass, an energy or an area (1万名, 615亿斤, 10亿千瓦, 30万立方米).
# Longest first: the unit regex takes the first alternative that matches.
_SCALED_BASE_UNITS = (
    # money
    "元",
    "美元",
    # mass, energy, power
    "吨标准煤",
    "吨",
    "斤",
    "千瓦时",
    "千瓦",
    # area, volume, length
    "平方公里",
    "平方米",
    "立方米",
    "公顷",
    "亩",
    "公里",
    # people and things counted
    "人次",
    "人",
    "名",
    "户",
    "家",
    "个",
    "件",
    "台",
    "辆",
    "套",
    "张",
    "株",
    "头",
    "只",
    "部",
    "门",
    "箱",
    "批次",
)
_SCALES = ("亿", "万")
_MONEY_BASE_UNITS = ("元", "美元")
_PLAIN_UNITS = (
    "千元",
    "万亿",
    "亿",
    "个百分点",
    "%",
    "‰",
    "项",
    "所",
    "种",
    "座",
    "款",
    "支",
    "批",
    "次",
    "场",
    "例",
    "床",
    "岁",
    "条",
    "期",
    "场次",
)
UNITS = tuple(
    sorted(
        {
            *(scale + base for scale in _SCALES for base in _SCALED_BASE_UNITS),
            *("万亿" + base for base in _MONEY_BASE_UNITS),
            *_SCALED_BASE_UNITS,
            *_PLAIN_UNITS,
        },
        key=lambda u: (-len(u), u),
    )
)
# A target of 翻一番 is stated as a multiple of the base value: 2 倍（基期） is twice the 2020 value.
DOUBLING_UNIT = "倍（基期）"
MONEY_UNITS = frozenset(u for u in UNITS if u.endswith(_MONEY_BASE_UNITS))
UNIT_ALIASES = {"亿": "亿元", "万亿": "万亿元", "％": "%"}

# Length-preserving folding, so offsets found in the folded text cut the original.
_FOLD = str.maketrans(
    {
        **{chr(0xFF10 + i): str(i) for i in range(10)},
        **{"％": "%", "．": ".", "，": "，", "～": "~", "－": "-", "＞": ">", "＜": "<"},
    }
)
_DASHES = "—–―~～－\\-"

# 十家, 两个, 三十五名, 一百二十家; 万 and 亿 stay with the unit (五千万元 is 5000 万元).
_CHINESE_NUMBER = NUMERAL_PATTERN
# Digits a PDF's text layer set apart (2 9 0 0亿元, 290 0亿元, 6 .5 %): single spaces between
# single digits or around the point, never between two numbers of several digits (5800 8000).
_SPACED_NUMBER = r"(?<![\d.])\d+(?: \d(?![\d.]))+(?: ?\. ?\d+)?|(?<![\d.])\d+ \. ?\d+|(?<![\d.])\d+\. \d+"
# 1,200 with thousands separators, 3.5
_NUMBER = rf"{_SPACED_NUMBER}|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|{_CHINESE_NUMBER}"
_UNIT_RE = "|".join(re.escape(u) for u in UNITS)
_VALUE = re.compile(
    rf"(?P<low>{_NUMBER})(?:\s*(?:%|‰)?\s*(?:[{_DASHES}]{{1,2}}|至|到)\s*(?P<high>{_NUMBER}))?\s*(?P<unit>{_UNIT_RE})"
)
_SENTENCE_END = re.compile(r"[。；;！!？?\n]")
_SEGMENT_END = "，,：:。；;"
_YEAR = r"(?:1 ?9|2 ?0) ?\d ?\d"  # 2025, or 2 0 0 5 from a PDF's text layer
_DEADLINE = re.compile(
    r"(?:力争到|争取到|力争|争取|到|至)\s*(?P<year>"
    + _YEAR
    + r")\s*年\s*(?:(?P<month>\d{1,2})\s*月\s*)?(?P<end>底|末|年底|年末)?(?:前)?"
)
_DEADLINE_AT_START = re.compile(r"^\s*(?P<year>" + _YEAR + r")\s*年\s*(?P<end>底|末)?(?=[^\d月度]|$)")
# 考评分值=日常监测（60%）+实地调研（20%）: the weights of a scoring formula.
# 计算方法：…/…×100%: how an indicator is computed.
_FORMULA = re.compile(r"[=＝×÷]|计算方法|计算公式|(?:分值|得分|权重)\s*[（(]?\s*\d")
_RECURRING = re.compile(r"每年|年均|每年度")
_GRANT_WORDS = re.compile(r"给予|奖补|补助|补贴|奖励|资助|贴息|一次性|扶持资金")
_PAST_FACT = re.compile(r"截至|截止|目前|现有|已有|已经|已达|已建成|已累计|已培育|已形成|已实现")
_CEILING_BEFORE = re.compile(r"(?:不超过|不高于|最高|最多|上限|封顶|每个|每家|每项|单个)\s*$")
_BEFORE_WORDS: list[tuple[str, Comparator]] = [
    ("不低于", Comparator.AT_LEAST),
    ("不少于", Comparator.AT_LEAST),
    ("至少", Comparator.AT_LEAST),
    ("达到", Comparator.AT_LEAST),
    ("达", Comparator.AT_LEAST),
    ("突破", Comparator.MORE_THAN),
    ("超过", Comparator.MORE_THAN),
    ("超", Comparator.MORE_THAN),
    ("逾", Comparator.MORE_THAN),
    ("过", Comparator.MORE_THAN),
    ("高于", Comparator.MORE_THAN),
    ("不高于", Comparator.AT_MOST),
    ("不超过", Comparator.AT_MOST),
    ("控制在", Comparator.AT_MOST),
    ("降至", Comparator.AT_MOST),
    ("提高到", Comparator.AT_LEAST),
    ("提高至", Comparator.AT_LEAST),
    ("提升到", Comparator.AT_LEAST),
    ("提升至", Comparator.AT_LEAST),
    ("增加到", Comparator.AT_LEAST),
    ("增加至", Comparator.AT_LEAST),
    ("增长到", Comparator.AT_LEAST),
    ("增长至", Comparator.AT_LEAST),
    ("扩大到", Comparator.AT_LEAST),
    ("扩大至", Comparator.AT_LEAST),
    ("下降到", Comparator.AT_MOST),
    ("下降至", Comparator.AT_MOST),
    ("减少到", Comparator.AT_MOST),
    ("减少至", Comparator.AT_MOST),
    ("压减至", Comparator.AT_MOST),
    ("≥", Comparator.AT_LEAST),
    ("≤", Comparator.AT_MOST),
    (">", Comparator.MORE_THAN),
    ("<", Comparator.AT_MOST),
    ("降低到", Comparator.AT_MOST),
    ("降低至", Comparator.AT_MOST),
    ("低于", Comparator.AT_MOST),
    ("约", Comparator.ABOUT),
]
_AFTER_WORDS: list[tuple[str, Comparator]] = [
    ("以上", Comparator.AT_LEAST),
    ("左右", Comparator.ABOUT),
    ("以内", Comparator.AT_MOST),
    ("以下", Comparator.AT_MOST),
    ("之间", Comparator.RANGE),
]
COMPARATOR_WORDS: dict[str, Comparator] = {w: c for w, c in (*_BEFORE_WORDS, *_AFTER_WORDS)} | {
    "区间": Comparator.RANGE
}
WORDS_AFTER_VALUE = frozenset(
    w for w, _ in _AFTER_WORDS
)  # 10家以上, 30个左右: Chinese puts these after the value
DEFAULT_COMPARATOR_WORDS: dict[Comparator, str] = {
    Comparator.AT_LEAST: "达到",
    Comparator.MORE_THAN: "超过",
    Comparator.ABOUT: "左右",
    Comparator.RANGE: "",
    Comparator.AT_MOST: "不超过",
}


def number_text(value: float) -> str:
    """4000, 3.5, 1234567 (never 1.23457e+06): exact, so a form showing it saves the same number back."""
    value = float(value)
    if value.is_integer():
        return str(int(value))
    text = repr(value)
    return f"{value:.20f}".rstrip("0").rstrip(".") if "e" in text else text


def target_phrase(
    comparator: Comparator,
    target_low: float,
    target_high: float | None,
    unit: str,
    comparator_word: str | None = None,
    words: dict[Comparator, str] | None = None,
) -> str:
    """The target as Chinese writes it: 达到4000亿元, 10家以上, 30个左右, 2—3家.

    ``comparator_word`` (the document's own word) is used when it still means
    ``comparator`` (an edit may have changed the comparator); else ``words``
    (default ``DEFAULT_COMPARATOR_WORDS``, a translation can pass its own)."""
    value = (
        number_text(target_low) + (f"—{number_text(target_high)}" if target_high is not None else "") + unit
    )
    if comparator is Comparator.RANGE:
        return value
    word = (
        comparator_word if comparator_word and COMPARATOR_WORDS.get(comparator_word) is comparator else None
    )
    word = word or (words or DEFAULT_COMPARATOR_WORDS).get(comparator) or DEFAULT_COMPARATOR_WORDS[comparator]
    return f"{value}{word}" if word in WORDS_AFTER_VALUE else f"{word}{value}"


_FILLERS = re.compile(r"力争|争取|努力|积极|实现|累计|总共|共计|^完成")
_LEADING = re.compile(
    r"^(?:[、，,：:\s]|——|以上|左右|以内|以下|和|及|并|其中|全市|我市|全省|我省|全区|全县|全国|我国)+"
)
_TRAILING = re.compile(
    r"(?:[、，,\s]|达到|达|突破|超过|超|逾|过|不低于|不少于|至少|总数达到|为|约|分别|保持在|稳定在|控制在|"
    r"(?:提高|提升|增加|增长|扩大|下降|减少|降低|压减)(?:到|至)|[≥≤<>])+$"
)
_LABEL = re.compile(r"^\s*(?:——)?(?P<label>[^，。；：:、“”]{2,12})[：:]")
_HORIZON = [
    re.compile(r"(?:19|20)\d{2}\s*(?:[—–―~～\-]{1,2}|至|到)\s*(?P<year>(?:19|20)\d{2})\s*年"),
    re.compile(r"(?P<year>(?:19|20)\d{2})\s*年(?:度)?\s*(?:实施方案|工作方案|工作要点|行动方案|工作计划)"),
    re.compile(r"(?P<year>(?:19|20)\d{2})\s*年\s*\S{0,8}政府工作报告"),
]


@dataclass(frozen=True, slots=True)
class TargetProposal:
    """One target as read from the text, before a person accepts it.

    ``deadline`` is a year ("2025") or a date ("2023-12-31" for 到2023年底); None
    when the target recurs (``recurring``: 每年…) or no deadline is stated.
    ``target_high`` is None unless the text gives a range (2—3家).
    ``sentence`` is a substring of the clause's display text; ``value_text`` the
    value as written there. ``key`` is stable for the same clause and value position.
    """

    key: str
    doc_id: str
    clause_id: str
    region: str | None
    name: str
    measure: str  # ``name`` without region words and spaces: the key for comparing plans
    value_text: str
    target_low: float
    target_high: float | None
    unit: str
    comparator: Comparator
    comparator_word: str | None  # the word as written (达到, 以上 …), None for a bare 新增30家
    deadline: str | None
    recurring: bool
    deadline_source: str | None  # sentence | clause | document | None
    sentence: str
    attribute: TargetAttribute | None = None  # 约束性 / 预期性 when the plan says so
    base_value: float | None = None  # 基期值 (2020年为…, 由…提高到…)
    base_period: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "document": self.doc_id,
            "clause_id": self.clause_id,
            "region": self.region,
            "name": self.name,
            "measure": self.measure,
            "value_text": self.value_text,
            "target_low": self.target_low,
            "target_high": self.target_high,
            "unit": self.unit,
            "comparator": self.comparator.value,
            "comparator_word": self.comparator_word,
            "deadline": self.deadline,
            "recurring": self.recurring,
            "deadline_source": self.deadline_source,
            "sentence": self.sentence,
            "attribute": None if self.attribute is None else self.attribute.value,
            "base_value": self.base_value,
            "base_period": self.base_period,
        }

    def edited(self, **changes: Any) -> TargetProposal:
        return replace(self, **changes)


@dataclass(slots=True)
class _Deadline:
    value: str | None
    recurring: bool
    source: str | None


@dataclass(slots=True)
class _SegmentDeadline:
    """A sentence with a deadline where some segments recur (年均, 每年) and others do not."""

    fixed: _Deadline
    recurring: _Deadline

    def of(self, segment: str) -> _Deadline:
        return self.recurring if _RECURRING.search(segment) else self.fixed


@dataclass(slots=True)
class _Context:
    doc_id: str
    region: str | None
    horizon: str | None
    region_words: tuple[str, ...] = field(default_factory=tuple)
    start_year: int | None = None  # the plan's first year: earlier years state the past


def extract_targets(
    detail_or_clauses: DocumentDetail | Sequence[Clause],
    *,
    doc_id: str | None = None,
    region: str | None = None,
    title: str | None = None,
) -> list[TargetProposal]:
    """Every target proposed by the clauses of one document, in document order.

    Give a ``DocumentDetail`` (region and title come from its metadata) or a
    list of clauses with ``doc_id``/``region``/``title`` as known. The document's
    title sets the horizon (（2021—2023年）, 2023年实施方案) used when neither the
    sentence nor an earlier sentence of the clause names a deadline.
    """
    clauses: Sequence[Clause]
    issued_year: int | None = None
    if hasattr(detail_or_clauses, "clauses"):
        detail: Any = detail_or_clauses
        clauses = detail.clauses
        doc_id = doc_id or detail.info.id
        region = region if region is not None else detail.info.region
        title = title or detail.info.title
        issued = getattr(detail.info, "issued", None)
        issued_year = issued.year if issued else None
    else:
        clauses = list(detail_or_clauses)
    if doc_id is None:
        doc_id = clauses[0].id.split(":", 1)[0] if clauses else ""
    horizon = document_horizon(title or "")
    ctx = _Context(
        doc_id, region, horizon, _region_words(region), _plan_start(title or "", horizon, issued_year)
    )
    found: list[TargetProposal] = []
    review: set[str] = set()
    for clause in clauses:
        if clause.parent_id in review or _looks_back(clause.heading or "", ctx):
            review.add(clause.id)  # 工作回顾, 取得的主要成绩: results already reached, not targets
            continue
        found.extend(_clause_targets(clause, ctx))
    return found


def _looks_back(heading: str, ctx: _Context) -> bool:
    """工作回顾, 取得的主要成绩 …, or a heading naming a year before the plan's (2025年主要工作 in a
    2026 work report)."""
    if _REVIEW_HEADING.search(heading):
        return True
    year = re.match(r"^\s*((?:19|20)\d{2})\s*年", heading.translate(_FOLD))
    return bool(year and ctx.start_year and int(year.group(1)) < ctx.start_year and "目标" not in heading)


# Headings of the parts of a plan or a government work report that look back or describe the
# situation (…工作回顾, “十二五”发展回顾, 取得的主要成绩, 发展基础, 面临的形势, 存在的问题): their
# numbers are results and facts, never targets; everything under such a heading is skipped.
_REVIEW_HEADING = re.compile(
    r"回顾|取得的(?:主要)?(?:成绩|成就|成效|进展)|(?:主要|发展)(?:成绩|成就)|^(?:发展|现实|工作)?基础"
    r"|面临的(?:主要)?形势|发展(?:形势|环境|现状)$|^(?:基本)?现状|存在的(?:主要)?问题"
)


_FIVE_YEAR_PLANS = {"十三": "2020", "十四": "2025", "十五": "2030", "十六": "2035"}
_FIVE_YEAR_TITLE = re.compile(r"(十[三四五六])五|第(十[三四五六])个五年")


def document_horizon(title: str) -> str | None:
    """The last year a plan's title covers: （2023—2025年） → "2025"; 2023年实施方案 → "2023".

    A “十四五” plan's title gives no horizon: such plans set targets for 2025 and for 2035 and
    a sentence without a year may mean either; only its start (2021) is used (``_plan_start``)."""
    folded = title.translate(_FOLD)
    for pattern in _HORIZON:
        m = pattern.search(folded)
        if m:
            return m.group("year")
    return None


def five_year_plan_end(title: str) -> str | None:
    """“十四五”…规划 / 第十四个五年规划 → "2025" (the plan period's last year)."""
    m = _FIVE_YEAR_TITLE.search(title)
    return _FIVE_YEAR_PLANS[m.group(1) or m.group(2)] if m else None


def _plan_start(title: str, horizon: str | None, issued_year: int | None) -> int | None:
    """The first year a plan covers: a year before it states a past value (2020年达到…)."""
    folded = title.translate(_FOLD)
    m = re.search(r"((?:19|20)\d{2})\s*(?:[—–―~～\-]{1,2}|至|到)\s*(?:19|20)\d{2}\s*年", folded)
    if m:
        return int(m.group(1))
    end = five_year_plan_end(folded)
    if end:
        return int(end) - 4
    if horizon and _HORIZON[1].search(folded) or _HORIZON[2].search(folded):
        return int(horizon) if horizon else None  # 2026年工作要点, 2026年政府工作报告: one year
    return issued_year


def measure_key(name: str, region: str | None = None) -> str:
    """``name`` folded for comparison across plans: no spaces, region words or 全市."""
    key = re.sub(r"\s+", "", name.translate(_FOLD))
    for word in _region_words(region):
        key = key.replace(word, "")
    return _LEADING.sub("", key) or key


def _region_words(region: str | None) -> tuple[str, ...]:
    if not region:
        return ()
    short = re.sub(r"(?:省|市|自治区|特别行政区|区|县)$", "", region)
    return tuple(w for w in (region, short) if len(w) >= 2)


def _clause_targets(clause: Clause, ctx: _Context) -> Iterable[TargetProposal]:
    text = clause.text
    folded = text.translate(_FOLD)
    tables = find_tables(folded)
    for table in tables:
        yield from _table_targets(clause, ctx, table, folded)
    clause_deadline: str | None = None
    start = 0
    for end_match in [*_SENTENCE_END.finditer(folded), None]:
        end = end_match.start() if end_match else len(folded)
        sentence = folded[start:end]
        offset = start
        start = end + 1
        if any(t.start <= offset and end <= t.end for t in tables):
            continue  # a line of an indicator table: read above, row by row
        if not _VALUE.search(sentence):
            m = _DEADLINE.search(sentence)
            clause_deadline = _deadline_text(m) if m else clause_deadline
            continue
        sentence_deadline = _DEADLINE.search(sentence) or _DEADLINE_AT_START.search(sentence)
        if sentence_deadline:
            clause_deadline = _deadline_text(sentence_deadline)
        if _GRANT_WORDS.search(sentence) or _PAST_FACT.search(sentence) or _FORMULA.search(sentence):
            continue
        if _states_the_past(sentence, ctx):
            continue
        if sentence_deadline:
            fixed = _Deadline(_deadline_text(sentence_deadline), False, "sentence")
        elif clause_deadline:
            fixed = _Deadline(clause_deadline, False, "clause")
        elif ctx.horizon:
            fixed = _Deadline(ctx.horizon, False, "document")
        else:
            fixed = _Deadline(None, False, None)
        recurring = _Deadline(None, True, None)
        deadline: _Deadline | _SegmentDeadline
        if not _RECURRING.search(sentence):
            deadline = fixed
        elif sentence_deadline and fixed.value:
            # 到2025年，地区生产总值突破8000亿元，工业增加值年均增长7%: only the segment that says 年均 recurs
            deadline = _SegmentDeadline(fixed, recurring)
        else:
            deadline = recurring
        yield from _sentence_targets(clause, ctx, text[offset:end], sentence, offset, deadline)


_PAST_YEAR = re.compile(
    r"(?<![到至])(?:^|[，,：:\s])\s*(?P<year>" + _YEAR + r")\s*年(?:底|末)?(?![—–~\-至到\d])"
)


def _states_the_past(sentence: str, ctx: _Context) -> bool:
    """2020年全市地区生产总值达到5800亿元 in a plan for 2021—2025: a fact, not a target."""
    if ctx.start_year is None or _DEADLINE.search(sentence):
        return False
    for m in _PAST_YEAR.finditer(sentence):
        if re.search(r"(?:比|较|相比|同比|与|以|为|于)\s*$", sentence[: m.start("year")]):
            continue  # 比2000年翻一番, 比 2020 年下降: the year is the base of a change, not a past fact
        if int(m.group("year").replace(" ", "")) < ctx.start_year:
            return True
    return False


def _deadline_text(m: re.Match[str]) -> str:
    year = int(m.group("year").replace(" ", ""))
    month = m.groupdict().get("month")
    if month and 1 <= int(month) <= 12:
        mon = int(month)
        last = (dt.date(year + (mon == 12), mon % 12 + 1, 1) - dt.timedelta(days=1)).day
        return f"{year:04d}-{mon:02d}-{last:02d}"
    if m.group("end"):
        return f"{year:04d}-12-31"
    return f"{year:04d}"


def _sentence_targets(
    clause: Clause,
    ctx: _Context,
    original: str,
    sentence: str,
    offset: int,
    sentence_deadline: _Deadline | _SegmentDeadline,
) -> Iterable[TargetProposal]:
    quote = original.strip()
    label_match = _LABEL.match(sentence)
    label = (
        label_match.group("label") if label_match and not _VALUE.search(label_match.group("label")) else ""
    )
    # Thresholds and ceilings stay in the text around a target (…过100亿元的骨干企业 2—3家).
    matches = [
        m
        for m in _VALUE.finditer(sentence)
        if _is_value(sentence, m)
        and not _is_threshold(sentence, m)
        and not _is_ceiling(sentence, m, _unit(m))
    ]
    previous_name = ""
    base: tuple[float, str | None, str] | None = None  # 由 2.1% 提高到 3%: the value, its year, the name
    shared_subject = ""  # 国家级和省级创新平台分别达到10家、40家
    shared_count = 0
    names_so_far: list[str] = []
    for i, m in enumerate(matches):
        if _is_base(sentence, m, matches[i + 1] if i + 1 < len(matches) else None):
            left_start = max(
                _rfind_any(sentence, _SEGMENT_END, m.start()) + 1, matches[i - 1].end() if i else 0
            )
            left = sentence[left_start : m.start()]
            year = re.search(r"((?:19|20)\d{2})\s*年(?:的|底的|末的)?\s*$", left)
            left = re.sub(r"(?:由|从)\s*(?:(?:19|20)\d{2}\s*年(?:底|末)?的?)?\s*$", "", left)
            base_year = year.group(1) if year else (str(ctx.start_year - 1) if ctx.start_year else None)
            base = (_float(m.group("low")), base_year, _clean_name(_strip_deadline(left)))
            continue
        seg_start = max(_rfind_any(sentence, _SEGMENT_END, m.start()) + 1, matches[i - 1].end() if i else 0)
        seg_end = _find_any(sentence, _SEGMENT_END, m.end())
        next_start = matches[i + 1].start() if i + 1 < len(matches) else len(sentence)
        if next_start < seg_end:  # another value in the same segment: stop at the 、 before it
            cut = sentence.rfind("、", m.end(), next_start)
            seg_end = cut if cut >= 0 else next_start
        unit = _unit(m)
        if unit == "个" and re.match(rf"\s*(?:和|、|及)\s*(?:{_NUMBER})\s*个百分点", sentence[m.end() :]):
            unit = "个百分点"  # 分别提高 3 个和 4 个百分点
        after = sentence[m.end() : seg_end]
        word_after, comp_after = _word_after(after)
        before = sentence[seg_start : m.start()]
        word_before, comp_before = _word_before(before)
        high = m.group("high")
        comparator = Comparator.RANGE if high else comp_after or comp_before or Comparator.AT_LEAST
        word = word_after or word_before
        left = before[: len(before.rstrip()) - len(word_before or "")] if word_before else before
        left = _strip_deadline(left)
        right = after.lstrip()[len(word_after or "") :]
        name = _clean_name(left + right)
        if not name and base is not None:
            name = base[2]
        if "分别" in before and i + 1 < len(matches):
            shared_subject = _clean_name(_strip_deadline(before[: before.rindex("分别")]))
            names_so_far = []
            shared_count = _respective_count(sentence, m)
            name = shared_subject  # …分别提高 3 个和 4 个百分点: the subject is what each value measures
        if shared_subject and (not name or name == shared_subject or not _clean_name(left)):
            names_so_far.append("")
            name = _respective_name(shared_subject, len(names_so_far) - 1, shared_count)
        if name.endswith("的") and previous_name and "的" in previous_name:
            name += previous_name.rsplit("的", 1)[1]  # 过50亿元的 3—5家 → …的骨干企业
        if label and label not in name:
            name = label + name
        if not name:
            continue
        previous_name = name
        deadline = (
            sentence_deadline.of(sentence[_rfind_any(sentence, _SEGMENT_END, m.start()) + 1 : m.end()])
            if isinstance(sentence_deadline, _SegmentDeadline)
            else sentence_deadline
        )
        low = _float(m.group("low"))
        base_value, base_period = (base[0], base[1]) if base is not None and base[1] else (None, None)
        base = None
        yield TargetProposal(
            key=f"{clause.id}@{offset + m.start()}",
            doc_id=ctx.doc_id,
            clause_id=clause.id,
            region=ctx.region,
            name=name,
            measure=measure_key(name, ctx.region),
            value_text=re.sub(r"\s+", "", clause.text[offset + m.start() : offset + m.end()]),
            target_low=low,
            target_high=_float(high) if high else None,
            unit=unit,
            comparator=comparator,
            comparator_word=word,
            deadline=deadline.value,
            recurring=deadline.recurring,
            deadline_source=deadline.source,
            sentence=quote,
            base_value=base_value,
            base_period=base_period,
        )
    plain = sentence_deadline.fixed if isinstance(sentence_deadline, _SegmentDeadline) else sentence_deadline
    yield from _doubling_targets(clause, ctx, original, sentence, offset, plain, label)


_RISE = re.compile(r"^\s*(?:提高|提升|增加|增长|扩大|下降|减少|降低|压减|上升|缩小)(?:到|至)")


def _is_base(sentence: str, m: re.Match[str], following: re.Match[str] | None) -> bool:
    """由2.1%提高到3%, 从2020年的5800亿元增加到8000亿元: the first value is where the target starts from."""
    if following is None:
        return False
    before = sentence[max(0, m.start() - 12) : m.start()]
    between = sentence[m.end() : following.start()]
    return bool(re.search(r"(?:由|从)\s*(?:(?:19|20)\d{2}\s*年(?:底|末)?的?)?\s*$", before)) and bool(
        _RISE.match(between)
    )


def _respective_count(sentence: str, m: re.Match[str]) -> int:
    return 1 + len(re.findall(r"、|和", sentence[m.end() : _find_any(sentence, "，,。；;", m.end())]))


def _respective_name(subject: str, index: int, count: int) -> str:
    """国家级和省级创新平台 (2 values) → 国家级创新平台, 省级创新平台; 规上企业和高新技术企业 → each as written."""
    parts = [p for p in re.split(r"和|、|及|与|以及", subject) if p]
    if len(parts) != count or index >= len(parts):
        return subject
    last = parts[-1]
    part = parts[index]
    if part is last:
        return part
    tail_char = part[-1]
    cut = last.find(tail_char)
    if 0 <= cut < min(len(part), len(last) - 1) and len(part) < len(last):
        return part + last[cut + 1 :]
    # 规上企业和高新技术企业: each part a whole name; 小学、初中毕业生升学率: the parts are modifiers of
    # a name that cannot be cut apart safely, so each value keeps the whole subject.
    return part if part[-1] == last[-1] else subject


_DOUBLING = re.compile(r"(?:实现)?(?:翻一番|翻番|翻倍|翻两番)")


def _doubling_targets(
    clause: Clause, ctx: _Context, original: str, sentence: str, offset: int, deadline: _Deadline, label: str
) -> Iterable[TargetProposal]:
    """高新技术企业数量翻一番: twice the base (four times for 翻两番), as a multiple of it."""
    for m in _DOUBLING.finditer(sentence):
        seg_start = _rfind_any(sentence, _SEGMENT_END + "、", m.start()) + 1
        left = _strip_deadline(sentence[seg_start : m.start()])
        if _VALUE.search(left):
            continue
        name = _clean_name(re.sub(r"(?:比|较)\s*(?:(?:" + _YEAR + r")\s*年)?\s*$", "", left))
        if label and label not in name:
            name = label + name
        if not name:
            continue
        times = 4.0 if "两番" in m.group() else 2.0
        yield TargetProposal(
            key=f"{clause.id}@{offset + m.start()}",
            doc_id=ctx.doc_id,
            clause_id=clause.id,
            region=ctx.region,
            name=name,
            measure=measure_key(name, ctx.region),
            value_text=m.group(),
            target_low=times,
            target_high=None,
            unit=DOUBLING_UNIT,
            comparator=Comparator.AT_LEAST,
            comparator_word=None,
            deadline=deadline.value,
            recurring=deadline.recurring,
            deadline_source=deadline.source,
            sentence=original.strip(),
        )


def _float(text: str) -> float:
    if is_numeral(text):
        number = chinese_to_int(text)
        if number is None:  # the pattern admits only numeral characters
            raise ValueError(text)
        return float(number)
    return float(text.replace(",", "").replace(" ", ""))


def _is_chinese(number: str) -> bool:
    return is_numeral(number)


def _unit(m: re.Match[str]) -> str:
    return UNIT_ALIASES.get(m.group("unit"), m.group("unit"))


def _is_value(sentence: str, m: re.Match[str]) -> bool:
    tail = sentence[m.end() : m.end() + 3]
    unit = m.group("unit")
    if unit == "个" and tail[:1] in ("月", "工", "小"):
        return False  # 6个月, 5个工作日
    if tail.startswith("方面"):
        return False  # 从…等5个方面, 7个方面分值: parts of the text, not a quantity
    segment = sentence[_rfind_any(sentence, _SEGMENT_END, m.start()) + 1 : m.start()]
    if unit == "次" and re.search(
        r"每\s*(?:\d+\s*|[一二两三四五六七八九十]+)?(?:年|季度|月|周|天|日)", segment
    ):
        return False  # 每5年修订1次: how often something is done
    if re.match(r"^\s*(?:针对|对于)", segment) and not _DEADLINE.search(segment):
        return False  # 针对首年关税为零的2034种商品，加大…: what an action works on
    if unit == "岁" and not re.search(r"寿命|年龄", segment):
        return False  # ５岁以下儿童, ０—６岁残疾儿童: an age that says who is counted
    if tail[:1] in ("级", "类", "倍"):
        return False  # 百亿级 / 50亿级企业 names a class, not a value
    if m.start() > 0 and sentence[m.start() - 1] in "第等前":
        return False  # 第3家, …等7个产业集聚区 counts an enumeration; 前15家企业 names a group
    if _is_chinese(m.group("low")) and not _chinese_value_is_a_count(sentence, m):
        return False
    year_like = re.fullmatch(r"(?:19|20)\d{2}", m.group("low").replace(" ", ""))
    return not (year_like and tail[:1] == "年")


def _chinese_value_is_a_count(sentence: str, m: re.Match[str]) -> bool:
    """A number in words is a target only where it closes its phrase (培育上市企业十家，
    达到三十家。 两个以上、 三至五家): elsewhere it names something (“五个一”模式,
    十家骨干企业“旗舰工程”, 两个孵化中心, 百亿元以上企业, 突破一批关键技术)."""
    if m.start() > 0 and sentence[m.start() - 1] in NUMERAL_CHARACTERS + "万亿第每":
        return False  # inside a longer word (统一, 十四五) or 每一个
    if m.group("low") == "一" and m.group("high") is None:
        return False  # 一个园区, 一批项目: a manner of speaking more than a count
    end = m.end()
    word = _word_after(sentence[end:])[0]
    if word:
        end = sentence.index(word, end) + len(word)
    return end == len(sentence) or sentence[end] in _SEGMENT_END + "、"


def _is_threshold(sentence: str, m: re.Match[str]) -> bool:
    """年销售额超过 10 亿元的产品: the amount qualifies what is counted."""
    rest = sentence[m.end() :].lstrip()
    rest = re.sub(r"^(?:以上|以下|左右|及以上|之间)", "", rest).lstrip()
    if rest.startswith("之间"):
        return False
    return rest.startswith("的") or rest.startswith("之")


def _is_ceiling(sentence: str, m: re.Match[str], unit: str) -> bool:
    before = sentence[max(0, m.start() - 6) : m.start()]
    if not _CEILING_BEFORE.search(before):
        return False
    # 不超过 before an amount of money is a subsidy cap; before a rate it can be a target.
    return unit in MONEY_UNITS or not re.search(r"不超过|不高于\s*$", before)


def _word_before(before: str) -> tuple[str | None, Comparator | None]:
    stripped = before.rstrip()
    for word, comp in sorted(_BEFORE_WORDS, key=lambda wc: -len(wc[0])):
        if stripped.endswith(word):
            return word, comp
    return None, None


def _word_after(after: str) -> tuple[str | None, Comparator | None]:
    stripped = after.lstrip()
    for word, comp in _AFTER_WORDS:
        if stripped.startswith(word):
            return word, comp
    return None, None


def _strip_deadline(left: str) -> str:
    found = list(_DEADLINE.finditer(left))
    if found:
        left = left[found[-1].end() :]
    return _DEADLINE_AT_START.sub("", left)


def _clean_name(name: str) -> str:
    name = re.sub(r"\s+", "", name)
    name = _RECURRING.sub("", name)
    name = re.sub(r"^(?:——)?[^，。；：:]{2,12}[：:]", "", name)
    name = _FILLERS.sub("", name)
    name = _LEADING.sub("", name)
    name = _TRAILING.sub("", name)
    name = name.strip(" \"'")
    for left, right in ("“”", "（）", "()"):
        if name.count(left) < name.count(right) and name.startswith(right):
            name = name[1:]
        if name.count(left) < name.count(right):
            name = left + name
        if name.count(left) > name.count(right) and name.endswith(left):
            name = name[:-1]
        if name.count(left) > name.count(right):
            name += right
    return name


def _rfind_any(text: str, chars: str, before: int) -> int:
    return max(text.rfind(c, 0, before) for c in chars)


def _find_any(text: str, chars: str, start: int) -> int:
    positions = [p for p in (text.find(c, start) for c in chars) if p >= 0]
    return min(positions) if positions else len(text)


# --- indicator tables -------------------------------------------------------------------

_CELL_VALUE = re.compile(
    r"^(?P<before>≥|≤|>|<|不低于|不少于|不高于|不超过|大于|小于|高于|低于|达到|约)?\s*"
    r"[〔\[（(]?\s*(?P<low>-?\d+(?:\.\d+)?)\s*(?P<unit1>%|‰)?"
    r"(?:\s*(?:[—–~\-]{1,2}|至)\s*(?P<high>-?\d+(?:\.\d+)?))?\s*(?P<unit2>%|‰)?\s*[〕\]）)]?\s*"
    r"(?P<after>左右|以上|以内|以下|及以上)?$"
)
_CELL_COMPARATORS = {
    "≥": Comparator.AT_LEAST,
    "不低于": Comparator.AT_LEAST,
    "不少于": Comparator.AT_LEAST,
    "达到": Comparator.AT_LEAST,
    "≤": Comparator.AT_MOST,
    "不高于": Comparator.AT_MOST,
    "不超过": Comparator.AT_MOST,
    "<": Comparator.AT_MOST,
    "小于": Comparator.AT_MOST,
    "低于": Comparator.AT_MOST,
    ">": Comparator.MORE_THAN,
    "大于": Comparator.MORE_THAN,
    "高于": Comparator.MORE_THAN,
    "约": Comparator.ABOUT,
    "以上": Comparator.AT_LEAST,
    "及以上": Comparator.AT_LEAST,
    "左右": Comparator.ABOUT,
    "以内": Comparator.AT_MOST,
    "以下": Comparator.AT_MOST,
}
_NAME_UNIT = re.compile(r"[（(](?P<unit>[^（）()]{1,10})[）)]$")


@dataclass(frozen=True, slots=True)
class _CellValue:
    low: float
    high: float | None
    comparator: Comparator | None
    word: str | None
    cumulative: bool


def cell_value(text: str) -> _CellValue | None:
    """A table cell as a value: 8000, ≥45, <5.5, 6左右, 5—6, 〔14〕 (a five-year total); None for —, 完成下达目标."""
    t = text.translate(_FOLD).replace("＜", "<").replace("＞", ">").replace(" ", "")
    t = re.split(r"[、，,；;]", t, maxsplit=1)[0].rstrip("*＊")  # >7、力争…; 60.6* (a note marker)
    m = _CELL_VALUE.match(t)
    if not m:
        return None
    word = m.group("before") or m.group("after")
    high = float(m.group("high")) if m.group("high") else None
    low = float(m.group("low"))
    if high is not None and high < low:
        low, high = high, low
    return _CellValue(
        low,
        high,
        _CELL_COMPARATORS.get(word or "") if high is None else Comparator.RANGE,
        word,
        t[:1] in "〔[",
    )


def _table_targets(
    clause: Clause, ctx: _Context, table: IndicatorTable, folded: str
) -> Iterable[TargetProposal]:
    cols = table.columns
    unit_above = ""
    for row in table.rows:
        name_cell = row.cells[cols.name]
        name = re.sub(r"\s+", "", name_cell.text)
        unit = row.cells[cols.unit].text.strip() if cols.unit is not None else ""
        m = _NAME_UNIT.search(name)
        if m and (not unit or unit in "—-"):
            unit = m.group("unit")
        if m:
            name = name[: m.start()]
            unit_above = unit
        elif cols.unit is None:
            # 导爆管雷管占工业雷管比重（%）, then 高强度型塑料导爆管: a row naming no unit in a table
            # without a unit column continues the measure of the row above it.
            unit = unit_above
        unit = UNIT_ALIASES.get(unit, unit)
        if unit in ("—", "-", "/"):
            unit = ""
        target_cell = row.cells[cols.target] if cols.target is not None else None
        value = cell_value(target_cell.text) if target_cell else None
        value_cell = target_cell
        if value is None and cols.growth is not None:
            # 单位地区生产总值能源消耗降低: no year values, the five-year total 〔14〕 is the target.
            value_cell = row.cells[cols.growth]
            value = cell_value(value_cell.text)
        if value is None or value_cell is None or not name or _is_value_text(name):
            continue
        from_growth = value_cell is not target_cell
        cumulative = value.cumulative
        # 规模以上工业增加值年均增长 6左右, or 研发经费投入增长 >7 in the 年均 column: a rate each year
        recurring = bool(_RECURRING.search(name)) or (from_growth and not cumulative and "增长" in name)
        base = cell_value(row.cells[cols.base].text) if cols.base is not None else None
        base_value = base.low if base is not None and base.high is None and not base.cumulative else None
        comparator = value.comparator
        if comparator is None:
            comparator = (
                Comparator.AT_MOST
                if base_value is not None and value.low < base_value and not cumulative and not recurring
                else Comparator.AT_LEAST
            )
        attribute = None
        if cols.attribute is not None:
            am = ATTRIBUTE_CELL.match(row.cells[cols.attribute].text.strip())
            attribute = ATTRIBUTE_WORDS[am.group(1)] if am else None
        deadline = cols.target_year or ctx.horizon
        yield TargetProposal(
            key=f"{clause.id}@{value_cell.start}",
            doc_id=ctx.doc_id,
            clause_id=clause.id,
            region=ctx.region,
            name=name + ("（累计）" if cumulative else ""),
            measure=measure_key(name, ctx.region),
            value_text=re.split(
                r"[、，,；;]", re.sub(r"\s+", "", clause.text[value_cell.start : value_cell.end])
            )[0],
            target_low=value.low,
            target_high=value.high,
            unit=unit or "",
            comparator=comparator,
            comparator_word=value.word if value.word in COMPARATOR_WORDS else None,
            deadline=None if recurring else deadline,
            recurring=recurring,
            deadline_source=None
            if recurring
            else ("table" if cols.target_year else ("document" if deadline else None)),
            sentence=clause.text[row.start : row.end],
            attribute=attribute,
            base_value=base_value if cols.base_year else None,
            base_period=cols.base_year if base_value is not None else None,
        )


def _is_value_text(name: str) -> bool:
    return cell_value(name) is not None or bool(ATTRIBUTE_CELL.match(name))
