"""etl/text/normalize.py, the extractor's first step: the fast paths give what the plain rules give."""

from __future__ import annotations

import re
import sys
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from etl.text.normalize import _CHAR_MAP, _TONE_PAIRS, fold, forms, match_form, nfc, tidy, unify

_PIECES = [*"uUoOqQ ,.-\n\u00d0\u00f0", *"ỷýỳỹỵàáảãạèéẻẽẹỶÝỲỸỴÀÁẢÃẠÈÉẺẼẸ", "ủy", "hoà", "quý", "Uỷ", "UỶ", "Đảng ", "\u00a0", "–"]
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
    assert forms(text) == (match_form(text), unify(text))


def test_forms_share_their_places() -> None:
    """What forms() relies on to find the tone pairs of a text in its lower case, for every code point:
    only q and Q lower-case to q, lower-casing keeps word characters word characters (and others others),
    and a character whose lower case is a mapped look-alike is that character."""
    word = re.compile(r"\w")
    changed = [c for c in map(chr, range(sys.maxunicode + 1)) if c.lower() != c and len(c.lower()) == 1]
    assert len(changed) > 1000  # Latin, Greek, Cyrillic… capitals
    for c in changed:
        lower, code = c.lower(), ord(c)
        assert lower != "q" or c == "Q", hex(code)
        assert bool(word.match(c)) == bool(word.match(lower)), hex(code)
        assert ord(lower) not in _CHAR_MAP, hex(code)


def _plain_fold(text: str) -> str:
    t = unicodedata.normalize("NFD", match_form(nfc(text)).replace("đ", "d"))
    return re.sub(r"[ \t\u00a0\u2009\u202f]+", " ", re.sub("[\u0300-\u036f]+", "", t)).strip()


@settings(max_examples=300, deadline=None)
@given(st.one_of(TEXT, st.lists(st.sampled_from([*_PIECES, "Báo ", "Đà Nẵng", "\t", "  ", "\u2009", "\u202f", "©", "ð",
                                                 "e\u0301", "\u0300", "TP.HCM", "đ"]), max_size=30).map("".join),
                 st.text(max_size=30)))
def test_fold_as_the_plain_rules(text: str) -> None:
    assert fold.__wrapped__(text) == _plain_fold(text)


def test_examples() -> None:
    assert unify("Đảng uỷ xã Hoà Bình, quý I") == "Đảng ủy xã Hòa Bình, quý I"
    assert unify("Uỷ ban") == "Ủy ban"
    assert match_form("TỈNH UỶ – Thanh Hoá") == "tỉnh ủy - thanh hóa"
    assert tidy("Uỷ  ban ") == "Ủy ban"
    assert fold(" Báo  Đà Nẵng\t– © ") == "bao da nang - ©"
    assert forms("Quý UỶ ban, xã Hoà Bình – Thanh Hoá") == ("quý ủy ban, xã hòa bình - thanh hóa",
                                                          "Quý UỶ ban, xã Hòa Bình - Thanh Hóa")
