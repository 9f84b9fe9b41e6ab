-- sem_periods: one row per slot — a body, a metric and an exact period (start, end) — with the ONE value
-- the warehouse believes for it. When documents disagree (n_values > 1) the slot is a conflict: the value
-- is the chosen one by source priority (sem_mentions), and every figure stays listed in v_conflicts.
CREATE OR REPLACE VIEW sem_periods AS
SELECT
    metric_id,
    body_id,
    period_start,
    period_end,
    arg_max(value, chosen)                             AS value,
    arg_max(fact_id, chosen)                           AS fact_id,
    arg_max(source_count, chosen)                      AS source_count,
    count(*)                                           AS n_values,
    list(value ORDER BY value)                         AS "values",
    flatten(list(fact_ids))                            AS fact_ids,
    sum(source_count)                                  AS all_sources
FROM mat_figures
GROUP BY metric_id, body_id, period_start, period_end;
