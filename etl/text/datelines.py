"""Publication dates as news sites print them near the top of a page.

Shapes: "Cập nhật ngày: 12/02/2018 - 16:56", "8:34 PM, 06/09/2019", "17:54, 08/04/2024",
"06/12/2018 16:31", "Thứ Hai, 07/12/2015, 11:31 [GMT+7]", "08:00 | 26/06/2025", "20-12-2014 - 21:18";
failing those, a month in the page address ("/202109/").
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Dateline:
    """A publication date found in the text; ``exact`` is False when only the month was known."""

    date: date
    start: int
    end: int
    raw: str
    exact: bool = True


# day, separator, month, the same separator, year; not inside a longer number or date. (The look-behind stands
# after the first digit, so that re jumps from one digit to the next instead of trying every position.)
_FULL_DATE = re.compile(r"(\d(?<![\d/.-].)\d?)\s*([/.-])\s*(\d{1,2})\s*\2\s*((?:19|20)\d\d)(?![\d/])")
_URL_MONTH = re.compile(r"https?://\S*?/((?:19|20)\d\d)(0[1-9]|1[0-2])/\S*")
_LEAD_IN = re.compile(
    r"^(?:[^\n]{0,12}[-–]\s*)?(?:\(?[A-ZĐ.]{2,8}\)?\s*[-–]\s*)?(?:sáng|trưa|chiều|tối|ngày|đêm|hôm)(?:\s+nay)?"
    r"(?:\s+ngày)?\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*((?:19|20)\d\d))?(?![\d])",
    re.IGNORECASE,
)
HEADER_LINES = 8
MAX_HEADER_LINE = 90


def make_date(year: int, month: int, day: int) -> date | None:
    """A date, or None when the parts do not form one."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_dateline(line: str) -> date | None:
    """The date of one dateline-like line (day/month/year order), or None.

    >>> parse_dateline("8:34 PM, 06/09/2019")
    datetime.date(2019, 9, 6)
    """
    try:
        m = _FULL_DATE.search(line)
    except (TypeError, ValueError):
        return None
    if not m:
        return None
    return make_date(int(m.group(4)), int(m.group(3)), int(m.group(1)))


def find_dateline(text: str) -> Dateline | None:
    """The publication date printed in the first lines of ``text`` (short lines only), else the
    month in a page address (the month's last day, ``exact=False``).

    >>> find_dateline("Tiêu đề\\n\\nCập nhật ngày: 12/02/2018 - 16:56\\n\\nNội dung").date
    datetime.date(2018, 2, 12)
    """
    seen = 0
    pos = 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        seen += 1
        if seen > HEADER_LINES:
            break
        if len(line.strip()) > MAX_HEADER_LINE:
            continue
        m = _FULL_DATE.search(line)
        if m:
            d = make_date(int(m.group(4)), int(m.group(3)), int(m.group(1)))
            if d:
                return Dateline(d, line_start + m.start(), line_start + m.end(), m.group(0))
    url = _URL_MONTH.search(text)
    if url:
        year, month = int(url.group(1)), int(url.group(2))
        last = calendar.monthrange(year, month)[1]
        return Dateline(date(year, month, last), url.start(1), url.end(2), url.group(1) + url.group(2), False)
    return None


def lead_in_date(sentence: str) -> tuple[int, int, int | None] | None:
    """(day, month, year or None) of a sentence opening "Ngày 19.1", "Chiều 20/7", "Sáng 2/3/2020".

    >>> lead_in_date("Chiều 20/7, tại Hà Nội, hội nghị diễn ra.")
    (20, 7, None)
    """
    m = _LEAD_IN.search(sentence)
    if not m:
        return None
    day, month = int(m.group(1)), int(m.group(2))
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    return day, month, int(m.group(3)) if m.group(3) else None
