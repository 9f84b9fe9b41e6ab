"""The exception tree. Every message names what was wrong and, where it can, what to do about it."""

from __future__ import annotations


class PartybuildError(Exception):
    """Base of every error a user may see; the CLI prints its message without a traceback."""


class ConfigError(PartybuildError):
    """A setting (flag, environment variable, file) has a value we cannot use."""


class InputError(PartybuildError):
    """One input file or row cannot be used; the run goes on with the others."""

    def __init__(self, path: str, message: str, row: int | None = None) -> None:
        self.path = path
        self.row = row
        self.message = message
        where = f"{path}, row {row}" if row is not None else path
        super().__init__(f"{where}: {message}")


class WarehouseError(PartybuildError):
    """The warehouse cannot be opened, migrated or written; the run stops and nothing is published."""


class RunInProgressError(WarehouseError):
    """Another ETL run holds the warehouse's write lock."""


class QueryRefused(PartybuildError):
    """An ad-hoc query was refused before it ran (not one read-only statement, or a forbidden action)."""
