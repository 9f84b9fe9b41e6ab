"""The README tells the truth: every SQL query it shows runs on a real warehouse, every command it names exists."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest

from etl.cli import build_parser
from etl.pipeline import run

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")


def sql_statements() -> list[str]:
    statements = []
    for block in re.findall(r"```sql\n(.*?)```", README, re.S):
        for line in block.splitlines():
            if line.strip() and not line.strip().startswith("--"):
                statements.append(line.strip().rstrip(";"))
    return statements


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("readme") / "w.duckdb"
    report = run([REPO / "samples" / "bao-cao-mau.csv"], db)
    assert report.exit_code == 0, report.errors
    return db


def test_readme_shows_ten_queries() -> None:
    assert len(sql_statements()) >= 10


@pytest.mark.parametrize("sql", sql_statements())
def test_every_readme_query_runs(sample_db: Path, sql: str) -> None:
    with duckdb.connect(str(sample_db), read_only=True) as con:
        con.execute(sql).fetchall()


def test_every_command_in_the_cli_table_exists() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    known = set(sub.choices)  # type: ignore[arg-type]
    named = set(re.findall(r"^\| `partybuild (\w+)", README, re.M))
    assert named and named <= known, named - known
