"""Normalisation that keeps character offsets: NFC, then a same-length "matching" form.

The extractor reports offsets into ``unicodedata.normalize("NFC", text)``. Rules match on
:func:`match_form`, which has exactly the same length, so a match position is an offset in the NFC text.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Old-style tone placement ("uỷ", "hoà") → modern ("ủy", "hòa"); both sides two characters long.
_TONE_PAIRS = {
    "uỷ": "ủy", "uý": "úy", "uỳ": "ùy", "uỹ": "ũy", "uỵ": "ụy",
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
}
# Only at the end of a syllable ("hoà" but not "hoàn", "đoạn") and not after q ("quý" stays).
# (Written as character classes: a 15-way alternation of literals scans several times slower.)
_TONE_RE = re.compile("(?<![qQ])(?:u[ỷýỳỹỵ]|o[àáảãạèéẻẽẹ])(?!\\w)")
_TONE_RE_UPPER = re.compile("(?<![qQ])(?:U[ỷýỳỹỵ]|O[àáảãạèéẻẽẹ])(?!\\w)")
assert {a + b for a, bs in (("u", "ỷýỳỹỵ"), ("o", "àáảãạèéẻẽẹ")) for b in bs} == set(_TONE_PAIRS)
# Whether either could match: opening on the (rarer) toned vowel, this one skips through a document several
# times faster than the two above, which open with a look-behind; most documents hold no old-style pair.
_TONE_ANY = re.compile("[ỷýỳỹỵàáảãạèéẻẽẹ](?<=[uUoO].)(?<![qQ]..)(?!\\w)")
# Look-alike characters seen in bad data, mapped one-to-one.
_CHAR_MAP = str.maketrans({"\u00d0": "đ", "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2013": "-",
                           "\u2014": "-", "\u2010": "-", "\u2011": "-", "\u2212": "-", "\u201c": '"',
                           "\u201d": '"', "\u00ab": '"', "\u00bb": '"', "\u2018": "'", "\u2019": "'"})
_SPACES = re.compile(r"[ \t\u00a0\u2009\u202f]+")
# str.translate with a dict costs a Python lookup per character; a regex over the few mapped characters is
# ten times faster on whole documents (most of which hold none or a handful of them).
_CHAR_RE = re.compile("[" + "".join(re.escape(chr(k)) for k in _CHAR_MAP) + "]")


def _map_chars(text: str) -> str:
    return _CHAR_RE.sub(lambda m: str(_CHAR_MAP[ord(m.group())]), text)


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
    low = _map_chars(low)
    return _modern_tones(low, upper=False)


def _modern_tones(text: str, *, upper: bool = True) -> str:
    """Old-style tone pairs moved ("uỷ" → "ủy"); with ``upper``, capitalised pairs too ("Uỷ" → "Ủy")."""
    if not _TONE_ANY.search(text):
        return text
    text = _TONE_RE.sub(lambda m: _TONE_PAIRS[m.group(0)], text)
    if upper:
        text = _TONE_RE_UPPER.sub(lambda m: _TONE_PAIRS[m.group(0).lower()].capitalize(), text)
    return text


def tidy(text: str) -> str:
    """NFC, unified tone placement (case kept) and single spaces, for names and labels.

    >>> tidy("Đảng uỷ  xã   Bình Minh")
    'Đảng ủy xã Bình Minh'
    """
    return _SPACES.sub(" ", _modern_tones(nfc(text))).strip()


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case, no diacritics, đ → d, single spaces: a key for comparing names.

    >>> fold("Thành ủy TP.HCM")
    'thanh uy tp.hcm'
    """
    t = unicodedata.normalize("NFD", match_form(nfc(text)).replace("đ", "d"))
    if _NOT_ASCII_OR_MARK.search(t) is None:
        t = t.encode("ascii", "ignore").decode("ascii")  # what drops the marks when nothing else is left
    else:
        t = _MARKS.sub("", t)
    if "  " in t or "\t" in t or _ODD_SPACE.search(t) is not None:  # else every run of spaces is one " "
        t = _SPACES.sub(" ", t)
    return t.strip()


# combining marks (U+0300–U+036F) removed by fold() (a regex: str.translate looks up every character; and
# the marks of a text otherwise in ASCII go faster still, with whatever else is not ASCII, by encoding it)
_MARKS = re.compile("[\u0300-\u036f]+")
_NOT_ASCII_OR_MARK = re.compile("[^\x00-\x7f\u0300-\u036f]")
_ODD_SPACE = re.compile("[\u00a0\u2009\u202f]")


def forms(text: str) -> tuple[str, str]:
    """``(match_form(text), unify(text))`` with their shared work done once: one look for look-alike
    characters and one for old-style tone pairs serve both. (A pair of the text is a pair of its lower case at
    the same place: lower-casing keeps q apart and keeps word characters word characters, which a test checks
    over every code point.)

    >>> forms("Đảng uỷ Khối – Thanh Hoá")
    ('đảng ủy khối - thanh hóa', 'Đảng ủy Khối - Thanh Hóa')
    """
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    uni = text
    for ch in set(_CHAR_RE.findall(text)):
        uni = uni.replace(ch, _MAPPED[ch])
        if ch.lower() in _MAPPED:  # "Ð" lower-cases to "ð", which match_form keeps
            low = low.replace(ch.lower(), _MAPPED[ch.lower()])
    hits = [m.start() for m in _TONE_ANY.finditer(low)]
    if hits:
        low = _move_pairs(low, hits, upper=False)
        uni = _move_pairs(uni, hits, upper=True)
    return low, uni


def _move_pairs(text: str, hits: list[int], *, upper: bool) -> str:
    """``text`` with the old-style pairs ending at ``hits`` (vowel positions where ``_TONE_ANY`` matched the
    lower-case form) moved; with ``upper``, capitalised pairs too. As :func:`_modern_tones`, without its scans."""
    out = []
    last = 0
    for i in hits:
        pair = text[i - 1:i + 1]
        new = _TONE_PAIRS.get(pair)
        if new is None:
            if not upper or pair[0] not in "UO" or (lower := _TONE_PAIRS.get(pair[0].lower() + pair[1])) is None:
                continue
            new = lower.capitalize()
        out.append(text[last:i - 1])
        out.append(new)
        last = i + 1
    out.append(text[last:])
    return "".join(out)


_MAPPED = {chr(k): str(v) for k, v in _CHAR_MAP.items()}


def unify(text: str) -> str:
    """Modern tone placement with case kept and the same length ("Đảng uỷ" → "Đảng ủy").

    >>> unify("Thanh Hoá")
    'Thanh Hóa'
    """
    return _map_chars(_modern_tones(text))


UPPER = "".join(c for c in map(chr, range(0x41, 0x1F00)) if c.isupper() and c.isalpha()
                and unicodedata.name(c, "").startswith("LATIN"))
LOWER = "".join(c for c in map(chr, range(0x61, 0x1F00)) if c.islower() and c.isalpha()
                and unicodedata.name(c, "").startswith("LATIN"))
