-- v_evidence: one row per mention — a figure as one document states it (a row of facts) — with the
-- document, the evidence text and offsets, and the fact (figure) it belongs to in v_facts.
CREATE OR REPLACE VIEW v_evidence AS
SELECT
    g.fact_id          AS figure_fact_id,
    f.fact_id,
    f.metric_id,
    f.body_id,
    f.period_start,
    f.period_end,
    f.period_label,
    f.value,
    f.qualifier,
    f.raw_value,
    f.evidence,
    f.start_offset,
    f.end_offset,
    f.source_row,
    f.confidence,
    f.extractor,
    f.doc_id,
    d.path             AS source_path,
    d.kind             AS source_kind,
    d.title            AS source_title,
    d.outlet           AS source_outlet,
    d.published        AS source_published,
    f.run_id
FROM facts_effective f
LEFT JOIN documents d ON d.doc_id = f.doc_id
LEFT JOIN mat_figures g
       ON g.metric_id = f.metric_id AND g.body_id = f.body_id AND g.period_start = f.period_start
      AND g.period_end = f.period_end AND g.value = f.value;

COMMENT ON VIEW v_evidence IS 'Một dòng cho mỗi lần số liệu được nêu trong một tài liệu / One row per mention of a figure in a document';
COMMENT ON COLUMN v_evidence.figure_fact_id IS 'Mã số liệu trong v_facts / The fact in v_facts';
COMMENT ON COLUMN v_evidence.fact_id IS 'Mã lần nêu / Mention id';
COMMENT ON COLUMN v_evidence.evidence IS 'Câu trích dẫn / Evidence text';
COMMENT ON COLUMN v_evidence.source_path IS 'Tệp nguồn / Source file';
COMMENT ON COLUMN v_evidence.source_published IS 'Ngày đăng / Publication date';
