"""`partybuild query`: one read-only statement in the sandbox."""

from __future__ import annotations

import argparse
import sys

from etl.commands.common import add_db_argument
from etl.config import resolve_db_path


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "query", help="run one read-only SQL query",
        description="Run one read-only statement (SELECT, WITH, EXPLAIN, DESCRIBE, SUMMARIZE) against the "
        "warehouse, in a sandbox: no files, no extensions, no settings, a time limit, at most --max-rows rows. "
        "Start with: SELECT * FROM v_facts LIMIT 5",
    )
    add_db_argument(p)
    p.add_argument("--format", choices=("table", "csv", "json"), default="table", help="output (default: table)")
    p.add_argument("--timeout", type=float, default=5.0, help="seconds before the query is stopped (default 5)")
    p.add_argument("--max-rows", type=int, default=1000, help="rows shown at most (default 1000)")
    p.add_argument("sql", metavar="SQL", help="the statement, quoted")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import pandas as pd

    from warehouse.sandbox import run_query

    result = run_query(resolve_db_path(args.db), args.sql, timeout_s=args.timeout, max_rows=args.max_rows)
    frame = result.frame
    if args.format == "csv":
        frame.to_csv(sys.stdout, index=False)
    elif args.format == "json":
        print(frame.to_json(orient="records", date_format="iso", force_ascii=False))
    else:
        with pd.option_context("display.max_rows", None, "display.max_columns", None, "display.width", 200,
                               "display.max_colwidth", 80):
            print(frame.to_string(index=False) if len(frame) else "(no rows)")
    if result.truncated:
        print(f"-- truncated: only the first {args.max_rows} rows are shown", file=sys.stderr)
    return 0
