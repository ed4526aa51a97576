"""Parse a policy document into a clause tree.

The tree follows the usual levels 一、 → （一） → 1./1． → （1）, with 第X章/节/条
for documents written that way, and 专栏 boxes wherever they stand. Documents
come as extracted, so a heading may sit on its own line, share a line with
its body (（一）指导思想。…) or run straight into the body of a text that has
no line breaks at all (the national plan). A marker only counts when it
stands where a heading can stand *and* continues its numbering, which keeps
enumerations and cross-references in the body from being taken for clauses.

Lossless by construction: the clauses' source spans tile the source in
order, and each clause's text is its span with only noise and layout
whitespace taken out.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from workbench.core.corpus.models import Clause, ClauseKind, Noise, ParsedDocument
from workbench.core.corpus.noise import CleanView, find_noise
from workbench.core.numerals import chinese_to_int, to_ascii_digits

_CN = "一二三四五六七八九十百零〇"
_MARKER = re.compile(
    rf"(?P<chapter>第(?P<chapter_n>[{_CN}\d]+)章)"
    rf"|(?P<jie>第(?P<jie_n>[{_CN}\d]+)节)"
    rf"|(?P<article>第(?P<article_n>[{_CN}\d]+)条)"
    r"|(?P<box>专栏[ \t]*(?P<box_n>[一二三四五六七八九十0-9０-９]+))"
    r"|(?P<clause>[（(][ \t]*(?P<clause_n>[一二三四五六七八九十]+)[ \t]*[）)])"
    r"|(?P<subitem>[（(][ \t]*(?P<subitem_n>[0-9０-９]{1,2})[ \t]*[）)])"
    r"|(?P<part>(?<![第" + _CN + r"])(?P<part_n>[一二三四五六七八九十]+)、)"
    r"|(?P<item>(?<![0-9０-９.．])(?P<item_n>[0-9０-９]{1,2})[ \t]*[.．、](?![0-9０-９]))"
)
_GROUP_KIND = {
    "chapter": ClauseKind.CHAPTER,
    "jie": ClauseKind.SECTION,
    "article": ClauseKind.ARTICLE,
    "box": ClauseKind.BOX,
    "clause": ClauseKind.CLAUSE,
    "subitem": ClauseKind.SUBITEM,
    "part": ClauseKind.PART,
    "item": ClauseKind.ITEM,
}
# A marker may follow these (after optional spaces) in running text.
_BOUNDARY_BEFORE = set("。；！？;!?）)")
_SENTENCE_END = "。！？!?"
_PARAGRAPH_END = set("。！？；：;:!?”」』）)…")
_WRAP_MIN_LINE = 24  # shorter lines without final punctuation are titles, not wrapped prose
_MAX_HEADING = 40
_RUN_IN_HEADING = 30
# Kinds whose headings are titles, never sentences: only these may run into their body text.
_RUN_IN_KINDS = (
    ClauseKind.CHAPTER,
    ClauseKind.SECTION,
    ClauseKind.PART,
    ClauseKind.BOX,
)  # a marker following a heading-only run of at most this many characters

_RESPONSIBLE_TAIL = re.compile(
    r"(责任单位|牵头单位|负责单位)|(按职责分工|牵头)?(负责|推进|落实)(推进|落实)?$"
    r"|牵头[^（）()]*(配合|参与|协助|协同)$"  # （A牵头，B、C配合）
    r"|(按职责分工|牵头)(负责|推进|落实)[^（）()]*(完成|前)$"  # （A、B按职责分工负责，2025年底前完成）
)
_CLOSING_START = re.compile(
    r"本(?:意见|办法|方案|通知|规定|细则|措施|文件|计划|规划|决定|条例|政策|实施方案|行动计划|若干措施|若干意见|实施细则)"
    r"(?:自|适用|由|所称|有效期|从|涉及|执行|实施|印发)"
)
_SIGNATURE_LINE = re.compile(
    r"^(?:"
    r"(?:\S[^。，；]{0,40}?\s+)?[0-9０-９]{4}\s*年\s*[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日(?:印发|发布|成文)?"
    r"|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月(?:[一二三四五六七八九十]{1,3}日)?"
    r"|[（(]此件[^）)]{0,20}[）)]"
    r"|(?:抄送|抄报|主送|报送)[:：].*"
    r"|[^。，；,;\s]{2,30}(?:厅|局|委|委员会|政府|办公室|办公厅|部|院|会|中心|公司|管委会|办)"
    r")$"
)
_SIGNATURE_ANCHOR = re.compile(r"年|此件|抄送|抄报|主送|报送")

_HEADING_END_WORDS = (
    "体系", "机制", "基础", "产业", "环境", "形势", "能力", "建设", "发展", "措施", "要求", "目标",
    "布局", "利用", "保障", "合作", "创新", "思想", "原则", "领域", "政策", "行动", "工程", "服务",
    "水平", "作用", "管理", "平台", "格局", "安全", "转化", "应用", "改革", "支撑", "氛围", "领导",
    "力度", "开放", "保护", "共享", "人才", "资源", "任务", "意义", "总则", "附则",
)  # fmt: skip


@dataclass(slots=True)
class _Marker:
    kind: ClauseKind
    number: int
    start: int  # clean-text offsets
    end: int
    text: str


@dataclass(slots=True)
class _Open:
    kind: ClauseKind
    number: int
    index: int  # index into the clause list


@dataclass(slots=True)
class _Draft:
    kind: ClauseKind
    start: int  # clean-text offset where the clause begins
    marker: str = ""
    number: int = 0
    parent: int | None = None
    heading: str = ""
    component: str = ""
    children: list[int] = field(default_factory=list)


def parse_document(source: str, doc_id: str) -> ParsedDocument:
    """Parse ``source`` (the text as imported) into a tree of clauses with stable ids."""
    noise = find_noise(source)
    view = CleanView.build(source, noise)
    drafts = _structure(view.text)
    _split_tail(view.text, drafts)
    clauses = _finish(source, view, drafts, doc_id)
    return ParsedDocument(source=source, clauses=clauses, noise=noise)


# --- structure -------------------------------------------------------------


def _structure(text: str) -> list[_Draft]:
    drafts: list[_Draft] = [_Draft(ClauseKind.PREAMBLE, 0)]
    stack: list[_Open] = []
    last_box = 0
    last_number: dict[ClauseKind, int] = {}  # numbering may run on across parents: （一）…（二十八）
    heading_run_from: int | None = None  # end of the last marker while only its heading follows
    for m in _candidates(text):
        if not _stands_as_heading(text, m.start, heading_run_from):
            continue
        if m.kind is ClauseKind.BOX:
            if m.number != last_box + 1:
                continue
            last_box = m.number
            while stack and any(o.kind is ClauseKind.BOX for o in stack):
                stack.pop()
            depth = len(stack)
        else:
            placed = _place(stack, m, last_number.get(m.kind, 0))
            if placed is None:
                continue
            depth = placed
        del stack[depth:]
        parent = stack[-1].index if stack else None
        drafts.append(_Draft(m.kind, m.start, marker=m.text, number=m.number, parent=parent))
        index = len(drafts) - 1
        if parent is not None:
            drafts[parent].children.append(index)
        stack.append(_Open(m.kind, m.number, index))
        last_number[m.kind] = m.number
        heading_run_from = m.end
    if len(drafts) > 1 and not text[: drafts[1].start].strip():
        drafts.pop(0)  # nothing before the first marker: no preamble
        for d in drafts:
            d.parent = None if d.parent is None else d.parent - 1
            d.children = [c - 1 for c in d.children]
    return drafts


def _candidates(text: str) -> Iterable[_Marker]:
    for m in _MARKER.finditer(text):
        group = m.lastgroup
        assert group is not None
        kind = _GROUP_KIND[group]
        number = chinese_to_int(m.group(f"{group}_n"))
        if number is None or number <= 0:
            continue
        yield _Marker(kind, number, m.start(), m.end(), m.group(0))


def _stands_as_heading(text: str, pos: int, heading_run_from: int | None) -> bool:
    """A marker stands at a line start, after the end of a sentence, or right
    after a heading that has no punctuation yet (二、总体要求（一）指导思想)."""
    i = pos - 1
    while i >= 0 and text[i] in " \t\u3000":
        i -= 1
    if i < 0 or text[i] == "\n" or text[i] in _BOUNDARY_BEFORE:
        return True
    if heading_run_from is not None and 0 < pos - heading_run_from <= _RUN_IN_HEADING:
        run = text[heading_run_from:pos]
        return not any(ch in run for ch in "，。；：,;:\n")
    return False


def _place(stack: list[_Open], m: _Marker, last_number: int) -> int | None:
    """Depth at which a marker opens a clause, or None if it continues no list."""
    for depth in range(len(stack) - 1, -1, -1):
        if stack[depth].kind is m.kind and m.number == stack[depth].number + 1:
            return depth  # next sibling
    box_at = max((d for d, o in enumerate(stack) if o.kind is ClauseKind.BOX), default=-1)
    starts_list = m.number == 1 or m.number == last_number + 1
    if starts_list and all(o.kind is not m.kind for o in stack[box_at + 1 :]):
        return len(stack)  # first of a new list under the innermost clause
    return None


def _split_tail(text: str, drafts: list[_Draft]) -> None:
    """Move closing paragraphs (本意见自…施行) and the signature block out of the
    last clause into top-level clauses of their own."""
    last = drafts[-1]
    if last.kind is ClauseKind.PREAMBLE:
        return
    lines = _line_starts(text, last.start)
    body_lines = lines[1:]  # the last clause's own first line is never a closing
    signature_at = _signature_start(text, body_lines)
    for pos in body_lines:
        if signature_at is not None and pos >= signature_at:
            break
        if _CLOSING_START.match(text, pos):
            drafts.append(_Draft(ClauseKind.CLOSING, pos))
    if signature_at is not None:
        drafts.append(_Draft(ClauseKind.SIGNATURE, signature_at))


def _line_starts(text: str, start: int) -> list[int]:
    """Offsets of the first non-blank character of each non-blank line from ``start``."""
    out: list[int] = []
    pos = start
    for line in text[start:].split("\n"):
        stripped = line.lstrip()
        if stripped:
            out.append(pos + len(line) - len(stripped))
        pos += len(line) + 1
    return out


def _signature_start(text: str, line_starts: list[int]) -> int | None:
    """Where the closing block of signature lines starts, if the text ends with one
    that has a date, a （此件…） note or a 抄送 line (an organisation name alone is not one)."""
    start, anchored = None, False
    for pos in reversed(line_starts):
        end = text.find("\n", pos)
        line = text[pos : end if end >= 0 else len(text)].strip()
        if not _SIGNATURE_LINE.match(line):
            break
        start, anchored = pos, anchored or bool(_SIGNATURE_ANCHOR.search(line))
    return start if anchored else None


# --- finishing: display text, headings, responsibility lines, ids -------------


def _finish(source: str, view: CleanView, drafts: list[_Draft], doc_id: str) -> list[Clause]:
    text = view.text
    starts = [d.start for d in drafts] + [len(text)]
    _assign_components(drafts)
    ids: list[str] = []
    seen: dict[str, int] = {}
    clauses: list[Clause] = []
    closing_count = sum(1 for d in drafts if d.kind is ClauseKind.CLOSING)
    closing_no = 0
    for i, d in enumerate(drafts):
        if d.kind is ClauseKind.CLOSING:
            closing_no += 1
            d.component = "附则" if closing_count == 1 else f"附则{closing_no}"
        path = _path(drafts, i)
        n = seen.get(path, 0) + 1
        seen[path] = n
        ids.append(f"{doc_id}:{path}" if n == 1 else f"{doc_id}:{path}~{n}")
        region = text[starts[i] : starts[i + 1]]
        display = to_display(region)
        heading, body, responsible = _carve(d, region, display)
        span_start = 0 if i == 0 else view.origin[starts[i]]
        span_end = len(source) if i == len(drafts) - 1 else view.origin[starts[i + 1]]
        clauses.append(
            Clause(
                id=ids[i],
                path=path + ("" if n == 1 else f"~{n}"),
                kind=d.kind,
                level=_depth(drafts, i) if d.marker else 0,
                ordinal=i,
                marker=d.marker.strip(),
                heading=heading,
                body=body,
                responsible=responsible,
                text=display,
                span_start=span_start,
                span_end=span_end,
                parent_id=None,
            )
        )
    for i, d in enumerate(drafts):
        if d.parent is not None:
            clauses[i].parent_id = ids[d.parent]
            clauses[d.parent].children.append(clauses[i])
    return clauses


def _assign_components(drafts: list[_Draft]) -> None:
    for d in drafts:
        n = d.number
        match d.kind:
            case ClauseKind.PREAMBLE:
                d.component = "序"
            case ClauseKind.SIGNATURE:
                d.component = "落款"
            case ClauseKind.CHAPTER:
                d.component = f"第{_cn(n)}章"
            case ClauseKind.SECTION:
                d.component = f"第{_cn(n)}节"
            case ClauseKind.ARTICLE:
                d.component = f"第{_cn(n)}条"
            case ClauseKind.PART:
                d.component = _cn(n)
            case ClauseKind.CLAUSE:
                d.component = f"（{_cn(n)}）"
            case ClauseKind.ITEM:
                d.component = str(n)
            case ClauseKind.SUBITEM:
                d.component = f"（{n}）"
            case ClauseKind.BOX:
                written = to_ascii_digits(d.marker.replace("专栏", "").strip())
                d.component = f"专栏{written}"


def _path(drafts: list[_Draft], i: int) -> str:
    parts = []
    j: int | None = i
    while j is not None:
        parts.append(drafts[j].component)
        j = drafts[j].parent
    return "/".join(reversed(parts))


def _depth(drafts: list[_Draft], i: int) -> int:
    depth, j = 1, drafts[i].parent
    while j is not None:
        depth, j = depth + 1, drafts[j].parent
    return depth


def _cn(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    if n < 100:
        return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")
    return str(n)


def to_display(region: str) -> str:
    """Layout whitespace out: wrapped lines joined, blank lines dropped, runs of
    spaces folded to one. Nothing but whitespace changes.

    A line with a tab is a table row (a .docx or .xlsx table comes out one row a line,
    cells joined by tabs): it stays a line of its own with its tabs, so that the cells
    of an indicator table can still be told apart."""
    paragraphs: list[str] = []
    last_line = ""
    for raw in region.split("\n"):
        if "\t" in raw and raw.strip():
            row = "\t".join(re.sub(r"[ \u3000\xa0]+", " ", cell).strip() for cell in raw.split("\t"))
            paragraphs.append(row.strip("\t") if not row.strip() else row)
            last_line = "。"  # nothing wraps onto a table row
            continue
        line = re.sub(r"[ \t\u3000\xa0]+", " ", raw).strip()
        if not line:
            continue
        if paragraphs and _wraps(last_line, line):
            glue = " " if last_line[-1].isascii() and last_line[-1].isalnum() and line[0].isascii() else ""
            paragraphs[-1] += glue + line
        else:
            paragraphs.append(line)
        last_line = line
    return "\n".join(paragraphs)


def _wraps(previous: str, line: str) -> bool:
    """Was ``line`` wrapped from ``previous`` by the extraction, rather than a new paragraph?"""
    if previous[-1] in _PARAGRAPH_END or len(previous) < _WRAP_MIN_LINE:
        return False
    if line.startswith(("——", "—", "-", "*", "•")) or _MARKER.match(line):
        return False
    # a salutation (各市州、县市区人民政府：) stands alone, after a title it follows
    return not line.endswith(("：", ":"))


def _carve(d: _Draft, region: str, display: str) -> tuple[str, str, str | None]:
    """Split a clause's display text into heading, body and responsibility line."""
    rest = display
    heading = ""
    if d.marker:
        marker = re.sub(r"[ \t\u3000\xa0]+", " ", d.marker).strip()
        assert rest.startswith(marker), (marker, rest[:20])
        rest = rest[len(marker) :]
        heading, consumed = _heading(d.kind, rest)
        rest = rest[consumed:]
    body, responsible = _split_responsible(rest.strip())
    return heading, body, responsible


def _heading(kind: ClauseKind, rest: str) -> tuple[str, int]:
    """The heading after a marker and how many characters of ``rest`` it uses."""
    lead = len(rest) - len(rest.lstrip(" ：:"))
    if kind is not ClauseKind.BOX:
        lead = len(rest) - len(rest.lstrip(" "))
    line = rest[lead:].split("\n", 1)[0]
    nxt = _MARKER.search(line)
    first_end = min((i for i in (line.find(c) for c in _SENTENCE_END) if i >= 0), default=-1)
    if first_end >= 0 and (nxt is None or first_end < nxt.start()):
        sentence = line[:first_end]
        if len(sentence) <= _MAX_HEADING and not any(c in sentence for c in "，,；;"):
            return sentence.strip(), lead + first_end + 1
        if kind in _RUN_IN_KINDS:
            cut = _split_run_in_heading(sentence)
            if cut:
                return sentence[:cut].strip(), lead + cut
        return "", 0
    # No sentence end before the next marker or line end.
    stop = nxt.start() if nxt and nxt.start() > 0 else len(line)
    candidate = line[:stop]
    if any(c in candidate for c in "，,；;"):
        return "", 0
    if len(candidate.strip()) <= _MAX_HEADING and (
        stop < len(line) or "\n" in rest or len(line) == len(rest[lead:])
    ):
        return candidate.strip(), lead + stop
    cut = _split_run_in_heading(candidate) if kind in _RUN_IN_KINDS else 0
    return (candidate[:cut].strip(), lead + cut) if cut else ("", 0)


@cache
def _posseg():  # type: ignore[no-untyped-def]
    import jieba
    import jieba.posseg

    from workbench.core.paths import keep_jieba_cache_private

    jieba.setLogLevel(logging.WARNING)
    keep_jieba_cache_private(jieba)
    return jieba.posseg


def _split_run_in_heading(text: str) -> int:
    """Where a heading that runs straight into its body text ends (0: no heading).

    大力夯实生物经济创新基础坚持发挥… → 12. Headings end on a noun phrase and the
    body usually opens with a verb or time word; among such boundaries prefer a
    typical heading-final noun, then a length near twelve characters.
    """
    window = text[: _MAX_HEADING + 10]
    tokens = [(p.word, p.flag) for p in _posseg().cut(window)]
    best: tuple[int, int, int] | None = None  # (score, -distance, position)
    pos = 0
    seen: set[str] = set()
    repeated = False
    for (word, flag), (_, next_flag) in zip(tokens, tokens[1:], strict=False):
        pos += len(word)
        # A heading hardly repeats a word; a body often opens by restating one.
        repeated = repeated or (len(word) > 1 and word in seen)
        seen.add(word)
        if any(c in word for c in "，。；：,;:（(“"):
            break
        if pos < 4:
            continue
        if pos > 24:
            break
        nounish = flag.startswith("n") or flag in ("vn", "l", "an", "j")
        verbish = next_flag.startswith("v") and next_flag != "vn" or next_flag in ("t", "d", "ad", "p", "c")
        score = int(nounish) + int(verbish) + (2 if word.endswith(_HEADING_END_WORDS) else 0) - 2 * repeated
        if score < 2:
            continue
        key = (score, -abs(pos - 12), pos)
        if best is None or key > best:
            best = key
    return best[2] if best else 0


def _split_responsible(body: str) -> tuple[str, str | None]:
    """Take a trailing （责任单位：…） or （…按职责分工负责） off the body."""
    if not body or body[-1] not in "）)":
        return body, None
    depth = 0
    for i in range(len(body) - 1, -1, -1):
        ch = body[i]
        if ch in "）)":
            depth += 1
        elif ch in "（(":
            depth -= 1
            if depth == 0:
                inner = body[i + 1 : -1].strip()
                flat = inner.replace("\n", "")
                if len(flat) <= 400 and _RESPONSIBLE_TAIL.search(flat):
                    return body[:i].rstrip(), flat
                return body, None
    return body, None


def responsible_units(responsible: str) -> list[str]:
    """The units named in a responsibility line, for tags: 省科技厅, 省财政厅, …"""
    inner = re.sub(r"^(?:责任单位|牵头单位|负责单位)[:：]\s*", "", responsible)
    inner = re.sub(r"(?:等)?(?:按职责分工|牵头)?(?:负责|推进|落实)(?:推进|落实)?$", "", inner)
    units = []
    for piece in re.split(r"[、，,；;]", inner):
        piece = re.sub(
            r"(?:等)?(?:按职责分工|牵头|配合|参与|协助|协同)(?:负责|推进|落实)?$", "", piece.strip()
        )
        piece = re.sub(r"^(?:牵头单位|配合单位|参与单位)[:：]\s*|[（(]牵头[）)]$", "", piece).strip()
        if piece and not re.search(r"20\d{2}\s*年|下同", piece):
            units.append(piece)
    return units


def noise_free(source: str, noise: Iterable[Noise]) -> str:
    """The source with every noise span cut out (for checks and diagnostics)."""
    out, pos = [], 0
    for n in sorted(noise, key=lambda n: n.start):
        out.append(source[pos : n.start])
        pos = n.end
    out.append(source[pos:])
    return "".join(out)
