"""`partybuild export --parquet DIR`: facts and dimensions as Hive-partitioned Parquet."""

from __future__ import annotations

import argparse
from pathlib import Path

from etl.commands.common import add_db_argument
from etl.config import resolve_db_path


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "export", help="write the warehouse as Hive-partitioned Parquet",
        description="Write facts (partitioned by metric_id and year), deduplicated facts, yearly figures and the "
        "dimensions (bodies, metrics, documents, aliases) as Parquet under DIR, for Spark, Trino or DuckDB "
        "elsewhere: e.g. SELECT * FROM read_parquet('DIR/facts/**/*.parquet', hive_partitioning = true)",
    )
    add_db_argument(p)
    p.add_argument("--parquet", metavar="DIR", required=True, help="the directory to write (empty, or --replace)")
    p.add_argument("--replace", action="store_true", help="overwrite an earlier export in DIR")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from warehouse.export import export_parquet

    report = export_parquet(resolve_db_path(args.db), Path(args.parquet), replace=args.replace)
    for name, rows in report.rows.items():
        print(f"{name:<14} {rows:>12,} rows")
    print(f"written to {report.directory}")
    return 0
