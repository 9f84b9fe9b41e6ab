-- v_yearly_current: one row per CURRENT body, metric and year — history rolled into today's bodies: the
-- yearly figures of a body and of every body it succeeded (v_bodies.current_id: Long An and old Tây Ninh
-- into the Tây Ninh formed on 1 July 2025), summed. In a transition year, when the current body's own figure
-- starts before the body existed (it already counts its predecessors' months), predecessors are not added.
CREATE OR REPLACE VIEW v_yearly_current AS
WITH y AS (
    SELECT v.current_id, y.*, y.body_id = v.current_id AS own
    FROM mat_yearly y
    JOIN v_bodies v ON v.body_id = y.body_id
),
covering AS (
    SELECT y.current_id, y.metric_id, y.year
    FROM y JOIN bodies c ON c.body_id = y.current_id
    WHERE y.own AND c.valid_from IS NOT NULL AND y.period_start < c.valid_from
)
SELECT
    y.current_id                          AS body_id,
    c.name                                AS body,
    c.level                               AS body_level,
    c.province,
    y.metric_id,
    y.year,
    sum(y.value)::BIGINT                  AS value,
    bool_or(y.partial)                    AS partial,
    max(y.period_end)                     AS period_end,
    count(*)                              AS bodies,
    list(y.body_id ORDER BY y.body_id)    AS rolled_up_from,
    sum(y.facts)::BIGINT                  AS facts,
    sum(y.source_count)::BIGINT           AS source_count
FROM y
JOIN bodies c ON c.body_id = y.current_id
WHERE y.own OR NOT EXISTS (
    SELECT 1 FROM covering k WHERE k.current_id = y.current_id AND k.metric_id = y.metric_id AND k.year = y.year
)
GROUP BY y.current_id, c.name, c.level, c.province, y.metric_id, y.year;

COMMENT ON VIEW v_yearly_current IS 'Số liệu theo năm cộng dồn vào tổ chức hiện nay (sau sáp nhập) / Yearly figures rolled into today''s bodies (after mergers)';
COMMENT ON COLUMN v_yearly_current.body_id IS 'Mã tổ chức hiện nay / Current body id';
COMMENT ON COLUMN v_yearly_current.value IS 'Tổng số liệu của tổ chức và các tổ chức tiền thân / Sum over the body and its predecessors';
COMMENT ON COLUMN v_yearly_current.partial IS 'Có số liệu chưa đủ năm / Some figure is partial';
COMMENT ON COLUMN v_yearly_current.bodies IS 'Số tổ chức được cộng / Bodies summed';
COMMENT ON COLUMN v_yearly_current.rolled_up_from IS 'Mã các tổ chức được cộng / Ids of the bodies summed';
