"""All or nothing: SIGKILL mid-run leaves the warehouse as it was; readers keep reading through a refresh;
overlapping runs are refused."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from etl.errors import RunInProgressError
from etl.pipeline import run
from warehouse.publish import run_lock

REPO = Path(__file__).resolve().parents[2]


def jsonl_folder(folder: Path, files: int, per_file: int, offset: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for f in range(files):
        lines = [json.dumps({"metric": "members_admitted", "value": offset + f * per_file + i,
                             "body": f"Chi bộ thôn {f % 50}", "period_start": f"20{10 + i % 14}-01-01",
                             "period_end": f"20{10 + i % 14}-12-31"}, ensure_ascii=False)
                 for i in range(per_file)]
        (folder / f"f{offset}-{f:05d}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fact_count(db: Path) -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        row = con.execute("SELECT count(*) FROM facts").fetchone()
    return int(row[0]) if row else 0


@pytest.mark.slow
def test_sigkill_mid_run_leaves_the_warehouse_unchanged_and_the_next_run_completes(
        tmp_path: Path, db_path: Path) -> None:
    first = jsonl_folder(tmp_path / "first", 5, 10)
    run([first], db_path)
    before = digest(db_path)
    big = jsonl_folder(tmp_path / "big", 1500, 5, offset=10_000)
    cmd = [sys.executable, "-m", "etl.cli", "etl", "run", str(first), str(big), "--db", str(db_path), "--json"]
    building = db_path.with_name(f".{db_path.name}.building")
    killed_after = []
    for delay in (0.0, 0.5, 1.0):
        proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while not building.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)  # wait until it is writing its private copy
        time.sleep(delay)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            killed_after.append(delay)
        proc.wait()
        if proc.returncode == -signal.SIGKILL:
            if digest(db_path) != before:
                # The kill landed after the atomic rename: the whole new version must be there, never half.
                import duckdb

                with duckdb.connect(str(db_path), read_only=True) as con:
                    row = con.execute("SELECT count(*) FROM etl_runs WHERE finished_at IS NOT NULL").fetchone()
                assert row and row[0] >= 1, f"the live warehouse changed after SIGKILL at +{delay}s"
                before = digest(db_path)
            assert not db_path.with_name(db_path.name + ".wal").exists()
    assert killed_after, "the run finished before it could be killed; make the input bigger"
    done = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert fact_count(db_path) == 50 + 1500 * 5
    assert not building.exists()


def test_a_reader_holding_a_read_only_connection_does_not_block_a_refresh(tmp_path: Path, db_path: Path) -> None:
    run([jsonl_folder(tmp_path / "a", 2, 3)], db_path)
    reader = duckdb.connect(str(db_path), read_only=True)
    try:
        assert reader.execute("SELECT count(*) FROM facts").fetchone() == (6,)
        report = run([jsonl_folder(tmp_path / "b", 2, 4, offset=100)], db_path)
        assert report.status == "ok" and report.facts_added == 8
        # The open session keeps its consistent old snapshot …
        assert reader.execute("SELECT count(*) FROM facts").fetchone() == (6,)
    finally:
        reader.close()
    # … and the next connection sees the new facts.
    assert fact_count(db_path) == 14
    assert not db_path.with_name(db_path.name + ".wal").exists()


def test_a_reader_in_another_process_sees_new_facts_on_its_next_connection(tmp_path: Path, db_path: Path) -> None:
    run([jsonl_folder(tmp_path / "a", 1, 3)], db_path)
    script = (
        "import duckdb, sys, time\n"
        "con = duckdb.connect(sys.argv[1], read_only=True)\n"
        "print(con.execute('SELECT count(*) FROM facts').fetchone()[0], flush=True)\n"
        "sys.stdin.readline()\n"
        "print(con.execute('SELECT count(*) FROM facts').fetchone()[0], flush=True)\n"
        "con.close()\n"
        "print(duckdb.connect(sys.argv[1], read_only=True).execute('SELECT count(*) FROM facts').fetchone()[0])\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", script, str(db_path)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdin is not None
    assert proc.stdout.readline().strip() == "3"
    report = run([jsonl_folder(tmp_path / "b", 1, 5, offset=100)], db_path)
    assert report.status == "ok"
    proc.stdin.write("\n")
    proc.stdin.flush()
    out, _ = proc.communicate(timeout=60)
    assert out.split() == ["3", "8"]


def test_overlapping_runs_are_refused_with_a_clear_message(tmp_path: Path, db_path: Path) -> None:
    with run_lock(db_path), pytest.raises(RunInProgressError, match="already writing"):
        run([jsonl_folder(tmp_path / "a", 1, 1)], db_path)


def test_a_failed_quality_gate_publishes_nothing(tmp_path: Path, db_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    run([jsonl_folder(tmp_path / "a", 1, 2)], db_path)
    before = facts_and_documents(db_path)
    monkeypatch.setattr("etl.load.QUALITY_GATES", [("always broken", "SELECT 1")])
    from etl.errors import WarehouseError

    with pytest.raises(WarehouseError, match="nothing was published"):
        run([jsonl_folder(tmp_path / "b", 1, 2, offset=50)], db_path)
    assert facts_and_documents(db_path) == before
    assert not db_path.with_name(f".{db_path.name}.building").exists()
    # The failed run is in the history, with its reason, and nothing it read is.
    with duckdb.connect(str(db_path), read_only=True) as con:
        runs = con.execute("SELECT status, failure, facts_added FROM etl_runs ORDER BY run_id").fetchall()
    assert [r[0] for r in runs] == ["ok", "failed"]
    assert "always broken" in runs[1][1]
    assert runs[1][2] == 0


def test_the_gates_check_again_when_the_facts_changed_outside_a_run(tmp_path: Path, db_path: Path) -> None:
    src = jsonl_folder(tmp_path / "a", 1, 2)
    run([src], db_path)
    assert run([src], db_path).status == "ok"  # unchanged: the gates passed on these very facts before
    with duckdb.connect(str(db_path)) as con:  # a writer that bypassed the run put in a broken fact
        con.execute("INSERT INTO facts SELECT nextval('fact_id_seq'), * EXCLUDE (fact_id) REPLACE (-5 AS value) "
                    "FROM facts LIMIT 1")
    from etl.errors import WarehouseError

    with pytest.raises(WarehouseError, match="1 negative values"):
        run([src], db_path)


def facts_and_documents(db: Path) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    with duckdb.connect(str(db), read_only=True) as con:
        facts = con.execute("SELECT * FROM facts ORDER BY fact_id").fetchall()
        docs = con.execute("SELECT doc_id, path FROM documents ORDER BY doc_id").fetchall()
    return facts, docs
