from __future__ import annotations

import pytest

from etl.extract.numbers import find_numbers, parse_amount, parse_digits, parse_words
from etl.text.normalize import match_form


@pytest.mark.parametrize(("text", "value", "qualifier"), [
    ("5.356 người", 5356, "exact"),
    ("hơn 8 tỷ đồng", 8_000_000_000, "more_than"),
    ("1,5 tỷ đồng", 1_500_000_000, "exact"),
    ("trên 40 triệu đồng", 40_000_000, "more_than"),
    ("gần 77 triệu đồng", 77_000_000, "about"),
    ("khoảng 300 người", 300, "about"),
    ("xấp xỉ 20 căn", 20, "about"),
    ("ít nhất 12 người", 12, "at_least"),
    ("trên dưới 50 người", 50, "about"),
    ("1 tỷ 200 triệu đồng", 1_200_000_000, "exact"),
    ("02 đồng chí", 2, "exact"),
    ("24.179.000 đồng", 24_179_000, "exact"),
    ("hai mươi mốt người", 21, "exact"),
    ("mười lăm đảng viên", 15, "exact"),
    ("hàng trăm người", 100, "about"),
    ("ba nghìn người", 3000, "exact"),
])
def test_values(text: str, value: int, qualifier: str) -> None:
    n = find_numbers(match_form(text))[0]
    assert n.value == value
    assert n.qualifier == qualifier


def test_range_keeps_both_ends() -> None:
    n = find_numbers(match_form("mỗi năm kết nạp từ 90 - 100 đảng viên"))[0]
    assert (n.value, n.high, n.qualifier) == (90, 100, "at_least")


@pytest.mark.parametrize("text", ["Chỉ thị 35-CT/TW", "ngày 30/5/2019", "sáng 16.7 tại xã", "năm 2017"])
def test_not_figures(text: str) -> None:
    assert all(n.raw != "5" for n in find_numbers(match_form(text)))
    assert not [n for n in find_numbers(match_form(text)) if n.value in (35, 30, 16, 5)]


def test_ratio_keeps_done_part() -> None:
    n = find_numbers("10.760/10.760 căn")[0]
    assert n.value == 10760


def test_parsers() -> None:
    assert parse_digits("145,8") == 145.8
    assert parse_digits("abc") is None
    assert parse_amount("600 triệu") == 600_000_000
    assert parse_words("một trăm linh năm") == 105
    assert parse_words("xin chào") is None
