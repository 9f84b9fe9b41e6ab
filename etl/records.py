"""The records a run passes between its stages: a document and its facts ready to load, an error, the run's report.

Worker processes send documents and facts to the run as `DocumentInfo` and plain tuples (`FactRecord.row`):
unpickling thousands of dataclass instances in the run's process cost more than loading them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any, NamedTuple


@dataclass
class FactRecord:
    metric_id: str
    body_name: str
    value: int
    period_start: date
    period_end: date
    period_label: str
    qualifier: str = "exact"
    body_id: str | None = None          # set when the extractor already resolved it
    province: str | None = None
    body_verified: bool = True
    target_pct: float | None = None
    raw_value: str | None = None
    evidence: str | None = None
    start_offset: int | None = None
    end_offset: int | None = None
    source_row: int | None = None
    confidence: float = 1.0
    extractor: str = "template-1"

    def row(self) -> FactRow:
        """The fact as its body (to resolve) and the facts columns, in FACT_ROW_FIELDS order."""
        return (self.body_name, self.body_id, self.province, self.metric_id, self.period_start, self.period_end,
                self.period_label, self.value, self.qualifier, self.target_pct, self.raw_value, self.evidence,
                self.start_offset, self.end_offset, self.source_row, self.confidence, self.extractor)


# A fact as a worker hands it over: the body as found (name, id if resolved, province), then the columns of
# the facts table that come from the document (doc_id, body_id and run_id are the run's to add).
FactRow = tuple[Any, ...]
FACT_ROW_FIELDS = (
    "body_name", "body_id", "province", "metric_id", "period_start", "period_end", "period_label", "value",
    "qualifier", "target_pct", "raw_value", "evidence", "start_offset", "end_offset", "source_row", "confidence",
    "extractor",
)


class DocumentInfo(NamedTuple):
    """What the run needs of a document to decide whether it is new, changed or unchanged, and to load it."""

    path: str
    kind: str
    content_hash: str
    size_bytes: int
    title: str | None = None
    outlet: str | None = None
    published: date | None = None
    encoding: str | None = None


@dataclass
class RunError:
    path: str
    stage: str                           # discover | read | parse | extract | load
    message: str
    row_no: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}, row {self.row_no}" if self.row_no is not None else self.path
        return f"{where}: {self.message}"


@dataclass
class RunReport:
    db_path: str
    inputs: list[str]
    run_id: int | None = None
    started_at: datetime | None = None
    finished_at: datetime | None = None
    status: str = "ok"                   # ok | partial | failed
    documents_seen: int = 0
    documents_new: int = 0
    documents_changed: int = 0
    documents_unchanged: int = 0
    documents_rejected: int = 0
    rows_rejected: int = 0
    documents_removed: int = 0           # their file was deleted from a folder the run read
    facts_added: int = 0
    facts_removed: int = 0
    failure: str | None = None           # why nothing was published, when the run failed as a whole
    workers: int = 1                     # processes that read and extracted the files
    # wall seconds per stage: discover (finding the files), prepare (copy and migrate the warehouse while the
    # files are stat'ed and the workers start), read_extract (what is left of it once the warehouse is ready),
    # write, check (quality gates), publish (summary tables, checkpoint, rename)
    stage_seconds: dict[str, float] = field(default_factory=dict)
    errors: list[RunError] = field(default_factory=list)
    removed_paths: list[str] = field(default_factory=list)  # the deleted files behind documents_removed

    @property
    def exit_code(self) -> int:
        """0 all loaded, 2 some inputs or rows rejected, 1 nothing could be done."""
        return {"ok": 0, "partial": 2}.get(self.status, 1)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("started_at", "finished_at"):
            data[key] = data[key].isoformat(timespec="seconds") if data[key] else None
        data["exit_code"] = self.exit_code
        return data


def record_error(report: RunReport, path: str, stage: str, message: str, row_no: int | None = None) -> None:
    """One rejected input or row, named by file and row, on the run's report."""
    report.errors.append(RunError(path=path, stage=stage, message=message, row_no=row_no))
