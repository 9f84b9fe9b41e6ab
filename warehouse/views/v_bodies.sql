-- v_bodies: one row per Party body — the shipped registry (verified) and bodies first met in documents
-- (verified = false, put under the body of their province when it is known) — with its parent, its
-- successor after a reorganisation (2025: merged provinces, the new central committees) and the body its
-- history rolls into today (current_id: follow successor links to the end; itself when it still exists).
CREATE OR REPLACE VIEW v_bodies AS
WITH RECURSIVE chain(body_id, current_id, depth) AS (
    SELECT body_id, body_id, 0 FROM bodies
    UNION ALL
    SELECT c.body_id, b.successor_id, c.depth + 1
    FROM chain c
    JOIN bodies b ON b.body_id = c.current_id
    WHERE b.successor_id IS NOT NULL AND b.successor_id <> b.body_id AND c.depth < 12
),
latest AS (
    SELECT body_id, arg_max(current_id, depth) AS current_id FROM chain GROUP BY body_id
),
aliases AS (
    SELECT body_id, list(DISTINCT alias ORDER BY alias) AS aliases FROM body_aliases GROUP BY body_id
)
SELECT
    b.body_id,
    b.name,
    b.level,
    b.parent_id,
    p.name              AS parent_name,
    b.province,
    b.valid_from,
    b.valid_until,
    b.successor_id,
    s.name              AS successor_name,
    l.current_id,
    c.name              AS current_name,
    b.verified,
    coalesce(a.aliases, [])  AS aliases
FROM bodies b
LEFT JOIN bodies p  ON p.body_id = b.parent_id
LEFT JOIN bodies s  ON s.body_id = b.successor_id
LEFT JOIN latest l  ON l.body_id = b.body_id
LEFT JOIN bodies c  ON c.body_id = l.current_id
LEFT JOIN aliases a ON a.body_id = b.body_id;

COMMENT ON VIEW v_bodies IS 'Một dòng cho mỗi tổ chức đảng, với cấp trên, tổ chức kế thừa và hiệu lực / One row per Party body, with its parent, successor and validity';
COMMENT ON COLUMN v_bodies.body_id IS 'Mã tổ chức đảng / Body id';
COMMENT ON COLUMN v_bodies.name IS 'Tên tổ chức đảng / Body name';
COMMENT ON COLUMN v_bodies.level IS 'Cấp: centre, central_committee, central_bloc, province, provincial_bloc, district, grassroots, agency / Level';
COMMENT ON COLUMN v_bodies.parent_id IS 'Mã tổ chức cấp trên trực tiếp / Id of the body directly above';
COMMENT ON COLUMN v_bodies.parent_name IS 'Tên tổ chức cấp trên / Name of the body above';
COMMENT ON COLUMN v_bodies.province IS 'Tỉnh, thành phố / Province or city';
COMMENT ON COLUMN v_bodies.valid_from IS 'Có hiệu lực từ ngày / Valid from';
COMMENT ON COLUMN v_bodies.valid_until IS 'Có hiệu lực đến ngày (trống: còn hoạt động) / Valid until (empty: still exists)';
COMMENT ON COLUMN v_bodies.successor_id IS 'Mã tổ chức kế thừa sau sắp xếp, hợp nhất / Id of the successor after a reorganisation';
COMMENT ON COLUMN v_bodies.successor_name IS 'Tên tổ chức kế thừa / Successor name';
COMMENT ON COLUMN v_bodies.current_id IS 'Tổ chức hiện nay mà số liệu được cộng dồn vào / The body its history rolls into today';
COMMENT ON COLUMN v_bodies.current_name IS 'Tên tổ chức hiện nay / Name of that body';
COMMENT ON COLUMN v_bodies.verified IS 'Có trong danh mục chuẩn (false: mới gặp trong tài liệu) / In the shipped registry (false: first met in a document)';
COMMENT ON COLUMN v_bodies.aliases IS 'Tên gọi khác, viết tắt (chữ thường) / Other names and abbreviations (folded)';
