"""`partybuild export --parquet DIR` writes Hive-partitioned Parquet that DuckDB reads back as it is."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from etl.cli import main
from tests.warehouse.conftest import load_sheets


def test_export_is_hive_partitioned_and_complete(tmp_path: Path, db_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    load_sheets(tmp_path, db_path, """
Đảng bộ huyện Tân Châu,members_admitted,2017,125
Đảng bộ huyện Tân Châu,houses_built,2017,4
Đảng bộ huyện Gò Dầu,houses_built,2018,6
""")
    out = tmp_path / "export"
    assert main(["export", "--db", str(db_path), "--parquet", str(out)]) == 0
    assert (out / "facts" / "metric_id=houses_built" / "year=2018").is_dir()
    assert (out / "bodies.parquet").exists() and (out / "metrics.parquet").exists()
    con = duckdb.connect()
    rows = con.execute(
        "SELECT metric_id, year, sum(value) FROM read_parquet(?, hive_partitioning = true) GROUP BY ALL ORDER BY ALL",
        [str(out / "facts" / "**" / "*.parquet")]).fetchall()
    assert rows == [("houses_built", 2017, 4), ("houses_built", 2018, 6), ("members_admitted", 2017, 125)]
    yearly = con.execute("SELECT count(*) FROM read_parquet(?, hive_partitioning = true)",
                         [str(out / "yearly" / "**" / "*.parquet")]).fetchone()
    assert yearly == (3,)
    capsys.readouterr()
    assert main(["export", "--db", str(db_path), "--parquet", str(out)]) == 1
    assert "--replace" in capsys.readouterr().err
    assert main(["export", "--db", str(db_path), "--parquet", str(out), "--replace"]) == 0
