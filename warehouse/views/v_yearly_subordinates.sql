-- v_yearly_subordinates: one row per body, metric and year — the SUM OF THE REPORTS OF ITS DIRECT
-- SUBORDINATES (each subordinate's own yearly figure from v_yearly), a series kept apart from the body's own
-- figure: it is never added to it, and grandchildren are not added again (their parent already reports).
CREATE OR REPLACE VIEW v_yearly_subordinates AS
SELECT
    p.body_id,
    p.name                          AS body,
    y.metric_id,
    y.year,
    sum(y.value)::BIGINT            AS value,
    bool_or(y.partial)              AS partial,
    max(y.period_end)               AS period_end,
    count(*)                        AS subordinates,
    list(y.body_id ORDER BY y.body_id) AS subordinate_ids,
    sum(y.source_count)::BIGINT     AS source_count
FROM v_yearly y
JOIN bodies p ON p.body_id = y.parent_id
GROUP BY p.body_id, p.name, y.metric_id, y.year;

COMMENT ON VIEW v_yearly_subordinates IS 'Tổng số liệu các tổ chức trực thuộc báo cáo (không cộng với số của chính tổ chức) / Sum of the direct subordinates'' reports (never added to the body''s own figure)';
COMMENT ON COLUMN v_yearly_subordinates.body_id IS 'Mã tổ chức cấp trên / Body id of the parent';
COMMENT ON COLUMN v_yearly_subordinates.value IS 'Tổng số liệu của các tổ chức trực thuộc / Sum of the subordinates'' figures';
COMMENT ON COLUMN v_yearly_subordinates.partial IS 'Có số liệu chưa đủ năm / Some subordinate figure is partial';
COMMENT ON COLUMN v_yearly_subordinates.subordinates IS 'Số tổ chức trực thuộc có báo cáo / Subordinates that reported';
COMMENT ON COLUMN v_yearly_subordinates.subordinate_ids IS 'Mã các tổ chức trực thuộc / Their ids';
