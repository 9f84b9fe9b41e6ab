"""The spreadsheet template's cells → typed values: periods, amounts, metrics.

Periods: 2017 · 2017-H1 · 2017-Q3 · 2017-09 · 9T/2017 (first nine months) · 2017-01-01/2017-09-30 · 2017-09-30.
Amounts: 175 · 1.500.000.000 · 8 tỷ · 600 triệu · 1,5 tỷ đồng; a unit column may carry the multiplier
("triệu đồng"). Every refusal raises ValueError with a sentence that says what is wrong with the cell.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

_YEAR_MIN, _YEAR_MAX = 1930, 2100


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    label: str


def _year(text: str) -> int:
    year = int(text)
    if not _YEAR_MIN <= year <= _YEAR_MAX:
        raise ValueError(f"year {year} is out of range ({_YEAR_MIN}–{_YEAR_MAX})")
    return year


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _iso(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise ValueError(f"'{text}' is not a date (YYYY-MM-DD)") from exc


_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(\d{4})$"), "year"),
    (re.compile(r"^(\d{4})-?[hH]([12])$"), "half"),
    (re.compile(r"^[hH]([12])[/-](\d{4})$"), "half_rev"),
    (re.compile(r"^(\d{4})-?[qQ]([1-4])$"), "quarter"),
    (re.compile(r"^[qQ]([1-4])[/-](\d{4})$"), "quarter_rev"),
    (re.compile(r"^(\d{4})-(\d{1,2})$"), "month"),
    (re.compile(r"^(\d{1,2})\s*[tT]\s*/\s*(\d{4})$"), "first_months"),
    (re.compile(r"^(\d{4}-\d{2}-\d{2})\s*/\s*(\d{4}-\d{2}-\d{2})$"), "range"),
    (re.compile(r"^(\d{4}-\d{2}-\d{2})$"), "day"),
]

PERIOD_HELP = "2017, 2017-H1, 2017-Q3, 2017-09, 9T/2017, 2017-01-01/2017-09-30 or 2017-09-30"


def parse_period(cell: str) -> Period:
    """Vietnamese label with the interval: "9T/2017" → 2017-01-01..2017-09-30, "9 tháng đầu năm 2017"."""
    text = unicodedata.normalize("NFC", str(cell)).strip()
    if not text:
        raise ValueError("the period is empty")
    for pattern, kind in _PATTERNS:
        m = pattern.match(text)
        if not m:
            continue
        if kind == "year":
            y = _year(m.group(1))
            return Period(date(y, 1, 1), date(y, 12, 31), f"năm {y}")
        if kind in ("half", "half_rev"):
            y_text, h_text = (m.group(1), m.group(2)) if kind == "half" else (m.group(2), m.group(1))
            year, half = _year(y_text), int(h_text)
            if half == 1:
                return Period(date(year, 1, 1), date(year, 6, 30), f"6 tháng đầu năm {year}")
            return Period(date(year, 7, 1), date(year, 12, 31), f"6 tháng cuối năm {year}")
        if kind in ("quarter", "quarter_rev"):
            y_text, q_text = (m.group(1), m.group(2)) if kind == "quarter" else (m.group(2), m.group(1))
            year, quarter = _year(y_text), int(q_text)
            first = 3 * (quarter - 1) + 1
            return Period(date(year, first, 1), _month_end(year, first + 2), f"quý {quarter}/{year}")
        if kind == "month":
            year, month = _year(m.group(1)), int(m.group(2))
            if not 1 <= month <= 12:
                raise ValueError(f"month {month} is not between 1 and 12")
            return Period(date(year, month, 1), _month_end(year, month), f"tháng {month}/{year}")
        if kind == "first_months":
            months, year = int(m.group(1)), _year(m.group(2))
            if not 1 <= months <= 12:
                raise ValueError(f"'{text}': the number of months must be 1–12")
            label = f"năm {year}" if months == 12 else f"{months} tháng đầu năm {year}"
            return Period(date(year, 1, 1), _month_end(year, months), label)
        if kind == "range":
            start, end = _iso(m.group(1)), _iso(m.group(2))
            if end < start:
                raise ValueError(f"the period '{text}' ends before it starts")
            _year(str(start.year))
            _year(str(end.year))
            return Period(start, end, f"{start:%d/%m/%Y}–{end:%d/%m/%Y}")
        if kind == "day":
            day = _iso(m.group(1))
            _year(str(day.year))
            return Period(day, day, f"ngày {day:%d/%m/%Y}")
    raise ValueError(f"cannot read the period '{text}'; write it as one of {PERIOD_HELP}")


MULTIPLIERS = {
    "tỷ": 1_000_000_000, "tỉ": 1_000_000_000,
    "triệu": 1_000_000,
    "nghìn": 1_000, "ngàn": 1_000,
    "trăm": 100,
}
MONEY_WORDS = ("đồng", "vnd", "vnđ", "đ")
_AMOUNT = re.compile(r"^(?P<num>[+-]?[\d.,\s]*\d)\s*(?P<rest>.*)$")


def parse_number(text: str) -> float:
    """Vietnamese digits: '.' groups thousands, ',' marks decimals: "1.500.000" → 1500000, "1,5" → 1.5."""
    t = text.replace(" ", "").replace("\u00a0", "")
    if not re.fullmatch(r"[+-]?\d[\d.,]*", t):
        raise ValueError(f"'{text}' is not a number")
    sign = -1 if t.startswith("-") else 1
    t = t.lstrip("+-")
    if (t.count(",") > 1 and "." not in t) or ("." in t and "," in t and t.rfind(".") > t.rfind(",")):          # 1,500,000 written the English way
        t = t.replace(",", "")
    elif t.count(".") >= 1 and re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d+)?", t):
        t = t.replace(".", "").replace(",", ".")
    elif "," in t:
        t = t.replace(",", ".")
    try:
        return sign * float(t)
    except ValueError as exc:
        raise ValueError(f"'{text}' is not a number") from exc


def parse_amount(cell: str, unit_cell: str = "", *, money: bool = False, unit_name: str = "") -> int:
    """A whole, non-negative value in the metric's base unit: "1,5 tỷ" → 1500000000 (VND)."""
    raw = unicodedata.normalize("NFC", str(cell)).strip()
    if not raw:
        raise ValueError("the value is empty")
    m = _AMOUNT.match(raw)
    if not m:
        raise ValueError(f"value '{raw}' is not a number")
    number = parse_number(m.group("num"))
    words = f"{m.group('rest')} {unit_cell}".lower().split()
    factor = 1
    for word in words:
        w = word.strip(".,;")
        if w in MULTIPLIERS:
            factor *= MULTIPLIERS[w]
        elif w in MONEY_WORDS:
            if not money:
                raise ValueError(f"value '{raw}' is money, but this metric counts {unit_name or 'items'}")
        elif w:
            continue  # a unit or classifier word (người, đảng viên, căn …): no effect on the number
    if factor != 1 and not money and any(w in ("tỷ", "tỉ", "triệu") for w in words):
        raise ValueError(f"value '{raw}' looks like money, but this metric counts {unit_name or 'items'}")
    value = number * factor
    if value < 0:
        raise ValueError(f"value '{raw}' is negative; counts and amounts cannot be below zero")
    if abs(value - round(value)) > 1e-6:
        raise ValueError(f"value '{raw}' is not a whole number of {unit_name or 'units'}")
    return round(value)
