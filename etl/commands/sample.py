"""`partybuild sample`: generated sample data: articles with their truth, a template spreadsheet, or facts."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from etl.commands.common import add_db_argument
from etl.config import resolve_db_path
from etl.errors import ConfigError


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "sample", help="generate sample articles, a sample spreadsheet or warehouse-scale sample facts",
        description="Generate sample data, every piece marked as such and deterministic for a --seed. "
        "--docs N --out DIR: N Vietnamese news-style articles (.txt) and DIR/truth.jsonl with their true "
        "figures and look-alike numbers that are not figures. --spreadsheet FILE: a template spreadsheet "
        "(.csv or .xlsx) that `partybuild etl run` loads. --facts N: N generated facts added straight to "
        "the warehouse (--db), for scale tests.",
    )
    mode = p.add_mutually_exclusive_group(required=True)
    mode.add_argument("--docs", type=int, metavar="N", help="write N articles (needs --out)")
    mode.add_argument("--facts", type=int, metavar="N", help="add N generated facts to the warehouse")
    mode.add_argument("--spreadsheet", metavar="FILE", help="write a sample template spreadsheet (.csv or .xlsx)")
    p.add_argument("--out", metavar="DIR", help="with --docs: the folder for the articles and truth.jsonl")
    p.add_argument("--length", choices=("short", "full"), default="short",
                   help="with --docs: short articles (about 1.4 KB, a figure in most paragraphs; the default) or "
                        "full-length ones (4-10 KB of prose around the same figures, as real articles are)")
    p.add_argument("--rows", type=int, metavar="N",
                   help="with --spreadsheet: N bulk rows over many bodies instead of the curated sample")
    p.add_argument("--seed", type=int, default=0, help="the random seed (default 0)")
    add_db_argument(p)
    p.set_defaults(func=run)


def _check(args: argparse.Namespace) -> None:
    if args.docs is not None:
        if not args.out:
            raise ConfigError("--docs needs --out DIR, the folder to write the articles and truth.jsonl into")
        if args.docs < 1:
            raise ConfigError(f"--docs must be at least 1, not {args.docs}")
    elif args.out:
        raise ConfigError("--out only goes with --docs; --facts writes to --db, --spreadsheet to its FILE")
    if args.db and args.facts is None:
        raise ConfigError("--db only goes with --facts; articles and spreadsheets are written to files")
    if args.length != "short" and args.docs is None:
        raise ConfigError("--length only goes with --docs")
    if args.rows is not None and args.spreadsheet is None:
        raise ConfigError("--rows only goes with --spreadsheet; use --docs N or --facts N to size the others")
    if args.seed < 0:
        raise ConfigError(f"--seed must be zero or positive, not {args.seed}")


def _n(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def run(args: argparse.Namespace) -> int:
    _check(args)
    began = time.perf_counter()
    if args.docs is not None:
        from etl.sample.articles import write_articles

        out = Path(args.out)
        docs, figures = write_articles(args.docs, out, seed=args.seed, length=args.length)
        print(f"wrote {docs} articles with {figures} figures to {out} (truth in {out / 'truth.jsonl'}) "
              f"in {time.perf_counter() - began:.1f} s")
        return 0
    if args.spreadsheet is not None:
        from etl.sample.spreadsheet import write_spreadsheet

        path = Path(args.spreadsheet)
        rows = write_spreadsheet(path, rows=args.rows, seed=args.seed)
        print(f"wrote {rows} rows to {path} in {time.perf_counter() - began:.1f} s")
        return 0
    from etl.sample.facts import build_facts

    db = resolve_db_path(args.db)
    built = build_facts(db, args.facts, seed=args.seed)
    rate = built.facts / max(built.seconds, 1e-9)
    print(f"run {built.run_id} → {db}: {_n(built.facts)} facts in {_n(built.documents)} sample documents, over "
          f"{_n(built.bodies_used)} bodies ({_n(built.bodies_added)} added), in {built.seconds:.1f} s "
          f"({_n(round(rate))} facts/s); file {_n(db.stat().st_size // 1_000_000)} MB")
    return 0
