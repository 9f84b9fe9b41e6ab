"""Applies the numbered .sql files in migrations/ in order, each in its own transaction, and records them.

Views live apart in views/ and are re-created by any write that finds their definitions changed (or a new
migration applied), because they hold no data and their latest definition is always the right one.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import duckdb

from warehouse import build_state

MIGRATIONS = Path(str(resources.files("warehouse") / "migrations"))
VIEWS = Path(str(resources.files("warehouse") / "views"))
_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


def migration_files() -> list[tuple[int, Path]]:
    """All migrations as (version, path), sorted; a misnamed file is an error, not something to skip."""
    found = []
    for path in MIGRATIONS.glob("*.sql"):
        match = _NAME.match(path.name)
        if not match:
            raise ValueError(f"migration file {path.name} is not named NNNN_name.sql")
        found.append((int(match.group(1)), path))
    found.sort()
    versions = [v for v, _ in found]
    if len(set(versions)) != len(versions):
        raise ValueError("two migration files share a version number")
    return found


def latest_version() -> int:
    files = migration_files()
    return files[-1][0] if files else 0


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'"
    ).fetchone()
    if not exists or not exists[0]:
        return 0
    row = con.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()
    return int(row[0]) if row else 0


def migrate(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Bring the schema up to date; returns the versions applied now."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP DEFAULT current_timestamp)"
    )
    # Set-based, not "above the highest": a migration merged later with a lower number still gets applied.
    have = {int(r[0]) for r in con.execute("SELECT version FROM schema_migrations").fetchall()}
    applied = []
    for version, path in migration_files():
        if version in have:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(path.read_text(encoding="utf-8"))
            con.execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)", [version, path.stem])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        applied.append(version)
    apply_views(con, force=bool(applied))
    return applied


def view_files() -> list[Path]:
    return sorted(VIEWS.glob("*.sql"))


def views_digest() -> str:
    return build_state.files_digest(view_files())


def apply_views(con: duckdb.DuckDBPyConnection, *, force: bool = True) -> bool:
    """(Re)create every view, unless their definitions are the ones already applied (and not `force`).

    Files are applied in name order; a view may use one whose name sorts earlier. Returns whether it ran.
    """
    digest = views_digest()
    if not force and build_state.get(con, "views") == digest:
        return False
    for path in view_files():
        con.execute(path.read_text(encoding="utf-8"))
    build_state.put(con, "views", digest)
    return True
