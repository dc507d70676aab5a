-- Late joiners (issue 17 item 8): a unit created after its campaign was
-- opened can be added by the campaign's owner; joined_at is when (NULL:
-- a participant fixed when the campaign was created). A campaign past its
-- deadline takes no new participant, so its denominators never change.
ALTER TABLE campaign_unit ADD COLUMN joined_at TEXT;
