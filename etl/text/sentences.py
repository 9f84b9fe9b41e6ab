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
# (The mark is matched, not looked behind for, so that re jumps from one mark to the next; a sentence ends
# after it.)
_END = re.compile(r"[.!?…][\"'”»)]*\s+(?=[\"'“«(\[]?[0-9A-ZÀ-ỸĐ])")
_ABBREV = re.compile(r"(?:\b(?:TP|TT|TX|Tp|ThS|TS|PGS|GS|BS|Th|St|Mr|Ms|Q|P|H|X|T|Ô|B)|\b[A-ZÀ-ỸĐ])\.$")
_ABBREV_LONGEST = 4  # "ThS.": what _ABBREV can match, so a search of the last four characters is enough


# Span(...) without the Python-level __new__ of a NamedTuple: documents make thousands of them
_span = tuple.__new__


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
            start = pos if len(stripped) == len(line) else pos + line.find(stripped)  # after any leading space
            out.append(_span(Span, (start, start + len(stripped), stripped, len(out))))
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
        end = m.start() + 1
        head = p.text[pos:end]
        if _ABBREV.search(head, max(0, len(head) - _ABBREV_LONGEST)):
            continue
        if head.strip():
            out.append(_span(Span, (p.start + pos, p.start + end, head, p.para)))
        pos = m.end()
    tail = p.text[pos:]
    if tail.strip():
        out.append(_span(Span, (p.start + pos, p.start + len(p.text), tail, p.para)))
    return out
