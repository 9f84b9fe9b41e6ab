"""Scoring a set of articles with the shared scorer against the issue's extraction targets (the dev set, the
seeds and our challenge set are held to the same ones)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from etl.extract import extract_document, fact_to_json

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SCORER = SHARED / "eval" / "score.py"


def _meets_targets(docs: Path, gold: Path, tmp_path: Path) -> None:
    """Extract every .txt of `docs`, score it against `gold`: precision ≥ 0.95 and recall ≥ 0.90 on (metric,
    value), body and period ≥ 0.90 on the matched facts (the scorer's errors are the assertion message)."""
    if not SCORER.is_file():
        pytest.skip("the shared scorer (../shared/eval/score.py) is not available")
    pred = tmp_path / "pred.jsonl"
    with open(pred, "w", encoding="utf-8") as out:
        for path in sorted(docs.glob("*.txt")):
            for fact in extract_document(path.read_text(encoding="utf-8-sig")):
                out.write(json.dumps(fact_to_json(fact, path.name), ensure_ascii=False) + "\n")
    run = subprocess.run([sys.executable, str(SCORER), "--gold", str(gold), "--pred", str(pred), "--json"],
                         capture_output=True, text=True, check=True)
    result = json.loads(run.stdout)
    errors = "\n".join(result["errors"])
    assert result["precision"] >= 0.95, errors
    assert result["recall"] >= 0.90, errors
    assert result["body_accuracy"] >= 0.90, errors
    assert result["period_accuracy"] >= 0.90, errors


@pytest.fixture
def meets_targets(tmp_path: Path) -> Callable[[Path, Path], None]:
    return lambda docs, gold: _meets_targets(docs, gold, tmp_path)
