-- Every revision of a submission: the action that made it, who and when,
-- and the answers, external scores and state it left. A form opened at an
-- older revision is merged field by field against the answers of that
-- revision, and a conflict names who changed each field since. Append-only.
CREATE TABLE submission_revision(
  submission_id INTEGER NOT NULL REFERENCES submission(id),
  revision INTEGER NOT NULL,
  action TEXT NOT NULL,
  answers TEXT NOT NULL,
  external TEXT NOT NULL,
  state TEXT NOT NULL,
  author TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (submission_id, revision)
) STRICT;
CREATE TRIGGER submission_revision_no_update BEFORE UPDATE ON submission_revision
  BEGIN SELECT RAISE(ABORT, 'submission history is append-only'); END;
CREATE TRIGGER submission_revision_no_delete BEFORE DELETE ON submission_revision
  BEGIN SELECT RAISE(ABORT, 'submission history is append-only'); END;
-- What existed before: the current revision of each submission.
INSERT INTO submission_revision(submission_id, revision, action, answers,
  external, state, author, at)
  SELECT id, revision, 'submission.migrate', answers, external, state,
    updated_by, updated_at FROM submission;
