"""Body names in text written in capitals: headlines ("ĐẢNG BỘ TỈNH ĐẮK LẮK VỚI NHIỀU DẤU ẤN …") and menus
("TRANG CHỦ  CHÍNH TRỊ  XÃ HỘI  VĂN HÓA").

In mixed case a name ends where the capitalised words end; in capitals every word is capitalised, so the
name pattern runs on to the end of the line. Such a name is read only as far as something known says it
goes: a province, a body of the registry, or a name the document writes in mixed case ("Đảng ủy xã Ea Kar"
later in the article). Failing those, a place's name is taken as its first two words (most Vietnamese place
names have two syllables), and a single word or a common noun ("XÃ HỘI", society; "TỈNH ỦY VIÊN", a member)
is no name at all.
"""

from __future__ import annotations

from collections.abc import Iterable

from etl.extract.registry import Registry
from etl.text.normalize import fold

# The words that, after a unit word, make a common noun rather than a name: "xã hội" (society), "xã viên"
# (a co-operative's member), "tỉnh ủy viên" (a committee member), "tỉnh nhà" (our province), "tỉnh bạn"
# (a partner province), "huyện lỵ" (a district town), "huyện đảo" (an island district).
COMMON_NOUNS = frozenset({"hoi", "vien", "nha", "ban", "ly", "dao"})
PLACE_WORDS = 2


def in_capitals(text: str) -> bool:
    """True when ``text`` has letters and none of them is lower case ("ĐẢNG ỦY XÃ EA KAR")."""
    return not any(c.islower() for c in text) and any(c.isalpha() for c in text)


def title_case(words: Iterable[str]) -> str:
    """ "EA KAR" → "Ea Kar": each word with a capital and the rest lower case."""
    return " ".join(w[:1] + w[1:].lower() for w in words)


def known_names(names: Iterable[str | None]) -> dict[str, str]:
    """The names the document writes in mixed case, by folded form (what a name in capitals is read against)."""
    return {fold(n): n for n in names if n and not in_capitals(n)}


def capitals_name(name: str, unit: str, known: dict[str, str], reg: Registry) -> tuple[str, int] | None:
    """(the name, its length in ``name``) that a name written in capitals stands for, or None when it names
    nothing. ``unit`` is the mention's unit word ("xã", "huyện", "tỉnh", "org" for an organisation).

    >>> from etl.extract.registry import REGISTRY
    >>> capitals_name("ĐẮK LẮK VỚI NHIỀU DẤU ẤN", "tỉnh", {}, REGISTRY())
    ('Đắk Lắk', 7)
    >>> capitals_name("EA KAR CHÚ TRỌNG", "xã", {}, REGISTRY()), capitals_name("HỘI", "xã", {}, REGISTRY())
    (('Ea Kar', 6), None)
    """
    words = name.split(" ")
    for n in range(len(words), 0, -1):  # the longest prefix that something known names
        head = " ".join(words[:n])
        key = fold(head)
        if key in known:
            return known[key], len(head)
        prov = reg.province_of(head)
        if prov is not None:
            return prov, len(head)
        for label in [f"Đảng bộ {head}"] + ([f"Đảng bộ {unit} {head}"] if unit != "org" else []):
            body_id = reg.lookup(label)
            if body_id is not None:  # the registry's spelling: "Đảng bộ Chính phủ"
                canonical = reg.bodies[body_id]["name"]
                words_in = len(label.split()) - n
                return " ".join(canonical.split()[words_in:]), len(head)
    if unit == "org" or fold(words[0]) in COMMON_NOUNS:
        return None
    if words[0].isdigit():
        return words[0], len(words[0])
    if len(words) < PLACE_WORDS:
        return None  # one word alone after a unit: a menu's "XÃ HỘI", not a commune
    head = " ".join(words[:PLACE_WORDS])
    return title_case(words[:PLACE_WORDS]), len(head)


__all__ = ["capitals_name", "in_capitals", "known_names", "title_case"]
