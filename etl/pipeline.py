"""A run: discover → read → extract → load → check → publish. One record per run, whatever happens.

Bad inputs and bad rows are reported (file, row, reason) and the run goes on; a broken warehouse stops the
run and nothing is published. A run that could do nothing with any input still records itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path

import duckdb

from etl.errors import InputError, PartybuildError
from etl.load import (
    BodyResolver, check_quality, document_state, finish_run, insert_document, insert_facts, record_error,
    remove_document, start_run,
)
from etl.records import FactRecord, RunReport
from etl.sources import discover, reader_for
from etl.sources.base import SourceDocument
from etl.template import parse_amount, parse_period
from warehouse.publish import write_session
from warehouse.refdata import load_metric_catalogue
from warehouse.names import fold

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
    paths: Iterable[str | Path], db: Path, *, reprocess: bool = False, progress: Progress | None = None
) -> RunReport:
    inputs = [str(p) for p in paths]
    report = RunReport(db_path=str(db), inputs=inputs, started_at=datetime.now())
    files, skipped = discover(inputs)
    for path, reason in skipped:
        report.documents_rejected += 1
        record_error(report, str(path), "discover", reason)
    metrics = MetricLookup()
    with write_session(db) as con:
        run_id = start_run(con, report)
        bodies = BodyResolver(con)
        if reprocess:
            report.facts_removed += _clear_documents(con)
        for i, path in enumerate(files, 1):
            if progress:
                progress(i, len(files), str(path))
            report.documents_seen += 1
            reader = reader_for(path)
            assert reader is not None
            try:
                doc = reader(path)
            except InputError as exc:
                report.documents_rejected += 1
                record_error(report, exc.path, "read", exc.message, exc.row)
                continue
            except (OSError, ValueError) as exc:
                report.documents_rejected += 1
                record_error(report, str(path), "read", f"cannot be read: {exc}")
                continue
            state, replaces = document_state(con, doc)
            if state == "unchanged":
                report.documents_unchanged += 1
                continue
            try:
                facts = template_facts(doc, report, metrics) if doc.kind == "spreadsheet" else prose_facts(doc)
            except PartybuildError as exc:
                report.documents_rejected += 1
                record_error(report, str(path), "extract", str(exc))
                continue
            if doc.kind == "spreadsheet" and not facts:
                # Every row was bad: keep whatever an older version of this file loaded.
                report.documents_rejected += 1
                record_error(report, str(path), "parse", "no row of the spreadsheet could be loaded")
                continue
            if replaces:
                report.facts_removed += remove_document(con, replaces)
                report.documents_changed += 1
            else:
                report.documents_new += 1
            insert_document(con, doc, run_id)
            report.facts_added += insert_facts(con, doc.content_hash, facts, run_id, bodies)
        loaded = report.documents_new + report.documents_changed + report.documents_unchanged
        if report.errors:
            report.status = "partial" if loaded or report.facts_added else "failed"
        elif report.documents_seen == 0:
            report.status = "failed"
            record_error(report, " ".join(inputs) or "(no input)", "discover", "no input files were found")
        check_quality(con)
        finish_run(con, report)
    return report


def _clear_documents(con: duckdb.DuckDBPyConnection) -> int:
    """--reprocess: forget every document so each is read and extracted again."""
    row = con.execute("SELECT count(*) FROM facts").fetchone()
    con.execute("DELETE FROM facts")
    con.execute("DELETE FROM documents")
    return int(row[0]) if row else 0
