"""Body names written in capitals (headlines, menus) are read only as far as something known says they go."""

from __future__ import annotations

import pytest

from etl.extract import extract_document
from etl.extract.bodies import find_mentions
from etl.extract.capitals import capitals_name, in_capitals
from etl.extract.registry import REGISTRY
from etl.text.normalize import unify


def _mentions(text: str) -> list[tuple[str, str, str]]:
    uni = unify(text)
    return [(m.unit, m.name, uni[m.start:m.end]) for m in find_mentions(uni)]


@pytest.mark.parametrize(("name", "unit", "known", "read"), [
    ("QUẢNG TRỊ THĂM GIA ĐÌNH CHÍNH SÁCH", "tỉnh", {}, ("Quảng Trị", 9)),  # a province
    ("CHÍNH PHỦ SƠ KẾT QUÝ III", "org", {}, ("Chính phủ", 9)),  # a body of the registry
    ("MƯỜNG TÈ NÂNG CAO CHẤT LƯỢNG", "huyện", {"muong te": "Mường Tè"}, ("Mường Tè", 8)),  # named in the text
    ("IA GRAI TRAO NHÀ", "huyện", {}, ("Ia Grai", 7)),  # two words failing all else
    ("HỘI", "xã", {}, None),  # a menu's "XÃ HỘI"
    ("HỘI VĂN HÓA", "xã", {}, None),  # society, not a commune
    ("DẦU KHÍ TỔ CHỨC HỘI NGHỊ", "org", {}, None),  # an organisation nothing names
])
def test_capitals_name(name: str, unit: str, known: dict[str, str], read: tuple[str, int] | None) -> None:
    assert capitals_name(name, unit, known, REGISTRY()) == read


def test_in_capitals() -> None:
    assert in_capitals("ĐẢNG ỦY XÃ EA KAR")
    assert not in_capitals("Đảng ủy VPCP") and not in_capitals("2024")


def test_headline_in_capitals() -> None:
    text = ("TỈNH ỦY SƠN LA VỚI NHIỀU ĐỔI MỚI TRONG CÔNG TÁC PHÁT TRIỂN ĐẢNG VIÊN\n\n"
            "Năm 2023, Tỉnh ủy Sơn La đã kết nạp 2.105 đảng viên mới, vượt kế hoạch đề ra.")
    assert _mentions(text)[0] == ("province", "Sơn La", "TỈNH ỦY SƠN LA")
    [fact] = extract_document(text)
    assert fact.body == "Đảng bộ tỉnh Sơn La"


def test_commune_named_in_capitals_and_in_mixed_case() -> None:
    text = ("ĐẢNG ỦY XÃ TÂN PHÚ TRUNG CHĂM LO NHÀ Ở CHO HỘ NGHÈO\n\n"
            "Sáng 12/3, Đảng ủy xã Tân Phú Trung bàn giao 4 căn nhà tình thương cho hộ nghèo trong xã.")
    assert _mentions(text)[0] == ("xã", "Tân Phú Trung", "ĐẢNG ỦY XÃ TÂN PHÚ TRUNG")
    [fact] = extract_document(text)
    assert fact.body.startswith("Đảng bộ xã Tân Phú Trung")


def test_menu_line_is_no_commune() -> None:
    text = ("TRANG CHỦ  THỜI SỰ  CHÍNH TRỊ  XÃ HỘI  KINH TẾ  VĂN HÓA\n"
            "Tỉnh ủy Cao Bằng trao nhà cho hộ nghèo\n\n"
            "Ngày 5/9, đoàn công tác của Tỉnh ủy Cao Bằng trao 12 căn nhà đại đoàn kết cho hộ nghèo.")
    assert all(unit != "xã" for unit, _, _ in _mentions(text))
    [fact] = extract_document(text)
    assert fact.body == "Đảng bộ tỉnh Cao Bằng"
