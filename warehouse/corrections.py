"""Analysts' corrections: reject, correct, confirm or add a fact, each with who, when and why.

Corrections live in their own table and are applied by the views (facts_effective), so extracted values stay
untouched underneath and every chart, export and query sees corrected data. A correction of a figure applies
to every mention of it (every document that states it), and is tied to each mention's identity — document,
evidence span or spreadsheet row, extracted metric — so it survives re-extraction. Every write goes through
`write_session` (locked, private copy, published atomically), like an ETL run.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from etl.errors import PartybuildError
from etl.template import parse_amount, parse_period
from warehouse.access import User, require_editor
from warehouse.db import read_only
from warehouse.names import fold
from warehouse.publish import write_session

ACTIONS = ("reject", "correct", "confirm", "add")
CSV_COLUMNS = ["correction_id", "action", "fact_id", "doc_id", "metric_id", "start_offset", "end_offset",
               "source_row", "evidence", "new_metric", "new_body", "new_period", "new_value", "source",
               "made_by", "made_at", "reason"]


class CorrectionError(PartybuildError):
    """A correction that cannot be made as asked; the message says which field and why."""


@dataclass(frozen=True)
class Change:
    """What a 'correct' or 'add' sets; None leaves the extracted value."""

    metric: str | None = None
    body: str | None = None
    period: str | None = None
    value: str | None = None


def _one(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> Any:
    row = con.execute(sql, params).fetchone()
    return row[0] if row else None


def _metric(con: duckdb.DuckDBPyConnection, text: str) -> tuple[str, str, str]:
    for metric_id, name_vi, name_en, unit, unit_en in con.execute(
        "SELECT metric_id, name_vi, name_en, unit, unit_en FROM metrics"
    ).fetchall():
        if fold(text) in (fold(metric_id), fold(name_vi), fold(name_en)):
            return str(metric_id), str(unit), str(unit_en)
    known = ", ".join(r[0] for r in con.execute("SELECT metric_id FROM metrics ORDER BY 1").fetchall())
    raise CorrectionError(f"unknown metric '{text}'; use one of: {known}")


def _body(con: duckdb.DuckDBPyConnection, text: str) -> str:
    found = _one(con, "SELECT body_id FROM bodies WHERE body_id = ?", [text.strip()])
    if found is None:
        found = _one(con, "SELECT body_id FROM body_aliases WHERE alias = ? LIMIT 1", [fold(text)])
    if found is None:
        found = _one(con, "SELECT body_id FROM bodies WHERE lower(name) = ? LIMIT 1", [fold(text)])
    if found is None:
        raise CorrectionError(
            f"unknown body '{text}'; give a body_id or a name from v_bodies "
            "(partybuild query \"SELECT body_id, name FROM v_bodies WHERE name ILIKE '%…%'\")"
        )
    return str(found)


def _resolve_change(con: duckdb.DuckDBPyConnection, change: Change, current_metric: str | None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    metric_id, unit, unit_en = (None, "", "")
    if change.metric:
        metric_id, unit, unit_en = _metric(con, change.metric)
        out["new_metric_id"] = metric_id
    elif current_metric:
        metric_id, unit, unit_en = _metric(con, current_metric)
    if change.body:
        out["new_body_id"] = _body(con, change.body)
    if change.period:
        try:
            period = parse_period(change.period)
        except ValueError as exc:
            raise CorrectionError(f"period: {exc}") from exc
        out.update(new_period_start=period.start, new_period_end=period.end, new_period_label=period.label)
    if change.value is not None:
        try:
            out["new_value"] = parse_amount(change.value, money=unit == "VND", unit_name=unit_en)
        except ValueError as exc:
            raise CorrectionError(f"value: {exc}") from exc
    return out


def _mentions(con: duckdb.DuckDBPyConnection, fact_id: int) -> list[dict[str, Any]]:
    """Every extracted mention of the figure that `fact_id` (a v_facts or v_evidence id) belongs to."""
    ids = _one(con, "SELECT fact_ids FROM mat_figures WHERE fact_id = ? OR list_contains(fact_ids, ?) LIMIT 1",
               [fact_id, fact_id])
    ids = [i for i in (ids or [fact_id]) if i > 0]
    frame = con.execute(
        "SELECT fact_id, doc_id, extracted_metric_id AS metric_id, metric_id AS shown_metric_id, start_offset, "
        "end_offset, source_row, evidence, body_id, period_start, period_end, period_label, value "
        "FROM facts_effective WHERE list_contains(?, fact_id)", [ids]
    ).df()
    return frame.to_dict("records")  # type: ignore[return-value]


_NEW = ("new_metric_id", "new_body_id", "new_period_start", "new_period_end", "new_period_label", "new_value")


def _live_values(con: duckdb.DuckDBPyConnection, mention: dict[str, Any]) -> dict[str, Any]:
    """What the mention's live correction sets. A later confirm or correct replaces that correction, so it
    must carry these forward: confirming a corrected value keeps the corrected value, and correcting the
    period of a fact whose value was corrected keeps the corrected value."""
    row = con.execute(
        f"SELECT {', '.join(_NEW)} FROM corrections WHERE superseded_by IS NULL AND action <> 'add' "
        "AND doc_id = ? AND metric_id = ? AND start_offset IS NOT DISTINCT FROM ? "
        "AND end_offset IS NOT DISTINCT FROM ? AND source_row IS NOT DISTINCT FROM ?",
        [mention["doc_id"], mention["metric_id"], _clean(mention["start_offset"]),
         _clean(mention["end_offset"]), _clean(mention["source_row"])],
    ).fetchone()
    return {k: v for k, v in zip(_NEW, row or (), strict=False) if v is not None}


def _json(values: dict[str, Any]) -> str:
    return json.dumps(values, ensure_ascii=False, default=lambda v: v.isoformat() if isinstance(v, date) else str(v))


def _insert(con: duckdb.DuckDBPyConnection, row: dict[str, Any]) -> int:
    new_id = int(_one(con, "SELECT nextval('correction_id_seq')", []))
    row = {"correction_id": new_id, **row}
    if row["action"] != "add":
        con.execute(
            "UPDATE corrections SET superseded_by = ? WHERE superseded_by IS NULL AND action <> 'add' "
            "AND doc_id = ? AND metric_id = ? AND start_offset IS NOT DISTINCT FROM ? "
            "AND end_offset IS NOT DISTINCT FROM ? AND source_row IS NOT DISTINCT FROM ?",
            [new_id, row["doc_id"], row["metric_id"], row.get("start_offset"), row.get("end_offset"),
             row.get("source_row")],
        )
    columns = list(row)
    con.execute(
        f"INSERT INTO corrections ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
        [row[c] for c in columns],
    )
    return new_id


def _clean(value: Any) -> Any:
    return None if value is None or (isinstance(value, float) and pd.isna(value)) else value


def review(
    db: Path, fact_id: int, action: str, *, by: str, reason: str, change: Change | None = None
) -> list[int]:
    """Reject, correct or confirm the figure behind `fact_id`; returns the new correction ids."""
    if action not in ("reject", "correct", "confirm"):
        raise CorrectionError(f"action must be reject, correct or confirm, not '{action}'")
    if not by.strip():
        raise CorrectionError("a correction needs the name of the person who makes it")
    if not reason.strip():
        raise CorrectionError("a correction needs a reason")
    change = change or Change()
    if action == "correct" and change == Change():
        raise CorrectionError("a correction must change at least one of metric, body, period or value")
    made = []
    with write_session(db) as con:
        mentions = _mentions(con, fact_id)
        additions = _additions(con, fact_id)
        if not mentions and not additions:
            raise CorrectionError(f"no fact {fact_id} in the warehouse (see v_facts.fact_id)")
        shown_metric = str(mentions[0]["shown_metric_id"] if mentions else additions[0]["new_metric_id"])
        values = _resolve_change(con, change, shown_metric) if action == "correct" else {}
        for a in additions:
            made.append(_review_addition(con, a, action, values, by=by.strip(), reason=reason.strip()))
        for m in mentions:
            before = {k: _clean(m[k]) for k in ("body_id", "period_start", "period_end", "value")}
            before["metric_id"] = m["shown_metric_id"]
            after = dict(before)
            after.update({k.replace("new_", ""): v for k, v in values.items() if k != "new_period_label"})
            kept = {} if action == "reject" else {**_live_values(con, m), **values}
            made.append(_insert(con, {
                "action": action, "doc_id": m["doc_id"], "metric_id": m["metric_id"],
                "start_offset": _clean(m["start_offset"]), "end_offset": _clean(m["end_offset"]),
                "source_row": _clean(m["source_row"]), "evidence": _clean(m["evidence"]), **kept,
                "before_json": _json(before), "after_json": _json(after if action != "reject" else {}),
                "made_by": by.strip(), "reason": reason.strip(),
            }))
    return made


def _additions(con: duckdb.DuckDBPyConnection, fact_id: int) -> list[dict[str, Any]]:
    """The live 'add' corrections among the figure's facts (an added fact's id is minus its correction id)."""
    ids = _one(con, "SELECT fact_ids FROM mat_figures WHERE fact_id = ? OR list_contains(fact_ids, ?) LIMIT 1",
               [fact_id, fact_id])
    wanted = [-i for i in (ids or [fact_id]) if i < 0]
    if not wanted:
        return []
    frame = con.execute(
        "SELECT * FROM corrections WHERE action = 'add' AND superseded_by IS NULL "
        "AND list_contains(?, correction_id)", [wanted]).df()
    return [{str(k): _clean(v) for k, v in r.items()} for r in frame.to_dict("records")]


def _review_addition(con: duckdb.DuckDBPyConnection, added: dict[str, Any], action: str, values: dict[str, Any],
                     *, by: str, reason: str) -> int:
    """Review a fact a person added. It has no extracted mention, so a rejection or a correction replaces the
    addition itself (superseding it: the old one stays in the audit trail); a confirmation is recorded
    against it."""
    before = {k.replace("new_", ""): added.get(k) for k in ("new_metric_id", "new_body_id", "new_period_start",
                                                             "new_period_end", "new_value")}
    identity = {"doc_id": f"correction:{added['correction_id']}", "metric_id": added["new_metric_id"],
                "evidence": added.get("source")}
    if action == "correct":
        merged = {k: added.get(k) for k in _NEW} | values
        after = {k.replace("new_", ""): merged.get(k) for k in ("new_metric_id", "new_body_id",
                                                                 "new_period_start", "new_period_end",
                                                                 "new_value")}
        new_id = _insert(con, {"action": "add", **merged, "source": added.get("source"), "made_by": by,
                               "reason": reason, "before_json": _json(before), "after_json": _json(after)})
    else:
        new_id = _insert(con, {"action": action, **identity, "made_by": by, "reason": reason,
                               "before_json": _json(before),
                               "after_json": _json({} if action == "reject" else before)})
    if action != "confirm":
        con.execute("UPDATE corrections SET superseded_by = ? WHERE correction_id = ?",
                    [new_id, added["correction_id"]])
    return new_id


def add_fact(db: Path, change: Change, *, source: str, by: str, reason: str) -> int:
    """A fact the extractor missed, with where it comes from."""
    if not (change.metric and change.body and change.period and change.value is not None):
        raise CorrectionError("adding a fact needs metric, body, period and value")
    if not source.strip():
        raise CorrectionError("adding a fact needs its source (document, URL or page)")
    if not by.strip() or not reason.strip():
        raise CorrectionError("a correction needs who makes it and why")
    with write_session(db) as con:
        values = _resolve_change(con, change, None)
        return _insert(con, {"action": "add", **values, "source": source.strip(), "made_by": by.strip(),
                             "reason": reason.strip(), "after_json": _json(values)})


def audit(db: Path) -> pd.DataFrame:
    with read_only(db) as con:
        return con.execute("SELECT * FROM v_corrections ORDER BY correction_id DESC").df()


def orphans(db: Path) -> pd.DataFrame:
    with read_only(db) as con:
        return con.execute("SELECT * FROM v_corrections WHERE orphaned ORDER BY correction_id").df()


def queue(db: Path, limit: int = 50) -> pd.DataFrame:
    with read_only(db) as con:
        return con.execute("SELECT * FROM v_review_queue LIMIT ?", [limit]).df()


def history(db: Path, fact_id: int) -> pd.DataFrame:
    """The audit trail of one fact (a v_facts or v_evidence id), newest first: every correction of any of its
    mentions, or the addition that created it, with who, when, why and the fact before and after."""
    with read_only(db) as con:
        ids = _one(con, "SELECT fact_ids FROM mat_figures WHERE fact_id = ? OR list_contains(fact_ids, ?) "
                        "LIMIT 1", [fact_id, fact_id])
        ids = list(ids or [fact_id])
        # An added fact's trail: its addition, the additions it replaced, and the reviews made against them.
        return con.execute(
            "WITH RECURSIVE chain(id) AS (SELECT -unnest(list_filter(?::BIGINT[], lambda x: x < 0)) "
            " UNION SELECT c.correction_id FROM corrections c JOIN chain ON c.superseded_by = chain.id "
            " WHERE c.action = 'add') "
            "SELECT v.correction_id, v.action, v.made_by, v.made_at, v.reason, v.before_json, v.after_json, "
            "v.source, v.live FROM v_corrections v JOIN corrections c USING (correction_id) "
            "WHERE c.correction_id IN (SELECT id FROM chain) "
            "OR c.doc_id IN (SELECT 'correction:' || id FROM chain) "
            "OR (c.action <> 'add' AND EXISTS (SELECT 1 FROM facts f WHERE list_contains(?, f.fact_id) "
            "AND f.doc_id = c.doc_id AND f.metric_id = c.metric_id "
            "AND f.start_offset IS NOT DISTINCT FROM c.start_offset "
            "AND f.end_offset IS NOT DISTINCT FROM c.end_offset "
            "AND f.source_row IS NOT DISTINCT FROM c.source_row)) "
            "ORDER BY v.made_at DESC, v.correction_id DESC", [ids, ids]
        ).df()


def export_csv(db: Path, path: Path) -> int:
    """Live corrections as CSV, for a department to review offline and import back."""
    with read_only(db) as con:
        frame = con.execute(
            "SELECT c.correction_id, c.action, e.fact_id, c.doc_id, c.metric_id, c.start_offset, c.end_offset, "
            "c.source_row, c.evidence, c.new_metric_id AS new_metric, c.new_body_id AS new_body, "
            "CASE WHEN c.new_period_start IS NULL THEN NULL "
            "     ELSE strftime(c.new_period_start, '%Y-%m-%d') || '/' || strftime(c.new_period_end, '%Y-%m-%d') "
            "END AS new_period, "
            "CAST(c.new_value AS VARCHAR) AS new_value, c.source, c.made_by, c.made_at, c.reason "
            "FROM corrections c LEFT JOIN facts e ON e.doc_id = c.doc_id AND e.metric_id = c.metric_id "
            "AND e.start_offset IS NOT DISTINCT FROM c.start_offset AND e.end_offset IS NOT DISTINCT FROM c.end_offset "
            "AND e.source_row IS NOT DISTINCT FROM c.source_row "
            "WHERE c.superseded_by IS NULL ORDER BY c.correction_id"
        ).df()
    frame.to_csv(path, index=False, columns=CSV_COLUMNS)
    return len(frame)


def import_csv(db: Path, path: Path, *, by: str | None = None) -> tuple[int, list[str]]:
    """Corrections from CSV (the export's columns). Rows with a correction_id already present are skipped;
    each bad row is reported with its number; the good rows are imported in one publish."""
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    missing = [c for c in ("action", "reason") if rows and c not in rows[0]]
    if missing:
        raise CorrectionError(f"{path}: the header lacks {', '.join(missing)}; use the columns of `review export`")
    problems: list[str] = []
    imported = 0
    with write_session(db) as con:
        existing = {int(r[0]) for r in con.execute("SELECT correction_id FROM corrections").fetchall()}
        for n, row in enumerate(rows, start=2):
            try:
                if row.get("correction_id") and int(row["correction_id"]) in existing:
                    continue
                action = (row.get("action") or "").strip()
                who = (row.get("made_by") or by or "").strip()
                reason = (row.get("reason") or "").strip()
                if action not in ACTIONS:
                    raise CorrectionError(f"action must be one of {', '.join(ACTIONS)}, not '{action}'")
                if not who or not reason:
                    raise CorrectionError("made_by and reason are required")
                change = Change(metric=row.get("new_metric") or None, body=row.get("new_body") or None,
                                period=row.get("new_period") or None, value=row.get("new_value") or None)
                if action == "add":
                    values = _resolve_change(con, change, None)
                    _insert(con, {"action": "add", **values, "source": row.get("source") or str(path),
                                  "made_by": who, "reason": reason, "after_json": _json(values)})
                else:
                    if not row.get("doc_id") or not row.get("metric_id"):
                        raise CorrectionError("doc_id and metric_id identify the fact and are required")
                    values = _resolve_change(con, change, row["metric_id"]) if action != "reject" else {}
                    _insert(con, {
                        "action": action, "doc_id": row["doc_id"], "metric_id": row["metric_id"],
                        "start_offset": int(row["start_offset"]) if row.get("start_offset") else None,
                        "end_offset": int(row["end_offset"]) if row.get("end_offset") else None,
                        "source_row": int(row["source_row"]) if row.get("source_row") else None,
                        "evidence": row.get("evidence") or None, **values, "made_by": who, "reason": reason,
                    })
                imported += 1
            except (CorrectionError, ValueError) as exc:
                problems.append(f"{path}, row {n}: {exc}")
    return imported, problems


def review_as(user: User | None, db: Path, fact_id: int, action: str, *, reason: str,
              change: Change | None = None) -> list[int]:
    """The dashboard's entry point: the signed-in user's role is checked here, on the server, so an edit
    forged by a viewer (or sent without sign-in) is refused whatever the page showed."""
    editor = require_editor(user)
    return review(db, fact_id, action, by=editor.name, reason=reason, change=change)


def add_fact_as(user: User | None, db: Path, change: Change, *, source: str, reason: str) -> int:
    editor = require_editor(user)
    return add_fact(db, change, source=source, by=editor.name, reason=reason)
