"""The `partybuild` command: a thin layer over the Python API. Each subcommand lives in etl/commands/."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from etl import __version__
from etl.errors import PartybuildError

COMMANDS = ("etl_cmd", "extract", "status", "query", "dashboard", "sample", "export", "review", "users")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="partybuild",
        description="Figures of Party-building work (new members, funds, houses, confidence votes), "
        "extracted from Vietnamese reports and news into a DuckDB warehouse, with a dashboard.",
        epilog="Database file: --db, else $PARTYBUILD_DB, else data/partybuild.duckdb in the working directory.",
    )
    parser.add_argument("--version", action="version", version=f"partybuild {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"etl.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"etl.commands.{name}":
                continue  # a command still being written is simply not offered
            raise
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 1
    try:
        return int(args.func(args))
    except PartybuildError as exc:
        print(f"partybuild: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("partybuild: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
