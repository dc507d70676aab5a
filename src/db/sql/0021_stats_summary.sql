-- Each statistics submission's parsed values (issue 15): the indicator
-- values of its last snapshot (the report an office counts), written in
-- the transaction of every change of the submission (app/stats_summary.c),
-- so the roll-up, the drill-down and Phụ lục 2/6 read rows and never
-- parse answers documents. `revision` is the submission's revision the
-- row was written for; `version` the snapshot its values are from (0: no
-- snapshot, or one the campaign's set no longer reads: not reported).
-- Rows that existed before are filled by the app when it opens a database
-- this migration was just applied to, and by `truongso db migrate`.
CREATE TABLE stats_summary(
  submission_id INTEGER PRIMARY KEY REFERENCES submission(id),
  revision INTEGER NOT NULL,
  version INTEGER NOT NULL
) STRICT;
-- One value per indicator entered (nothing for one left empty): num holds
-- a count or a percentage in hundredths, 1/0 for có/không; text an
-- option id or a narrative. A list of names has a row at seq 0 (num: how
-- many) and one per name at seq 1.. (text: the name, num: 1 when it is a
-- sản phẩm trong nước), in the order the school gave them.
CREATE TABLE stats_value(
  submission_id INTEGER NOT NULL REFERENCES stats_summary(submission_id),
  code TEXT NOT NULL,
  seq INTEGER NOT NULL,
  num INTEGER,
  text TEXT,
  PRIMARY KEY (submission_id, code, seq)
) STRICT;
