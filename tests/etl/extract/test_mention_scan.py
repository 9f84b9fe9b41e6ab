"""The body-mention scan tries its pattern only where a mention can start: it finds what trying it wherever
an anchor word stands finds."""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from etl.extract import bodies
from etl.extract.bodies import ANCHOR_WORDS, MENTION_STARTS, find_mentions
from etl.text.normalize import forms

_PIECES = ["Đảng ", "đảng ", "ĐẢNG ", "ủy ", "uỷ ", "UỶ ", "Ủy ", "bộ ", "Bộ ", "khối ", "Khối ", "viên ", "đoàn ",
           "Đoàn ", "đại biểu ", "Đại bıểu ", "\u00d0oàn ", "\u00d0ại ", "công tác ", "Chi bộ ", "chi tiết ", "Ban ",
           "ban thường vụ ", "BTV ", "Ban Chấp hành ", "thường trực ", "Tỉnh ", "tỉnh ", "Thành ", "thành phố ",
           "TP. ", "tp ", "Huyện ", "huyện ", "Quận ", "Thị ", "thị xã ", "xã ", "Phường ", "thị trấn ", "toàn ",
           "Toàn ", "Văn phòng ", "văn hóa ", "HĐND ", "UBND ", "Hội đồng nhân dân ", "hội nghị ", "ĐUK ",
           "Tây Ninh", "Lâm Đồng", "TP.HCM", "Bảo Yên ", "Nguyễn Văn Bình ", "miền núi ", "(", ")", "( Lào Cai )",
           "Thường trực Tỉnh ủy ", "BTV Thành ủy ", "Ban Thường vụ Đảng ủy ", "Văn phòng UBND ", "toàn thị xã ",
           "Đoàn ĐBQH ", "Bộ Chính trị ", "Ban Chấp hành Trung ương ", "BCH TW ", "Ban Bí thư ", "toàn Đảng ",
           "Đảng Cộng sản Việt Nam ", "Công ty ", "Tập đoàn ", "Tổng công ty ", "Ngân hàng ", "Hội ", "Công đoàn ",
           "các cơ quan Đảng ", "Phường 7 ", "Quận 10 ", "Dân - Chính - Đảng ", "Cao su ", ", ", ". ", "\n", "\t", "  ", "\u00a0", "của ", "cho ", "Bí thư ", "5 ", "x", "-"]
TEXT = st.lists(st.sampled_from(_PIECES), max_size=50).map("".join)


def _spans(ms: list[re.Match[str]]) -> list[tuple[int, int, str | None]]:
    return [(m.start(), m.end(), m.lastgroup) for m in ms]


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_scan_as_the_anchored_scan(text: str) -> None:
    low, uni = forms(text)
    assert _spans(bodies._scan(uni, low)) == _spans(bodies._scan_anchored(uni, low))


def test_sentences() -> None:
    for text in ["Huyện ủy Bảo Yên (Lào Cai) và toàn huyện đã kết nạp 30 đảng viên.",
                 "Ban Thường vụ Tỉnh ủy Tây Ninh, Thường trực Thành ủy và Văn phòng UBND tỉnh họp.",
                 "Đảng viên chi bộ thôn tham gia hội nghị văn hóa; Chi bộ Ấp 3 và Đảng đoàn Quốc hội dự.",
                 "Đoàn đại biểu tỉnh Lâm Đồng thăm thị xã Buôn Hồ, Đảng ủy Khối doanh nghiệp tỉnh và ĐUK.",
                 "\u00d0oàn \u00d0ại biểu Quốc hội tỉnh Tây Ninh và đoàn công tác của TP.HCM làm việc.",
                 "Ban Chấp hành Công đoàn đại biểu cơ sở họp."]:
        low, uni = forms(text)
        assert _spans(bodies._scan(uni, low)) == _spans(bodies._scan_anchored(uni, low)), text
        assert bodies._scan(uni, low)
    kinds = [m.kind for m in find_mentions(forms("Văn phòng HĐND tỉnh và UBND huyện dự hội nghị văn hóa")[1])]
    assert kinds == ["state", "state"]


def test_starts_begin_with_an_anchor_word() -> None:
    # so that a start is only ever found where an anchor word (or phrase) stands
    assert all(any(s.split()[0].startswith(w) or s.startswith(w) for w in ANCHOR_WORDS) for s in MENTION_STARTS)


def test_variants_cover_case_blind_letters() -> None:
    """Every character a case-blind match takes for a letter of a start lower-cases to that letter or to one
    of its listed variants."""
    letters = {ch for s in MENTION_STARTS for ch in s if ch.isalpha()}
    cased = [c for c in map(chr, range(sys.maxunicode + 1)) if c.lower() != c or c.upper() != c]
    for letter in letters:
        same = re.compile(f"(?i:{re.escape(letter)})")
        lowers = {c.lower() for c in cased if len(c.lower()) == 1 and same.fullmatch(c)}
        assert lowers <= {letter, *bodies._VARIANTS.get(letter, "")}, (letter, lowers)
