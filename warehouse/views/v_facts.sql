-- v_facts: one row per fact — a figure (body, metric, period, value) however many documents report it —
-- with readable body and metric names, the evidence of its best source (by source priority: a structured
-- official report, then the later publication), how many documents report it and which ones, and whether
-- its period has conflicting values. The first view analysts should use. Every mention: v_evidence.
CREATE OR REPLACE VIEW v_facts AS
SELECT
    g.fact_id,
    g.metric_id,
    m.name_vi          AS metric_vi,
    m.name_en          AS metric_en,
    g.body_id,
    b.name             AS body,
    b.level            AS body_level,
    b.province,
    b.verified         AS body_verified,
    g.period_start,
    g.period_end,
    g.period_label,
    g.value,
    m.unit,
    g.qualifier,
    g.target_pct,
    g.raw_value,
    g.evidence,
    g.start_offset,
    g.end_offset,
    g.source_row,
    g.confidence,
    g.extractor,
    g.source_path,
    g.source_kind,
    g.source_title,
    g.source_outlet,
    g.source_published,
    g.doc_id,
    g.run_id,
    g.source_count,
    g.mentions,
    g.sources,
    g.fact_ids,
    g.chosen,
    g.in_conflict
FROM mat_figures g   -- with its best source's document fields, copied at refresh (migration 0007)
JOIN metrics m   ON m.metric_id = g.metric_id
JOIN bodies b    ON b.body_id = g.body_id;

COMMENT ON VIEW v_facts IS 'Một dòng cho mỗi số liệu (gộp các nguồn trùng) / One row per fact (a figure, however many sources report it)';
COMMENT ON COLUMN v_facts.fact_id IS 'Mã số liệu: lần nêu tốt nhất / Fact id: its best-ranked mention';
COMMENT ON COLUMN v_facts.metric_id IS 'Mã chỉ tiêu / Metric id';
COMMENT ON COLUMN v_facts.metric_vi IS 'Tên chỉ tiêu / Metric name (Vietnamese)';
COMMENT ON COLUMN v_facts.metric_en IS 'Tên chỉ tiêu (tiếng Anh) / Metric name (English)';
COMMENT ON COLUMN v_facts.body_id IS 'Mã tổ chức đảng / Body id';
COMMENT ON COLUMN v_facts.body IS 'Tên tổ chức đảng / Body name';
COMMENT ON COLUMN v_facts.body_level IS 'Cấp của tổ chức / Body level';
COMMENT ON COLUMN v_facts.province IS 'Tỉnh, thành phố / Province or city';
COMMENT ON COLUMN v_facts.body_verified IS 'Tổ chức có trong danh mục / Body is in the registry';
COMMENT ON COLUMN v_facts.period_start IS 'Ngày đầu kỳ / First day of the period';
COMMENT ON COLUMN v_facts.period_end IS 'Ngày cuối kỳ / Last day of the period';
COMMENT ON COLUMN v_facts.period_label IS 'Kỳ như tài liệu ghi / Period as written';
COMMENT ON COLUMN v_facts.value IS 'Giá trị / Value';
COMMENT ON COLUMN v_facts.unit IS 'Đơn vị / Unit';
COMMENT ON COLUMN v_facts.qualifier IS 'exact, approx, at_least… / How exact the figure is';
COMMENT ON COLUMN v_facts.evidence IS 'Câu trích dẫn làm bằng chứng / Evidence text';
COMMENT ON COLUMN v_facts.source_path IS 'Tệp nguồn tốt nhất / Best source file';
COMMENT ON COLUMN v_facts.source_published IS 'Ngày đăng của nguồn / Publication date of the source';
COMMENT ON COLUMN v_facts.source_count IS 'Số tài liệu nêu số liệu này / Documents reporting this figure';
COMMENT ON COLUMN v_facts.mentions IS 'Số lần được nêu / Mentions (rows of facts)';
COMMENT ON COLUMN v_facts.sources IS 'Các tệp nguồn / Every source file';
COMMENT ON COLUMN v_facts.fact_ids IS 'Mã mọi lần nêu (xem v_evidence) / Ids of every mention (see v_evidence)';
COMMENT ON COLUMN v_facts.chosen IS 'Là giá trị được chọn cho kỳ này / The value its period takes';
COMMENT ON COLUMN v_facts.in_conflict IS 'Kỳ này có giá trị mâu thuẫn / Its period has conflicting values';
