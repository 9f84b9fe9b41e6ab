-- sem_mentions: one row per mention, i.e. per row of `facts` (a figure as one document states it), with the
-- keys that rank it against the other mentions of the same body, metric and period (its "slot").
-- Source priority, documented in the README: (1) a structured official report (a spreadsheet, or a row read
-- by the template extractor) before prose; (2) the later publication; (3) the higher extractor confidence;
-- (4) the later load (higher fact_id). slot_rank = 1 is the mention whose value the slot takes.
CREATE OR REPLACE VIEW sem_mentions AS
SELECT
    f.fact_id,
    f.doc_id,
    f.metric_id,
    f.body_id,
    f.period_start,
    f.period_end,
    f.value,
    f.period_label, f.qualifier, f.target_pct, f.raw_value, f.evidence, f.start_offset, f.end_offset,
    f.source_row, f.extractor, f.run_id,
    (coalesce(d.kind, '') IN ('spreadsheet', 'jsonl') OR f.extractor LIKE 'template%') AS structured,
    d.published,
    f.confidence,
    d.path AS source_path,
    d.kind AS source_kind,
    d.title AS source_title,
    d.outlet AS source_outlet,
    row_number() OVER (
        PARTITION BY f.metric_id, f.body_id, f.period_start, f.period_end
        ORDER BY (coalesce(d.kind, '') IN ('spreadsheet', 'jsonl') OR f.extractor LIKE 'template%') DESC,
                 d.published DESC NULLS LAST, f.confidence DESC, f.fact_id DESC
    ) AS slot_rank
FROM facts_effective f
LEFT JOIN documents d ON d.doc_id = f.doc_id;
