"""Chinese fonts: the system's own when it has one, else the bundled TrueType font.

Qt offscreen on a machine without Chinese fonts draws boxes; registering the
bundled font at start-up and putting it in the fallback chain avoids that.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

FONTS_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"
SAMPLE = "政策工作台湘政办发"
# Families that ship with Chinese Windows, macOS and Linux desktops.
SYSTEM_CJK = (
    "Microsoft YaHei",
    "SimSun",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
)


# Only the Hei face: the Song and Kai faces bundled for the PDF briefs are ~40 MB that
# the interface never draws with, and registering them would slow every start-up.
UI_FONT_FILES = "wqy-*.tt[fc]"


def register_bundled_fonts(fonts_dir: Path = FONTS_DIR, pattern: str = UI_FONT_FILES) -> list[str]:
    """Register the bundled interface font files; return the families they provide."""
    families: list[str] = []
    for path in sorted(fonts_dir.glob(pattern)):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("could not load bundled font %s", path.name)
            continue
        families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return families


def choose_ui_family(bundled: list[str], prefer_system: bool = True) -> str | None:
    """A family that covers Chinese: a system one if present, else a bundled one."""
    available = set(QFontDatabase.families())
    if prefer_system:
        for family in SYSTEM_CJK:
            if family in available and family not in bundled:
                return family
    for family in bundled:
        if QFontDatabase.writingSystems(family).count(QFontDatabase.WritingSystem.SimplifiedChinese):
            return family
    return bundled[0] if bundled else None


def install_fonts(app: QApplication, prefer_system: bool = True) -> str | None:
    bundled = register_bundled_fonts()
    family = choose_ui_family(bundled, prefer_system)
    if family:
        font = QFont(app.font())
        font.setFamilies([family, *[f for f in bundled if f != family]])
        app.setFont(font)
    return family
