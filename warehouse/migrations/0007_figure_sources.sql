-- 0007_figure_sources: each figure carries the path, title and publication date of its best-ranked source,
-- copied at refresh like its evidence (views/01_sem_figures.sql), so that a page of the evidence table is read
-- from the few row groups that hold it instead of looking its documents up in the whole documents table.
ALTER TABLE mat_figures ADD COLUMN source_path VARCHAR;
ALTER TABLE mat_figures ADD COLUMN source_title VARCHAR;
ALTER TABLE mat_figures ADD COLUMN source_published DATE;
