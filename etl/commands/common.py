"""Arguments several subcommands share."""

from __future__ import annotations

import argparse


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", metavar="FILE",
        help="the warehouse file (default: $PARTYBUILD_DB, else data/partybuild.duckdb)",
    )
