"""The parsers must never raise, whatever the text."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from etl.extract import extract_document
from etl.extract.numbers import find_numbers, parse_words
from etl.extract.periods import PeriodContext, find_periods
from etl.text.datelines import find_dateline, lead_in_date, parse_dateline
from etl.text.normalize import match_form, nfc

_PIECES = [*list("0123456789 ./-,:;()%đĐăâêôơưáàảãạếềểễệốồổỗộứừửữựýỳỷỹỵ"), "năm ", "tháng ", "ngày ", "quý ", "hơn ", "tỷ ", "triệu ", "đến nay ", "mười ", "hai ", "kết nạp ", "đảng viên ", "Huyện ủy ", "căn nhà ", "đồng ", "lấy phiếu tín nhiệm ", "toàn huyện ", "\n"]
VI = st.lists(st.sampled_from(_PIECES), max_size=80).map("".join)


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(max_size=200), VI))
def test_numbers_never_raise(text: str) -> None:
    low = match_form(nfc(text))
    assert len(low) == len(nfc(text))
    for n in find_numbers(low):
        assert 0 <= n.start < n.end <= len(low)
    parse_words(text)


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(max_size=200), VI), st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2030, 12, 31))))
def test_periods_never_raise(text: str, published: date | None) -> None:
    ctx = PeriodContext(published, published.year if published else 2020)
    for p in find_periods(match_form(nfc(text)), ctx):
        assert p.first <= p.last


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(max_size=200), VI))
def test_datelines_never_raise(text: str) -> None:
    parse_dateline(text)
    find_dateline(text)
    lead_in_date(text)


@settings(max_examples=60, deadline=None)
@given(VI)
def test_extract_never_raises(text: str) -> None:
    doc = nfc(text)
    for f in extract_document(text):
        assert doc[f.start:f.end] == f.evidence
