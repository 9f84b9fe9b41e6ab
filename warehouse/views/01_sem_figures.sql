-- sem_figures: one row per figure — a distinct (metric, body, period_start, period_end, value). The same
-- figure found in several documents is ONE figure with several mentions (evidences). fact_id is the id of
-- its best-ranked mention (see sem_mentions), whose label, evidence and document the figure shows; chosen is
-- true when this figure is the value its slot takes, in_conflict when its slot has other values.
CREATE OR REPLACE VIEW sem_figures AS
SELECT
    metric_id,
    body_id,
    period_start,
    period_end,
    value,
    arg_min(fact_id, slot_rank)        AS fact_id,
    list(fact_id ORDER BY fact_id)     AS fact_ids,
    count(*)                           AS mentions,
    count(DISTINCT doc_id)             AS source_count,
    list(DISTINCT source_path ORDER BY source_path) FILTER (WHERE source_path IS NOT NULL) AS sources,
    min(slot_rank) = 1                 AS chosen,
    count(*) OVER (PARTITION BY metric_id, body_id, period_start, period_end) > 1 AS in_conflict,
    arg_min(doc_id, slot_rank)         AS doc_id,
    arg_min(period_label, slot_rank)   AS period_label,
    arg_min(qualifier, slot_rank)      AS qualifier,
    arg_min(target_pct, slot_rank)     AS target_pct,
    arg_min(raw_value, slot_rank)      AS raw_value,
    arg_min(evidence, slot_rank)       AS evidence,
    arg_min(start_offset, slot_rank)   AS start_offset,
    arg_min(end_offset, slot_rank)     AS end_offset,
    arg_min(source_row, slot_rank)     AS source_row,
    arg_min(confidence, slot_rank)     AS confidence,
    arg_min(extractor, slot_rank)      AS extractor,
    arg_min(run_id, slot_rank)         AS run_id,
    -- its best source's document, as v_facts shows it
    arg_min(source_path, slot_rank)    AS source_path,
    arg_min(source_kind, slot_rank)    AS source_kind,
    arg_min(source_title, slot_rank)   AS source_title,
    arg_min(source_outlet, slot_rank)  AS source_outlet,
    arg_min(published, slot_rank)      AS source_published
FROM sem_mentions
GROUP BY metric_id, body_id, period_start, period_end, value;
