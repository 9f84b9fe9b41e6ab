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


def reader_for(path: str | Path) -> Reader | None:
    return READERS.get(os.path.splitext(path)[1].lower())


def _walk(folder: str) -> Iterator[tuple[str, str]]:
    """(path, name) of the files under `folder`, recursively, skipping hidden files and folders; scandir avoids
    a stat per file."""
    stack = [folder]
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
                yield entry.path, entry.name


def discover(paths: Iterable[str | Path]) -> tuple[list[str], list[tuple[Path, str]]]:
    """Files to read (folders recursively, sorted) and the inputs passed over with the reason why.

    Files are plain strings: a folder of ten thousand unchanged files must cost little more than their stats.
    """
    files: list[str] = []
    skipped: list[tuple[Path, str]] = []
    for raw in paths:
        path = str(raw)
        if os.path.isdir(path):
            for child, name in sorted(_walk(path)):
                if name == "truth.jsonl":
                    continue
                suffix = os.path.splitext(name)[1]
                if suffix.lower() in READERS:
                    files.append(child)
                else:
                    skipped.append((Path(child), f"unknown file type '{suffix or '(none)'}'"))
        elif os.path.isfile(path):
            if reader_for(path):
                files.append(path)
            else:
                suffix = os.path.splitext(path)[1]
                skipped.append((Path(path), f"unknown file type '{suffix or '(none)'}'; "
                                            f"known: {', '.join(sorted(READERS))}"))
        else:
            skipped.append((Path(path), "no such file or folder"))
    return files, skipped


__all__ = ["READERS", "SourceDocument", "TableRow", "discover", "reader_for"]
