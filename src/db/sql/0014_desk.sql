-- Late joiners (issue 17 item 8): a unit created after its campaign was
-- opened can be added by the campaign's owner; joined_at is when (NULL:
-- a participant fixed when the campaign was created). A campaign past its
-- deadline takes no new participant, so its denominators never change.
ALTER TABLE campaign_unit ADD COLUMN joined_at TEXT;
-- Chasing the late ones (issue 17 item 7): contact details of units and
-- accounts (NULL: none given), checked by core/contact.c.
ALTER TABLE org_unit ADD COLUMN phone TEXT;
ALTER TABLE org_unit ADD COLUMN email TEXT;
ALTER TABLE app_user ADD COLUMN phone TEXT;
ALTER TABLE app_user ADD COLUMN email TEXT;
-- One reminder digest per unit per Vietnam day: claimed ('sending') before
-- the mail goes out, then 'sent' or 'failed' (a failed one may be retried
-- the same day). Each sent digest is also an audit row.
CREATE TABLE reminder(
  unit_id INTEGER NOT NULL REFERENCES org_unit(id),
  day TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('sending','sent','failed')),
  recipients TEXT NOT NULL,
  campaigns TEXT NOT NULL,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  PRIMARY KEY (unit_id, day)
) STRICT;
