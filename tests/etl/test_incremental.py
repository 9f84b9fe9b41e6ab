"""What a run remembers between runs: deleted files, rejected files, and the work an unchanged run skips."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb
import pytest

from etl.cli import main
from etl.pipeline import run
from tests.etl.test_pipeline import count, facts_file, sheet


def rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_a_deleted_file_takes_its_document_and_facts_with_it_and_is_listed(tmp_path: Path, db_path: Path) -> None:
    src = tmp_path / "in"
    facts_file(src, "giu.jsonl", [11, 12])
    gone = facts_file(src / "cu", "xoa.jsonl", [21, 22, 23])
    run([src], db_path)
    assert count(db_path, "SELECT count(*) FROM facts") == 5
    gone.unlink()
    report = run([src], db_path)
    assert (report.status, report.documents_removed, report.facts_removed) == ("ok", 1, 3)
    assert report.removed_paths == [os.path.abspath(gone)]
    assert sorted(v for (v,) in rows(db_path, "SELECT value FROM facts")) == [11, 12]
    assert count(db_path, "SELECT count(*) FROM documents") == 1
    assert count(db_path, "SELECT count(*) FROM document_files") == 1
    assert rows(db_path, "SELECT documents_removed, facts_removed FROM etl_runs ORDER BY run_id DESC LIMIT 1") \
        == [(1, 3)]
    # The semantic tables followed: the yearly view no longer counts the deleted file's figures.
    assert count(db_path, "SELECT coalesce(sum(value), 0) FROM v_facts") == 23


def test_keep_deleted_keeps_them_and_other_folders_are_never_touched(tmp_path: Path, db_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    gone = facts_file(a, "mot.jsonl", [1, 2])
    facts_file(b, "hai.jsonl", [3])
    run([a], db_path)
    run([b], db_path)  # a run over b/ says nothing about a/
    assert count(db_path, "SELECT count(*) FROM facts") == 3
    gone.unlink()
    assert main(["etl", "run", str(a), "--db", str(db_path), "--keep-deleted"]) == 1  # a/ is now empty
    assert count(db_path, "SELECT count(*) FROM facts") == 3
    assert main(["etl", "run", str(a), "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "1 removed (file deleted)" in out and f"removed (the file is gone): {os.path.abspath(gone)}" in out
    assert count(db_path, "SELECT count(*) FROM facts") == 1


def test_a_moved_file_keeps_its_document(tmp_path: Path, db_path: Path) -> None:
    src = tmp_path / "in"
    old = facts_file(src, "truoc.jsonl", [7, 8])
    run([src], db_path)
    shutil.move(old, src / "sau.jsonl")
    report = run([src], db_path)
    assert (report.documents_unchanged, report.documents_removed, report.facts_removed) == (1, 0, 0)
    assert count(db_path, "SELECT count(*) FROM facts") == 2
    assert [p for (p,) in rows(db_path, "SELECT path FROM document_files")] == [os.path.abspath(src / "sau.jsonl")]


def test_an_unchanged_rejected_file_is_reported_again_without_being_read(
        tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "in"
    sheet(src, "tot.csv", [("Đảng bộ huyện Cam Lộ", "members_admitted", "2023", 40)])
    bad = src / "hong.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    first = run([src], db_path)
    assert (first.status, first.documents_rejected) == ("partial", 1)

    def no_reading(path: Path) -> None:
        raise AssertionError(f"{path} was read again")

    with monkeypatch.context() as m:
        m.setattr("etl.work.reader_for", lambda path: no_reading)
        second = run([src], db_path)
    assert (second.status, second.documents_rejected, second.documents_unchanged) == ("partial", 1, 1)
    assert "binary" in second.errors[0].message and "not read again" in second.errors[0].message
    assert second.errors[0].path == str(bad)

    # --reprocess reads it again; so does any change to the file.
    third = run([src], db_path, reprocess=True)
    assert "not read again" not in third.errors[0].message
    bad.write_text("Đảng bộ xã Vĩnh Long kết nạp 12 đảng viên mới trong năm 2023.\n", encoding="utf-8")
    fourth = run([src], db_path)
    assert (fourth.status, fourth.documents_rejected) == ("ok", 0)
    assert count(db_path, "SELECT count(*) FROM rejected_files") == 0


def test_a_deleted_rejected_file_is_forgotten(tmp_path: Path, db_path: Path) -> None:
    src = tmp_path / "in"
    sheet(src, "tot.csv", [("Đảng bộ huyện Cam Lộ", "members_admitted", "2023", 40)])
    bad = src / "trong.txt"
    bad.write_bytes(b"")
    run([src], db_path)
    assert count(db_path, "SELECT count(*) FROM rejected_files") == 1
    bad.unlink()
    assert run([src], db_path).status == "ok"
    assert count(db_path, "SELECT count(*) FROM rejected_files") == 0


def test_an_unchanged_run_skips_views_registry_and_semantic_refresh(tmp_path: Path, db_path: Path) -> None:
    src = tmp_path / "in"
    facts_file(src, "a.jsonl", [1, 2, 3])
    run([src], db_path)
    state = "SELECT (SELECT refreshed_at FROM semantics_state), " \
            "(SELECT list(updated_at ORDER BY key) FROM build_state WHERE key IN ('views', 'reference'))"
    before = rows(db_path, state)
    run([src], db_path)
    assert rows(db_path, state) == before
    facts_file(src, "b.jsonl", [4])
    run([src], db_path)
    after = rows(db_path, state)
    assert after[0][0] != before[0][0]  # new facts: the semantic tables were refilled
    assert after[0][1] == before[0][1]  # same views and registry: not re-applied
    assert count(db_path, "SELECT sum(facts) FROM mat_coverage") == 4
