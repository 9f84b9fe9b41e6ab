"""Folding and slugging of body names, so that spellings of one body meet on one key.

"Đảng uỷ Khối  các cơ quan tỉnh Tây Ninh" and "Đảng ủy khối các cơ quan tỉnh Tây Ninh" fold to the same key.
"""

from __future__ import annotations

import re
import unicodedata

# Old-style tone placement → new style, the spellings that differ most often in body names.
_TONE_SPELLINGS = {
    "uỷ": "ủy", "Uỷ": "Ủy", "hoà": "hòa", "Hoà": "Hòa", "khoá": "khóa", "Khoá": "Khóa",
    "thuỷ": "thủy", "Thuỷ": "Thủy", "hoá": "hóa", "Hoá": "Hóa", "toà": "tòa", "Toà": "Tòa",
}
_SPACE = re.compile(r"\s+")
_NON_WORD = re.compile(r"[^0-9a-z]+")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def tidy(text: str) -> str:
    """NFC, one spelling of the tone marks, single spaces: the form names are stored in."""
    text = nfc(text)
    for old, new in _TONE_SPELLINGS.items():
        text = text.replace(old, new)
    return _SPACE.sub(" ", text).strip()


def fold(text: str) -> str:
    """The lookup key: tidy, lower-case, keep diacritics (Hà Nam and Hà Nâm are different places)."""
    return tidy(text).lower()


def ascii_fold(text: str) -> str:
    text = tidy(text).lower().replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def slug(text: str) -> str:
    """An ASCII id: "Đảng bộ huyện Tân Châu" → "dang-bo-huyen-tan-chau"."""
    return _NON_WORD.sub("-", ascii_fold(text)).strip("-") or "khong-ten"
