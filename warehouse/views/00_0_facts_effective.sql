-- facts_effective: one row per extracted mention as the analysts' corrections leave it, plus one row per
-- fact an analyst added. Rejected mentions are gone; corrected ones carry the corrected metric, body, period
-- and value; confirmed ones carry confidence 1. Every semantic view reads this, never `facts` directly, so
-- every chart, export and query sees corrected data while `facts` keeps what was extracted.
CREATE OR REPLACE VIEW facts_effective AS
WITH live AS (
    SELECT * FROM corrections WHERE superseded_by IS NULL AND action <> 'add'
)
SELECT
    f.fact_id,
    f.doc_id,
    coalesce(c.new_metric_id, f.metric_id)        AS metric_id,
    coalesce(c.new_body_id, f.body_id)            AS body_id,
    coalesce(c.new_period_start, f.period_start)  AS period_start,
    coalesce(c.new_period_end, f.period_end)      AS period_end,
    coalesce(c.new_value, f.value)                AS value,
    coalesce(c.new_period_label, f.period_label)  AS period_label,
    f.qualifier, f.target_pct, f.raw_value, f.evidence, f.start_offset, f.end_offset, f.source_row,
    CASE WHEN c.action IN ('confirm', 'correct') THEN 1.0 ELSE f.confidence END AS confidence,
    f.extractor,
    f.run_id,
    c.correction_id,
    c.action                                      AS review_status,
    f.metric_id                                   AS extracted_metric_id,
    f.value                                       AS extracted_value
FROM facts f
LEFT JOIN live c
       ON c.doc_id = f.doc_id AND c.metric_id = f.metric_id
      AND c.start_offset IS NOT DISTINCT FROM f.start_offset
      AND c.end_offset IS NOT DISTINCT FROM f.end_offset
      AND c.source_row IS NOT DISTINCT FROM f.source_row
WHERE c.action IS DISTINCT FROM 'reject'
UNION ALL
SELECT
    -correction_id, 'correction:' || correction_id, new_metric_id, new_body_id, new_period_start, new_period_end,
    new_value, new_period_label, 'exact', NULL, CAST(new_value AS VARCHAR), source, NULL, NULL, NULL,
    1.0, 'correction', NULL, correction_id, 'add', new_metric_id, new_value
FROM corrections
WHERE action = 'add' AND superseded_by IS NULL;
