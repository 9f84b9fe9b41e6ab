"""One reader per format, all with the signature `read(path) -> SourceDocument`, registered by extension.

A new format is a new module here and one line in READERS, never a branch in the pipeline.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from etl.sources import docx, html, jsonl, pdf, tabular, text
from etl.sources.base import Reader, SourceDocument, TableRow

READERS: dict[str, Reader] = {}
for _module in (text, html, docx, pdf, tabular, jsonl):
    for _ext in _module.EXTENSIONS:
        READERS[_ext] = _module.read


def reader_for(path: Path) -> Reader | None:
    return READERS.get(path.suffix.lower())


def _walk(folder: Path) -> Iterator[Path]:
    """Files under `folder`, recursively, skipping hidden files and folders; scandir avoids a stat per file."""
    stack = [str(folder)]
    while stack:
        current = stack.pop()
        try:
            entries = list(os.scandir(current))
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                stack.append(entry.path)
            elif entry.is_file():
                yield Path(entry.path)


def discover(paths: Iterable[str | Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Files to read (folders recursively, sorted) and the inputs passed over with the reason why."""
    files: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(_walk(path), key=str):
                if child.name == "truth.jsonl":
                    continue
                if reader_for(child):
                    files.append(child)
                else:
                    skipped.append((child, f"unknown file type '{child.suffix or '(none)'}'"))
        elif path.is_file():
            if reader_for(path):
                files.append(path)
            else:
                skipped.append((path, f"unknown file type '{path.suffix or '(none)'}'; "
                                      f"known: {', '.join(sorted(READERS))}"))
        else:
            skipped.append((path, "no such file or folder"))
    return files, skipped


__all__ = ["READERS", "SourceDocument", "TableRow", "discover", "reader_for"]
