from __future__ import annotations

import random
import re

import pytest

from etl.extract.phrases import trie_pattern

PHRASES = ["kết nạp", "kết nạp được", "kết nạp mới", "góp", "đóng góp", "trao", "trao tặng", "tặng",
           "xây dựng nhà cho", "xây nhà cho", "đ", "/căn", "t.ư"]


def _alternation(phrases: list[str], not_after: str) -> re.Pattern[str]:
    """The plain form: every phrase longest first behind one look-behind."""
    alts = sorted(phrases, key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in alts)
    return re.compile(rf"(?<!{not_after})(?:{body})(?![\w])")


@pytest.mark.parametrize(("text", "expected"), [
    ("đã kết nạp được 45 đảng viên", [(3, 15)]),
    ("đã kết  nạp\tmới 5", [(3, 15)]),
    ("vận động góp, đóng góp", [(9, 12), (14, 22)]),
    ("bảo trao", [(4, 8)]),
    ("20.000 đ /căn", [(7, 8), (9, 13)]),
    ("ngoài trời", []),
])
def test_matches(text: str, expected: list[tuple[int, int]]) -> None:
    pattern = re.compile(trie_pattern(PHRASES, not_after=r"[\w/]") + r"(?![\w])")
    assert [m.span() for m in pattern.finditer(text)] == expected


def test_same_matches_as_the_alternation() -> None:
    trie = re.compile(trie_pattern(PHRASES, not_after=r"[\w/]") + r"(?![\w])")
    plain = _alternation(PHRASES, r"[\w/]")
    words = [*PHRASES, "kết", "nạp", "được", "x", "tặngx", "ấy", "/", ".", ",", "5", "ta"]
    rng = random.Random(3)
    for _ in range(3000):
        text = "".join(rng.choice(words) + rng.choice(["", " ", "  ", "\n", ","]) for _ in range(rng.randint(1, 8)))
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)], text
        lo = rng.randint(0, len(text))
        hi = rng.randint(lo, len(text))
        got, want = trie.search(text, lo, hi), plain.search(text, lo, hi)
        assert (got and got.span()) == (want and want.span()), (text, lo, hi)


def test_empty_and_blank() -> None:
    assert re.search(trie_pattern([]), "anything") is None
    assert re.search(trie_pattern(["", "  "]), "anything") is None
    assert trie_pattern(["a  b"]) == trie_pattern(["a b"])


def test_free_phrases_skip_the_guard() -> None:
    pattern = re.compile(trie_pattern(["ban", "tp"], not_after=r"\w", free=["("]))
    assert [m.group() for m in pattern.finditer("ban(tp) xban Ban ban")] == ["ban", "(", "tp", "ban"]
    with pytest.raises(AssertionError):
        trie_pattern(["ban"], not_after=r"\w", free=["bx"])
