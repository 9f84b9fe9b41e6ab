"""Load throughput: `partybuild sample --facts` (in-SQL generation) and the spreadsheet loader.

PARTYBUILD_BENCH_FACTS (default 1,000,000) sizes the first; PARTYBUILD_BENCH_ROWS (default 50,000) the second.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path
from typing import Any

import duckdb


def _facts(tmp: Path, n: int) -> dict[str, Any]:
    from etl.sample.facts import build_facts

    db = tmp / "facts.duckdb"
    built = build_facts(db, n, seed=1)
    size_mb = db.stat().st_size / 1e6
    return {"name": "sample --facts", "value": round(n / built.seconds, 1), "unit": "facts/s",
            "notes": f"{n:,} facts in {built.seconds:.1f} s, file {size_mb:,.0f} MB"}


def _spreadsheet(tmp: Path, rows: int) -> dict[str, Any]:
    from etl.pipeline import run
    from etl.sample.spreadsheet import write_spreadsheet

    sheet = tmp / "bulk.csv"
    written = write_spreadsheet(sheet, rows=rows, seed=1)
    db = tmp / "sheet.duckdb"
    began = time.perf_counter()
    report = run([sheet], db)
    seconds = time.perf_counter() - began
    with duckdb.connect(str(db), read_only=True) as con:
        row = con.execute("SELECT count(*) FROM facts").fetchone()
    loaded = int(row[0]) if row else 0
    return {"name": "etl run (spreadsheet)", "value": round(loaded / seconds, 1), "unit": "facts/s",
            "notes": f"{written:,} rows → {loaded:,} facts in {seconds:.1f} s, status {report.status}, "
                     f"{report.rows_rejected} rejected"}


def run() -> list[dict[str, Any]]:
    n = int(os.environ.get("PARTYBUILD_BENCH_FACTS", "1000000"))
    rows = int(os.environ.get("PARTYBUILD_BENCH_ROWS", "50000"))
    with tempfile.TemporaryDirectory(prefix="partybuild-bench-") as tmp:
        return [_facts(Path(tmp), n), _spreadsheet(Path(tmp), rows)]
