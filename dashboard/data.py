"""Cached wrappers over warehouse.queries. Results are cached per warehouse file and version: a refresh
publishes a new file, the version changes, and the next run reads the new data without a restart.

Each full run and each fragment rerun holds one read-only connection (`session()`) from its first uncached
query to its end. `warehouse.db` keeps each file version open and hands every query a cursor of it (about a
millisecond), and a query opened while this thread holds one reads the same version: so all of a run's
queries read one version of the file, even if a refresh replaces it half-way, and the cache key says which.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from etl.config import resolve_db_path
from etl.errors import PartybuildError
from warehouse import queries
from warehouse.db import read_only


def db_path() -> Path:
    return resolve_db_path()


# While a connection from warehouse.db.read_only is open in a thread, that thread's new connections read the same
# version of the file, even if a refresh has since replaced it. So the data a run reads is the version of the
# connection it holds, not necessarily the file's: _OPEN records it, per path, with how many runs hold it, and
# the cache key is that version. (Data cached under a key may be newer than the key, never older.)
_LOCK = threading.Lock()
_OPEN: dict[str, list[Any]] = {}  # path → [version, holders]
_held = threading.local()  # .scope: inside session(); .version, .stack: this thread's held connection, if any


def version() -> str:
    held = getattr(_held, "version", None)
    if held is not None:
        return str(held)
    path = db_path()
    with _LOCK:
        entry = _OPEN.get(str(path))
    return str(entry[0]) if entry else queries.warehouse_version(path)


def _hold() -> None:
    """Open this run's connection, on its first uncached query (a run whose queries are all cached opens none)."""
    if not getattr(_held, "scope", False) or getattr(_held, "version", None) is not None:
        return
    path = db_path()
    stack = ExitStack()
    with _LOCK:
        entry = _OPEN.get(str(path))
        held = entry[0] if entry else queries.warehouse_version(path)
        try:
            stack.enter_context(read_only(path))
        except PartybuildError:  # missing, locked, unreadable: the query itself reports it in its own words
            return
        if entry:
            entry[1] += 1
        elif queries.warehouse_version(path) != held:  # replaced while opening: let each query open its own
            stack.close()
            return
        else:
            _OPEN[str(path)] = [held, 1]
    _held.version, _held.stack, _held.path = held, stack, str(path)


@contextmanager
def session() -> Iterator[None]:
    """Hold one read-only connection while a run (or a fragment rerun) lasts, from its first uncached query to
    its end; nested calls share it."""
    if getattr(_held, "scope", False):
        yield
        return
    _held.scope = True
    try:
        yield
    finally:
        release()
        _held.scope = False


def release() -> None:
    """Close this run's connection now (before the SQL console opens its own, differently configured one:
    DuckDB refuses two configurations of one database in a process)."""
    stack = getattr(_held, "stack", None)
    if stack is not None:
        with _LOCK:
            stack.close()
            entry = _OPEN[_held.path]
            entry[1] -= 1
            if entry[1] == 0:
                del _OPEN[_held.path]
    _held.version = _held.stack = None


_spent = threading.local()  # .queries, .seconds: the uncached queries of the current run (see frame.timed)


def spent() -> tuple[int, float]:
    """(queries run, seconds in them) since the last reset, in this thread."""
    return getattr(_spent, "queries", 0), getattr(_spent, "seconds", 0.0)


def reset_spent() -> None:
    _spent.queries, _spent.seconds = 0, 0.0


@st.cache_data(max_entries=512, show_spinner=False)
def _cached(name: str, db: str, warehouse_version: str, args: tuple[Any, ...],
            kwargs: tuple[tuple[str, Any], ...]) -> Any:
    lists = [list(a) if isinstance(a, tuple) else a for a in args]
    named = {k: list(v) if isinstance(v, tuple) else v for k, v in kwargs}
    began = time.perf_counter()
    try:
        _hold()
        return getattr(queries, name)(Path(db), *lists, **named)
    finally:
        _spent.queries = getattr(_spent, "queries", 0) + 1
        _spent.seconds = getattr(_spent, "seconds", 0.0) + time.perf_counter() - began


def call(name: str, *args: Any, **kwargs: Any) -> Any:
    """queries.<name>(db, *args, **kwargs), cached on the warehouse version."""
    frozen = tuple(tuple(a) if isinstance(a, list) else a for a in args)
    return _cached(name, str(db_path()), version(), frozen,
                   tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in kwargs.items())))


def fresh(name: str, *args: Any, **kwargs: Any) -> pd.DataFrame:
    """queries.<name>(db, ...) read now and not cached: a whole list for a download, fetched when it is clicked."""
    result = getattr(queries, name)(db_path(), *args, **kwargs)
    assert isinstance(result, pd.DataFrame)
    return result


def frame(name: str, *args: Any, **kwargs: Any) -> pd.DataFrame:
    result = call(name, *args, **kwargs)
    assert isinstance(result, pd.DataFrame)
    return result.copy()


def warehouse_state() -> tuple[str, dict[str, Any] | None, str | None]:
    """('missing' | 'empty' | 'ok' | 'error', summary, error message)."""
    if not db_path().exists():
        return "missing", None, None
    try:
        summary = call("summary")
    except PartybuildError as exc:
        return "error", None, str(exc)
    if not summary["facts"] or summary["first_year"] is None:
        return "empty", summary, None
    return "ok", summary, None
