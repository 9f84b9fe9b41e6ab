"""`partybuild sample`: generated articles and truth, warehouse-scale facts, the sample spreadsheet."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import duckdb
import pytest

from etl.cli import main
from etl.errors import ConfigError
from etl.pipeline import run as etl_run
from etl.sample.articles import article, write_articles
from etl.sample.facts import build_facts
from etl.sample.phrases import SAMPLE_MARK, SAMPLE_NOTE
from etl.sample.spreadsheet import write_spreadsheet

METRICS = {"members_admitted", "funds_donated", "houses_built", "confidence_vote_subjects"}
QUALIFIERS = {"exact", "more_than", "about", "at_least"}
TRUTH_KEYS = {"doc", "metric", "value", "qualifier", "body", "province", "period_start", "period_end", "evidence"}


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("articles")
    assert main(["sample", "--docs", "300", "--out", str(out), "--seed", "7"]) == 0
    return out


def _truth(folder: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in (folder / "truth.jsonl").read_text(encoding="utf-8").splitlines()]


def test_articles_are_deterministic_per_seed(tmp_path: Path) -> None:
    write_articles(20, tmp_path / "a", seed=3)
    write_articles(20, tmp_path / "b", seed=3)
    write_articles(20, tmp_path / "c", seed=4)
    for name in ["truth.jsonl", *(f"mau-{i:05d}.txt" for i in range(1, 21))]:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    assert (tmp_path / "a" / "truth.jsonl").read_bytes() != (tmp_path / "c" / "truth.jsonl").read_bytes()
    # article i does not depend on how many were asked for
    assert article(3, 5) == article(3, 5)


def test_truth_is_well_formed_and_grounded(articles: Path) -> None:
    truth = _truth(articles)
    assert len(truth) > 300  # most articles carry at least one figure, some several
    texts = {p.name: p.read_text(encoding="utf-8") for p in articles.glob("*.txt")}
    assert len(texts) == 300
    for t in truth:
        assert set(t) == TRUTH_KEYS
        assert t["metric"] in METRICS and t["qualifier"] in QUALIFIERS
        assert isinstance(t["value"], int) and t["value"] > 0
        assert str(t["evidence"]) in texts[str(t["doc"])]
        start, end = date.fromisoformat(str(t["period_start"])), date.fromisoformat(str(t["period_end"]))
        assert date(2010, 1, 1) <= start <= end <= date(2025, 12, 31)
        assert str(t["body"]).startswith("Đảng")
    assert {t["metric"] for t in truth} == METRICS
    assert {t["qualifier"] for t in truth} == QUALIFIERS
    assert any(t["province"] is None for t in truth) and len({t["province"] for t in truth}) > 30
    for text in texts.values():
        assert SAMPLE_MARK in text


def test_articles_carry_distractors_and_page_furniture(articles: Path) -> None:
    corpus = "\n".join(p.read_text(encoding="utf-8") for p in articles.glob("*.txt"))
    for marker in ("phấn đấu kết nạp", "chuyển đảng chính thức", "lần thứ", "-CT/TW", "nhiệm kỳ 20",
                   "Tin liên quan:", "Ảnh: ", "Trang chủ", "tổng số", "lớp bồi dưỡng", "mỗi căn"):
        assert marker.lower() in corpus.lower(), marker
    for money in (" tỷ đồng", " triệu đồng"):
        assert money in corpus


def test_full_length_articles_are_the_short_ones_with_prose_around_the_same_figures() -> None:
    from etl.extract import extract_document

    sizes = []
    for i in range(1, 41):
        name, short, truth = article(9, i)
        name_full, full, truth_full = article(9, i, "full")
        assert (name_full, truth_full) == (name, truth)
        kept = iter(full.split("\n"))
        assert all(line in kept for line in short.split("\n"))  # every line of the short one, in order
        sizes.append(len(full.encode("utf-8")))
        found = {(f.metric, f.value) for f in extract_document(short)}
        assert {(f.metric, f.value) for f in extract_document(full)} == found, name  # the prose holds no figure
    sizes.sort()
    assert 4_000 <= sizes[len(sizes) // 2] <= 9_000 and sizes[0] >= 2_500  # the length of real articles


def test_facts_build_a_consistent_warehouse(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    built = build_facts(db, 20_000, seed=5)
    assert built.facts == 20_000 and built.documents == 200
    with duckdb.connect(str(db), read_only=True) as con:
        def one(sql: str) -> object:
            row = con.execute(sql).fetchone()
            assert row is not None
            return row[0]

        assert one("SELECT count(*) FROM facts") == 20_000
        assert one("SELECT count(*) FROM facts WHERE body_id NOT IN (SELECT body_id FROM bodies)") == 0
        assert one("SELECT count(*) FROM facts WHERE metric_id NOT IN (SELECT metric_id FROM metrics)") == 0
        assert one("SELECT count(*) FROM facts WHERE doc_id NOT IN (SELECT doc_id FROM documents)") == 0
        assert one("SELECT count(DISTINCT metric_id) FROM facts") == 4
        assert one("SELECT min(period_start) >= DATE '2010-01-01' AND max(period_end) <= DATE '2025-12-31' "
                   "FROM facts")
        assert one("SELECT min(confidence) >= 0.5 AND max(confidence) <= 1 FROM facts")
        assert one("SELECT count(*) FROM documents WHERE kind <> 'sample'") == 0
        assert one("SELECT count(*) FROM bodies WHERE NOT verified") == 0
        assert one("SELECT count(*) FROM bodies WHERE level = 'district' AND (parent_id IS NULL OR province IS NULL)") == 0
        assert one("SELECT status FROM etl_runs") == "ok"
        assert one("SELECT facts_added FROM etl_runs") == 20_000
        assert one("SELECT count(DISTINCT period_end - period_start > 300) FROM facts") == 2
        first = con.execute("SELECT metric_id, body_id, value FROM facts ORDER BY doc_id, start_offset").fetchall()
    # the same seed builds the same facts; a second build adds to the warehouse
    again = build_facts(tmp_path / "v.duckdb", 20_000, seed=5)
    with duckdb.connect(str(again.db), read_only=True) as con:
        assert con.execute("SELECT metric_id, body_id, value FROM facts ORDER BY doc_id, start_offset").fetchall() == first
    build_facts(db, 1_000, seed=6)
    with duckdb.connect(str(db), read_only=True) as con:
        row = con.execute("SELECT count(*), count(DISTINCT fact_id), count(DISTINCT run_id) FROM facts").fetchone()
    assert row == (21_000, 21_000, 2)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_sample_spreadsheet_loads_without_rejections(tmp_path: Path, suffix: str) -> None:
    sheet = tmp_path / f"bao-cao-mau{suffix}"
    assert main(["sample", "--spreadsheet", str(sheet)]) == 0
    db = tmp_path / "w.duckdb"
    assert main(["etl", "run", str(sheet), "--db", str(db)]) == 0
    with duckdb.connect(str(db), read_only=True) as con:
        facts = con.execute("SELECT count(*), count(DISTINCT body_id), min(period_start), max(period_end) "
                            "FROM facts").fetchone()
        runs = con.execute("SELECT rows_rejected FROM etl_runs").fetchone()
    assert facts is not None and facts[0] > 300 and 25 <= facts[1] <= 45  # "Tỉnh ủy X" joins "Đảng bộ tỉnh X" once the registry has it
    assert facts[2] >= date(2015, 1, 1) and facts[3] <= date(2025, 12, 31)
    assert runs == (0,)


def test_bulk_spreadsheet_rows(tmp_path: Path) -> None:
    sheet = tmp_path / "bulk.csv"
    assert write_spreadsheet(sheet, rows=2_000, seed=1) == 2_000
    report = etl_run([sheet], tmp_path / "w.duckdb")
    assert report.status == "ok" and report.facts_added == 2_000 and report.rows_rejected == 0
    assert SAMPLE_NOTE in sheet.read_text(encoding="utf-8")


@pytest.mark.parametrize("argv, message", [
    (["--docs", "5"], "--docs needs --out"),
    (["--docs", "0", "--out", "x"], "at least 1"),
    (["--facts", "10", "--out", "x"], "--out only goes with --docs"),
    (["--spreadsheet", "s.csv", "--db", "w.duckdb"], "--db only goes with --facts"),
    (["--docs", "5", "--out", "x", "--rows", "3"], "--rows only goes with --spreadsheet"),
    (["--spreadsheet", "s.txt"], ".csv or .xlsx"),
    (["--facts", "0", "--db", "w.duckdb"], "at least 1"),
    (["--spreadsheet", "s.csv", "--length", "full"], "--length only goes with --docs"),
])
def test_cli_refuses_wrong_flag_combinations(
    argv: list[str], message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["sample", *argv]) == 1
    assert message in capsys.readouterr().err
    assert not (tmp_path / "x").exists() and not (tmp_path / "w.duckdb").exists()


@pytest.mark.parametrize("argv", [[], ["--docs", "3", "--facts", "3"], ["--facts", "3", "--spreadsheet", "s.csv"]])
def test_cli_wants_exactly_one_mode(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["sample", *argv])
    assert exc.value.code == 2
    assert "--docs" in capsys.readouterr().err


def test_facts_refuse_bad_sizes(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        build_facts(tmp_path / "w.duckdb", 0)
