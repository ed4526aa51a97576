"""Validity status on a day, and the length of a term."""

from __future__ import annotations

import datetime as dt

import pytest

from workbench.core.corpus.models import ValidityStatus as S
from workbench.core.corpus.validity import document_status, last_day_of_term

START, END = dt.date(2026, 2, 14), dt.date(2031, 2, 13)


@pytest.mark.parametrize(
    ("day", "status"),
    [
        (dt.date(2026, 2, 13), S.NOT_YET),
        (START, S.IN_FORCE),
        (END, S.IN_FORCE),
        (dt.date(2031, 2, 14), S.EXPIRED),
    ],
)
def test_status_at_the_boundaries_of_the_term(day, status):
    assert document_status(day, START, END) is status


def test_a_repeal_counts_from_the_day_the_repealing_document_takes_effect():
    old_start, old_end = dt.date(2021, 6, 1), dt.date(2026, 5, 31)
    assert document_status(dt.date(2026, 2, 13), old_start, old_end, repealed_on=START) is S.IN_FORCE
    assert document_status(START, old_start, old_end, repealed_on=START) is S.REPEALED


def test_no_dates_at_all_is_unknown_not_in_force():
    assert document_status(dt.date(2026, 1, 1), None, None) is S.UNKNOWN


def test_terms_of_n_years_end_the_day_before_the_anniversary():
    assert last_day_of_term(START, 5) == END
    assert last_day_of_term(dt.date(2023, 3, 24), 3) == dt.date(2026, 3, 23)
    assert last_day_of_term(dt.date(2024, 2, 29), 1) == dt.date(2025, 2, 28)
