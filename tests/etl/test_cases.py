"""Each tests/etl/cases/<name>.txt is an article we wrote; <name>.expected.json lists its facts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from etl.extract import extract_document

CASES = Path(__file__).parent / "cases"


@pytest.mark.parametrize("case", sorted(p.stem for p in CASES.glob("*.txt")))
def test_case(case: str) -> None:
    text = (CASES / f"{case}.txt").read_text(encoding="utf-8")
    expected = json.loads((CASES / f"{case}.expected.json").read_text(encoding="utf-8"))
    facts = extract_document(text)
    got = [(f.metric, f.value) for f in facts]
    assert sorted(got) == sorted((e["metric"], e["value"]) for e in expected), got
    for e in expected:
        f = next(f for f in facts if (f.metric, f.value) == (e["metric"], e["value"]))
        assert f.qualifier == e["qualifier"]
        assert e["body_contains"] in f.body, f.body
        assert f.province == e["province"]
        if "period_start" in e:
            assert (f.period_start.isoformat(), f.period_end.isoformat()) == (e["period_start"], e["period_end"])
        if "target_pct" in e:
            assert f.target_pct == e["target_pct"]
        assert text[f.start:f.end] == f.evidence
