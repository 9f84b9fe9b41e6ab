-- v_facts: one row per fact, with readable body and metric names, its period, value and unit,
-- and where it came from (document, evidence text and offsets). The first view analysts should use.
CREATE OR REPLACE VIEW v_facts AS
SELECT
    f.fact_id,
    f.metric_id,
    m.name_vi          AS metric_vi,
    m.name_en          AS metric_en,
    f.body_id,
    b.name             AS body,
    b.level            AS body_level,
    b.province,
    b.verified         AS body_verified,
    f.period_start,
    f.period_end,
    f.period_label,
    f.value,
    m.unit,
    f.qualifier,
    f.target_pct,
    f.raw_value,
    f.evidence,
    f.start_offset,
    f.end_offset,
    f.source_row,
    f.confidence,
    f.extractor,
    d.path             AS source_path,
    d.kind             AS source_kind,
    d.title            AS source_title,
    d.outlet           AS source_outlet,
    d.published        AS source_published,
    f.doc_id,
    f.run_id
FROM facts f
JOIN metrics m   ON m.metric_id = f.metric_id
JOIN bodies b    ON b.body_id = f.body_id
LEFT JOIN documents d ON d.doc_id = f.doc_id;
