"""`partybuild extract PATH...`: print the facts found in articles, one JSON object per fact."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

SUFFIXES = (".txt", ".md")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "extract", help="print the figures found in articles (no database needed)",
        description="Read Vietnamese articles (.txt, .md; folders are read recursively) and print one fact "
        "per line: metric, value, body, period, evidence and offsets.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    p.add_argument("--format", choices=("jsonl", "table"), default="jsonl", help="output format (default jsonl)")
    p.add_argument("--published", type=_iso_date, metavar="YYYY-MM-DD",
                   help="publication date (default: the dateline found in each article)")
    p.add_argument("--outlet", metavar="NAME", help="the outlet, e.g. 'Báo Tây Ninh' (default: detected)")
    p.set_defaults(func=run)


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write it as YYYY-MM-DD") from exc


def _inputs(paths: list[str]) -> tuple[list[tuple[str, Path]], list[str]]:
    files: list[tuple[str, Path]] = []
    problems: list[str] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            if not found:
                problems.append(f"{given}: no .txt or .md files in this folder")
            files += [(str(p), p) for p in found]
        elif path.is_file():
            files.append((given, path))
        else:
            problems.append(f"{given}: no such file or folder")
    return files, problems


def _read(path: Path) -> str:
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        raise ValueError("it looks binary (contains NUL bytes); give a UTF-8 text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 (byte {exc.start}); save it as UTF-8") from exc


def run(args: argparse.Namespace) -> int:
    from etl.extract import extract_document, fact_to_json

    files, problems = _inputs(args.paths)
    rows: list[dict[str, object]] = []
    read_ok = 0
    for shown, path in files:
        try:
            text = _read(path)
        except (OSError, ValueError) as exc:
            problems.append(f"{shown}: cannot be read: {exc}")
            continue
        read_ok += 1
        for fact in extract_document(text, published=args.published, outlet=args.outlet):
            row = fact_to_json(fact, shown)
            if args.format == "jsonl":
                print(json.dumps(row, ensure_ascii=False))
            rows.append(row)
    if args.format == "table":
        print(format_table(rows))
    for msg in problems:
        print(f"partybuild extract: {msg}", file=sys.stderr)
    if read_ok == 0:
        return 1
    return 2 if problems else 0


COLUMNS = ("source", "metric", "value", "qualifier", "body", "period_start", "period_end", "evidence")


def format_table(rows: list[dict[str, object]]) -> str:
    """An aligned plain-text table of facts (long cells are shortened)."""
    if not rows:
        return "(no facts found)"
    cells = [[_cell(r.get(c)) for c in COLUMNS] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(COLUMNS)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(COLUMNS, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for row in cells:
        lines.append("  ".join(v.rjust(w) if i == 2 else v.ljust(w) for i, (v, w) in enumerate(zip(row, widths, strict=True))).rstrip())
    return "\n".join(lines)


def _cell(value: object, limit: int = 48) -> str:
    if value is None:
        return ""
    if isinstance(value, int) and not isinstance(value, bool):
        text = f"{value:,}".replace(",", ".")
    else:
        text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
