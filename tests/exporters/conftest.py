"""Fixtures for the PDF brief tests."""

from __future__ import annotations

import pytest

from exporters.pdf_fonts import BUNDLED_FONTS_DIR


@pytest.fixture(scope="session")
def bundled_fonts():
    from exporters.pdf_fonts import load_brief_fonts, resolve_fonts

    return load_brief_fonts(resolve_fonts(search_dirs=[], bundled_dir=BUNDLED_FONTS_DIR))
