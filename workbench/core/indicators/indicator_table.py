"""Main-indicator tables (主要指标表 / “十四五”主要目标) read from a clause's text.

A plan's table reaches the text in one of two shapes: one cell per line (a PDF's
text layer, a web page copied by hand), or one row per line with its cells
separated by tabs or spaces (a .docx table, an .xlsx sheet, a typed table). The
header names the columns: 指标, 单位, a base-year column (2020年, 基期值（2020年）,
现状值), a target-year column (2025年, 目标值（2025年）), often 年均增长/累计 and
属性 (预期性/约束性); a 类别 column spans several rows and so appears only on the
first row of its group. Row numbers come glued to the names (``1地区生产总值``) or
on a line of their own.

``find_tables`` returns each table's rows with their cells' text and offsets in
the clause text; ``targets.py`` turns them into proposals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_YEAR = re.compile(r"((?:19|20)\d{2})\s*年?")
_NAME_HEADER = re.compile(r"^(?:主要)?指标(?:名称)?$|^指\s*标$|^具体指标$|^指标内容$")
_UNIT_HEADER = re.compile(r"^(?:计量)?单\s*位$")
_ATTRIBUTE_HEADER = re.compile(r"^(?:指标)?属\s*性$|^指标性质$|^类型$")
_CATEGORY_HEADER = re.compile(r"^(?:类\s*别|领域|维度|一级指标|分类)$")
_NUMBER_HEADER = re.compile(r"^(?:序\s*号|编号)$")
_BASE_WORDS = re.compile(r"基期|基数|现状|基准")
_TARGET_WORDS = re.compile(r"目标|规划|预期")
_GROWTH_WORDS = re.compile(r"年均|累计|增长|增减|变化")
ATTRIBUTE_CELL = re.compile(r"^[【\[（(]?(约束性|预期性|约束|预期)[】\]）)]?$")
_NOTE = re.compile(r"^(?:注|备注|说明|资料来源)\s*[:：\d１-９]")
_CELL_SPLIT = re.compile(r"\t+|\s{2,}|\s(?=\S)")
_VALUE_LIKE = re.compile(r"^[<>≥≤＜＞~～\-—–\d.%％〔〕\[\]（）()左右以上以内以下约达到累计+/年]*$")
_ROW_NUMBER = re.compile(r"^(\d{1,2}(?:[．.、](?!\d)\s*|(?=[^\d.%％\s年万亿个家件])))")


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class TableColumns:
    name: int
    unit: int | None
    base: int | None
    base_year: str | None
    target: int | None
    target_year: str | None
    growth: int | None
    attribute: int | None
    width: int  # columns of a full row, without 类别 and 序号


@dataclass(frozen=True, slots=True)
class TableRow:
    cells: tuple[Cell, ...]  # aligned with the columns (width cells)
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class IndicatorTable:
    columns: TableColumns
    rows: tuple[TableRow, ...]
    start: int
    end: int


def _lines(text: str) -> list[Cell]:
    out: list[Cell] = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            out.append(Cell(stripped, pos + lead, pos + lead + len(stripped)))
        pos += len(raw) + 1
    return out


def _split(line: Cell) -> list[Cell]:
    """A row's cells: split on tabs when it has any (empty cells kept: a merged 类别 cell of a
    .docx or .xlsx table leaves one), else on white space."""
    cells: list[Cell] = []
    if "\t" in line.text:
        pos = line.start
        for part in line.text.split("\t"):
            lead = len(part) - len(part.lstrip())
            cells.append(Cell(part.strip(), pos + lead, pos + lead + len(part.strip())))
            pos += len(part) + 1
        return cells
    for m in re.finditer(r"\S+(?:[ ](?=[（(])\S+)*", line.text):
        cells.append(Cell(m.group(), line.start + m.start(), line.start + m.end()))
    return cells


def _header_kind(text: str) -> str | None:
    t = re.sub(r"\s+", "", text)
    if _NAME_HEADER.match(t):
        return "name"
    if _UNIT_HEADER.match(t):
        return "unit"
    if _ATTRIBUTE_HEADER.match(t):
        return "attribute"
    if _CATEGORY_HEADER.match(t):
        return "category"
    if _NUMBER_HEADER.match(t):
        return "number"
    if _YEAR.search(t) and len(t) <= 16:
        if _GROWTH_WORDS.search(t):
            return "growth"
        return "year"
    if _GROWTH_WORDS.search(t) and len(t) <= 12:
        return "growth"
    if _BASE_WORDS.search(t) and len(t) <= 8:
        return "year"
    if _TARGET_WORDS.search(t) and len(t) <= 8:
        return "year"
    return None


def _columns(headers: list[str]) -> TableColumns | None:
    kinds = [_header_kind(h) for h in headers]
    if None in kinds or "name" not in kinds:
        return None
    kept = [(h, k) for h, k in zip(headers, kinds, strict=True) if k not in ("category", "number")]
    years = [(i, h) for i, (h, k) in enumerate(kept) if k == "year"]
    if not years:
        return None

    def year_of(h: str) -> int | None:
        m = _YEAR.search(h)
        return int(m.group(1)) if m else None

    base = target = None
    for i, h in years:
        if _BASE_WORDS.search(h):
            base = i
        elif _TARGET_WORDS.search(h) and not _BASE_WORDS.search(h):
            target = i
    dated = [(i, year_of(h)) for i, h in years if year_of(h) is not None]
    if target is None and dated:
        target = max(dated, key=lambda iy: iy[1] or 0)[0]
    if base is None and len(dated) > 1:
        base = min(dated, key=lambda iy: iy[1] or 0)[0]
    if target is None:
        return None
    if base == target:
        base = None
    names = [i for i, (_, k) in enumerate(kept) if k == "name"]
    units = [i for i, (_, k) in enumerate(kept) if k == "unit"]
    growth = [i for i, (_, k) in enumerate(kept) if k == "growth"]
    attrs = [i for i, (_, k) in enumerate(kept) if k == "attribute"]
    by = year_of(kept[base][0]) if base is not None else None
    ty = year_of(kept[target][0])
    return TableColumns(
        name=names[0],
        unit=units[0] if units else None,
        base=base,
        base_year=str(by) if by else None,
        target=target,
        target_year=str(ty) if ty else None,
        growth=growth[0] if growth else None,
        attribute=attrs[0] if attrs else None,
        width=len(kept),
    )


def _is_value_cell(text: str) -> bool:
    return bool(_VALUE_LIKE.match(text)) or bool(ATTRIBUTE_CELL.match(text))


def strip_row_number(cell: Cell) -> Cell:
    m = _ROW_NUMBER.match(cell.text)
    if m:
        n = len(m.group(1))
        return Cell(cell.text[n:], cell.start + n, cell.end)
    return cell


def find_tables(text: str) -> list[IndicatorTable]:
    """Every main-indicator table in ``text`` (one cell per line, or one row per line)."""
    lines = _lines(text)
    tables: list[IndicatorTable] = []
    i = 0
    while i < len(lines):
        found = _table_at(lines, i)
        if found is None:
            i += 1
            continue
        table, next_i = found
        if table.rows:
            tables.append(table)
        i = max(next_i, i + 1)
    return tables


def _table_at(lines: list[Cell], i: int) -> tuple[IndicatorTable, int] | None:
    # One row per line: the header is one line of several cells.
    cells = _split(lines[i])
    if len(cells) >= 3:
        columns = _columns([c.text for c in cells])
        if columns is not None:
            return _rows_per_line(lines, i + 1, columns, lines[i].start)
    # One cell per line: the header is a run of header cells.
    j = i
    headers: list[str] = []
    while j < len(lines) and _header_kind(lines[j].text) is not None and len(lines[j].text) <= 16:
        headers.append(lines[j].text)
        j += 1
    if len(headers) >= 3:
        columns = _columns(headers)
        if columns is not None:
            return _cells_per_line(lines, j, columns, lines[i].start)
    return None


def _ends_table(line: Cell) -> bool:
    t = line.text
    return bool(_NOTE.match(t)) or (len(t) > 40 and bool(re.search(r"[，。；]", t)))


def _rows_per_line(
    lines: list[Cell], j: int, columns: TableColumns, start: int
) -> tuple[IndicatorTable, int]:
    rows: list[TableRow] = []
    while j < len(lines) and not _ends_table(lines[j]):
        cells = _split(lines[j])
        if len(cells) >= columns.width:
            row = cells[len(cells) - columns.width :]
            name = strip_row_number(row[columns.name])
            if name.text and not _is_value_cell(name.text):
                row = [*row[: columns.name], name, *row[columns.name + 1 :]]
                rows.append(TableRow(tuple(row), row[0].start, row[-1].end))
        # fewer cells: a group heading (类别) on its own line, or a row with missing cells
        j += 1
    end = lines[j - 1].end if j - 1 < len(lines) else start
    return IndicatorTable(columns, tuple(rows), start, end), j


def _cells_per_line(
    lines: list[Cell], j: int, columns: TableColumns, start: int
) -> tuple[IndicatorTable, int]:
    rows: list[TableRow] = []
    width = columns.width
    while j < len(lines) and not _ends_table(lines[j]):
        line = lines[j]
        if columns.name == 0:
            # A name starts a row; a 类别 cell (a name followed by another name) and a row
            # number on its own line come before it.
            if _is_value_cell(line.text) and not re.fullmatch(r"\d{1,2}", line.text):
                j += 1
                continue
            if re.fullmatch(r"\d{1,2}", line.text):
                j += 1
                continue
            nxt = lines[j + 1].text if j + 1 < len(lines) else ""
            if nxt and not _is_value_cell(nxt) and not _looks_like_unit(nxt) and columns.unit is not None:
                j += 1  # 类别
                continue
        if j + width > len(lines):
            break
        cells = lines[j : j + width]
        if any(_ends_table(c) for c in cells):
            break
        name = strip_row_number(cells[columns.name])
        cells = [*cells[: columns.name], name, *cells[columns.name + 1 :]]
        if columns.attribute is not None and not ATTRIBUTE_CELL.match(cells[columns.attribute].text):
            # the row is shorter or longer than the header says: resynchronise on the next line
            j += 1
            continue
        rows.append(TableRow(tuple(cells), cells[0].start, cells[-1].end))
        j += width
    end = lines[j - 1].end if 0 < j <= len(lines) else start
    return IndicatorTable(columns, tuple(rows), start, end), j


_UNITS_LIKE = re.compile(
    r"^(?:%|％|‰|个百分点|万?亿?元|万?亿?美元|万?人|万?人次|万?吨|万?千瓦(?:时)?|万?辆|万?户|万?件|万?家|万?个|"
    r"[件家个所座项张台套岁年天米公里吨亩床人名次]|万?平方(?:公里|米)|公顷|万?公顷|万?立方米|标准煤|"
    r"[^\d\s，。]{0,6}/[^\d\s，。]{1,6}|\S{0,4}[单位]|—|-)$"
)


def _looks_like_unit(text: str) -> bool:
    return bool(_UNITS_LIKE.match(text)) and len(text) <= 12
