"""Ad-hoc SQL for analysts, on a connection of its own that cannot harm the warehouse or the machine.

Layers, because DuckDB's settings alone are defence in depth, not a sandbox: (1) the text must be one
statement of an allowed kind, checked by DuckDB's own parser before anything runs; (2) the connection is
read-only (the file attached READ_ONLY to an in-memory database of its own), with file access, extension
loading and community extensions off, threads, memory and temp space capped, and the configuration locked;
(3) a time limit interrupts a runaway query; (4) at most `max_rows` rows come back, with a note that the
result was cut.
"""

from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from etl.errors import QueryRefused, WarehouseError
from warehouse.db import attach_read_only, translate

# SELECT, WITH, EXPLAIN, DESCRIBE, SUMMARIZE, plus DuckDB's read-only shorthands (FROM-first, SHOW, VALUES, TABLE);
# every one of them must also parse as a SELECT (or an EXPLAIN of a SELECT).
ALLOWED_FIRST_WORDS = ("select", "with", "explain", "describe", "summarize", "from", "show", "values", "table")
ALLOWED_TYPES = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}
_EXPLAIN = re.compile(r"^explain\s+(analy[sz]e\s+|\([^)]*\)\s*)?", re.I)
DEFAULT_TIMEOUT_S = 5.0
DEFAULT_MAX_ROWS = 1000
GIVE_UP_AFTER_S = 30.0
_COMMENT = re.compile(r"^\s*(--[^\n]*\n|/\*.*?\*/)", re.S)

SANDBOX_CONFIG: dict[str, str | bool | int] = {
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "allow_community_extensions": False,
    "allow_unsigned_extensions": False,
    "threads": 2,
    "memory_limit": "2GB",
    "max_temp_directory_size": "0KB",
    "temp_directory": "",
    "lock_configuration": True,
}
# The two settings applied only once the warehouse is attached: with external access off, ATTACH could not
# open the file; with the configuration locked, external access could not be switched off any more.
_AFTER_ATTACH = ("enable_external_access", "lock_configuration")


@dataclass
class QueryResult:
    frame: pd.DataFrame
    truncated: bool
    elapsed_s: float
    max_rows: int = DEFAULT_MAX_ROWS

    @property
    def note(self) -> str | None:
        """The visible note when rows were cut: "truncated: only the first 1000 rows are shown"."""
        return f"truncated: only the first {self.max_rows} rows are shown" if self.truncated else None


def check_statement(sql: str) -> str:
    """The one allowed statement, or QueryRefused with the reason: "DELETE is not allowed: …"."""
    text = sql.strip()
    while True:
        stripped = _COMMENT.sub("", text, count=1)
        if stripped == text:
            break
        text = stripped.strip()
    if not text:
        raise QueryRefused("the query is empty")
    try:
        statements = duckdb.extract_statements(text)
    except duckdb.Error as exc:
        raise QueryRefused(f"the query is not valid SQL: {str(exc).splitlines()[0]}") from exc
    if len(statements) != 1:
        raise QueryRefused(f"one statement at a time, please (found {len(statements)})")
    statement = statements[0]
    first = text.split(None, 1)[0].lower().lstrip("(").rstrip(";(")
    if statement.type not in ALLOWED_TYPES or first not in ALLOWED_FIRST_WORDS:
        _refuse(first.upper() or statement.type.name)
    if statement.type == duckdb.StatementType.EXPLAIN:
        # EXPLAIN ANALYZE runs what it explains: the explained statement must be a read too.
        inner_text = _EXPLAIN.sub("", text, count=1)
        try:
            inner = duckdb.extract_statements(inner_text)
        except duckdb.Error as exc:
            raise QueryRefused(f"the query is not valid SQL: {str(exc).splitlines()[0]}") from exc
        if len(inner) != 1 or inner[0].type != duckdb.StatementType.SELECT:
            word = inner_text.split(None, 1)[0].upper() if inner_text.strip() else "EXPLAIN"
            _refuse(f"EXPLAIN {word}")
    return text.rstrip().rstrip(";")


def _refuse(kind: str) -> None:
    raise QueryRefused(
        f"{kind} is not allowed: the console only reads (SELECT, WITH, EXPLAIN, DESCRIBE, SUMMARIZE); "
        "files, extensions, settings and changes to the warehouse are refused"
    )


def connect(path: Path) -> duckdb.DuckDBPyConnection:
    """A sandboxed connection: an in-memory database of its own with the warehouse file attached READ_ONLY.

    Not `duckdb.connect(path, config=…)`: DuckDB keeps one database instance per file in a process and
    refuses a second connection to it with another configuration, so the sandbox and the dashboard's plain
    read-only connections could not be open at the same time (in either order, in any thread). An in-memory
    database is never shared, and the file attached to it is opened apart from the dashboard's instance.
    It is attached under its file name and the in-memory database detached (nothing writable is left but
    the temp schema); then external access is switched off (DuckDB still lets it read the files already
    attached) and the configuration locked.
    """
    if not path.exists():
        raise WarehouseError(f"no warehouse at {path}; load data first with `partybuild etl run PATH`")
    early: dict[str, str | bool | int | float | list[str]] = {
        k: v for k, v in SANDBOX_CONFIG.items() if k not in _AFTER_ATTACH}
    try:
        con = duckdb.connect(":memory:", config=early)
    except duckdb.Error as exc:
        raise translate(exc, path) from exc
    try:
        attach_read_only(con, path)
        for key in _AFTER_ATTACH:
            value = SANDBOX_CONFIG[key]
            con.execute(f"SET {key} = {str(value).lower() if isinstance(value, bool) else repr(value)}")
    except duckdb.Error as exc:
        con.close()
        raise translate(exc, path) from exc
    return con


def run_query(
    path: Path, sql: str, *, timeout_s: float = DEFAULT_TIMEOUT_S, max_rows: int = DEFAULT_MAX_ROWS
) -> QueryResult:
    """Check, run with a time limit, and return at most `max_rows` rows."""
    if timeout_s <= 0 or max_rows < 1:
        raise QueryRefused("the time limit must be above 0 s and the row limit at least 1")
    text = check_statement(sql)
    con = connect(path)
    outcome: dict[str, object] = {}

    def work() -> None:
        try:
            cursor = con.execute(text)
            names = [d[0] for d in cursor.description or []]
            rows = cursor.fetchmany(max_rows + 1)
            outcome["frame"] = pd.DataFrame(rows, columns=names)
        except BaseException as exc:  # reported in the calling thread
            outcome["error"] = exc

    started = time.perf_counter()
    worker = threading.Thread(target=work, name="sandbox-query", daemon=True)
    worker.start()
    worker.join(timeout_s)
    timed_out = False
    while worker.is_alive():
        # An interrupt sent before execution starts is lost, so keep sending until the query stops.
        timed_out = True
        con.interrupt()
        worker.join(0.05)
        if time.perf_counter() - started > timeout_s + GIVE_UP_AFTER_S:
            raise QueryRefused(f"the query ran longer than {timeout_s:g} s and could not be stopped")
    elapsed = time.perf_counter() - started
    con.close()
    if timed_out:
        raise QueryRefused(f"the query ran longer than {timeout_s:g} s and was stopped; narrow it down")
    error = outcome.get("error")
    if isinstance(error, duckdb.Error):
        raise QueryRefused(_explain(error)) from error
    if isinstance(error, BaseException):
        raise error
    frame = outcome["frame"]
    assert isinstance(frame, pd.DataFrame)
    truncated = len(frame) > max_rows
    return QueryResult(frame=frame.head(max_rows), truncated=truncated, elapsed_s=elapsed, max_rows=max_rows)


def _explain(exc: duckdb.Error) -> str:
    first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if isinstance(exc, duckdb.PermissionException):
        return f"not allowed in the console (no files, extensions or settings): {first}"
    if isinstance(exc, duckdb.InterruptException):
        return "the query was interrupted"
    if isinstance(exc, duckdb.CatalogException):
        return f"{first} — the tables and views are listed by `SHOW TABLES`"
    return first
