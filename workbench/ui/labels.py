"""The window's words for the core's codes: the core's one table of words (``workbench.core.words``)
passed through Qt's translator, context ``"labels"``.

lupdate cannot see these strings (they are not literals here); ``resources/i18n/runtime_strings.py``
lists every table of ``workbench.core.words`` for translation.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from workbench.core import words


def translated(table: dict[str, str], code: str | StrEnum) -> str:
    return QCoreApplication.translate("labels", words.word(table, str(code)))


def status_label(status: StrEnum) -> str:
    return translated(words.VALIDITY_WORDS, status)


def level_label(level: StrEnum) -> str:
    return translated(words.LEVEL_WORDS, level)


def problem_label(problem: StrEnum) -> str:
    return translated(words.IMPORT_PROBLEM_WORDS, problem)


def notice_label(code: str) -> str:
    return translated(words.SEARCH_NOTICE_WORDS, code)


def check_state_label(state: StrEnum) -> str:
    return translated(words.CHECK_STATE_WORDS, state)


def indicator_status_label(status: StrEnum) -> str:
    return translated(words.INDICATOR_STATUS_WORDS, status)


def attribute_label(attribute: StrEnum | None) -> str:
    """约束性 / 预期性; a dash when the plan does not say."""
    return "—" if attribute is None else translated(words.ATTRIBUTE_WORDS, attribute)


def no_data_past_deadline_label() -> str:
    return QCoreApplication.translate("labels", words.NO_DATA_PAST_DEADLINE_WORDS)


def comparator_label(comparator: StrEnum) -> str:
    return translated(words.COMPARATOR_WORDS, comparator)


def indicator_error_label(code: str) -> str:
    """Words for ``IndicatorError`` codes, row codes of an import, and table-file problems."""
    if code == "observation_exists":  # the window's own way to replace a value
        return QCoreApplication.translate("labels", "该期间已有数值（勾选“替换已有数值”才会替换）")
    if code in words.INDICATOR_ERROR_WORDS:
        return translated(words.INDICATOR_ERROR_WORDS, code)
    return translated(words.TABLE_FILE_WORDS, code)


def what_if_change_label(code: str) -> str:
    return translated(words.WHAT_IF_CHANGE_WORDS, code)
