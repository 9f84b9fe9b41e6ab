-- v_corrections: one row per correction ever made (the audit trail): what was done to which fact, by whom,
-- when and why, the fact before and after, whether a later correction replaced it, and whether the fact it
-- corrects still exists (orphaned = its document, evidence span or metric is no longer in the warehouse).
CREATE OR REPLACE VIEW v_corrections AS
SELECT
    c.correction_id,
    c.action,
    c.made_by,
    c.made_at,
    c.reason,
    c.before_json,
    c.after_json,
    c.evidence,
    c.source,
    d.path                        AS source_path,
    c.doc_id,
    c.metric_id,
    c.superseded_by,
    c.superseded_by IS NULL       AS live,
    (c.action <> 'add' AND NOT EXISTS (
        SELECT 1 FROM facts f
        WHERE f.doc_id = c.doc_id AND f.metric_id = c.metric_id
          AND f.start_offset IS NOT DISTINCT FROM c.start_offset
          AND f.end_offset IS NOT DISTINCT FROM c.end_offset
          AND f.source_row IS NOT DISTINCT FROM c.source_row)) AS orphaned
FROM corrections c
LEFT JOIN documents d ON d.doc_id = c.doc_id;

COMMENT ON VIEW v_corrections IS 'Nhật ký hiệu chỉnh: mỗi dòng một lần hiệu chỉnh / Audit trail: one row per correction';
COMMENT ON COLUMN v_corrections.action IS 'Loại hiệu chỉnh: reject, correct, confirm, add / Kind of correction';
COMMENT ON COLUMN v_corrections.made_by IS 'Người hiệu chỉnh / Who made it';
COMMENT ON COLUMN v_corrections.made_at IS 'Thời điểm / When';
COMMENT ON COLUMN v_corrections.reason IS 'Lý do / Why';
COMMENT ON COLUMN v_corrections.before_json IS 'Số liệu trước hiệu chỉnh / The fact before';
COMMENT ON COLUMN v_corrections.after_json IS 'Số liệu sau hiệu chỉnh / The fact after';
COMMENT ON COLUMN v_corrections.orphaned IS 'Số liệu gốc không còn / The corrected fact no longer exists';
