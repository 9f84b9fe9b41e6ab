"""The named, parameterised queries the CLI and the dashboard call. Each returns a pandas DataFrame.

User input only ever reaches SQL as a bound parameter (`?`), never by formatting it into the text.
Each call opens its own short-lived read-only connection (see warehouse.db).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from warehouse.db import read_only
from warehouse.migrate import current_version


def _frame(db: Path, sql: str, params: list[Any] | None = None) -> pd.DataFrame:
    with read_only(db) as con:
        return con.execute(sql, params or []).df()


def warehouse_version(db: Path) -> str:
    """Changes whenever a run publishes a new file: the cache key for query results."""
    try:
        st = db.stat()
    except FileNotFoundError:
        return "missing"
    return f"{st.st_ino}:{st.st_mtime_ns}:{st.st_size}"


def status(db: Path) -> dict[str, Any]:
    with read_only(db) as con:
        def one(sql: str) -> Any:
            row = con.execute(sql).fetchone()
            return row[0] if row else None

        by_metric = dict(con.execute(
            "SELECT m.metric_id, count(f.metric_id) FROM metrics m LEFT JOIN facts f USING (metric_id) "
            "GROUP BY m.metric_id ORDER BY m.metric_id"
        ).fetchall())
        last = con.execute(
            "SELECT run_id, started_at, finished_at, status, documents_seen, documents_new, documents_changed, "
            "documents_rejected, rows_rejected, facts_added, facts_removed FROM etl_runs "
            "ORDER BY run_id DESC LIMIT 1"
        ).fetchone()
        last_run = None
        if last:
            keys = ["run_id", "started_at", "finished_at", "status", "documents_seen", "documents_new",
                    "documents_changed", "documents_rejected", "rows_rejected", "facts_added", "facts_removed"]
            last_run = dict(zip(keys, last, strict=True))
            for key in ("started_at", "finished_at"):
                if last_run[key] is not None:
                    last_run[key] = last_run[key].isoformat(timespec="seconds")
        return {
            "path": str(db),
            "schema_version": current_version(con),
            "documents": one("SELECT count(*) FROM documents"),
            "bodies": one("SELECT count(*) FROM bodies"),
            "bodies_unverified": one("SELECT count(*) FROM bodies WHERE NOT verified"),
            "facts": one("SELECT count(*) FROM facts"),
            "facts_by_metric": {str(k): int(v) for k, v in by_metric.items()},
            "last_run": last_run,
        }


def run_history(db: Path, limit: int = 20) -> pd.DataFrame:
    return _frame(db, "SELECT run_id, started_at, finished_at - started_at AS duration, status, documents_seen, "
                      "documents_new, documents_changed, documents_unchanged, documents_rejected, rows_rejected, "
                      "facts_added, facts_removed FROM etl_runs ORDER BY run_id DESC LIMIT ?", [limit])


def run_errors(db: Path, limit: int = 1000) -> pd.DataFrame:
    return _frame(db, "SELECT run_id, path, row_no, stage, message FROM etl_errors "
                      "ORDER BY run_id DESC, path, row_no LIMIT ?", [limit])


def metrics(db: Path) -> pd.DataFrame:
    return _frame(db, "SELECT metric_id, name_vi, name_en, unit, unit_vi, unit_en, kind FROM metrics "
                      "ORDER BY metric_id")


def bodies_with_facts(db: Path, metric_id: str) -> pd.DataFrame:
    """Bodies that report this metric, the ones with most facts first."""
    return _frame(db, "SELECT body_id, body, body_level, province, count(*) AS facts FROM v_facts "
                      "WHERE metric_id = ? GROUP BY ALL ORDER BY facts DESC, body", [metric_id])


def year_bounds(db: Path) -> tuple[int, int] | None:
    with read_only(db) as con:
        row = con.execute("SELECT min(year(period_start)), max(year(period_end)) FROM facts").fetchone()
    if not row or row[0] is None:
        return None
    return int(row[0]), int(row[1])


def yearly_by_body(
    db: Path, metric_id: str, body_ids: list[str], first_year: int, last_year: int
) -> pd.DataFrame:
    """One row per body and year: facts that lie within one calendar year, summed.

    Simple v1 rule (the period rules of the warehouse issue refine it): a fact counts in the year its period
    ends; only facts whose period lies within one calendar year are counted.
    """
    sql = (
        "SELECT body_id, body, year(period_end) AS year, sum(value) AS value, count(*) AS facts "
        "FROM v_facts WHERE metric_id = ? AND year(period_start) = year(period_end) "
        "AND year(period_end) BETWEEN ? AND ? "
        "AND (len(?::VARCHAR[]) = 0 OR list_contains(?::VARCHAR[], body_id)) "
        "GROUP BY ALL ORDER BY body, year"
    )
    return _frame(db, sql, [metric_id, first_year, last_year, body_ids, body_ids])


def facts_for(
    db: Path, metric_id: str, body_ids: list[str], start: date, end: date, limit: int = 10_000
) -> pd.DataFrame:
    sql = (
        "SELECT fact_id, body, period_label, period_start, period_end, value, unit, qualifier, evidence, "
        "source_path, confidence FROM v_facts WHERE metric_id = ? AND period_end BETWEEN ? AND ? "
        "AND (len(?::VARCHAR[]) = 0 OR list_contains(?::VARCHAR[], body_id)) "
        "ORDER BY period_end DESC, body LIMIT ?"
    )
    return _frame(db, sql, [metric_id, start, end, body_ids, body_ids, limit])
