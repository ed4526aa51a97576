"""Fonts for the PDF briefs: four roles (宋/小标宋, 黑体, 楷体, 仿宋), each resolved to a
TrueType face, with a report of which face stands in for which role.

Order of choice per role: the file the user chose in the settings, then a preferred
licensed face found in the usual system font folders (仿宋_GB2312, 方正小标宋 and the
like, which cannot be shipped), then the bundled open-licensed face. ReportLab embeds
TrueType outlines only, so CFF/OpenType faces are refused with a reason.
"""

from __future__ import annotations

import hashlib
import os
import sys
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

BUNDLED_FONTS_DIR = Path(__file__).resolve().parents[1] / "resources" / "fonts"
CJK_PROBE = "中文政策"  # a face without these glyphs cannot set a Chinese brief


class Role(StrEnum):
    SONG = "song"  # title: 小标宋 / 宋体
    HEI = "hei"  # 一、 headings: 黑体
    KAI = "kai"  # （一） headings: 楷体
    FANGSONG = "fangsong"  # body text: 仿宋_GB2312


class Source(StrEnum):
    USER = "user"  # the file chosen in the settings
    SYSTEM = "system"  # a preferred face found in a system font folder
    BUNDLED = "bundled"  # shipped in resources/fonts


class Problem(StrEnum):
    """Why a chosen font file was not used (the UI and CLI word these)."""

    NOT_FOUND = "not_found"
    NOT_TRUETYPE = "not_truetype"  # CFF/PostScript outlines, or not a font at all
    NO_CJK = "no_cjk"  # has no Chinese glyphs
    UNREADABLE = "unreadable"


@dataclass(frozen=True, slots=True)
class Face:
    """One TrueType face in a file (``index`` selects the face of a .ttc)."""

    path: Path
    index: int
    family: str  # as the font's name table gives it
    preferred: str | None = None  # which preferred face this is (e.g. "仿宋_GB2312"), if any


@dataclass(frozen=True, slots=True)
class RoleResolution:
    role: Role
    face: Face
    source: Source
    wanted: tuple[str, ...]  # the preferred faces for this role, best first
    stand_in: bool  # True when none of the preferred faces was found
    rejected: tuple[tuple[str, Problem], ...] = ()  # user files refused, with the reason


@dataclass(slots=True)
class FontResolution:
    roles: dict[Role, RoleResolution]

    def face(self, role: Role) -> Face:
        return self.roles[role].face

    def report(self) -> list[RoleResolution]:
        """One line per role, in a fixed order, for the settings dialog and the CLI."""
        return [self.roles[r] for r in Role]


# Preferred faces per role: the name shown to the person, and file names they go by on
# Chinese Windows, macOS and common Linux installs (compared case-insensitively).
PREFERRED: dict[Role, tuple[tuple[str, tuple[str, ...]], ...]] = {
    Role.SONG: (
        (
            "方正小标宋",
            ("fzxbsjw.ttf", "方正小标宋简体.ttf", "方正小标宋_gbk.ttf", "fzxbsk.ttf", "方正小标宋.ttf"),
        ),
        ("华文中宋", ("stzhongs.ttf", "华文中宋.ttf")),
        ("宋体", ("simsun.ttc", "simsun.ttf", "宋体.ttf", "songti.ttc")),
    ),
    Role.HEI: (
        ("黑体", ("simhei.ttf", "黑体.ttf", "方正黑体简体.ttf", "fzhtjw.ttf")),
        ("华文黑体", ("stheiti.ttf", "华文黑体.ttf")),
    ),
    Role.KAI: (
        ("楷体_GB2312", ("楷体_gb2312.ttf", "kai_gb2312.ttf", "simkai_gb2312.ttf", "kaiti_gb2312.ttf")),
        ("楷体", ("simkai.ttf", "楷体.ttf", "方正楷体简体.ttf", "fzktjw.ttf")),
        ("华文楷体", ("stkaiti.ttf", "华文楷体.ttf")),
    ),
    Role.FANGSONG: (
        ("仿宋_GB2312", ("仿宋_gb2312.ttf", "fs_gb2312.ttf", "fangsong_gb2312.ttf", "simfang_gb2312.ttf")),
        ("仿宋", ("simfang.ttf", "仿宋.ttf", "方正仿宋简体.ttf", "fzfsjw.ttf")),
        ("华文仿宋", ("stfangso.ttf", "华文仿宋.ttf")),
    ),
}

# The bundled stand-ins: (file, face index). 仿宋 has no open-licensed TrueType face,
# so the body falls back to the Song face (the closest in texture).
BUNDLED: dict[Role, tuple[str, int]] = {
    Role.SONG: ("uming.ttc", 0),  # AR PL UMing CN
    Role.HEI: ("wqy-microhei.ttc", 0),  # WenQuanYi Micro Hei
    Role.KAI: ("ukai.ttc", 0),  # AR PL UKai CN
    Role.FANGSONG: ("uming.ttc", 0),
}


def system_font_dirs() -> list[Path]:
    """The usual font folders of this operating system (existing ones only)."""
    home = Path.home()
    if sys.platform.startswith("win"):
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local"))
        dirs = [windir / "Fonts", local / "Microsoft" / "Windows" / "Fonts"]
    elif sys.platform == "darwin":
        dirs = [home / "Library" / "Fonts", Path("/Library/Fonts"), Path("/System/Library/Fonts")]
    else:
        dirs = [
            home / ".fonts",
            home / ".local" / "share" / "fonts",
            Path("/usr/local/share/fonts"),
            Path("/usr/share/fonts"),
        ]
    return [d for d in dirs if d.is_dir()]


def find_system_faces(dirs: Iterable[Path]) -> dict[Role, Face]:
    """The best preferred face per role found in ``dirs`` (by file name: opening every
    system font would take seconds); faces that are not TrueType are skipped."""
    by_name: dict[str, Path] = {}
    for base in dirs:
        for root, _subdirs, files in os.walk(base):
            for name in files:
                by_name.setdefault(name.casefold(), Path(root) / name)
    found: dict[Role, Face] = {}
    for role, choices in PREFERRED.items():
        for label, names in choices:
            face = next((f for f in (_try_face(by_name[n]) for n in names if n in by_name) if f), None)
            if face is not None:
                found[role] = Face(face.path, face.index, face.family, preferred=label)
                break
    return found


def check_font_file(path: Path, index: int = 0) -> Face | Problem:
    """The face in ``path`` if a brief can use it, else why not."""
    if not path.is_file():
        return Problem.NOT_FOUND
    try:
        font = _load(path, index)
    except TTFError:
        return Problem.NOT_TRUETYPE
    except OSError:
        return Problem.UNREADABLE
    if any(ord(ch) not in font.face.charToGlyph for ch in CJK_PROBE):
        return Problem.NO_CJK
    return Face(path, index, _family(font))


def resolve_fonts(
    user_files: Mapping[Role, Path | str | None] | None = None,
    search_dirs: Sequence[Path] | None = None,
    bundled_dir: Path = BUNDLED_FONTS_DIR,
) -> FontResolution:
    """Which face each role uses. ``search_dirs`` defaults to the system font folders;
    pass ``[]`` to use only the user's and the bundled files."""
    user_files = user_files or {}
    system = find_system_faces(system_font_dirs() if search_dirs is None else search_dirs)
    roles: dict[Role, RoleResolution] = {}
    for role in Role:
        wanted = tuple(label for label, _ in PREFERRED[role])
        rejected: list[tuple[str, Problem]] = []
        chosen = user_files.get(role)
        if chosen:
            checked = check_font_file(Path(chosen))
            if isinstance(checked, Face):
                roles[role] = RoleResolution(role, checked, Source.USER, wanted, stand_in=False)
                continue
            rejected.append((Path(chosen).name, checked))
        if role in system:
            roles[role] = RoleResolution(
                role, system[role], Source.SYSTEM, wanted, stand_in=False, rejected=tuple(rejected)
            )
            continue
        file, index = BUNDLED[role]
        path = bundled_dir / file
        font = _load(path, index)  # a broken bundle is a bug, not a user error
        face = Face(path, index, _family(font))
        roles[role] = RoleResolution(
            role, face, Source.BUNDLED, wanted, stand_in=True, rejected=tuple(rejected)
        )
    return FontResolution(roles)


@dataclass(slots=True)
class BriefFonts:
    """The registered ReportLab font name per role, and the chain of faces that covers
    characters a face lacks (its role's bundled face, then the bundled Hei)."""

    names: dict[Role, str]
    chains: dict[Role, list[tuple[str, dict[int, int]]]] = field(default_factory=dict)
    resolution: FontResolution | None = None

    def name(self, role: Role) -> str:
        return self.names[role]

    def runs(self, role: Role, text: str) -> list[tuple[str, str]]:
        """``text`` cut into (font name, text) runs so that every character is set in a
        face that has it; characters no face has stay in the role's own face."""
        chain = self.chains[role]
        runs: list[tuple[str, str]] = []
        for ch in text:
            code = ord(ch)
            font = chain[0][0]
            if code > 0x7F and code not in chain[0][1]:
                font = next((name for name, cmap in chain[1:] if code in cmap), font)
            if runs and runs[-1][0] == font:
                runs[-1] = (font, runs[-1][1] + ch)
            else:
                runs.append((font, ch))
        return runs


_lock = threading.Lock()
_loaded: dict[tuple[str, int, float], TTFont] = {}


def _load(path: Path, index: int) -> TTFont:
    """Parse and register a face once per file version (parsing costs ~50 ms). The
    registered name is a digest: the file's path must not appear in any PDF."""
    resolved = path.resolve()
    key = (str(resolved), index, resolved.stat().st_mtime)
    with _lock:
        font = _loaded.get(key)
        if font is None:
            digest = hashlib.sha1(f"{key}".encode()).hexdigest()[:10]
            font = TTFont(f"wb{digest}", str(resolved), subfontIndex=index)
            pdfmetrics.registerFont(font)
            _loaded[key] = font
        return font


def _family(font: TTFont) -> str:
    raw = getattr(font.face, "familyName", b"") or font.face.name
    return raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)


def _try_face(path: Path) -> Face | None:
    checked = check_font_file(path)
    return checked if isinstance(checked, Face) else None


def load_brief_fonts(resolution: FontResolution | None = None) -> BriefFonts:
    """Register the resolved faces with ReportLab (default: bundled and system faces)."""
    resolution = resolution or resolve_fonts()
    names: dict[Role, str] = {}
    chains: dict[Role, list[tuple[str, dict[int, int]]]] = {}
    hei_file, hei_index = BUNDLED[Role.HEI]
    for role in Role:
        face = resolution.face(role)
        chain_faces = [(face.path, face.index)]
        bundled_file, bundled_index = BUNDLED[role]
        for extra in (
            (BUNDLED_FONTS_DIR / bundled_file, bundled_index),
            (BUNDLED_FONTS_DIR / hei_file, hei_index),
        ):
            if extra not in chain_faces and extra[0].is_file():
                chain_faces.append(extra)
        fonts = [_load(p, i) for p, i in chain_faces]
        names[role] = fonts[0].fontName
        chains[role] = [(f.fontName, f.face.charToGlyph) for f in fonts]
    return BriefFonts(names, chains, resolution)


_default: BriefFonts | None = None


def default_brief_fonts() -> BriefFonts:
    """The fonts a brief uses when the caller chose none (resolved once per process)."""
    global _default
    if _default is None:
        _default = load_brief_fonts()
    return _default
