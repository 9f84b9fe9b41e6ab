"""A run that reads and extracts in worker processes writes exactly what a run in one process writes."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from etl.cli import main
from etl.pipeline import run
from etl.work import MIN_FILES_PER_WORKER, WORKERS_ENV, read_and_extract

FACTS = ("SELECT d.path, f.metric_id, f.body_id, f.period_start, f.period_end, f.value, f.evidence, f.start_offset, "
         "f.source_row FROM facts f JOIN documents d USING (doc_id) ORDER BY ALL")


def corpus(folder: Path) -> Path:
    assert main(["sample", "--docs", str(2 * MIN_FILES_PER_WORKER + 6), "--out", str(folder), "--seed", "5"]) == 0
    (folder / "bang.csv").write_text("body,metric,period,value\nĐảng bộ huyện Cam Lộ,members_admitted,2023,40\n"
                                     "Đảng bộ huyện Cam Lộ,members_admitted,năm kia,7\n", encoding="utf-8")
    (folder / "hong.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    return folder


def contents(db: Path) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(FACTS).fetchall(), con.execute(
            "SELECT path, row_no, stage, message FROM etl_errors ORDER BY ALL").fetchall()


def test_parallel_and_sequential_runs_write_the_same_warehouse(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    src = corpus(tmp_path / "in")
    monkeypatch.setenv(WORKERS_ENV, "1")
    one = run([src], tmp_path / "one.duckdb")
    monkeypatch.setenv(WORKERS_ENV, "2")
    two = run([src], tmp_path / "two.duckdb")
    assert (one.workers, two.workers) == (1, 2)
    assert (two.status, two.documents_rejected, two.rows_rejected) == ("partial", 1, 1)
    for key in ("documents_new", "documents_rejected", "rows_rejected", "facts_added"):
        assert getattr(one, key) == getattr(two, key), key
    assert [str(e) for e in one.errors] == [str(e) for e in two.errors]
    facts, errors = contents(tmp_path / "one.duckdb")
    assert len(facts) == one.facts_added > 2 * MIN_FILES_PER_WORKER
    assert contents(tmp_path / "two.duckdb") == (facts, errors)


def test_a_file_that_fails_in_a_worker_is_a_rejection_not_a_crash(tmp_path: Path) -> None:
    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    outcome = read_and_extract(str(bad))
    assert outcome.doc is None and outcome.rejected is not None
    assert outcome.rejected[0] == "read"
