"""`partybuild review`: list what needs a human, and reject, correct, confirm or add facts."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path

from etl.commands.common import add_db_argument
from etl.config import resolve_db_path


def _who(args: argparse.Namespace) -> str:
    return args.by or os.environ.get("PARTYBUILD_USER") or getpass.getuser()


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    review = sub.add_parser(
        "review", help="review and correct facts",
        description="Review and correct facts. Corrections are kept apart from extracted facts, applied by the "
        "views, and survive every later run, --reprocess and extractor upgrades.",
    )
    actions = review.add_subparsers(dest="review_command", metavar="ACTION")

    def action(name: str, help_text: str) -> argparse.ArgumentParser:
        p = actions.add_parser(name, help=help_text, description=help_text)
        add_db_argument(p)
        return p

    p = action("list", "the review queue (conflicts, then low confidence, then unverified bodies)")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--audit", action="store_true", help="list every correction made instead (the audit trail)")
    p.add_argument("--orphans", action="store_true", help="list corrections whose fact no longer exists")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=list_command)

    for name, text in (("reject", "reject a fact (it vanishes from every view)"),
                       ("confirm", "confirm a fact as correct"),
                       ("correct", "correct a fact's metric, body, period or value")):
        p = action(name, text)
        p.add_argument("fact_id", type=int, help="the fact (v_facts.fact_id)")
        p.add_argument("--reason", required=True, help="why (kept in the audit trail)")
        p.add_argument("--by", help="who (default $PARTYBUILD_USER, else the login name)")
        if name == "correct":
            p.add_argument("--metric")
            p.add_argument("--body", help="body_id or name")
            p.add_argument("--period", help="2017, 2017-H1, 2017-Q3, 2017-09, 9T/2017, 2017-01-01/2017-09-30")
            p.add_argument("--value", help="e.g. 175 or '1,5 tỷ'")
        p.set_defaults(func=review_command, action=name)

    p = action("add", "add a fact the extractor missed, with its source")
    for flag in ("--metric", "--body", "--period", "--value", "--source", "--reason"):
        p.add_argument(flag, required=True)
    p.add_argument("--by")
    p.set_defaults(func=add_command)

    p = action("export", "write the corrections to CSV (to review offline)")
    p.add_argument("path", type=Path)
    p.set_defaults(func=export_command)
    p = action("import", "read corrections from CSV (the export's columns)")
    p.add_argument("path", type=Path)
    p.add_argument("--by", help="who, for rows without made_by")
    p.set_defaults(func=import_command)
    review.set_defaults(func=lambda args: (review.print_help(), 1)[1])


def list_command(args: argparse.Namespace) -> int:
    from warehouse import corrections

    db = resolve_db_path(args.db)
    frame = corrections.audit(db) if args.audit else corrections.orphans(db) if args.orphans else \
        corrections.queue(db, args.limit)
    if args.json:
        print(frame.to_json(orient="records", date_format="iso", force_ascii=False))
    else:
        print(frame.to_string(index=False) if len(frame) else "(nothing)")
    return 0


def review_command(args: argparse.Namespace) -> int:
    from warehouse.corrections import Change, review

    change = Change(getattr(args, "metric", None), getattr(args, "body", None), getattr(args, "period", None),
                    getattr(args, "value", None))
    ids = review(resolve_db_path(args.db), args.fact_id, args.action, by=_who(args), reason=args.reason,
                 change=change)
    print(f"{args.action}: fact {args.fact_id} ({len(ids)} mention(s)), correction(s) {', '.join(map(str, ids))}")
    return 0


def add_command(args: argparse.Namespace) -> int:
    from warehouse.corrections import Change, add_fact

    new_id = add_fact(resolve_db_path(args.db), Change(args.metric, args.body, args.period, args.value),
                      source=args.source, by=_who(args), reason=args.reason)
    print(f"added: correction {new_id}")
    return 0


def export_command(args: argparse.Namespace) -> int:
    from warehouse.corrections import export_csv

    print(f"{export_csv(resolve_db_path(args.db), args.path)} correction(s) written to {args.path}")
    return 0


def import_command(args: argparse.Namespace) -> int:
    from warehouse.corrections import import_csv

    imported, problems = import_csv(resolve_db_path(args.db), args.path, by=args.by)
    print(json.dumps({"imported": imported, "rejected": problems}, ensure_ascii=False, indent=2))
    for p in problems:
        print(f"rejected: {p}", file=sys.stderr)
    return 2 if problems else 0
