"""Word documents (.docx): paragraphs and table cells in reading order, with legacy fonts converted.

Old documents typed in `.VnTime` (TCVN3) or `VNI-Times` (VNI) fonts store their letters as Latin-1 code
points; the fonts of the runs say which table converts them, and the content decides when they do not.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from etl.errors import InputError
from etl.sources.base import SourceDocument, check_package, read_input, sha256_text
from etl.sources.encoding import convert_legacy, decode_str

EXTENSIONS = (".docx",)


def _blocks(document: Any) -> tuple[list[str], set[str]]:
    """Paragraph and table-cell texts in document order, and the font names their runs use."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    texts: list[str] = []
    fonts: set[str] = set()
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            texts.append(block.text)
            fonts.update(r.font.name for r in block.runs if r.font.name)
        elif isinstance(block, Table):
            for row in block.rows:
                cells = []
                for cell in row.cells:
                    cells.append(" ".join(p.text for p in cell.paragraphs))
                    for p in cell.paragraphs:
                        fonts.update(r.font.name for r in p.runs if r.font.name)
                texts.append(" | ".join(c for c in cells if c.strip()))
    return texts, fonts


def read(path: Path) -> SourceDocument:
    import docx  # python-docx; imported here so other formats do not pay for it

    data = read_input(path)
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise InputError(str(path), "is not a .docx file (not a ZIP package); a legacy .doc must be saved "
                                    "as .docx first")
    check_package(path, data, ".docx")
    try:
        document = docx.Document(io.BytesIO(data))
        texts, fonts = _blocks(document)
    except (KeyError, ValueError, zipfile.BadZipFile, OSError) as exc:
        raise InputError(str(path), f"is not a readable .docx document ({exc}); open and re-save it in Word") \
            from exc
    except Exception as exc:  # lxml and python-docx raise many kinds on damaged packages
        raise InputError(str(path), f"is a damaged .docx document ({type(exc).__name__}); re-save it in Word") \
            from exc
    raw = "\n".join(t for t in texts if t.strip())
    if not raw.strip():
        raise InputError(str(path), "the document has no text")
    legacy = convert_legacy(raw, fonts)
    decoded = legacy if legacy is not None else decode_str(raw, "docx")
    text = decoded.text
    title = None
    try:
        title = (document.core_properties.title or "").strip() or None
    except (AttributeError, ValueError):
        title = None
    title = title or next((line.strip() for line in text.splitlines() if line.strip()), None)
    return SourceDocument(
        path=path, kind="docx", content_hash=sha256_text(text), size_bytes=len(data), text=text,
        title=title, encoding=decoded.encoding,
    )
