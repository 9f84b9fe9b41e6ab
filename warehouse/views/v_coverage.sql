-- v_coverage: one row per body, metric and year in which the body reported the metric: which bodies
-- report which metrics when (a figure counts in the year its period starts).
CREATE OR REPLACE VIEW v_coverage AS
SELECT
    c.body_id,
    b.name             AS body,
    b.level            AS body_level,
    b.province,
    c.metric_id,
    c.year,
    c.facts,
    c.mentions,
    c.first_start,
    c.last_end
FROM mat_coverage c
JOIN bodies b ON b.body_id = c.body_id;

COMMENT ON VIEW v_coverage IS 'Tổ chức nào báo cáo chỉ tiêu nào, năm nào / Which bodies report which metrics when';
COMMENT ON COLUMN v_coverage.body_id IS 'Mã tổ chức / Body id';
COMMENT ON COLUMN v_coverage.body IS 'Tên tổ chức / Body name';
COMMENT ON COLUMN v_coverage.metric_id IS 'Mã chỉ tiêu / Metric id';
COMMENT ON COLUMN v_coverage.year IS 'Năm / Year';
COMMENT ON COLUMN v_coverage.facts IS 'Số số liệu (đã gộp nguồn trùng) / Facts (figures, duplicates merged)';
COMMENT ON COLUMN v_coverage.mentions IS 'Số lần nêu / Mentions';
COMMENT ON COLUMN v_coverage.first_start IS 'Kỳ sớm nhất / Earliest period start';
COMMENT ON COLUMN v_coverage.last_end IS 'Kỳ muộn nhất / Latest period end';
