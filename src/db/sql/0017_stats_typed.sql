-- Issue 15. Phụ lục 6, section III, shows 2022-2025 one column per school
-- year; years before truongso have no statistics round, so the Sở types
-- its province-wide figures for them, once per year (the office set
-- "thong-ke-qd131-nam-truoc", data/indicators). answers is that set's
-- values JSON, as stats_office keeps an office's answers; who typed them
-- and when is here and in the audit log.
CREATE TABLE stats_typed(
  unit_id INTEGER NOT NULL REFERENCES org_unit(id),
  school_year TEXT NOT NULL,
  indicators_id TEXT NOT NULL,
  indicators_version INTEGER NOT NULL,
  answers TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (unit_id, school_year),
  FOREIGN KEY (indicators_id, indicators_version)
    REFERENCES indicator_set(id, version)
) STRICT;
