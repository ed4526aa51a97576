"""Chinese is drawn as Chinese with nothing but the bundled font."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter

from workbench.ui.fonts import choose_ui_family, register_bundled_fonts


def _render(font: QFont, text: str) -> QImage:
    image = QImage(96, 96, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(QPoint(8, 72), text)
    painter.end()
    return image


def _ink(image: QImage) -> int:
    return sum(
        1
        for y in range(image.height())
        for x in range(image.width())
        if image.pixelColor(x, y).lightness() < 128
    )


def test_cjk_glyphs_are_drawn_not_the_missing_glyph_box(qapp):
    families = register_bundled_fonts()
    assert families, "a CJK font must ship in resources/fonts"
    family = choose_ui_family(families, prefer_system=False)
    font = QFont(family, 48)
    font.setStyleStrategy(QFont.StyleStrategy.NoFontMerging)  # no help from system fonts
    metrics = QFontMetrics(font)
    for ch in "政策工作台湘〔〕“”":
        assert metrics.inFontUcs4(ord(ch)), ch
    zheng, ce = _render(font, "政"), _render(font, "策")
    box = _render(font, "\ue000")  # a private-use code point: the font has no glyph, Qt draws its box
    assert _ink(zheng) > 100 and _ink(ce) > 100
    assert zheng != ce, "two different characters must not look the same (as two boxes would)"
    assert zheng != box and ce != box


def test_the_application_font_prefers_a_system_chinese_font_when_there_is_one(qapp, monkeypatch):
    from workbench.ui import fonts

    bundled = register_bundled_fonts()
    monkeypatch.setattr(
        fonts.QFontDatabase, "families", staticmethod(lambda *a: ["Microsoft YaHei", *bundled])
    )
    assert choose_ui_family(bundled) == "Microsoft YaHei"
    monkeypatch.setattr(fonts.QFontDatabase, "families", staticmethod(lambda *a: ["DejaVu Sans", *bundled]))
    assert choose_ui_family(bundled) in bundled
