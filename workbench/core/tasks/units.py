"""One name per department, however the plans spell it.

The table is data (``resources/units/units.json``, extended by every ``*.json`` in the data
folder's ``units/``): regions with their parents, short forms any region of a level writes
(省科技厅 in a plan of 湖南省 is 湖南省科学技术厅; 市发改委 in a plan of 长沙市 is
长沙市发展和改革委员会) and named units with their spellings. A name the table does not
know is qualified by the plan's region where it starts with 省/市/各/相关 (市物流口岸办 →
长沙市物流口岸办), so the same words in two cities' plans never merge into one department,
and is marked as not in the table so that a person can add it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.core.paths import RESOURCES_DIR

BUNDLED_UNITS = RESOURCES_DIR / "units" / "units.json"
USER_UNITS_DIR = "units"  # in the data folder
LEVELS = ("nation", "province", "city")
_SPACES = re.compile(r"[\s\u3000]+")


class UnitTableError(ValueError):
    """A unit table that cannot be used: ``code`` is unreadable | not_json | bad_entry."""

    def __init__(self, code: str, path: Path, detail: str = "") -> None:
        super().__init__(f"{code}: {path} {detail}".strip())
        self.code, self.path, self.detail = code, path, detail


@dataclass(frozen=True, slots=True)
class Unit:
    name: str  # the one name of the department (the table's, or the qualified spelling)
    written: str  # as the plan writes it
    known: bool  # the table knows it (False: qualified by rule, or as written)


@dataclass(slots=True)
class UnitTable:
    regions: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # name -> (level, parent)
    forms: dict[tuple[str, str], str] = field(default_factory=dict)  # (level, written) -> template
    units: dict[str, list[tuple[str, str | None]]] = field(
        default_factory=dict
    )  # written -> [(name, within)]
    sources: list[Path] = field(default_factory=list)
    _cache: dict[tuple[str, str | None], Unit] = field(default_factory=dict)

    # --- loading -------------------------------------------------------------------

    @classmethod
    def load(cls, paths: Iterable[Path]) -> UnitTable:
        table = cls()
        for path in paths:
            table.add_file(path)
        return table

    @classmethod
    def for_data_dir(cls, data_dir: Path | None) -> UnitTable:
        """The bundled table, then the person's own files (sorted by name; later ones win)."""
        paths = [BUNDLED_UNITS]
        if data_dir is not None and (data_dir / USER_UNITS_DIR).is_dir():
            paths += sorted((data_dir / USER_UNITS_DIR).glob("*.json"))
        return cls.load(paths)

    def add_file(self, path: Path) -> None:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise UnitTableError("unreadable", path, str(exc)) from None
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise UnitTableError("not_json", path, f"line {exc.lineno}") from None
        self.add(data, path)

    def add(self, data: Any, path: Path) -> None:
        """Add one table's entries (checked first: a bad entry adds nothing of the file)."""
        if not isinstance(data, dict):
            raise UnitTableError("bad_entry", path, "not an object")
        regions: dict[str, tuple[str, str | None]] = {}
        for n, r in enumerate(_list(data, "regions", path)):
            name, level = _text(r, "name", path, f"regions[{n}]"), _text(r, "level", path, f"regions[{n}]")
            if level not in LEVELS:
                raise UnitTableError("bad_entry", path, f"regions[{n}].level: {level}")
            parent = r.get("parent")
            if parent is not None and not isinstance(parent, str):
                raise UnitTableError("bad_entry", path, f"regions[{n}].parent")
            regions[name] = (level, parent)
        forms: dict[tuple[str, str], str] = {}
        for n, f in enumerate(_list(data, "forms", path)):
            where = f"forms[{n}]"
            level, template = _text(f, "level", path, where), _text(f, "name", path, where)
            if level not in LEVELS:
                raise UnitTableError("bad_entry", path, f"{where}.level: {level}")
            if template.replace("{region}", "").count("{") or template.count("}") != template.count("{"):
                raise UnitTableError("bad_entry", path, f"{where}.name: {template}")
            for w in _spellings(f, path, where):
                forms[(level, w)] = template
        units: dict[str, list[tuple[str, str | None]]] = {}
        for n, u in enumerate(_list(data, "units", path)):
            where = f"units[{n}]"
            name = clean_unit_name(_text(u, "name", path, where))
            within = u.get("within")
            if within is not None and not isinstance(within, str):
                raise UnitTableError("bad_entry", path, f"{where}.within")
            for w in {name, *_spellings(u, path, where)}:
                units.setdefault(w, []).insert(0, (name, within))
        self.regions.update(regions)
        self.forms.update(forms)
        for w, entries in units.items():
            self.units[w] = entries + self.units.get(w, [])  # a later file's entry is tried first
        self.sources.append(path)
        self._cache.clear()

    # --- resolving -------------------------------------------------------------------

    def chain(self, region: str | None) -> list[tuple[str, str]]:
        """The region and its parents as (name, level), nearest first."""
        out: list[tuple[str, str]] = []
        seen: set[str] = set()
        while region and region not in seen:
            seen.add(region)
            known = self.regions.get(region)
            if known is None:
                level = _guess_level(region)
                if level:
                    out.append((region, level))
                break
            out.append((region, known[0]))
            region = known[1]
        return out

    def resolve(self, written: str, region: str | None) -> Unit:
        """The department ``written`` names in a plan of ``region``."""
        key = (written, region)
        found = self._cache.get(key)
        if found is None:
            found = self._resolve(written, region)
            self._cache[key] = found
        return found

    def _resolve(self, written: str, region: str | None) -> Unit:
        w = clean_unit_name(written)
        chain = self.chain(region)
        named = self._named(w, chain)
        if named:
            return Unit(named, written, True)
        for name, level in chain:
            template = self.forms.get((level, w))
            if template is not None:
                full = template.replace("{region}", name)
                return Unit(self._named(full, chain) or full, written, True)
        return Unit(_qualified(w, chain, region), written, False)

    def _named(self, w: str, chain: Sequence[tuple[str, str]]) -> str | None:
        names = {n for n, _ in chain}
        for name, within in self.units.get(w, ()):
            if within is None or within in names:
                return name
        return None


def clean_unit_name(written: str) -> str:
    """Spaces out, half-width brackets full-width, a trailing 等 dropped."""
    w = _SPACES.sub("", written).replace("(", "（").replace(")", "）")
    return w[:-1] if w.endswith("等") and len(w) > 2 else w


def _qualified(w: str, chain: Sequence[tuple[str, str]], region: str | None) -> str:
    by_level = {level: name for name, level in reversed(chain)}  # nearest wins
    if w.startswith("省") and "province" in by_level:
        return by_level["province"] + w[1:]
    if w.startswith("市") and not w.startswith("市场") and "city" in by_level:
        return by_level["city"] + w[1:]
    if w.startswith(("各", "相关")) and region:
        return region + w
    return w


def _guess_level(region: str) -> str | None:
    if region in ("全国", "中国", "国家"):
        return "nation"
    if region.endswith(("省", "自治区")) or region in ("北京市", "上海市", "天津市", "重庆市"):
        return "province"
    if region.endswith(("市", "州", "盟", "地区")):
        return "city"
    return None


def _list(data: dict[str, Any], key: str, path: Path) -> list[dict[str, Any]]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise UnitTableError("bad_entry", path, f"{key}: a list of objects")
    return value


def _text(entry: dict[str, Any], key: str, path: Path, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise UnitTableError("bad_entry", path, f"{where}.{key}")
    return value.strip()


def _spellings(entry: dict[str, Any], path: Path, where: str) -> list[str]:
    value = entry.get("written", [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise UnitTableError("bad_entry", path, f"{where}.written")
    return [clean_unit_name(v) for v in value]
