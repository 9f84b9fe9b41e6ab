"""etl/extract/lookback.py: the reversed tests answer what the forward searches they replace answer."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from etl.extract import bodies
from etl.extract.lookback import clause_start, word_then_clause, word_then_space

_GIVEN_TO = re.compile(r"\b(?:của|cho|tặng|thăm|chúc tết|chúc mừng|với|gửi|tới|đến)\s+$", re.IGNORECASE)
_TITLE = re.compile(r"\b(?:bí thư|ủy viên|trưởng ban|phó trưởng ban|chủ tịch|chủ nhiệm|chánh văn phòng|giám đốc|trưởng|phó)"
                    r"\b[^,;:()]{0,30}$", re.IGNORECASE)
_RECIPIENT = re.compile(r"\b(?:cho|tặng|tại|ở|thăm|giúp|hỗ trợ|đến|về|tới|của|người dân|bà con|hộ|khó khăn|trên địa bàn|"
                        r"các|và|với)\b[^,;:()]{0,40}$", re.IGNORECASE)
_CLAUSE = re.compile(r"(?:^|[,;:.!?(]\s*|\n)$")

_PIECES = ["của", "Của", "CHO", "cho", "chúc tết", "chúc  tết", "Bí thư", "bí thư", "Phó", "phó trưởng ban", "trưởng",
           "ở", "Ở", "hỗ trợ", "các", "và", "xã", "Tỉnh ủy", "Nguyễn Văn A", "x", "ab", "1234567890", "0123456789" * 2,
           " ", "  ", "\n", "\t", "\x1c", "\u2028", "\u00a0", ",", ";", ":", "(", ")", ".", "!", "?", "-", "_", "ıı"]
TEXT = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)


@settings(max_examples=500, deadline=None)
@given(TEXT)
def test_as_the_forward_searches(text: str) -> None:
    assert bodies._after_giving(text) == bool(_GIVEN_TO.search(text)), text
    assert bodies._after_title(text) == bool(_TITLE.search(text)), text
    assert bodies._after_recipient(text) == bool(_RECIPIENT.search(text)), text
    assert clause_start(text) == bool(_CLAUSE.search(text)), text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=50))
def test_any_text(text: str) -> None:
    assert bodies._after_title(text) == bool(_TITLE.search(text)), text
    assert clause_start(text) == bool(_CLAUSE.search(text)), text


def test_sentences() -> None:
    assert word_then_space(["của"])("dưới sự lãnh đạo của\n")
    assert not word_then_space(["của"])("dưới sự lãnh đạo củaa ")
    title = word_then_clause(["bí thư"], 30)
    assert title("Ông Nguyễn Văn A, Phó Bí thư thường trực ")
    assert not title("Bí thư " + "x" * 30)  # 31 characters after the word
    assert title("Bí thư " + "x" * 29 + "\n") and _TITLE.search("Bí thư " + "x" * 29 + "\n")  # a final newline: not counted
    assert not title("Bí thư; hội nghị ")
    assert clause_start("") and clause_start("Ngày 5/3, ") and clause_start("hội nghị.\n") and not clause_start("về ")
