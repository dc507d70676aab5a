-- Statistics campaigns (issue 15). A campaign has a kind: 'cds' (the
-- self-assessment scored by a rubric) or 'thong-ke' (indicator values for
-- Phụ lục 2 and Phụ lục 6). A thong-ke campaign keeps its rubric: the CĐS
-- rubric whose same-year self-assessment pre-fills the shared facts.
ALTER TABLE campaign ADD COLUMN kind TEXT NOT NULL DEFAULT 'cds'
  CHECK (kind IN ('cds', 'thong-ke'));
-- Indicator-set versions used by statistics campaigns, stored whole like
-- rubrics, so old reports always read with the set they were entered in.
CREATE TABLE indicator_set(
  id TEXT NOT NULL,
  version INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  body TEXT NOT NULL,
  stored_at TEXT NOT NULL,
  PRIMARY KEY (id, version)
) STRICT;
-- What a thong-ke campaign collects: its indicator set, the reporting
-- period of the set (đầu năm / cuối năm) and the day the data describe.
-- Values are stored in submission.answers and go through the same
-- workflow (save, submit, return, approve) and snapshots.
CREATE TABLE stats_campaign(
  campaign_id INTEGER PRIMARY KEY REFERENCES campaign(id),
  indicators_id TEXT NOT NULL,
  indicators_version INTEGER NOT NULL,
  period TEXT NOT NULL,
  as_of TEXT NOT NULL,
  FOREIGN KEY (indicators_id, indicators_version)
    REFERENCES indicator_set(id, version)
) STRICT;
-- An office's own answers for a statistics campaign (the office set:
-- Phụ lục 2's Có/Không questions, its work files, the targets without a
-- number, the narrative sections), one row per campaign and office; every
-- change is audited.
CREATE TABLE stats_office(
  campaign_id INTEGER NOT NULL REFERENCES stats_campaign(campaign_id),
  unit_id INTEGER NOT NULL REFERENCES org_unit(id),
  indicators_id TEXT NOT NULL,
  indicators_version INTEGER NOT NULL,
  answers TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (campaign_id, unit_id),
  FOREIGN KEY (indicators_id, indicators_version)
    REFERENCES indicator_set(id, version)
) STRICT;
