-- The most common gaps (plan_gaps, issue 16) kept as rows (issue 17): for
-- each reviewed result, the items its latest submitted version's advice
-- lists, and one row with item '' for the result itself (the schools
-- counted). Written in the transaction of every change of the submission
-- (app/gap_record.c); a result that is not reviewed has no rows, so a
-- count is one indexed GROUP BY with no state to test and no JSON to read.
-- Rows of results that existed before are filled by the app when it opens
-- a database this migration was just applied to, and by `truongso db
-- migrate`.
CREATE TABLE submission_gap(
  submission_id INTEGER NOT NULL REFERENCES submission(id),
  item TEXT NOT NULL,
  PRIMARY KEY (submission_id, item)
) STRICT;
-- What each change did to those rows: +1 for a row written, -1 for one
-- removed, with the generation the change raised the campaign's results
-- to (campaign_results.gen) and the participant's frozen path. A server
-- whose counts are of an older generation adds the changes since (those
-- under its root) instead of counting again.
CREATE TABLE gap_delta(
  campaign_id INTEGER NOT NULL REFERENCES campaign(id),
  gen INTEGER NOT NULL,
  path TEXT NOT NULL,
  item TEXT NOT NULL,
  delta INTEGER NOT NULL,
  PRIMARY KEY (campaign_id, gen, path, item)
) STRICT;
-- Which participant each generation changed (its frozen path): a server
-- whose counts of states and levels are of an older generation counts
-- again only the parts of its root those changes are under
-- (app/results_cache.c).
CREATE TABLE results_change(
  campaign_id INTEGER NOT NULL REFERENCES campaign(id),
  gen INTEGER NOT NULL,
  path TEXT NOT NULL,
  PRIMARY KEY (campaign_id, gen)
) STRICT;
-- Changes (results_change, gap_delta) at or below changes_floor have been
-- deleted: counts older than that are counted again.
ALTER TABLE campaign_results ADD COLUMN changes_floor INTEGER NOT NULL
  DEFAULT 0;
