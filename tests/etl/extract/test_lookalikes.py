"""Sentences that look like figures but are not (targets, totals, awards, ordinals, documents, terms)."""

from __future__ import annotations

import pytest

from etl.extract.metrics import find_candidates
from etl.text.normalize import match_form


@pytest.mark.parametrize("sentence", [
    "Huyện phấn đấu kết nạp 150 đảng viên mới trong năm.",
    "Chỉ tiêu kết nạp 80 đảng viên được giao cho các chi bộ.",
    "Kế hoạch năm sau phát triển 60 đảng viên.",
    "Mỗi năm kết nạp từ 90 - 100 đảng viên theo nghị quyết đề ra.",
    "Toàn Đảng bộ có tổng số 4.500 đảng viên.",
    "Đã nâng tổng số đảng viên lên 1.200 người sau khi kết nạp.",
    "Các chi bộ xét chuyển đảng chính thức cho 48 đảng viên.",
    "Chi bộ tổ chức kết nạp đảng viên chính thức cho 3 đồng chí.",
    "Trao Huy hiệu 40 năm tuổi Đảng cho 25 đồng chí.",
    "Có 70 quần chúng được học lớp bồi dưỡng nhận thức về Đảng.",
    "Hội nghị Ban Chấp hành lần thứ 13 có 5 đồng chí vắng mặt.",
    "Thực hiện Chỉ thị số 35-CT/TW ngày 30/5/2019 của Bộ Chính trị.",
    "Quy hoạch cấp ủy nhiệm kỳ 2020-2025 được rà soát.",
    "Huyện khởi công xây mới 14 căn nhà đại đoàn kết.",
    "Đơn vị sửa chữa 8 căn nhà tình nghĩa.",
    "Mỗi căn nhà được hỗ trợ 50 triệu đồng.",
    "Các doanh nghiệp ủng hộ tối thiểu từ 5 triệu đồng trở lên.",
    "Dự án có tổng mức đầu tư 120 tỷ đồng từ ngân sách.",
    "Trao 300 phần quà cho hộ nghèo.",
    "Kết quả có 40/47 phiếu tín nhiệm cao.",
    "HĐND tỉnh lấy phiếu tín nhiệm đối với 28 người giữ chức vụ do HĐND bầu.",
    "Hội nghị đã bầu 15 đồng chí vào Ban Chấp hành.",
    "Có 250 đại biểu dự hội nghị.",
    "Kết nạp được 40 đảng viên, trong đó có 12 đảng viên nữ.",
    "Chi bộ chuẩn bị nguồn để kết nạp 6 quần chúng còn lại.",
    "Xã đưa vào sử dụng 3 nhà văn hóa thôn.",
    "Sau khi lấy phiếu tín nhiệm, 11 đồng chí đạt trên 80% phiếu tín nhiệm cao.",
    "Tổng kinh phí thực hiện 2,4 tỷ đồng, lấy từ ngân sách tỉnh và Quỹ Vì người nghèo.",
    "Năm tới, huyện phấn đấu kết nạp 40 đảng viên và xây mới 25 căn nhà cho hộ nghèo.",
    "Đây là đợt kết nạp thứ 2 người đồng bào Mông ở bản.",
    "Mỗi căn nhà có tổng kinh phí 80 triệu đồng, trong đó đơn vị hỗ trợ 50 triệu đồng.",
    "Dự kiến quý IV, Huyện ủy tiếp tục kết nạp thêm khoảng 20 quần chúng.",
    "Chương trình có tổng kinh phí hơn 96 tỷ đồng, trong đó ngân sách nhà nước hỗ trợ 52 tỷ đồng.",
])
def test_not_a_fact(sentence: str) -> None:
    low = match_form(sentence)
    got = [(c.metric, c.number.value) for c in find_candidates(low, 0, len(low), orig=sentence)]
    assert got in ([], [("members_admitted", 40.0)]), got
