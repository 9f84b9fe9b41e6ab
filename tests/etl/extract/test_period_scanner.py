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
           "kết nạp 45 đảng viên ", "\n", "   ", "hiện nay ", "số 35-ct/tw ", "x", "kể ", "hết ", "đầu ", "nhiệm kỳ ",
           "hôm ", "tối ", "cả ", "ba ", "mười ", "trước", "ngoái", "gần đây ", "trở lại đây", "sau ", "tới ", "\t", "12",
           "3", "iv ", "i", "1999", "năm học ", "trong khi "]


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [match_form("".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 60)))) for _ in range(n)]


# Whole expressions of every pattern, near misses, and words that begin as the anchors do.
_EXPRESSIONS = ["từ đầu năm đến nay", "kể từ đầu năm 2019 tới thời điểm này", "từ năm 2015 đến nay",
                "kể từ 2016 tới hiện nay", "giai đoạn 2015 - 2020", "từ 2016 đến 2020, đến nay", "trong 2010–2015",
                "từ đầu nhiệm kỳ đến nay", "trong 5 năm qua", "sau ba năm trở lại đây", "10 năm qua", "năm năm qua",
                "9 tháng đầu năm", "năm tháng cuối năm 2018", "nửa cuối năm nay", "nửa đầu năm", "quý iv/2019",
                "quý 2 năm 2020", "tính đến hết ngày 15/11/2019", "đến 30.6", "tới hết cuối tháng 6/2020",
                "đến tháng 9", "chiều 20/7", "hôm qua ngày 5-3", "tối nay 12/12/2012", "sáng ngày 1/5",
                "ngày 3 tháng 2 năm 2020", "15/11/2019", "1.1.2020", "trong tháng 8", "tháng 8/2019", "tháng 13 năm 2020",
                "cả năm 2019", "trong năm 2020", "năm 2019 - 2020", "trong năm qua", "năm ngoái", "năm nay",
                "quyết định số 12 ngày 5/6/2019", "19/5/1890 - 19/5/2022", 'quỹ "vì người nghèo" năm 2023']
_MISSES = ["từng", "từ đó", "kể cả", "giai cấp", "trong khi", "sau đó", "nửa tháng", "quý báu", "tính toán", "đến dự",
           "tới đây", "sáng tạo", "tối đa", "hôm sau", "ngày càng", "tháng giêng", "năm học", "cả nước", "2019",
           "123/2019", "45 đảng viên", "3 người", "trongnăm", "x2019", "5 - 7", "20 tháng", "năm 1", "năm 20"]
_GAPS = [" ", "  ", ", ", ". ", "\n", "\t", " và ", " – ", " (", ") ", ""]


def _expression_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(n):
        parts = [rng.choice(_EXPRESSIONS if rng.random() < 0.5 else _MISSES) for _ in range(rng.randint(0, 12))]
        texts.append(match_form("".join(p + rng.choice(_GAPS) for p in parts)))
    return texts


def _spans(ms: list[re.Match[str]]) -> list[tuple[int, int, str | None]]:
    return [(m.start(), m.end(), m.lastgroup) for m in ms]


def test_stretches_as_a_plain_scan() -> None:
    for low in _texts(400, 5) + _expression_texts(300, 10):
        scanner = PeriodScanner(low)
        rng = random.Random(len(low))
        for _ in range(6):
            lo = rng.randint(0, len(low))
            hi = rng.randint(lo, len(low))
            assert _spans(scanner.scan(lo, hi)) == _spans(periods._scan_anchored(low, lo, hi)), (low, lo, hi)
        assert _spans(scanner.scan()) == _spans(periods._scan_anchored(low, 0, len(low)))


def test_starts_as_the_anchor_words() -> None:
    """Trying the patterns only where one can begin finds what trying them at every anchor word finds."""
    found = 0
    for low in _expression_texts(1500, 8) + _texts(300, 9):
        rng = random.Random(len(low))
        lo = rng.randint(0, len(low))
        hi = rng.randint(lo, len(low))
        for a, b in ((0, len(low)), (lo, hi)):
            plain = _spans(periods._scan_anchored(low, a, b))
            assert _spans(periods._scan(low, a, b)) == plain, (low, a, b)
            found += len(plain)
    assert found > 3000
    low = match_form("Từ đầu năm đến nay, trong 5 năm qua và 9 tháng đầu năm 2017, tính đến hết ngày 30/6, "
                     "chiều 20/7, quý II/2020, cả năm 2019, năm năm qua, nửa cuối năm: năm học mới, trong khi đó")
    names = [m.lastgroup for m in periods._scan(low, 0, len(low))]
    assert names == ["ytd", "n_years", "months", "cutoff", "day", "quarter", "year", "n_years", "months"]
    assert names == [m.lastgroup for m in periods._scan_anchored(low, 0, len(low))]


def test_whole_text_lazily() -> None:
    for low in _texts(200, 6) + _expression_texts(200, 11):
        whole = _spans(periods._scan_anchored(low, 0, len(low)))
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
