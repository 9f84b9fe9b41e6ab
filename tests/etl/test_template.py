"""The spreadsheet template's cells: periods and amounts, on values an analyst would type."""

from __future__ import annotations

import contextlib
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from etl.template import parse_amount, parse_number, parse_period


@pytest.mark.parametrize(
    ("cell", "start", "end", "label"),
    [
        ("2017", date(2017, 1, 1), date(2017, 12, 31), "năm 2017"),
        ("2017-H1", date(2017, 1, 1), date(2017, 6, 30), "6 tháng đầu năm 2017"),
        ("2017-H2", date(2017, 7, 1), date(2017, 12, 31), "6 tháng cuối năm 2017"),
        ("2017-Q3", date(2017, 7, 1), date(2017, 9, 30), "quý 3/2017"),
        ("2016-Q1", date(2016, 1, 1), date(2016, 3, 31), "quý 1/2016"),
        ("2017-09", date(2017, 9, 1), date(2017, 9, 30), "tháng 9/2017"),
        ("2016-02", date(2016, 2, 1), date(2016, 2, 29), "tháng 2/2016"),
        ("9T/2017", date(2017, 1, 1), date(2017, 9, 30), "9 tháng đầu năm 2017"),
        ("6t/2020", date(2020, 1, 1), date(2020, 6, 30), "6 tháng đầu năm 2020"),
        ("2017-01-01/2017-09-30", date(2017, 1, 1), date(2017, 9, 30), "01/01/2017–30/09/2017"),
        ("2019-12-30", date(2019, 12, 30), date(2019, 12, 30), "ngày 30/12/2019"),
        (" 2018 ", date(2018, 1, 1), date(2018, 12, 31), "năm 2018"),
    ],
)
def test_periods(cell: str, start: date, end: date, label: str) -> None:
    period = parse_period(cell)
    assert (period.start, period.end, period.label) == (start, end, label)


@pytest.mark.parametrize(
    ("cell", "reason"),
    [
        ("", "empty"),
        ("20x9", "cannot read the period"),
        ("2017-13", "month 13"),
        ("2017-Q5", "cannot read the period"),
        ("13T/2017", "1–12"),
        ("2017-09-30/2017-01-01", "ends before it starts"),
        ("1800", "out of range"),
        ("2017-02-30", "not a date"),
    ],
)
def test_bad_periods_say_why(cell: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_period(cell)


@pytest.mark.parametrize(
    ("cell", "unit", "money", "expected"),
    [
        ("175", "", False, 175),
        ("5.356", "", False, 5356),
        ("1.500.000.000", "", True, 1_500_000_000),
        ("8 tỷ", "", True, 8_000_000_000),
        ("1,5 tỷ", "", True, 1_500_000_000),
        ("1,5 tỷ đồng", "", True, 1_500_000_000),
        ("600 triệu", "", True, 600_000_000),
        ("600", "triệu đồng", True, 600_000_000),
        ("850", "đồng", True, 850),
        ("12 căn", "", False, 12),
        ("36", "người", False, 36),
        ("2,5 nghìn", "", False, 2500),
        ("1500000000", "VND", True, 1_500_000_000),
    ],
)
def test_amounts(cell: str, unit: str, money: bool, expected: int) -> None:
    assert parse_amount(cell, unit, money=money) == expected


@pytest.mark.parametrize(
    ("cell", "money", "reason"),
    [
        ("", False, "empty"),
        ("mười", False, "not a number"),
        ("-5", False, "negative"),
        ("12,5 người", False, "not a whole number"),
        ("2 tỷ", False, "money"),
        ("300 đồng", False, "money"),
        ("abc 12", True, "not a number"),
    ],
)
def test_bad_amounts_say_why(cell: str, money: bool, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_amount(cell, money=money, unit_name="persons")


@given(st.text(max_size=40))
def test_period_parser_only_raises_valueerror(text: str) -> None:
    with contextlib.suppress(ValueError):
        parse_period(text)


@given(st.text(max_size=40), st.booleans())
def test_amount_parser_only_raises_valueerror(text: str, money: bool) -> None:
    try:
        value = parse_amount(text, money=money)
    except ValueError:
        return
    assert value >= 0


@given(st.integers(min_value=0, max_value=10**15))
def test_vietnamese_thousands_round_trip(n: int) -> None:
    written = f"{n:,}".replace(",", ".")
    assert parse_number(written) == n
