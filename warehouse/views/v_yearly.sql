-- v_yearly: one row per body, metric and year — the figure REPORTED BY THE BODY ITSELF for the year (never
-- added to its subordinates' figures: that series is v_yearly_subordinates). The value follows the period
-- rules in the README: the full-year figure when there is one, else the latest running count from
-- 1 January (partial = true); overlapping figures are never summed; one-off events inside the year and
-- non-overlapping periods are summed. A conflict on a period uses the value chosen by source priority.
CREATE OR REPLACE VIEW v_yearly AS
SELECT
    y.body_id,
    b.name             AS body,
    b.level            AS body_level,
    b.parent_id,
    b.province,
    y.metric_id,
    m.name_vi          AS metric_vi,
    m.name_en          AS metric_en,
    m.unit,
    y.year,
    y.value,
    y.partial,
    y.period_start,
    y.period_end,
    y.facts,
    y.source_count,
    y.has_conflict,
    y.days_covered
FROM mat_yearly y
JOIN bodies b  ON b.body_id = y.body_id
JOIN metrics m ON m.metric_id = y.metric_id;

COMMENT ON VIEW v_yearly IS 'Một dòng cho mỗi tổ chức, chỉ tiêu và năm: số liệu do chính tổ chức báo cáo / One row per body, metric and year: the figure the body itself reported';
COMMENT ON COLUMN v_yearly.body_id IS 'Mã tổ chức / Body id';
COMMENT ON COLUMN v_yearly.body IS 'Tên tổ chức / Body name';
COMMENT ON COLUMN v_yearly.body_level IS 'Cấp / Level';
COMMENT ON COLUMN v_yearly.parent_id IS 'Mã tổ chức cấp trên / Parent body id';
COMMENT ON COLUMN v_yearly.province IS 'Tỉnh, thành phố / Province or city';
COMMENT ON COLUMN v_yearly.metric_id IS 'Mã chỉ tiêu / Metric id';
COMMENT ON COLUMN v_yearly.metric_vi IS 'Tên chỉ tiêu / Metric name (Vietnamese)';
COMMENT ON COLUMN v_yearly.metric_en IS 'Tên chỉ tiêu (tiếng Anh) / Metric name (English)';
COMMENT ON COLUMN v_yearly.unit IS 'Đơn vị / Unit';
COMMENT ON COLUMN v_yearly.year IS 'Năm / Year';
COMMENT ON COLUMN v_yearly.value IS 'Giá trị cả năm, hoặc lũy kế mới nhất từ 1/1 / Full-year value, or the latest running count from 1 January';
COMMENT ON COLUMN v_yearly.partial IS 'Chưa đủ cả năm (ví dụ: chỉ có số 9 tháng) / Does not cover the whole year (e.g. only 9 months known)';
COMMENT ON COLUMN v_yearly.period_start IS 'Ngày đầu của các số liệu được dùng / First day covered';
COMMENT ON COLUMN v_yearly.period_end IS 'Số liệu tính đến ngày / Figures as of';
COMMENT ON COLUMN v_yearly.facts IS 'Số số liệu được dùng / Facts used';
COMMENT ON COLUMN v_yearly.source_count IS 'Số tài liệu đứng sau các số liệu được dùng / Documents behind the facts used';
COMMENT ON COLUMN v_yearly.has_conflict IS 'Có kỳ mâu thuẫn được giải quyết theo ưu tiên nguồn / A conflict was resolved by source priority';
COMMENT ON COLUMN v_yearly.days_covered IS 'Số ngày được các số liệu bao phủ / Days covered by the facts used';
