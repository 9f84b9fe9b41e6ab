"""Sentences with numbers that are NOT figures: targets, totals, ordinals, document numbers, terms, unit costs.

An extractor that reports any of these loses precision on the generated set. Each function returns one
sentence; `ctx` carries the article's body reference, year and the like.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from etl.sample.numbers import group
from etl.sample.phrases import ROMAN


@dataclass(frozen=True)
class Context:
    ref: str            # how the article names its body: "Tỉnh ủy Tây Ninh"
    year: int


def _target(rng: random.Random, c: Context) -> str:
    n = rng.randint(4, 60) * 10
    return rng.choice([
        f"Năm {c.year + 1}, {c.ref} phấn đấu kết nạp {group(n)} đảng viên mới.",
        f"Chỉ tiêu kết nạp đảng viên được giao cho cả nhiệm kỳ là {group(n * 4)} đồng chí.",
        f"Kế hoạch năm tới đặt ra là kết nạp ít nhất {group(n)} đảng viên, trong đó chú trọng đoàn viên thanh niên.",
        f"Dự kiến đến cuối năm {c.year + 1} sẽ bàn giao thêm {rng.randint(5, 40)} căn nhà cho hộ khó khăn.",
    ])


def _total(rng: random.Random, c: Context) -> str:
    members = rng.randint(800, 90000)
    orgs = rng.randint(12, 160)
    return rng.choice([
        f"Hiện nay, toàn Đảng bộ có tổng số {group(members)} đảng viên, sinh hoạt tại {orgs} tổ chức cơ sở đảng.",
        f"{c.ref} có {orgs} tổ chức đảng trực thuộc, gồm {orgs // 3} đảng bộ cơ sở và {orgs - orgs // 3} chi bộ cơ sở.",
        f"Tính chung, số đảng viên của Đảng bộ đạt {group(members)} người, tăng so với đầu nhiệm kỳ.",
    ])


def _official(rng: random.Random, c: Context) -> str:
    n = rng.randint(8, 120)
    return rng.choice([
        f"Cũng trong dịp này, các cấp ủy đã xét chuyển đảng chính thức cho {n} đồng chí.",
        f"Đã công nhận đảng viên chính thức cho {n} đồng chí hết thời gian dự bị.",
        f"Ngoài ra, {rng.randint(2, 30)} đảng viên được tặng Huy hiệu 30, 40, 50 năm tuổi Đảng.",
    ])


def _congress(rng: random.Random, c: Context) -> str:
    ordinal = ROMAN[rng.randint(8, 15)]
    start = c.year - c.year % 5
    return rng.choice([
        f"Nghị quyết Đại hội Đảng bộ lần thứ {ordinal}, nhiệm kỳ {start}-{start + 5} đang được triển khai tích cực.",
        f"Hội nghị Ban Chấp hành Đảng bộ lần thứ {rng.randint(5, 25)} đã thống nhất các giải pháp trọng tâm.",
        f"Đây là một trong {rng.randint(3, 6)} khâu đột phá mà Đại hội {ordinal} đã xác định.",
    ])


def _document(rng: random.Random, c: Context) -> str:
    number = rng.choice(["05-CT/TW", "35-CT/TW", "262-QĐ/TW", "28-CT/TW", "96-QĐ/TW", "31-HD/BTCTW"])
    return rng.choice([
        f"Việc thực hiện được căn cứ theo Chỉ thị số {number} ngày {rng.randint(1, 28)}/{rng.randint(1, 12)}/{c.year - rng.randint(0, 4)} của Trung ương.",
        f"{c.ref} ban hành Kế hoạch số {rng.randint(10, 400)}-KH/TU để cụ thể hóa văn bản số {number}.",
        f"Các cấp ủy quán triệt Hướng dẫn số {rng.randint(10, 60)}-HD/ĐUK về công tác phát triển đảng viên.",
    ])


def _training(rng: random.Random, c: Context) -> str:
    classes = rng.randint(2, 15)
    return rng.choice([
        f"Trong năm, đã mở {classes} lớp bồi dưỡng nhận thức về Đảng cho {group(classes * rng.randint(40, 90))} quần chúng ưu tú.",
        f"Trung tâm chính trị tổ chức {classes} lớp bồi dưỡng lý luận chính trị dành cho {group(classes * 60)} đảng viên mới.",
    ])


def _unit_cost(rng: random.Random, c: Context) -> str:
    each = rng.choice([40, 50, 60, 70, 80, 100])
    return rng.choice([
        f"Mỗi căn nhà có diện tích hơn {rng.randint(32, 60)} m2, trị giá {each} triệu đồng.",
        f"Mức hỗ trợ cho mỗi căn là {each} triệu đồng, phần còn lại do gia đình và người thân đóng góp.",
        f"Mỗi hộ được hỗ trợ {each} triệu đồng để xây mới hoặc {rng.randint(20, 30)} triệu đồng để sửa chữa nhà.",
    ])


def _housing_work(rng: random.Random, c: Context) -> str:
    return rng.choice([
        f"Hiện nay, địa phương đang khởi công thêm {rng.randint(3, 40)} căn nhà và sửa chữa {rng.randint(2, 20)} căn khác.",
        f"Đến nay đã hoàn thành {rng.randint(10, 60)}/{rng.randint(61, 120)} căn theo kế hoạch, đạt tỷ lệ {rng.randint(40, 95)}%.",
        f"Ngoài ra, {rng.randint(10, 200)} hộ được hỗ trợ cây giống, con giống để phát triển sản xuất.",
    ])


def _vote_tally(rng: random.Random, c: Context) -> str:
    total = rng.randint(30, 60)
    return rng.choice([
        f"Kết quả có {total - rng.randint(0, 6)}/{total} phiếu tín nhiệm cao đối với đồng chí Bí thư.",
        f"Tỷ lệ phiếu tín nhiệm cao đạt {rng.randint(60, 99)},{rng.randint(1, 99):02d}%.",
        f"Tại kỳ họp thứ {rng.randint(5, 12)}, HĐND tỉnh đã lấy phiếu tín nhiệm đối với {rng.randint(20, 35)} người giữ chức vụ do HĐND bầu.",
    ])


def _gifts(rng: random.Random, c: Context) -> str:
    return rng.choice([
        f"Đoàn đã trao {rng.randint(100, 900)} suất quà cho gia đình chính sách và hộ cận nghèo.",
        f"Nhân dịp này, {rng.randint(50, 400)} phần quà được gửi tới các em học sinh vượt khó.",
        f"Chương trình kỷ niệm {c.year - 1947} năm Ngày Thương binh – Liệt sĩ 27/7 thu hút đông đảo người dân.",
    ])


def _percentage(rng: random.Random, c: Context) -> str:
    return rng.choice([
        f"Có {rng.randint(85, 99)}% tổ chức cơ sở đảng được xếp loại hoàn thành tốt nhiệm vụ trở lên.",
        f"Số đảng viên mới là đoàn viên thanh niên chiếm {rng.randint(50, 85)}%, nữ chiếm {rng.randint(30, 60)}%.",
        f"Số đảng viên kết nạp đạt {rng.randint(100, 140)}% chỉ tiêu nghị quyết đề ra.",
    ])


ALL: list[Callable[[random.Random, Context], str]] = [
    _target, _total, _official, _congress, _document, _training, _unit_cost, _housing_work, _vote_tally,
    _gifts, _percentage,
]
BY_TOPIC: dict[str, list[Callable[[random.Random, Context], str]]] = {
    "members": [_target, _total, _official, _training, _percentage, _congress, _document],
    "houses": [_unit_cost, _housing_work, _target, _gifts],
    "votes": [_vote_tally, _congress, _document],
    "funds": [_gifts, _unit_cost, _document],
    "none": ALL,
}


def sentences(rng: random.Random, topic: str, ctx: Context, k: int) -> list[str]:
    """k distractor sentences suited to the article's topic, plus one from anywhere now and then."""
    pool = BY_TOPIC[topic]
    chosen = [make(rng, ctx) for make in rng.sample(pool, min(k, len(pool)))]
    if rng.random() < 0.3:
        chosen.append(rng.choice(ALL)(rng, ctx))
    return chosen
