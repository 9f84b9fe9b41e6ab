"""A run over mixed inputs: incremental loads, changed files, --reprocess, bad inputs quarantined, reports."""

from __future__ import annotations

import json
import os
from pathlib import Path

import duckdb
import pytest

from etl.cli import main
from etl.pipeline import run

HEADER = "body,metric,period,value\n"


def sheet(folder: Path, name: str, rows: list[tuple[str, str, str, int]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(HEADER + "".join(f"{b},{m},{p},{v}\n" for b, m, p, v in rows), encoding="utf-8")
    return path


def facts_file(folder: Path, name: str, values: list[int]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    lines = [json.dumps({"metric": "members_admitted", "value": v, "body": f"Đảng bộ xã Số {i}",
                         "period_start": "2023-01-01", "period_end": "2023-12-31"}, ensure_ascii=False)
             for i, v in enumerate(values)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def count(db: Path, sql: str) -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        row = con.execute(sql).fetchone()
    return int(row[0]) if row else 0


def test_second_run_over_unchanged_files_adds_nothing_and_reads_nothing(
        tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "in"
    sheet(src, "a.csv", [("Đảng bộ huyện Cam Lộ", "members_admitted", "2023", 40)])
    facts_file(src / "sub", "b.jsonl", [5, 6, 7])
    first = run([src], db_path)
    assert (first.status, first.documents_new, first.facts_added) == ("ok", 2, 4)

    import etl.sources as sources

    def no_reading(path: Path) -> None:
        raise AssertionError(f"{path} was read although unchanged")

    monkeypatch.setattr(sources, "reader_for", lambda path: no_reading)
    monkeypatch.setattr("etl.work.reader_for", lambda path: no_reading)
    second = run([src], db_path)
    assert (second.status, second.documents_unchanged, second.documents_new, second.facts_added,
            second.facts_removed) == ("ok", 2, 0, 0, 0)
    assert count(db_path, "SELECT count(*) FROM facts") == 4
    assert count(db_path, "SELECT count(*) FROM etl_runs") == 2


def test_touched_but_identical_file_is_hashed_and_kept(tmp_path: Path, db_path: Path) -> None:
    path = sheet(tmp_path / "in", "a.csv", [("Đảng bộ huyện Cam Lộ", "members_admitted", "2023", 40)])
    run([path], db_path)
    os.utime(path, ns=(1, 1))
    again = run([path], db_path)
    assert (again.documents_unchanged, again.facts_added, again.facts_removed) == (1, 0, 0)


def test_a_changed_file_replaces_its_old_facts(tmp_path: Path, db_path: Path) -> None:
    path = facts_file(tmp_path / "in", "b.jsonl", [5, 6, 7])
    run([path], db_path)
    facts_file(tmp_path / "in", "b.jsonl", [50, 60])
    changed = run([path], db_path)
    assert (changed.documents_changed, changed.facts_added, changed.facts_removed) == (1, 2, 3)
    assert count(db_path, "SELECT sum(value) FROM facts") == 110
    assert count(db_path, "SELECT count(*) FROM documents") == 1


def test_reprocess_extracts_everything_again(tmp_path: Path, db_path: Path) -> None:
    src = tmp_path / "in"
    facts_file(src, "b.jsonl", [5, 6, 7])
    run([src], db_path)
    again = run([src], db_path, reprocess=True)
    assert (again.documents_new, again.facts_added, again.facts_removed) == (1, 3, 3)
    assert count(db_path, "SELECT count(*) FROM facts") == 3
    assert count(db_path, "SELECT count(*) FROM documents WHERE extractor = 'jsonl-1'") == 1


def bad_inputs(folder: Path) -> dict[str, str]:
    """Every kind of bad input next to one good file; name → words its reason must contain."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "trong.txt").write_bytes(b"")
    (folder / "nhi-phan.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00" + bytes(range(256)) * 4)
    (folder / "cut.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pa")
    (folder / "gia.docx").write_bytes("Tôi là văn bản, không phải Word".encode())
    (folder / "hong.xlsx").write_bytes(b"PK\x03\x04garbage")
    (folder / "loi-ma.txt").write_bytes(bytes(range(0x80, 0x100)) * 30)
    (folder / "sai-cot.csv").write_text("đơn vị,số liệu\nA,1\n", encoding="utf-8")
    (folder / "kich-ban.html").write_text(
        "<html><script>fetch('/x'); document.body.innerHTML = 'ĐÃ CHẠY'</script>"
        "<nav class='menu'>Trang chủ</nav></html>", encoding="utf-8")
    (folder / "anh.png").write_bytes(b"\x89PNG\r\n")
    with open(folder / "rat-lon.txt", "wb") as handle:  # sparse: 51 MB on paper, nothing on disk
        handle.truncate(51 * 1024 * 1024)
    sheet(folder, "tot.csv", [("Đảng bộ huyện Cam Lộ", "members_admitted", "2023", 40)])
    return {"trong.txt": "empty", "nhi-phan.txt": "binary", "cut.pdf": "PDF", "gia.docx": "docx",
            "hong.xlsx": "xlsx", "loi-ma.txt": "UTF-8", "sai-cot.csv": "lacks the column",
            "kich-ban.html": "no article text", "anh.png": "unknown file type", "rat-lon.txt": "50 MB limit"}


def test_bad_inputs_are_quarantined_with_reasons_and_the_good_file_loads(tmp_path: Path, db_path: Path) -> None:
    expected = bad_inputs(tmp_path / "in")
    report = run([tmp_path / "in"], db_path)
    assert report.status == "partial" and report.exit_code == 2
    assert report.documents_new == 1 and report.facts_added == 1
    reasons = {Path(e.path).name: e.message for e in report.errors}
    for name, words in expected.items():
        assert words in reasons.get(name, ""), (name, reasons.get(name))
    with duckdb.connect(str(db_path), read_only=True) as con:
        stored = {Path(p).name for (p,) in con.execute("SELECT path FROM etl_errors").fetchall()}
    assert stored == set(expected)
    assert report.documents_rejected == len(expected)


def test_cli_json_summary_and_exit_status(tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad_inputs(tmp_path / "in")
    code = main(["etl", "run", str(tmp_path / "in"), "--db", str(db_path), "--json"])
    summary = json.loads(capsys.readouterr().out)
    assert code == 2 and summary["exit_code"] == 2
    assert summary["documents_rejected"] == 10 and summary["facts_added"] == 1
    assert {"path", "stage", "message", "row_no"} <= set(summary["errors"][0])


def test_max_input_mb_flag(tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str],
                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARTYBUILD_MAX_INPUT_MB", "50")  # restored after the test, whatever the CLI sets
    path = facts_file(tmp_path / "in", "b.jsonl", list(range(200)))
    code = main(["etl", "run", str(path), "--db", str(db_path), "--max-input-mb", "0.001", "--json"])
    summary = json.loads(capsys.readouterr().out)
    assert code == 1 and "limit" in summary["errors"][0]["message"]


def test_runs_lists_history(tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = facts_file(tmp_path / "in", "b.jsonl", [1, 2])
    run([path], db_path)
    run([path], db_path)
    assert main(["etl", "runs", "--db", str(db_path), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["documents_new"] for r in rows] == [0, 1]
    assert {"started_at", "duration", "status", "documents_seen", "documents_changed", "documents_rejected",
            "facts_added", "facts_removed"} <= set(rows[0])


def test_bad_jsonl_lines_are_rejected_by_number(tmp_path: Path, db_path: Path) -> None:
    path = tmp_path / "f.jsonl"
    good = {"metric": "members_admitted", "value": 3, "body": "Chi bộ thôn Đông", "period_start": "2022-05-01"}
    lines = [good, {**good, "value": -1}, {**good, "metric": "số cuộc họp"}, {**good, "period_start": "hôm qua"},
             {**good, "value": 2.5}]
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\nkhông phải json\n",
                    encoding="utf-8")
    report = run([path], db_path)
    assert report.facts_added == 1 and report.rows_rejected == 5
    assert sorted(e.row_no or 0 for e in report.errors) == [2, 3, 4, 5, 6]


def test_every_format_and_encoding_is_recorded_per_document(tmp_path: Path, db_path: Path) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).parent / "sources"))
    from source_fixtures import SENTENCE, article_html, cp1258, legacy, pdf_bytes, write_docx

    src = tmp_path / "in"
    src.mkdir()
    (src / "a.html").write_bytes(cp1258(article_html("windows-1258")))
    (src / "b.md").write_bytes(legacy(SENTENCE + " Bản TCVN3.", "tcvn3"))
    (src / "c.txt").write_bytes((SENTENCE + " Bản UTF-16.").encode("utf-16"))
    (src / "c2.txt").write_bytes(SENTENCE.encode("utf-8"))  # same words as the .docx: one document
    write_docx(src / "d.docx", [SENTENCE])
    (src / "e.pdf").write_bytes(pdf_bytes([SENTENCE[:50]]))
    report = run([src], db_path)
    assert (report.documents_new, report.documents_unchanged, report.documents_rejected) == (5, 1, 0)
    with duckdb.connect(str(db_path), read_only=True) as con:
        rows = set(con.execute("SELECT kind, encoding FROM documents").fetchall())
        outlet = con.execute("SELECT outlet, published::VARCHAR FROM documents WHERE kind = 'html'").fetchone()
    assert rows == {("html", "windows-1258"), ("text", "tcvn3"), ("text", "utf-16"), ("text", "utf-8"),
                    ("pdf", "pdf")}
    assert outlet == ("Báo Quảng Trị", "2024-12-30")
