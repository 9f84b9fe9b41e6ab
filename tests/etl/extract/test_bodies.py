from __future__ import annotations

from datetime import date

import pytest

from etl.extract import extract_document
from etl.extract.bodies import find_mentions, load_body_rows
from etl.extract.registry import BODY_COLUMNS, LEVELS, REGISTRY, load_registry
from etl.text.normalize import unify


def _body(text: str, **kw: object) -> tuple[str, str | None]:
    facts = extract_document(text, **kw)  # type: ignore[arg-type]
    assert len(facts) == 1, facts
    return facts[0].body, facts[0].province


def test_registry_rows_are_well_formed() -> None:
    rows = load_body_rows()
    ids = {r["body_id"] for r in rows}
    assert {"tw", "khoi-co-quan-tw", "khoi-doanh-nghiep-tw", "dang-bo-chinh-phu", "tinh-tay-ninh"} <= ids
    for r in rows:
        assert set(r) == set(BODY_COLUMNS)
        assert r["level"] in LEVELS
        assert not r["parent_id"] or r["parent_id"] in ids
        assert not r["successor_id"] or r["successor_id"] in ids
    assert sum(1 for r in rows if r["level"] == "province" and not r["valid_until"]) == 34


def test_aliases_resolve_to_one_body() -> None:
    reg = load_registry()
    names = ["Đảng ủy Khối các cơ quan Trung ương", "Đảng bộ Khối các cơ quan TW", "Đảng ủy Khối cơ quan Trung ương"]
    assert {reg.lookup(n, date(2019, 1, 1)) for n in names} == {"khoi-co-quan-tw"}
    assert reg.lookup("Tỉnh uỷ Tây Ninh", date(2018, 1, 1)) == "tinh-tay-ninh"
    assert reg.lookup("Tỉnh ủy Tuyên Quang", date(2025, 9, 1)) == "tinh-tuyen-quang-2025"
    assert REGISTRY().province_of("TP.HCM") == "Hồ Chí Minh"


def test_mentions() -> None:
    kinds = [(m.kind, m.unit) for m in find_mentions(unify("Huyện ủy Bảo Yên (Lào Cai) và toàn huyện."))]
    assert kinds == [("party", "huyện"), ("paren", "tỉnh"), ("anaphor", "huyện")]


def test_a_corporation_is_named_whole() -> None:
    """'Tổng công ty' is one word of an organisation's name: the name ran only as far as 'Tổng'."""
    body, _ = _body("Sáng 3/4, Đảng ủy Tổng công ty Cà phê Đắk Lắk bàn giao 5 căn nhà tình nghĩa cho hộ nghèo.",
                    published=date(2024, 4, 4))
    assert body.startswith("Đảng bộ Tổng công ty Cà phê Đắk Lắk")
    body, _ = _body("Đảng ủy Tổng Công ty Hàng không Việt Nam kết nạp 42 đảng viên mới trong năm 2023.")
    assert body == "Đảng bộ Tổng Công ty Hàng không Việt Nam"


@pytest.mark.parametrize(("text", "name"), [
    ("Năm 2024, Huyện ủy Ea H'leo kết nạp 96 đảng viên mới.", "Đảng bộ huyện Ea H'leo"),
    ("Năm 2024, Đảng bộ huyện M’Đrắk kết nạp 71 đảng viên mới.", "Đảng bộ huyện M'Đrắk"),  # a typographic apostrophe
    ("Năm 2024, Đảng ủy xã Cư M'ta bàn giao 6 căn nhà đại đoàn kết.", "Đảng bộ xã Cư M'ta"),
])
def test_a_highlands_name_keeps_its_apostrophe(text: str, name: str) -> None:
    """Central Highlands place names have an apostrophe inside a word: the name stopped at it ("Cư M")."""
    body, _ = _body(text, published=date(2025, 1, 10))
    assert body.startswith(name)


def test_person_after_committee_is_not_a_place() -> None:
    ms = find_mentions(unify("Phó Bí thư Tỉnh ủy Nguyễn Văn Bình phát biểu."))
    assert ms[0].kind == "anaphor"


def test_place_named_like_a_person() -> None:
    ms = find_mentions(unify("Sáng 3/9, Huyện ủy Dương Minh Châu trao tặng 4 căn nhà đại đoàn kết."))
    assert (ms[0].kind, ms[0].name) == ("party", "Dương Minh Châu")


@pytest.mark.parametrize(("committee", "body"), [("Thành ủy Vinh", "Đảng bộ thành phố Vinh"),
                                                ("Thành ủy Hà Tĩnh", "Đảng bộ thành phố Hà Tĩnh"),
                                                ("Thành ủy Đà Nẵng", "Đảng bộ thành phố Đà Nẵng")])
def test_city_committee_named_like_its_province(committee: str, body: str) -> None:
    # a province's capital often bears its name; only a centrally-run city's Thành ủy is the province's
    text = f"Kết nạp đảng viên\n\nNăm 2023, {committee} kết nạp 204 đảng viên, chủ yếu là đoàn viên thanh niên ở các phường."
    got, _ = _body(text)
    assert got.startswith(body) and "tỉnh Hà Tĩnh" not in got


@pytest.mark.parametrize(("text", "name"), [
    ("Đảng ủy Chính phủ họp", "Chính phủ"), ("Đảng bộ Quốc hội họp", "Quốc hội"),
    ("Đảng bộ Tổng Công ty Cảng Sài Gòn họp", "Tổng Công ty Cảng Sài Gòn"),
    ("Đảng ủy Công ty cổ phần Cao su Phước Hòa họp", "Công ty cổ phần Cao su Phước Hòa"),
    ("Đảng ủy Trường Đại học Tây Nguyên họp", "Trường Đại học Tây Nguyên"), ("Đảng ủy Quân khu 9 họp", "Quân khu 9"),
    ("Đảng ủy Bộ Chỉ huy Quân sự tỉnh Yên Bái họp", "Bộ Chỉ huy Quân sự tỉnh Yên Bái"),
])
def test_names_with_a_lower_case_syllable(text: str, name: str) -> None:
    assert find_mentions(unify(text))[0].name == name


def test_committee_named_with_its_province() -> None:
    text = ("Trao nhà cho hộ nghèo\n\nNgày 9/5/2024, Đảng ủy Quân sự tỉnh Cao Bằng bàn giao 6 căn nhà cho hộ nghèo ở "
            "các xã biên giới của huyện Hà Quảng, mỗi căn được hỗ trợ 70 triệu đồng.\n\n"
            "Năm 2023, Đảng ủy Quân sự tỉnh đã xây mới 14 căn nhà tình nghĩa.")
    facts = extract_document(text)
    assert {(f.value, f.body, f.province) for f in facts} == {(6, "Đảng bộ Quân sự tỉnh Cao Bằng", "Cao Bằng"),
                                                            (14, "Đảng bộ Quân sự tỉnh Cao Bằng", "Cao Bằng")}


@pytest.mark.parametrize(("committee", "body_id"), [
    ("Đảng ủy các cơ quan Đảng tỉnh", "tinh-phu-tho-2025-co-quan-dang"),
    ("Đảng ủy UBND tỉnh Phú Thọ", "tinh-phu-tho-2025-ubnd"),
    ("Đảng bộ các cơ quan Đảng Trung ương", "dang-bo-co-quan-dang-tw"),
])
def test_committees_of_2025(committee: str, body_id: str) -> None:
    text = (f"Kết nạp đảng viên\n\nNgày 12/8/2025, {committee} tổ chức lễ kết nạp 11 đảng viên mới là công chức trẻ "
            "của các cơ quan, đơn vị trực thuộc.\n\nBáo Phú Thọ")
    facts = extract_document(text)
    assert [f.body_id for f in facts] == [body_id]


def test_short_org_name_refers_back() -> None:
    text = ("Doanh nghiệp kết nạp đảng viên\n\nSáng 6/6/2023, Đảng ủy Công ty Xi măng Hà Tiên họp sơ kết 6 tháng, "
            "bàn biện pháp phát triển đảng viên trong công nhân.\n\nTừ đầu năm đến nay, Đảng bộ Công ty đã kết nạp 7 đảng viên.")
    body, _ = _body(text)
    assert body.startswith("Đảng bộ Công ty Xi măng Hà Tiên")


def test_the_committee_whose_report_gives_the_figure() -> None:
    text = ("Sơ kết 6 tháng\n\nBáo cáo sơ kết 6 tháng đầu năm 2024 của Huyện ủy Yên Thành (Nghệ An) cho biết, số đảng "
            "viên mới được kết nạp là 61 đồng chí.\n\nTrong đó, Đảng ủy xã Hợp Thành kết nạp 5 đảng viên, nhiều nhất huyện, phần lớn là đoàn viên thanh niên đã hoàn thành nghĩa vụ quân sự.")
    facts = {f.value: f.body for f in extract_document(text)}
    assert "Yên Thành" in facts[61] and "Hợp Thành" in facts[5]


def test_cell_with_the_company_it_belongs_to() -> None:
    text = ("Kết nạp đảng viên trẻ\n\nAnh Lê Minh là kỹ sư của Tổng Công ty Điện lực Miền Nam (TP.HCM), "
            "nhiều năm là cây cờ đầu của phong trào thanh niên.\n\nNgày 2/9/2023, Chi bộ Kinh doanh tổ chức lễ kết nạp "
            "đảng viên cho 01 đồng chí.")
    body, province = _body(text)
    assert body.startswith("Chi bộ Kinh, Đảng bộ Tổng Công ty Điện lực Miền Nam") and province == "Hồ Chí Minh"


@pytest.mark.parametrize(("committee", "name"), [("Đảng ủy Phường 7 (Bà Rịa - Vũng Tàu)", "Đảng bộ phường 7"),
                                                ("Đảng ủy Phường 12, nơi có đông công nhân,", "Đảng bộ phường 12"),
                                                ("Ban Thường vụ Quận ủy Quận 10", "Đảng bộ quận 10")])
def test_numbered_wards_and_districts(committee: str, name: str) -> None:
    text = f"Kết nạp đảng viên\n\nSáng 17/8/2024, {committee} tổ chức lễ kết nạp 4 đảng viên mới là tổ trưởng tổ dân phố."
    assert _body(text)[0].startswith(name)


def test_place_after_a_body_locates_it() -> None:
    text = ("Trao quà Tết\n\nSáng 2/2/2024, Đảng ủy phường Tân Định, Quận 1 trao 60 triệu đồng cho các hộ cận nghèo "
            "trên địa bàn phường.")
    assert "Tân Định" in _body(text)[0]


@pytest.mark.parametrize("where", ["(huyện Yên Thành)", "( thị xã Hoàng Mai )", "(huyện Yên Thành, tỉnh Nghệ An)",
                                   ", huyện Yên Thành, tỉnh Nghệ An,"])
def test_places_after_a_body_locate_it(where: str) -> None:
    text = (f"Trao nhà cho cựu chiến binh\n\nNgày 9/8/2024, Đảng ủy xã Công Thành {where} bàn giao 03 căn nhà "
            "\"Mái ấm đồng đội\" cho hội viên khó khăn về nhà ở.")
    assert _body(text)[0].startswith("Đảng bộ xã Công Thành")


def test_place_after_a_place_locates_it() -> None:
    text = ("Nhà tình nghĩa cho gia đình chính sách\n\nNgày 25/7/2024, Đảng ủy Lữ đoàn 2 bàn giao 4 căn nhà cho gia đình "
            "chính sách trên địa bàn xã Tân Hòa, huyện Tân Châu, tỉnh Tây Ninh. Tổng kinh phí xây dựng 240 triệu đồng "
            "do cán bộ, chiến sĩ đóng góp.")
    assert all(f.body.startswith("Đảng bộ Lữ đoàn 2") for f in extract_document(text))


@pytest.mark.parametrize(("when", "body", "province"), [
    ("2024", "Đảng bộ thành phố Huế", "Thừa Thiên Huế"), ("2025", "Đảng bộ thành phố Huế", "Huế")])
def test_hue_before_and_after_it_became_a_city_province(when: str, body: str, province: str) -> None:
    text = (f"Kết nạp đảng viên\n\nCập nhật ngày: 18/07/{when} - 10:00\n\nNửa đầu năm {when}, Thành ủy Huế kết nạp "
            "176 đảng viên, phần lớn là đoàn viên thanh niên.\n\nBáo Thừa Thiên Huế")
    assert _body(text) == (body, province)


def test_bloc_of_its_own_name() -> None:
    text = ("Ủng hộ Quỹ Vì người nghèo\n\nSáng 9-10-2023, Đảng ủy Khối Dân - Chính - Đảng TPHCM phát động ủng hộ; các "
            "tổ chức cơ sở đảng trực thuộc đã đóng góp 420 triệu đồng.\n\nNăm 2022, Đảng bộ Khối đã hỗ trợ xây dựng 9 căn nhà "
            "tình thương cho hộ nghèo ở huyện Bình Chánh.")
    facts = extract_document(text)
    assert {(f.value, f.body) for f in facts} == {(420_000_000, "Đảng bộ Khối Dân - Chính - Đảng thành phố Hồ Chí Minh"),
                                                (9, "Đảng bộ Khối Dân - Chính - Đảng thành phố Hồ Chí Minh")}


def test_whole_party_organisation_of_a_commune() -> None:
    text = ("Phát triển đảng viên\n\nTheo Bí thư Đảng ủy xã Quảng Phú, huyện Quảng Xương, 6 tháng đầu năm 2024, toàn Đảng "
            "bộ xã kết nạp 8 đảng viên.")
    assert "Quảng Phú" in _body(text)[0]


def test_whole_party_organisation_is_the_body_the_article_is_about() -> None:
    text = ("Tỉnh ủy Yên Bái tổng kết công tác tổ chức xây dựng Đảng\n\nNgày 12/1/2024, Tỉnh ủy Yên Bái tổ chức hội nghị "
            "tổng kết công tác tổ chức xây dựng Đảng năm 2023 và triển khai nhiệm vụ năm 2024.\n\nNăm 2023, Huyện ủy Lục "
            "Yên kết nạp 145 đảng viên; Huyện ủy Văn Chấn kết nạp 160 đảng viên. Tính chung cả năm, toàn Đảng bộ kết nạp "
            "1.210 đảng viên mới.")
    facts = {f.value: f.body for f in extract_document(text)}
    assert facts[1210] == "Đảng bộ tỉnh Yên Bái"
    assert facts[160].startswith("Đảng bộ huyện Văn Chấn")


def test_the_centre() -> None:
    text = ("Sơ kết công tác tổ chức\n\nNgày 20/7/2024, Ban Chấp hành Trung ương Đảng sơ kết công tác xây dựng Đảng: 6 tháng "
            "đầu năm, toàn Đảng kết nạp 98.210 đảng viên. Thực hiện Quy định của Bộ Chính trị, Tỉnh ủy Hà Giang "
            "lấy phiếu tín nhiệm đối với 13 đồng chí.")
    facts = {f.value: f.body for f in extract_document(text)}
    assert facts == {98210: "Đảng Cộng sản Việt Nam", 13: "Đảng bộ tỉnh Hà Giang"}


def test_an_outlet_of_the_party_is_no_body() -> None:
    text = ("Báo điện tử Đảng Cộng sản Việt Nam\nTrao nhà cho hộ nghèo vùng biên\n\nNgày 2/12/2024, đoàn công tác "
            "trao 15 căn nhà đại đoàn kết cho hộ nghèo ở các xã biên giới.\n\nTheo Báo điện tử Đảng Cộng sản Việt Nam")
    assert "centre" not in [m.unit for m in find_mentions(unify(text))]
    text = text.replace("đoàn công tác", "Huyện ủy Mường Lát")
    assert _body(text)[0].startswith("Đảng bộ huyện Mường Lát")


def test_short_form_refers_back() -> None:
    text = ("Đảng ủy Khối các cơ quan Trung ương họp\n\nNgày 6/3/2019, Đảng ủy Khối các cơ quan Trung ương họp "
            "sơ kết công tác tại Hà Nội trong cả buổi sáng.\n\nDịp này, Đảng ủy Khối đã trích 300 triệu đồng ủng hộ tỉnh Lai Châu.")
    assert _body(text) == ("Đảng bộ Khối các cơ quan Trung ương", None)


def test_short_form_skips_a_recipient() -> None:
    text = ("Xã Quảng Tín kết nạp đảng viên\n\nNgày 4/9/2025, Đảng ủy xã Quảng Tín (Lâm Đồng) họp, bàn cách giúp đỡ "
            "đồng bào các xã Phú Sơn, Lộc An xây dựng chi bộ thôn.\n\nSau buổi họp, Đảng ủy xã đã kết nạp 6 quần chúng ưu tú.")
    body, _ = _body(text)
    assert "Quảng Tín" in body


def test_province_from_outlet_tag() -> None:
    text = ("Đảng ủy khối doanh nghiệp tỉnh kết nạp đảng viên\n\n(BTNO) - Năm 2019, Đảng ủy Khối doanh nghiệp tỉnh "
            "đã kết nạp 40 quần chúng ưu tú vào Đảng, góp phần xây dựng tổ chức đảng vững mạnh ở doanh nghiệp.")
    assert _body(text) == ("Đảng bộ Khối doanh nghiệp tỉnh Tây Ninh", "Tây Ninh")


def test_recipient_province_is_not_the_giver() -> None:
    text = ("Tỉnh ủy Bình Dương hỗ trợ xây nhà\n\nNăm 2020, Tỉnh ủy Bình Dương đã hỗ trợ tỉnh Kon Tum xây dựng 20 căn "
            "nhà đại đoàn kết cho hộ nghèo ở các xã biên giới, với kinh phí hỗ trợ 1 tỷ đồng.")
    facts = extract_document(text)
    assert {f.body for f in facts} == {"Đảng bộ tỉnh Bình Dương"}


def test_bracketed_province_of_a_recipient_is_not_the_documents() -> None:
    text = ("Quận ủy Long Biên hỗ trợ xây nhà\n\nNgày 3/10/2024, Quận ủy Long Biên trao 500 triệu đồng hỗ trợ hộ nghèo "
            "huyện Bát Xát (tỉnh Lào Cai) xây dựng nhà ở sau bão.\n\nHà Nội Mới")
    assert _body(text) == ("Đảng bộ quận Long Biên, thành phố Hà Nội", "Hà Nội")


def test_unknown_body_is_kept_unverified() -> None:
    text = ("Kết nạp đảng viên\n\nNăm 2021, Đảng ủy xã Tân Phước (Đồng Tháp) đã kết nạp 9 đảng viên mới, "
            "phần lớn là đoàn viên thanh niên tiêu biểu ở các ấp.")
    facts = extract_document(text)
    assert facts[0].body_verified is False
    assert "Tân Phước" in facts[0].body and facts[0].province == "Đồng Tháp"


def test_firms_and_mass_organisations_are_not_party_givers() -> None:
    text = ("Chung tay vì người nghèo\n\nNgày 8/3/2024, Đảng ủy Khối doanh nghiệp tỉnh Bình Định phát động ủng hộ Quỹ "
            "Vì người nghèo và trao 200 triệu đồng. Trong đó, Công ty Cổ phần Dược Bình Định ủng hộ 60 triệu đồng; "
            "Hội Cựu chiến binh tỉnh trao 15 triệu đồng. Đảng ủy Khối cũng tặng quà cho công nhân Công ty Phù Cát, "
            "trị giá 30 triệu đồng.")
    facts = extract_document(text)
    assert sorted(f.value for f in facts) == [30_000_000, 200_000_000]
    assert {f.body for f in facts} == {"Đảng bộ Khối doanh nghiệp tỉnh Bình Định"}


def test_state_body_beside_a_party_committee() -> None:
    text = ("Trao quà Tết\n\nNgày 2/2/2024, Thường trực Huyện ủy Ea Súp cùng lãnh đạo UBND huyện trao 40 triệu đồng "
            "cho các hộ nghèo ở xã Ia Lốp.")
    assert "Ea Súp" in _body(text)[0]


@pytest.mark.parametrize("state", ["Văn phòng UBND tỉnh", "HĐND huyện"])
def test_state_bodies_give_no_party_fact(state: str) -> None:
    text = (f"Ủng hộ quỹ\n\nNgày 2/3/2021, {state} phát động ủng hộ. Kết quả, cán bộ đã quyên góp được số tiền "
            "25 triệu đồng để giúp các hộ khó khăn.")
    assert extract_document(text) == []


def test_the_schools_chi_bo_named_before_it() -> None:
    text = ("Phát triển đảng viên trong trường học\n\nNăm học 2023 - 2024, tại Trường THCS Nguyễn Du (Quảng Ngãi), "
            "chi bộ nhà trường kết nạp 3 quần chúng là giáo viên trẻ vào Đảng. Huyện ủy Sơn Tịnh cũng kết nạp 25 đảng viên mới.")
    facts = {f.value: f.body for f in extract_document(text)}
    assert facts[3].startswith("Chi bộ Trường THCS Nguyễn Du")
    assert "Sơn Tịnh" in facts[25]


def test_school_chi_bo_in_general_names_no_school() -> None:
    mentions = find_mentions("Tại Trường THPT Lê Quý Đôn có hội nghị; các chi bộ trường học đều kết nạp đảng viên.")
    assert [m.name for m in mentions if m.unit == "chi bộ"] == []
