"""The spreadsheet template, as CSV or XLSX: columns body, metric, period, value [, unit, source, note]."""

from __future__ import annotations

import csv
import io
import unicodedata
import zipfile
from pathlib import Path

from etl.errors import InputError
from etl.sources.base import SourceDocument, TableRow, check_package, read_input, sha256_bytes
from etl.sources.encoding import UndecodableError, decode

EXTENSIONS = (".csv", ".xlsx")
REQUIRED = ("body", "metric", "period", "value")
OPTIONAL = ("unit", "source", "note")


def _norm_header(cell: object) -> str:
    return unicodedata.normalize("NFC", str(cell or "")).strip().lower()


def _csv_rows(path: Path, data: bytes) -> tuple[list[list[str]], str]:
    try:
        decoded = decode(data)
    except UndecodableError as exc:
        raise InputError(str(path), f"{exc}; export the spreadsheet as 'CSV UTF-8'") from exc
    text = decoded.text
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    try:
        return [row for row in csv.reader(io.StringIO(text), delimiter=delimiter)], decoded.encoding
    except csv.Error as exc:
        raise InputError(str(path), f"is not a well-formed CSV file ({exc})") from exc


def _xlsx_rows(path: Path) -> list[list[str]]:
    import openpyxl  # imported here: only spreadsheets need it

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, EOFError) as exc:
        raise InputError(str(path), f"is not a readable .xlsx workbook ({exc}); open and re-save it in Excel") \
            from exc
    try:
        sheet = book.worksheets[0]
        rows = []
        for values in sheet.iter_rows(values_only=True):
            rows.append(["" if v is None else _cell_text(v) for v in values])
        return rows
    finally:
        book.close()


def _cell_text(value: object) -> str:
    # Excel stores 1500000000 as a float; keep whole numbers whole.
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat") and not isinstance(value, str):
        return value.isoformat()[:10]
    return str(value)


def read(path: Path) -> SourceDocument:
    data = read_input(path)
    if path.suffix.lower() == ".xlsx":
        check_package(path, data, ".xlsx")
        rows, encoding = _xlsx_rows(path), "xlsx"
    else:
        rows, encoding = _csv_rows(path, data)
    rows = [r for r in rows if any(str(c).strip() for c in r)]
    if not rows:
        raise InputError(str(path), "the spreadsheet has no rows")
    header = [_norm_header(c) for c in rows[0]]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise InputError(
            str(path),
            f"the header row lacks the column(s) {', '.join(missing)}; the template needs "
            f"{', '.join(REQUIRED)} (optional: {', '.join(OPTIONAL)}), found: {', '.join(h for h in header if h) or 'none'}",
            row=1,
        )
    table = []
    for offset, raw in enumerate(rows[1:], start=2):
        cells = {name: str(raw[i]).strip() if i < len(raw) else "" for i, name in enumerate(header) if name}
        table.append(TableRow(row_no=offset, cells=cells))
    return SourceDocument(
        path=path, kind="spreadsheet", content_hash=sha256_bytes(data), size_bytes=len(data),
        rows=table, title=path.name, encoding=encoding,
    )
