"""Period expressions → date intervals: "9 tháng đầu năm 2017", "từ đầu năm đến nay", "Chiều 20/7"…

:func:`find_periods` works on text in match form (lower case) and needs a :class:`PeriodContext`: the
publication date (for "đến nay") and the document's year (for dates written without one).
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left
from collections.abc import Iterator
from datetime import date, timedelta
from typing import NamedTuple

from etl.extract.numbers import parse_words
from etl.text.datelines import make_date

# kinds, strongest first when several apply to a fact
EVENT, CUTOFF, SPAN, PART, QUARTER, MONTH, YEAR, WEAK = (
    "event", "cutoff", "span", "part", "quarter", "month", "year", "weak")


class PeriodContext(NamedTuple):
    """What resolving a period needs: the publication date if known, and the year to assume."""

    published: date | None
    year: int

    @property
    def today(self) -> date:
        """The "now" of the document: the publication date, else the end of its year."""
        return self.published or date(self.year, 12, 31)


class Period(NamedTuple):
    """An interval with the text that gave it (``start``/``end`` offsets of that text)."""

    first: date
    last: date
    label: str
    kind: str
    start: int = 0
    end: int = 0


_Y = r"((?:19|20)\d\d)"
_NUMW = r"(\d{1,2}|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|mười một|mười hai)"
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_DOC_REF = re.compile(
    r"(?:\d+\s*[-/]\s*[a-zđ]{1,6}(?:/[a-zđ0-9-]+)*|quyết định|nghị quyết|chỉ thị|kế hoạch|thông báo|hướng dẫn|"
    r"quy định|công văn|kết luận|đề án|thông tư|nghị định|luật|văn bản|số \S+)[^,;.()\n]{0,40}$"  # within the paragraph
)
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("ytd", re.compile(r"(?:từ|kể từ)\s+đầu\s+năm(?:\s+" + _Y + r")?\s+(?:đến|tới)\s+(?:nay|thời điểm này|hiện nay)")),
    ("since", re.compile(r"(?:từ|kể từ)\s+(?:năm\s+)?" + _Y + r"\s+(?:đến|tới)\s+(?:nay|hiện nay)")),
    ("since_day", re.compile(r"(?:từ|kể từ)\s+(?:ngày\s+)?(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*" + _Y
                             + r")?\s+(?:đến|tới)\s+(?:nay|hiện nay)")),
    ("range", re.compile(r"(?:giai đoạn|trong|từ năm|từ)\s+(?:(?:\d{1,2}|hai|ba|bốn|năm)\s+năm\s*\(\s*)?" + _Y
                         + r"\s*(?:-|–|đến|tới)\s*" + _Y
                         + r"(?P<now>,?\s*(?:đến|tới)\s+nay)?")),
    # "trong nhiệm kỳ 2020-2025": the term, by the simple convention (1 January of its first year to 31 December
    # of its last). Without "trong" it names a congress or a conference ("Hội nghị lần thứ 15, nhiệm kỳ 2020 -
    # 2025"), not a period; nor is a term that begins in the document's year (the congress's new one).
    ("term", re.compile(r"trong\s+nhiệm\s+kỳ\s+" + _Y + r"\s*[-–]\s*" + _Y)),
    ("term_ytd", re.compile(r"từ\s+đầu\s+nhiệm\s+kỳ(?:\s+" + _Y + r"\s*[-–]\s*" + _Y + r")?\s+(?:đến|tới)\s+nay")),
    ("n_years", re.compile(r"(?:trong|sau)\s+" + _NUMW + r"\s+năm\s+(?:qua|gần đây|trở lại đây)|" + _NUMW
                           + r"\s+năm\s+qua")),
    # "9 tháng đầu năm 2017", "nửa cuối năm", and "9 tháng năm 2025" (a year's first months, as reports say)
    ("months", re.compile(r"(?:(" + _NUMW + r")\s+tháng\s+(đầu|cuối)|nửa\s+(đầu|cuối))\s+năm(?:\s+(?:nay|" + _Y
                          + r"))?|(?<!ngày )(?<!mùng )(" + _NUMW + r")\s+tháng\s+năm\s+(?:nay|" + _Y + r")")),
    ("quarter", re.compile(r"quý\s+(iv|iii|ii|i|[1-4])(?:\s*(?:/|năm)\s*" + _Y + r")?")),
    ("cutoff", re.compile(r"(?:tính\s+)?(?:đến|tới)\s+(?:hết\s+)?(?:ngày\s+)?(\d{1,2})\s*[/.-]\s*(\d{1,2})"
                          r"(?:\s*[/.-]\s*" + _Y + r")?(?![\d/])")),
    ("cutoff_month", re.compile(r"(?:tính\s+)?(?:đến|tới)\s+(?:hết\s+)?(?:cuối\s+)?tháng\s+(\d{1,2})(?:\s*(?:/|năm)\s*" + _Y + r")?")),
    ("day", re.compile(r"(?:(?:sáng|trưa|chiều|tối|đêm|hôm)(?:\s+tối|\s+nay|\s+qua)?(?:\s+ngày)?|ngày)(?:\s+|\s*\(\s*)"
                       r"(\d{1,2})\s*([/.-])\s*(\d{1,2})"
                       r"(?:\s*[/.-]\s*" + _Y + r")?(?![\d])")),
    ("day_words", re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+" + _Y + r")?")),
    ("full_date", re.compile(r"(?<![\d/.-])(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*[/.-]\s*" + _Y + r"(?![\d/])")),
    ("month", re.compile(r"(trong\s+)?tháng\s+(\d{1,2})(?:\s*(?:/|năm)\s*" + _Y + r")?(?!\s*[/.-]?\d)")),
    ("year", re.compile(r"(?:trong\s+|cả\s+)?năm\s+" + _Y + r"(?!\s*[-–]\s*\d)")),
    ("year_rel", re.compile(r"(?:trong\s+)?năm\s+(qua|trước|ngoái|nay)")),
]
_COMBINED = re.compile("|".join(f"(?P<{name}>{p.pattern})" for name, p in _PATTERNS))
_BY_NAME = dict(_PATTERNS)


_TERM = re.compile(r"nhiệm\s+kỳ\s+" + _Y + r"\s*[-–]\s*" + _Y)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _num(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return parse_words(word)


def _guess_year(day: int, month: int, ctx: PeriodContext) -> int:
    """The year of a day-month written without one: the document's, or the one before when the day
    would fall well after publication."""
    if ctx.published:
        d = make_date(ctx.published.year, month, day)
        if d and d > ctx.published + timedelta(days=7):
            return ctx.published.year - 1
        return ctx.published.year
    return ctx.year


def _resolve(name: str, m: re.Match[str], low: str, ctx: PeriodContext) -> Period | None:
    p = _BY_NAME[name].fullmatch(m.group(0))
    if p is None:
        return None
    g = p.groups()
    text = m.group(0)
    at, to = m.start(), m.end()
    today = ctx.today
    if name == "ytd":
        year = int(g[0]) if g[0] else today.year
        end = today if year == today.year else date(year, 12, 31)
        return Period(date(year, 1, 1), end, text, SPAN, at, to)
    if name == "since":
        return Period(date(int(g[0]), 1, 1), today, text, SPAN, at, to)
    if name == "since_day":  # "từ ngày 1/7 đến nay"
        day, month = int(g[0]), int(g[1])
        start = make_date(int(g[2]) if g[2] else _guess_year(day, month, ctx), month, day)
        return Period(start, today, text, SPAN, at, to) if start else None
    if name == "range":
        y1, y2 = int(g[0]), int(g[1])
        if not (1945 <= y1 <= y2 <= y1 + 20):
            return None
        if p.group("now"):
            return Period(date(y1, 1, 1), today, text, SPAN, at, to)
        return Period(date(y1, 1, 1), date(y2, 12, 31), text, SPAN, at, to)
    if name == "term":
        y1, y2 = int(g[0]), int(g[1])
        if not (1945 <= y1 < y2 <= y1 + 10) or y1 >= today.year:
            return None
        return Period(date(y1, 1, 1), date(y2, 12, 31), text, SPAN, at, to)
    if name == "term_ytd":  # the term it names, else the one the document names that holds "now"
        if g[0] and g[1] and int(g[0]) <= today.year <= int(g[1]):
            return Period(date(int(g[0]), 1, 1), today, text, SPAN, at, to)
        for term in _TERM.finditer(low):
            if int(term.group(1)) <= today.year <= int(term.group(2)):
                return Period(date(int(term.group(1)), 1, 1), today, text, SPAN, at, to)
        return None  # the term's start is not in the text; the report period applies
    if name == "n_years":
        n = _num(g[0] or g[1] or "")
        if not n or n > 60:
            return None
        return Period(date(today.year - n, today.month, min(today.day, 28)), today, text, SPAN, at, to)
    if name == "months":
        if g[5] is not None:  # "9 tháng năm 2025": the first nine
            n, which, year = _num(g[6]), "đầu", int(g[7]) if g[7] else today.year
        else:
            n = _num(g[1]) if g[1] else 6
            which = g[2] or g[3]
            year = int(g[4]) if g[4] else today.year
        if not n or not 1 <= n <= 12:
            return None
        if which == "đầu":
            return Period(date(year, 1, 1), _month_end(year, n), text, PART, at, to)
        return Period(date(year, 13 - n, 1), date(year, 12, 31), text, PART, at, to)
    if name == "quarter":
        q = _ROMAN[g[0]]
        year = int(g[1]) if g[1] else today.year
        return Period(date(year, 3 * q - 2, 1), _month_end(year, 3 * q), text, QUARTER, at, to)
    if name in ("cutoff", "day", "day_words", "full_date"):
        if name == "cutoff":
            day, month, year_s = int(g[0]), int(g[1]), g[2]
        elif name in ("day", "full_date"):
            day, month, year_s = int(g[0]), int(g[2]), g[3]
        else:
            day, month, year_s = int(g[0]), int(g[1]), g[2]
        if _DOC_REF.search(low[max(0, m.start() - 60):m.start()]):
            return None  # the date of a document: "Chỉ thị số 35-CT/TW ngày 30/5/2019"
        if re.match(r"\s*[-–]\s*\d{1,2}\s*[/.-]\s*\d", low[m.end():m.end() + 8]) or re.search(
                r"\d\s*[-–]\s*$", low[max(0, m.start() - 4):m.start()]):
            return None  # a pair of dates: "19/5/1890 - 19/5/2022"
        year = int(year_s) if year_s else _guess_year(day, month, ctx)
        d = make_date(year, month, day)
        if d is None:
            return None
        if name == "cutoff":
            return Period(date(year, 1, 1), d, text, CUTOFF, at, to)
        return Period(d, d, text, EVENT, at, to)
    if name == "cutoff_month":
        month = int(g[0])
        if not 1 <= month <= 12:
            return None
        year = int(g[1]) if g[1] else today.year
        return Period(date(year, 1, 1), _month_end(year, month), text, CUTOFF, at, to)
    if name == "month":
        month = int(g[1])
        if not 1 <= month <= 12 or not (g[0] or g[2]):
            return None  # a bare "tháng 8" more often dates another event than the figure
        year = int(g[2]) if g[2] else _guess_year(1, month, ctx)
        return Period(date(year, month, 1), _month_end(year, month), text, MONTH, at, to)
    if name == "year":
        year = int(g[0])
        before = low[max(0, m.start() - 60):m.start()]
        if re.search(r"[\"”»]\s*$", before) or re.search(r'quỹ\s*(?:"[^"]{0,60}"|[^,;."]{0,45})[^,;."]{0,25}$', before):
            return None  # part of a name: Quỹ “Vì người nghèo” năm 2023
        return Period(date(year, 1, 1), date(year, 12, 31), text, YEAR, at, to)
    if name == "year_rel":
        rel = g[0]
        if rel == "nay":
            return Period(date(today.year, 1, 1), date(today.year, 12, 31), text, WEAK, at, to)
        year = today.year - 1 if rel in ("trước", "ngoái") or today.month <= 3 else today.year
        return Period(date(year, 1, 1), date(year, 12, 31), text, WEAK, at, to)
    return None


# Every expression starts with one of these words or a digit, not inside a word (none of the words begins
# another, so an anchor is where one of them begins, however far the text goes). STARTS says more precisely
# where one can start; _ANCHOR stays as the reference its tests compare with.
_MONTH_COUNTS = ("một", "hai", "ba", "bốn", "sáu", "bảy", "tám", "chín", "mười")  # "chín tháng đầu năm" ("năm" is one)
ANCHOR_WORDS = ("từ", "kể", "giai", "trong", "sau", "nửa", "quý", "tính", "đến", "tới", "sáng", "trưa", "chiều", "tối",
                "đêm", "hôm", "ngày", "tháng", "năm", "cả", *_MONTH_COUNTS)
_ANCHOR = re.compile(r"(?<!\w)(?:" + "|".join(ANCHOR_WORDS) + r"|\d)")
_NUMBER_WORD = r"(?:\d|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)"  # how _NUMW begins
# How the patterns can begin at an anchor: the anchor word and what must follow it, as far as an expression
# reads it in every pattern that begins so (white space as \s+ where a pattern has a plain space: a wider
# test, never a narrower one). Most anchors begin none ("trong khi", "đến dự", "năm học", a number), and
# trying the fifteen patterns there is what a scan cost most.
_BY_NOW = r"\s+(?:hết|cuối|ngày|tháng|\d)"  # cutoff, cutoff_month after "đến"/"tới"
STARTS: tuple[tuple[str, str], ...] = (
    ("từ", rf"\s+(?:đầu\s|năm\s|ngày\s|{_NUMBER_WORD})"),  # ytd, since, since_day, range, term_ytd
    ("kể", r"\s+từ\s+(?:đầu\s|năm\s|ngày\s|\d)"),  # ytd, since, since_day
    ("giai", rf"\s+đoạn\s+{_NUMBER_WORD}"),  # range ("giai đoạn 2021 - 2025", "giai đoạn 5 năm (2021 - 2025)")
    ("trong", rf"\s+(?:{_NUMBER_WORD}|tháng|nhiệm\s)"),  # n_years, range, month, year, year_rel, term
    ("sau", rf"\s+{_NUMBER_WORD}"),  # n_years
    ("nửa", r"\s+(?:đầu|cuối)"),  # months
    ("quý", r"\s"),  # quarter
    ("tính", r"\s+(?:đến|tới)" + _BY_NOW), ("đến", _BY_NOW), ("tới", _BY_NOW),  # cutoff, cutoff_month
    *((w, r"\s") for w in ("sáng", "trưa", "chiều", "tối", "đêm", "hôm")),  # day
    ("ngày", r"(?:\s+\d|\s*\()"), ("tháng", r"\s+\d"),  # day ("ngày 14/12", "hôm qua (14/12)"), day_words, month
    ("năm", r"\s+(?:19|20|qua|trước|ngoái|nay|năm|tháng)"),  # year, year_rel; "năm năm qua", "năm tháng đầu"
    ("cả", r"\s+năm\s+(?:19|20)"),  # year
    *((w, r"\s+tháng\s") for w in _MONTH_COUNTS if w != "mười"), ("mười", r"\s+(?:(?:một|hai)\s+)?tháng\s"),  # months
)
_DIGIT_FOLLOW = r"\d?(?:\s*[/.-]|\s+(?:năm|tháng))"  # full_date; n_years, months


def _word_start_pattern() -> str:
    """The word starts as one pattern that consumes only the first letter (so that found starts never hide
    each other), grouped by that letter: ``re`` then jumps from one such letter to the next and picks the
    branch by it."""
    by_first: dict[str, list[str]] = {}
    for word, follow in STARTS:
        by_first.setdefault(word[0], []).append(re.escape(word[1:]) + follow)
    return "|".join(f"{re.escape(first)}(?<!\\w.)(?={'|'.join(rests)})" for first, rests in sorted(by_first.items()))


_WORD_START = re.compile(_word_start_pattern())
_DIGIT_START = re.compile(rf"\d(?<!\w.)(?={_DIGIT_FOLLOW})")


def _starts(low: str) -> list[int]:
    """The places of ``low`` where an expression can begin, in order (all of them at once: merging the two
    scans lazily cost more than the rest of a text's scan)."""
    return sorted([m.start() for m in _WORD_START.finditer(low)] + [m.start() for m in _DIGIT_START.finditer(low)])


# The most characters other than white space that trying _COMBINED at a place can read from there (what an
# expression consumes besides runs of white space, and what its look-aheads see after it); a test derives
# the bound from the patterns. An attempt with more than this before the end of a stretch cannot tell the
# stretch from the whole text.
MAX_READ = 40
_WHITE = re.compile(r"\s")


def _scan(low: str, start: int, stop: int) -> list[re.Match[str]]:
    out = []
    pos = start
    found = _starts(low)
    for at in found[bisect_left(found, start):]:
        if at >= stop:
            break
        if at < pos:
            continue
        m = _COMBINED.match(low, at, stop)
        if m is not None and m.end() > m.start():
            out.append(m)
            pos = m.end()
    return out


def _scan_anchored(low: str, start: int, stop: int) -> list[re.Match[str]]:
    """:func:`_scan` as it was, trying the patterns wherever an anchor word stands (the reference its tests
    compare with)."""
    out = []
    pos = start
    while (a := _ANCHOR.search(low, pos, stop)) is not None:
        m = _COMBINED.match(low, a.start(), stop)
        if m is not None and m.end() > m.start():
            out.append(m)
            pos = m.end()
        else:
            pos = a.end()
    return out


class PeriodScanner:
    """:func:`scan_periods` over one text, for the whole of it and for stretches of it, sharing the work.

    The whole text is scanned lazily, only as far as asked (:meth:`whole`, :meth:`whole_before`). Whether an
    expression starts at an anchor (and which) is decided once for the whole text and for every stretch
    that ends more than :data:`MAX_READ` characters (white space not counted) after it; only the last few
    anchors of a stretch are tried again with the stretch's end.
    """

    def __init__(self, low: str) -> None:
        self.low = low
        self.decided: dict[int, re.Match[str] | None] = {}  # anchor → _COMBINED.match(low, anchor)
        self.found: list[re.Match[str]] = []  # the whole text's expressions, as far as scanned
        self.found_starts: list[int] = []
        self._pos = 0  # where the scan of the whole text goes on
        self._starts = _starts(low)
        self._done = False

    def _decided(self, at: int) -> re.Match[str] | None:
        if at not in self.decided:
            self.decided[at] = _COMBINED.match(self.low, at)
        return self.decided[at]

    def _step(self) -> bool:
        """One more start of the whole text; False at its end."""
        at = self._next_start()
        if at is None:
            self._done = True
            return False
        m = self._decided(at)
        if m is not None and m.end() > m.start():
            self.found.append(m)
            self.found_starts.append(m.start())
            self._pos = m.end()
        else:
            self._pos = at + 1
        return True

    def _next_start(self) -> int | None:
        """The first start at or after where the whole text's scan goes on."""
        i = bisect_left(self._starts, self._pos)
        return self._starts[i] if i < len(self._starts) else None

    def whole_before(self, hi: int) -> list[re.Match[str]]:
        """The whole text's expressions, at least every one that starts before ``hi``."""
        while not self._done:
            at = self._next_start()
            if at is None:
                self._done = True
            elif at >= hi:
                break
            else:
                self._step()
        return self.found

    def whole(self) -> Iterator[re.Match[str]]:
        """The whole text's expressions in order, scanning only as far as they are taken."""
        i = 0
        while i < len(self.found) or (not self._done and self._step()):
            if i < len(self.found):
                yield self.found[i]
                i += 1

    def within(self, lo: int, hi: int) -> list[re.Match[str]]:
        """The whole text's expressions that lie inside ``lo:hi``."""
        found = self.whole_before(hi)
        out = []
        for m in found[bisect_left(self.found_starts, lo):]:
            if m.start() >= hi:
                break
            if m.end() <= hi:
                out.append(m)
        return out

    def scan(self, start: int = 0, end: int | None = None) -> list[re.Match[str]]:
        """``scan_periods(low, start, end)``."""
        low = self.low
        stop = len(low) if end is None else min(end, len(low))
        if start == 0 and stop == len(low):
            return list(self.whole())
        shared_before = self._shared_before(start, stop)
        out = []
        pos = start
        found = self._starts  # starts of the whole text: a stretch's are among them
        for at in found[bisect_left(found, start):]:
            if at >= stop:
                break
            if at < pos:
                continue
            m = self._decided(at) if at < shared_before else _COMBINED.match(low, at, stop)
            if m is not None and m.end() > m.start():
                out.append(m)
                pos = m.end()
        return out

    def _shared_before(self, start: int, stop: int) -> int:
        """A place before which every anchor has more than MAX_READ characters other than white space up to
        ``stop`` (``start`` when there is none worth finding)."""
        if stop == len(self.low):
            return stop
        window = 3 * MAX_READ
        if stop - start <= window:
            return start
        tail = self.low[stop - window:stop]
        if len(tail) - len(_WHITE.findall(tail)) < MAX_READ:
            return start  # a stretch padded with white space: decide everything again
        return stop - window


def find_periods(low: str, ctx: PeriodContext, start: int = 0, end: int | None = None) -> list[Period]:
    """Every period expression in ``low[start:end]`` with its interval, in text order.

    >>> ctx = PeriodContext(date(2017, 9, 6), 2017)
    >>> [(p.first.isoformat(), p.last.isoformat()) for p in find_periods("trong 9 tháng đầu năm 2017", ctx)]
    [('2017-01-01', '2017-09-30')]
    """
    out: list[Period] = []
    for m in scan_periods(low, start, end):
        period = resolve_period(m, low, ctx)
        if period is not None:
            out.append(period)
    return out


def scan_periods(low: str, start: int = 0, end: int | None = None) -> list[re.Match[str]]:
    """The period expressions in ``low[start:end]``, not yet resolved: what :func:`find_periods` finds does
    not depend on the context, so a caller resolving with several contexts, or only some expressions, scans
    once."""
    return _scan(low, start, len(low) if end is None else end)


def resolve_period(m: re.Match[str], low: str, ctx: PeriodContext) -> Period | None:
    """The interval of one expression from :func:`scan_periods` (offsets included), or None."""
    name = m.lastgroup
    if name is None:
        return None
    try:
        period = _resolve(name, m, low, ctx)
    except (ValueError, OverflowError):
        return None
    return period if period is not None and period.first <= period.last else None


def label_for(first: date, last: date) -> str:
    """A Vietnamese label for an interval: "năm 2017", "9 tháng đầu năm 2017", "ngày 20/7/2023"…

    >>> label_for(date(2017, 1, 1), date(2017, 9, 30))
    '9 tháng đầu năm 2017'
    """
    if first == last:
        return f"ngày {first.day}/{first.month}/{first.year}"
    if first.year == last.year and first == date(first.year, 1, 1):
        if last == date(last.year, 12, 31):
            return f"năm {first.year}"
        if last == _month_end(last.year, last.month):
            return f"{last.month} tháng đầu năm {last.year}"
        return f"từ đầu năm {first.year} đến {last.day}/{last.month}/{last.year}"
    if first.day == 1 and last == _month_end(last.year, last.month) and (first.year, first.month) == (last.year, last.month):
        return f"tháng {first.month}/{first.year}"
    return f"{first.day}/{first.month}/{first.year} - {last.day}/{last.month}/{last.year}"
