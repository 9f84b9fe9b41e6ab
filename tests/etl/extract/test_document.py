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


def test_province_named_in_the_lead_of_a_republished_article() -> None:
    text = ("Trao nhà đại đoàn kết\n\nNgày 5/12/2023, Huyện ủy Duy Xuyên bàn giao 6 căn nhà đại đoàn kết cho hộ nghèo, "
            "từ nguồn vận động của Ủy ban MTTQ tỉnh Quảng Nam và các doanh nghiệp.\n\nTheo Minh Hà (TTXVN)")
    [f] = extract_document(text)
    assert "Duy Xuyên" in f.body and f.province == "Quảng Nam"


def test_last_year_in_a_january_review() -> None:
    text = ("Tổng kết công tác xây dựng Đảng\n\nCập nhật ngày: 15/01/2024 - 08:00\n\nNăm qua, Huyện ủy Can Lộc (Hà Tĩnh) "
            "tập trung tạo nguồn phát triển đảng viên ở thôn, tổ dân phố. Toàn Đảng bộ huyện đã kết nạp 126 đảng viên.\n\n"
            "Riêng Đảng ủy xã Thiên Lộc kết nạp 9 đảng viên.")
    facts = extract_document(text)
    assert {(f.value, f.period_start, f.period_end) for f in facts} == {
        (126, date(2023, 1, 1), date(2023, 12, 31)), (9, date(2023, 1, 1), date(2023, 12, 31))}


def test_the_period_nearest_the_figure() -> None:
    text = ("Giao ban công tác tổ chức\n\nTại hội nghị giao ban ngày 19/11/2024, Ban Tổ chức Tỉnh ủy Nghệ An cho biết, "
            "từ đầu năm đến hết ngày 15/11, toàn Đảng bộ tỉnh đã kết nạp 3.904 đảng viên.\n\n"
            "Ngày 3/2/2024, nhân kỷ niệm Ngày thành lập Đảng năm 2024, Chi bộ Xóm Mới tổ chức lễ kết nạp 2 đảng viên.")
    facts = {f.value: (f.period_start, f.period_end) for f in extract_document(text)}
    assert facts == {3904: (date(2024, 1, 1), date(2024, 11, 15)), 2: (date(2024, 2, 3), date(2024, 2, 3))}


def test_this_occasion_is_the_event_day() -> None:
    text = ("Lễ kết nạp đảng viên mừng Xuân\n\nNgày 30/1/2024, Huyện ủy Cần Giuộc tổ chức lễ kết nạp 15 đảng viên mới. "
            "Năm 2023, toàn Đảng bộ huyện kết nạp được 140 đảng viên, đạt 103% kế hoạch.\n\n"
            "Dịp này, Huyện ủy tặng quà cho 20 đảng viên khó khăn, tổng trị giá 20 triệu đồng.")
    money = next(f for f in extract_document(text) if f.metric == "funds_donated")
    assert money.period_start == money.period_end == date(2024, 1, 30)


def test_headline_rounding_is_not_a_second_figure() -> None:
    text = ("Hà Tĩnh kết nạp hơn 2.300 đảng viên\n\nCập nhật ngày: 20/01/2024 - 09:00\n\nNăm 2023, Tỉnh ủy Hà Tĩnh chỉ đạo "
            "toàn Đảng bộ kết nạp được 2.316 đảng viên, đạt 105% kế hoạch.")
    assert [f.value for f in extract_document(text)] == [2316]


def test_outlet_named_on_a_line_of_its_own() -> None:
    from etl.extract.document import detect_outlet
    assert detect_outlet("Tin\nBáo Lâm Đồng Online\n\nHuyện ủy Đạ Huoai họp.\n\nK'Linh\n") == ("Lâm Đồng", True)
    assert detect_outlet("Tin\n\nQuận ủy Hoàng Mai họp.\n\nKinh tế & Đô thị\n") == ("Hà Nội", True)
    assert detect_outlet("Tin\n\nQuận ủy Hoàng Mai họp.\n\nHà Thu\n") == (None, False)


def test_headline_under_the_page_furniture() -> None:
    text = ("Trang chủ | Thời sự | Chính trị\nBáo Nghệ An\nXây dựng Đảng\n[Ảnh minh họa]\nThứ Sáu, 10/01/2025 07:30\n"
            "Nghệ An kết nạp hơn 3.100 đảng viên mới\n\nNăm 2024, toàn Đảng bộ tỉnh Nghệ An đã kết nạp 3.142 đảng viên, "
            "vượt kế hoạch đề ra; hầu hết là đoàn viên thanh niên ở nông thôn.")
    paras = document.paragraphs(text)
    assert document._title(paras).text == "Nghệ An kết nạp hơn 3.100 đảng viên mới"
    assert [f.value for f in extract_document(text)] == [3142]  # the headline's figure is the text's, rounded


def test_a_short_first_line_is_the_headline() -> None:
    paras = document.paragraphs("KẾT NẠP ĐẢNG VIÊN\n\nNgày 3/3/2024, Huyện ủy Hàm Yên kết nạp 12 đảng viên.")
    assert document._title(paras).text == "KẾT NẠP ĐẢNG VIÊN"
