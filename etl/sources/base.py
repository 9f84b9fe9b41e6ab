"""What every reader returns, whatever the format: one `SourceDocument`."""

from __future__ import annotations

import hashlib
import os
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

MAX_INPUT_ENV = "PARTYBUILD_MAX_INPUT_MB"
DEFAULT_MAX_INPUT_MB = 50.0


def max_input_bytes() -> int:
    """The largest input a run reads: $PARTYBUILD_MAX_INPUT_MB (default 50 MB); larger files are quarantined."""
    raw = os.environ.get(MAX_INPUT_ENV, "").strip()
    try:
        mb = float(raw) if raw else DEFAULT_MAX_INPUT_MB
    except ValueError:
        mb = DEFAULT_MAX_INPUT_MB
    return int(mb * 1024 * 1024)


def read_input(path: Path) -> bytes:
    """The file's bytes, refusing empty and over-large files with a message saying what to do."""
    from etl.errors import InputError

    with open(path, "rb") as fh:  # one open and fstat: a run reads thousands of small files
        size = os.fstat(fh.fileno()).st_size
        limit = max_input_bytes()
        if size > limit:
            raise InputError(
                str(path), f"the file is {size / 1048576:.1f} MB, over the {limit / 1048576:g} MB limit; "
                f"split it, or raise the limit with --max-input-mb or ${MAX_INPUT_ENV}")
        data = fh.read()
    if not data.strip():
        raise InputError(str(path), "the file is empty")
    return data



def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def check_package(path: Path, data: bytes, kind: str) -> None:
    """A .docx/.xlsx must be a ZIP package that does not inflate past 10× the input limit (a zip bomb)."""
    import io
    import zipfile

    from etl.errors import InputError

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise InputError(str(path), f"is not a {kind} file (not a ZIP package); save it as {kind} again")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            inflated = sum(info.file_size for info in package.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InputError(str(path), f"is a damaged {kind} package ({exc}); save it again") from exc
    if inflated > 10 * max_input_bytes():
        raise InputError(str(path), f"unpacks to {inflated / 1048576:.0f} MB, too large to read safely; "
                                    "split the document")
