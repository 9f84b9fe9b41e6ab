"""etl/text/normalize.py, the extractor's first step: the fast paths give what the plain rules give."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from etl.text.normalize import _CHAR_MAP, _TONE_PAIRS, match_form, tidy, unify

_PIECES = [*"uUoOqQ ,.-\n", *"ỷýỳỹỵàáảãạèéẻẽẹỶÝỲỸỴÀÁẢÃẠÈÉẺẼẸ", "ủy", "hoà", "quý", "Uỷ", "UỶ", "Đảng ", "\u00a0", "–"]
TEXT = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)
_LOWER = re.compile("(?<![qQ])(?:u[ỷýỳỹỵ]|o[àáảãạèéẻẽẹ])(?!\\w)")
_UPPER = re.compile("(?<![qQ])(?:U[ỷýỳỹỵ]|O[àáảãạèéẻẽẹ])(?!\\w)")


def _plain_unify(text: str) -> str:
    t = _LOWER.sub(lambda m: _TONE_PAIRS[m.group(0)], text)
    t = _UPPER.sub(lambda m: _TONE_PAIRS[m.group(0).lower()].capitalize(), t)
    return t.translate(_CHAR_MAP)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_unify_and_match_form_as_the_plain_rules(text: str) -> None:
    assert unify(text) == _plain_unify(text)
    assert match_form(text) == _LOWER.sub(lambda m: _TONE_PAIRS[m.group(0)], text.lower().translate(_CHAR_MAP))
    assert len(match_form(text)) == len(unify(text)) == len(text)


def test_examples() -> None:
    assert unify("Đảng uỷ xã Hoà Bình, quý I") == "Đảng ủy xã Hòa Bình, quý I"
    assert unify("Uỷ ban") == "Ủy ban"
    assert match_form("TỈNH UỶ – Thanh Hoá") == "tỉnh ủy - thanh hóa"
    assert tidy("Uỷ  ban ") == "Ủy ban"
