"""Warehouses for the semantics tests: built through the real CLI from template sheets, or written through
the same write session the ETL uses when a test needs documents the template cannot express (prose sources,
publication dates, registry bodies)."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pytest

from etl.cli import main
from warehouse.materialize import is_fresh, refresh
from warehouse.publish import write_session

HEADER = "body,metric,period,value\n"
_counter = itertools.count(1)


def ensure_fresh(db: Path) -> None:
    """Refill the semantic tables if the write step did not (until publish calls materialize.refresh)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        fresh = is_fresh(con)
    finally:
        con.close()
    if not fresh:
        with write_session(db) as rw:
            refresh(rw)


def load_sheets(tmp_path: Path, db: Path, *sheets: str) -> Path:
    """Each sheet (rows without the header) becomes one spreadsheet document, loaded with `partybuild etl run`."""
    paths = []
    for text in sheets:
        path = tmp_path / f"sheet{next(_counter)}.csv"
        path.write_text(HEADER + text.strip() + "\n", encoding="utf-8")
        paths.append(str(path))
    assert main(["etl", "run", *paths, "--db", str(db)]) == 0
    ensure_fresh(db)
    return db


Doc = dict[str, Any]


def write_facts(db: Path, documents: Sequence[Doc], bodies: Sequence[dict[str, Any]] = ()) -> Path:
    """Documents with their facts, written as etl/load.py writes them, then the semantic tables refreshed.

    A document: {"doc_id", "kind" (html|spreadsheet), "published", "facts": [(body_id, metric_id, start,
    end, value), ...]}. Bodies not in the registry are added as the resolver would add them.
    """
    with write_session(db) as con:
        for b in bodies:
            cols = ", ".join(b)
            con.execute(f"INSERT OR REPLACE INTO bodies ({cols}) VALUES ({', '.join('?' * len(b))})", list(b.values()))
        for doc in documents:
            con.execute(
                "INSERT INTO documents (doc_id, path, kind, published, loaded_at) VALUES (?, ?, ?, ?, current_timestamp)",
                [doc["doc_id"], f"/docs/{doc['doc_id']}", doc.get("kind", "html"), doc.get("published")],
            )
            for body_id, metric_id, start, end, value in doc["facts"]:
                if not con.execute("SELECT 1 FROM bodies WHERE body_id = ?", [body_id]).fetchone():
                    con.execute("INSERT INTO bodies (body_id, name, verified) VALUES (?, ?, FALSE)",
                                [body_id, body_id])
                extractor = "template-1" if doc.get("kind") == "spreadsheet" else "prose-1"
                con.execute(
                    "INSERT INTO facts (fact_id, doc_id, metric_id, body_id, period_start, period_end, value, "
                    "evidence, extractor) VALUES (nextval('fact_id_seq'), ?, ?, ?, ?, ?, ?, ?, ?)",
                    [doc["doc_id"], metric_id, body_id, start, end, value, f"{body_id} {value}", extractor],
                )
        refresh(con)
    return db


@pytest.fixture
def query(db_path: Path) -> Iterator[Callable[..., pd.DataFrame]]:
    def run(sql: str, params: Sequence[Any] = ()) -> pd.DataFrame:
        con = duckdb.connect(str(db_path), read_only=True)
        try:
            return con.execute(sql, list(params)).df()
        finally:
            con.close()

    yield run


def d(text: str) -> date:
    return date.fromisoformat(text)
