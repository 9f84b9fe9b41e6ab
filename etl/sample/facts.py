"""Warehouse-scale sample facts, generated inside DuckDB (`partybuild sample --facts N --db FILE`).

One `INSERT INTO facts SELECT … FROM range(N)`: every column is derived from hash(i, seed, k), so N = 10
million takes about a minute on two cores and the same seed gives the same facts. Bodies are the registry's
(whatever `write_session` synced) plus the sample catalogue's provinces, blocs, districts and communes for
whatever the registry lacks, marked verified with level, parent and province set. Facts are grouped a
hundred to a synthetic document of kind 'sample'; the run is recorded in etl_runs like any other.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb
import pandas as pd

from etl.errors import ConfigError
from etl.load import check_quality, finish_run, start_run
from etl.records import RunReport
from etl.sample.catalogue import SampleBody, catalogue
from warehouse.names import fold, slug
from warehouse.publish import write_session

FACTS_PER_DOCUMENT = 100
EXTRACTOR = "sample-1"

# Per level: (low, high) of a full year's figure; funds in millions of VND.
_MEMBERS = {"centre": (150_000, 220_000), "central_bloc": (1_200, 4_000), "province": (600, 5_000),
            "provincial_bloc": (25, 400), "district": (30, 350), "grassroots": (1, 25)}
_FUNDS_M = {"centre": (10_000, 90_000), "central_bloc": (500, 8_000), "province": (500, 12_000),
            "provincial_bloc": (100, 3_000), "district": (100, 3_000), "grassroots": (10, 300)}
_HOUSES = {"centre": (200, 900), "central_bloc": (10, 150), "province": (20, 400), "provincial_bloc": (2, 40),
           "district": (3, 60), "grassroots": (1, 8)}
_VOTES = {"centre": (150, 200), "central_bloc": (10, 30), "province": (15, 60), "provincial_bloc": (9, 25),
          "district": (9, 40), "grassroots": (3, 15)}
_DEFAULT = {"members": (5, 200), "funds": (50, 2_000), "houses": (2, 40), "votes": (5, 30)}


@dataclass
class FactsBuild:
    db: Path
    facts: int
    documents: int
    bodies_added: int
    bodies_used: int
    run_id: int
    seconds: float


def _range_sql(table: dict[str, tuple[int, int]], default: tuple[int, int], h: str) -> str:
    """lo + h % (hi - lo + 1), with lo and hi picked by the body's level."""
    cases = " ".join(f"WHEN '{lvl}' THEN {lo} + {h} % {hi - lo + 1}" for lvl, (lo, hi) in table.items())
    lo, hi = default
    return f"(CASE level {cases} ELSE {lo} + {h} % {hi - lo + 1} END)"


def _catalogue_rows(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Sample bodies the warehouse does not know yet (by name, and by province for districts and communes)."""
    known: dict[tuple[str, str | None], str] = {}
    for body_id, name, province in con.execute("SELECT body_id, name, province FROM bodies").fetchall():
        known.setdefault((fold(str(name)), province), str(body_id))
        known.setdefault((fold(str(name)), None), str(body_id))
    ids: dict[str, str] = {}   # sample canonical name + province → id

    def key(b: SampleBody) -> str:
        return f"{b.name}|{b.province}"

    def find(b: SampleBody) -> str | None:
        local = b.level in ("district", "grassroots")
        return known.get((fold(b.name), b.province)) or (None if local else known.get((fold(b.name), None)))

    rows = []
    by_name = {key(b): b for b in catalogue()}
    for b in catalogue():
        existing = find(b)
        if existing:
            ids[key(b)] = existing
            continue
        parts = [b.name, *b.extra] + ([b.province] if b.level in ("district", "grassroots") and b.province else [])
        body_id = "sample-" + slug(" ".join(parts))
        ids[key(b)] = body_id
        parent = by_name.get(f"{b.parent}|{b.province}") if b.parent else None
        rows.append({"body_id": body_id, "name": b.name, "level": b.level,
                     "parent_id": ids.get(key(parent)) if parent else None, "province": b.province,
                     "valid_from": b.valid_from, "valid_until": b.valid_until})
    return pd.DataFrame(rows, columns=["body_id", "name", "level", "parent_id", "province", "valid_from",
                                       "valid_until"])


def _add_bodies(con: duckdb.DuckDBPyConnection) -> int:
    frame = _catalogue_rows(con)
    if frame.empty:
        return 0
    con.register("sample_bodies", frame)
    try:
        con.execute(
            "INSERT INTO bodies (body_id, name, level, parent_id, province, valid_from, valid_until, verified) "
            "SELECT body_id, name, level, parent_id, province, CAST(valid_from AS DATE), "
            "CAST(valid_until AS DATE), TRUE FROM sample_bodies "
            "WHERE body_id NOT IN (SELECT body_id FROM bodies)"
        )
    finally:
        con.unregister("sample_bodies")
    return len(frame)


_POOL_SQL = """
CREATE OR REPLACE TEMP TABLE sample_pool AS
WITH b AS (
    SELECT body_id, coalesce(level, '') AS level,
           greatest(2010, CASE WHEN valid_from IS NULL THEN 2010
                               WHEN month(valid_from) = 1 AND day(valid_from) = 1 THEN year(valid_from)
                               ELSE year(valid_from) + 1 END) AS y0,
           least(2025, CASE WHEN valid_until IS NULL THEN 2025
                            WHEN month(valid_until) = 12 AND day(valid_until) = 31 THEN year(valid_until)
                            ELSE year(valid_until) - 1 END) AS y1
    FROM bodies WHERE verified
)
SELECT (row_number() OVER (ORDER BY body_id) - 1)::UBIGINT AS idx, body_id, level, y0, (y1 - y0 + 1)::UBIGINT AS ny
FROM b WHERE y1 >= y0
"""

_FACTS_SQL = """
INSERT INTO facts (fact_id, doc_id, metric_id, body_id, period_start, period_end, period_label, value,
                   qualifier, raw_value, evidence, start_offset, end_offset, confidence, extractor, run_id)
WITH g AS (
    SELECT i, hash(i, $seed, 1) AS h1, hash(i, $seed, 2) AS h2, hash(i, $seed, 3) AS h3,
           hash(i, $seed, 4) AS h4, hash(i, $seed, 5) AS h5, hash(i, $seed, 6) AS h6,
           hash(i, $seed, 8) AS h7
    FROM range($n) r(i)
), c AS (
    SELECT g.*, p.body_id, p.level, (p.y0 + h2 % p.ny)::INTEGER AS y,
           CASE WHEN h3 % 100 < 35 THEN 'members_admitted' WHEN h3 % 100 < 60 THEN 'funds_donated'
                WHEN h3 % 100 < 85 THEN 'houses_built' ELSE 'confidence_vote_subjects' END AS metric_id,
           (h4 % 100)::INTEGER AS pk
    FROM g JOIN sample_pool p ON p.idx = g.h1 % $bodies
), k AS (
    -- period kind: members are reported for periods, votes mostly on the day of the vote
    SELECT *, CASE
        WHEN metric_id = 'members_admitted' THEN
            CASE WHEN pk < 40 THEN 'year' WHEN pk < 55 THEN 'half' WHEN pk < 70 THEN 'quarter'
                 WHEN pk < 80 THEN 'month' ELSE 'nine' END
        WHEN metric_id = 'confidence_vote_subjects' THEN CASE WHEN pk < 80 THEN 'day' ELSE 'year' END
        ELSE CASE WHEN pk < 25 THEN 'year' WHEN pk < 35 THEN 'half' WHEN pk < 45 THEN 'quarter'
                  WHEN pk < 60 THEN 'month' WHEN pk < 70 THEN 'nine' ELSE 'day' END
        END AS kind,
        (h5 % 12 + 1)::INTEGER AS m, (h5 % 4)::INTEGER AS q, (h5 % 2)::INTEGER AS half, (h5 % 365)::INTEGER AS dd
    FROM c
), p AS (
    SELECT *,
        CASE kind WHEN 'year' THEN make_date(y, 1, 1) WHEN 'half' THEN make_date(y, 1 + 6 * half, 1)
                  WHEN 'quarter' THEN make_date(y, 3 * q + 1, 1) WHEN 'month' THEN make_date(y, m, 1)
                  WHEN 'nine' THEN make_date(y, 1, 1) ELSE make_date(y, 1, 1) + dd END AS ps,
        CASE kind WHEN 'year' THEN make_date(y, 12, 31) WHEN 'half' THEN last_day(make_date(y, 6 + 6 * half, 1))
                  WHEN 'quarter' THEN last_day(make_date(y, 3 * q + 3, 1)) WHEN 'month' THEN last_day(make_date(y, m, 1))
                  WHEN 'nine' THEN make_date(y, 9, 30) ELSE make_date(y, 1, 1) + dd END AS pe,
        CASE kind WHEN 'year' THEN 1.0 WHEN 'half' THEN 0.5 WHEN 'quarter' THEN 0.25 WHEN 'month' THEN 0.09
                  WHEN 'nine' THEN 0.75 ELSE 0.05 END AS frac
    FROM k
), v AS (
    SELECT *,
        CASE metric_id
            WHEN 'members_admitted' THEN greatest(1, round({members} * frac))::BIGINT
            WHEN 'funds_donated' THEN (greatest(10, round({funds} * CASE kind WHEN 'day' THEN 0.3 ELSE frac END / 10) * 10)
                                       * 1000000)::BIGINT
            WHEN 'houses_built' THEN greatest(1, round({houses} * CASE kind WHEN 'day' THEN 0.3 ELSE frac END))::BIGINT
            ELSE {votes}::BIGINT END AS value,
        CASE WHEN metric_id = 'confidence_vote_subjects' OR h6 % 100 < 80 THEN 'exact'
             WHEN h6 % 100 < 90 THEN 'more_than' WHEN h6 % 100 < 97 THEN 'about' ELSE 'at_least' END AS qualifier,
        CASE kind WHEN 'year' THEN 'năm ' || y
                  WHEN 'half' THEN CASE half WHEN 0 THEN '6 tháng đầu năm ' ELSE '6 tháng cuối năm ' END || y
                  WHEN 'quarter' THEN 'quý ' || (q + 1) || '/' || y
                  WHEN 'month' THEN 'tháng ' || m || '/' || y
                  WHEN 'nine' THEN '9 tháng đầu năm ' || y
                  ELSE 'ngày ' || strftime(make_date(y, 1, 1) + dd, '%d/%m/%Y') END AS label
    FROM p
), t AS (
    SELECT *,
        CASE WHEN metric_id <> 'funds_donated' THEN replace(format('{{:,}}', value), ',', '.')
             WHEN value < 1000000000 THEN replace(format('{{:,}}', value // 1000000), ',', '.') || ' triệu đồng'
             ELSE replace(rtrim(rtrim(printf('%.2f', value / 1e9), '0'), '.'), '.', ',') || ' tỷ đồng' END AS raw,
        CASE qualifier WHEN 'more_than' THEN 'hơn ' WHEN 'about' THEN 'khoảng ' WHEN 'at_least' THEN 'ít nhất '
                       ELSE '' END AS qw,
        CASE kind WHEN 'day' THEN 'Ngày ' || strftime(ps, '%d/%m/%Y') ELSE 'Trong ' || label END AS lead
    FROM v
)
SELECT nextval('fact_id_seq'), printf('sample-%d-%d-%07d', $seed, $run_id, i // {per_doc}), metric_id, body_id,
       ps, pe, label, value, qualifier, qw || raw,
       lead || CASE metric_id
           WHEN 'members_admitted' THEN ', đã kết nạp ' || qw || raw || ' đảng viên mới.'
           WHEN 'funds_donated' THEN ', cán bộ, đảng viên đã ủng hộ ' || qw || raw || '.'
           WHEN 'houses_built' THEN ', đã xây dựng, bàn giao ' || qw || raw || ' căn nhà đại đoàn kết.'
           ELSE ', đã lấy phiếu tín nhiệm đối với ' || raw || ' đồng chí.' END,
       ((i % {per_doc}) * 200)::INTEGER, ((i % {per_doc}) * 200 + 120)::INTEGER,
       0.5 + (hash(i, $seed, 7) % 501) / 1000.0, '{extractor}', $run_id
FROM t
"""

_DOCUMENTS_SQL = """
INSERT INTO documents (doc_id, path, kind, title, outlet, published, run_id, loaded_at)
SELECT doc_id, 'sample://' || doc_id, 'sample',
       'Dữ liệu mẫu: báo cáo số ' || ltrim(split_part(doc_id, '-', 4), '0'),
       ['Báo Nhân Dân', 'Báo Điện tử Chính phủ', 'Báo Tây Ninh', 'Báo Hà Giang', 'Báo Gia Lai'][CAST(1 + hash(doc_id) % 5 AS BIGINT)],
       least(max(period_end) + CAST(hash(doc_id, 1) % 30 AS INTEGER), DATE '2025-12-31'), $run_id, current_timestamp
FROM facts WHERE run_id = $run_id GROUP BY doc_id
"""


def facts_sql() -> str:
    return _FACTS_SQL.format(
        members=_range_sql(_MEMBERS, _DEFAULT["members"], "h7"),
        funds=_range_sql(_FUNDS_M, _DEFAULT["funds"], "h7"),
        houses=_range_sql(_HOUSES, _DEFAULT["houses"], "h7"),
        votes=_range_sql(_VOTES, _DEFAULT["votes"], "h7"),
        per_doc=FACTS_PER_DOCUMENT, extractor=EXTRACTOR,
    )


def build_facts(db: Path, n: int, seed: int = 0, *, check: bool = True) -> FactsBuild:
    """Add n generated facts (and their bodies and documents) to the warehouse at db, in one published run."""
    if n < 1:
        raise ConfigError(f"--facts must be at least 1, not {n}")
    if seed < 0:
        raise ConfigError(f"--seed must be zero or positive, not {seed}")
    began = time.perf_counter()
    report = RunReport(db_path=str(db), inputs=[f"sample --facts {n} --seed {seed}"], started_at=datetime.now())
    with write_session(db) as con:
        con.execute("SET enable_progress_bar = false")
        run_id = start_run(con, report)
        added = _add_bodies(con)
        con.execute(_POOL_SQL)
        row = con.execute("SELECT count(*) FROM sample_pool").fetchone()
        bodies = int(row[0]) if row else 0
        if bodies == 0:
            raise ConfigError("no body is available to attach sample facts to")
        con.execute(facts_sql(), {"seed": seed, "n": n, "bodies": bodies, "run_id": run_id})
        con.execute(_DOCUMENTS_SQL, {"run_id": run_id})
        row = con.execute("SELECT count(*) FROM documents WHERE run_id = ?", [run_id]).fetchone()
        documents = int(row[0]) if row else 0
        con.execute("DROP TABLE sample_pool")
        report.documents_seen = report.documents_new = documents
        report.facts_added = n
        if check:
            check_quality(con)
        finish_run(con, report)
    return FactsBuild(db=db, facts=n, documents=documents, bodies_added=added, bodies_used=bodies,
                      run_id=run_id, seconds=time.perf_counter() - began)
