"""Phrase lists as fast regular expressions.

Python's ``re`` tries every branch of ``(?:kết nạp|kết nạp được|phát triển|…)`` in turn at every position,
and cannot skip ahead when the pattern opens with a look-behind. :func:`trie_pattern` writes the same list
as a trie (``k(?:ết\\s+nạp(?:\\s+được)?)|p(?:hát…)``): each position costs one look-up of its first
character, and a pattern whose first item is a set of literal characters lets ``re`` jump straight to the
next place a phrase can start. The look-behind a phrase needs ("not inside a word") moves behind that first
character, where it no longer stops the jump.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_Trie = dict[str, "_Trie"]
_END = ""  # key marking the end of a phrase in a trie node


def trie_pattern(phrases: Iterable[str], *, not_after: str | None = None, free: Iterable[str] = ()) -> str:
    """A group-free regex matching any of ``phrases``, with the same matches as the alternation of the
    phrases longest first: at a position, the longest phrase that fits. A space in a phrase matches any run
    of white space; ``not_after`` (a one-character regex such as ``[\\w/]``) must not match the character
    before the phrase, except before the ``free`` phrases (which begin with characters no other phrase
    begins with). An empty list gives a pattern that never matches.

    >>> trie_pattern(["kết nạp", "kết nạp được", "góp"])
    '(?:góp|kết\\\\s+nạp(?:\\\\s+được)?)'
    >>> bool(re.match(trie_pattern(["xóa"], not_after=r"\\w"), "bxóa"))
    False
    """
    guarded = [" ".join(p.split()) for p in phrases if p.strip()]
    unguarded = [" ".join(p.split()) for p in free if p.strip()]
    root: _Trie = {}
    for phrase in guarded + unguarded:
        node = root
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[_END] = {}
    if not root:
        return "(?!)"
    guard = f"(?<!{not_after}.)" if not_after else ""
    free_firsts = {p[0] for p in unguarded}
    assert not free_firsts & {p[0] for p in guarded}, "free phrases must begin with other characters"
    return _emit(root, guard, free_firsts)


def _emit(node: _Trie, guard: str = "", free_firsts: frozenset[str] | set[str] = frozenset()) -> str:
    branches = [(r"\s+" if ch == " " else re.escape(ch)) + ("" if ch in free_firsts else guard) + _emit(child)
                for ch, child in sorted(node.items()) if ch != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # a phrase may end here: try the longer ones first (greedy), as longest-first alternation does
    return f"(?:{body})?" if _END in node else body


__all__ = ["trie_pattern"]
