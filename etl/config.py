"""Where things live. One rule for the database path: flag > environment > default."""

from __future__ import annotations

import os
from pathlib import Path

DB_ENV = "PARTYBUILD_DB"
DEFAULT_DB = Path("data") / "partybuild.duckdb"


def resolve_db_path(flag: str | os.PathLike[str] | None = None) -> Path:
    """The warehouse file: `--db`, else $PARTYBUILD_DB, else data/partybuild.duckdb under the working directory."""
    if flag:
        return Path(flag).expanduser()
    env = os.environ.get(DB_ENV, "").strip()
    if env:
        return Path(env).expanduser()
    return Path.cwd() / DEFAULT_DB
