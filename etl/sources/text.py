"""Plain text and Markdown articles, in any encoding `etl.sources.encoding` recognises."""

from __future__ import annotations

from pathlib import Path

from etl.errors import InputError
from etl.sources.base import SourceDocument, read_input, sha256_text
from etl.sources.encoding import UndecodableError, decode

EXTENSIONS = (".txt", ".md")


def read(path: Path) -> SourceDocument:
    data = read_input(path)
    try:
        decoded = decode(data)
    except UndecodableError as exc:
        raise InputError(str(path), str(exc)) from exc
    text = decoded.text
    if not text.strip():
        raise InputError(str(path), "the file has no text")
    title = next((line.strip().lstrip("#").strip() for line in text.splitlines() if line.strip()), None)
    return SourceDocument(
        path=path, kind="text", content_hash=sha256_text(text), size_bytes=len(data),
        text=text, title=title, encoding=decoded.encoding,
    )
