-- sem_series: one row per grain ('year', 'half', 'quarter', 'month'), body, metric and period of that grain:
-- the value for the period and the running value from 1 January to its end. Both use the yearly rules of
-- sem_yearly (contained figures left out, partly overlapping later ones left out, the rest summed), applied
-- to the figures inside the period and to the figures inside [1 January, period end]. When the figures
-- inside the period do not cover it, but running values from 1 January are complete at its end and at the
-- end of the period before, the value is their difference (derived = true): 9 months minus 6 months gives
-- the third quarter. partial is true when neither way gives a value for the whole period.
CREATE OR REPLACE VIEW sem_series AS
WITH inside AS (
    SELECT metric_id, body_id, period_start, period_end, value, source_count, year(period_start) AS year
    FROM mat_periods
    WHERE year(period_start) = year(period_end)
),
bucketed AS (
    SELECT
        g.grain, i.*,
        CASE g.grain
            WHEN 'year' THEN make_date(i.year, 1, 1)
            WHEN 'half' THEN make_date(i.year, CASE WHEN month(i.period_start) <= 6 THEN 1 ELSE 7 END, 1)
            WHEN 'quarter' THEN CAST(date_trunc('quarter', i.period_start) AS DATE)
            ELSE CAST(date_trunc('month', i.period_start) AS DATE)
        END AS bucket_start
    FROM inside i
    CROSS JOIN (SELECT unnest(['year', 'half', 'quarter', 'month']) AS grain) g
),
direct_in AS (
    SELECT *,
        CAST(last_day(bucket_start + CASE grain WHEN 'year' THEN INTERVAL 11 MONTH WHEN 'half' THEN INTERVAL 5 MONTH
                                     WHEN 'quarter' THEN INTERVAL 2 MONTH ELSE INTERVAL 0 MONTH END) AS DATE)
            AS bucket_end
    FROM bucketed
),
direct_ranked AS (
    SELECT *,
        max(period_end) OVER (PARTITION BY grain, metric_id, body_id, bucket_start
                              ORDER BY period_start, period_end DESC
                              ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS ends_before
    FROM direct_in
    WHERE period_end <= bucket_end
),
direct_max AS (
    SELECT *,
        lag(period_end) OVER (PARTITION BY grain, metric_id, body_id, bucket_start ORDER BY period_start)
            AS previous_end
    FROM direct_ranked
    WHERE ends_before IS NULL OR ends_before < period_end
),
direct AS (
    SELECT grain, metric_id, body_id, bucket_start, any_value(bucket_end) AS bucket_end,
           sum(value)::BIGINT AS value, sum(period_end - period_start + 1) AS days,
           sum(source_count)::BIGINT AS source_count
    FROM direct_max
    WHERE previous_end IS NULL OR previous_end < period_start
    GROUP BY grain, metric_id, body_id, bucket_start
),
-- Running values from 1 January, at every month end up to the last figure of the year.
horizon AS (
    SELECT *, max(period_end) OVER (PARTITION BY metric_id, body_id, year) AS last_end FROM inside
),
cum_in AS (
    SELECT h.*, CAST(last_day(make_date(h.year, m.m, 1)) AS DATE) AS as_of
    FROM horizon h
    JOIN (SELECT range AS m FROM range(1, 13)) m
      ON m.m >= month(h.period_end) AND m.m <= month(h.last_end)
),
cum_ranked AS (
    SELECT *,
        max(period_end) OVER (PARTITION BY metric_id, body_id, as_of
                              ORDER BY period_start, period_end DESC
                              ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS ends_before
    FROM cum_in
),
cum_max AS (
    SELECT *,
        lag(period_end) OVER (PARTITION BY metric_id, body_id, as_of ORDER BY period_start) AS previous_end
    FROM cum_ranked
    WHERE ends_before IS NULL OR ends_before < period_end
),
cum AS (
    SELECT metric_id, body_id, as_of, sum(value)::BIGINT AS value,
           sum(period_end - period_start + 1) = (as_of - make_date(year(as_of), 1, 1) + 1) AS complete,
           sum(source_count)::BIGINT AS source_count
    FROM cum_max
    WHERE previous_end IS NULL OR previous_end < period_start
    GROUP BY metric_id, body_id, as_of
),
-- Periods with a complete running value at their end are shown even without a figure inside them.
cum_buckets AS (
    SELECT g.grain, c.metric_id, c.body_id,
        CASE g.grain
            WHEN 'year' THEN make_date(year(c.as_of), 1, 1)
            WHEN 'half' THEN make_date(year(c.as_of), CASE WHEN month(c.as_of) <= 6 THEN 1 ELSE 7 END, 1)
            WHEN 'quarter' THEN CAST(date_trunc('quarter', c.as_of) AS DATE)
            ELSE CAST(date_trunc('month', c.as_of) AS DATE)
        END AS bucket_start,
        c.as_of AS bucket_end
    FROM cum c
    CROSS JOIN (SELECT unnest(['year', 'half', 'quarter', 'month']) AS grain) g
    WHERE c.complete
      AND (g.grain = 'month'
           OR (g.grain = 'quarter' AND month(c.as_of) IN (3, 6, 9, 12))
           OR (g.grain = 'half' AND month(c.as_of) IN (6, 12))
           OR (g.grain = 'year' AND month(c.as_of) = 12))
),
buckets AS (
    SELECT grain, metric_id, body_id, bucket_start, bucket_end FROM direct
    UNION
    SELECT grain, metric_id, body_id, bucket_start, bucket_end FROM cum_buckets
)
SELECT
    b.grain,
    b.body_id,
    b.metric_id,
    b.bucket_start                                              AS period_start,
    b.bucket_end                                                AS period_end,
    CASE
        WHEN d.days = b.bucket_end - b.bucket_start + 1 THEN d.value
        WHEN ce.complete AND (month(b.bucket_start) = 1 OR cp.complete) THEN ce.value - coalesce(cp.value, 0)
        ELSE d.value
    END                                                         AS value,
    ce.value                                                    AS cumulative_value,
    NOT (coalesce(d.days = b.bucket_end - b.bucket_start + 1, FALSE)
         OR coalesce(ce.complete AND (month(b.bucket_start) = 1 OR cp.complete), FALSE)) AS partial,
    coalesce(d.days, 0) < b.bucket_end - b.bucket_start + 1
        AND coalesce(ce.complete AND (month(b.bucket_start) = 1 OR cp.complete), FALSE) AS derived,
    coalesce(d.source_count, ce.source_count)                   AS source_count
FROM buckets b
LEFT JOIN direct d USING (grain, metric_id, body_id, bucket_start)
LEFT JOIN cum ce ON ce.metric_id = b.metric_id AND ce.body_id = b.body_id AND ce.as_of = b.bucket_end
LEFT JOIN cum cp ON cp.metric_id = b.metric_id AND cp.body_id = b.body_id
                AND cp.as_of = CAST(b.bucket_start - INTERVAL 1 DAY AS DATE);
