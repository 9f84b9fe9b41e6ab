"""The extractor over our own challenge set (tests/etl/challenge), scored by the shared scorer against the same
targets as the shared dev set: precision ≥ 0.95 and recall ≥ 0.90 on (metric, value), body and period ≥ 0.90 on
the matched facts."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).parent
DOCS, GOLD = HERE / "docs", HERE / "gold.jsonl"


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


def test_scores(meets_targets: Callable[[Path, Path], None]) -> None:
    meets_targets(DOCS, GOLD)
