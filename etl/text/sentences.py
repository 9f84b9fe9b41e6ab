"""Paragraphs and sentences with their offsets in the (NFC) document."""

from __future__ import annotations

import re
from typing import NamedTuple


class Span(NamedTuple):
    """A stretch of the document: ``text == document[start:end]``; ``para`` numbers the paragraph."""

    start: int
    end: int
    text: str
    para: int


# A sentence ends at . ! ? … followed by space and a capital letter, a digit, a quote or an opening bracket.
_END = re.compile(r"(?<=[.!?…])[\"'”»)]*\s+(?=[\"'“«(\[]?[0-9A-ZÀ-ỸĐ])")
_ABBREV = re.compile(r"(?:\b(?:TP|TT|TX|Tp|ThS|TS|PGS|GS|BS|Th|St|Mr|Ms|Q|P|H|X|T|Ô|B)|\b[A-ZÀ-ỸĐ])\.$")


def paragraphs(text: str) -> list[Span]:
    """Each non-blank line is a paragraph (news pages put one paragraph per line).

    >>> [p.text for p in paragraphs("Tiêu đề\\n\\nĐoạn một.")]
    ['Tiêu đề', 'Đoạn một.']
    """
    out: list[Span] = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + len(line) - len(line.lstrip())
            out.append(Span(start, start + len(stripped), stripped, len(out)))
        pos += len(line) + 1
    return out


def sentences(text: str, paras: list[Span] | None = None) -> list[Span]:
    """Sentences of every paragraph, in order.

    >>> [s.text for s in sentences("Năm nay xã kết nạp 5 người. TP. Huế cũng vậy.")]
    ['Năm nay xã kết nạp 5 người.', 'TP. Huế cũng vậy.']
    """
    out: list[Span] = []
    for p in paras if paras is not None else paragraphs(text):
        out.extend(split(p))
    return out


def split(p: Span) -> list[Span]:
    """The sentences of one paragraph (so a caller can split only the paragraphs it needs)."""
    out: list[Span] = []
    pos = 0
    for m in _END.finditer(p.text):
        head = p.text[pos:m.start()]
        if _ABBREV.search(head):
            continue
        if head.strip():
            out.append(Span(p.start + pos, p.start + m.start(), head, p.para))
        pos = m.end()
    tail = p.text[pos:]
    if tail.strip():
        out.append(Span(p.start + pos, p.start + len(p.text), tail, p.para))
    return out
