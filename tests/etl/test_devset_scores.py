"""The extractor over the shared dev set and seeds, scored by the shared scorer, must meet the targets."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from etl.extract import extract_document, fact_to_json

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SETS = {"devset": (SHARED / "devset" / "docs", SHARED / "devset" / "gold.jsonl"),
        "seeds": (SHARED / "seeds", SHARED / "seeds" / "gold.jsonl")}


@pytest.mark.parametrize("name", sorted(SETS))
def test_scores(name: str, tmp_path: Path) -> None:
    docs, gold = SETS[name]
    scorer = SHARED / "eval" / "score.py"
    if not (docs.is_dir() and gold.is_file() and scorer.is_file()):
        pytest.skip(f"{name} not available")
    pred = tmp_path / "pred.jsonl"
    with open(pred, "w", encoding="utf-8") as out:
        for path in sorted(docs.glob("*.txt")):
            for fact in extract_document(path.read_text(encoding="utf-8-sig")):
                out.write(json.dumps(fact_to_json(fact, path.name), ensure_ascii=False) + "\n")
    run = subprocess.run([sys.executable, str(scorer), "--gold", str(gold), "--pred", str(pred), "--json"],
                         capture_output=True, text=True, check=True)
    result = json.loads(run.stdout)
    errors = "\n".join(result["errors"])
    assert result["precision"] >= 0.95, errors
    assert result["recall"] >= 0.90, errors
    assert result["body_accuracy"] >= 0.90, errors
    assert result["period_accuracy"] >= 0.90, errors
