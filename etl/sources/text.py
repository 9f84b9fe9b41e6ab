"""Plain text and Markdown articles."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from etl.errors import InputError
from etl.sources.base import SourceDocument, sha256_text

EXTENSIONS = (".txt", ".md")


def read(path: Path) -> SourceDocument:
    data = path.read_bytes()
    if not data.strip():
        raise InputError(str(path), "the file is empty")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(str(path), "the file looks binary (it contains NUL bytes), not text")
    encoding = "utf-8"
    if data.startswith(b"\xef\xbb\xbf"):
        encoding, data = "utf-8-sig", data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            str(path), f"cannot be decoded as {encoding} (byte {exc.start}); save it as UTF-8"
        ) from exc
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    title = next((line.strip() for line in text.splitlines() if line.strip()), None)
    return SourceDocument(
        path=path, kind="text", content_hash=sha256_text(text), size_bytes=len(data),
        text=text, title=title, encoding=encoding,
    )
