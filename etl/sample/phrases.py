"""Word banks for the sample generators: places, outlets, people, page furniture.

Every phrase here was written for this project; none is taken from a real article. Province names are the
63 provinces and centrally-run cities before the 2025 merger.
"""

from __future__ import annotations

# (name, is_city, outlet, byline prefix used in the first line of its articles)
PROVINCES: list[tuple[str, bool, str, str]] = [
    ("Hà Nội", True, "Báo Hà Nội Mới", "(HNM) -"),
    ("Hồ Chí Minh", True, "Báo Sài Gòn Giải Phóng", "(SGGP) -"),
    ("Hải Phòng", True, "Báo Hải Phòng", "(HP) -"),
    ("Đà Nẵng", True, "Báo Đà Nẵng", "(ĐN) -"),
    ("Cần Thơ", True, "Báo Cần Thơ", "(CT) -"),
    ("Hà Giang", False, "Báo Hà Giang", "BHG -"),
    ("Cao Bằng", False, "Báo Cao Bằng", "(CB) -"),
    ("Bắc Kạn", False, "Báo Bắc Kạn", "(BK) -"),
    ("Tuyên Quang", False, "Báo Tuyên Quang", "(BTQ) -"),
    ("Lào Cai", False, "Báo Lào Cai", "(BLC) -"),
    ("Điện Biên", False, "Báo Điện Biên Phủ", "(ĐBP) -"),
    ("Lai Châu", False, "Báo Lai Châu", "(BLC) -"),
    ("Sơn La", False, "Báo Sơn La", "(BSL) -"),
    ("Yên Bái", False, "Báo Yên Bái", "(YB) -"),
    ("Hòa Bình", False, "Báo Hòa Bình", "(HB) -"),
    ("Thái Nguyên", False, "Báo Thái Nguyên", "(BTN) -"),
    ("Lạng Sơn", False, "Báo Lạng Sơn", "(LS) -"),
    ("Quảng Ninh", False, "Báo Quảng Ninh", "(BQN) -"),
    ("Bắc Giang", False, "Báo Bắc Giang", "(BGĐT) -"),
    ("Phú Thọ", False, "Báo Phú Thọ", "(BPT) -"),
    ("Vĩnh Phúc", False, "Báo Vĩnh Phúc", "(BVP) -"),
    ("Bắc Ninh", False, "Báo Bắc Ninh", "(BBN) -"),
    ("Hải Dương", False, "Báo Hải Dương", "(BHD) -"),
    ("Hưng Yên", False, "Báo Hưng Yên", "(BHY) -"),
    ("Thái Bình", False, "Báo Thái Bình", "(BTB) -"),
    ("Hà Nam", False, "Báo Hà Nam", "(BHN) -"),
    ("Nam Định", False, "Báo Nam Định", "(BNĐ) -"),
    ("Ninh Bình", False, "Báo Ninh Bình", "(BNB) -"),
    ("Thanh Hóa", False, "Báo Thanh Hóa", "(BTH) -"),
    ("Nghệ An", False, "Báo Nghệ An", "(BNA) -"),
    ("Hà Tĩnh", False, "Báo Hà Tĩnh", "(BHT) -"),
    ("Quảng Bình", False, "Báo Quảng Bình", "(QBĐT) -"),
    ("Quảng Trị", False, "Báo Quảng Trị", "(QT) -"),
    ("Thừa Thiên Huế", False, "Báo Thừa Thiên Huế", "(TTH) -"),
    ("Quảng Nam", False, "Báo Quảng Nam", "(QNa) -"),
    ("Quảng Ngãi", False, "Báo Quảng Ngãi", "(BQNg) -"),
    ("Bình Định", False, "Báo Bình Định", "(BĐ) -"),
    ("Phú Yên", False, "Báo Phú Yên", "(BPY) -"),
    ("Khánh Hòa", False, "Báo Khánh Hòa", "(BKH) -"),
    ("Ninh Thuận", False, "Báo Ninh Thuận", "(NTO) -"),
    ("Bình Thuận", False, "Báo Bình Thuận", "(BBT) -"),
    ("Kon Tum", False, "Báo Kon Tum", "(BKT) -"),
    ("Gia Lai", False, "Báo Gia Lai", "(GLO) -"),
    ("Đắk Lắk", False, "Báo Đắk Lắk", "(BĐL) -"),
    ("Đắk Nông", False, "Báo Đắk Nông", "(BĐN) -"),
    ("Lâm Đồng", False, "Báo Lâm Đồng", "(BLĐ) -"),
    ("Bình Phước", False, "Báo Bình Phước", "(BPO) -"),
    ("Tây Ninh", False, "Báo Tây Ninh", "BTNO -"),
    ("Bình Dương", False, "Báo Bình Dương", "(BD) -"),
    ("Đồng Nai", False, "Báo Đồng Nai", "(ĐN) -"),
    ("Bà Rịa - Vũng Tàu", False, "Báo Bà Rịa - Vũng Tàu", "(BR-VT) -"),
    ("Long An", False, "Báo Long An", "(LA) -"),
    ("Tiền Giang", False, "Báo Ấp Bắc", "(ẤB) -"),
    ("Bến Tre", False, "Báo Đồng Khởi", "(ĐK) -"),
    ("Trà Vinh", False, "Báo Trà Vinh", "(TV) -"),
    ("Vĩnh Long", False, "Báo Vĩnh Long", "(VL) -"),
    ("Đồng Tháp", False, "Báo Đồng Tháp", "(ĐT) -"),
    ("An Giang", False, "Báo An Giang", "(AG) -"),
    ("Kiên Giang", False, "Báo Kiên Giang", "(BKG) -"),
    ("Hậu Giang", False, "Báo Hậu Giang", "(HG) -"),
    ("Sóc Trăng", False, "Báo Sóc Trăng", "(BST) -"),
    ("Bạc Liêu", False, "Báo Bạc Liêu", "(BL) -"),
    ("Cà Mau", False, "Báo Cà Mau", "(BCM) -"),
]

# Districts of a few provinces by their real names; the others draw from COMMON_PLACE_NAMES.
DISTRICTS: dict[str, list[str]] = {
    "Tây Ninh": ["Tân Châu", "Tân Biên", "Châu Thành", "Dương Minh Châu", "Gò Dầu", "Bến Cầu"],
    "Hà Giang": ["Đồng Văn", "Mèo Vạc", "Yên Minh", "Quản Bạ", "Bắc Mê", "Vị Xuyên"],
    "Gia Lai": ["Chư Sê", "Chư Prông", "Đức Cơ", "Ia Grai", "Kbang", "Mang Yang"],
    "Nghệ An": ["Diễn Châu", "Quỳnh Lưu", "Nghi Lộc", "Đô Lương", "Thanh Chương", "Con Cuông"],
    "Thanh Hóa": ["Hoằng Hóa", "Quảng Xương", "Thọ Xuân", "Nông Cống", "Như Thanh", "Ngọc Lặc"],
    "Quảng Bình": ["Bố Trạch", "Quảng Ninh", "Lệ Thủy", "Tuyên Hóa", "Minh Hóa"],
    "Đồng Nai": ["Định Quán", "Tân Phú", "Vĩnh Cửu", "Trảng Bom", "Nhơn Trạch", "Xuân Lộc"],
    "Hà Nội": ["Ba Vì", "Sóc Sơn", "Đông Anh", "Gia Lâm", "Mỹ Đức", "Thạch Thất"],
    "Ninh Thuận": ["Ninh Phước", "Ninh Hải", "Ninh Sơn", "Bác Ái", "Thuận Bắc"],
    "Phú Thọ": ["Thanh Sơn", "Tân Sơn", "Yên Lập", "Cẩm Khê", "Hạ Hòa", "Đoan Hùng"],
    "Sóc Trăng": ["Mỹ Tú", "Kế Sách", "Long Phú", "Trần Đề", "Thạnh Trị"],
    "Cần Thơ": ["Phong Điền", "Cờ Đỏ", "Vĩnh Thạnh", "Thới Lai"],
}

COMMON_PLACE_NAMES = [
    "Châu Thành", "Phú Tân", "Tân Phú", "Vĩnh Thạnh", "Hòa An", "Bình Sơn", "Thạnh Hưng", "An Lạc", "Phú Hòa",
    "Tân Hiệp", "Long Hải", "Đông Sơn", "Yên Thành", "Bắc Sơn", "Hưng Nguyên", "Tiên Yên", "Kim Sơn",
    "Mỹ Xuyên", "Lộc Ninh", "Đồng Xuân", "Cam Lộ", "Nam Trực", "Thuận Thành", "Hải Hà", "Quế Sơn", "Ea Súp",
    "Cát Tiên", "Tuy Phước", "Vân Đồn", "Lục Ngạn", "Sơn Động", "Tam Nông", "Phước Long", "Hồng Ngự",
    "Thoại Sơn", "Giồng Riềng", "U Minh", "Hòa Bình", "Ngọc Hiển", "Mường Tè", "Sìn Hồ", "Điện Bàn",
]

COMMUNE_NAMES = [
    "Tân Hòa", "Phước Vinh", "Hòa Hiệp", "Thạnh Đông", "Suối Ngô", "Lũng Cú", "Ia Tiêm", "Xuân Phú",
    "Nghĩa Đàn", "Quảng Tiến", "An Bình", "Đông Thạnh", "Mỹ Hòa", "Long Khánh", "Thuận Lợi", "Bình Minh",
    "Hưng Đạo", "Quang Trung", "Trung Sơn", "Tân Lập", "Phú Cường", "Vĩnh Hòa", "Đại Đồng", "Minh Tân",
]

NATIONAL_OUTLETS: list[tuple[str, str]] = [
    ("Báo Điện tử Chính phủ", "(Chinhphu.vn) -"),
    ("Báo Nhân Dân", "(NDO) -"),
    ("Báo điện tử Đảng Cộng sản Việt Nam", "(ĐCSVN) -"),
    ("Báo Đại Đoàn Kết", "(ĐĐK) -"),
    ("VOV", "(VOV) -"),
]

AUTHORS = [
    "Minh Hà", "Thanh Tâm", "Ngọc Lan", "Quốc Bảo", "Hoài Thu", "Văn Long", "Thu Trang", "Đức Anh", "Hải Yến",
    "Trọng Nghĩa", "Bích Ngọc", "Công Thành", "Kim Oanh", "Phương Nam", "Hữu Phước", "Lệ Quyên",
]

OFFICIAL_NAMES = [
    "Nguyễn Văn Hùng", "Trần Thị Mai", "Lê Quang Vinh", "Phạm Minh Tuấn", "Hoàng Thị Hạnh", "Võ Thanh Sơn",
    "Đặng Văn Toàn", "Bùi Thị Hương", "Huỳnh Tấn Lộc", "Ngô Đức Thắng", "Dương Thị Liên", "Lý Văn Phúc",
]

OFFICIAL_TITLES = [
    "Bí thư", "Phó Bí thư", "Trưởng Ban Tổ chức", "Ủy viên Ban Thường vụ",
]

MENUS = [
    "Trang chủ | Thời sự | Xây dựng Đảng",
    "Trang chủ > Chính trị > Xây dựng Đảng",
    "TRANG CHỦ  CHÍNH TRỊ  KINH TẾ  XÃ HỘI  VĂN HÓA  THỂ THAO",
    "Trang chủ | Tin tức | Hoạt động cơ sở",
    "Xây dựng Đảng - Chính quyền",
]

WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"]
DAY_PARTS = ["Sáng", "Chiều", "Ngày", "Tối"]

ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"]

RELATED_HEADLINES = [
    "Nâng cao chất lượng sinh hoạt chi bộ ở vùng đồng bào dân tộc thiểu số",
    "Phát triển đảng viên trong doanh nghiệp ngoài khu vực nhà nước: còn nhiều khó khăn",
    "Trao tặng nhà tình nghĩa cho gia đình chính sách nhân dịp 27/7",
    "Tổng kết công tác kiểm tra, giám sát của cấp ủy các cấp",
    "Lan tỏa việc học và làm theo gương Bác ở từng chi bộ",
    "Đẩy mạnh chuyển đổi số trong công tác tổ chức xây dựng Đảng",
    "Chăm lo Tết cho hộ nghèo, gia đình có hoàn cảnh khó khăn",
    "Hội nghị Ban Chấp hành Đảng bộ lần thứ 8 bàn nhiệm vụ 6 tháng cuối năm",
    "Bồi dưỡng lý luận chính trị cho đảng viên mới",
    "Xóa nhà tạm, nhà dột nát: khi cả hệ thống chính trị cùng vào cuộc",
]

CAPTIONS = [
    "Lãnh đạo {short} trao quyết định kết nạp đảng cho các đảng viên mới.",
    "Đại biểu cắt băng khánh thành, bàn giao nhà cho hộ gia đình.",
    "Quang cảnh hội nghị.",
    "Đồng chí {official} phát biểu chỉ đạo tại hội nghị.",
    "Các đại biểu tham quan căn nhà vừa hoàn thành.",
    "Đảng viên mới tuyên thệ dưới cờ Đảng.",
]

FILLERS = [
    "Hội nghị đã đánh giá khách quan những kết quả đạt được, đồng thời chỉ rõ hạn chế và nguyên nhân.",
    "Công tác giáo dục chính trị tư tưởng tiếp tục được quan tâm, tạo sự thống nhất trong nhận thức và hành động.",
    "Nhiều mô hình, cách làm hay trong sinh hoạt chi bộ được nhân rộng ở cơ sở.",
    "Các cấp ủy đã bám sát chương trình công tác, kịp thời tháo gỡ vướng mắc phát sinh.",
    "Việc thực hiện quy chế dân chủ ở cơ sở có chuyển biến rõ nét, được nhân dân đồng tình.",
    "Đại diện các hộ gia đình bày tỏ niềm xúc động và cảm ơn sự quan tâm của các cấp, các ngành.",
    "Phát biểu tại buổi lễ, lãnh đạo địa phương đề nghị các hộ giữ gìn, sử dụng nhà hiệu quả, vươn lên thoát nghèo.",
    "Bên cạnh kết quả đạt được, nguồn phát triển đảng viên ở một số nơi vẫn còn hạn chế, nhất là ở vùng sâu.",
    "Thời gian tới, các cấp ủy tiếp tục nâng cao chất lượng tổ chức cơ sở đảng và đội ngũ đảng viên.",
    "Công tác kiểm tra, giám sát được triển khai đồng bộ, đúng kế hoạch đề ra.",
]

SAMPLE_MARK = "[Dữ liệu mẫu – bài viết tạo tự động]"
SAMPLE_NOTE = "Dữ liệu mẫu (sample data)"
