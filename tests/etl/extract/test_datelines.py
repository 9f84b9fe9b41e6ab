from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.text import datelines
from etl.text.datelines import find_dateline, lead_in_date, parse_dateline


@pytest.mark.parametrize(("line", "day"), [
    ("Cập nhật ngày: 12/02/2018 - 16:56", date(2018, 2, 12)),
    ("8:34 PM, 06/09/2019", date(2019, 9, 6)),
    ("17:54, 08/04/2024", date(2024, 4, 8)),
    ("06/12/2018 16:31", date(2018, 12, 6)),
    ("Thứ Hai, 07/12/2015, 11:31 [GMT+7]", date(2015, 12, 7)),
    ("Hà Vũ 17/08/2024 09:30", date(2024, 8, 17)),
    ("08:00 | 26/06/2025", date(2025, 6, 26)),
    ("20-12-2014 - 21:18", date(2014, 12, 20)),
])
def test_shapes(line: str, day: date) -> None:
    assert parse_dateline(line) == day


def test_first_lines_only() -> None:
    text = "Tiêu đề bài\n" + "Một đoạn văn khá dài.\n" * 10 + "ngày 1/1/2001"
    assert find_dateline("Tiêu đề\n\n05:11, 10/11/2016\n\nNội dung").date == date(2016, 11, 10)
    assert find_dateline(text) is None


def test_month_from_address() -> None:
    d = find_dateline("Tiêu đề\n\nNội dung.\nTheo link: http://baomau.vn/chinhtri/202109/bai-viet-1/")
    assert d is not None and d.date == date(2021, 9, 30) and not d.exact


@pytest.mark.parametrize(("sentence", "parts"), [
    ("Ngày 19.1, tại Hà Nội", (19, 1, None)),
    ("BHG - Ngày 19.1, tại Hà Nội", (19, 1, None)),
    ("Chiều 20/7, hội nghị", (20, 7, None)),
    ("Sáng 2/3/2020, công đoàn", (2, 3, 2020)),
])
def test_lead_in(sentence: str, parts: tuple[int, int, int | None]) -> None:
    assert lead_in_date(sentence) == parts


_OLD_FULL_DATE = re.compile(r"(?<![\d/.-])(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*((?:19|20)\d\d)(?![\d/])")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*"0123456789/.- x", "2019", "20", "19", "\n", "12/5/2020"]), max_size=30).map("".join))
def test_full_date_as_before(line: str) -> None:
    old = [m.groups() + m.span() for m in _OLD_FULL_DATE.finditer(line)]
    assert [m.groups() + m.span() for m in datelines._FULL_DATE.finditer(line)] == old
