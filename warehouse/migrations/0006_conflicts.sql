-- 0006_conflicts: the conflict list, precomputed in the order the data-quality page shows it, so a page of
-- it reads the first rows of one table instead of sorting every conflict on each call. Like the other mat_*
-- tables it is always derivable (from mat_periods and bodies; see views/05_sem_conflicts.sql) and refilled
-- by warehouse.materialize.refresh(con).
CREATE TABLE mat_conflicts (
    position        BIGINT NOT NULL,        -- 1, 2, …: most values first, then the latest period end, body, metric
    metric_id       VARCHAR NOT NULL,
    body_id         VARCHAR NOT NULL,
    body            VARCHAR NOT NULL,       -- the body's name
    period_start    DATE NOT NULL,
    period_end      DATE NOT NULL,
    n_values        BIGINT NOT NULL,
    chosen_value    BIGINT NOT NULL,
    chosen_fact_id  BIGINT NOT NULL,
    "values"        BIGINT[] NOT NULL,
    fact_ids        BIGINT[] NOT NULL,
    source_count    BIGINT NOT NULL,
    values_text     VARCHAR NOT NULL,       -- the two lists as text, as pages and downloads show them
    fact_ids_text   VARCHAR NOT NULL
);
