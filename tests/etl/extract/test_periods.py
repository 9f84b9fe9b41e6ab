from __future__ import annotations

from datetime import date

import pytest

from etl.extract.periods import PeriodContext, find_periods, label_for
from etl.text.normalize import match_form

CTX = PeriodContext(date(2019, 11, 20), 2019)


@pytest.mark.parametrize(("text", "first", "last"), [
    ("trong 9 tháng đầu năm 2018, đơn vị", "2018-01-01", "2018-09-30"),
    ("6 tháng đầu năm, toàn tỉnh", "2019-01-01", "2019-06-30"),
    ("6 tháng cuối năm 2019", "2019-07-01", "2019-12-31"),
    ("Năm 2017, huyện", "2017-01-01", "2017-12-31"),
    ("từ đầu năm đến nay, xã", "2019-01-01", "2019-11-20"),
    ("từ đầu năm 2019 đến nay", "2019-01-01", "2019-11-20"),
    ("từ năm 2012 đến nay", "2012-01-01", "2019-11-20"),
    ("giai đoạn 2016 - 2018, đến nay", "2016-01-01", "2019-11-20"),
    ("giai đoạn 2016 - 2018", "2016-01-01", "2018-12-31"),
    ("quý II/2019", "2019-04-01", "2019-06-30"),
    ("quý 3 năm 2018", "2018-07-01", "2018-09-30"),
    ("Tính đến ngày 15/11, đảng bộ", "2019-01-01", "2019-11-15"),
    ("tính đến tháng 10/2019,", "2019-01-01", "2019-10-31"),
    ("Chiều 20/7, tại hội trường", "2019-07-20", "2019-07-20"),
    ("Sáng 3.9, tại xã", "2019-09-03", "2019-09-03"),
    ("ngày 4 tháng 5 năm 2019", "2019-05-04", "2019-05-04"),
    ("trong tháng 8/2019", "2019-08-01", "2019-08-31"),
    ("Từ ngày 1/7 đến nay, xã", "2019-07-01", "2019-11-20"),
    ("kể từ 15-3-2019 đến nay", "2019-03-15", "2019-11-20"),
    ("Hôm qua (19/11), Ban Chấp hành", "2019-11-19", "2019-11-19"),
    ("Trong 3 năm (2016 - 2018), huyện", "2016-01-01", "2018-12-31"),
    # a count of months in words, and a report's "N tháng năm Y" without "đầu" (its first N months)
    ("Chín tháng đầu năm 2018, toàn tỉnh", "2018-01-01", "2018-09-30"),
    ("sáu tháng đầu năm, huyện", "2019-01-01", "2019-06-30"),
    ("Mười một tháng năm 2018, đảng bộ", "2018-01-01", "2018-11-30"),
    ("Báo cáo 10 tháng năm 2019 cho thấy", "2019-01-01", "2019-10-31"),
    ("trong 9 tháng năm nay, xã", "2019-01-01", "2019-09-30"),
    ("từ đầu nhiệm kỳ 2015 - 2020 đến nay, huyện", "2015-01-01", "2019-11-20"),
    ("Trong nhiệm kỳ 2015 - 2020, Đảng bộ", "2015-01-01", "2020-12-31"),  # the term, by the simple convention
])
def test_intervals(text: str, first: str, last: str) -> None:
    p = find_periods(match_form(text), CTX)[0]
    assert (p.first.isoformat(), p.last.isoformat()) == (first, last)


@pytest.mark.parametrize("text", [
    "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị",
    "Quỹ “Vì người nghèo” năm 2019",
    "đầu tháng 8 vừa qua",
    "kỷ niệm (2/9/1945 - 2/9/2019)",
    "Hội nghị lần thứ 15, nhiệm kỳ 2015 - 2020",  # a conference's term: a name, not a period
    "trong nhiệm kỳ 2019 - 2024, phấn đấu",  # the term that begins this year: the congress's new one
])
def test_ignored(text: str) -> None:
    assert find_periods(match_form(text), CTX) == []


def test_document_number_does_not_reach_the_next_paragraph() -> None:
    low = match_form("Ủng hộ đồng bào vùng bão số 3\n\nSáng 12/9, cơ quan Huyện ủy phát động")
    assert [p.first for p in find_periods(low, CTX)] == [date(2019, 9, 12)]


def test_day_after_publication_is_last_year() -> None:
    p = find_periods(match_form("chiều 28/12, hội nghị"), PeriodContext(date(2020, 1, 5), 2020))[0]
    assert p.first == date(2019, 12, 28)


def test_labels() -> None:
    assert label_for(date(2017, 1, 1), date(2017, 12, 31)) == "năm 2017"
    assert label_for(date(2017, 1, 1), date(2017, 9, 30)) == "9 tháng đầu năm 2017"
    assert label_for(date(2023, 7, 20), date(2023, 7, 20)) == "ngày 20/7/2023"


def test_term_so_far_starts_with_the_term_named() -> None:
    low = match_form("Đại hội nhiệm kỳ 2015 - 2020 đề ra 12 chỉ tiêu. Từ đầu nhiệm kỳ đến nay, huyện kết nạp 900 đảng viên.")
    p = next(p for p in find_periods(low, CTX) if "đầu nhiệm kỳ" in p.label)
    assert (p.first, p.last) == (date(2015, 1, 1), date(2019, 11, 20))


def test_a_date_in_words_is_not_a_count_of_months() -> None:
    """'ngày 5 tháng năm 2019' (a day of an unnamed month) is not the year's first five months."""
    got = [(p.first.isoformat(), p.last.isoformat()) for p in find_periods(match_form("ngày 5 tháng năm 2019"), CTX)]
    assert ("2019-01-01", "2019-05-31") not in got
