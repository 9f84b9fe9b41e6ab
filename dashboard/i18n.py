"""Vietnamese and English strings, and Vietnamese number and date formats.

Strings live in `locales/vi.json` and `locales/en.json` (same keys; a test checks it). Numbers follow the
language: Vietnamese "1.234.567" and "8,5 tỷ đồng", English "1,234,567" and "8.5 billion VND".
"""

from __future__ import annotations

import json
import math
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
_LOCALES = Path(__file__).resolve().parent / "locales"


@cache
def strings(lang: str) -> dict[str, str]:
    with (_LOCALES / f"{lang}.json").open(encoding="utf-8") as fh:
        data: dict[str, str] = json.load(fh)
    return data


def translate(lang: str, key: str, **kwargs: Any) -> str:
    """The string for `key` in `lang` (falling back to Vietnamese, then to the key itself)."""
    lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    text = strings(lang).get(key) or strings(DEFAULT_LANGUAGE).get(key) or key
    return text.format(**kwargs) if kwargs else text


def _group(digits: str, sep: str) -> str:
    out = []
    while len(digits) > 3:
        out.append(digits[-3:])
        digits = digits[:-3]
    out.append(digits)
    return sep.join(reversed(out))


def format_number(value: float | int | None, lang: str = "vi", decimals: int = 0) -> str:
    """Grouped number: format_number(1234567) == "1.234.567"; English "1,234,567"; None → "–"."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    thousands, point = (".", ",") if lang == "vi" else (",", ".")
    negative = value < 0
    text = f"{abs(value):.{decimals}f}"
    whole, _, frac = text.partition(".")
    result = _group(whole, thousands) + (point + frac if frac else "")
    return ("-" if negative else "") + result


_SCALES_VI = ((1e9, "tỷ"), (1e6, "triệu"))
_SCALES_EN = ((1e9, "billion"), (1e6, "million"))
_UNITS = {"vi": {"VND": "đồng", "persons": "người", "houses": "căn"},
          "en": {"VND": "VND", "persons": "persons", "houses": "houses"}}


def format_value(value: float | int | None, unit: str | None = None, lang: str = "vi") -> str:
    """A figure with its unit: format_value(8_500_000_000, "VND") == "8,5 tỷ đồng"; 1234 people → "1.234 người"."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    unit_text = _UNITS.get(lang, _UNITS["vi"]).get(unit or "", unit or "")
    if unit == "VND":
        for scale, word in (_SCALES_VI if lang == "vi" else _SCALES_EN):
            if abs(value) >= scale:
                scaled = value / scale
                decimals = 0 if scaled == int(scaled) else 1
                text = format_number(scaled, lang, decimals)
                return f"{text} {word} {unit_text}".strip()
    decimals = 0 if float(value) == int(value) else 1
    return f"{format_number(value, lang, decimals)} {unit_text}".strip()


def value_scale(largest: float | int | None, unit: str | None, lang: str = "vi") -> tuple[float, str]:
    """The scale a chart axis of money is drawn in, and its word: (1e9, "tỷ") when the largest value is in the
    billions; (1, "") for everything else (people and houses are counted, not scaled)."""
    if unit == "VND" and largest is not None and not (isinstance(largest, float) and math.isnan(largest)):
        for scale, word in (_SCALES_VI if lang == "vi" else _SCALES_EN):
            if abs(largest) >= scale:
                return scale, word
    return 1.0, ""


def format_date(value: date | datetime | None) -> str:
    """Day/month/year: 20/07/2023 (both languages; the analysts read dates this way)."""
    if value is None:
        return "–"
    try:
        return value.strftime("%d/%m/%Y")
    except (ValueError, AttributeError):  # NaT and the like
        return "–"


def format_datetime(value: datetime | None) -> str:
    if value is None:
        return "–"
    try:
        return value.strftime("%d/%m/%Y %H:%M")
    except (ValueError, AttributeError):
        return "–"


def format_pct(value: float | None, lang: str = "vi") -> str:
    """Signed percentage: +12,5% (vi) / +12.5% (en)."""
    if value is None or (isinstance(value, float) and (math.isnan(value) or math.isinf(value))):
        return "–"
    sign = "+" if value > 0 else ""
    return f"{sign}{format_number(value, lang, 1)}%"
