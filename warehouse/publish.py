"""Writing the warehouse without ever blocking or half-updating its readers.

A run never writes the live file. It copies it to a private file beside it, applies migrations and all its
changes there, runs the quality gates, checkpoints (so no .wal is left), closes it, and `os.replace`s it
onto the live name. Readers that still hold the old file keep a consistent old version; their next
connection opens the new one. A crash or SIGKILL at any point leaves the live file as it was (the private
file is left behind and removed by the next run). A lock file refuses overlapping runs.
"""

from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO

import duckdb

from etl.errors import RunInProgressError, WarehouseError
from warehouse.db import forget, translate
from warehouse.materialize import refresh_if_changed
from warehouse.migrate import migrate
from warehouse.refdata import sync_reference

BUILD_SUFFIX = ".building"


def _lock_path(db: Path) -> Path:
    return db.with_name(db.name + ".lock")


def _build_path(db: Path) -> Path:
    return db.with_name(f".{db.name}{BUILD_SUFFIX}")


@contextmanager
def run_lock(db: Path) -> Iterator[None]:
    """Exclusive, non-blocking: a second run is refused at once with a clear message."""
    db.parent.mkdir(parents=True, exist_ok=True)
    handle: IO[str] = open(_lock_path(db), "a+")  # noqa: SIM115 - held for the whole run
    try:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise RunInProgressError(
                f"another partybuild run is already writing {db} (lock {_lock_path(db)}); "
                "this run was refused so that the two cannot overlap — try again when it has finished"
            ) from exc
        yield
    finally:
        handle.close()


def _remove_quietly(path: Path) -> None:
    for p in (path, path.with_name(path.name + ".wal")):
        with suppress(FileNotFoundError):
            p.unlink()


@contextmanager
def updating(db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-write connection to a private copy of the warehouse, published atomically on success.

    If the block raises, nothing is published. The caller holds `run_lock` (or uses `write_session`).
    """
    build = _build_path(db)
    _remove_quietly(build)  # a leftover from a killed run
    if db.exists():
        if db.with_name(db.name + ".wal").exists():
            # Only a process that opened the live file for writing leaves a WAL: fold it in first (after
            # closing this process's kept read-only instance of it, which would refuse the write).
            forget(db)
            try:
                duckdb.connect(str(db)).close()
            except duckdb.Error as exc:
                raise translate(exc, db) from exc
        shutil.copyfile(db, build)
    try:
        con = duckdb.connect(str(build))
    except duckdb.Error as exc:
        _remove_quietly(build)
        raise translate(exc, build) from exc
    try:
        migrate(con)
        sync_reference(con)
        yield con
        refresh_if_changed(con)  # the semantic tables the views read, recomputed before publishing
        con.execute("CHECKPOINT")
    except BaseException:
        con.close()
        _remove_quietly(build)
        raise
    con.close()
    if build.with_name(build.name + ".wal").exists():
        _remove_quietly(build)
        raise WarehouseError(f"refusing to publish {build}: a write-ahead log was left beside it")
    _fsync(build)
    os.replace(build, db)
    _fsync_dir(db.parent)


@contextmanager
def write_session(db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """The lock and the private copy together: what every writer uses."""
    with run_lock(db), updating(db) as con:
        yield con


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
