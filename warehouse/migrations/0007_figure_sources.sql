-- 0007_figure_sources: each figure carries its best-ranked source's path, kind, title, outlet and publication
-- date, copied at refresh like its evidence (views/01_sem_figures.sql), so that v_facts and a page of the
-- evidence table are read from the few row groups that hold them instead of looking their documents up in
-- the whole documents table.
ALTER TABLE mat_figures ADD COLUMN source_path VARCHAR;
ALTER TABLE mat_figures ADD COLUMN source_kind VARCHAR;
ALTER TABLE mat_figures ADD COLUMN source_title VARCHAR;
ALTER TABLE mat_figures ADD COLUMN source_outlet VARCHAR;
ALTER TABLE mat_figures ADD COLUMN source_published DATE;
