-- The administrative shape over time (issue 16): which unit each unit sat
-- under, from which day to which day (valid_to is the first day it no
-- longer did; NULL while it still does). org_unit.parent_id and path stay
-- today's tree; a campaign takes its participants and the paths it
-- freezes from this table as at its opening day, so a campaign of
-- 2024-2025 entered after the Phòng were closed on 30/6/2025 still counts
-- its schools under their Phòng, and one of 2025-2026 under the commune
-- offices and the Sở.
CREATE TABLE org_parent(
  unit_id INTEGER NOT NULL REFERENCES org_unit(id),
  parent_id INTEGER REFERENCES org_unit(id),
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  PRIMARY KEY (unit_id, valid_from)
) STRICT;
CREATE INDEX org_parent_parent ON org_parent(parent_id, valid_from);
-- What is known of the past: every unit under its parent of today since
-- it opened (moves before this migration kept no day of their own).
INSERT INTO org_parent(unit_id, parent_id, valid_from, valid_to)
  SELECT id, parent_id, substr(active_from, 1, 10), NULL FROM org_unit;
-- Who reviews a campaign's schools: 'tree', the unit each school sits
-- under in the tree at the campaign's opening (a commune office for its
-- MN/TH/THCS schools, the Sở for THPT/GDTX), or 'owner', the unit that
-- runs the campaign, for every school directly. The owner and every
-- level above it see all of them either way.
ALTER TABLE campaign ADD COLUMN review_by TEXT NOT NULL DEFAULT 'tree'
  CHECK (review_by IN ('tree', 'owner'));
-- The observer role (theo dõi): a higher level (the Bộ, a Sở watching
-- its commune offices) that sees the dashboards, submissions and
-- documents of its subtree and changes nothing. SQLite cannot change a
-- CHECK, so the table is rebuilt (the migration runs with foreign keys
-- off and checks them before it commits); PostgreSQL changes the CHECK
-- itself (pg_dialect.h).
-- pg: ALTER TABLE app_user DROP CONSTRAINT app_user_role_check;
-- pg: ALTER TABLE app_user ADD CONSTRAINT app_user_role_check CHECK (role IN ('school_editor','school_head','reviewer','admin','observer'));
-- sqlite:begin
CREATE TABLE app_user_new(
  id INTEGER PRIMARY KEY,
  org_unit_id INTEGER NOT NULL REFERENCES org_unit(id),
  login TEXT NOT NULL UNIQUE,
  full_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('school_editor','school_head','reviewer','admin','observer')),
  pw_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
) STRICT;
INSERT INTO app_user_new(id, org_unit_id, login, full_name, role, pw_hash,
  disabled, created_at)
  SELECT id, org_unit_id, login, full_name, role, pw_hash, disabled,
    created_at FROM app_user;
DROP TABLE app_user;
ALTER TABLE app_user_new RENAME TO app_user;
-- sqlite:end
