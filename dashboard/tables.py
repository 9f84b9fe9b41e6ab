"""What a table shows: its columns under names in the chosen language, numbers and dates in that language's formats
(1.234.567; 20/07/2023 14:05; 8,5 tỷ đồng). The downloads keep the raw columns and values (exports.py)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

import pandas as pd

from dashboard import state
from dashboard.i18n import format_date, format_datetime, format_number, format_value
from dashboard.state import t

MAX_LISTED = 10  # values of a list cell shown before "… (n)"
FIRST_ROWS = 1_000  # a list that can be long (the conflicts) shows its first rows; the whole list downloads
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?")


def _missing(value: Any) -> bool:
    """None, NaN, NaT or pandas' NA (a count the run did not record)."""
    if value is None or isinstance(value, list | tuple | dict):
        return value is None
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def text(value: Any) -> str:
    return "" if _missing(value) else str(value)


def number(value: Any) -> str:
    return "" if _missing(value) else format_number(value, state.lang())


def day(value: Any) -> str:
    if _missing(value):
        return ""
    return format_date(value if isinstance(value, date) else pd.Timestamp(value).to_pydatetime())


def moment(value: Any) -> str:
    if _missing(value):
        return ""
    return format_datetime(value if isinstance(value, datetime) else pd.Timestamp(value).to_pydatetime())


def seconds(value: Any) -> str:
    """A duration: '12,3 s' (vi) / '12.3 s' (en)."""
    if _missing(value):
        return ""
    return f"{format_number(pd.Timedelta(value).total_seconds(), state.lang(), 1)} s"


def value(figure: Any, unit: str) -> str:
    """A figure with its unit: '8,5 tỷ đồng', '1.250 người'."""
    return "" if _missing(figure) else format_value(figure, unit, state.lang())


def level(value: Any) -> str:
    return t(f"level_{value}") if value else ""


def period(start: Any, end: Any) -> str:
    """'01/01/2023–31/12/2023', or one date for a one-day period."""
    first, last = day(start), day(end)
    return first if first == last else f"{first}–{last}"


def _first(items: list[str], fmt: Callable[[str], str]) -> str:
    """The first MAX_LISTED items formatted (only those: a conflict can list hundreds), then '… (n)'."""
    shown = "; ".join(fmt(v) for v in items[:MAX_LISTED])
    return f"{shown}; … ({number(len(items))})" if len(items) > MAX_LISTED else shown


def values_list(listed: Any, unit: str) -> str:
    """'[1250, 1300.5]' → '1.250 người; 1.300,5 người', the first MAX_LISTED then '… (n)'."""
    lang = state.lang()
    return _first(_NUMBER.findall(text(listed)), lambda v: format_value(float(v), unit, lang))


def ids_list(listed: Any) -> str:
    """'[12, 7]' → '12; 7', the first MAX_LISTED then '… (n)' (ids are not grouped: 146851, not 146.851)."""
    return _first(_NUMBER.findall(text(listed)), str)


def each(column: pd.Series, fmt: Callable[[Any], str]) -> list[str]:
    return [fmt(v) for v in column.tolist()]


def readable(columns: Mapping[str, Sequence[str]]) -> pd.DataFrame:
    """The table shown: label key → the column's texts, in that order, under the label in the chosen language."""
    return pd.DataFrame({t(label): list(texts) for label, texts in columns.items()})
