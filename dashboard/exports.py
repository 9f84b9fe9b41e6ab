"""Tables as downloadable files: CSV (UTF-8 with a BOM, so Excel reads Vietnamese) and XLSX.

The files keep the table's own columns and raw values (numbers stay numbers, dates stay dates), so a spreadsheet
can compute with them; what the page shows is formatted for reading (tables.py). Both are built only when the
button is clicked.
"""

from __future__ import annotations

import io
import math
from datetime import date, datetime, time, timedelta
from typing import Any

import pandas as pd
from openpyxl import Workbook

XLSX_MAX_ROWS = 1_048_575  # Excel's limit, below the header row


def csv_bytes(df: pd.DataFrame) -> bytes:
    return df.to_csv(index=False).encode("utf-8-sig")


def _cell(value: Any) -> Any:
    """A value Excel can hold: no time zones, no lists or structs (as text), no NaN or NaT (empty)."""
    if value is None or value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if isinstance(value, bool | int | str):
        return value
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, datetime):
        return value.replace(tzinfo=None) if value.tzinfo else value
    if isinstance(value, date | time):
        return value
    if isinstance(value, pd.Timedelta | timedelta):
        return pd.Timedelta(value).total_seconds()
    if hasattr(value, "item"):  # numpy scalars
        return _cell(value.item())
    return str(value)


def xlsx_bytes(df: pd.DataFrame, sheet: str = "data") -> bytes:
    """One sheet: the header, then at most XLSX_MAX_ROWS rows (write-only: a large table streams out)."""
    book = Workbook(write_only=True)
    ws = book.create_sheet(sheet[:31])
    ws.append([str(c) for c in df.columns])
    for row in df.head(XLSX_MAX_ROWS).itertuples(index=False, name=None):
        ws.append([_cell(v) for v in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
