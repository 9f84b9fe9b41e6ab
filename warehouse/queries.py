"""The named, parameterised queries the CLI and the dashboard call. Each returns a pandas DataFrame.

User input only ever reaches SQL as a bound parameter (`?`), never by formatting it into the text.
Each call opens its own short-lived read-only connection (see warehouse.db).
"""

from __future__ import annotations

import tempfile
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
                      "documents_new, documents_changed, documents_unchanged, documents_rejected, "
                      "documents_removed, rows_rejected, facts_added, facts_removed, failure "
                      "FROM etl_runs ORDER BY run_id DESC LIMIT ?", [limit])


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


# --- The dashboard's queries --------------------------------------------------------------------------------
# Every chart query aggregates in DuckDB to the grain it plots, so the browser gets at most a few thousand
# points. Body filters are a list bound as one parameter: an empty list means every body.

_BODY_FILTER = "(len(?::VARCHAR[]) = 0 OR list_contains(?::VARCHAR[], {col}))"
_LEVEL_FILTER = "(? = '' OR {col} = ?)"
GRAINS = ("year", "half", "quarter", "month")


# Every write re-creates the views, so every warehouse has them; v_yearly is the yearly source of the charts.
_YEARLY = ("(SELECT body_id, body, body_level, parent_id, province, metric_id, year, value, partial, period_end, "
           "facts, source_count FROM v_yearly)")


def summary(db: Path) -> dict[str, Any]:
    """What the sidebar and the empty states need: counts, year bounds, the last refresh."""
    with read_only(db) as con:
        row = con.execute(
            "SELECT (SELECT count(*) FROM facts), (SELECT min(year) FROM v_coverage), "
            "(SELECT max(year(last_end)) FROM v_coverage), "
            "(SELECT max(coalesce(finished_at, started_at)) FROM etl_runs)"
        ).fetchone()
    assert row is not None
    return {"facts": int(row[0]), "first_year": row[1], "last_year": row[2], "last_refresh": row[3]}


def bodies(db: Path) -> pd.DataFrame:
    """Every body with its parent, level and successor (v_bodies' columns of those names).

    Read from `bodies` itself: v_bodies also follows every chain of successors (a recursive query) and lists
    aliases, which these columns do not need and which took half the time."""
    sql = ("SELECT b.body_id, b.name, b.level, b.parent_id, p.name AS parent_name, b.province, b.verified, "
           "b.valid_from, b.valid_until, b.successor_id, s.name AS successor_name FROM bodies b "
           "LEFT JOIN bodies p ON p.body_id = b.parent_id LEFT JOIN bodies s ON s.body_id = b.successor_id "
           "ORDER BY b.name, b.body_id")
    return _frame(db, sql)


def yearly_series(db: Path, metric_id: str, level: str, body_ids: list[str], first_year: int,
                  last_year: int, by_body: bool = False) -> pd.DataFrame:
    """Per year (and body when `by_body`): the bodies' own yearly figures summed; `partial` if any is partial."""
    src = _YEARLY
    keys = "body_id, body, year" if by_body else "year"
    sql = (f"SELECT {keys}, sum(value)::DOUBLE AS value, bool_or(partial) AS partial, count(*) AS bodies, "
           f"sum(facts)::BIGINT AS facts FROM {src} WHERE metric_id = ? AND year BETWEEN ? AND ? "
           f"AND {_LEVEL_FILTER.format(col='body_level')} AND {_BODY_FILTER.format(col='body_id')} "
           f"GROUP BY ALL ORDER BY {keys}")
    return _frame(db, sql, [metric_id, first_year, last_year, level, level, body_ids, body_ids])


def metric_years(db: Path, level: str, body_ids: list[str], first_year: int, last_year: int) -> pd.DataFrame:
    """Every metric per year (for the overview's cards and small multiples)."""
    src = _YEARLY
    sql = (f"SELECT metric_id, year, sum(value)::DOUBLE AS value, bool_or(partial) AS partial, "
           f"count(*) AS bodies FROM {src} WHERE year BETWEEN ? AND ? "
           f"AND {_LEVEL_FILTER.format(col='body_level')} AND {_BODY_FILTER.format(col='body_id')} "
           "GROUP BY ALL ORDER BY metric_id, year")
    return _frame(db, sql, [first_year, last_year, level, level, body_ids, body_ids])


def ranking(db: Path, metric_id: str, first_year: int, last_year: int, *, level: str = "",
            parent_id: str | None = None, body_ids: list[str] | None = None, limit: int = 50) -> pd.DataFrame:
    """Bodies ranked by their summed yearly figures; under `parent_id` ('' = the top of the hierarchy)."""
    src = _YEARLY
    ids = body_ids or []
    sql = (f"SELECT y.body_id, any_value(y.body) AS body, any_value(y.body_level) AS body_level, "
           f"sum(y.value)::DOUBLE AS value, bool_or(y.partial) AS partial, "
           f"EXISTS (SELECT 1 FROM bodies c WHERE c.parent_id = y.body_id) AS has_children "
           f"FROM {src} y WHERE y.metric_id = ? AND y.year BETWEEN ? AND ? "
           f"AND {_LEVEL_FILTER.format(col='y.body_level')} AND {_BODY_FILTER.format(col='y.body_id')} "
           "AND (?::VARCHAR IS NULL OR coalesce(y.parent_id, '') = ? "
           "OR (? = '' AND y.parent_id IN (SELECT body_id FROM bodies WHERE level = 'centre'))) "
           "GROUP BY y.body_id ORDER BY value DESC, body LIMIT ?")
    return _frame(db, sql, [metric_id, first_year, last_year, level, level, ids, ids, parent_id, parent_id, parent_id,
                            limit])


def hierarchy(db: Path, metric_id: str, first_year: int, last_year: int, root_id: str | None,
              depth: int = 2, limit: int = 400) -> pd.DataFrame:
    """The bodies `depth` levels under `root_id` (None: the top) with their figures, for a treemap."""
    # The values straight from mat_yearly (what v_yearly reads): the bodies are joined once, below, anyway.
    src = "mat_yearly"
    sql = (
        "WITH RECURSIVE tree(body_id, parent_id, depth) AS ("
        " SELECT body_id, coalesce(parent_id, '') , 1 FROM bodies "
        " WHERE (?::VARCHAR IS NULL AND coalesce(level, '') <> 'centre' AND (parent_id IS NULL"
        "  OR parent_id IN (SELECT body_id FROM bodies WHERE level = 'centre'))) OR parent_id = ?"
        " UNION ALL SELECT b.body_id, b.parent_id, t.depth + 1 FROM bodies b JOIN tree t ON b.parent_id = t.body_id"
        " WHERE t.depth < ?),"
        f" vals AS (SELECT body_id, sum(value)::DOUBLE AS value FROM {src} WHERE metric_id = ? "
        " AND year BETWEEN ? AND ? GROUP BY body_id)"
        " SELECT t.body_id, b.name AS body, b.level AS body_level, t.parent_id, t.depth, coalesce(v.value, 0) AS value"
        " FROM tree t JOIN bodies b USING (body_id) LEFT JOIN vals v USING (body_id)"
        " WHERE v.value IS NOT NULL OR t.depth = 1 ORDER BY value DESC, t.body_id LIMIT ?"
    )
    return _frame(db, sql, [root_id, root_id, depth, metric_id, first_year, last_year, limit])


def period_series(db: Path, metric_id: str, grain: str, level: str, body_ids: list[str],
                  first_year: int, last_year: int) -> pd.DataFrame:
    """Per period of `grain`: value within the period, running value from 1 January, partial flag."""
    if grain not in GRAINS:
        raise ValueError(f"grain must be one of {', '.join(GRAINS)}")
    sql = ("SELECT s.period_start, any_value(s.period_end) AS period_end, sum(s.value)::DOUBLE AS value, "
           "sum(s.cumulative_value)::DOUBLE AS cumulative_value, bool_or(s.partial) AS partial, count(*) AS bodies "
           # mat_series is what v_series reads; its own join to bodies is the one this query needs anyway
           "FROM mat_series s JOIN bodies b USING (body_id) WHERE s.grain = ? AND s.metric_id = ? "
           "AND s.period_start BETWEEN make_date(?::INTEGER, 1, 1) AND make_date(?::INTEGER, 12, 31) "
           f"AND {_LEVEL_FILTER.format(col='b.level')} AND {_BODY_FILTER.format(col='s.body_id')} "
           "GROUP BY s.period_start ORDER BY s.period_start")
    return _frame(db, sql, [grain, metric_id, first_year, last_year, level, level, body_ids, body_ids])


def province_values(db: Path, metric_id: str, first_year: int, last_year: int) -> pd.DataFrame:
    """Per province (as the bodies record it): the summed figures of province-level bodies."""
    src = _YEARLY
    sql = (f"SELECT province, sum(value)::DOUBLE AS value, bool_or(partial) AS partial, count(DISTINCT body_id) "
           f"AS bodies FROM {src} WHERE metric_id = ? AND year BETWEEN ? AND ? AND body_level = 'province' "
           "AND province IS NOT NULL GROUP BY province ORDER BY value DESC")
    return _frame(db, sql, [metric_id, first_year, last_year])


def ranking_in_periods(db: Path, metric_id: str, grain: str, periods: list[str], level: str = "",
                       body_ids: list[str] | None = None, limit: int = 50) -> pd.DataFrame:
    """Bodies ranked by their figures in the chosen periods of `grain` (the dashboard's cross-filter): years
    ('2023') from v_yearly, other grains by period start ('2023-04-01') from v_series."""
    if grain not in GRAINS:
        raise ValueError(f"grain must be one of {', '.join(GRAINS)}")
    ids = body_ids or []
    if grain == "year":
        src, where, keys = _YEARLY, "metric_id = ? AND list_contains(?::INTEGER[], year)", [int(p) for p in periods]
        params: list[Any] = [metric_id, keys]
    else:
        src = "(SELECT s.*, b.level AS body_level FROM v_series s JOIN bodies b USING (body_id))"
        where = "grain = ? AND metric_id = ? AND list_contains(?::DATE[], period_start)"
        params = [grain, metric_id, [date.fromisoformat(p) for p in periods]]
    sql = (f"SELECT body_id, any_value(body) AS body, any_value(body_level) AS body_level, "
           f"sum(value)::DOUBLE AS value, bool_or(partial) AS partial FROM {src} WHERE {where} "
           f"AND {_LEVEL_FILTER.format(col='body_level')} AND {_BODY_FILTER.format(col='body_id')} "
           "GROUP BY body_id ORDER BY value DESC, body LIMIT ?")
    return _frame(db, sql, [*params, level, level, ids, ids, limit])


# The evidence page filters and pages over the semantic table v_facts reads (mat_figures: one row per figure,
# sorted newest first within each metric), with v_facts' columns and names. Over ten million facts, what a
# call costs is what it reads, so: (1) the conditions are only those the filters ask for (an empty body list
# or level adds nothing to read or join); (2) the page is found on the narrow columns that order it (date,
# body name, id), where the top-N stops early since the newest rows come first; (3) only the page's rows are
# read in full, with their best source's path, title and date copied into mat_figures at refresh (looking
# 500 documents up in a table of 100,000 cost more than the rest of the page).
def _fact_filter(metric_id: str, body_ids: list[str], first_year: int, last_year: int, max_confidence: float,
                 start: date | None, end: date | None, level: str) -> tuple[str, str, list[Any]]:
    """(joins, WHERE clause, bound values) over `mat_figures g`; every value is a bound parameter."""
    joins, conds = "", ["g.period_end BETWEEN make_date(?::INTEGER, 1, 1) AND make_date(?::INTEGER, 12, 31)",
                        "g.confidence <= ?"]
    params: list[Any] = [first_year, last_year, max_confidence]
    if metric_id:
        conds.insert(0, "g.metric_id = ?")
        params.insert(0, metric_id)
    if body_ids:
        conds.append(f"g.body_id IN ({', '.join('?' * len(body_ids))})" if len(body_ids) <= 32
                     else "list_contains(?::VARCHAR[], g.body_id)")
        params.extend(body_ids if len(body_ids) <= 32 else [body_ids])
    if level:
        joins = " JOIN bodies lb ON lb.body_id = g.body_id"
        conds.append("lb.level = ?")
        params.append(level)
    if start is not None:
        conds.append("g.period_start >= ?")
        params.append(start)
    if end is not None:
        conds.append("g.period_end <= ?")
        params.append(end)
    return joins, "WHERE " + " AND ".join(conds), params


def facts_table(db: Path, metric_id: str, body_ids: list[str], first_year: int, last_year: int, *,
                max_confidence: float = 1.0, start: date | None = None, end: date | None = None,
                level: str = "", limit: int = 10_000, offset: int = 0) -> pd.DataFrame:
    """The facts behind the figures, newest first (then by body name and id): one page of at most `limit` rows
    from the `offset`-th ('' metric = every metric, [] bodies = every body, '' level = every level)."""
    joins, where, params = _fact_filter(metric_id, body_ids, first_year, last_year, max_confidence, start, end,
                                        level)
    sql = (f"WITH page AS (SELECT g.fact_id, g.metric_id, g.period_end, b.name AS body FROM mat_figures g{joins} "
           f"JOIN bodies b ON b.body_id = g.body_id {where} "
           "ORDER BY g.period_end DESC, b.name, g.fact_id LIMIT ? OFFSET ?) "
           # the page's rows in full: the join on (metric, date, id) reads only the row groups of its dates
           "SELECT g.fact_id, g.metric_id, g.body_id, p.body, g.period_label, g.period_start, g.period_end, g.value, "
           "m.unit, g.qualifier, g.raw_value, g.evidence, g.source_path, g.source_title, g.source_published, "
           "g.confidence, g.source_count FROM page p JOIN mat_figures g ON g.metric_id = p.metric_id "
           "AND g.period_end = p.period_end AND g.fact_id = p.fact_id JOIN metrics m ON m.metric_id = g.metric_id "
           "ORDER BY p.period_end DESC, p.body, p.fact_id")
    return _frame(db, sql, [*params, limit, offset])


def facts_count(db: Path, metric_id: str, body_ids: list[str], first_year: int, last_year: int, *,
                max_confidence: float = 1.0, start: date | None = None, end: date | None = None,
                level: str = "") -> int:
    """How many facts `facts_table` pages over with the same filters.

    Counted on mat_figures alone: every figure's body and metric are in the registry (the load step checks
    keys before it publishes), so joining them, which took two thirds of the time, would change nothing."""
    joins, where, params = _fact_filter(metric_id, body_ids, first_year, last_year, max_confidence, start, end,
                                        level)
    with read_only(db) as con:
        row = con.execute(f"SELECT count(*) FROM mat_figures g{joins} {where}", params).fetchone()
    return int(row[0]) if row else 0


# The conflict list is precomputed in the page's order (mat_conflicts, numbered 1…N by `position`: most values
# first, then the latest period end, body, metric): a page is a range of positions, read from the one or two
# row groups that hold it, and its lists were cast to text once at refresh. Sorting the ~600k conflicts of a
# ten-million-fact warehouse on every call cost about the whole 100 ms budget.
_CONFLICT_COLUMNS = ("metric_id, body_id, body, period_start, period_end, n_values, chosen_value, "
                     "values_text AS all_values, fact_ids_text AS fact_ids")


def conflicts(db: Path, limit: int = 1_000, offset: int = 0) -> pd.DataFrame:
    """The conflicts as the data-quality page lists them, `limit` of them from the `offset`-th (0: the top).

    Columns: metric_id, body_id, body, period_start, period_end, n_values, chosen_value, all_values (every
    value, as text: "[300, 305]"), fact_ids (every mention, as text). The whole list: `conflicts_csv`.
    """
    return _frame(db, f"SELECT {_CONFLICT_COLUMNS} FROM mat_conflicts WHERE position > ? AND position <= ? "
                      "ORDER BY position", [offset, offset + limit])


def conflicts_count(db: Path) -> int:
    """How many conflicts there are (to say "1,000 of 615,535 shown")."""
    with read_only(db) as con:
        row = con.execute("SELECT count(*) FROM mat_conflicts").fetchone()
    return int(row[0]) if row else 0


def conflicts_csv(db: Path) -> bytes:
    """Every conflict, in the page's order and with `conflicts`' columns, as a UTF-8 CSV (with a byte-order
    mark, as the dashboard's other downloads, so that Excel reads the Vietnamese names): the full list for a
    download, without a row limit.

    DuckDB writes the file itself (to a temporary directory, removed before returning), so the list never
    becomes a DataFrame: about 60 MB of CSV for the ~600k conflicts of a ten-million-fact warehouse.
    """
    with tempfile.TemporaryDirectory(prefix="partybuild-conflicts-") as tmp, read_only(db) as con:
        out = Path(tmp) / "conflicts.csv"
        target = str(out).replace("'", "''")
        con.execute(f"COPY (SELECT {_CONFLICT_COLUMNS} FROM mat_conflicts ORDER BY position) TO '{target}' "
                    "(FORMAT csv, HEADER true, DELIMITER ',')")
        return _BOM + out.read_bytes()


_BOM = "\ufeff".encode()


def unverified_bodies(db: Path, limit: int = 10_000) -> pd.DataFrame:
    return _frame(db, "SELECT b.body_id, b.name, b.level, b.province, count(f.fact_id) AS facts FROM bodies b "
                      "LEFT JOIN facts f USING (body_id) WHERE NOT b.verified GROUP BY ALL "
                      "ORDER BY facts DESC, b.name LIMIT ?", [limit])


def coverage_gaps(db: Path, first_year: int, last_year: int, level: str = "province",
                  limit: int = 10_000) -> pd.DataFrame:
    """Verified bodies of `level` and metrics with years in the range that have no figure."""
    # mat_coverage is what v_coverage reads; the grid's bodies come from `bodies` already
    cov = "(SELECT body_id, metric_id, year, facts FROM mat_coverage WHERE year BETWEEN ? AND ?)"
    sql = (
        "WITH years AS (SELECT range AS year FROM range(?, ? + 1)), "
        "grid AS (SELECT b.body_id, b.name AS body, m.metric_id, y.year FROM bodies b, metrics m, years y "
        "WHERE b.verified AND b.level = ?) "
        f"SELECT g.body_id, g.body, g.metric_id, count(*) AS missing_years, "
        "string_agg(g.year::VARCHAR, ', ' ORDER BY g.year) AS years FROM grid g "
        f"LEFT JOIN {cov} c ON c.body_id = g.body_id AND c.metric_id = g.metric_id AND c.year = g.year "
        "WHERE c.facts IS NULL GROUP BY ALL ORDER BY missing_years DESC, g.body LIMIT ?"
    )
    return _frame(db, sql, [first_year, last_year, level, first_year, last_year, limit])


def quarantined_documents(db: Path, limit: int = 10_000) -> pd.DataFrame:
    """Inputs the ETL rejected as a whole (an error with no row number)."""
    return _frame(db, "SELECT run_id, path, stage, message FROM etl_errors WHERE row_no IS NULL "
                      "ORDER BY run_id DESC, path LIMIT ?", [limit])
