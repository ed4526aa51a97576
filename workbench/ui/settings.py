"""Every user option declared once, with its type and default (after Picard's config).

Window geometry and splitter state are kept apart from options, under "state/".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar, cast

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")


@dataclass(frozen=True)
class Option(Generic[T]):
    key: str
    default: T
    type: type

    def get(self, settings: QSettings) -> T:
        value = settings.value(self.key, self.default, type=self.type)
        return cast(T, value)  # QSettings converts to ``self.type``; its stubs say object

    def set(self, settings: QSettings, value: T) -> None:
        settings.setValue(self.key, value)


LANGUAGE = Option[str]("options/language", "zh_CN", str)  # zh_CN or en
SEARCH_LIMIT = Option[int]("options/search_limit", 50, int)
LAST_IMPORT_DIR = Option[str]("options/last_import_dir", "", str)
# PDF briefs: a TrueType file per font role (empty: a system or bundled face), and where the last brief went.
PDF_FONT_SONG = Option[str]("options/pdf_font_song", "", str)
PDF_FONT_HEI = Option[str]("options/pdf_font_hei", "", str)
PDF_FONT_KAI = Option[str]("options/pdf_font_kai", "", str)
PDF_FONT_FANGSONG = Option[str]("options/pdf_font_fangsong", "", str)
PDF_FONT_OPTIONS = {
    "song": PDF_FONT_SONG,
    "hei": PDF_FONT_HEI,
    "kai": PDF_FONT_KAI,
    "fangsong": PDF_FONT_FANGSONG,
}
LAST_EXPORT_DIR = Option[str]("options/last_export_dir", "", str)

OPTIONS = (LANGUAGE, SEARCH_LIMIT, LAST_IMPORT_DIR, *PDF_FONT_OPTIONS.values(), LAST_EXPORT_DIR)
LANGUAGES = {"zh_CN": "简体中文", "en": "English"}


def open_settings(path: str | None = None) -> QSettings:
    """An INI file in the data folder when ``path`` is given (tests, --data-dir), else the user's."""
    if path:
        return QSettings(path, QSettings.Format.IniFormat)
    return QSettings("PolicyWorkbench", "PolicyWorkbench")


def save_state(settings: QSettings, name: str, state: QByteArray) -> None:
    settings.setValue(f"state/{name}", state)


def restore_state(settings: QSettings, name: str) -> QByteArray | None:
    value: Any = settings.value(f"state/{name}")
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None
