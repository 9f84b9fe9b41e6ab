"""Reading and extracting one file, in this process or in a pool of worker processes.

Extraction is pure Python and bound to one core, so a large run reads and extracts in parallel: one worker
per core, each returning an `Outcome` (the document without its text, its facts as plain rows, the rows it
rejected).
Everything that touches the warehouse stays in the run's process and takes the outcomes in file order, so
a parallel run decides and writes exactly what a sequential one would.

Workers come from a fork server (a clean process started for the purpose, which imports the extractor and
loads its data once), never from the run's own process, which holds the warehouse open with DuckDB's threads.
Small runs stay in this process.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.context
import multiprocessing.pool
import os
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from etl.errors import InputError, PartybuildError
from etl.facts import MetricLookup, jsonl_facts, prose_facts, template_facts
from etl.records import DocumentInfo, FactRow, RunError, RunReport
from etl.sources import reader_for

WORKERS_ENV = "PARTYBUILD_WORKERS"
# Starting a worker costs about what extracting a few hundred articles does: one per this many files to read.
MIN_FILES_PER_WORKER = 200
# Files per task sent to a worker: few enough round trips, small enough that both workers finish together.
CHUNK_FILES = 16


@dataclass
class Outcome:
    """What reading and extracting one file gave: a document with its facts, or a rejection."""

    path: str
    doc: DocumentInfo | None = None            # without its text and rows (they stay in the worker)
    facts: list[FactRow] = field(default_factory=list)
    extractor: str | None = None
    rejected: tuple[str, str, int | None, str] | None = None  # stage, message, row, the path to name
    row_errors: list[RunError] = field(default_factory=list)
    rows_rejected: int = 0

    def __reduce__(self) -> tuple[type[Outcome], tuple[Any, ...]]:
        # As a tuple of its fields: thousands cross from the workers, and a dataclass pickles as a dict.
        return Outcome, (self.path, self.doc, self.facts, self.extractor, self.rejected, self.row_errors,
                         self.rows_rejected)


def extractor_version() -> str | None:
    from etl import extract

    version = getattr(extract, "EXTRACTOR_VERSION", None)
    return str(version) if version else None


def read_and_extract(name: str, metrics: MetricLookup | None = None) -> Outcome:
    """One file through its reader and the right fact builder; never raises for a bad file."""
    path = Path(name)
    out = Outcome(name)
    reader = reader_for(path)
    if reader is None:
        out.rejected = ("read", f"unknown file type '{path.suffix or '(none)'}'", None, name)
        return out
    try:
        doc = reader(path)
    except InputError as exc:
        out.rejected = ("read", exc.message, exc.row, exc.path)
        return out
    except Exception as exc:  # a reader bug or a hostile file must not stop the run
        out.rejected = ("read", f"cannot be read ({type(exc).__name__}: {exc})", None, name)
        return out
    out.doc = DocumentInfo(str(doc.path), doc.kind, doc.content_hash, doc.size_bytes, doc.title, doc.outlet,
                           doc.published, doc.encoding)  # what the run needs to decide new, changed or unchanged
    rows = RunReport(db_path="", inputs=[])  # collects the rows the fact builders reject
    try:
        if doc.kind == "spreadsheet":
            facts, out.extractor = template_facts(doc, rows, metrics or _metrics()), "template-1"
        elif doc.kind == "jsonl":
            facts, out.extractor = jsonl_facts(doc, rows, metrics or _metrics()), "jsonl-1"
        else:
            facts, out.extractor = prose_facts(doc), extractor_version()
        out.facts = [f.row() for f in facts]
    except PartybuildError as exc:
        out.rejected = ("extract", str(exc), None, name)
        return out
    except Exception as exc:
        out.rejected = ("extract", f"the extractor failed ({type(exc).__name__}: {exc}); please report this file",
                        None, name)
        return out
    out.row_errors, out.rows_rejected = rows.errors, rows.rows_rejected
    if doc.kind in ("spreadsheet", "jsonl") and not out.facts:
        out.rejected = ("parse", "no row of the file could be loaded", None, name)
    return out


_METRICS: MetricLookup | None = None


def _metrics() -> MetricLookup:
    global _METRICS
    if _METRICS is None:
        _METRICS = MetricLookup()
    return _METRICS


def workers() -> int:
    """$PARTYBUILD_WORKERS, else one per core the process may use."""
    raw = os.environ.get(WORKERS_ENV, "").strip()
    if raw.isdigit() and int(raw) > 0:
        return int(raw)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def pool_size(expected_files: int) -> int:
    """How many processes reading this many files is worth: one per MIN_FILES_PER_WORKER, at most workers()."""
    return min(workers(), max(1, expected_files // MIN_FILES_PER_WORKER))


def _context() -> tuple[str, multiprocessing.context.BaseContext]:
    # forkserver: workers fork from a clean server process, never from the run's, which holds the warehouse
    # open (DuckDB's threads); the server imports the extractor and loads its data once for all of them.
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        context.set_forkserver_preload(["etl.work", "etl.warmup"])
    return method, context


class Reader:
    """Outcomes for the files given, in their order: from a pool of worker processes when worth it, else in-process.

    With a pool, the files are handed to the workers at once, from a thread (starting the pool waits for the
    fork server), so that they read and extract while the run prepares the warehouse.
    """

    def __init__(self, names: Sequence[str]) -> None:
        self.names = list(names)
        self.pool: multiprocessing.pool.Pool | None = None
        self.workers = pool_size(len(self.names))
        self._results: Iterator[Outcome] | None = None
        self._failure: BaseException | None = None
        self._starting: threading.Thread | None = None
        if self.workers > 1:
            self._starting = threading.Thread(target=self._start, name="partybuild-workers", daemon=True)
            self._starting.start()

    def _start(self) -> None:
        try:
            _, context = _context()
            # The metric names spreadsheets need come from here: loading them in a worker would import pandas.
            self.pool = context.Pool(self.workers, initializer=warm, initargs=(MetricLookup(),))
            self._results = self.pool.imap(read_and_extract, self.names, chunksize=CHUNK_FILES)
        except BaseException as exc:  # raised again in the run's thread by outcomes()
            self._failure = exc

    def outcomes(self) -> Iterator[Outcome]:
        if self._starting is None:
            return (read_and_extract(n) for n in self.names)
        self._starting.join()
        if self._failure is not None:
            raise self._failure
        assert self._results is not None
        return self._results

    def close(self) -> None:
        if self._starting is not None:
            self._starting.join()
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None


# A sentence of the kind the extractor reads, so that warming it up also builds whatever it compiles on first use.
_WARM_TEXT = ("Đảng bộ huyện Cam Lộ kết nạp đảng viên mới\n\n"
              "Năm 2023, Đảng bộ huyện Cam Lộ (Quảng Trị) đã kết nạp 40 đảng viên mới.")


def warm(metrics: MetricLookup | None = None) -> None:
    """The extractor's catalogue, registry and compiled patterns, loaded once per process before its first file.

    The fork server calls it (etl.warmup), so its workers inherit them; each worker calls it again as its
    initializer, which then costs one short extraction, with the metric names for spreadsheets from the run
    (`metrics`), so that a worker never imports pandas.
    """
    global _METRICS
    if metrics is not None:
        _METRICS = metrics
    from etl.extract import extract_document
    from etl.extract.metrics import load_catalogue
    from etl.extract.registry import REGISTRY

    load_catalogue()
    REGISTRY()
    extract_document(_WARM_TEXT)
