from __future__ import annotations

import unicodedata
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from etl.extract import EXTRACTOR_VERSION, document, extract_document, fact_to_json

ARTICLE = ("Phường Hòa Bình trao quà Tết\n\nCập nhật: 20/01/2024\n\nSáng 19/1, Đảng ủy phường Hòa Bình (TP.HCM) "
           "trao 100 phần quà, trị giá 50 triệu đồng cho đảng viên khó khăn. Trước đó, Đảng ủy phường trao 50 triệu "
           "đồng cho quỹ khuyến học.\n\nTừ đầu năm đến nay, Đảng ủy phường đã kết nạp 3 đảng viên mới.")


def test_figures_bodies_periods() -> None:
    facts = extract_document(ARTICLE)
    assert [(f.metric, f.value) for f in facts] == [("funds_donated", 50_000_000), ("members_admitted", 3)]
    money, members = facts
    assert money.period_start == money.period_end == date(2024, 1, 19)
    assert (members.period_start, members.period_end) == (date(2024, 1, 1), date(2024, 1, 20))
    assert "Hòa Bình" in money.body and money.province == "Hồ Chí Minh"
    assert money.extractor == EXTRACTOR_VERSION


def test_offsets_refer_to_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", ARTICLE)
    nfc = unicodedata.normalize("NFC", decomposed)
    for f in extract_document(decomposed):
        assert nfc[f.start:f.end] == f.evidence


def test_published_and_outlet_override() -> None:
    text = "Kết nạp đảng viên\n\nTừ đầu năm đến nay, Đảng ủy Khối các cơ quan tỉnh đã kết nạp 21 đảng viên mới."
    [f] = extract_document(text, published=date(2019, 6, 10), outlet="Báo Gia Lai")
    assert (f.period_start, f.period_end) == (date(2019, 1, 1), date(2019, 6, 10))
    assert f.province == "Gia Lai" and "Gia Lai" in f.body


def test_json_shape() -> None:
    [f] = extract_document("Tin\n\nNăm 2018, Huyện ủy Krông Búk (Đắk Lắk) kết nạp 30 đảng viên, đạt 120% kế hoạch.")
    obj = fact_to_json(f, "a.txt")
    assert obj["source"] == "a.txt" and obj["period_label"] == "năm 2018" and obj["target_pct"] == 120.0
    assert obj["period_start"] == "2018-01-01" and obj["body_verified"] is False


_TAIL_PIECES = ["Theo ", "theo ", "THEO ", "TTXVN", "(TTXVN)", "ttxvn/vietnam+", "(TTXVN/Vietnam+)", "Báo Tây Ninh",
                "VnExpress", "Nhân Dân", "VOV", "\n", "\n\n", "  ", "\t", "Tin liên quan:", "- ", "x" * 30, "Hà Nội, "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_TAIL_PIECES), max_size=20).map("".join))
def test_republished_as_the_search(tail: str) -> None:
    assert document._republished(tail) == bool(document._REPUBLISHED.search(tail)), tail


_HEAD_PIECES = ["(BNA) - ", "BTNO -", "(GLO)-", "TTO – ", "Báo Nghệ An", "\n", "\n\n", "  ", "x", "Ngày 7/5, ", ".", "-",
                "ĐĐK.–", "abc"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_HEAD_PIECES), max_size=20).map("".join))
def test_outlet_tags_as_finditer(head: str) -> None:
    assert [m.span(1) for m in document._outlet_tags(head)] == [m.span(1) for m in document._OUTLET_TAG.finditer(head)]
