"""`partybuild status`: what the warehouse holds."""

from __future__ import annotations

import argparse
import json

from etl.commands.common import add_db_argument
from etl.config import resolve_db_path


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("status", help="show the warehouse's state",
                       description="Show the warehouse's path, schema version, counts of documents, bodies "
                       "and facts, facts per metric and the last run.")
    add_db_argument(p)
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from warehouse.queries import status

    info = status(resolve_db_path(args.db))
    if args.json:
        print(json.dumps(info, ensure_ascii=False, indent=2))
        return 0
    print(f"warehouse:      {info['path']}")
    print(f"schema version: {info['schema_version']}")
    print(f"documents:      {info['documents']:,}".replace(",", "."))
    print(f"bodies:         {info['bodies']:,} ({info['bodies_unverified']} unverified)".replace(",", "."))
    print(f"facts:          {info['facts']:,}".replace(",", "."))
    for metric, count in info["facts_by_metric"].items():
        print(f"  {metric:<26} {count:,}".replace(",", "."))
    last = info["last_run"]
    if last:
        print(f"last run:       #{last['run_id']} {last['status']} at {last['started_at']}, "
              f"{last['facts_added']} facts added, {last['facts_removed']} removed")
    else:
        print("last run:       none yet")
    return 0
