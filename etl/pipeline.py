"""A run: discover → read → extract → load → check → publish. One record per run, whatever happens.

Bad inputs and bad rows are reported (file, row, reason) and the run goes on; a broken warehouse stops the
run and nothing is published. A run that could do nothing with any input still records itself.

Incremental: a file whose (path, size, mtime) match the last run is not even read; a file whose stat
changed is read and compared by the hash of its normalised content; a new version of a known path
replaces the facts of the old one. `reprocess=True` forgets every document and extracts all again.
"""

from __future__ import annotations

import functools
import importlib.metadata
import logging
import os
from collections.abc import Callable, Iterable
from datetime import date, datetime
from pathlib import Path

import duckdb

from etl.errors import InputError, PartybuildError, RunInProgressError
from etl.load import BodyResolver, FileStat, LoadBatch, check_quality, finish_run, record_error, start_run
from etl.records import FactRecord, RunReport
from etl.sources import discover, reader_for
from etl.sources.base import SourceDocument, max_input_bytes
from etl.template import parse_amount, parse_period
from warehouse.names import fold
from warehouse.publish import write_session
from warehouse.refdata import load_metric_catalogue

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]


class MetricLookup:
    """A metric by its id, its Vietnamese or English name, or any name listed in the catalogue."""

    def __init__(self) -> None:
        self.metrics = {m["id"]: m for m in load_metric_catalogue()}
        self.names: dict[str, str] = {}
        for m in self.metrics.values():
            for name in [m["id"], m["name_vi"], m["name_en"], *m.get("names", [])]:
                self.names[fold(str(name))] = m["id"]

    def find(self, text: str) -> str | None:
        return self.names.get(fold(text))

    def help(self) -> str:
        return ", ".join(f"{m['id']} ({m['name_vi']})" for m in self.metrics.values())


def template_facts(doc: SourceDocument, report: RunReport, metrics: MetricLookup) -> list[FactRecord]:
    """Template rows → facts; each bad row is reported with its number and the other rows still load."""
    facts = []
    for row in doc.rows or []:
        c = row.cells
        problems = []
        body = c.get("body", "").strip()
        if not body:
            problems.append("the body is empty")
        metric_id = metrics.find(c.get("metric", "")) if c.get("metric", "").strip() else None
        if not c.get("metric", "").strip():
            problems.append("the metric is empty")
        elif metric_id is None:
            problems.append(f"unknown metric '{c['metric']}'; use one of: {metrics.help()}")
        period = None
        try:
            period = parse_period(c.get("period", ""))
        except ValueError as exc:
            problems.append(str(exc))
        value = None
        if metric_id:
            m = metrics.metrics[metric_id]
            try:
                value = parse_amount(c.get("value", ""), c.get("unit", ""), money=m["unit"] == "VND",
                                     unit_name=m["unit_en"])
            except ValueError as exc:
                problems.append(str(exc))
        if problems or metric_id is None or period is None or value is None:
            report.rows_rejected += 1
            record_error(report, str(doc.path), "parse", "; ".join(problems), row.row_no)
            continue
        evidence = " · ".join(x for x in (
            f"{body} | {c.get('metric')} | {c.get('period')} | {c.get('value')} {c.get('unit', '')}".strip(),
            c.get("source", ""), c.get("note", "")) if x)
        facts.append(FactRecord(
            metric_id=metric_id, body_name=body, value=value, period_start=period.start,
            period_end=period.end, period_label=period.label, raw_value=c.get("value"),
            evidence=evidence, source_row=row.row_no, confidence=1.0, extractor="template-1",
        ))
    return facts


def jsonl_facts(doc: SourceDocument, report: RunReport, metrics: MetricLookup) -> list[FactRecord]:
    """Lines of a .jsonl of facts → facts; each bad line is reported by number, the others still load."""
    facts = []
    for row in doc.rows or []:
        c = row.cells
        problems = [c["_error"]] if "_error" in c else []
        missing = [k for k in ("metric", "value", "body", "period_start") if not c.get(k, "").strip()]
        if missing and not problems:
            problems.append(f"the line lacks {', '.join(missing)}")
        metric_id = metrics.find(c.get("metric", "")) if c.get("metric", "").strip() else None
        if c.get("metric", "").strip() and metric_id is None:
            problems.append(f"unknown metric '{c['metric']}'; use one of: {metrics.help()}")
        value = None
        try:
            number = float(c.get("value", ""))
            if number < 0 or not number.is_integer():
                raise ValueError
            value = int(number)
        except ValueError:
            if c.get("value", "").strip():
                problems.append(f"value '{c.get('value')}' is not a whole number ≥ 0")
        start = end = None
        try:
            start = date.fromisoformat(c.get("period_start", "")[:10]) if c.get("period_start") else None
            end = date.fromisoformat(c.get("period_end", "")[:10]) if c.get("period_end") else start
        except ValueError:
            problems.append("period_start and period_end must be dates written YYYY-MM-DD")
        if start and end and end < start:
            problems.append("period_end is before period_start")
        if problems or metric_id is None or value is None or start is None or end is None:
            report.rows_rejected += 1
            record_error(report, str(doc.path), "parse", "; ".join(problems) or "incomplete line", row.row_no)
            continue
        label = c.get("period_label") or (start.isoformat() if start == end else f"{start}–{end}")
        facts.append(FactRecord(
            metric_id=metric_id, body_name=c["body"].strip(), body_id=c.get("body_id") or None,
            province=c.get("province") or None, value=value, period_start=start, period_end=end,
            period_label=label, qualifier=c.get("qualifier") or "exact", raw_value=c.get("value"),
            evidence=c.get("evidence") or None, source_row=row.row_no, confidence=1.0,
            extractor=c.get("extractor") or "jsonl-1",
        ))
    return facts


def prose_facts(doc: SourceDocument) -> list[FactRecord]:
    from etl.extract import extract_document  # the extractor is heavy to import; only prose needs it

    found = extract_document(doc.text or "", published=doc.published, outlet=doc.outlet, title=doc.title)
    return [
        FactRecord(
            metric_id=f.metric, body_name=f.body, body_id=f.body_id, province=f.province,
            body_verified=f.body_verified, value=f.value, period_start=f.period_start,
            period_end=f.period_end, period_label=f.period_label, qualifier=f.qualifier,
            target_pct=f.target_pct, raw_value=f.raw_value, evidence=f.evidence, start_offset=f.start,
            end_offset=f.end, confidence=f.confidence, extractor=f.extractor,
        )
        for f in found
    ]


def run(
    paths: Iterable[str | Path], db: Path, *, reprocess: bool = False, progress: Progress | None = None,
    max_input_mb: float | None = None, keep_deleted: bool = False,
) -> RunReport:
    """Load files and folders into the warehouse at `db`; all of the run is published, or none of it.

    A file loaded before from one of the folders given and now deleted takes its document and facts with it
    (reported as documents_removed), unless `keep_deleted`. A run that fails as a whole still records itself
    in etl_runs with the reason, in a publish of its own.

    Ví dụ: ``run(["bai-viet/"], Path("data/partybuild.duckdb"))`` reads bai-viet/ recursively.
    """
    inputs = [str(p) for p in paths]
    report = RunReport(db_path=str(db), inputs=inputs, started_at=datetime.now())
    limit = int(max_input_mb * 1048576) if max_input_mb is not None else max_input_bytes()
    files, skipped = discover(inputs)
    for path, reason in skipped:
        report.documents_rejected += 1
        record_error(report, str(path), "discover", reason)
    roots = [os.path.abspath(p) for p in inputs if os.path.isdir(p)]
    metrics = MetricLookup()
    version = _code_version()
    try:
        with write_session(db) as con:
            run_id = start_run(con, report)
            bodies = BodyResolver(con)
            if reprocess:
                report.facts_removed += _clear_documents(con)
            batch = LoadBatch(con)
            present: set[str] = set()
            for i, name in enumerate(files, 1):
                if progress:
                    progress(i, len(files), name)
                report.documents_seen += 1
                present.add(_load_one(name, report, batch, bodies, metrics, run_id, limit,
                                      version=None if reprocess else version))
            if not keep_deleted:
                report.removed_paths, report.documents_removed, removed = batch.forget_missing(present, roots)
                report.facts_removed += removed
            batch.write(bodies)
            loaded = report.documents_new + report.documents_changed + report.documents_unchanged
            if report.errors:
                report.status = "partial" if loaded or report.facts_added else "failed"
            elif report.documents_seen == 0 and not report.documents_removed:
                report.status = "failed"
                record_error(report, " ".join(inputs) or "(no input)", "discover", "no input files were found")
            check_quality(con)
            finish_run(con, report)
    except RunInProgressError:
        raise  # another run holds the warehouse: nothing of ours to record
    except PartybuildError as exc:
        report.status, report.failure = "failed", str(exc)
        _record_failure(db, report)
        raise
    return report


def _record_failure(db: Path, report: RunReport) -> None:
    """A run that published nothing still leaves its row (status failed, the reason) in the history."""
    report.documents_new = report.documents_changed = report.documents_removed = 0
    report.facts_added = report.facts_removed = 0  # none of it was published
    try:
        with write_session(db) as con:
            start_run(con, report)
            finish_run(con, report)
    except Exception:  # the warehouse itself may be what failed; the caller reports the first error
        log.warning("could not record the failed run in %s", db, exc_info=True)


def _load_one(name: str, report: RunReport, batch: LoadBatch, bodies: BodyResolver, metrics: MetricLookup,
              run_id: int, limit: int, *, version: str | None) -> str:
    """One file through read → extract → batch; a bad file is recorded and never stops the run.

    Returns the file's absolute path. `version` (None with --reprocess) lets a file rejected before by the
    same code, and unchanged since, be reported again without being read again.
    """
    abspath = os.path.abspath(name)
    try:
        st = os.stat(name)
    except OSError as exc:
        _reject(report, Path(name), "read", f"cannot be read: {exc.strerror or exc}")
        return abspath
    stat = FileStat(abspath, st.st_size, st.st_mtime_ns)
    if batch.unchanged_stat(stat):
        report.documents_unchanged += 1
        return abspath
    path = Path(name)
    if st.st_size > limit:
        _reject(report, path, "read", f"the file is {st.st_size / 1048576:.1f} MB, over the "
                f"{limit / 1048576:.0f} MB limit; split it, or raise the limit with --max-input-mb")
        return abspath
    known = batch.known_rejection(stat, version) if version else None
    if known:
        stage, message, row, when = known
        _reject(report, path, stage, f"{message} (unchanged since run {when}, not read again)", row)
        return abspath

    def reject(stage: str, message: str, row: int | None = None, where: Path = path) -> str:
        _reject(report, where, stage, message, row)
        if os.access(path, os.R_OK):  # a permission problem is fixed without touching mtime: retry those
            batch.reject(stat, _code_version(), stage, message, row, run_id)
        return abspath

    reader = reader_for(path)
    assert reader is not None
    try:
        doc = reader(path)
    except InputError as exc:
        return reject("read", exc.message, exc.row, Path(exc.path))
    except Exception as exc:  # a reader bug or a hostile file must not stop the run
        return reject("read", f"cannot be read ({type(exc).__name__}: {exc})")
    state, replaces = batch.state(doc, stat)
    if state == "unchanged":
        report.documents_unchanged += 1
        batch.remember(stat, doc.content_hash, run_id)
        return abspath
    extractor = None
    try:
        if doc.kind == "spreadsheet":
            facts, extractor = template_facts(doc, report, metrics), "template-1"
        elif doc.kind == "jsonl":
            facts, extractor = jsonl_facts(doc, report, metrics), "jsonl-1"
        else:
            facts = prose_facts(doc)
            extractor = _extractor_version()
    except PartybuildError as exc:
        return reject("extract", str(exc))
    except Exception as exc:
        return reject("extract", f"the extractor failed ({type(exc).__name__}: {exc}); please report this file")
    if doc.kind in ("spreadsheet", "jsonl") and not facts:
        # Every row was bad: keep whatever an older version of this file loaded.
        return reject("parse", "no row of the file could be loaded")
    if replaces:
        report.facts_removed += batch.remove(replaces, stat.path)
        report.documents_changed += 1
    else:
        report.documents_new += 1
    report.facts_added += batch.add(doc, facts, run_id, bodies, extractor)
    batch.remember(stat, doc.content_hash, run_id)
    return abspath


def _reject(report: RunReport, path: Path, stage: str, message: str, row: int | None = None) -> None:
    report.documents_rejected += 1
    record_error(report, str(path), stage, message, row)


@functools.cache
def _code_version() -> str:
    """What a rejection is valid for: this release of partybuild and its extractor."""
    try:
        release = importlib.metadata.version("partybuild")
    except importlib.metadata.PackageNotFoundError:
        release = "dev"
    return f"{release}/{_extractor_version()}"


def _extractor_version() -> str | None:
    from etl import extract

    version = getattr(extract, "EXTRACTOR_VERSION", None)
    return str(version) if version else None


def _clear_documents(con: duckdb.DuckDBPyConnection) -> int:
    """--reprocess: forget every document and file so each is read and extracted again."""
    row = con.execute("SELECT count(*) FROM facts").fetchone()
    con.execute("DELETE FROM facts")
    con.execute("DELETE FROM document_files")
    con.execute("DELETE FROM documents")
    return int(row[0]) if row else 0
