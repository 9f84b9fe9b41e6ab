"""Ingest of prose documents: a full load of generated articles, then a second run over the unchanged files.

PARTYBUILD_BENCH_DOCS (default 10,000) sets how many articles `partybuild sample --docs N` writes. The target:
the second (incremental) run costs ≤ 5% of the first, because unchanged files are skipped by their
(path, size, mtime) without being read.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]


def _timed_run(src: Path, db: Path) -> tuple[float, Any]:
    from etl.pipeline import run

    began = time.perf_counter()
    report = run([src], db)
    return time.perf_counter() - began, report


def run() -> list[dict[str, Any]]:
    docs = int(os.environ.get("PARTYBUILD_BENCH_DOCS", "10000"))
    with tempfile.TemporaryDirectory(prefix="partybuild-bench-ingest-") as tmp:
        src, db = Path(tmp) / "articles", Path(tmp) / "w.duckdb"
        subprocess.run([sys.executable, "-m", "etl.cli", "sample", "--docs", str(docs), "--out", str(src),
                        "--seed", "7"], cwd=REPO, check=True, capture_output=True)
        full_s, full = _timed_run(src, db)
        again_s, again = _timed_run(src, db)
        touched = sorted(src.glob("*.txt"))[: max(1, docs // 100)]
        for path in touched:
            path.write_text(path.read_text(encoding="utf-8") + "\nCập nhật.\n", encoding="utf-8")
        changed_s, changed = _timed_run(src, db)
        size_mb = db.stat().st_size / 1e6
    ratio = 100 * again_s / full_s if full_s else 0.0
    return [
        {"name": "etl run (full, prose)", "value": round(docs / full_s, 1), "unit": "docs/s",
         "notes": f"{docs:,} articles in {full_s:.1f} s → {full.facts_added:,} facts, status {full.status}, "
                  f"{full.documents_rejected} rejected, warehouse {size_mb:,.0f} MB"},
        {"name": "etl run (unchanged, incremental)", "value": round(again_s, 2), "unit": "s",
         "notes": f"{ratio:.1f}% of the full run (target ≤ 5%); {again.documents_unchanged:,} unchanged, "
                  f"{again.facts_added} facts added"},
        {"name": "etl run (1% changed)", "value": round(changed_s, 2), "unit": "s",
         "notes": f"{changed.documents_changed} changed, +{changed.facts_added} −{changed.facts_removed} facts"},
    ]


if __name__ == "__main__":
    for row in run():
        print(row)
