"""An application: the organisation's profile, its answers and its claims, and its versioned JSON file.

A file that cannot be used raises :class:`ApplicationFileError` naming the field
and what is wrong with it; nothing is half-read.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.core.checklist.phrases import describe, json_error_text
from workbench.core.checklist.rules import ConditionKind, RuleSet, rules_by_id
from workbench.core.values import parse_amount

APPLICATION_FORMAT = "workbench.application"
APPLICATION_VERSION = 1

# ---------------------------------------------------------------------- applications

Answer = bool | None  # None: not known yet


@dataclass(frozen=True, slots=True)
class OtherClaim:
    """The same project claimed (or awarded) under another policy."""

    policy: str
    amount: int  # 元


@dataclass(frozen=True, slots=True)
class Claim:
    """One project or product claimed under one award item."""

    id: str
    item: str  # award item id
    title: str = ""
    project: str | None = None  # the project/product name: the same product under two items is one project
    certificate: str | None = None  # the product's registration certificate (批件/注册证) number
    event_date: dt.date | None = None  # the qualifying event (approval, recognition, investment)
    requested_amount: int | None = None  # 元; the counted amount is at most this
    base_amount: int | None = None  # 元; the base of a share (e.g. the actual investment)
    included: bool = True  # what-if: an excluded claim is shown but counts nothing
    answers: Mapping[str, Answer] = field(default_factory=dict)
    other_claims: tuple[OtherClaim, ...] = ()


@dataclass(frozen=True, slots=True)
class Application:
    """What the applicant states. ``profile`` keys are free (province, city, entity_type,
    activities, name, credit_code, …); rules refer to them as ``profile.<key>``."""

    rules_id: str
    name: str = ""
    as_of: dt.date | None = None
    profile: Mapping[str, Any] = field(default_factory=dict)
    answers: Mapping[str, Answer] = field(default_factory=dict)  # answers to the scope conditions
    claims: tuple[Claim, ...] = ()
    notes: Mapping[str, str] = field(default_factory=dict)  # evidence notes by evidence key

    def claim(self, claim_id: str) -> Claim | None:
        return next((c for c in self.claims if c.id == claim_id), None)


class ApplicationFileError(ValueError):
    """An application file or payload that is refused. ``field`` is a path such as
    ``claims[1].event_date``; ``code`` one of: not_json, not_object, wrong_format,
    wrong_version, missing_field, wrong_type, negative_amount, bad_date, unknown_rules,
    unknown_item, unknown_answer, duplicate_id, not_text; ``value`` the offending value;
    ``expected`` (wrong_type) the type wanted, in words."""

    def __init__(self, field: str, code: str, value: Any = None, expected: str = "") -> None:
        self.field, self.code, self.value, self.expected = field, code, value, expected
        super().__init__(describe(f"file.{code}", {"field": field, "value": value, "expected": expected}))


# What a field should hold, in the words of the wrong_type message.
EXPECTED = {
    str: "文字（字符串）",
    dict: "对象 {…}",
    list: "列表 […]",
    bool: "true 或 false",
    "answer": "true、false 或 null（未知）",
    "amount": "以元为单位的整数，如 5000000；也可写作文字“500万元”",
}


def decode_application_bytes(raw: bytes) -> str:
    """UTF-8 (with or without BOM), else GB18030 (a superset of GBK, as Windows tools in China
    save); neither → ``not_text`` naming the first undecodable byte."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        start = utf8_error.start
        raise ApplicationFileError(
            "(file)", "not_text", f"第 {start + 1} 字节（0x{raw[start]:02X}）起既不是 UTF-8 也不是 GBK 编码"
        ) from None


def parse_application_text(
    text: str | bytes, rules_lookup: Callable[[str], RuleSet | None] = rules_by_id
) -> Application:
    """Parse a JSON application file's contents strictly; ``ApplicationFileError`` names the field."""
    if len(text) > MAX_FILE_BYTES:
        raise ApplicationFileError("(file)", "too_large", f"{len(text)} > {MAX_FILE_BYTES}")
    if isinstance(text, bytes):
        text = decode_application_bytes(text)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ApplicationFileError("(file)", "not_json", json_error_text(exc)) from None
    except RecursionError:
        raise ApplicationFileError("(file)", "too_deep", MAX_DEPTH) from None
    return parse_application(data, rules_lookup)


# Limits for a file that may come from anyone: far above any real application.
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 32  # nesting of objects and lists
MAX_TEXT_CHARS = 20_000  # any one string (a note, a profile value)
MAX_NAME_CHARS = 500  # names, titles, ids, keys
_NAME_FIELDS = frozenset({"name", "title", "id", "item", "project", "policy", "rules", "format"})


def check_hostile_input(data: Any) -> None:
    """Refuse what no application holds: nesting deeper than ``MAX_DEPTH``, a lone
    surrogate (``\\ud800``: not text, cannot be stored as UTF-8), or a string longer than
    its limit; the error names the field. Iterative: a deep file cannot exhaust the stack."""
    stack: list[tuple[Any, str, int, str]] = [(data, "(top)", 0, "")]
    while stack:
        value, where, depth, key = stack.pop()
        if depth > MAX_DEPTH:
            raise ApplicationFileError(where, "too_deep", MAX_DEPTH)
        if isinstance(value, str):
            _check_text(value, where, MAX_NAME_CHARS if key in _NAME_FIELDS else MAX_TEXT_CHARS)
        elif isinstance(value, dict):
            for k, v in value.items():
                _check_text(str(k), f"{where}.{k!s:.40}", MAX_NAME_CHARS)
                child = str(k) if where == "(top)" else f"{where}.{k}"
                stack.append((v, child, depth + 1, str(k)))
        elif isinstance(value, list):
            stack.extend((v, f"{where}[{i}]", depth + 1, key) for i, v in enumerate(value))


def _check_text(text: str, where: str, limit: int) -> None:
    if len(text) > limit:
        raise ApplicationFileError(where, "too_long", f"{len(text)} > {limit}")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ApplicationFileError(where, "bad_char", f"U+{ord(text[exc.start]):04X}") from None


def load_application_file(
    path: Path, rules_lookup: Callable[[str], RuleSet | None] = rules_by_id
) -> Application:
    try:
        size = Path(path).stat().st_size
        if size > MAX_FILE_BYTES:
            raise ApplicationFileError("(file)", "too_large", f"{size} > {MAX_FILE_BYTES}")
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise ApplicationFileError("(file)", "unreadable", str(exc)) from None
    return parse_application_text(raw, rules_lookup)


def parse_application(data: Any, rules_lookup: Callable[[str], RuleSet | None] = rules_by_id) -> Application:
    """Validate a decoded application (the JSON file format, version 1) against its rules."""
    if not isinstance(data, dict):
        raise ApplicationFileError("(top)", "not_object")
    check_hostile_input(data)
    if data.get("format") != APPLICATION_FORMAT:
        raise ApplicationFileError(
            "format", "wrong_format" if "format" in data else "missing_field", data.get("format")
        )
    if "version" not in data:
        raise ApplicationFileError("version", "missing_field")
    if data["version"] != APPLICATION_VERSION:
        raise ApplicationFileError("version", "wrong_version", data["version"])
    rules_id = _req(data, "rules", str, "")
    rules = rules_lookup(rules_id)
    if rules is None:
        raise ApplicationFileError("rules", "unknown_rules", rules_id)
    profile = _req(data, "profile", dict, "")
    answers = _answers(
        data.get("answers", {}), "answers", {c.id for c in rules.scope if c.kind is ConditionKind.ANSWER}
    )
    raw_claims = _req(data, "claims", list, "")
    claims: list[Claim] = []
    seen: set[str] = set()
    for i, raw in enumerate(raw_claims):
        where = f"claims[{i}]"
        if not isinstance(raw, dict):
            raise ApplicationFileError(where, "wrong_type", raw, EXPECTED[dict])
        claim_id = _req(raw, "id", str, where)
        if claim_id in seen:
            raise ApplicationFileError(f"{where}.id", "duplicate_id", claim_id)
        seen.add(claim_id)
        item_id = _req(raw, "item", str, where)
        item = rules.item(item_id)
        if item is None:
            raise ApplicationFileError(f"{where}.item", "unknown_item", item_id)
        others = []
        for j, other in enumerate(_opt(raw, "other_claims", list, where) or []):
            ow = f"{where}.other_claims[{j}]"
            if not isinstance(other, dict):
                raise ApplicationFileError(ow, "wrong_type", other, EXPECTED[dict])
            amount = _amount(other, "amount", ow, required=True)
            assert amount is not None
            others.append(OtherClaim(_req(other, "policy", str, ow), amount))
        included = _opt(raw, "included", bool, where)
        claims.append(
            Claim(
                id=claim_id,
                item=item_id,
                title=_opt(raw, "title", str, where) or "",
                project=_opt(raw, "project", str, where) or None,
                certificate=_opt(raw, "certificate", str, where) or None,
                event_date=_date(raw, "event_date", where),
                requested_amount=_amount(raw, "requested_amount", where),
                base_amount=_amount(raw, "base_amount", where),
                included=True if included is None else included,
                answers=_answers(raw.get("answers", {}), f"{where}.answers", item.answer_keys),
                other_claims=tuple(others),
            )
        )
    notes = _opt(data, "evidence", dict, "") or {}
    note_map: dict[str, str] = {}
    for key, value in notes.items():
        if not isinstance(value, dict) or not isinstance(value.get("note", ""), str):
            raise ApplicationFileError(
                f"evidence.{key}", "wrong_type", value, '对象 {"note": 文字, "files": […]}'
            )
        if value.get("note"):
            note_map[key] = value["note"]
    return Application(
        rules_id=rules_id,
        name=_opt(data, "name", str, "") or "",
        as_of=_date(data, "as_of", ""),
        profile=dict(profile),
        answers=answers,
        claims=tuple(claims),
        notes=note_map,
    )


def application_to_json(
    app: Application, evidence_files: Mapping[str, list[dict[str, Any]]] | None = None
) -> dict[str, Any]:
    """The application file (format version 1); ``evidence_files`` adds file records by key."""
    keys = sorted(set(app.notes) | set(evidence_files or {}))
    evidence: dict[str, Any] = {}
    for key in keys:
        entry: dict[str, Any] = {"note": app.notes.get(key, "")}
        if evidence_files and evidence_files.get(key):
            entry["files"] = evidence_files[key]
        evidence[key] = entry
    return {
        "format": APPLICATION_FORMAT,
        "version": APPLICATION_VERSION,
        "rules": app.rules_id,
        "name": app.name,
        "as_of": app.as_of.isoformat() if app.as_of else None,
        "profile": dict(app.profile),
        "answers": dict(app.answers),
        "claims": [
            {
                "id": c.id,
                "item": c.item,
                "title": c.title,
                "project": c.project,
                **({"certificate": c.certificate} if c.certificate else {}),
                "event_date": c.event_date.isoformat() if c.event_date else None,
                "requested_amount": c.requested_amount,
                "base_amount": c.base_amount,
                "included": c.included,
                "answers": dict(c.answers),
                "other_claims": [{"policy": o.policy, "amount": o.amount} for o in c.other_claims],
            }
            for c in app.claims
        ],
        "evidence": evidence,
    }


def _req(data: Mapping[str, Any], key: str, typ: type, parent: str) -> Any:
    where = f"{parent}.{key}" if parent else key
    if key not in data or data[key] is None:
        raise ApplicationFileError(where, "missing_field")
    if not isinstance(data[key], typ) or typ is not bool and isinstance(data[key], bool):
        raise ApplicationFileError(where, "wrong_type", data[key], EXPECTED.get(typ, typ.__name__))
    if typ is str and not data[key].strip():
        raise ApplicationFileError(where, "missing_field")
    return data[key]


def _opt(data: Mapping[str, Any], key: str, typ: type, parent: str) -> Any:
    if data.get(key) is None:
        return None
    return _req(data, key, typ, parent)


def _date(data: Mapping[str, Any], key: str, parent: str) -> dt.date | None:
    where = f"{parent}.{key}" if parent else key
    value = data.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ApplicationFileError(where, "bad_date", value)
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ApplicationFileError(where, "bad_date", value) from None


def _amount(data: Mapping[str, Any], key: str, parent: str, *, required: bool = False) -> int | None:
    where = f"{parent}.{key}" if parent else key
    value = data.get(key)
    if value is None:
        if required:
            raise ApplicationFileError(where, "missing_field")
        return None
    if isinstance(value, str):
        # 500万元, 5,000,000 元: read as people write amounts; anything else is refused with the hint
        try:
            parsed = parse_amount(value)
        except ValueError:
            code = "negative_amount" if value.strip().startswith(("-", "－")) else "wrong_type"
            raise ApplicationFileError(where, code, value, EXPECTED["amount"]) from None
        if parsed is None and required:
            raise ApplicationFileError(where, "missing_field")
        return parsed
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool):
        raise ApplicationFileError(where, "wrong_type", value, EXPECTED["amount"])
    if value < 0:
        raise ApplicationFileError(where, "negative_amount", value)
    return value


def _answers(raw: Any, where: str, allowed: set[str]) -> dict[str, Answer]:
    if not isinstance(raw, dict):
        raise ApplicationFileError(where, "wrong_type", raw, EXPECTED[dict])
    out: dict[str, Answer] = {}
    for key, value in raw.items():
        if key not in allowed:
            raise ApplicationFileError(f"{where}.{key}", "unknown_answer", key)
        if value is not None and not isinstance(value, bool):
            raise ApplicationFileError(f"{where}.{key}", "wrong_type", value, EXPECTED["answer"])
        out[key] = value
    return out
