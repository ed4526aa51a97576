"""Page layout for the printable briefs, after GB/T 9704-2012 (党政机关公文格式).

A4; text block 156 mm × 225 mm, 37 mm from the top and 28 mm from the left; the title
in 2号 (22 pt) Song, centred; body in 3号 (16 pt) with a two-character first-line
indent; headings 一、 in 黑体, （一） in 楷体, 1. and （1） in the body face; page
numbers "— N —" in 4号 (14 pt) 7 mm below the text block, odd pages right and even
pages left, one character in from the edge.

Every piece of text handed to a ``BriefDocument`` is plain text: it is escaped here
(ReportLab paragraphs read markup), so ``A&B公司``, ``<b>`` and ``<unclosed`` print as
written. Words a face lacks are set in a face that has them (``BriefFonts.runs``).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as _xml_escape

from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib import textsplit as _textsplit_module
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus import paragraph as _paragraph_module

from exporters.pdf_fonts import BriefFonts, Role, default_brief_fonts
from workbench.core.atomic_files import write_atomically

# ReportLab's CJK wrapping keeps a closing mark off the start of a line (it hangs in the
# margin instead) only for the marks it lists, which lack the full-width ，；：？！”》.
# GB/T 15834 forbids those at a line start too.
_NO_LINE_START = "，。、；：？！”’）》〉」』】〕％"
for _module in (_paragraph_module, _textsplit_module):  # one-run and many-run paragraphs
    _module.ALL_CANNOT_START += "".join(ch for ch in _NO_LINE_START if ch not in _module.ALL_CANNOT_START)

PAGE_WIDTH, PAGE_HEIGHT = A4
TEXT_WIDTH = 156 * mm
TEXT_HEIGHT = 225 * mm
TOP_MARGIN = 37 * mm
LEFT_MARGIN = 28 * mm
BOTTOM_MARGIN = PAGE_HEIGHT - TOP_MARGIN - TEXT_HEIGHT  # 35 mm
TITLE_SIZE = 22  # 2号
BODY_SIZE = 16  # 3号
PAGE_NUMBER_SIZE = 14  # 4号
TABLE_SIZE = 12  # 小四: tables of many columns cannot take 3号
NOTE_SIZE = 12
# 22 lines to the text block, as GB/T 9704 asks for 3号 body text.
BODY_LEADING = TEXT_HEIGHT / 22
PAGE_NUMBER_GAP = 7 * mm  # from the bottom of the text block to the top of the number

# Colours for statuses in tables (light fills that still print on a mono printer).
FILLS = {
    "good": colors.HexColor("#d7f0d2"),
    "warn": colors.HexColor("#fbe7b5"),
    "bad": colors.HexColor("#f6c9c4"),
    "none": colors.HexColor("#e6e6e6"),
    "header": colors.HexColor("#eeeeee"),
}


def chinese_date(day: dt.date) -> str:
    """2026-11-24 → 2026年11月24日 (GB/T 9704-2012 writes dates in Arabic numerals)."""
    return f"{day.year}年{day.month}月{day.day}日"


def escape(text: str) -> str:
    """Plain text → paragraph markup that shows exactly that text."""
    return _xml_escape(text)


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell with its own fill or face (a plain ``str`` is a cell too)."""

    text: str
    fill: str | None = None  # a key of FILLS
    role: Role | None = None
    align: str = "left"  # left | center | right


class BriefDocument:
    """Collects a brief's content in order and writes it as a PDF."""

    def __init__(
        self,
        *,
        title: str,
        subject: str,
        fonts: BriefFonts | None = None,
        created: dt.datetime | None = None,
        keywords: Sequence[str] = (),
    ) -> None:
        self.fonts = fonts or default_brief_fonts()
        self.meta_title = title
        self.subject = subject
        self.created = created or dt.datetime.now().astimezone()
        self.keywords = list(keywords)
        self.flowables: list[Flowable] = []
        self._styles: dict[tuple[Any, ...], ParagraphStyle] = {}
        self.page_count = 0

    # --- text ------------------------------------------------------------------

    def markup(self, text: str, role: Role) -> str:
        """Escaped markup for ``text`` with runs a face lacks set in a face that has them."""
        primary = self.fonts.name(role)
        parts = []
        for line in text.split("\n"):
            pieces = []
            for font, run in self.fonts.runs(role, line):
                run = escape(run)
                pieces.append(run if font == primary else f'<font face="{font}">{run}</font>')
            parts.append("".join(pieces))
        return "<br/>".join(parts)

    def style(
        self,
        role: Role,
        size: float,
        *,
        align: int = TA_JUSTIFY,
        indent: bool = False,
        leading: float | None = None,
        space_before: float = 0,
        space_after: float = 0,
        left_indent: float = 0,
        right_indent: float = 0,
        keep_with_next: bool = False,
    ) -> ParagraphStyle:
        key = (
            role,
            size,
            align,
            indent,
            leading,
            space_before,
            space_after,
            left_indent,
            right_indent,
            keep_with_next,
        )
        style = self._styles.get(key)
        if style is None:
            style = ParagraphStyle(
                f"s{len(self._styles)}",
                fontName=self.fonts.name(role),
                bulletFontName=self.fonts.name(role),  # the default, Helvetica, would be declared unembedded
                fontSize=size,
                leading=leading or size * 1.5,
                alignment=align,
                firstLineIndent=2 * size if indent else 0,
                leftIndent=left_indent,
                rightIndent=right_indent,
                spaceBefore=space_before,
                spaceAfter=space_after,
                wordWrap="CJK",  # breaks between any two characters: long unbroken strings wrap too
                keepWithNext=int(keep_with_next),
                allowWidows=0,
                allowOrphans=0,
            )
            self._styles[key] = style
        return style

    def para(self, text: str, role: Role = Role.FANGSONG, size: float = BODY_SIZE, **style: Any) -> Paragraph:
        return Paragraph(self.markup(text, role), self.style(role, size, **style))

    def cell_para(self, text: str, role: Role, size: float, align: int) -> Paragraph:
        """A table cell's paragraph: a closing mark that would hang past a line's end (see
        _NO_LINE_START) would cross the grid, so such a cell wraps one character shorter."""
        hanging = self.style(role, size, align=align, right_indent=size)
        return _CellParagraph(self.markup(text, role), self.style(role, size, align=align), hanging=hanging)

    def title(self, text: str) -> None:
        self.flowables.append(
            self.para(
                text,
                Role.SONG,
                TITLE_SIZE,
                align=TA_CENTER,
                leading=TITLE_SIZE * 1.45,
                space_after=BODY_LEADING * 0.6,
            )
        )

    def subtitle(self, text: str) -> None:
        """A centred line under the title (文号, date)."""
        self.flowables.append(
            self.para(text, Role.FANGSONG, BODY_SIZE, align=TA_CENTER, leading=BODY_LEADING)
        )

    def heading(self, level: int, text: str) -> None:
        """``level`` 1 = 一、 (黑体), 2 = （一） (楷体), 3 = 1. and 4 = （1） (body face).
        ``text`` carries its own marker."""
        role = {1: Role.HEI, 2: Role.KAI}.get(level, Role.FANGSONG)
        heading = self.para(
            text,
            role,
            BODY_SIZE,
            align=TA_LEFT,
            indent=True,
            leading=BODY_LEADING,
            space_before=BODY_LEADING * 0.25,
        )
        # A heading never ends a page: it needs room for itself and a few lines after it
        # (a table right after it asks for its header and first row instead, see table()).
        # keepWithNext would push a whole long table to the next page instead.
        self.flowables.append(CondPageBreak(BODY_LEADING * 6))
        self.flowables.append(heading)
        self._last_heading = heading

    def paragraph(
        self, text: str, *, indent: bool = True, role: Role = Role.FANGSONG, size: float = BODY_SIZE
    ) -> None:
        """Body text; each line of ``text`` is a paragraph of its own."""
        for line in text.split("\n"):
            if line.strip():
                self.flowables.append(
                    self.para(
                        line.strip(),
                        role,
                        size,
                        indent=indent,
                        leading=BODY_LEADING if size == BODY_SIZE else size * 1.5,
                    )
                )

    def note(self, text: str, *, align: str = "left", size: float = NOTE_SIZE, indent_chars: int = 0) -> None:
        """Smaller text: a stamp, a source line, an explanation under a table."""
        self.flowables.append(
            self.para(
                text,
                Role.FANGSONG,
                size,
                align=_ALIGN[align],
                space_before=1,
                space_after=1,
                left_indent=indent_chars * size,
            )
        )

    def stamp(self, text: str) -> None:
        """A right-aligned line in the body face (date, issuer)."""
        self.flowables.append(self.para(text, Role.FANGSONG, BODY_SIZE, align=TA_RIGHT, leading=BODY_LEADING))

    def need(self, height_mm: float) -> None:
        """Start a new page unless ``height_mm`` is left on this one (for what must stay together)."""
        self.flowables.append(CondPageBreak(height_mm * mm))

    def spacer(self, height_mm: float) -> None:
        self.flowables.append(Spacer(1, height_mm * mm))

    # --- tables and drawings -------------------------------------------------------

    def table(
        self,
        header: Sequence[str] | None,
        rows: Sequence[Sequence[str | Cell]],
        widths: Sequence[float] | None = None,
        *,
        size: float = TABLE_SIZE,
    ) -> None:
        """A table that splits across pages with its header repeated; cells wrap.
        ``widths`` are fractions of the text block's width."""
        ncols = max([len(header or [])] + [len(r) for r in rows]) if (rows or header) else 0
        if ncols == 0:
            return
        fractions = list(widths) if widths else [1 / ncols] * ncols
        total = sum(fractions)
        col_widths = [TEXT_WIDTH * f / total for f in fractions]
        data: list[list[Paragraph]] = []
        commands: list[tuple[Any, ...]] = [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            (
                "FONTNAME",
                (0, 0),
                (-1, -1),
                self.fonts.name(Role.FANGSONG),
            ),  # the default would declare Helvetica
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
        if header:
            data.append([self.cell_para(h, Role.HEI, size, TA_CENTER) for h in _pad(list(header), ncols)])
            commands.append(("BACKGROUND", (0, 0), (-1, 0), FILLS["header"]))
        offset = 1 if header else 0
        for r, row in enumerate(rows):
            cells: list[Paragraph] = []
            for c, value in enumerate(_pad(list(row), ncols)):
                cell = value if isinstance(value, Cell) else Cell(value)
                cells.append(self.cell_para(cell.text, cell.role or Role.FANGSONG, size, _ALIGN[cell.align]))
                if cell.fill:
                    commands.append(("BACKGROUND", (c, r + offset), (c, r + offset), FILLS[cell.fill]))
            data.append(cells)
        table = Table(data, colWidths=col_widths, repeatRows=offset, splitByRow=1, hAlign="LEFT")
        table.setStyle(TableStyle(commands))
        self._room_after_heading(data[: offset + 1], col_widths, commands)
        self.flowables.append(table)
        self.flowables.append(Spacer(1, 3 * mm))

    def _room_after_heading(
        self, first_rows: list[list[Paragraph]], col_widths: list[float], commands: list[tuple[Any, ...]]
    ) -> None:
        """When the table follows a heading, the heading asks for room for itself, the
        header and the first row: six lines would leave a page a quarter empty above short
        rows and leave the heading alone above a tall first row."""
        heading = getattr(self, "_last_heading", None)
        if (
            len(self.flowables) < 2
            or self.flowables[-1] is not heading
            or not isinstance(self.flowables[-2], CondPageBreak)
        ):
            return
        first = Table(first_rows, colWidths=col_widths, hAlign="LEFT")
        first.setStyle(TableStyle(commands))
        _w, table_height = first.wrap(TEXT_WIDTH, PAGE_HEIGHT)
        _w, heading_height = heading.wrap(TEXT_WIDTH, PAGE_HEIGHT)
        self.flowables[-2] = CondPageBreak(heading.getSpaceBefore() + heading_height + table_height + 1)

    def key_values(self, pairs: Sequence[tuple[str, str]], *, size: float = 14) -> None:
        """Label–value lines as a borderless two-column table."""
        if not pairs:
            return
        data = [
            [self.para(k, Role.HEI, size, align=TA_LEFT), self.para(v, Role.FANGSONG, size, align=TA_LEFT)]
            for k, v in pairs
        ]
        table = Table(data, colWidths=[TEXT_WIDTH * 0.24, TEXT_WIDTH * 0.76], hAlign="LEFT", splitByRow=1)
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("FONTNAME", (0, 0), (-1, -1), self.fonts.name(Role.FANGSONG)),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ]
            )
        )
        self.flowables.append(table)
        self.flowables.append(Spacer(1, 2 * mm))

    def drawing(self, drawing: Drawing, caption: str | None = None) -> None:
        """A chart; scaled down to the text block's width when wider."""
        # The renderer starts every drawing in Helvetica, which would then be declared, unembedded.
        drawing.initialFontName = self.fonts.name(Role.FANGSONG)
        if drawing.width > TEXT_WIDTH:
            factor = TEXT_WIDTH / drawing.width
            drawing.scale(factor, factor)
            drawing.width, drawing.height = drawing.width * factor, drawing.height * factor
        items: list[Flowable] = [drawing]
        if caption:
            items.append(self.para(caption, Role.FANGSONG, NOTE_SIZE, align=TA_CENTER))
        self.flowables.append(KeepTogether(items))

    def keep_together(self, start: int) -> None:
        """Keep the flowables added since ``len(self.flowables) == start`` on one page when they fit."""
        # A CondPageBreak inside a KeepTogether reports a false height and pushes the group
        # to the next page; the group keeps its heading with it anyway.
        items = [f for f in self.flowables[start:] if not isinstance(f, CondPageBreak)]
        del self.flowables[start:]
        self.flowables.append(KeepTogether(items))

    # --- output ----------------------------------------------------------------------

    def build(self, progress: Callable[[int, int], None] | None = None) -> bytes:
        """The PDF as bytes."""
        buffer = io.BytesIO()
        template = _Template(buffer, self)
        flowables = list(self.flowables) or [Spacer(1, 1)]
        template.build(flowables)
        self.page_count = template.page
        return buffer.getvalue()

    def write(self, path: Path) -> int:
        """Write the PDF to ``path`` (whole or not at all); returns the page count."""
        write_atomically(Path(path), self.build())
        return self.page_count


_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}


class _CellParagraph(Paragraph):
    """Wraps again with ``hanging`` (a right indent of one character) when a line of the
    first wrap runs past the width: only cells that need the room lose it."""

    def __init__(
        self,
        text: Any,
        style: ParagraphStyle,
        *args: Any,
        hanging: ParagraphStyle | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(text, style, *args, **kwargs)
        self._plain_style = style
        self._hanging_style = hanging

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.style = self._plain_style
        size = super().wrap(availWidth, availHeight)
        if (
            self._hanging_style is not None
            and max(self.getActualLineWidths0(), default=0) > availWidth + 0.01
        ):
            self.style = self._hanging_style
            size = super().wrap(availWidth, availHeight)
        return size


def _pad(values: list[Any], n: int) -> list[Any]:
    return values + [""] * (n - len(values))


class _Template(BaseDocTemplate):
    def __init__(self, buffer: io.BytesIO, brief: BriefDocument) -> None:
        super().__init__(
            buffer,
            pagesize=A4,
            leftMargin=LEFT_MARGIN,
            rightMargin=PAGE_WIDTH - LEFT_MARGIN - TEXT_WIDTH,
            topMargin=TOP_MARGIN,
            bottomMargin=BOTTOM_MARGIN,
            title=brief.meta_title,
            subject=brief.subject,
            author="",
            creator="政策工作台",
            keywords=brief.keywords,
            lang="zh-CN",
            displayDocTitle=True,
            pageCompression=1,
            initialFontName=brief.fonts.name(Role.FANGSONG),  # else an unembedded Helvetica is declared
            initialFontSize=BODY_SIZE,
        )
        self.brief = brief
        frame = Frame(
            LEFT_MARGIN,
            BOTTOM_MARGIN,
            TEXT_WIDTH,
            TEXT_HEIGHT,
            id="text",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._decorate)])

    def _decorate(self, canvas: Canvas, _doc: Any) -> None:
        if canvas.getPageNumber() == 1:
            created = self.brief.created
            if created.tzinfo is None:
                created = created.astimezone()
            offset = created.utcoffset() or dt.timedelta(0)
            minutes = int(offset.total_seconds() // 60)
            stamp = (
                created.strftime("D:%Y%m%d%H%M%S")
                + f"{'+' if minutes >= 0 else '-'}{abs(minutes) // 60:02d}'{abs(minutes) % 60:02d}'"
            )
            canvas._doc.setDateFormatter(lambda *_: stamp)  # the brief's own creation time, not the build's
        _draw_page_number(canvas, self.brief.fonts, canvas.getPageNumber())


def _draw_page_number(canvas: Canvas, fonts: BriefFonts, number: int) -> None:
    text = f"— {number} —"
    runs = fonts.runs(Role.SONG, text)
    from reportlab.pdfbase.pdfmetrics import stringWidth

    width = sum(stringWidth(run, font, PAGE_NUMBER_SIZE) for font, run in runs)
    y = BOTTOM_MARGIN - PAGE_NUMBER_GAP - PAGE_NUMBER_SIZE * 0.8
    one_char = PAGE_NUMBER_SIZE
    if number % 2:  # odd pages: right, one character in
        x = LEFT_MARGIN + TEXT_WIDTH - one_char - width
    else:
        x = LEFT_MARGIN + one_char
    canvas.saveState()
    for font, run in runs:
        canvas.setFont(font, PAGE_NUMBER_SIZE)
        canvas.drawString(x, y, run)
        x += stringWidth(run, font, PAGE_NUMBER_SIZE)
    canvas.restoreState()
