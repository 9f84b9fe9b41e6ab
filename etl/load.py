"""Facts → warehouse: bulk inserts (Arrow tables or DataFrames, never row by row) into the run's private copy.

Everything here runs inside `warehouse.publish.write_session`, so either all of a run is published or none.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from etl.errors import WarehouseError
from etl.records import FACT_ROW_FIELDS, DocumentInfo, FactRow, RunReport
from warehouse import build_state
from warehouse.names import fold, slug, tidy

FACT_COLUMNS = [
    "doc_id", "metric_id", "body_id", "period_start", "period_end", "period_label", "value", "qualifier",
    "target_pct", "raw_value", "evidence", "start_offset", "end_offset", "source_row", "confidence",
    "extractor", "run_id",
]

_LEVEL_HINTS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\bkhối\b.*\b(trung ương|tw)\b"), "central_bloc"),
    (re.compile(r"\bkhối\b"), "provincial_bloc"),
    (re.compile(r"\b(huyện|quận|thị xã|thị ủy|huyện ủy|quận ủy)\b"), "district"),
    (re.compile(r"\b(xã|phường|thị trấn|chi bộ|đặc khu)\b"), "grassroots"),
    (re.compile(r"\b(tỉnh|tỉnh ủy|thành ủy|thành phố)\b"), "province"),
    (re.compile(r"\b(trung ương|tw)\b"), "centre"),
]


def guess_level(name: str) -> str:
    folded = fold(name)
    for pattern, level in _LEVEL_HINTS:
        if pattern.search(folded):
            return level
    return "agency"


def next_run_id(con: duckdb.DuckDBPyConnection) -> int:
    row = con.execute("SELECT coalesce(max(run_id), 0) + 1 FROM etl_runs").fetchone()
    return int(row[0]) if row else 1


def start_run(con: duckdb.DuckDBPyConnection, report: RunReport) -> int:
    run_id = next_run_id(con)
    report.run_id = run_id
    report.started_at = report.started_at or datetime.now()
    con.execute(
        "INSERT INTO etl_runs (run_id, started_at, status, inputs) VALUES (?, ?, 'running', ?)",
        [run_id, report.started_at, " ".join(report.inputs)],
    )
    return run_id


def finish_run(con: duckdb.DuckDBPyConnection, report: RunReport) -> None:
    report.finished_at = datetime.now()
    con.execute(
        "UPDATE etl_runs SET finished_at = ?, status = ?, documents_seen = ?, documents_new = ?, "
        "documents_changed = ?, documents_unchanged = ?, documents_rejected = ?, rows_rejected = ?, "
        "facts_added = ?, facts_removed = ?, documents_removed = ?, failure = ? WHERE run_id = ?",
        [report.finished_at, report.status, report.documents_seen, report.documents_new,
         report.documents_changed, report.documents_unchanged, report.documents_rejected,
         report.rows_rejected, report.facts_added, report.facts_removed, report.documents_removed,
         report.failure, report.run_id],
    )
    if report.errors:
        frame = pd.DataFrame(
            [{"run_id": report.run_id, "path": e.path, "row_no": e.row_no, "stage": e.stage,
              "message": e.message} for e in report.errors]
        )
        frame["row_no"] = frame["row_no"].astype("Int64")
        con.register("run_errors", frame)
        con.execute("INSERT INTO etl_errors SELECT run_id, path, row_no, stage, message FROM run_errors")
        con.unregister("run_errors")


class BodyResolver:
    """Body names → ids through the registry's names and aliases; unknown names become unverified bodies."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        self.pending_bodies: list[dict[str, str | None]] = []
        self.pending_aliases: list[dict[str, str]] = []
        self.folded: dict[str, str] = {}  # fold() of each name met: a run meets the same few hundred names often
        self.by_alias: dict[str, str] = {}
        self.known_ids: set[str] = set()
        self.province_keys: list[tuple[str, str]] = []
        self.loaded = False  # the registry is read on the first name to resolve: a run with no new facts has none

    def _load(self) -> None:
        con = self.con
        rows = con.execute("SELECT alias, body_id FROM body_aliases").fetchall()
        self.by_alias = {str(a): str(b) for a, b in rows}
        for body_id, name in con.execute("SELECT body_id, name FROM bodies").fetchall():
            self.by_alias.setdefault(fold(str(name)), str(body_id))
        self.known_ids = {str(r[0]) for r in con.execute("SELECT body_id FROM bodies").fetchall()}
        provinces = [
            str(r[0]) for r in con.execute(
                "SELECT DISTINCT province FROM bodies WHERE province IS NOT NULL ORDER BY length(province) DESC"
            ).fetchall()
        ]
        self.province_keys = [(p, fold(p)) for p in provinces]  # longest first, as the guess needs
        self.loaded = True

    def resolve(self, name: str, body_id: str | None = None, province: str | None = None) -> str:
        if not self.loaded:
            self._load()
        if body_id and body_id in self.known_ids:
            return body_id
        key = self.folded.get(name)
        if key is None:
            key = self.folded[name] = fold(name)
        found = self.by_alias.get(key)
        if found is not None:
            return found
        new_id = body_id or slug(name)
        if new_id not in self.known_ids:
            province = province or next((p for p, folded in self.province_keys if folded in key), None)
            self.pending_bodies.append({"body_id": new_id, "name": tidy(name), "level": guess_level(name),
                                        "province": province})
            self.pending_aliases.append({"alias": key, "body_id": new_id})
            self.known_ids.add(new_id)
        self.by_alias[key] = new_id
        return new_id

    def flush(self) -> None:
        """Insert the bodies first met since the last flush, in two bulk statements."""
        if self.pending_bodies:
            frame = pd.DataFrame(self.pending_bodies, columns=["body_id", "name", "level", "province"])
            self.con.register("new_bodies", frame)
            try:
                self.con.execute("INSERT INTO bodies (body_id, name, level, province, verified) "
                                 "SELECT body_id, name, level, province, FALSE FROM new_bodies")
            finally:
                self.con.unregister("new_bodies")
        if self.pending_aliases:
            self.con.register("new_aliases", pd.DataFrame(self.pending_aliases, columns=["alias", "body_id"]))
            try:
                self.con.execute("INSERT INTO body_aliases SELECT alias, body_id FROM new_aliases")
            finally:
                self.con.unregister("new_aliases")
        self.pending_bodies = []
        self.pending_aliases = []


# The Arrow type of each column a worker sends (FACT_ROW_FIELDS order); the facts table casts on insert.
_FACT_ROW_TYPES = {
    "body_name": pa.string(), "body_id": pa.string(), "province": pa.string(), "metric_id": pa.string(),
    "period_start": pa.date32(), "period_end": pa.date32(), "period_label": pa.string(), "value": pa.int64(),
    "qualifier": pa.string(), "target_pct": pa.float64(), "raw_value": pa.string(), "evidence": pa.string(),
    "start_offset": pa.int64(), "end_offset": pa.int64(), "source_row": pa.int64(), "confidence": pa.float64(),
    "extractor": pa.string(),
}


def arrow_table(rows: Sequence[Sequence[object]], schema: pa.Schema) -> pa.Table:
    """Rows → an Arrow table built column by column, which DuckDB scans as it is (no per-cell pandas objects)."""
    columns: list[Sequence[object]] = list(zip(*rows, strict=True)) if rows else [[] for _ in schema]
    return pa.Table.from_arrays([pa.array(c, type=f.type) for c, f in zip(columns, schema, strict=True)],
                                schema=schema)


def insert_facts(con: duckdb.DuckDBPyConnection, rows: Sequence[FactRow], doc_ids: Sequence[str],
                 body_ids: Sequence[str], run_ids: Sequence[int]) -> int:
    """All the facts of a run in one bulk INSERT … SELECT from an Arrow table built column-wise from the rows.

    `rows` are as the workers sent them (FACT_ROW_FIELDS); the other three give each row its document, its
    resolved body and its run. Fact ids follow the order of the rows.
    """
    if not rows:
        return 0
    table = arrow_table(rows, pa.schema([(name, _FACT_ROW_TYPES[name]) for name in FACT_ROW_FIELDS]))
    table = table.drop_columns(["body_id"])
    for name, values, kind in (("doc_id", doc_ids, pa.string()), ("body_id", body_ids, pa.string()),
                               ("run_id", run_ids, pa.int64())):
        table = table.append_column(name, pa.array(values, type=kind))
    con.register("new_facts", table)
    try:
        con.execute(
            f"INSERT INTO facts (fact_id, {', '.join(FACT_COLUMNS)}) "
            f"SELECT nextval('fact_id_seq'), {', '.join(FACT_COLUMNS)} FROM new_facts"
        )
    finally:
        con.unregister("new_facts")
    return len(rows)


QUALITY_GATES: list[tuple[str, str]] = [
    ("negative values", "SELECT count(*) FROM facts WHERE value < 0"),
    ("facts with an unknown metric", "SELECT count(*) FROM facts WHERE metric_id NOT IN (SELECT metric_id FROM metrics)"),
    ("facts with an unknown body", "SELECT count(*) FROM facts WHERE body_id NOT IN (SELECT body_id FROM bodies)"),
    ("facts without their document", "SELECT count(*) FROM facts WHERE doc_id NOT IN (SELECT doc_id FROM documents)"),
    ("periods that end before they start", "SELECT count(*) FROM facts WHERE period_end < period_start"),
    ("duplicate fact ids", "SELECT count(*) - count(DISTINCT fact_id) FROM facts"),
    ("facts repeated within one source (same metric, body, period, value and place)",
     "SELECT count(*) FROM (SELECT doc_id, metric_id, body_id, period_start, period_end, value, "
     "coalesce(start_offset, -1), coalesce(source_row, -1) FROM facts GROUP BY ALL HAVING count(*) > 1)"),
]


# What the gates read, cheaply: facts are only ever inserted with new ids or deleted, never updated, so their
# count and ids identify them; documents, bodies and metrics by their keys.
_GATE_INPUTS = """
SELECT concat_ws('|',
    (SELECT count(*) || ':' || coalesce(min(fact_id), 0) || ':' || coalesce(max(fact_id), 0) || ':'
            || coalesce(sum(fact_id), 0) FROM facts),
    (SELECT count(*) || ':' || coalesce(sum(hash(doc_id)), 0) FROM documents),
    (SELECT count(*) || ':' || coalesce(sum(hash(body_id)), 0) FROM bodies),
    (SELECT count(*) || ':' || coalesce(sum(hash(metric_id)), 0) FROM metrics),
    ?)
"""


def check_quality(con: duckdb.DuckDBPyConnection) -> None:
    """Refuse to publish a warehouse that breaks an invariant; names each broken rule and how often.

    Skipped when the facts, documents, bodies and metrics, and the gates themselves, are those the gates
    last passed on (a run over unchanged inputs): scanning every fact again would find the same.
    """
    gates = "\n".join(sql for _, sql in QUALITY_GATES)
    row = con.execute(_GATE_INPUTS, [hashlib.sha256(gates.encode()).hexdigest()]).fetchone()
    inputs = str(row[0]) if row else ""
    if inputs and build_state.get(con, "quality") == inputs:
        return
    broken = []
    for label, sql in QUALITY_GATES:
        row = con.execute(sql).fetchone()
        if row and row[0]:
            broken.append(f"{row[0]} {label}")
    if broken:
        raise WarehouseError("quality checks failed, nothing was published: " + "; ".join(broken))
    build_state.put(con, "quality", inputs)


@dataclass
class FileStat:
    """What a run knows about an input file without reading it."""

    path: str            # absolute
    size_bytes: int
    mtime_ns: int


class KnownFiles:
    """What the warehouse knew before the run: its documents, the files they came from, the files it rejected.

    Enough to decide for each input, without reading it, whether it is unchanged (same path, size and mtime)
    or was rejected before by the same code; the run's LoadBatch goes on from it.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection | None = None) -> None:
        """From the warehouse `con` (at the current schema), or empty (no warehouse yet)."""
        self.doc_ids: set[str] = set()
        self.by_path: dict[str, str] = {}
        self.files: dict[str, tuple[int, int, str]] = {}
        self.rejected: dict[str, tuple[int, int, str, str, str, int | None, int | None]] = {}
        if con is None:
            return
        self.doc_ids = {str(r[0]) for r in con.execute("SELECT doc_id FROM documents").fetchall()}
        self.by_path = {
            str(p): str(d) for p, d in con.execute(
                "SELECT path, arg_max(doc_id, loaded_at) FROM documents GROUP BY path").fetchall()
        }
        self.files = {
            str(p): (int(s), int(m), str(d)) for p, s, m, d in con.execute(
                "SELECT path, size_bytes, mtime_ns, doc_id FROM document_files").fetchall()
        }
        self.rejected = {
            str(p): (int(s), int(m), str(v or ""), str(st), str(msg), r, run) for p, s, m, v, st, msg, r, run in
            con.execute("SELECT path, size_bytes, mtime_ns, extractor, stage, message, row_no, run_id "
                        "FROM rejected_files").fetchall()
        }

    def forget_documents(self) -> None:
        """--reprocess: every document and file forgotten (the rejections stay, to be retried or cleared)."""
        self.doc_ids, self.by_path, self.files = set(), {}, {}

    def unchanged_stat(self, stat: FileStat) -> bool:
        known = self.files.get(stat.path)
        return bool(known and known[0] == stat.size_bytes and known[1] == stat.mtime_ns
                    and known[2] in self.doc_ids)

    def known_rejection(self, stat: FileStat, version: str) -> tuple[str, str, int | None, int | None] | None:
        """(stage, message, row, run) when this very file was rejected before by this code version."""
        known = self.rejected.get(stat.path)
        if known and known[0] == stat.size_bytes and known[1] == stat.mtime_ns and known[2] == version:
            return known[3], known[4], known[5], known[6]
        return None


def read_known_files(db: Path) -> KnownFiles | None:
    """The live warehouse's KnownFiles, read before the run's private copy exists, so reading can start at once.

    Only when that is what the copy will hold: no warehouse yet (empty), or one at the current schema without
    a write-ahead log. Otherwise (a migration to apply, a WAL to fold in, a file DuckDB cannot open) None:
    the run reads them from its copy, after migrating it, and reports any problem from there.
    """
    if not db.exists():
        return KnownFiles()
    if db.with_name(db.name + ".wal").exists():
        return None
    from warehouse.migrate import migration_files

    # Attached to an instance of our own, not connected: a connection to the path would share the instance
    # this process may still hold open on the file as it was before the last publish (see warehouse.db).
    quoted = str(db).replace("'", "''")
    try:
        with duckdb.connect(":memory:") as con:
            con.execute(f"ATTACH '{quoted}' AS live (READ_ONLY)")
            con.execute("USE live")
            have = {int(r[0]) for r in con.execute("SELECT version FROM schema_migrations").fetchall()}
            if not {v for v, _ in migration_files()} <= have:
                return None
            return KnownFiles(con)
    except duckdb.Error:
        return None


_DOCUMENT_SCHEMA = pa.schema([
    ("doc_id", pa.string()), ("path", pa.string()), ("kind", pa.string()), ("title", pa.string()),
    ("outlet", pa.string()), ("published", pa.date32()), ("encoding", pa.string()), ("size_bytes", pa.int64()),
    ("run_id", pa.int64()), ("extractor", pa.string()),
])
_SEEN_FILE_SCHEMA = pa.schema([
    ("path", pa.string()), ("size_bytes", pa.int64()), ("mtime_ns", pa.int64()), ("doc_id", pa.string()),
    ("run_id", pa.int64()),
])


class LoadBatch:
    """A run's changes, held in memory and written in a few bulk statements at the end of the run.

    It goes on from what the warehouse knew (`known`, read from `con` when not given), so deciding whether a
    file is the same content under a new stat, new, or a new version of a known path costs no query per file.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection, known: KnownFiles | None = None) -> None:
        self.con = con
        known = known if known is not None else KnownFiles(con)
        self.doc_ids = known.doc_ids
        self.by_path = known.by_path
        self.files = known.files
        self.rejected = known.rejected
        self.new_documents: list[tuple[object, ...]] = []
        self.new_facts: list[FactRow] = []
        self.fact_docs: list[str] = []      # per new fact: its document, its resolved body, its run
        self.fact_bodies: list[str] = []
        self.fact_runs: list[int] = []
        self.removed: set[str] = set()
        self.seen_files: dict[str, tuple[str, int, int, str, int]] = {}  # _SEEN_FILE_SCHEMA
        self.gone_files: set[str] = set()
        self.rejected_gone: list[str] = []
        self.new_rejections: dict[str, dict[str, object]] = {}
        self.paths_by_doc: dict[str, set[str]] | None = None
        self.fact_counts: dict[str, int] | None = None

    def state(self, doc: DocumentInfo, stat: FileStat) -> tuple[str, str | None]:
        """('unchanged'|'changed'|'new', the id of the document this one replaces)."""
        if doc.content_hash in self.doc_ids and doc.content_hash not in self.removed:
            return "unchanged", None
        old = self.files.get(stat.path)
        previous = old[2] if old else self.by_path.get(str(doc.path))
        if previous and previous in self.doc_ids and previous not in self.removed:
            return "changed", previous
        return "new", None

    def remember(self, stat: FileStat, doc_id: str, run_id: int) -> None:
        self.seen_files[stat.path] = (stat.path, stat.size_bytes, stat.mtime_ns, doc_id, run_id)

    def remove(self, doc_id: str, path: str) -> int:
        """Forget a document that a new version of its file replaces; returns how many facts go with it."""
        if self.paths_by_doc is None:
            self.paths_by_doc = {}
            for p, (_, _, d) in self.files.items():
                self.paths_by_doc.setdefault(d, set()).add(p)
        others = self.paths_by_doc.get(doc_id, set()) - {path}
        if others:
            self.paths_by_doc[doc_id] = others
            return 0  # another file still holds the same content
        self.removed.add(doc_id)
        return self._fact_count(doc_id)

    def _fact_count(self, doc_id: str) -> int:
        if self.fact_counts is None:
            self.fact_counts = {str(d): int(n) for d, n in self.con.execute(
                "SELECT doc_id, count(*) FROM facts GROUP BY doc_id").fetchall()}
        return self.fact_counts.get(doc_id, 0)

    def forget_missing(self, present: set[str], roots: Sequence[str]) -> tuple[list[str], int, int]:
        """Known files under the folders `roots` that are no longer there: their documents and facts go.

        A document another file still holds (the same content copied or moved) stays. Returns the paths
        found gone, the documents removed and the facts removed with them.
        """
        prefixes = tuple(r.rstrip(os.sep) + os.sep for r in roots)
        if not prefixes:
            return [], 0, 0
        gone = sorted(p for p in self.files if p.startswith(prefixes) and p not in present)
        self.gone_files.update(gone)
        self.rejected_gone = [p for p in self.rejected if p.startswith(prefixes) and p not in present]
        if not gone:
            return [], 0, 0
        held: dict[str, set[str]] = {}
        for p, (_, _, d) in self.files.items():
            if p not in self.gone_files:
                held.setdefault(d, set()).add(p)
        for p, seen in self.seen_files.items():
            held.setdefault(seen[3], set()).add(p)
        documents = facts = 0
        for p in gone:
            doc_id = self.files[p][2]
            if held.get(doc_id) or doc_id in self.removed or doc_id not in self.doc_ids:
                continue
            self.removed.add(doc_id)
            documents += 1
            facts += self._fact_count(doc_id)
        return gone, documents, facts

    def reject(self, stat: FileStat, version: str, stage: str, message: str, row: int | None,
               run_id: int) -> None:
        self.new_rejections[stat.path] = {
            "path": stat.path, "size_bytes": stat.size_bytes, "mtime_ns": stat.mtime_ns, "stage": stage,
            "message": message, "row_no": row, "extractor": version, "run_id": run_id}

    def add(self, doc: DocumentInfo, facts: Sequence[FactRow], run_id: int, bodies: BodyResolver,
            extractor: str | None) -> int:
        doc_id = doc.content_hash
        self.doc_ids.add(doc_id)
        self.removed.discard(doc_id)
        self.new_documents.append((doc_id, str(doc.path), doc.kind, doc.title, doc.outlet, doc.published,
                                   doc.encoding, doc.size_bytes, run_id, extractor))
        resolve = bodies.resolve
        self.fact_bodies.extend([resolve(f[0], f[1], f[2]) for f in facts])
        self.fact_docs.extend([doc_id] * len(facts))
        self.fact_runs.extend([run_id] * len(facts))
        self.new_facts.extend(facts)
        return len(facts)

    def write(self, bodies: BodyResolver) -> None:
        """Every change of the run, in bulk: removals, bodies, documents, facts, file stats."""
        con = self.con
        if self.removed:
            con.register("gone", pd.DataFrame({"doc_id": sorted(self.removed)}))
            try:
                con.execute("DELETE FROM facts WHERE doc_id IN (SELECT doc_id FROM gone)")
                con.execute("DELETE FROM document_files WHERE doc_id IN (SELECT doc_id FROM gone)")
                con.execute("DELETE FROM documents WHERE doc_id IN (SELECT doc_id FROM gone)")
            finally:
                con.unregister("gone")
        bodies.flush()
        if self.new_documents:
            con.register("new_documents", arrow_table(self.new_documents, _DOCUMENT_SCHEMA))
            try:
                con.execute(
                    "INSERT INTO documents (doc_id, path, kind, title, outlet, published, encoding, size_bytes, "
                    "run_id, loaded_at, extractor) SELECT doc_id, path, kind, title, outlet, published, encoding, "
                    "size_bytes, run_id, current_timestamp, extractor FROM new_documents")
            finally:
                con.unregister("new_documents")
        insert_facts(con, self.new_facts, self.fact_docs, self.fact_bodies, self.fact_runs)
        if self.seen_files:
            con.register("seen_files", arrow_table(list(self.seen_files.values()), _SEEN_FILE_SCHEMA))
            try:
                con.execute("DELETE FROM document_files WHERE path IN (SELECT path FROM seen_files)")
                con.execute("INSERT INTO document_files SELECT path, size_bytes, mtime_ns, doc_id, run_id, "
                            "current_timestamp FROM seen_files")
                con.execute("DELETE FROM rejected_files WHERE path IN (SELECT path FROM seen_files)")
            finally:
                con.unregister("seen_files")
        gone = sorted(self.gone_files | set(self.rejected_gone))
        if gone:
            con.register("gone_files", pd.DataFrame({"path": gone}))
            try:
                con.execute("DELETE FROM document_files WHERE path IN (SELECT path FROM gone_files)")
                con.execute("DELETE FROM rejected_files WHERE path IN (SELECT path FROM gone_files)")
            finally:
                con.unregister("gone_files")
        if self.new_rejections:
            frame = pd.DataFrame(list(self.new_rejections.values()), columns=[
                "path", "size_bytes", "mtime_ns", "stage", "message", "row_no", "extractor", "run_id"])
            frame["row_no"] = frame["row_no"].astype("Int64")
            con.register("new_rejections", frame)
            try:
                con.execute("DELETE FROM rejected_files WHERE path IN (SELECT path FROM new_rejections)")
                con.execute("INSERT INTO rejected_files SELECT path, size_bytes, mtime_ns, stage, message, row_no, "
                            "extractor, run_id, current_timestamp FROM new_rejections")
            finally:
                con.unregister("new_rejections")
