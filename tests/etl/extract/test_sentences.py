"""etl/text/sentences.py: paragraphs and sentences as the plain rules make them."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from etl.text.sentences import Span, paragraphs, split

_END = re.compile(r"(?<=[.!?…])[\"'”»)]*\s+(?=[\"'“«(\[]?[0-9A-ZÀ-ỸĐ])")
_ABBREV = re.compile(r"(?:\b(?:TP|TT|TX|Tp|ThS|TS|PGS|GS|BS|Th|St|Mr|Ms|Q|P|H|X|T|Ô|B)|\b[A-ZÀ-ỸĐ])\.$")


def _plain_paragraphs(text: str) -> list[Span]:
    out: list[Span] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            start = pos + len(line) - len(line.lstrip())
            out.append(Span(start, start + len(line.strip()), line.strip(), len(out)))
        pos += len(line) + 1
    return out


def _plain_split(p: Span) -> list[Span]:
    out: list[Span] = []
    pos = 0
    for m in _END.finditer(p.text):
        head = p.text[pos:m.start()]
        if _ABBREV.search(head):
            continue
        if head.strip():
            out.append(Span(p.start + pos, p.start + m.start(), head, p.para))
        pos = m.end()
    if p.text[pos:].strip():
        out.append(Span(p.start + pos, p.start + len(p.text), p.text[pos:], p.para))
    return out


_PIECES = ["Huyện ủy", " kết nạp 5 đảng viên", ".", "!", "?", "…", " ", "  ", "\n", "\t", "\u00a0", '"', "”", "»", ")",
           "(", "“", "TP.", " TP. Huế", " ThS. Lê", " PGS.", "Ô.", " H.", " x.", " Đảng", "2019", " 3", "ab"]
TEXT = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_as_the_plain_rules(text: str) -> None:
    paras = paragraphs(text)
    assert paras == _plain_paragraphs(text)
    for p in paras:
        assert split(p) == _plain_split(p), p.text
        assert all(text[s.start:s.end] == s.text for s in split(p))


def test_sentences() -> None:
    p = paragraphs("  Tiêu đề  \n\nNăm nay xã kết nạp 5 người. TP. Huế cũng vậy! “Đúng thế,” ông nói.\n")[1]
    assert [s.text for s in split(p)] == ["Năm nay xã kết nạp 5 người.", "TP. Huế cũng vậy!", "“Đúng thế,” ông nói."]
    assert paragraphs("  Tiêu đề  \n")[0] == Span(2, 9, "Tiêu đề", 0)
