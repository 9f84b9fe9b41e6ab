"""A run: discover → read → extract → load → check → publish. One record per run, whatever happens.

Bad inputs and bad rows are reported (file, row, reason) and the run goes on; a broken warehouse stops the
run and nothing is published. A run that could do nothing with any input still records itself.

Incremental: a file whose (path, size, mtime) match the last run is not even read; a file whose stat
changed is read and compared by the hash of its normalised content; a new version of a known path
replaces the facts of the old one. `reprocess=True` forgets every document and extracts all again.

Files are read and extracted in worker processes when there are many (etl.work); everything that decides
and writes happens here, in file order. Which files to read is decided from the live warehouse (read-only,
under the run's lock) when its private copy will hold the same, so the workers start before the copy is made
and migrated; otherwise from the copy, after migrating it.
"""

from __future__ import annotations

import functools
import importlib.metadata
import logging
import os
import threading
import time
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path

import duckdb

from etl.errors import PartybuildError, RunInProgressError
from etl.load import (
    BodyResolver,
    FileStat,
    KnownFiles,
    LoadBatch,
    check_quality,
    finish_run,
    read_known_files,
    start_run,
)
from etl.records import RunReport, record_error
from etl.sources import discover
from etl.sources.base import max_input_bytes
from etl.work import Outcome, Reader, extractor_version
from warehouse.publish import run_lock, updating, write_session

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]


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
    lap = _Laps(report)
    limit = int(max_input_mb * 1048576) if max_input_mb is not None else max_input_bytes()
    files, skipped = discover(inputs)
    for path, reason in skipped:
        report.documents_rejected += 1
        record_error(report, str(path), "discover", reason)
    roots = [os.path.abspath(p) for p in inputs if os.path.isdir(p)]
    lap("discover")
    plan = _Plan(files, limit, reprocess=reprocess)
    try:
        with run_lock(db):
            # What the warehouse knows decides what to read. From the live file when it can be, in a thread
            # of its own, so that the workers read and extract while this one copies and migrates the warehouse.
            plan.start_from_live(db)
            with updating(db) as con:
                run_id = start_run(con, report)
                bodies = BodyResolver(con)
                if reprocess:
                    report.facts_removed += _clear_documents(con)
                reader, known = plan.finish(con, report)
                batch = LoadBatch(con, known)
                lap("prepare")
                to_read = plan.to_read
                for i, ((name, stat), outcome) in enumerate(zip(to_read, reader.outcomes(), strict=True), 1):
                    if progress:
                        progress(i, len(to_read), name)
                    _apply(outcome, stat, report, batch, bodies, run_id)
                lap("read_extract")
                if not keep_deleted:
                    report.removed_paths, report.documents_removed, removed = batch.forget_missing(
                        plan.present, roots)
                    report.facts_removed += removed
                batch.write(bodies)
                lap("write")
                loaded = report.documents_new + report.documents_changed + report.documents_unchanged
                if report.errors:
                    report.status = "partial" if loaded or report.facts_added else "failed"
                elif report.documents_seen == 0 and not report.documents_removed:
                    report.status = "failed"
                    record_error(report, " ".join(inputs) or "(no input)", "discover", "no input files were found")
                check_quality(con)
                finish_run(con, report)
                lap("check")
        lap("publish")
    except RunInProgressError:
        raise  # another run holds the warehouse: nothing of ours to record
    except PartybuildError as exc:
        report.status, report.failure = "failed", str(exc)
        _record_failure(db, report)
        raise
    finally:
        plan.close()
    return report


class _Plan:
    """Which files a run reads, and the reader that reads them: every input's stat against what the warehouse knew.

    `start_from_live` decides from the live warehouse in a thread while the run prepares its copy (and starts the
    workers from there); `finish` waits for it, or decides from the copy when the live file could not be used
    (a migration to apply, a WAL to fold in). Counts and rejections go to a report of the plan's own, added to
    the run's by `finish`, so the two threads never write the same object.
    """

    def __init__(self, files: list[str], limit: int, *, reprocess: bool) -> None:
        self.files, self.limit, self.reprocess = files, limit, reprocess
        self.version = None if reprocess else _code_version()
        self.report = RunReport(db_path="", inputs=[])
        self.present: set[str] = set()
        self.to_read: list[tuple[str, FileStat]] = []
        self.known: KnownFiles | None = None
        self.reader: Reader | None = None
        self._thread: threading.Thread | None = None
        self._failure: BaseException | None = None

    def start_from_live(self, db: Path) -> None:
        if db.with_name(db.name + ".wal").exists():
            return  # the copy folds it in first: decide from the copy
        self._thread = threading.Thread(target=self._from_live, args=(db,), name="partybuild-plan", daemon=True)
        self._thread.start()

    def _from_live(self, db: Path) -> None:
        try:
            known = read_known_files(db)
            if known is not None:
                self._decide(known)
        except BaseException as exc:  # raised again in the run's thread by finish()
            self._failure = exc

    def _decide(self, known: KnownFiles) -> None:
        if self.reprocess:
            known.forget_documents()
        for name in self.files:
            self.report.documents_seen += 1
            abspath, stat = _check(name, self.report, known, self.limit, version=self.version)
            self.present.add(abspath)
            if stat is not None:
                self.to_read.append((name, stat))
        self.known = known
        self.reader = Reader([name for name, _ in self.to_read])

    def finish(self, con: duckdb.DuckDBPyConnection, report: RunReport) -> tuple[Reader, KnownFiles]:
        """The reader and what the warehouse knew, once decided; the plan's counts and rejections into `report`."""
        self._join()
        if self.known is None:
            self._decide(KnownFiles(con))
        assert self.reader is not None and self.known is not None
        mine = self.report
        report.documents_seen += mine.documents_seen
        report.documents_unchanged += mine.documents_unchanged
        report.documents_rejected += mine.documents_rejected
        report.errors.extend(mine.errors)
        report.workers = self.reader.workers
        return self.reader, self.known

    def _join(self) -> None:
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        if self._failure is not None:
            failure, self._failure = self._failure, None
            raise failure

    def close(self) -> None:
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        if self.reader is not None:
            self.reader.close()


class _Laps:
    """Wall time per stage into report.stage_seconds: each call books the time since the previous one."""

    def __init__(self, report: RunReport) -> None:
        self.report = report
        self.last = time.perf_counter()

    def __call__(self, stage: str) -> None:
        now = time.perf_counter()
        seconds = self.report.stage_seconds
        seconds[stage] = round(seconds.get(stage, 0.0) + now - self.last, 4)
        self.last = now


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


def _check(name: str, report: RunReport, known: KnownFiles, limit: int, *,
           version: str | None) -> tuple[str, FileStat | None]:
    """(absolute path, its stat when the file must be read). Unchanged and refused files are counted here.

    `version` (None with --reprocess) lets a file rejected before by the same code, and unchanged since, be
    reported again without being read again.
    """
    abspath = os.path.abspath(name)
    try:
        st = os.stat(name)
    except OSError as exc:
        _reject(report, Path(name), "read", f"cannot be read: {exc.strerror or exc}")
        return abspath, None
    stat = FileStat(abspath, st.st_size, st.st_mtime_ns)
    if known.unchanged_stat(stat):
        report.documents_unchanged += 1
        return abspath, None
    if st.st_size > limit:
        _reject(report, Path(name), "read", f"the file is {st.st_size / 1048576:.1f} MB, over the "
                f"{limit / 1048576:.0f} MB limit; split it, or raise the limit with --max-input-mb")
        return abspath, None
    rejected = known.known_rejection(stat, version) if version else None
    if rejected:
        stage, message, row, when = rejected
        _reject(report, Path(name), stage, f"{message} (unchanged since run {when}, not read again)", row)
        return abspath, None
    return abspath, stat


def _apply(outcome: Outcome, stat: FileStat, report: RunReport, batch: LoadBatch, bodies: BodyResolver,
           run_id: int) -> None:
    """A file's outcome into the run's batch, in file order: new, changed, unchanged or rejected."""
    doc = outcome.doc
    if doc is not None:
        state, replaces = batch.state(doc, stat)
        if state == "unchanged":  # same content under a new stat: nothing to do but remember it
            report.documents_unchanged += 1
            batch.remember(stat, doc.content_hash, run_id)
            return
    if outcome.row_errors:
        report.errors.extend(outcome.row_errors)
        report.rows_rejected += outcome.rows_rejected
    if outcome.rejected is not None or doc is None:
        stage, message, row, where = outcome.rejected or ("read", "could not be read", None, outcome.path)
        _reject(report, Path(where), stage, message, row)
        if os.access(outcome.path, os.R_OK):  # a permission problem is fixed without touching mtime: retry those
            batch.reject(stat, _code_version(), stage, message, row, run_id)
        return
    if replaces:
        report.facts_removed += batch.remove(replaces, stat.path)
        report.documents_changed += 1
    else:
        report.documents_new += 1
    report.facts_added += batch.add(doc, outcome.facts, run_id, bodies, outcome.extractor)
    batch.remember(stat, doc.content_hash, run_id)


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
    return f"{release}/{extractor_version()}"


def _clear_documents(con: duckdb.DuckDBPyConnection) -> int:
    """--reprocess: forget every document and file so each is read and extracted again."""
    row = con.execute("SELECT count(*) FROM facts").fetchone()
    con.execute("DELETE FROM facts")
    con.execute("DELETE FROM document_files")
    con.execute("DELETE FROM documents")
    return int(row[0]) if row else 0
