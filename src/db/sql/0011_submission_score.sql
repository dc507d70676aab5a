-- Each submission's score summary (issue 17): per group, the school's own
-- points (hundredths) and level, and the reviewed ones (its đánh giá ngoài
-- laid over), for the revision they were computed from. Written in the
-- transaction of every change of the submission (app/score_summary.c), so
-- dashboards count levels with one indexed query and never re-score.
-- Rows that existed before are filled by the app when it opens a database
-- this migration was just applied to, and by `truongso db migrate`.
CREATE TABLE submission_score(
  submission_id INTEGER NOT NULL REFERENCES submission(id),
  grp INTEGER NOT NULL,
  revision INTEGER NOT NULL,
  self_points INTEGER NOT NULL,
  self_level INTEGER NOT NULL,
  reviewed_points INTEGER NOT NULL,
  reviewed_level INTEGER NOT NULL,
  PRIMARY KEY (submission_id, grp)
) STRICT;
-- The columns dashboards read of every participant's submission, so their
-- joins never touch the rows (each a page or more of answers JSON).
CREATE INDEX submission_desk ON submission(campaign_id, unit_id, state,
  late, first_submitted_at);
-- A campaign's results generation: raised in the transaction of every
-- change of one of its submissions (sub_record), so a server may keep the
-- counts of a dashboard for as long as the generation stays the same
-- (app/results_cache.c).
CREATE TABLE campaign_results(
  campaign_id INTEGER PRIMARY KEY REFERENCES campaign(id),
  gen INTEGER NOT NULL
) STRICT;
