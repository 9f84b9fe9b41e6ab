-- 0005_incremental: what lets a run over unchanged inputs skip work, and forget nothing it was told.
--
-- build_state: small keyed facts about how this file was built — the hash of the view definitions and of
-- the reference data last applied — so a run re-creates views and re-syncs the registry only when they
-- changed.
CREATE TABLE build_state (
    key         VARCHAR PRIMARY KEY,
    value       VARCHAR NOT NULL,
    updated_at  TIMESTAMP DEFAULT current_timestamp
);

-- The fingerprint of what the mat_* tables were computed from (facts, documents, bodies, metrics,
-- corrections, view definitions); equal fingerprints mean the refresh can be skipped.
ALTER TABLE semantics_state ADD COLUMN fingerprint VARCHAR;

-- Input files a run rejected, by (path, size, mtime): an unchanged rejected file is reported again from here
-- instead of being read again; any change to the file, a new extractor or --reprocess reads it anew.
CREATE TABLE rejected_files (
    path        VARCHAR PRIMARY KEY,      -- absolute path
    size_bytes  BIGINT NOT NULL,
    mtime_ns    BIGINT NOT NULL,
    stage       VARCHAR NOT NULL,         -- read | extract | parse
    message     VARCHAR NOT NULL,
    row_no      INTEGER,
    extractor   VARCHAR,                  -- the extractor version that rejected it
    run_id      INTEGER,
    seen_at     TIMESTAMP
);

-- Documents whose input file was deleted from a folder the run read (their facts go with them).
ALTER TABLE etl_runs ADD COLUMN documents_removed INTEGER DEFAULT 0;
-- Why a run failed when it published nothing else (a failed quality gate, a broken warehouse).
ALTER TABLE etl_runs ADD COLUMN failure VARCHAR;
