"""Connections to the warehouse, and DuckDB's errors translated into sentences a person can act on.

Readers get short-lived read-only connections from `read_only(path)`. Opening a DuckDB database costs ~40 ms of
CPU (the engine's instance: functions, built-in extensions, the catalogue) whatever the file: more than most
dashboard queries. So each file is opened once per version and kept: a private DuckDB instance with the file
attached READ_ONLY (the "keeper"), of which each `read_only` hands out a cursor (a new connection, ~1 ms).

Freshness: the file's identity (inode, mtime, size) is read *before* it is attached and compared on every
`read_only`: a refresh publishes a new file (an atomic rename), the identity changes, and the next call opens
the new file in a new keeper; the old one is closed once its last cursor is. A label is never newer than the
data it labels, so a reader never keeps an old version by mistake. Within one thread, a connection opened
while another from `read_only` is still open reads the same keeper (one dashboard run reads one version).

The keepers are private instances (an in-memory database that attaches the file), not DuckDB's process-wide
instance cache, so a plain `duckdb.connect(path, read_only=True)` elsewhere in the process is unaffected:
it opens the file as it is now, with whatever configuration it likes.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from etl.errors import WarehouseError

# Files kept open at once (the dashboard reads one; tests and tools touch several in turn).
MAX_KEPT = 4
_RESERVED = {"memory", "system", "temp", "main"}


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


def catalog_name(path: Path) -> str:
    """The name a file is attached under: its stem, as DuckDB names a file it opens ("partybuild")."""
    stem = path.stem or "warehouse"
    return "warehouse" if stem.lower() in _RESERVED else stem


def attach_read_only(con: duckdb.DuckDBPyConnection, path: Path) -> str:
    """Attach `path` READ_ONLY to the in-memory `con` and make it the only database (the in-memory one is
    detached, so nothing writable is left but the temp schema); names resolve in it unqualified."""
    name = catalog_name(path).replace('"', '""')
    con.execute(f'ATTACH ? AS "{name}" (READ_ONLY)', [str(path)])
    con.execute(f'USE "{name}"')
    con.execute("DETACH memory")
    return name


def _identity(path: Path) -> tuple[int, int, int]:
    st = os.stat(path)
    return st.st_ino, st.st_mtime_ns, st.st_size


@dataclass(eq=False)
class _Keeper:
    """One open version of one file: the instance, the identity read before opening it, its open cursors."""

    con: duckdb.DuckDBPyConnection
    identity: tuple[int, int, int]
    users: int = 0
    retired: bool = False
    closed: bool = False

    def close_if_unused(self) -> None:
        if self.retired and self.users == 0 and not self.closed:
            self.closed = True
            self.con.close()


_LOCK = threading.Lock()
_KEPT: OrderedDict[str, _Keeper] = OrderedDict()
_thread = threading.local()  # .held: {path: [keepers of this thread's open connections, innermost last]}


def _open(path: Path, identity: tuple[int, int, int]) -> _Keeper:
    try:
        con = duckdb.connect(":memory:")
    except duckdb.Error as exc:
        raise translate(exc, path) from exc
    try:
        attach_read_only(con, path)
    except duckdb.Error as exc:
        con.close()
        raise translate(exc, path) from exc
    return _Keeper(con, identity)


def _retire(keeper: _Keeper) -> None:
    keeper.retired = True
    keeper.close_if_unused()


def _current(path: Path, key: str) -> _Keeper:
    """The keeper of the file as it is now (opened if the file is new or was replaced); its user counted."""
    try:
        identity = _identity(path)
    except OSError as exc:
        raise WarehouseError(f"cannot open the warehouse ({path}): {exc}") from exc
    with _LOCK:
        keeper = _KEPT.get(key)
        if keeper is None or keeper.identity != identity:
            fresh = _open(path, identity)
            if keeper is not None:
                _retire(keeper)
            keeper = _KEPT[key] = fresh
            while len(_KEPT) > MAX_KEPT:
                _retire(_KEPT.popitem(last=False)[1])
        _KEPT.move_to_end(key)
        keeper.users += 1
        return keeper


def _release(keeper: _Keeper) -> None:
    with _LOCK:
        keeper.users -= 1
        keeper.close_if_unused()


def forget(path: Path | None = None) -> None:
    """Close the kept instance of `path` (every one if None) once it is unused: before this process opens
    that file for writing, which DuckDB refuses while it is attached anywhere in the process ("Unique file
    handle conflict")."""
    with _LOCK:
        keys = [str(Path(path).absolute())] if path is not None else list(_KEPT)
        for key in keys:
            keeper = _KEPT.pop(key, None)
            if keeper is not None:
                _retire(keeper)


@contextmanager
def read_only(path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection to the file as it is now, closed on exit (see the module's docstring)."""
    if not path.exists():
        raise WarehouseError(
            f"no warehouse at {path}; load data first with `partybuild etl run PATH` "
            "or build the demo with `make run`"
        )
    key = str(path.absolute())
    held: dict[str, list[_Keeper]] = _thread.__dict__.setdefault("held", {})
    mine = held.setdefault(key, [])
    if mine:  # this thread already reads a version of the file: the same one
        keeper = mine[-1]
        with _LOCK:
            keeper.users += 1
    else:
        keeper = _current(path, key)
    try:
        with _LOCK:  # the parent connection keeps a list of its cursors: changed by one thread at a time
            cursor = keeper.con.cursor()
    except duckdb.Error as exc:
        _release(keeper)
        raise translate(exc, path) from exc
    mine.append(keeper)
    try:
        yield cursor
    finally:
        mine.pop()
        if not mine:
            del held[key]
        with _LOCK:
            cursor.close()
        _release(keeper)
