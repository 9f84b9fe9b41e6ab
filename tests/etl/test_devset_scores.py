"""The extractor over the shared dev set and seeds, scored by the shared scorer, must meet the targets."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SETS = {"devset": (SHARED / "devset" / "docs", SHARED / "devset" / "gold.jsonl"),
        "seeds": (SHARED / "seeds", SHARED / "seeds" / "gold.jsonl")}


@pytest.mark.parametrize("name", sorted(SETS))
def test_scores(name: str, meets_targets: Callable[[Path, Path], None]) -> None:
    docs, gold = SETS[name]
    if not (docs.is_dir() and gold.is_file()):
        pytest.skip(f"{name} not available")
    meets_targets(docs, gold)
