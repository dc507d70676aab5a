CREATE TABLE schema_migration(
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL
) STRICT;
-- The org tree: any depth (Bộ → Sở → Phòng/xã → trường). path is the
-- materialized path "/1/4/17/" for subtree queries with a prefix LIKE.
CREATE TABLE org_unit(
  id INTEGER PRIMARY KEY,
  parent_id INTEGER REFERENCES org_unit(id),
  kind TEXT NOT NULL CHECK (kind IN ('bo','so','phong','xa','truong','trung_tam')),
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  school_levels INTEGER NOT NULL DEFAULT 0,
  path TEXT NOT NULL UNIQUE,
  active_from TEXT NOT NULL,
  active_to TEXT,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX org_unit_parent ON org_unit(parent_id);
CREATE INDEX org_unit_name_key ON org_unit(name_key);
CREATE TABLE org_unit_history(
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES org_unit(id),
  change TEXT NOT NULL CHECK (change IN ('create','rename','move','close','reopen','levels')),
  old_value TEXT,
  new_value TEXT,
  at TEXT NOT NULL,
  actor TEXT NOT NULL
) STRICT;
CREATE INDEX org_unit_history_unit ON org_unit_history(unit_id);
CREATE TABLE app_user(
  id INTEGER PRIMARY KEY,
  org_unit_id INTEGER NOT NULL REFERENCES org_unit(id),
  login TEXT NOT NULL UNIQUE,
  full_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('school_editor','school_head','reviewer','admin')),
  pw_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
) STRICT;
-- Rubric versions used by campaigns, stored whole so old results can always
-- be re-scored by the rubric that scored them.
CREATE TABLE rubric(
  id TEXT NOT NULL,
  version INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  body TEXT NOT NULL,
  stored_at TEXT NOT NULL,
  PRIMARY KEY (id, version)
) STRICT;
CREATE TABLE campaign(
  id INTEGER PRIMARY KEY,
  owner_unit_id INTEGER NOT NULL REFERENCES org_unit(id),
  rubric_id TEXT NOT NULL,
  rubric_version INTEGER NOT NULL,
  school_year TEXT NOT NULL,
  title TEXT NOT NULL,
  legal_basis TEXT NOT NULL,
  school_levels INTEGER NOT NULL,
  opens_at TEXT NOT NULL,
  due_at TEXT NOT NULL,
  review_due_at TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  FOREIGN KEY (rubric_id, rubric_version) REFERENCES rubric(id, version)
) STRICT;
-- Who is expected to answer, fixed when the campaign is created, with the
-- unit's place in the tree at that time: moving or closing a school later
-- does not change that campaign's denominators.
CREATE TABLE campaign_unit(
  campaign_id INTEGER NOT NULL REFERENCES campaign(id),
  unit_id INTEGER NOT NULL REFERENCES org_unit(id),
  path TEXT NOT NULL,
  school_levels INTEGER NOT NULL,
  PRIMARY KEY (campaign_id, unit_id)
) STRICT;
CREATE INDEX campaign_unit_path ON campaign_unit(campaign_id, path);
CREATE TABLE submission(
  id INTEGER PRIMARY KEY,
  campaign_id INTEGER NOT NULL,
  unit_id INTEGER NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('draft','submitted','returned','approved','published')),
  version INTEGER NOT NULL DEFAULT 0,
  revision INTEGER NOT NULL DEFAULT 0,
  answers TEXT NOT NULL,
  external TEXT NOT NULL DEFAULT '{}',
  first_submitted_at TEXT,
  late INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  UNIQUE (campaign_id, unit_id),
  FOREIGN KEY (campaign_id, unit_id) REFERENCES campaign_unit(campaign_id, unit_id)
) STRICT;
-- Every submitted version, immutable.
CREATE TABLE snapshot(
  submission_id INTEGER NOT NULL REFERENCES submission(id),
  version INTEGER NOT NULL,
  answers TEXT NOT NULL,
  score TEXT NOT NULL,
  submitted_by TEXT NOT NULL,
  submitted_at TEXT NOT NULL,
  late INTEGER NOT NULL,
  PRIMARY KEY (submission_id, version)
) STRICT;
CREATE TRIGGER snapshot_no_update BEFORE UPDATE ON snapshot
  BEGIN SELECT RAISE(ABORT, 'snapshot is immutable'); END;
CREATE TRIGGER snapshot_no_delete BEFORE DELETE ON snapshot
  BEGIN SELECT RAISE(ABORT, 'snapshot is immutable'); END;
-- Reasons for a return, one per criterion, tied to the version returned.
CREATE TABLE review_note(
  id INTEGER PRIMARY KEY,
  submission_id INTEGER NOT NULL REFERENCES submission(id),
  version INTEGER NOT NULL,
  criterion_id TEXT NOT NULL,
  body TEXT NOT NULL,
  author TEXT NOT NULL,
  at TEXT NOT NULL
) STRICT;
CREATE INDEX review_note_submission ON review_note(submission_id, version);
CREATE TABLE evidence(
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES org_unit(id),
  sha256 TEXT NOT NULL,
  name TEXT NOT NULL,
  mime TEXT NOT NULL,
  size INTEGER NOT NULL,
  uploaded_by TEXT NOT NULL,
  at TEXT NOT NULL,
  UNIQUE (unit_id, sha256)
) STRICT;
CREATE TABLE evidence_link(
  evidence_id INTEGER NOT NULL REFERENCES evidence(id),
  submission_id INTEGER NOT NULL REFERENCES submission(id),
  criterion_id TEXT NOT NULL,
  PRIMARY KEY (evidence_id, submission_id, criterion_id)
) STRICT;
CREATE TABLE audit(
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  object TEXT NOT NULL,
  detail TEXT
) STRICT;
CREATE INDEX audit_object ON audit(object);
