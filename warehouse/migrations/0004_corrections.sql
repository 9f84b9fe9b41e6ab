-- 0004_corrections: analysts' corrections, kept apart from extracted facts. Extracted rows stay untouched;
-- the views apply the corrections (views/00_0_facts_effective.sql). A correction is tied to the identity of a
-- fact — its document, its evidence span (or spreadsheet row) and its extracted metric — not to fact_id, so
-- it survives re-extraction, `--reprocess` and extractor upgrades. One whose fact is gone is orphaned, not lost.

CREATE SEQUENCE correction_id_seq START 1;

CREATE TABLE corrections (
    correction_id   BIGINT PRIMARY KEY,
    action          VARCHAR NOT NULL CHECK (action IN ('reject', 'correct', 'confirm', 'add')),
    -- the identity of the corrected fact (NULL for 'add')
    doc_id          VARCHAR,
    metric_id       VARCHAR,
    start_offset    INTEGER,
    end_offset      INTEGER,
    source_row      INTEGER,
    evidence        VARCHAR,               -- the evidence as it was when corrected (for orphans and audit)
    -- the corrected or added values (NULL = unchanged)
    new_metric_id   VARCHAR,
    new_body_id     VARCHAR,
    new_period_start DATE,
    new_period_end   DATE,
    new_period_label VARCHAR,
    new_value       BIGINT CHECK (new_value IS NULL OR new_value >= 0),
    source          VARCHAR,               -- for 'add': where the figure comes from (document, URL, page)
    before_json     VARCHAR,               -- the fact as it was shown before the correction
    after_json      VARCHAR,
    made_by         VARCHAR NOT NULL,
    made_at         TIMESTAMP NOT NULL DEFAULT current_timestamp,
    reason          VARCHAR NOT NULL,
    superseded_by   BIGINT                 -- a later correction of the same fact replaces this one
);
