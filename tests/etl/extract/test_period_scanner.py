"""PeriodScanner and scan_periods/resolve_period: the shared, lazy scan finds what a plain scan finds."""

from __future__ import annotations

import random
import re
from datetime import date

try:
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_parse  # type: ignore[no-redef]

from etl.extract import periods
from etl.extract.periods import (
    ANCHOR_WORDS,
    MAX_READ,
    PeriodContext,
    PeriodScanner,
    find_periods,
    resolve_period,
    scan_periods,
)
from etl.text.normalize import match_form

_PIECES = ["năm ", "2019", "2020 ", "-", " – ", "tháng ", "9 ", "đầu ", "cuối ", "nửa ", "quý ", "ii", "/", ".",
           "từ ", "đến ", "nay", ", ", "ngày ", "15", "/11", "tính ", "trong ", "giai đoạn ", "sáng ", "qua ",
           "kết nạp 45 đảng viên ", "\n", "   ", "hiện nay ", "số 35-ct/tw ", "x"]


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [match_form("".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 60)))) for _ in range(n)]


def _spans(ms: list[re.Match[str]]) -> list[tuple[int, int, str | None]]:
    return [(m.start(), m.end(), m.lastgroup) for m in ms]


def test_stretches_as_a_plain_scan() -> None:
    for low in _texts(400, 5):
        scanner = PeriodScanner(low)
        rng = random.Random(len(low))
        for _ in range(6):
            lo = rng.randint(0, len(low))
            hi = rng.randint(lo, len(low))
            assert _spans(scanner.scan(lo, hi)) == _spans(periods._scan(low, lo, hi)), (low, lo, hi)
        assert _spans(scanner.scan()) == _spans(periods._scan(low, 0, len(low)))


def test_whole_text_lazily() -> None:
    for low in _texts(200, 6):
        whole = _spans(periods._scan(low, 0, len(low)))
        scanner = PeriodScanner(low)
        hi = len(low) // 2
        got = _spans(scanner.within(hi // 2, hi))
        assert got == [s for s in whole if hi // 2 <= s[0] and s[1] <= hi]
        found = _spans(scanner.whole_before(hi))
        assert found == whole[:len(found)]
        assert all(s[0] >= hi for s in whole[len(found):])
        assert _spans(list(scanner.whole())) == whole


def test_find_periods_is_scan_then_resolve() -> None:
    ctx = PeriodContext(date(2019, 11, 20), 2019)
    for low in _texts(100, 7):
        resolved = [p for m in scan_periods(low) if (p := resolve_period(m, low, ctx)) is not None]
        assert resolved == find_periods(low, ctx)


def test_anchor_words_begin_apart() -> None:
    # an anchor is where one of them begins whatever the text after it: no word may begin another
    assert not [(a, b) for a in ANCHOR_WORDS for b in ANCHOR_WORDS if a != b and b.startswith(a)]


def test_max_read_bounds_the_patterns() -> None:
    """What an attempt reads besides white space: each pattern with its white-space runs dropped and its
    look-aheads made to consume, plus the character that ends a run of white space."""
    for name, pattern in periods._PATTERNS:
        text = pattern.pattern.replace(r"\s*", "").replace(r"\s+", "")
        assert r"\s" not in text, name
        text = re.sub(r"\(\?[=!]", "(?:", text)
        width = sre_parse.parse(text).getwidth()[1]
        assert width + 1 <= MAX_READ, (name, width)
