"""Migrations: applied in order, recorded, each once; a failing one leaves nothing half-applied."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from warehouse import migrate as migrate_module
from warehouse.migrate import latest_version, migrate, migration_files


def test_fresh_database_gets_every_migration_once(tmp_path: Path) -> None:
    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        applied = migrate(con)
        assert applied == [v for v, _ in migration_files()]
        assert migrate(con) == []
        versions = [r[0] for r in con.execute("SELECT version FROM schema_migrations ORDER BY 1").fetchall()]
        assert versions == applied and versions[-1] == latest_version()
        names = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        assert {"facts", "documents", "bodies", "metrics", "etl_runs", "etl_errors", "v_facts"} <= names


def test_migration_files_are_numbered_and_unique() -> None:
    versions = [v for v, _ in migration_files()]
    assert versions == sorted(set(versions)) and versions[0] == 1


def test_a_late_lower_numbered_migration_is_still_applied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "migrations"
    folder.mkdir()
    (folder / "0001_a.sql").write_text("CREATE TABLE a (i INTEGER);")
    (folder / "0003_c.sql").write_text("CREATE TABLE c (i INTEGER);")
    monkeypatch.setattr(migrate_module, "MIGRATIONS", folder)
    monkeypatch.setattr(migrate_module, "VIEWS", tmp_path / "no-views")
    with duckdb.connect() as con:
        assert migrate(con) == [1, 3]
        (folder / "0002_b.sql").write_text("CREATE TABLE b (i INTEGER);")
        assert migrate(con) == [2]


def test_failing_migration_is_rolled_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "migrations"
    folder.mkdir()
    (folder / "0001_a.sql").write_text("CREATE TABLE a (i INTEGER);")
    (folder / "0002_bad.sql").write_text("CREATE TABLE b (i INTEGER); SELECT * FROM no_such_table;")
    monkeypatch.setattr(migrate_module, "MIGRATIONS", folder)
    monkeypatch.setattr(migrate_module, "VIEWS", tmp_path / "no-views")
    with duckdb.connect() as con:
        with pytest.raises(duckdb.CatalogException):
            migrate(con)
        tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        assert "a" in tables and "b" not in tables
        assert con.execute("SELECT list(version) FROM schema_migrations").fetchone() == ([1],)
