"""`partybuild etl run|schedule|runs`: load documents and spreadsheets, on demand or on a schedule; show the
run history."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from etl.commands.common import add_db_argument
from etl.config import resolve_db_path

if TYPE_CHECKING:
    from etl.records import RunReport


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    etl = sub.add_parser("etl", help="load documents and spreadsheets into the warehouse",
                         description="Load documents and spreadsheets into the warehouse.")
    actions = etl.add_subparsers(dest="etl_command", metavar="ACTION")

    run = actions.add_parser(
        "run", help="load files and folders (recursively) into the warehouse",
        description="Load files and folders (recursively) into the warehouse. Spreadsheets (.csv, .xlsx) "
        "follow the template (body, metric, period, value [, unit, source, note]); .jsonl holds facts one a "
        "line; prose (.txt, .md, .html, .htm, .docx, .pdf) goes through the extractor. Unchanged files are "
        "skipped. A run publishes all its changes or none. Exit status: 0 all loaded, "
        "2 some inputs or rows rejected (each listed), 1 nothing could be done.",
    )
    _add_run_arguments(run)
    run.set_defaults(func=run_command)

    schedule = actions.add_parser(
        "schedule", help="refresh the warehouse on a schedule, in the foreground, until stopped",
        description="Run `etl run PATH...` every period (--every 30m) or at the times of a cron expression "
        "(--cron \"0 2 * * *\": minute hour day month weekday, with *, lists, ranges and steps), logging "
        "each refresh. Refreshes never overlap. Stop with Ctrl-C.",
    )
    _add_run_arguments(schedule)
    when = schedule.add_mutually_exclusive_group(required=True)
    when.add_argument("--every", metavar="PERIOD", help="e.g. 30m, 2h, 1d")
    when.add_argument("--cron", metavar="EXPR", help='e.g. "0 2 * * *" (02:00 every day)')
    schedule.set_defaults(func=schedule_command)

    runs = actions.add_parser("runs", help="list the run history", description="List the ETL run history.")
    add_db_argument(runs)
    runs.add_argument("--json", action="store_true", help="print JSON")
    runs.add_argument("--limit", type=int, default=20, help="how many runs, newest first (default 20)")
    runs.set_defaults(func=runs_command)
    etl.set_defaults(func=lambda args: (etl.print_help(), 1)[1])


def _add_run_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to load")
    add_db_argument(parser)
    parser.add_argument("--json", action="store_true", help="print a machine-readable summary")
    parser.add_argument("--reprocess", action="store_true",
                        help="read and extract every document again (after an extractor upgrade)")
    parser.add_argument("--max-input-mb", type=float, metavar="MB",
                        help="larger files are rejected unread (default: $PARTYBUILD_MAX_INPUT_MB, else 50)")
    parser.add_argument("--keep-deleted", action="store_true",
                        help="keep the facts of files deleted from the folders given (default: they are removed "
                             "with their documents, and the run lists them)")


class _ProgressBar:
    """A one-line bar on stderr with rate and time left, redrawn at most ten times a second."""

    def __init__(self) -> None:
        self.started = time.monotonic()
        self.drawn = 0.0

    def __call__(self, i: int, total: int, path: str) -> None:
        now = time.monotonic()
        if i != total and now - self.drawn < 0.1:
            return
        self.drawn = now
        width = 30
        done = int(width * i / max(total, 1))
        rate = i / max(now - self.started, 1e-6)
        left = (total - i) / rate if rate else 0.0
        sys.stderr.write(f"\r[{'#' * done}{'.' * (width - done)}] {i}/{total} {rate:6.0f} files/s "
                         f"{left:5.0f}s left {path[-30:]:<30}")
        if i == total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def run_command(args: argparse.Namespace) -> int:
    from etl.pipeline import run  # keeps `partybuild --help` fast

    db = resolve_db_path(args.db)
    show_progress = sys.stderr.isatty() and not args.json
    if args.max_input_mb is not None:
        os.environ["PARTYBUILD_MAX_INPUT_MB"] = str(args.max_input_mb)  # the readers check it too
    report = run(args.paths, db, reprocess=args.reprocess, progress=_ProgressBar() if show_progress else None,
                 max_input_mb=args.max_input_mb, keep_deleted=args.keep_deleted)
    _print_report(report, db, args.json)
    return report.exit_code


def _print_report(report: RunReport, db: Path, as_json: bool) -> None:
    if as_json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        print(f"run {report.run_id} → {db}: {report.status}")
        print(f"  documents: {report.documents_seen} seen, {report.documents_new} new, "
              f"{report.documents_changed} changed, {report.documents_unchanged} unchanged, "
              f"{report.documents_rejected} rejected, {report.documents_removed} removed (file deleted)")
        print(f"  facts: {report.facts_added} added, {report.facts_removed} removed; "
              f"rows rejected: {report.rows_rejected}")
        for path in report.removed_paths:
            print(f"  removed (the file is gone): {path}")
        for err in report.errors:
            print(f"  rejected: {err}", file=sys.stderr)


def schedule_command(args: argparse.Namespace) -> int:
    from etl.errors import PartybuildError
    from etl.pipeline import run
    from etl.schedule import CronSchedule, parse_every, run_forever

    db = resolve_db_path(args.db)
    every = parse_every(args.every) if args.every else None
    cron = CronSchedule.parse(args.cron) if args.cron else None
    if args.max_input_mb is not None:
        os.environ["PARTYBUILD_MAX_INPUT_MB"] = str(args.max_input_mb)

    def log(message: str) -> None:
        print(f"[{datetime.now():%Y-%m-%d %H:%M:%S}] {message}", flush=True)

    def refresh() -> None:
        try:
            report = run(args.paths, db, reprocess=args.reprocess, max_input_mb=args.max_input_mb,
                         keep_deleted=args.keep_deleted)
        except PartybuildError as exc:
            log(f"refresh refused or failed: {exc}")
            return
        if args.json:
            print(json.dumps(report.to_json(), ensure_ascii=False), flush=True)
        else:
            took = (report.finished_at - report.started_at).total_seconds() \
                if report.finished_at and report.started_at else 0.0
            log(f"run {report.run_id}: {report.status} in {took:.1f}s — documents {report.documents_seen} "
                f"seen, {report.documents_new} new, {report.documents_changed} changed, "
                f"{report.documents_rejected} rejected, {report.documents_removed} removed; "
                f"facts +{report.facts_added} -{report.facts_removed}")

    run_forever(refresh, every=every, cron=cron, log=log)
    return 0


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
