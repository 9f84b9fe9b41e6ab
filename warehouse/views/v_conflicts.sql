-- v_conflicts: one row per conflict — one body, one metric and one exact period for which documents give
-- different values. All values are kept and listed; chosen_value is the one the warehouse uses, by source
-- priority (a structured official report, then the later publication, then confidence, then the later load).
CREATE OR REPLACE VIEW v_conflicts AS
SELECT
    p.metric_id,
    p.body_id,
    b.name             AS body,
    p.period_start,
    p.period_end,
    p.n_values,
    p.value            AS chosen_value,
    p.fact_id          AS chosen_fact_id,
    p."values",
    p.fact_ids,
    p.all_sources      AS source_count
FROM mat_periods p
JOIN bodies b ON b.body_id = p.body_id
WHERE p.n_values > 1;

COMMENT ON VIEW v_conflicts IS 'Một dòng cho mỗi kỳ có các giá trị mâu thuẫn / One row per body, metric and period with conflicting values';
COMMENT ON COLUMN v_conflicts.metric_id IS 'Mã chỉ tiêu / Metric id';
COMMENT ON COLUMN v_conflicts.body_id IS 'Mã tổ chức / Body id';
COMMENT ON COLUMN v_conflicts.body IS 'Tên tổ chức / Body name';
COMMENT ON COLUMN v_conflicts.period_start IS 'Ngày đầu kỳ / First day';
COMMENT ON COLUMN v_conflicts.period_end IS 'Ngày cuối kỳ / Last day';
COMMENT ON COLUMN v_conflicts.n_values IS 'Số giá trị khác nhau / Number of different values';
COMMENT ON COLUMN v_conflicts.chosen_value IS 'Giá trị được chọn theo thứ tự ưu tiên nguồn / Value chosen by source priority';
COMMENT ON COLUMN v_conflicts.chosen_fact_id IS 'Lần nêu được chọn / Mention chosen';
COMMENT ON COLUMN v_conflicts."values" IS 'Mọi giá trị / Every value';
COMMENT ON COLUMN v_conflicts.fact_ids IS 'Mã mọi lần nêu (xem v_evidence) / Every mention (see v_evidence)';
COMMENT ON COLUMN v_conflicts.source_count IS 'Tổng số tài liệu / Documents involved';
