"""Facts already extracted, one JSON object a line (as `partybuild extract --format jsonl` prints them).

Keys: metric, value, body, period_start [, period_end, period_label, qualifier, province, evidence]. Each
line becomes a row; the pipeline checks each and rejects bad lines by number, as for spreadsheets.
"""

from __future__ import annotations

import json
from pathlib import Path

from etl.errors import InputError
from etl.sources.base import SourceDocument, TableRow, read_input, sha256_bytes
from etl.sources.encoding import UndecodableError, decode

EXTENSIONS = (".jsonl",)
REQUIRED = ("metric", "value", "body", "period_start")


def read(path: Path) -> SourceDocument:
    data = read_input(path)
    try:
        decoded = decode(data)
    except UndecodableError as exc:
        raise InputError(str(path), str(exc)) from exc
    rows: list[TableRow] = []
    bad = 0
    for line_no, line in enumerate(decoded.text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            bad += 1
            rows.append(TableRow(row_no=line_no, cells={"_error": f"not valid JSON ({exc.msg})"}))
            continue
        if not isinstance(obj, dict):
            bad += 1
            rows.append(TableRow(row_no=line_no, cells={"_error": "not a JSON object"}))
            continue
        cells = {str(k): v if isinstance(v, str) else ("" if v is None else json.dumps(v, ensure_ascii=False))
                 for k, v in obj.items()}
        rows.append(TableRow(row_no=line_no, cells=cells))
    if not rows:
        raise InputError(str(path), "the file has no lines")
    if bad == len(rows):
        raise InputError(str(path), "no line is a JSON object; expected one fact per line, e.g. "
                                    '{"metric": "members_admitted", "value": 12, "body": "…", '
                                    '"period_start": "2024-01-01"}')
    return SourceDocument(
        path=path, kind="jsonl", content_hash=sha256_bytes(data), size_bytes=len(data), rows=rows,
        title=path.name, encoding=decoded.encoding,
    )
