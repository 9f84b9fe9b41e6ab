"""Normalisation that keeps character offsets: NFC, then a same-length "matching" form.

The extractor reports offsets into ``unicodedata.normalize("NFC", text)``. Rules match on
:func:`match_form`, which has exactly the same length, so a match position is an offset in the NFC text.
"""

from __future__ import annotations

import re
import unicodedata

# Old-style tone placement ("uỷ", "hoà") → modern ("ủy", "hòa"); both sides two characters long.
_TONE_PAIRS = {
    "uỷ": "ủy", "uý": "úy", "uỳ": "ùy", "uỹ": "ũy", "uỵ": "ụy",
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
}
# Only at the end of a syllable ("hoà" but not "hoàn", "đoạn") and not after q ("quý" stays).
_TONE_RE = re.compile("(?<![qQ])(?:{})(?!\\w)".format("|".join(_TONE_PAIRS)))
_TONE_RE_UPPER = re.compile("(?<![qQ])(?:{})(?!\\w)".format("|".join(k.capitalize() for k in _TONE_PAIRS)))
# Look-alike characters seen in bad data, mapped one-to-one.
_CHAR_MAP = str.maketrans({"\u00d0": "đ", "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2013": "-",
                           "\u2014": "-", "\u2010": "-", "\u2011": "-", "\u2212": "-", "\u201c": '"',
                           "\u201d": '"', "\u00ab": '"', "\u00bb": '"', "\u2018": "'", "\u2019": "'"})
_SPACES = re.compile(r"[ \t\u00a0\u2009\u202f]+")


def nfc(text: str) -> str:
    """The NFC form of ``text``: the reference for every offset the extractor reports."""
    return unicodedata.normalize("NFC", text)


def match_form(text: str) -> str:
    """Lower-cased NFC text with unified spelling and the same length as the input.

    >>> match_form("Đảng uỷ Khối – Tây Ninh")
    'đảng ủy khối - tây ninh'
    """
    low = text.lower()
    if len(low) != len(text):  # a few exotic characters change length when lower-cased
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    low = low.translate(_CHAR_MAP)
    return _TONE_RE.sub(lambda m: _TONE_PAIRS[m.group(0)], low)


def tidy(text: str) -> str:
    """NFC, unified tone placement (case kept) and single spaces, for names and labels.

    >>> tidy("Đảng uỷ  xã   Bình Minh")
    'Đảng ủy xã Bình Minh'
    """
    t = nfc(text)
    t = _TONE_RE.sub(lambda m: _TONE_PAIRS[m.group(0)], t)
    t = _TONE_RE_UPPER.sub(lambda m: _TONE_PAIRS[m.group(0).lower()].capitalize(), t)
    return _SPACES.sub(" ", t).strip()


def fold(text: str) -> str:
    """Lower case, no diacritics, đ → d, single spaces: a key for comparing names.

    >>> fold("Thành ủy TP.HCM")
    'thanh uy tp.hcm'
    """
    t = match_form(nfc(text)).replace("đ", "d")
    t = unicodedata.normalize("NFD", t).translate(_MARKS)
    return _SPACES.sub(" ", t).strip()


# combining marks (U+0300–U+036F) removed by fold()
_MARKS = dict.fromkeys(range(0x300, 0x370))


def unify(text: str) -> str:
    """Modern tone placement with case kept and the same length ("Đảng uỷ" → "Đảng ủy").

    >>> unify("Thanh Hoá")
    'Thanh Hóa'
    """
    t = _TONE_RE.sub(lambda m: _TONE_PAIRS[m.group(0)], text)
    t = _TONE_RE_UPPER.sub(lambda m: _TONE_PAIRS[m.group(0).lower()].capitalize(), t)
    return t.translate(_CHAR_MAP)


UPPER = "".join(c for c in map(chr, range(0x41, 0x1F00)) if c.isupper() and c.isalpha()
                and unicodedata.name(c, "").startswith("LATIN"))
LOWER = "".join(c for c in map(chr, range(0x61, 0x1F00)) if c.islower() and c.isalpha()
                and unicodedata.name(c, "").startswith("LATIN"))
