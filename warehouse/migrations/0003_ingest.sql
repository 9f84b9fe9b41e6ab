-- 0003_ingest: what makes a second run over unchanged inputs cheap. One row per input file path last seen
-- by a run, with the file's size and modification time (ns) when it was read and the document it held.
-- A run skips a file whose (path, size, mtime_ns) still match without reading it; when they differ it reads
-- the file and compares the hash of the normalised content (documents.doc_id).

CREATE TABLE document_files (
    path        VARCHAR PRIMARY KEY,      -- absolute path
    size_bytes  BIGINT NOT NULL,
    mtime_ns    BIGINT NOT NULL,
    doc_id      VARCHAR NOT NULL,         -- documents.doc_id of its content
    run_id      INTEGER,                  -- the run that last read it
    seen_at     TIMESTAMP
);

-- The extractor version that produced a document's facts (NULL before 0003; `template-1` for spreadsheets).
ALTER TABLE documents ADD COLUMN extractor VARCHAR;
