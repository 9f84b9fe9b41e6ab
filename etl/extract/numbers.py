"""Vietnamese numbers as news writes them: "5.356", "145,8", "1,5 tỷ", "hai mươi mốt", "hơn 8 tỷ".

"." groups thousands and "," is the decimal mark. All functions work on text in
:func:`etl.text.normalize.match_form` (lower case), so offsets are those of the NFC document.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from etl.extract.phrases import trie_pattern

MULTIPLIERS = {"tỷ": 10**9, "tỉ": 10**9, "triệu": 10**6, "nghìn": 10**3, "ngàn": 10**3, "trăm": 100}
QUALIFIERS = {
    "hơn": "more_than", "trên": "more_than", "ngoài": "more_than", "gần": "about", "suýt": "about",
    "khoảng": "about", "chừng": "about", "xấp xỉ": "about", "ước": "about", "ước tính": "about",
    "độ": "about", "tầm": "about", "trên dưới": "about", "ít nhất": "at_least", "tối thiểu": "at_least",
    "đúng": "exact", "tròn": "exact",
}
_UNITS = {"một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5, "sáu": 6, "bảy": 7,
          "bẩy": 7, "tám": 8, "chín": 9}
_WORDS = sorted([*_UNITS, "mười", "mươi", "linh", "lẻ", "trăm", "nghìn", "ngàn", "triệu", "tỷ", "tỉ"],
                key=len, reverse=True)
_DIGITS = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_WORD_NUM = r"(?:{})(?:\s+(?:{}))*".format("|".join(_WORDS), "|".join(_WORDS))
_MULT = rf"(?:\s*(?:tỷ|tỉ|triệu|nghìn|ngàn|trăm)(?:\s+(?:{_DIGITS})\s*(?:triệu|nghìn|ngàn|trăm))*)?"
_QUAL = r"(?:(trên dưới|xấp xỉ|ước tính|ít nhất|tối thiểu|hơn|trên|ngoài|gần|suýt|khoảng|chừng|ước|độ|tầm|đúng|tròn)\s+)?"
_VAGUE_UNITS = ("chục", "trăm", "nghìn", "ngàn", "triệu")
_VAGUE = r"hàng\s+({})".format("|".join(_VAGUE_UNITS))
_NUMBER_RE = re.compile(
    r"(?<![\w.,/-])" + _QUAL
    + r"(?:(?P<vague>" + _VAGUE + r")|(?P<num>(?:" + _DIGITS + r")" + _MULT
    + r"(?:\s*(?:-|–|đến|tới)\s*(?:" + _DIGITS + r")" + _MULT + r"|(?P<ratio>/(?:" + _DIGITS + r")))?)"
    + r"|(?P<word>" + _WORD_NUM + r"))(?![\w]|[.,/-]\w)"
)
# What a number mention can end with: a digit, or the last letter of a number word or multiplier.
LAST_CHARS = r"\d" + "".join(sorted({w[-1] for w in [*_WORDS, *_VAGUE_UNITS]}))
_AMBIGUOUS = {"năm", "tư", "lăm", "mốt", "ba"}
_COUNTED = re.compile(r"\s+(?:người|đồng chí|đảng viên|quần chúng|căn|ngôi|nhà|chức danh|hộ|tỷ|triệu|nghìn|trăm)(?!\w)")
_PART_RE = re.compile(r"(" + _DIGITS + r")\s*(tỷ|tỉ|triệu|nghìn|ngàn|trăm)?")
_DIGITS_RE = re.compile(_DIGITS)
_RANGE_SPLIT = re.compile(r"\s*(?:-|–|đến|tới)\s*(?=\d)")
_MULTIPLIER = re.compile(r"tỷ|tỉ|triệu|nghìn|ngàn|trăm")


class NumberMention(NamedTuple):
    """A number in the text. ``value`` is the lower end of a range; ``raw`` is the text as written."""

    start: int
    end: int
    value: float
    high: float | None
    qualifier: str
    raw: str
    words: bool = False


def parse_digits(raw: str) -> float | None:
    """ "5.356" → 5356, "145,8" → 145.8, "04" → 4; None when it is not a number.

    >>> parse_digits("24.179.000"), parse_digits("1,5")
    (24179000.0, 1.5)
    """
    raw = raw.strip()
    if not _DIGITS_RE.fullmatch(raw):
        return None
    return float(raw.replace(".", "").replace(",", "."))


def parse_amount(raw: str) -> float | None:
    """Digits with multipliers: "1,5 tỷ" → 1.5e9, "1 tỷ 200 triệu" → 1.2e9, "600 triệu" → 6e8.

    >>> parse_amount("1 tỷ 200 triệu")
    1200000000.0
    """
    total = 0.0
    found = False
    for m in _PART_RE.finditer(raw):
        value = parse_digits(m.group(1))
        if value is None:
            return None
        total += value * MULTIPLIERS.get(m.group(2) or "", 1)
        found = True
    return total if found else None


def parse_words(raw: str) -> int | None:
    """Number words: "mười lăm" → 15, "hai mươi mốt" → 21, "một trăm linh năm" → 105.

    >>> parse_words("hai mươi mốt"), parse_words("ba nghìn hai trăm")
    (21, 3200)
    """
    tokens = raw.lower().split()
    if not tokens:
        return None
    total, group, current = 0, 0, 0
    seen = False
    for tok in tokens:
        if tok in _UNITS:
            current = _UNITS[tok]
            seen = True
        elif tok == "mười":
            group += 10
            current = 0
            seen = True
        elif tok == "mươi":
            group += (current or 1) * 10
            current = 0
        elif tok in ("linh", "lẻ"):
            continue
        elif tok == "trăm":
            group += (current or 1) * 100
            current = 0
            seen = True
        elif tok in ("nghìn", "ngàn", "triệu", "tỷ", "tỉ"):
            mult = MULTIPLIERS[tok]
            total += (group + current or 1) * mult
            group, current = 0, 0
            seen = True
        else:
            return None
    return total + group + current if seen else None


# Where a number can begin: a digit, a number word, "hàng" or a qualifier, not inside a word or a number. As a
# trie opening on the first letters it skips through a sentence several times faster than _NUMBER_RE, which
# then only runs where one begins. (Digits of other scripts, which \d also takes, are left to _NUMBER_RE.)
_NUMBER_START = re.compile(trie_pattern([*_WORDS, *QUALIFIERS, "hàng", *"0123456789"], not_after=r"[\w.,/-]"))
_OTHER_DIGIT = re.compile(r"[^\D0-9]")


def _number_matches(low: str, start: int, stop: int) -> list[re.Match[str]]:
    """``list(_NUMBER_RE.finditer(low, start, stop))``, faster."""
    if _OTHER_DIGIT.search(low, start, stop):
        return list(_NUMBER_RE.finditer(low, start, stop))
    out = []
    pos = start
    while (a := _NUMBER_START.search(low, pos, stop)) is not None:
        m = _NUMBER_RE.match(low, a.start(), stop)
        if m is not None:
            out.append(m)
            pos = m.end()
        else:
            pos = a.start() + 1
    return out


def find_numbers(low: str, start: int = 0, end: int | None = None) -> list[NumberMention]:
    """Every number in ``low[start:end]`` (``low`` in match form), with its qualifier.

    >>> [(n.value, n.qualifier) for n in find_numbers("hơn 8 tỷ đồng và 175 người")]
    [(8000000000.0, 'more_than'), (175.0, 'exact')]
    """
    out: list[NumberMention] = []
    for m in _number_matches(low, start, len(low) if end is None else end):
        qual = QUALIFIERS.get(m.group(1) or "", "exact")
        high: float | None = None
        words = False
        if m.group("vague"):
            unit = m.group("vague").split()[-1]
            value = float(MULTIPLIERS.get(unit, 10))
            qual = "about"
            raw_start = m.start("vague")
        elif m.group("num"):
            raw_start = m.start("num")
            text = m.group("num")
            if m.group("ratio"):  # "10.760/10.760 căn": done / planned; the first is the figure
                text = text[: m.start("ratio") - m.start("num")]
            if text.isdigit():  # the common case: "175" (what parse_amount would make of it)
                parts = [text]
                low_v: float | None = float(text)
            else:
                parts = _RANGE_SPLIT.split(text, maxsplit=1)
                low_v = parse_amount(parts[0])
            if low_v is None:
                continue
            value = low_v
            if len(parts) == 2:
                high = parse_amount(parts[1])
                if high is not None and not _MULTIPLIER.search(parts[0]):
                    # "1 - 2 tỷ": the multiplier of the upper end applies to the lower one
                    mult = _MULTIPLIER.search(parts[1])
                    if mult:
                        value *= MULTIPLIERS[mult.group(0)]
                if high is None or high < value:
                    continue
                if qual == "exact":
                    qual = "at_least"
        else:
            raw_start = m.start("word")
            parsed = parse_words(m.group("word"))
            if parsed is None or parsed == 0:
                continue
            if m.group("word") in _AMBIGUOUS and not _COUNTED.match(low, m.end()):
                continue  # "năm" is far more often "year" than "five"
            value, words = float(parsed), True
        out.append(NumberMention(raw_start, m.end(), value, high, qual, low[raw_start:m.end()], words))
    return out
