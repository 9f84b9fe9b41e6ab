"""PDF files: the text layer, page by page. Scans without a text layer are refused (OCR them first)."""

from __future__ import annotations

import io
import logging
from pathlib import Path

from etl.errors import InputError
from etl.sources.base import SourceDocument, read_input, sha256_text
from etl.sources.encoding import decode_str

EXTENSIONS = (".pdf",)


def read(path: Path) -> SourceDocument:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    data = read_input(path)
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise InputError(str(path), "is not a PDF (it does not start with %PDF); check the file's real type")
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # damaged files warn on every object
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise InputError(str(path), "the PDF is encrypted; save an unprotected copy")
        pages = [page.extract_text() or "" for page in reader.pages]
        meta = reader.metadata
        meta_title = str(meta.title).strip() if meta and meta.title else None
    except InputError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError,
            OSError) as exc:
        raise InputError(str(path), f"is a damaged or truncated PDF ({type(exc).__name__}: {exc}); "
                                    "export it from its source again") from exc
    raw = "\n\n".join(p for p in pages if p.strip())
    if not raw.strip():
        raise InputError(str(path), "the PDF has no text layer (a scan?); run OCR on it first")
    decoded = decode_str(raw, "pdf")
    text = decoded.text
    title = meta_title or next((line.strip() for line in text.splitlines() if line.strip()), None)
    return SourceDocument(
        path=path, kind="pdf", content_hash=sha256_text(text), size_bytes=len(data), text=text,
        title=title, encoding=decoded.encoding,
    )
