-- v_series: one row per grain ('year', 'half', 'quarter', 'month'), body, metric and period of that grain,
-- for the body's own figures: the value for the period (from figures inside it, or derived as the
-- difference of running counts from 1 January at its end and at the end of the period before), the running
-- value from 1 January to its end, and whether the value covers the whole period.
CREATE OR REPLACE VIEW v_series AS
SELECT
    s.grain,
    s.body_id,
    b.name             AS body,
    s.metric_id,
    s.period_start,
    s.period_end,
    s.value,
    s.cumulative_value,
    s.partial,
    s.derived,
    s.source_count
FROM mat_series s
JOIN bodies b ON b.body_id = s.body_id;

COMMENT ON VIEW v_series IS 'Một dòng cho mỗi kỳ (năm, 6 tháng, quý, tháng), tổ chức và chỉ tiêu / One row per grain, body, metric and period';
COMMENT ON COLUMN v_series.grain IS 'Loại kỳ: year, half, quarter, month / Grain';
COMMENT ON COLUMN v_series.body_id IS 'Mã tổ chức / Body id';
COMMENT ON COLUMN v_series.body IS 'Tên tổ chức / Body name';
COMMENT ON COLUMN v_series.metric_id IS 'Mã chỉ tiêu / Metric id';
COMMENT ON COLUMN v_series.period_start IS 'Ngày đầu kỳ / First day';
COMMENT ON COLUMN v_series.period_end IS 'Ngày cuối kỳ / Last day';
COMMENT ON COLUMN v_series.value IS 'Giá trị trong kỳ / Value within the period';
COMMENT ON COLUMN v_series.cumulative_value IS 'Lũy kế từ 1/1 đến cuối kỳ / Running value from 1 January to the period end';
COMMENT ON COLUMN v_series.partial IS 'Giá trị chưa đủ cả kỳ / The value does not cover the whole period';
COMMENT ON COLUMN v_series.derived IS 'Tính bằng hiệu hai số lũy kế / Derived as a difference of running counts';
COMMENT ON COLUMN v_series.source_count IS 'Số tài liệu / Documents behind the value';
