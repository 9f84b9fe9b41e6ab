"""Documents → fact records: the spreadsheet template, a .jsonl of facts, or prose through the extractor.

Pure functions of one document (no warehouse, nor pandas or DuckDB imported), so a run can call them in worker
processes. Bad rows are
reported on the `report` given (file, row, reason) and the other rows still load.
"""

from __future__ import annotations

from datetime import date

from etl.records import FactRecord, RunReport, record_error
from etl.sources.base import SourceDocument
from etl.template import parse_amount, parse_period
from warehouse.names import fold


class MetricLookup:
    """A metric by its id, its Vietnamese or English name, or any name listed in the catalogue."""

    def __init__(self) -> None:
        # warehouse.refdata brings pandas and DuckDB, which a worker process otherwise never needs
        from warehouse.refdata import load_metric_catalogue

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
