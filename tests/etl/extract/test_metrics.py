from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from etl.extract.metrics import CATALOGUE, find_candidates, load_catalogue
from etl.text.normalize import match_form

README = Path(CATALOGUE).parent / "README.md"


def _found(sentence: str) -> list[tuple[str, float]]:
    low = match_form(sentence)
    return [(c.metric, c.number.value) for c in find_candidates(low, 0, len(low), orig=sentence)]


@pytest.mark.parametrize(("sentence", "metric", "value"), [
    ("Năm nay chi bộ đã kết nạp 7 quần chúng ưu tú vào Đảng.", "members_admitted", 7),
    ("Toàn huyện phát triển được 120 đảng viên mới.", "members_admitted", 120),
    ("Kết quả có 33 đảng viên mới được kết nạp trong năm.", "members_admitted", 33),
    ("Đơn vị đã quyên góp được 45 triệu đồng giúp đồng bào.", "funds_donated", 45_000_000),
    ("Đảng ủy trao 50 suất quà, tổng trị giá 25 triệu đồng.", "funds_donated", 25_000_000),
    ("Khối đã bàn giao 12 căn nhà đại đoàn kết cho hộ nghèo.", "houses_built", 12),
    ("Huyện khánh thành và trao tặng 4 ngôi nhà tình nghĩa.", "houses_built", 4),
    ("Đề án hỗ trợ xây dựng nhà cho 9 hộ đảng viên nghèo.", "houses_built", 9),
    ("Hội nghị lấy phiếu tín nhiệm đối với 11 đồng chí Ủy viên Ban Thường vụ.", "confidence_vote_subjects", 11),
    ("Chi bộ nhà trường vừa kết nạp hai học sinh lớp 12 vào Đảng.", "members_admitted", 2),
    ("Đảng ủy xây mới 9 căn, với tổng kinh phí hơn 600 triệu đồng.", "funds_donated", 600_000_000),
])
def test_each_metric(sentence: str, metric: str, value: int) -> None:
    assert (metric, value) in _found(sentence)


def test_capitalised_trigger_opening_a_list_item() -> None:
    # a capitalised trigger inside a sentence is taken for part of a name, but not after a list dash
    assert ("members_admitted", 38) in _found("- Kết nạp đảng viên mới: 38 đồng chí, đạt 95% kế hoạch;")


def test_lookalike_word_inside_a_place_name() -> None:
    # "cần" (a need) is a look-alike; in "Cần Thơ" it is a name; a capitalised badge stays a look-alike
    assert ("members_admitted", 204) in _found("Năm 2023, Thành ủy Cần Thơ kết nạp 204 đảng viên.")
    assert _found("Năm nay, Thành ủy Cần Thơ phấn đấu kết nạp 204 đảng viên.") == []
    assert _found("Thành ủy trao Huy hiệu Đảng cho 25 đảng viên.") == []


@pytest.mark.parametrize(("sentence", "found"), [
    ("Riêng Đảng ủy xã Tân Hiệp, kết nạp mới: 14, cao nhất huyện.", [("members_admitted", 14)]),
    ("Theo báo cáo, số đảng viên mới được kết nạp là 45, tăng 5 so với cùng kỳ.", [("members_admitted", 45)]),
    ("Chỉ tiêu kết nạp mới: 50.", []),
    ("Kết nạp mới: 14 tháng sau khi thành lập chi bộ.", []),
    ("Thời gian kết nạp: 2023.", []),
])
def test_number_without_a_counting_word(sentence: str, found: list[tuple[str, int]]) -> None:
    assert _found(sentence) == found


def test_trigger_after_a_title_in_apposition() -> None:
    assert _found("Tại hội nghị, 9 đồng chí Ủy viên Ban Thường vụ Huyện ủy Can Lộc thuộc diện lấy phiếu.") == [
        ("confidence_vote_subjects", 9)]
    assert _found("Có 9 đồng chí Ủy viên Ban Chấp hành dự họp, trong đó nhiều đồng chí thuộc diện lấy phiếu.") == []


def test_breakdown_by_sub_body() -> None:
    got = _found("Năm 2023, toàn tỉnh kết nạp 310 đảng viên, trong đó Đảng ủy Khối các cơ quan tỉnh kết nạp 74 đảng viên.")
    assert got == [("members_admitted", 310), ("members_admitted", 74)]
    assert _found("Toàn huyện có 45 chi bộ, trong đó kết nạp mới 20 đảng viên là người dân tộc thiểu số.") == []


def test_plan_in_an_earlier_part_does_not_reach() -> None:
    assert _found("Huyện phấn đấu kết nạp 150 đảng viên, đến nay đã kết nạp 120 đảng viên.") == [("members_admitted", 120)]


def test_term_numeral_does_not_reach_the_figure() -> None:
    assert _found("Ban Chấp hành Đảng bộ huyện khóa XXV lấy phiếu tín nhiệm đối với 11 đồng chí Ủy viên Ban Thường vụ.") == [
        ("confidence_vote_subjects", 11)]


def test_a_term_between_trigger_and_figure_does_not_block() -> None:
    assert _found("Hội nghị lấy phiếu tín nhiệm giữa nhiệm kỳ 2020 - 2025 đối với 17 đồng chí Ủy viên Ban Thường vụ.") == [
        ("confidence_vote_subjects", 17)]
    assert _found("Chi bộ kết nạp trong giai đoạn 2021-2023 tổng cộng 6 đảng viên.") == [("members_admitted", 6)]


@pytest.mark.parametrize(("sentence", "found"), [
    ("Các cấp ủy vận động Quỹ Vì người nghèo được hơn 1,2 tỷ đồng.", [("funds_donated", 1_200_000_000)]),
    ("Toàn huyện huy động hơn 3 tỷ đồng để xóa nhà tạm.", [("funds_donated", 3_000_000_000)]),
    ("Kinh phí 650 triệu đồng do Đảng ủy xã Ea Pốk vận động từ con em xa quê.", [("funds_donated", 650_000_000)]),
    ("Khoản tiền 90 triệu đồng do đảng viên trong chi bộ đóng góp.", [("funds_donated", 90_000_000)]),
    ("Kinh phí 400 triệu đồng do các doanh nghiệp trên địa bàn tài trợ.", []),  # not a Party body's gift
    ("Chi nhánh ngân hàng huy động vốn đạt 120 tỷ đồng.", []),  # deposits, not a gift
    ("Nguồn vốn 5 tỷ đồng do Huyện ủy chỉ đạo phân bổ.", []),  # no verb of giving
])
def test_money_raised_and_money_given_by_a_body_named_after_it(sentence: str, found: list[tuple[str, float]]) -> None:
    assert _found(sentence) == found


def test_money_and_houses_in_one_sentence() -> None:
    got = _found("Đảng ủy hỗ trợ xây dựng 6 căn nhà tình nghĩa, tương đương hơn 400 triệu đồng.")
    assert ("houses_built", 6) in got and ("funds_donated", 400_000_000) in got


def test_catalogue_has_warehouse_keys() -> None:
    data = tomllib.loads(Path(CATALOGUE).read_text(encoding="utf-8"))
    ids = {m["id"] for m in data["metric"]}
    assert ids == {"members_admitted", "funds_donated", "houses_built", "confidence_vote_subjects"}
    for m in data["metric"]:
        for key in ("id", "name_vi", "name_en", "unit", "unit_vi", "unit_en", "kind"):
            assert m[key]
        assert m["unit"] in ("persons", "VND", "houses")
    kinds = {m["id"]: m["kind"] for m in data["metric"]}
    assert kinds["members_admitted"] == "cumulative" and kinds["funds_donated"] == "event"


def test_every_catalogue_key_is_documented() -> None:
    data = tomllib.loads(Path(CATALOGUE).read_text(encoding="utf-8"))
    readme = README.read_text(encoding="utf-8")
    keys = {k for m in data["metric"] for k in m} | {k for look in data["lookalike"] for k in look}
    for key in keys:
        assert f"`{key}`" in readme, key
    assert load_catalogue().metrics


@pytest.mark.parametrize(("sentence", "found"), [
    ("Mỗi chi bộ đã quyên góp được 5 triệu đồng giúp đồng bào.", []),
    ("Xã đã quyên góp được 5 triệu đồng, mỗi hộ nhận quà.", [("funds_donated", 5_000_000)]),
    ("Đảng ủy trao quà cho mỗi hộ, tổng cộng đã quyên góp được 30 triệu đồng.", [("funds_donated", 30_000_000)]),
    ("Đảng ủy đã quyên góp được 50.000 đồng/người.", []),
    ("Chi bộ đã quyên góp được 2 triệu đồng vào quỹ, mỗi người một phần.", [("funds_donated", 2_000_000)]),
    # "mỗi" governs the sum after it, not a later one with a trigger of its own
    ("Đảng ủy trao 20 suất quà, mỗi suất 500.000 đồng, và trao 1 Mái ấm công đoàn trị giá 60 triệu đồng.",
     [("houses_built", 1), ("funds_donated", 60_000_000)]),
    ("Đảng ủy hỗ trợ mỗi hộ 5 triệu đồng và 10 triệu đồng cho hộ đặc biệt khó khăn.", []),
])
def test_sums_each_and_per(sentence: str, found: list[tuple[str, float]]) -> None:
    assert _found(sentence) == found
    low = match_form("Ngày 5/3, " + sentence)  # the same, further into a sentence
    assert [(c.metric, c.number.value) for c in find_candidates(low, 10, len(low))] == found
