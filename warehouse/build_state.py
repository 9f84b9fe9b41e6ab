"""What a write remembers about how the warehouse was built, so the next write can skip what did not change.

A run over unchanged inputs must cost a few percent of a full load. Its fixed costs were re-creating every
view, re-syncing the registry and refilling the semantic tables; each is now keyed by a hash of its inputs
(kept in `build_state`, migration 0005) and skipped when the hash is the same.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

import duckdb


def files_digest(paths: Iterable[Path], *extra: str) -> str:
    """A hash of the files' names and bytes (a missing file counts as empty) plus any extra strings."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.name.encode())
        try:
            digest.update(path.read_bytes())
        except FileNotFoundError:
            digest.update(b"\0missing")
    for text in extra:
        digest.update(text.encode())
    return digest.hexdigest()


def _has_table(con: duckdb.DuckDBPyConnection) -> bool:
    row = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'build_state'"
    ).fetchone()
    return bool(row and row[0])


def get(con: duckdb.DuckDBPyConnection, key: str) -> str | None:
    if not _has_table(con):
        return None
    row = con.execute("SELECT value FROM build_state WHERE key = ?", [key]).fetchone()
    return str(row[0]) if row else None


def put(con: duckdb.DuckDBPyConnection, key: str, value: str) -> None:
    if _has_table(con):
        con.execute("INSERT OR REPLACE INTO build_state (key, value, updated_at) VALUES (?, ?, current_timestamp)",
                    [key, value])
