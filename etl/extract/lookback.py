"""Tests on how the text before a body mention ends, run on that text reversed.

The body rules ask whether the words before a mention end a certain way: a word and white space ("… của
Huyện ủy"), or a word and a few characters without a clause mark ("Bí thư Tỉnh ủy", "hỗ trợ các xã"). As a
forward search, ``\\b(?:của|cho|…)\\s+$`` is tried at every position of the text; on the reversed text the
end is the start, so one anchored match, or one search bounded by the first clause mark, answers the same.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

# what the rules' "[^,;:()]" stops at
_CLAUSE_MARK = re.compile(r"[,;:()]")


def _reversed_words(words: Sequence[str]) -> str:
    assert all(w[:1].isalpha() and w[-1:].isalpha() for w in words), "words begin and end with letters"
    return "|".join(re.escape(w[::-1]) for w in sorted(words, key=len, reverse=True))


def word_then_space(words: Sequence[str]) -> Callable[[str], bool]:
    """A test ``t(text) == bool(re.search(r"\\b(?:words)\\s+$", text, re.IGNORECASE))``: ``text`` ends with
    one of ``words`` (a whole word, in any case) and white space.

    >>> word_then_space(["của", "cho"])("sự lãnh đạo của ")
    True
    """
    # Reversed: white space (all of the end, as a word ends with a letter), the word, then no word character.
    pattern = re.compile(rf"\s+(?:{_reversed_words(words)})(?!\w)", re.IGNORECASE)

    def test(text: str) -> bool:
        return pattern.match(text[::-1]) is not None
    return test


def word_then_clause(words: Sequence[str], within: int) -> Callable[[str], bool]:
    """A test ``t(text) == bool(re.search(rf"\\b(?:words)\\b[^,;:()]{{0,{within}}}$", text, re.IGNORECASE))``:
    one of ``words`` stands in the last ``within`` characters, with no clause mark after it.

    >>> word_then_clause(["bí thư", "phó"], 30)("Phó Bí thư "), word_then_clause(["bí thư"], 30)("Bí thư, ")
    (True, False)
    """
    # Reversed: the nearest such word that stands before the first clause mark. What lies before it (the text
    # after the word) may be ``within`` long, or one more when that is a final newline ("$" matches before
    # one); a nearer word is the best there is, so the leftmost match decides.
    pattern = re.compile(rf"(?<!\w)(?:{_reversed_words(words)})(?!\w)", re.IGNORECASE)

    def test(text: str) -> bool:
        rev = text[::-1]
        mark = _CLAUSE_MARK.search(rev)
        m = pattern.search(rev, 0, len(rev) if mark is None else mark.start())
        return m is not None and (m.start() <= within or (m.start() == within + 1 and rev[0] == "\n"))
    return test


_CLAUSE_END = frozenset(",;:.!?(")


def clause_start(text: str) -> bool:
    """``bool(re.search(r"(?:^|[,;:.!?(]\\s*|\\n)$", text))``: ``text`` is empty or ends a line, or ends
    with a clause mark and white space.

    >>> clause_start("Tại hội nghị, "), clause_start("hỗ trợ ")
    (True, False)
    """
    return not text or text.endswith("\n") or text.rstrip()[-1:] in _CLAUSE_END


__all__ = ["clause_start", "word_then_clause", "word_then_space"]
