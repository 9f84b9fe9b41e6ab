"""The ad-hoc SQL sandbox: one test per forbidden action, the limits, and what it allows."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import duckdb
import pytest

from etl.errors import QueryRefused
from tests.warehouse.conftest import load_sheets
from warehouse.db import read_only
from warehouse.sandbox import check_statement, connect, run_query


@pytest.fixture(scope="module")
def wh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("sandbox")
    db = load_sheets(tmp, tmp / "w.duckdb", "Đảng bộ huyện Tân Châu,houses_built,2017,4")
    (tmp / "secret.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    return db


def secret(wh: Path) -> str:
    return str(wh.parent / "secret.csv")


FORBIDDEN_STATEMENTS = {
    "delete": "DELETE FROM facts",
    "insert": "INSERT INTO bodies (body_id, name) VALUES ('x', 'x')",
    "update": "UPDATE facts SET value = 0",
    "drop": "DROP TABLE facts",
    "create": "CREATE TABLE t AS SELECT 1",
    "copy to": "COPY facts TO '/tmp/out.csv'",
    "copy from": "COPY facts FROM '/tmp/in.csv'",
    "export": "EXPORT DATABASE '/tmp/dump'",
    "attach": "ATTACH '/tmp/other.duckdb' AS other",
    "detach": "DETACH other",
    "install": "INSTALL httpfs",
    "load": "LOAD httpfs",
    "set": "SET enable_external_access = true",
    "reset": "RESET lock_configuration",
    "pragma": "PRAGMA enable_profiling",
    "call": "CALL pragma_version()",
    "checkpoint": "CHECKPOINT",
    "two statements": "SELECT 1; DROP TABLE facts",
    "explain analyze of a write": "EXPLAIN ANALYZE DELETE FROM facts",
    "with … delete": "WITH x AS (SELECT 1) DELETE FROM facts",
    "comment then delete": "-- harmless\n/* still */ DELETE FROM facts",
    "empty": "  -- only a comment\n",
}


@pytest.mark.parametrize("sql", FORBIDDEN_STATEMENTS.values(), ids=FORBIDDEN_STATEMENTS.keys())
def test_statement_check_refuses(sql: str, wh: Path) -> None:
    with pytest.raises(QueryRefused) as info:
        run_query(wh, sql)
    assert str(info.value)  # a sentence, never a traceback
    assert run_query(wh, "SELECT count(*) AS n FROM facts").frame["n"][0] == 1


FILE_READS = {
    "read_csv": "SELECT * FROM read_csv('{f}')",
    "read_csv_auto": "SELECT * FROM read_csv_auto('{f}')",
    "read_text": "SELECT * FROM read_text('{f}')",
    "read_blob": "SELECT * FROM read_blob('{f}')",
    "read_parquet": "SELECT * FROM read_parquet('{f}')",
    "read_json": "SELECT * FROM read_json('{f}')",
    "glob": "SELECT * FROM glob('{d}/*')",
    "replacement scan": "SELECT * FROM '{f}'",
    "from-first file": "FROM '{f}'",
    "describe a file": "DESCRIBE SELECT * FROM '{f}'",
    "summarize a file": "SUMMARIZE SELECT * FROM read_csv('{f}')",
    "getenv": "SELECT getenv('HOME')",
    "query() of a write": "SELECT * FROM query('DELETE FROM facts')",
}


@pytest.mark.parametrize("sql", FILE_READS.values(), ids=FILE_READS.keys())
def test_no_files_or_environment(sql: str, wh: Path) -> None:
    with pytest.raises(QueryRefused) as info:
        run_query(wh, sql.format(f=secret(wh), d=wh.parent))
    assert "1,2" not in str(info.value)


@pytest.mark.parametrize("sql", [
    "SET enable_external_access = true",
    "SET autoinstall_known_extensions = true",
    "SET allow_community_extensions = true",
    "SET threads = 64",
    "SET memory_limit = '100GB'",
    "SET lock_configuration = false",
    "SET temp_directory = '/tmp'",
    "RESET memory_limit",
])
def test_settings_are_locked_even_past_the_statement_check(sql: str, wh: Path) -> None:
    """Defence in depth: on the sandbox connection itself, no setting can be turned back on."""
    con = connect(wh)
    try:
        with pytest.raises(duckdb.Error):
            con.execute(sql)
        with pytest.raises(duckdb.Error):
            con.execute(f"SELECT * FROM read_csv('{secret(wh)}')")
        with pytest.raises(duckdb.Error):
            con.execute("DELETE FROM facts")
        with pytest.raises(duckdb.Error):
            con.execute("INSTALL httpfs")
        with pytest.raises(duckdb.Error):
            con.execute(f"ATTACH '{wh.parent / 'x.duckdb'}' AS x")
        settings = dict(con.execute(
            "SELECT name, value FROM duckdb_settings() WHERE name IN ('enable_external_access', 'threads', "
            "'lock_configuration', 'autoload_known_extensions', 'allow_community_extensions')").fetchall())
    finally:
        con.close()
    assert settings == {"enable_external_access": "false", "threads": "2", "lock_configuration": "true",
                        "autoload_known_extensions": "false", "allow_community_extensions": "false"}


def test_runaway_query_is_stopped_by_the_time_limit(wh: Path) -> None:
    import time

    started = time.perf_counter()
    with pytest.raises(QueryRefused, match=r"longer than 0\.5 s"):
        run_query(wh, "SELECT count(*) FROM range(1000000000) a, range(1000000000) b WHERE a.range + b.range = -1",
                  timeout_s=0.5)
    assert time.perf_counter() - started < 5
    assert run_query(wh, "SELECT 1 AS one").frame["one"][0] == 1     # the warehouse is still usable


def test_row_limit_truncates_with_a_note(wh: Path) -> None:
    result = run_query(wh, "SELECT range AS n FROM range(5000)")
    assert len(result.frame) == 1000 and result.truncated
    assert result.note == "truncated: only the first 1000 rows are shown"
    small = run_query(wh, "SELECT range AS n FROM range(10)", max_rows=10)
    assert len(small.frame) == 10 and not small.truncated and small.note is None


@pytest.mark.parametrize("sql", [
    "SELECT body, value FROM v_facts",
    "WITH y AS (SELECT * FROM v_yearly) SELECT count(*) FROM y",
    "EXPLAIN SELECT * FROM v_yearly",
    "EXPLAIN ANALYZE SELECT * FROM v_yearly",
    "DESCRIBE v_yearly",
    "SUMMARIZE v_facts",
    "FROM v_bodies",
    "SHOW TABLES",
    "  -- a comment first\nSELECT 1;",
])
def test_reads_are_allowed(sql: str, wh: Path) -> None:
    assert run_query(wh, sql).frame is not None


def test_refusals_say_what_is_allowed() -> None:
    with pytest.raises(QueryRefused, match=r"DELETE is not allowed.*SELECT, WITH, EXPLAIN, DESCRIBE, SUMMARIZE"):
        check_statement("delete from facts")
    with pytest.raises(QueryRefused, match="one statement at a time"):
        check_statement("select 1; select 2")
    with pytest.raises(QueryRefused, match="not valid SQL"):
        check_statement("selec 1")


def test_unknown_table_names_the_catalogue(wh: Path) -> None:
    with pytest.raises(QueryRefused, match="SHOW TABLES"):
        run_query(wh, "SELECT * FROM no_such_table")


# --- Beside the dashboard's own connections -------------------------------------------------------------------
# DuckDB keeps one database instance per file in a process and refuses a second connection to it with another
# configuration; the sandbox must work whichever of the two opened the file first, and from another thread.

def test_sandbox_while_a_read_only_connection_is_open(wh: Path) -> None:
    with read_only(wh) as held:
        assert run_query(wh, "SELECT count(*) AS n FROM v_facts").frame["n"][0] == 1
        assert held.execute("SELECT count(*) FROM facts").fetchone() == (1,)
        with pytest.raises(QueryRefused):
            run_query(wh, f"SELECT * FROM read_csv('{secret(wh)}')")


def test_read_only_connection_while_the_sandbox_is_open(wh: Path) -> None:
    sandbox = connect(wh)
    try:
        with read_only(wh) as con:
            assert con.execute("SELECT value FROM v_facts").fetchone() == (4,)
            con.execute("SELECT * FROM duckdb_settings() WHERE name = 'enable_external_access'")
            assert con.execute(f"SELECT count(*) FROM read_csv('{secret(wh)}')").fetchone() == (1,)
        assert sandbox.execute("SELECT value FROM v_facts").fetchone() == (4,)
        with pytest.raises(duckdb.Error):
            sandbox.execute(f"SELECT * FROM read_csv('{secret(wh)}')")
    finally:
        sandbox.close()


def test_sandbox_while_another_thread_holds_a_connection(wh: Path) -> None:
    """As Streamlit runs it: a script thread holds the run's read-only connection while the console runs."""
    opened, done = threading.Event(), threading.Event()
    seen: list[Any] = []

    def dashboard_run() -> None:
        with read_only(wh) as con:
            opened.set()
            done.wait(10)
            seen.append(con.execute("SELECT count(*) FROM v_facts").fetchone())

    worker = threading.Thread(target=dashboard_run)
    worker.start()
    try:
        assert opened.wait(10)
        result = run_query(wh, "SELECT body, value FROM v_facts")
        assert result.frame.to_dict("records") == [{"body": "Đảng bộ huyện Tân Châu", "value": 4}]
    finally:
        done.set()
        worker.join(10)
    assert seen == [(1,)]


def test_sandbox_sees_only_the_warehouse_read_only(wh: Path) -> None:
    """No writable database is left on the sandbox connection to put anything in (the temp schema aside)."""
    con = connect(wh)
    try:
        databases = con.execute(
            "SELECT database_name, readonly FROM duckdb_databases() WHERE NOT internal").fetchall()
        assert databases == [("w", True)]   # the file's name, w.duckdb, as a plain connection names it
        assert con.execute("SELECT current_database()").fetchone() == ("w",)
        assert con.execute("SELECT current_setting('allowed_directories')").fetchone() == ([],)
        for sql in ("CREATE TABLE memory.main.t AS SELECT 1", "CREATE VIEW v AS SELECT 1", "USE memory",
                    "DETACH w"):
            with pytest.raises(duckdb.Error):
                con.execute(sql)
    finally:
        con.close()
