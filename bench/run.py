"""Runs every bench/bench_*.py (each exposes `run() -> list[dict]`), prints a table, writes bench/results.json.

Usage: .venv/bin/python bench/run.py [NAME ...]   (NAME filters modules, e.g. `load`)
"""

from __future__ import annotations

import importlib.util
import json
import platform
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # the repository, when run as a script from anywhere


def _load(path: Path) -> Any:
    spec = importlib.util.spec_from_file_location(f"bench.{path.stem}", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv: list[str]) -> int:
    wanted = argv[1:]
    rows: list[dict[str, Any]] = []
    failed = 0
    for path in sorted(HERE.glob("bench_*.py")):
        if wanted and not any(w in path.stem for w in wanted):
            continue
        began = time.perf_counter()
        try:
            results = _load(path).run()
        except Exception as exc:  # one broken benchmark must not hide the others
            failed += 1
            results = [{"name": path.stem, "value": None, "unit": "", "notes": f"failed: {exc!r}"}]
        for r in results:
            rows.append({"module": path.stem, **r})
        print(f"{path.stem}: {time.perf_counter() - began:.1f} s", file=sys.stderr)
    width = max([len(str(r["name"])) for r in rows] + [4])
    print(f"{'name':<{width}}  {'value':>14}  {'unit':<10}  notes")
    for r in rows:
        value = r["value"]
        shown = f"{value:,.1f}" if isinstance(value, float) else f"{value:,}" if isinstance(value, int) else "-"
        print(f"{r['name']:<{width}}  {shown:>14}  {r['unit']:<10}  {r.get('notes', '')}")
    out = {"when": datetime.now().isoformat(timespec="seconds"), "python": platform.python_version(),
           "machine": platform.machine(), "results": rows}
    (HERE / "results.json").write_text(json.dumps(out, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
