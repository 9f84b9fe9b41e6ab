-- v_review_queue: one row per fact that most needs a human, not yet reviewed: conflicts first, then low
-- confidence (< 0.7), then facts of unverified bodies; within a group, the least confident first.
CREATE OR REPLACE VIEW v_review_queue AS
SELECT
    CASE WHEN f.in_conflict THEN 1 WHEN f.confidence < 0.7 THEN 2 ELSE 3 END AS priority,
    CASE WHEN f.in_conflict THEN 'conflict' WHEN f.confidence < 0.7 THEN 'low_confidence'
         ELSE 'unverified_body' END AS why,
    f.fact_id, f.metric_id, f.body, f.period_label, f.period_start, f.period_end, f.value, f.confidence,
    f.evidence, f.source_path
FROM v_facts f
WHERE (f.in_conflict OR f.confidence < 0.7 OR NOT f.body_verified)
  AND NOT EXISTS (SELECT 1 FROM facts_effective e WHERE list_contains(f.fact_ids, e.fact_id)
                  AND e.review_status IS NOT NULL)
ORDER BY priority, f.confidence, f.fact_id;

COMMENT ON VIEW v_review_queue IS 'Hàng đợi rà soát: xung đột, độ tin cậy thấp, đơn vị chưa xác minh / Review queue';
COMMENT ON COLUMN v_review_queue.why IS 'Lý do cần rà soát / Why it needs review';
