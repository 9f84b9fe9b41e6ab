-- sem_conflicts: one row per conflict — a slot of sem_periods (body, metric, exact period) with more than one
-- value — numbered in the order the data-quality page lists them: most values first, then the latest period
-- end, the body's name, the metric, the later start and the body id (so that every conflict has one
-- position). The lists are also given as text, once here rather than on every page read.
CREATE OR REPLACE VIEW sem_conflicts AS
SELECT
    row_number() OVER (ORDER BY p.n_values DESC, p.period_end DESC, b.name, p.metric_id, p.period_start DESC,
                                p.body_id) AS position,
    p.metric_id,
    p.body_id,
    b.name                   AS body,
    p.period_start,
    p.period_end,
    p.n_values,
    p.value                  AS chosen_value,
    p.fact_id                AS chosen_fact_id,
    p."values",
    p.fact_ids,
    p.all_sources            AS source_count,
    p."values"::VARCHAR      AS values_text,
    p.fact_ids::VARCHAR      AS fact_ids_text
FROM mat_periods p
JOIN bodies b ON b.body_id = p.body_id
WHERE p.n_values > 1;
