"""Dashboard render times in a real Chromium on a 1,000,000-fact warehouse, per page: the first render
(target < 2 s) and a filter change (target < 0.5 s). Rows: name, value (ms, the median), unit, notes. Run by
bench/run.py, or alone: `.venv/bin/python bench/bench_dashboard.py`.

The warehouse is built with `partybuild sample --facts N` (N = $PARTYBUILD_BENCH_DASHBOARD_FACTS, default
1,000,000) unless $PARTYBUILD_BENCH_DASHBOARD_DB names one already built; $PARTYBUILD_BENCH_DASHBOARD_PAGES
(e.g. "map,bodies") times only those pages, $PARTYBUILD_BENCH_DASHBOARD_REPEATS (default 3) sets the
repetitions. `partybuild dashboard` serves it with $PARTYBUILD_DASHBOARD_TIMING set, so it prints its own time
per run (server time, and the part of it spent in queries); Playwright drives Debian's Chromium
(/usr/bin/chromium, headless, no GPU).

Three timings per page, each repeated with other years so that none of its queries is in the server's cache:
- first render: the page's address opened in a new tab. It includes loading the page and its scripts (cached
  by the browser after a warm-up page), the websocket, the script run, and drawing; on a page with charts also
  the evaluation of the Plotly bundle the charts load (dashboard/plot.py), which every new tab pays once.
- page switch: the page reached by its sidebar link from another chart page (the usual way between pages).
- filter change: another metric (the overview: another level) chosen in the page's filters.

Each row also gives CPU times, which the machine's load inflates far less than wall-clock times: the browser's
main-thread CPU for the render (Chromium's own counter, CDP Performance.ThreadTime) and the dashboard server's CPU
(every process of its process group, from /proc). Note what a chart costs the browser: a chart whose figure
changes is redrawn in place (Plotly.react, dashboard/plot.py); one whose key changes (a selection dropped) anew.

When is a render done? An observer installed before the page loads stamps the time of every change in the
page (main area and sidebar) and of every message from the server. A render is done when, after the action,
a message has arrived, Streamlit's root element says the script is no longer running, no element is stale
(greyed out, waiting for its rerun), every chart on the page has drawn its SVG and every table its canvas,
and nothing has changed for QUIET_MS. The time reported is that of the last change: from navigation start
for a first render, from the pointer-down for a page switch or a filter change.
"""

from __future__ import annotations

import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

FACTS = int(os.environ.get("PARTYBUILD_BENCH_DASHBOARD_FACTS", "1000000"))
REPEATS = int(os.environ.get("PARTYBUILD_BENCH_DASHBOARD_REPEATS", "3"))
FIRST_TARGET_S = 2.0
CHANGE_TARGET_S = 0.5
QUIET_MS = 400
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]

# url path → (name, charts drawn, tables drawn, the filter changed: (which selectbox, which option) or None).
# The filter is the metric (to the third one, not the default), except on the overview, whose cards and charts
# show every metric: there it is the level (to districts).
PAGES: list[tuple[str, str, int, int, tuple[int, int] | None]] = [
    ("", "overview", 1, 0, (1, 5)),
    ("bodies", "by body", 3, 0, (0, 2)),
    ("periods", "by period", 2, 0, (0, 2)),  # its table is in a closed expander
    ("map", "map", 2, 0, (0, 2)),  # its table too
    ("evidence", "evidence", 0, 1, (0, 2)),
    ("quality", "quality", 0, 1, None),
    ("sql", "sql", 0, 0, None),
    ("etl", "etl", 0, 1, None),
]

OBSERVER = """
(() => {
  const pb = window.__pb = {msgs: 0, last: 0, down: 0};
  addEventListener('pointerdown', () => { pb.down = performance.now(); }, true);
  const Socket = window.WebSocket;
  window.WebSocket = class extends Socket {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', () => { pb.msgs++; pb.last = Math.max(pb.last, performance.now()); });
    }
  };
  new MutationObserver((records) => {
    for (const r of records) {
      const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      if (el && el.closest && el.closest('[data-testid="stMain"], [data-testid="stSidebar"]')) {
        pb.last = performance.now();
        return;
      }
    }
  }).observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
})();
"""

DONE = """
([msgs, charts, tables, quiet]) => {
  const pb = window.__pb;
  const app = document.querySelector('[data-testid="stApp"]');
  if (!pb || !app || app.getAttribute('data-test-script-state') !== 'notRunning' || pb.msgs <= msgs) return false;
  const main = document.querySelector('[data-testid="stMain"]');
  if (!main || !main.querySelector('h1')) return false;
  if (document.querySelector('[data-stale="true"]')) return false;
  const plots = main.querySelectorAll('.js-plotly-plot');  // a chart's div, once Plotly has taken it
  if (plots.length < charts) return false;
  for (const p of plots) if (!p.querySelector('.main-svg')) return false;
  if (main.querySelectorAll('[data-testid="stDataFrame"] canvas').length < tables) return false;
  return performance.now() - pb.last >= quiet;
}
"""


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_done(page: Any, msgs: int, charts: int, tables: int) -> float:
    """Seconds from navigation start to the last change of the finished render (see the module doc)."""
    page.wait_for_function(DONE, arg=[msgs, charts, tables, QUIET_MS], timeout=120_000, polling=50)
    return float(page.evaluate("() => window.__pb.last")) / 1000


def _filter_change(page: Any, change: tuple[int, int], charts: int, tables: int) -> float:
    """Choose another option of one of the page's filters: seconds from the pointer-down to the new render."""
    box, option = change
    msgs = int(page.evaluate("() => window.__pb.msgs"))
    page.locator("[data-testid='stMain'] [data-testid='stSelectbox']").nth(box).click()
    page.locator("[role='option']").nth(option).click()
    end = _wait_done(page, msgs, charts, tables)
    return end - float(page.evaluate("() => window.__pb.down")) / 1000


def _verdict(value: float, target: float) -> str:
    return "ok" if value < target else "OVER"


def _serve(db: Path, port: int, log: Any) -> subprocess.Popen[bytes]:
    cli = str(Path(sys.executable).with_name("partybuild"))
    env = {**os.environ, "PARTYBUILD_DASHBOARD_TIMING": "1"}  # one line per run: server and query time
    return subprocess.Popen([cli, "dashboard", "--db", str(db), "--port", str(port), "--address", "127.0.0.1"],
                            stdout=log, stderr=subprocess.STDOUT, start_new_session=True, env=env)


def _group_cpu(pgid: int) -> float:
    """CPU seconds (user + system) of the processes in a process group so far; 0 where /proc is missing."""
    total = 0
    proc = Path("/proc")
    if not proc.is_dir():
        return 0.0
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid:  # pgrp; utime and stime follow at 11 and 12
            total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


class Cpu:
    """CPU time spent by the browser tab's main thread and by the server between two calls of `since()`."""

    def __init__(self, page: Any, server_pgid: int) -> None:
        self.cdp = page.context.new_cdp_session(page)
        self.cdp.send("Performance.enable")
        self.pgid = server_pgid
        self.last = self._now()

    def _now(self) -> tuple[float, float]:
        metrics = {m["name"]: m["value"] for m in self.cdp.send("Performance.getMetrics")["metrics"]}
        return float(metrics.get("ThreadTime", 0.0)), _group_cpu(self.pgid)

    def since(self) -> tuple[float, float]:
        """(browser main-thread CPU seconds, server CPU seconds) since the previous call."""
        now = self._now()
        spent = (now[0] - self.last[0], now[1] - self.last[1])
        self.last = now
        return spent


class ServerLog:
    """The server's timing lines (dashboard/frame.py `timed`) written since the last `since()`."""

    def __init__(self, log: Any) -> None:
        self.log = log
        self.offset = 0

    def since(self) -> tuple[float, float]:
        """(server seconds, query seconds) of the runs logged since the previous call."""
        self.log.flush()
        self.log.seek(self.offset)
        text = self.log.read().decode("utf-8", "replace")
        self.offset += len(text.encode("utf-8"))
        server = queries = 0.0
        for line in text.splitlines():
            if line.startswith("partybuild-timing "):
                fields = dict(part.split("=", 1) for part in line.split()[1:])
                server += float(fields["server_ms"]) / 1000
                queries += float(fields["query_ms"]) / 1000
        return server, queries


def _row(name: str, times: list[float], target: float, splits: list[tuple[float, ...]],
         what: str) -> dict[str, Any]:
    """One result row in milliseconds (bench/run.py prints one decimal): the median, its spread, the verdict, how
    much of it the server spent (running the page, and querying within that), and the CPU the browser's main
    thread and the server used."""
    value = statistics.median(times)
    server = statistics.median(sp[0] for sp in splits)
    queries = statistics.median(sp[1] for sp in splits)
    browser_cpu = statistics.median(sp[2] for sp in splits)
    server_cpu = statistics.median(sp[3] for sp in splits)
    load = os.getloadavg()[0]
    return {"name": name, "value": round(value * 1000, 1), "unit": "ms",
            "notes": f"median of {len(times)} ({min(times) * 1000:.0f}–{max(times) * 1000:.0f}); {what}; target < "
                     f"{target * 1000:.0f} ms: {_verdict(value, target)}; server {server * 1000:.0f} ms (queries "
                     f"{queries * 1000:.0f} ms), the rest page loading, network and drawing in the browser; CPU: "
                     f"browser main thread {browser_cpu * 1000:.0f} ms, server {server_cpu * 1000:.0f} ms; "
                     f"load average {load:.1f}"}


def _switch(page: Any, index: int, charts: int, tables: int) -> float:
    """From another page to this one by its sidebar link: seconds from the pointer-down to the render."""
    msgs = int(page.evaluate("() => window.__pb.msgs"))
    page.locator("[data-testid='stSidebar'] a").nth(index).click()
    end = _wait_done(page, msgs, charts, tables)
    return end - float(page.evaluate("() => window.__pb.down")) / 1000


def measure(db: Path, facts: int) -> list[dict[str, Any]]:
    from playwright.sync_api import sync_playwright

    rows: list[dict[str, Any]] = []
    port = _port()
    base = f"http://127.0.0.1:{port}"
    only = [p for p in os.environ.get("PARTYBUILD_BENCH_DASHBOARD_PAGES", "").split(",") if p]
    with tempfile.TemporaryFile() as log:
        server = _serve(db, port, log)
        timing = ServerLog(log)
        try:
            for _ in range(240):
                try:
                    urllib.request.urlopen(f"{base}/_stcore/health", timeout=1)
                    break
                except OSError:
                    time.sleep(0.25)
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                context = browser.new_context(viewport={"width": 1400, "height": 1000})
                context.add_init_script(OBSERVER)
                # The server process imports Plotly and its validators once, and the browser caches the script
                # bundles: neither belongs to a page's render. The warm-up view shares no query with the ones timed.
                warm = context.new_page()
                warm.goto(f"{base}/?metric=confidence_vote_subjects&from=2012&to=2013&level=district")
                _wait_done(warm, 0, 1, 0)
                warm.close()
                timing.since()
                for path, name, charts, tables, change in PAGES:
                    if only and (path or "overview") not in only:
                        continue
                    opened: list[float] = []
                    switched: list[float] = []
                    changed: list[float] = []
                    splits: dict[str, list[tuple[float, ...]]] = {"open": [], "switch": [], "change": []}
                    for rep in range(REPEATS):
                        # Each repetition its own years, so no query of it is in the server's cache yet.
                        years = f"from={2010 + rep}&to=2025"
                        page = context.new_page()
                        cpu = Cpu(page, server.pid)
                        page.goto(f"{base}/{path}?{years}")
                        opened.append(_wait_done(page, 0, charts, tables))
                        splits["open"].append((*timing.since(), *cpu.since()))
                        if change:
                            changed.append(_filter_change(page, change, charts, tables))
                            splits["change"].append((*timing.since(), *cpu.since()))
                        if page.locator("[data-testid='stException']").count():
                            raise RuntimeError(f"the {name} page shows an exception")
                        page.close()
                        # From another chart page (its tab has loaded the chart library), by the sidebar's link.
                        page = context.new_page()
                        start = ("map", 2, 0) if path == "" else ("", 1, 0)
                        page.goto(f"{base}/{start[0]}?from={2010 + rep}&to=2024&metric=funds_donated")
                        _wait_done(page, 0, start[1], start[2])
                        timing.since()
                        cpu = Cpu(page, server.pid)
                        index = [pth for pth, *_rest in PAGES].index(path)
                        switched.append(_switch(page, index, charts, tables))
                        splits["switch"].append((*timing.since(), *cpu.since()))
                        page.close()
                    rows.append(_row(f"dashboard first render: {name}", opened, FIRST_TARGET_S, splits["open"],
                                     f"{facts:,} facts, address opened in a new tab"))
                    rows.append(_row(f"dashboard page switch: {name}", switched, FIRST_TARGET_S, splits["switch"],
                                     "reached by its sidebar link from another chart page"))
                    if changed:
                        what = "level" if path == "" else "metric"
                        rows.append(_row(f"dashboard filter change: {name}", changed, CHANGE_TARGET_S,
                                         splits["change"], f"{what} switched to one not shown yet"))
                browser.close()
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(10)
    return rows


def run() -> list[dict[str, Any]]:
    given = os.environ.get("PARTYBUILD_BENCH_DASHBOARD_DB")
    if given:
        return measure(Path(given), FACTS)
    cli = str(Path(sys.executable).with_name("partybuild"))
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        subprocess.run([cli, "sample", "--facts", str(FACTS), "--db", str(db)], check=True, capture_output=True)
        return measure(db, FACTS)


if __name__ == "__main__":
    for row in run():
        print(f"{row['name']:<36} {row['value']:>7.1f} {row['unit']}  {row['notes']}")
