"""What every reader returns, whatever the format: one `SourceDocument`."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path


@dataclass
class TableRow:
    """One data row of a spreadsheet, with its row number as a person sees it (the header is row 1)."""

    row_no: int
    cells: dict[str, str]


@dataclass
class SourceDocument:
    path: Path
    kind: str                          # text | html | docx | pdf | spreadsheet | jsonl
    content_hash: str
    size_bytes: int
    text: str | None = None            # prose, NFC-normalised
    rows: list[TableRow] | None = None  # spreadsheet template rows
    title: str | None = None
    outlet: str | None = None
    published: date | None = None
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)


Reader = Callable[[Path], SourceDocument]


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
