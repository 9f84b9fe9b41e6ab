"""A run that reads and extracts in worker processes writes exactly what a run in one process writes."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from etl.cli import main
from etl.load import read_known_files
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
    assert list(two.stage_seconds) == ["discover", "prepare", "read_extract", "write", "check", "publish"]
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


def test_a_parallel_reprocess_writes_what_a_sequential_one_does(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    src = corpus(tmp_path / "in")
    monkeypatch.setenv(WORKERS_ENV, "1")
    run([src], tmp_path / "one.duckdb")
    shutil.copyfile(tmp_path / "one.duckdb", tmp_path / "two.duckdb")
    (src / "mau-00002.txt").unlink()
    (src / "them.txt").write_text("Tin mới\n\nNăm 2024, Đảng bộ huyện Cam Lộ (Quảng Trị) đã kết nạp 52 đảng viên mới.\n",
                                  encoding="utf-8")
    one = run([src], tmp_path / "one.duckdb", reprocess=True)
    monkeypatch.setenv(WORKERS_ENV, "2")
    two = run([src], tmp_path / "two.duckdb", reprocess=True)
    assert (one.workers, two.workers) == (1, 2)
    for key in ("documents_new", "documents_removed", "documents_rejected", "rows_rejected", "facts_added",
                "facts_removed"):
        assert getattr(one, key) == getattr(two, key), key
    # every article again but the deleted one, the new one and the sheet; the binary file rejected again
    assert (one.documents_new, one.documents_rejected) == (2 * MIN_FILES_PER_WORKER + 6 - 1 + 1 + 1, 1)
    assert contents(tmp_path / "two.duckdb") == contents(tmp_path / "one.duckdb")


def test_what_to_read_is_decided_from_the_file_as_published_not_an_older_one_this_process_holds(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src, db = tmp_path / "in", tmp_path / "w.duckdb"
    src.mkdir()
    (src / "a.txt").write_text("Năm 2023, Đảng bộ huyện Cam Lộ (Quảng Trị) đã kết nạp 40 đảng viên mới.\n",
                               encoding="utf-8")
    assert run([src], db).documents_new == 1
    held = duckdb.connect(str(db), read_only=True)  # DuckDB keeps this first version open in this process
    try:
        (src / "b.txt").write_text("Năm 2024, Đảng ủy xã Cam Hiếu đã kết nạp 12 đảng viên mới.\n", encoding="utf-8")
        assert run([src], db).documents_new == 1

        def no_reading(path: Path) -> None:
            raise AssertionError(f"{path} was read although unchanged")

        monkeypatch.setattr("etl.work.reader_for", lambda path: no_reading)
        third = run([src], db)
        assert (third.status, third.documents_unchanged, third.documents_rejected) == ("ok", 2, 0)
    finally:
        held.close()


def test_the_files_known_are_read_from_the_live_file_only_when_the_copy_will_hold_the_same(
        tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    empty = read_known_files(db)
    assert empty is not None and not empty.files  # no warehouse yet: nothing known
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Năm 2023, Đảng ủy xã Cam Hiếu đã kết nạp 9 đảng viên mới.\n",
                                           encoding="utf-8")
    run([tmp_path / "in"], db)
    known = read_known_files(db)
    assert known is not None and list(known.files) == [str((tmp_path / "in" / "a.txt").resolve())]
    with duckdb.connect(str(db)) as con:  # as if the warehouse predated the latest migration
        top = con.execute("SELECT max(version) FROM schema_migrations").fetchone()
        assert top is not None
        con.execute("DELETE FROM schema_migrations WHERE version = ?", [top[0]])
    assert read_known_files(db) is None
    db.with_name(db.name + ".wal").write_bytes(b"")
    assert read_known_files(db) is None
