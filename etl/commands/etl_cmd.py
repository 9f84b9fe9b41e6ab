"""`partybuild etl run|runs`: load documents and spreadsheets; show the run history."""

from __future__ import annotations

import argparse
import json
import sys

from etl.commands.common import add_db_argument
from etl.config import resolve_db_path


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    etl = sub.add_parser("etl", help="load documents and spreadsheets into the warehouse",
                         description="Load documents and spreadsheets into the warehouse.")
    actions = etl.add_subparsers(dest="etl_command", metavar="ACTION")

    run = actions.add_parser(
        "run", help="load files and folders (recursively) into the warehouse",
        description="Load files and folders (recursively) into the warehouse. Spreadsheets (.csv, .xlsx) "
        "follow the template (body, metric, period, value [, unit, source, note]); prose (.txt, .md) goes "
        "through the extractor. A run publishes all its changes or none. Exit status: 0 all loaded, "
        "2 some inputs or rows rejected (each listed), 1 nothing could be done.",
    )
    run.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to load")
    add_db_argument(run)
    run.add_argument("--json", action="store_true", help="print a machine-readable summary")
    run.add_argument("--reprocess", action="store_true",
                     help="read and extract every document again (after an extractor upgrade)")
    run.set_defaults(func=run_command)

    runs = actions.add_parser("runs", help="list the run history", description="List the ETL run history.")
    add_db_argument(runs)
    runs.add_argument("--json", action="store_true", help="print JSON")
    runs.add_argument("--limit", type=int, default=20, help="how many runs, newest first (default 20)")
    runs.set_defaults(func=runs_command)
    etl.set_defaults(func=lambda args: (etl.print_help(), 1)[1])


def _progress(i: int, total: int, path: str) -> None:
    width = 30
    done = int(width * i / max(total, 1))
    sys.stderr.write(f"\r[{'#' * done}{'.' * (width - done)}] {i}/{total} {path[-40:]:<40}")
    if i == total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def run_command(args: argparse.Namespace) -> int:
    from etl.pipeline import run  # keeps `partybuild --help` fast

    db = resolve_db_path(args.db)
    show_progress = sys.stderr.isatty() and not args.json
    report = run(args.paths, db, reprocess=args.reprocess, progress=_progress if show_progress else None)
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        print(f"run {report.run_id} → {db}: {report.status}")
        print(f"  documents: {report.documents_seen} seen, {report.documents_new} new, "
              f"{report.documents_changed} changed, {report.documents_unchanged} unchanged, "
              f"{report.documents_rejected} rejected")
        print(f"  facts: {report.facts_added} added, {report.facts_removed} removed; "
              f"rows rejected: {report.rows_rejected}")
        for err in report.errors:
            print(f"  rejected: {err}", file=sys.stderr)
    return report.exit_code


def runs_command(args: argparse.Namespace) -> int:
    from warehouse.queries import run_history

    db = resolve_db_path(args.db)
    frame = run_history(db, limit=args.limit)
    if args.json:
        print(frame.to_json(orient="records", date_format="iso", force_ascii=False))
    elif frame.empty:
        print("no runs yet")
    else:
        print(frame.to_string(index=False))
    return 0
