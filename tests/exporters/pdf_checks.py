"""Helpers that read generated PDFs the way a person's viewer would: text with pypdf,
pages drawn with QtPdf."""

from __future__ import annotations

import re
from pathlib import Path

import pypdf


def pdf_text(data: bytes | Path) -> str:
    """All the text of the PDF with line breaks and spaces removed (wrapping may split
    words) and the page numbers dropped (a clause may run on across a page)."""
    reader = pypdf.PdfReader(data if isinstance(data, Path) else _stream(data))
    text = re.sub(r"\s+", "", "".join(page.extract_text() or "" for page in reader.pages))
    return re.sub(r"—\d+—", "", text)


def page_texts(data: bytes) -> list[str]:
    reader = pypdf.PdfReader(_stream(data))
    return [re.sub(r"\s+", "", page.extract_text() or "") for page in reader.pages]


def fonts_of(data: bytes) -> dict[str, dict[str, object]]:
    """BaseFont name → facts of every font the pages use (embedded file, subset prefix)."""
    reader = pypdf.PdfReader(_stream(data))
    found: dict[str, dict[str, object]] = {}
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            name = str(font["/BaseFont"]).lstrip("/")
            descriptor = font.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            found[name] = {
                "subtype": str(font["/Subtype"]),
                "embedded": any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")),
                "subset": bool(re.match(r"^[A-Z]{6}\+", name)),
                "to_unicode": "/ToUnicode" in font,
            }
    return found


def rendered_ink(data: bytes, page: int = 0) -> float:
    """The share of a page's pixels that are not white when QtPdf draws it (offscreen)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
    from PySide6.QtPdf import QPdfDocument

    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    assert document.status() == QPdfDocument.Status.Ready, document.error()
    image = on_white(document.render(page, QSize(298, 421)))
    dark = total = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            total += 1
            if image.pixelColor(x, y).lightness() < 200:
                dark += 1
    document.close()
    return dark / total


def on_white(image):  # type: ignore[no-untyped-def]
    """QtPdf draws on a transparent page (black where nothing is drawn): put it on paper."""
    from PySide6.QtGui import QColor, QImage, QPainter

    paper = QImage(image.size(), QImage.Format.Format_RGB32)
    paper.fill(QColor("white"))
    painter = QPainter(paper)
    painter.drawImage(0, 0, image)
    painter.end()
    return paper


def _stream(data: bytes):  # type: ignore[no-untyped-def]
    import io

    return io.BytesIO(data)


HOSTILE = ("A&B公司", "<b>", "<unclosed", "</para>", "&amp;", '"引号"')
