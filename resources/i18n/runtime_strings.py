"""Refresh workbench_runtime_<lang>.ts: the UI strings lupdate cannot see or files under the wrong context.

lupdate reads only literal ``tr("…")``/``translate("ctx", "…")`` calls, so it misses
- the core's phrasing table ``REASON_TEXT`` (the UI passes each template through ``translate("eligibility", …)``);
- literals given to a module's ``_t`` helper (``def _t(text): return QCoreApplication.translate("ctx", text)``);
- ``other.tr("…")`` on an object other than ``self``: lupdate names the context after the variable
  ("window", "w", "panel"), while PySide looks the string up under the object's class names.
This script lists those strings with the context Qt asks for at run time, keeps the translations
already in the runtime .ts (or one the same source text has under another context), skips what
workbench_<lang>.ts already holds under the right context, adds new strings as unfinished and drops
vanished ones. Run from the repository root:

    python3 resources/i18n/runtime_strings.py [en]
    pyside6-lrelease resources/i18n/workbench_en.ts resources/i18n/workbench_runtime_en.ts \
        -qm resources/i18n/workbench_en.qm
"""

from __future__ import annotations

import ast
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UI_FILES = sorted((ROOT / "workbench" / "ui").rglob("*.py")) + [ROOT / "workbench" / "app.py"]
# Variable names used for other objects' tr(), and the class PySide looks the string up under.
RECEIVER_CLASSES = {"window": "MainWindow", "w": "MainWindow", "panel": "ChecklistPanel"}


def _literal(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _helper_context(tree: ast.Module) -> str | None:
    """The context of a module-level ``_t`` that calls ``translate("ctx", text)``."""
    for fn in tree.body:
        if isinstance(fn, ast.FunctionDef) and fn.name == "_t":
            for node in ast.walk(fn):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "translate"
                    and node.args
                ):
                    return _literal(node.args[0])
    return None


def runtime_strings() -> list[tuple[str, str, str]]:
    """(context, source, where) for every string lupdate misses, in a stable order."""
    sys.path.insert(0, str(ROOT))
    from workbench.core import words
    from workbench.core.checklist.phrases import REASON_TEXT

    found: list[tuple[str, str, str]] = [
        ("eligibility", text, f"REASON_TEXT[{code!r}]") for code, text in REASON_TEXT.items()
    ]
    # the core's words, which workbench/ui/labels.py translates under "labels"
    for name, table in words.ALL_TABLES.items():
        found.extend(("labels", text, f"words.{name}[{code!r}]") for code, text in table.items())
    found.append(("labels", words.NO_DATA_PAST_DEADLINE_WORDS, "words.NO_DATA_PAST_DEADLINE_WORDS"))
    for path in UI_FILES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        helper = _helper_context(tree)
        where = path.relative_to(ROOT).as_posix()
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args or _literal(node.args[0]) is None:
                continue
            text = _literal(node.args[0])
            assert text is not None
            if helper and isinstance(node.func, ast.Name) and node.func.id == "_t":
                found.append((helper, text, f"{where}:{node.lineno}"))
            elif (
                isinstance(node.func, ast.Attribute)
                and node.func.attr == "tr"
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id != "self"
            ):
                receiver = node.func.value.id
                if receiver in RECEIVER_CLASSES:
                    found.append((RECEIVER_CLASSES[receiver], text, f"{where}:{node.lineno}"))
                else:
                    print(
                        f"warning: {where}:{node.lineno}: {receiver}.tr() — add {receiver!r} to RECEIVER_CLASSES",
                        file=sys.stderr,
                    )
    seen: set[tuple[str, str]] = set()
    unique = []
    for ctx, text, where in found:
        if (ctx, text) not in seen:
            seen.add((ctx, text))
            unique.append((ctx, text, where))
    return unique


def refresh(language: str) -> None:
    path = ROOT / "resources" / "i18n" / f"workbench_runtime_{language}.ts"
    known: dict[tuple[str, str], str] = {}
    if path.exists():
        for context in ET.parse(path).getroot().iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is not None and translation.get("type") is None and translation.text:
                    known[(name, message.findtext("source") or "")] = translation.text
    # a string that moved to another context keeps the translation it had there
    by_source: dict[str, str] = {}
    for ts in (path, ROOT / "resources" / "i18n" / f"workbench_{language}.ts"):
        if ts.exists():
            for message in ET.parse(ts).getroot().iter("message"):
                translation = message.find("translation")
                if translation is not None and translation.text and translation.get("type") != "unfinished":
                    by_source.setdefault(message.findtext("source") or "", translation.text)
    root = ET.Element("TS", version="2.1", language=language, sourcelanguage="zh_CN")
    contexts: dict[str, ET.Element] = {}
    # what lupdate already files under the right context stays in workbench_<lang>.ts alone
    main = ROOT / "resources" / "i18n" / f"workbench_{language}.ts"
    covered = (
        {
            (context.findtext("name") or "", message.findtext("source") or "")
            for context in ET.parse(main).getroot().iter("context")
            for message in context.iter("message")
            if (
                message.find("translation") is None
                or message.find("translation").get("type") not in ("vanished", "obsolete")
            )  # type: ignore[union-attr]
        }
        if main.exists()
        else set()
    )
    wanted = [(c, t, w) for c, t, w in runtime_strings() if (c, t) not in covered]
    unfinished = 0
    for ctx, text, where in wanted:
        if ctx not in contexts:
            contexts[ctx] = ET.SubElement(root, "context")
            ET.SubElement(contexts[ctx], "name").text = ctx
        message = ET.SubElement(contexts[ctx], "message")
        ET.SubElement(message, "source").text = text
        ET.SubElement(message, "extracomment").text = where
        translation = ET.SubElement(message, "translation")
        if (ctx, text) in known or text in by_source:
            translation.text = known.get((ctx, text)) or by_source[text]
        else:
            translation.set("type", "unfinished")
            unfinished += 1
    ET.indent(root, space="    ")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        + ET.tostring(root, encoding="unicode")
        + "\n",
        encoding="utf-8",
    )
    dropped = len(set(known) - {(c, t) for c, t, _ in wanted})
    print(f"{path.name}: {len(wanted)} strings, {unfinished} unfinished, {dropped} dropped")


if __name__ == "__main__":
    refresh(sys.argv[1] if len(sys.argv) > 1 else "en")
