"""Values typed into forms: amounts with 万/亿, dates and numbers, or a ValueError naming nothing stored."""

from __future__ import annotations

import datetime as dt

import pytest

from workbench.core.values import parse_amount, parse_day, parse_number


@pytest.mark.parametrize(
    ("typed", "yuan"),
    [
        ("5000000", 5_000_000),
        ("5,000,000", 5_000_000),
        ("500万", 5_000_000),
        ("500万元", 5_000_000),
        ("1.2亿", 120_000_000),
        ("１２３元", 123),
        (" 30 万 ", 300_000),
        ("", None),
        ("  ", None),
    ],
)
def test_amounts_are_read_in_yuan(typed, yuan):
    assert parse_amount(typed) == yuan


@pytest.mark.parametrize("typed", ["-5", "inf", "1e999", "五百万", "500万美元", "nan"])
def test_what_is_not_an_amount_is_refused(typed):
    with pytest.raises(ValueError):
        parse_amount(typed)


def test_numbers_accept_thousands_separators_and_full_width_digits():
    assert parse_number("3,500") == 3500.0
    assert parse_number("１２.５") == 12.5
    assert parse_number("") is None
    with pytest.raises(ValueError):
        parse_number("三千")
    with pytest.raises(ValueError):
        parse_number("inf")


def test_days_are_iso_dates():
    assert parse_day("2026-06-15") == dt.date(2026, 6, 15)
    assert parse_day(" ") is None
    with pytest.raises(ValueError):
        parse_day("2026-02-30")
