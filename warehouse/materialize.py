"""Precomputes the semantic tables (mat_*) the views read, in the write step, so dashboard queries over
millions of facts do not re-scan them.

Call `refresh(con)` on the write connection after facts changed and before publishing (the pipeline and the
sample generator both write through `warehouse.publish.write_session`). The logic lives in the sem_* views
(warehouse/views/0*_sem_*.sql); this module only copies their rows into tables, in dependency order.
"""

from __future__ import annotations

import duckdb

# (table, the view it copies, sort order that keeps the dashboard's filters on few row groups)
STEPS: tuple[tuple[str, str, str], ...] = (
    # newest first: the evidence page's top-N (newest first) reads the first row groups of a metric and stops
    ("mat_figures", "sem_figures", "metric_id, period_end DESC, body_id, period_start"),
    ("mat_periods", "sem_periods", "metric_id, body_id, period_start, period_end"),
    ("mat_yearly", "sem_yearly", "metric_id, year, body_id"),
    ("mat_series", "sem_series", "metric_id, grain, body_id, period_start"),
    # in the data-quality page's order, so a page of conflicts is a range of positions on a few row groups
    ("mat_conflicts", "sem_conflicts", "position"),
)

# Bodies met in documents (verified = false) are put under the province body of their province: the one
# valid on the first day they report, else the one still valid today.
_INFER_PARENTS = """
UPDATE bodies AS b SET parent_id = pick.parent_id
FROM (
    SELECT u.body_id, arg_min(p.body_id, (
        CASE WHEN coalesce(p.valid_from, DATE '1900-01-01') <= coalesce(first.first_day, current_date)
              AND coalesce(p.valid_until, DATE '9999-12-31') >= coalesce(first.first_day, current_date)
             THEN 0 ELSE 1 END,
        p.valid_until IS NOT NULL, p.body_id)) AS parent_id
    FROM bodies u
    JOIN bodies p ON p.province = u.province AND p.level = 'province' AND p.body_id <> u.body_id
    LEFT JOIN (SELECT body_id, min(period_start) AS first_day FROM facts GROUP BY body_id) first
           ON first.body_id = u.body_id
    WHERE NOT u.verified AND u.parent_id IS NULL AND u.province IS NOT NULL AND u.level <> 'province'
    GROUP BY u.body_id
) pick
WHERE b.body_id = pick.body_id
"""


def infer_parents(con: duckdb.DuckDBPyConnection) -> None:
    """Unverified bodies without a parent go under their province's body (when the province is known)."""
    con.execute(_INFER_PARENTS)


def refresh(con: duckdb.DuckDBPyConnection) -> None:
    """Refill every mat_* table from facts, documents and bodies (see refresh_if_changed for the cheap path)."""
    infer_parents(con)
    for table, view, order in STEPS:
        con.execute(f"DELETE FROM {table}")
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM {view} ORDER BY {order}")
    con.execute("DELETE FROM mat_coverage")
    con.execute(
        "INSERT INTO mat_coverage BY NAME "
        "SELECT body_id, metric_id, year(period_start) AS year, count(*) AS facts, sum(mentions) AS mentions, "
        "min(period_start) AS first_start, max(period_end) AS last_end "
        "FROM mat_figures GROUP BY ALL ORDER BY metric_id, year, body_id"
    )
    con.execute("DELETE FROM semantics_state")
    con.execute(
        "INSERT INTO semantics_state (refreshed_at, facts, max_fact_id, fingerprint) "
        "SELECT current_timestamp, count(*), max(fact_id), ? FROM facts", [fingerprint(con)]
    )


# Everything the mat_* tables are computed from. Facts are only ever inserted (with new ids from a sequence)
# or deleted, so count, max and sum of ids identify them; the small tables are hashed row by row.
_FINGERPRINT = """
SELECT concat_ws('|',
    (SELECT count(*) || ':' || coalesce(max(fact_id), 0) || ':' || coalesce(sum(fact_id), 0) FROM facts),
    (SELECT count(*) || ':' || coalesce(sum(hash(d)), 0) FROM documents d),
    (SELECT count(*) || ':' || coalesce(sum(hash(b)), 0) FROM bodies b),
    (SELECT count(*) || ':' || coalesce(sum(hash(m)), 0) FROM metrics m),
    (SELECT count(*) || ':' || coalesce(sum(hash(c)), 0) FROM corrections c),
    ?)
"""


def fingerprint(con: duckdb.DuckDBPyConnection) -> str:
    from warehouse.migrate import views_digest

    row = con.execute(_FINGERPRINT, [views_digest()]).fetchone()
    return str(row[0]) if row else ""


def refresh_if_changed(con: duckdb.DuckDBPyConnection) -> bool:
    """`refresh` unless nothing it reads changed since the last one (a run over unchanged inputs); True if it ran."""
    infer_parents(con)  # may change bodies, so before the comparison
    row = con.execute("SELECT max(fingerprint) FROM semantics_state").fetchone()
    if row and row[0] and row[0] == fingerprint(con):
        return False
    refresh(con)
    return True


def is_fresh(con: duckdb.DuckDBPyConnection) -> bool:
    """True when the mat_* tables were refilled after the last change to facts (by count and last id)."""
    row = con.execute(
        "SELECT s.facts = f.n AND s.max_fact_id IS NOT DISTINCT FROM f.top FROM semantics_state s, "
        "(SELECT count(*) AS n, max(fact_id) AS top FROM facts) f"
    ).fetchone()
    return bool(row and row[0])
