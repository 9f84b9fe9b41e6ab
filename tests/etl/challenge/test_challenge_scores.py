"""The extractor over our own challenge set (tests/etl/challenge), scored by the shared scorer against the same
targets as the shared dev set: precision ≥ 0.95 and recall ≥ 0.90 on (metric, value), body and period ≥ 0.90 on
the matched facts."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from etl.extract import extract_document, fact_to_json

HERE = Path(__file__).parent
DOCS, GOLD = HERE / "docs", HERE / "gold.jsonl"
SCORER = Path(__file__).resolve().parents[3].parent / "shared" / "eval" / "score.py"


def _gold() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_gold_is_well_formed() -> None:
    gold = _gold()
    assert sorted(g["doc"] for g in gold) == sorted(p.name for p in DOCS.glob("*.txt"))
    assert 30 <= len(gold) <= 40
    for g in gold:
        text = (DOCS / g["doc"]).read_text(encoding="utf-8")
        for f in g["facts"]:
            assert f["metric"] in ("members_admitted", "funds_donated", "houses_built", "confidence_vote_subjects")
            assert f["evidence"] in text, (g["doc"], f["evidence"])
            assert f["body_core"].lower() in f["body"].lower(), (g["doc"], f["body"])
            assert f["period_start"] <= f["period_end"]


def test_scores(tmp_path: Path) -> None:
    if not SCORER.is_file():
        pytest.skip("the shared scorer (../shared/eval/score.py) is not available")
    pred = tmp_path / "pred.jsonl"
    with open(pred, "w", encoding="utf-8") as out:
        for path in sorted(DOCS.glob("*.txt")):
            for fact in extract_document(path.read_text(encoding="utf-8")):
                out.write(json.dumps(fact_to_json(fact, path.name), ensure_ascii=False) + "\n")
    run = subprocess.run([sys.executable, str(SCORER), "--gold", str(GOLD), "--pred", str(pred), "--json"],
                         capture_output=True, text=True, check=True)
    result = json.loads(run.stdout)
    errors = "\n".join(result["errors"])
    assert result["precision"] >= 0.95, errors
    assert result["recall"] >= 0.90, errors
    assert result["body_accuracy"] >= 0.90, errors
    assert result["period_accuracy"] >= 0.90, errors
