"""Whether a document is in force on a given day."""

from __future__ import annotations

import datetime as dt

from workbench.core.corpus.models import ValidityStatus


def document_status(
    as_of: dt.date,
    effective_from: dt.date | None,
    valid_until: dt.date | None,
    repealed_on: dt.date | None = None,
) -> ValidityStatus:
    """尚未生效 / 现行有效 / 已失效 / 已废止 on ``as_of``.

    ``repealed_on`` is the day a document in the library that repeals this one
    took effect; a repeal that has not taken effect yet changes nothing.
    """
    if repealed_on is not None and repealed_on <= as_of:
        return ValidityStatus.REPEALED
    if effective_from is not None and as_of < effective_from:
        return ValidityStatus.NOT_YET
    if valid_until is not None and as_of > valid_until:
        return ValidityStatus.EXPIRED
    if effective_from is None and valid_until is None:
        return ValidityStatus.UNKNOWN
    return ValidityStatus.IN_FORCE


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February: a term from it ends with the last day of February
        return dt.date(day.year + years, 3, 1)


def last_day_of_term(start: dt.date, years: int) -> dt.date:
    """有效期N年 from ``start``: the last day on which it is still valid."""
    return add_years(start, years) - dt.timedelta(days=1)
