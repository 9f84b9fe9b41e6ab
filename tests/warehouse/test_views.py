"""The SQL surface: the contracted views and columns exist, each .sql file says what a row is, every
contracted column has a Vietnamese / English comment, and a run publishes fresh semantic tables."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from etl.cli import main
from warehouse.materialize import is_fresh
from warehouse.migrate import VIEWS, migrate

CONTRACT = {
    "v_yearly": "body_id body body_level parent_id province metric_id year value partial period_end facts source_count",
    "v_series": "grain body_id metric_id period_start period_end value cumulative_value partial source_count",
    "v_bodies": "body_id name level parent_id parent_name province valid_from valid_until successor_id "
                "successor_name verified",
    "v_conflicts": "metric_id body_id body period_start period_end n_values chosen_value fact_ids",
    "v_coverage": "body_id body metric_id year facts",
    "v_facts": "fact_id metric_id metric_vi metric_en body_id body body_level province body_verified period_start "
               "period_end period_label value unit qualifier target_pct raw_value evidence start_offset end_offset "
               "source_row confidence extractor source_path source_kind source_title source_outlet "
               "source_published doc_id run_id source_count sources",
}


@pytest.fixture(scope="module")
def con() -> duckdb.DuckDBPyConnection:
    c = duckdb.connect()
    migrate(c)
    return c


@pytest.mark.parametrize("view", sorted(CONTRACT))
def test_contract_columns_with_comments(con: duckdb.DuckDBPyConnection, view: str) -> None:
    cols = dict(con.execute("SELECT column_name, comment FROM duckdb_columns() WHERE table_name = ?", [view]).fetchall())
    missing = [c for c in CONTRACT[view].split() if c not in cols]
    assert not missing, f"{view} lacks {missing}"
    view_comment = con.execute("SELECT comment FROM duckdb_views() WHERE view_name = ?", [view]).fetchone()
    assert view_comment and " / " in (view_comment[0] or "")
    if view != "v_facts":   # v_facts comments its main columns only
        uncommented = [c for c in CONTRACT[view].split() if not cols[c] or " / " not in cols[c]]
        assert not uncommented, f"{view}: no Vietnamese / English comment on {uncommented}"


@pytest.mark.parametrize("path", sorted(VIEWS.glob("*.sql")), ids=lambda p: p.name)
def test_each_file_says_what_a_row_is(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("-- ") and "one row per" in text.split("CREATE", 1)[0].lower()
    assert text.count("CREATE OR REPLACE VIEW") == 1


def test_a_run_publishes_fresh_semantic_tables(tmp_path: Path, db_path: Path) -> None:
    sheet = tmp_path / "s.csv"
    sheet.write_text("body,metric,period,value\nĐảng bộ huyện Tân Châu,houses_built,2017,4\n", encoding="utf-8")
    assert main(["etl", "run", str(sheet), "--db", str(db_path)]) == 0
    c = duckdb.connect(str(db_path), read_only=True)
    try:
        assert is_fresh(c)
        assert c.execute("SELECT count(*) FROM v_facts").fetchone() == (1,)
    finally:
        c.close()
