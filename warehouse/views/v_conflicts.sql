-- v_conflicts: one row per conflict — one body, one metric and one exact period for which documents give
-- different values. All values are kept and listed; chosen_value is the one the warehouse uses, by source
-- priority (a structured official report, then the later publication, then confidence, then the later load).
-- Read from mat_conflicts (views/05_sem_conflicts.sql), where they are numbered in the data-quality page's order.
CREATE OR REPLACE VIEW v_conflicts AS
SELECT
    metric_id,
    body_id,
    body,
    period_start,
    period_end,
    n_values,
    chosen_value,
    chosen_fact_id,
    "values",
    fact_ids,
    source_count
FROM mat_conflicts;   -- sem_conflicts precomputed: mat_periods' slots with n_values > 1, with the body's name

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
