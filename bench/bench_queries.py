"""Dashboard-shaped queries over the SQL surface, timed on a large warehouse: p50 and p95 per query.

`run()` is called by bench/run.py. The warehouse is $PARTYBUILD_BENCH_DB if set, else
data/bench-<N>.duckdb, built once with `partybuild sample --facts N` (N = $PARTYBUILD_BENCH_FACTS,
default 10,000,000).
Each query runs on a read-only connection, with bound parameters, as the dashboard runs it.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import duckdb

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

REPEATS = 30
NAMED_REPEATS = 15
DOWNLOAD_REPEATS = 3
TARGET_MS = 100.0

# name → (SQL over the views, a function of the warehouse's sample parameters giving the bound values)
QUERIES: dict[str, str] = {
    "yearly by body (one metric, province bodies)":
        "SELECT body_id, body, year, value, partial, source_count FROM v_yearly "
        "WHERE metric_id = ? AND body_level = 'province' ORDER BY body, year",
    "yearly of one body (all metrics)":
        "SELECT metric_id, year, value, partial, period_end FROM v_yearly WHERE body_id = ? ORDER BY metric_id, year",
    "series by grain (one body, one metric, quarters)":
        "SELECT period_start, period_end, value, cumulative_value, partial FROM v_series "
        "WHERE grain = 'quarter' AND body_id = ? AND metric_id = ? ORDER BY period_start",
    "series by grain (one body, one metric, months)":
        "SELECT period_start, period_end, value, cumulative_value, partial FROM v_series "
        "WHERE grain = 'month' AND body_id = ? AND metric_id = ? ORDER BY period_start",
    "ranking (top 20 bodies, one metric and year)":
        "SELECT body, value, partial FROM v_yearly WHERE metric_id = ? AND year = ? "
        "ORDER BY value DESC, body LIMIT 20",
    "subordinates vs own (one body)":
        "SELECT metric_id, year, value, subordinates FROM v_yearly_subordinates WHERE body_id = ? "
        "ORDER BY metric_id, year",
    "conflicts (one metric, first page)":
        "SELECT body, period_start, period_end, n_values, chosen_value, \"values\" FROM v_conflicts "
        "WHERE metric_id = ? ORDER BY period_start DESC, body LIMIT 100",
    "coverage matrix (metric × year)":
        "SELECT metric_id, year, count(*) AS bodies, sum(facts) AS facts FROM v_coverage "
        "GROUP BY metric_id, year ORDER BY metric_id, year",
    "coverage of one body":
        "SELECT metric_id, year, facts FROM v_coverage WHERE body_id = ? ORDER BY metric_id, year",
    "facts page (one body, newest 100)":
        "SELECT fact_id, metric_vi, period_label, period_start, period_end, value, unit, evidence, "
        "source_path, source_count FROM v_facts WHERE body_id = ? ORDER BY period_end DESC, fact_id LIMIT 100",
}


def _warehouse() -> Path:
    if os.environ.get("PARTYBUILD_BENCH_DB"):
        return Path(os.environ["PARTYBUILD_BENCH_DB"])
    facts = int(os.environ.get("PARTYBUILD_BENCH_FACTS", "10000000"))
    db = REPO / "data" / f"bench-{facts}.duckdb"
    if not db.exists():
        db.parent.mkdir(parents=True, exist_ok=True)
        exe = REPO / ".venv" / "bin" / "partybuild"
        done = subprocess.run([str(exe), "sample", "--facts", str(facts), "--db", str(db)],
                              capture_output=True, text=True, check=False)
        if done.returncode != 0 or not db.exists():
            raise RuntimeError(f"partybuild sample --facts {facts} failed: {done.stderr.strip()[-500:]}")
    _ensure_fresh(db)
    return db


def _ensure_fresh(db: Path) -> None:
    """Bring the warehouse up to this code once (migrations, views, semantic tables) if whatever built it did
    not: a one-off write, so that a warehouse built by an older version can be reused."""
    from warehouse import build_state
    from warehouse.materialize import is_fresh
    from warehouse.migrate import current_version, latest_version, views_digest
    from warehouse.publish import write_session

    con = duckdb.connect(str(db), read_only=True)
    try:
        fresh = (is_fresh(con) and current_version(con) == latest_version()
                 and build_state.get(con, "views") == views_digest())
    except duckdb.Error:
        fresh = False
    finally:
        con.close()
    if not fresh:
        with write_session(db):
            pass  # the session migrates, re-creates the views and refreshes what they changed


def _parameters(con: duckdb.DuckDBPyConnection) -> dict[str, list[Any]]:
    """Bound values taken from the warehouse itself: its busiest province-level body, metric and year."""
    row = con.execute(
        "SELECT body_id, metric_id, year FROM v_coverage ORDER BY facts DESC, body_id LIMIT 1"
    ).fetchone()
    if row is None:
        raise RuntimeError("the benchmark warehouse has no facts")
    body, metric, year = row
    parent = con.execute(
        "SELECT body_id FROM v_yearly_subordinates ORDER BY subordinates DESC, body_id LIMIT 1"
    ).fetchone()
    return {
        "yearly by body (one metric, province bodies)": [metric],
        "yearly of one body (all metrics)": [body],
        "series by grain (one body, one metric, quarters)": [body, metric],
        "series by grain (one body, one metric, months)": [body, metric],
        "ranking (top 20 bodies, one metric and year)": [metric, year],
        "subordinates vs own (one body)": [parent[0] if parent else body],
        "conflicts (one metric, first page)": [metric],
        "coverage matrix (metric × year)": [],
        "coverage of one body": [body],
        "facts page (one body, newest 100)": [body],
    }


def _percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def run() -> list[dict[str, Any]]:
    db = _warehouse()
    rows: list[dict[str, Any]] = []
    started = time.perf_counter()
    con = duckdb.connect(str(db), read_only=True)
    rows.append({"name": "queries: open the warehouse read-only", "value": round(
        (time.perf_counter() - started) * 1000, 1), "unit": "ms", "notes": str(db)})
    try:
        facts = con.execute("SELECT count(*) FROM facts").fetchone()
        params = _parameters(con)
        for name, sql in QUERIES.items():
            rows.extend(_timed(f"query {{}}: {name}", lambda sql=sql, name=name: con.execute(sql, params[name]).fetchall(),
                               REPEATS, f"{facts[0] if facts else 0:,} facts, {REPEATS} runs"))
    finally:
        con.close()
    rows.extend(_named_queries(db, params, facts[0] if facts else 0))
    return rows


def _named_queries(db: Path, params: dict[str, list[Any]], facts: int) -> list[dict[str, Any]]:
    """The dashboard's own calls (warehouse/queries.py, as dashboard/screens/ call them), each through its
    read-only connection (warehouse.db: the file's kept instance, a cursor per call); then the first call
    after a refresh (a new file: the instance opened again) and the two downloads, which are not page queries."""
    from warehouse import db as connections
    from warehouse import queries as q

    metric, year = params["ranking (top 20 bodies, one metric and year)"]
    body = params["yearly of one body (all metrics)"][0]
    first, last = year - 5, year
    with connections.read_only(db) as con:
        provinces = [r[0] for r in con.execute(
            "SELECT body_id FROM v_yearly WHERE metric_id = ? AND body_level = 'province' AND year = ? "
            "ORDER BY value DESC, body_id LIMIT 5", [metric, year]).fetchall()]
    quarters = [f"{year}-01-01", f"{year}-04-01"]
    calls: dict[str, Any] = {
        "summary (every page)": lambda: q.summary(db),
        "bodies (filters, by body, map, evidence)": lambda: q.bodies(db),
        "metrics (filters)": lambda: q.metrics(db),
        "metric_years (overview cards)": lambda: q.metric_years(db, "province", [], first - 1, last),
        "yearly_series (by period, one metric, provinces)": lambda: q.yearly_series(db, metric, "province", [],
                                                                                    first, last),
        "yearly_series (by body, five bodies compared)": lambda: q.yearly_series(db, metric, "", provinces, first,
                                                                                 last, True),
        "ranking (by body, the top of the hierarchy)": lambda: q.ranking(db, metric, first, last, parent_id="",
                                                                         limit=40),
        "ranking (by body, chosen bodies)": lambda: q.ranking(db, metric, first, last, body_ids=provinces,
                                                              limit=40),
        "ranking (by period, provinces)": lambda: q.ranking(db, metric, first, last, level="province", limit=30),
        "hierarchy (treemap from the top)": lambda: q.hierarchy(db, metric, first, last, None, 2, 100),
        "period_series (months, provinces)": lambda: q.period_series(db, metric, "month", "province", [],
                                                                       first, last),
        "ranking_in_periods (two years)": lambda: q.ranking_in_periods(db, metric, "year", [str(year - 1),
                                                                                           str(year)], "", [], 30),
        "ranking_in_periods (two quarters)": lambda: q.ranking_in_periods(db, metric, "quarter", quarters, "",
                                                                          [], 30),
        "province_values (map)": lambda: q.province_values(db, metric, first, last),
        "yearly_series (map, five provinces)": lambda: q.yearly_series(db, metric, "province", provinces, first,
                                                                       last),
        "facts_count (evidence)": lambda: q.facts_count(db, metric, [], first, last),
        "facts_table (evidence, first page)": lambda: q.facts_table(db, metric, [], first, last, limit=500),
        "facts_table (evidence, third page)": lambda: q.facts_table(db, metric, [], first, last, limit=500,
                                                                    offset=1000),
        "facts_table (one body)": lambda: q.facts_table(db, metric, [body], first, last, limit=500),
        "facts_table (low confidence)": lambda: q.facts_table(db, metric, [], first, last, limit=500,
                                                              max_confidence=0.7 - 1e-9),
        "facts_count (one body, every metric)": lambda: q.facts_count(db, "", [body], first, last),
        "conflicts (quality, first 1,000)": lambda: q.conflicts(db),
        "conflicts_count (quality)": lambda: q.conflicts_count(db),
        "unverified_bodies (quality)": lambda: q.unverified_bodies(db),
        "coverage_gaps (quality)": lambda: q.coverage_gaps(db, first, last, "province"),
        "quarantined_documents (quality)": lambda: q.quarantined_documents(db),
        "run_history (etl)": lambda: q.run_history(db, 200),
        "run_errors (etl)": lambda: q.run_errors(db, 10_000),
    }
    rows = []
    for name, call in calls.items():
        rows.extend(_timed(f"named {{}}: {name}", call, NAMED_REPEATS,
                           f"{facts:,} facts, {NAMED_REPEATS} runs, connection included"))

    def after_refresh() -> None:
        connections.forget(db)   # as when a refresh has published a new file: the next call opens it
        q.summary(db)

    rows.extend(_timed("named {}: summary, first call after a refresh (opens the file)", after_refresh,
                       NAMED_REPEATS, f"{facts:,} facts, {NAMED_REPEATS} runs"))
    downloads: dict[str, Any] = {
        "conflicts_csv (every conflict, CSV)": lambda: q.conflicts_csv(db),
        "facts_table (evidence, every row: the download)": lambda: q.facts_table(db, metric, [], first, last,
                                                                                  limit=2_000_000),
    }
    for name, call in downloads.items():
        rows.extend(_timed(f"download {{}}: {name}", call, DOWNLOAD_REPEATS,
                           f"{facts:,} facts, {DOWNLOAD_REPEATS} runs; a download, not a page query", target=None))
    return rows


def _timed(label: str, call: Any, repeats: int, note: str, target: float | None = TARGET_MS) -> list[dict[str, Any]]:
    """p50 and p95 rows for `call` after one warm-up; `label` has a {} for 'p50'/'p95'. The notes add the
    median CPU time of the process (DuckDB's threads included): on a shared machine, wall time says as much
    about the neighbours as about the query."""
    call()
    samples, cpu = [], []
    for _ in range(repeats):
        t, c = time.perf_counter(), time.process_time()
        call()
        samples.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)
    p50, p95 = statistics.median(samples), _percentile(samples, 0.95)
    verdict = "" if target is None else "; ok" if max(p50, p95) < target else f"; over the {target:g} ms target"
    notes = f"{note}; cpu p50 {statistics.median(cpu):.1f} ms{verdict}"
    return [{"name": label.format(q), "value": round(v, 1), "unit": "ms", "notes": notes}
            for q, v in (("p50", p50), ("p95", p95))]


if __name__ == "__main__":
    for r in run():
        print(f"{r['name']:<70} {r['value']:>10} {r['unit']:<4} {r['notes']}")
