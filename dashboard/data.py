"""Cached wrappers over warehouse.queries. Results are cached per warehouse file and version: a refresh
publishes a new file, the version changes, and the next run reads the new data without a restart. Each call
opens its own short-lived read-only connection (warehouse.db), so sessions and fragments never share one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from etl.config import resolve_db_path
from etl.errors import PartybuildError
from warehouse import queries


def db_path() -> Path:
    return resolve_db_path()


def version() -> str:
    return queries.warehouse_version(db_path())


@st.cache_data(max_entries=512, show_spinner=False)
def _cached(name: str, db: str, warehouse_version: str, args: tuple[Any, ...],
            kwargs: tuple[tuple[str, Any], ...]) -> Any:
    lists = [list(a) if isinstance(a, tuple) else a for a in args]
    named = {k: list(v) if isinstance(v, tuple) else v for k, v in kwargs}
    return getattr(queries, name)(Path(db), *lists, **named)


def call(name: str, *args: Any, **kwargs: Any) -> Any:
    """queries.<name>(db, *args, **kwargs), cached on the warehouse version."""
    frozen = tuple(tuple(a) if isinstance(a, list) else a for a in args)
    return _cached(name, str(db_path()), version(), frozen,
                   tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in kwargs.items())))


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
