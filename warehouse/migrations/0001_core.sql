-- 0001_core: the first schema. Never edit once applied: add 0002_… instead.

-- One row per metric the product knows (loaded from reference/metrics.toml on every write).
CREATE TABLE metrics (
    metric_id  VARCHAR PRIMARY KEY,
    name_vi    VARCHAR NOT NULL,
    name_en    VARCHAR NOT NULL,
    unit       VARCHAR NOT NULL,          -- persons | VND | houses
    unit_vi    VARCHAR,
    unit_en    VARCHAR,
    kind       VARCHAR NOT NULL CHECK (kind IN ('event', 'cumulative'))
);

-- One row per Party body: the reference registry plus bodies first met in documents (verified = false).
CREATE TABLE bodies (
    body_id      VARCHAR PRIMARY KEY,
    name         VARCHAR NOT NULL,
    level        VARCHAR,
    parent_id    VARCHAR,
    province     VARCHAR,
    valid_from   DATE,
    valid_until  DATE,
    successor_id VARCHAR,
    verified     BOOLEAN NOT NULL DEFAULT TRUE
);

-- Other names of a body (Tỉnh ủy X for Đảng bộ tỉnh X, abbreviations); folded lower-case.
CREATE TABLE body_aliases (
    alias    VARCHAR NOT NULL,
    body_id  VARCHAR NOT NULL
);

-- One row per source document, identified by the hash of its normalised content.
CREATE TABLE documents (
    doc_id      VARCHAR PRIMARY KEY,      -- sha256 of the NFC text (spreadsheets: of the file bytes)
    path        VARCHAR NOT NULL,
    kind        VARCHAR NOT NULL,         -- text | html | docx | pdf | spreadsheet | jsonl
    title       VARCHAR,
    outlet      VARCHAR,
    published   DATE,
    encoding    VARCHAR,
    size_bytes  BIGINT,
    run_id      INTEGER,
    loaded_at   TIMESTAMP
);

CREATE SEQUENCE fact_id_seq START 1;

-- One row per extracted or reported figure. No foreign keys: the ETL checks keys before it publishes,
-- and bulk loads of millions of rows stay fast.
CREATE TABLE facts (
    fact_id       BIGINT NOT NULL,
    doc_id        VARCHAR NOT NULL,
    metric_id     VARCHAR NOT NULL,
    body_id       VARCHAR NOT NULL,
    period_start  DATE NOT NULL,
    period_end    DATE NOT NULL,
    period_label  VARCHAR,
    value         BIGINT NOT NULL,
    qualifier     VARCHAR NOT NULL DEFAULT 'exact',
    target_pct    DOUBLE,
    raw_value     VARCHAR,
    evidence      VARCHAR,
    start_offset  INTEGER,
    end_offset    INTEGER,
    source_row    INTEGER,                -- spreadsheet row (1-based, header = 1) when from a template
    confidence    DOUBLE NOT NULL DEFAULT 1.0,
    extractor     VARCHAR NOT NULL,
    run_id        INTEGER
);

-- One row per ETL run.
CREATE TABLE etl_runs (
    run_id              INTEGER PRIMARY KEY,
    started_at          TIMESTAMP NOT NULL,
    finished_at         TIMESTAMP,
    status              VARCHAR NOT NULL,  -- ok | partial | failed
    inputs              VARCHAR,
    documents_seen      INTEGER DEFAULT 0,
    documents_new       INTEGER DEFAULT 0,
    documents_changed   INTEGER DEFAULT 0,
    documents_unchanged INTEGER DEFAULT 0,
    documents_rejected  INTEGER DEFAULT 0,
    rows_rejected       INTEGER DEFAULT 0,
    facts_added         BIGINT DEFAULT 0,
    facts_removed       BIGINT DEFAULT 0
);

-- One row per rejected input or row, with the reason a person can act on.
CREATE TABLE etl_errors (
    run_id   INTEGER NOT NULL,
    path     VARCHAR NOT NULL,
    row_no   INTEGER,
    stage    VARCHAR NOT NULL,
    message  VARCHAR NOT NULL
);
