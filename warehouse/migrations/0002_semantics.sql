-- 0002_semantics: the tables behind the views of one fact per figure, periods that never double count, and
-- conflicts resolved by source priority. They are precomputed by warehouse.materialize.refresh(con) in the
-- write step, because views over millions of facts would re-scan them on every dashboard query. Their
-- content is always derivable from facts + documents + bodies: refresh() empties and refills them.

-- One row per figure: a distinct (metric, body, period_start, period_end, value); see views/01_sem_figures.sql.
CREATE TABLE mat_figures (
    metric_id     VARCHAR NOT NULL,
    body_id       VARCHAR NOT NULL,
    period_start  DATE NOT NULL,
    period_end    DATE NOT NULL,
    value         BIGINT NOT NULL,
    fact_id       BIGINT NOT NULL,          -- its best-ranked mention, by source priority
    fact_ids      BIGINT[] NOT NULL,        -- every mention (row of facts) of the figure
    mentions      BIGINT NOT NULL,
    source_count  BIGINT NOT NULL,          -- distinct documents
    sources       VARCHAR[],                -- their paths
    chosen        BOOLEAN NOT NULL,         -- the value its slot takes
    in_conflict   BOOLEAN NOT NULL,         -- its slot has other values
    -- copied from its best-ranked mention, so that a body's facts are read from a few row groups
    doc_id        VARCHAR,
    period_label  VARCHAR,
    qualifier     VARCHAR,
    target_pct    DOUBLE,
    raw_value     VARCHAR,
    evidence      VARCHAR,
    start_offset  INTEGER,
    end_offset    INTEGER,
    source_row    INTEGER,
    confidence    DOUBLE,
    extractor     VARCHAR,
    run_id        INTEGER
);

-- One row per slot (metric, body, exact period) with its resolved value; see views/02_sem_periods.sql.
CREATE TABLE mat_periods (
    metric_id     VARCHAR NOT NULL,
    body_id       VARCHAR NOT NULL,
    period_start  DATE NOT NULL,
    period_end    DATE NOT NULL,
    value         BIGINT NOT NULL,
    fact_id       BIGINT NOT NULL,
    source_count  BIGINT NOT NULL,
    n_values      BIGINT NOT NULL,
    "values"      BIGINT[] NOT NULL,
    fact_ids      BIGINT[] NOT NULL,
    all_sources   BIGINT NOT NULL
);

-- One row per body, metric and year: the body's own yearly figure; see views/03_sem_yearly.sql.
CREATE TABLE mat_yearly (
    metric_id     VARCHAR NOT NULL,
    body_id       VARCHAR NOT NULL,
    year          BIGINT NOT NULL,
    value         BIGINT NOT NULL,
    partial       BOOLEAN NOT NULL,
    period_start  DATE NOT NULL,
    period_end    DATE NOT NULL,
    facts         BIGINT NOT NULL,
    source_count  BIGINT NOT NULL,
    has_conflict  BOOLEAN NOT NULL,
    days_covered  BIGINT NOT NULL
);

-- One row per grain, body, metric and period of that grain; see views/04_sem_series.sql.
CREATE TABLE mat_series (
    grain             VARCHAR NOT NULL,
    body_id           VARCHAR NOT NULL,
    metric_id         VARCHAR NOT NULL,
    period_start      DATE NOT NULL,
    period_end        DATE NOT NULL,
    value             BIGINT,
    cumulative_value  BIGINT,
    partial           BOOLEAN NOT NULL,
    derived           BOOLEAN NOT NULL,
    source_count      BIGINT
);

-- One row per body, metric and year in which the body reported the metric at least once.
CREATE TABLE mat_coverage (
    body_id       VARCHAR NOT NULL,
    metric_id     VARCHAR NOT NULL,
    year          BIGINT NOT NULL,
    facts         BIGINT NOT NULL,          -- figures (distinct values and periods), not mentions
    mentions      BIGINT NOT NULL,
    first_start   DATE NOT NULL,
    last_end      DATE NOT NULL
);

-- One row: when the tables above were last refilled, and from how many facts (a staleness check).
CREATE TABLE semantics_state (
    refreshed_at  TIMESTAMP NOT NULL,
    facts         BIGINT NOT NULL,
    max_fact_id   BIGINT
);
