"""Facts from Vietnamese prose: numbers, periods, bodies and the metric catalogue, put together.

>>> facts = extract_document("Huyện ủy Đơn Dương kết nạp 71 đảng viên mới\\n\\nNăm 2016, Huyện ủy Đơn Dương (Lâm Đồng) đã kết nạp 71 đảng viên mới.")
>>> [(f.metric, f.value, f.period_label) for f in facts]
[('members_admitted', 71, 'năm 2016')]
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

EXTRACTOR_VERSION = "rules-1.4"


@dataclass(frozen=True)
class ExtractedFact:
    """One figure with its attribution; ``start``/``end`` are offsets into the NFC document."""

    metric: str
    value: int
    unit: str
    qualifier: str
    body: str
    body_id: str
    province: str | None
    body_verified: bool
    period_start: date
    period_end: date
    period_label: str
    evidence: str
    start: int
    end: int
    confidence: float
    extractor: str
    target_pct: float | None
    raw_value: str


def extract_document(text: str, *, published: date | None = None, outlet: str | None = None,
                     title: str | None = None) -> list[ExtractedFact]:
    """The facts of one document. ``text`` may be non-NFC; offsets refer to its NFC form.

    ``published`` defaults to the dateline found in the text, ``outlet`` to the byline or domain
    found in it, ``title`` to the first line.
    """
    import unicodedata

    from etl.extract.document import analyse

    doc = unicodedata.normalize("NFC", text)
    out = []
    for f in analyse(text, published=published, outlet=outlet, title=title):
        c = f.cand
        conf = c.confidence * (1.0 if f.body.verified else 0.9)
        out.append(ExtractedFact(
            metric=c.metric, value=round(c.number.value), unit=c.unit, qualifier=c.number.qualifier,
            body=f.body.name, body_id=f.body.body_id, province=f.body.province, body_verified=f.body.verified,
            period_start=f.period.first, period_end=f.period.last, period_label=f.period.label,
            evidence=doc[c.start:c.end], start=c.start, end=c.end, confidence=round(conf, 3),
            extractor=EXTRACTOR_VERSION, target_pct=c.target_pct, raw_value=doc[c.number.start:c.number.end],
        ))
    return out


def fact_to_json(fact: ExtractedFact, source: str) -> dict[str, Any]:
    """The JSON object printed by ``partybuild extract`` for one fact (dates in ISO form)."""
    obj: dict[str, Any] = {
        "source": source, "metric": fact.metric, "value": fact.value, "unit": fact.unit,
        "qualifier": fact.qualifier, "body": fact.body, "body_id": fact.body_id, "province": fact.province,
        "body_verified": fact.body_verified, "period_start": fact.period_start.isoformat(),
        "period_end": fact.period_end.isoformat(), "period_label": fact.period_label, "evidence": fact.evidence,
        "start": fact.start, "end": fact.end, "confidence": fact.confidence, "extractor": fact.extractor,
        "raw_value": fact.raw_value,
    }
    if fact.target_pct is not None:
        obj["target_pct"] = fact.target_pct
    return obj


__all__ = ["EXTRACTOR_VERSION", "ExtractedFact", "extract_document", "fact_to_json"]
