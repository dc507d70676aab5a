-- The signed copy of a school's report (issue 16): printed, signed,
-- stamped, scanned (or signed digitally) and uploaded as a PDF. It is the
-- submission's official copy. Every upload is kept (the latest is the
-- official one); the file lives in the evidence blob store by SHA-256,
-- byte for byte, so a PAdES signature in it can be verified later
-- (docs/reports.md, "The signed copy"). revision: the submission's
-- revision the copy was uploaded against.
CREATE TABLE signed_copy(
  id INTEGER PRIMARY KEY,
  submission_id INTEGER NOT NULL REFERENCES submission(id),
  revision INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  name TEXT NOT NULL,
  size INTEGER NOT NULL,
  uploaded_by TEXT NOT NULL,
  at TEXT NOT NULL
) STRICT;
CREATE INDEX signed_copy_submission ON signed_copy(submission_id, id);
