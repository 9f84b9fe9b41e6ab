"""Dashboard render times in a real Chromium on a 1,000,000-fact warehouse: each page's first render and a
filter change (target: < 2 s and < 0.5 s). Rows: name, value (s), unit, notes. Run by bench/run.py."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

FACTS = int(os.environ.get("BENCH_DASHBOARD_FACTS", "1000000"))
PAGES = ["", "bodies", "periods", "map", "evidence", "quality", "sql", "etl"]
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
READY = "() => document.querySelector('[data-testid=\"stMain\"] h1') && !document.querySelector('[data-testid=\"stStatusWidget\"]')"


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _timed(page: Any, action: Any) -> float:
    began = time.perf_counter()
    action()
    page.wait_for_timeout(150)  # let the rerun start before waiting for it to end
    page.wait_for_function(READY, timeout=60_000)
    return time.perf_counter() - began - 0.15


def run() -> list[dict[str, Any]]:
    from playwright.sync_api import sync_playwright

    cli = str(Path(sys.executable).with_name("partybuild"))
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        subprocess.run([cli, "sample", "--facts", str(FACTS), "--db", str(db)], check=True, capture_output=True)
        port = _port()
        server = subprocess.Popen([cli, "dashboard", "--db", str(db), "--port", str(port), "--address", "127.0.0.1"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            for _ in range(120):
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1)
                    break
                except OSError:
                    time.sleep(0.5)
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                page.goto(f"http://127.0.0.1:{port}/")  # warm the server process once
                page.wait_for_function(READY, timeout=120_000)
                for path in PAGES:
                    url = f"http://127.0.0.1:{port}/{path}"
                    first = _timed(page, lambda u=url: page.goto(u))
                    rows.append({"name": f"dashboard first render /{path or 'overview'}", "value": round(first, 3),
                                 "unit": "s", "notes": f"{FACTS:,} facts; target < 2 s"})
                    if path in ("", "periods", "bodies", "map", "evidence"):
                        box = page.locator("[data-testid='stSelectbox']").first
                        def change(box: Any = box) -> None:
                            box.click()
                            page.locator("[role='option']").nth(1).click()
                        rows.append({"name": f"dashboard filter change /{path or 'overview'}",
                                     "value": round(_timed(page, change), 3), "unit": "s",
                                     "notes": "metric switched; target < 0.5 s"})
                browser.close()
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(10)
    return rows
