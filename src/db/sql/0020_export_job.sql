-- Issue 17 item 3. Exports too large for a request thread (a province's
-- results XLSX, its listing, every school's report as one ZIP) run as
-- jobs: the queue is this table, so a job survives a page reload and a
-- server restart (which marks a job that was running failed, with the
-- reason: app/export_job_run.c). The file is built with the owner's scope
-- and kept until expires_at, then deleted by the worker (path NULL).
-- state: queued, running, done, failed, cancelled; done/total: progress
-- in units; cancel_asked: the owner asked a running job to stop.
CREATE TABLE export_job(
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES app_user(id),
  campaign_id INTEGER NOT NULL REFERENCES campaign(id),
  unit_code TEXT NOT NULL,
  file TEXT NOT NULL,
  include_submitted INTEGER NOT NULL,
  state TEXT NOT NULL,
  done INTEGER NOT NULL,
  total INTEGER NOT NULL,
  cancel_asked INTEGER NOT NULL,
  path TEXT,
  error TEXT,
  created_at TEXT NOT NULL,
  started_at TEXT,
  finished_at TEXT,
  expires_at TEXT
) STRICT;
CREATE INDEX export_job_user ON export_job(user_id, id);
CREATE INDEX export_job_state ON export_job(state, id);
