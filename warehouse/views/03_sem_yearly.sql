-- sem_yearly: one row per body, metric and calendar year: the body's OWN figure for the year, by the period
-- rules (README, "Periods"), computed from the resolved slots of sem_periods that lie inside the year:
--   1. a figure contained in another one of the same body and metric (H1 inside 9 months, a month inside
--      its quarter, a one-off event inside the full year) is left out: overlapping figures are never summed;
--   2. of figures that only partly overlap, the one that starts later is left out;
--   3. what is left is summed: one-off events and non-overlapping periods add up, and a full-year figure or
--      the latest running count from 1 January stands alone.
-- partial is true when what is left does not cover every day of the year. Figures spanning two calendar
-- years are not counted here (they stay in v_facts).
CREATE OR REPLACE VIEW sem_yearly AS
WITH inside AS (
    SELECT
        *,
        year(period_start) AS year,
        max(period_end) OVER (
            PARTITION BY metric_id, body_id, year(period_start)
            ORDER BY period_start, period_end DESC
            ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING
        ) AS ends_before
    FROM mat_periods
    WHERE year(period_start) = year(period_end)
),
maximal AS (
    SELECT
        *,
        lag(period_end) OVER (PARTITION BY metric_id, body_id, year ORDER BY period_start) AS previous_end
    FROM inside
    WHERE ends_before IS NULL OR ends_before < period_end
)
SELECT
    metric_id,
    body_id,
    year,
    sum(value)::BIGINT                                      AS value,
    sum(period_end - period_start + 1)
        < (make_date(year, 12, 31) - make_date(year, 1, 1) + 1) AS partial,
    min(period_start)                                       AS period_start,
    max(period_end)                                         AS period_end,
    count(*)                                                AS facts,
    sum(source_count)::BIGINT                               AS source_count,
    bool_or(n_values > 1)                                   AS has_conflict,
    sum(period_end - period_start + 1)                      AS days_covered
FROM maximal
WHERE previous_end IS NULL OR previous_end < period_start
GROUP BY metric_id, body_id, year;
