"""Connections to the warehouse, and DuckDB's errors translated into sentences a person can act on.

Readers open short-lived read-only connections: DuckDB keeps one database instance per path inside a
process, so a connection held open would keep showing the file as it was before the last refresh.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from etl.errors import WarehouseError


def translate(exc: Exception, path: Path | None = None) -> WarehouseError:
    """One place that turns DuckDB's exceptions into messages for users."""
    text = str(exc)
    where = f" ({path})" if path else ""
    if "Conflicting lock" in text or "Could not set lock" in text:
        return WarehouseError(
            f"the warehouse{where} is locked by another process that opened it for writing; "
            "wait for that run to finish, or close it"
        )
    if isinstance(exc, duckdb.IOException):
        return WarehouseError(f"cannot open the warehouse{where}: {text.splitlines()[0]}")
    if isinstance(exc, duckdb.CatalogException):
        return WarehouseError(f"the warehouse{where} lacks a table or view: {text.splitlines()[0]}")
    return WarehouseError(f"warehouse error{where}: {text.splitlines()[0] if text else type(exc).__name__}")


@contextmanager
def read_only(path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection that is closed on exit, so the next one sees a freshly published file."""
    if not path.exists():
        raise WarehouseError(
            f"no warehouse at {path}; load data first with `partybuild etl run PATH` "
            "or build the demo with `make run`"
        )
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error as exc:
        raise translate(exc, path) from exc
    try:
        yield con
    finally:
        con.close()
