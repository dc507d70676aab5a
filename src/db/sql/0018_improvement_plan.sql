-- The improvement plan (issue 16): after its result of a campaign is
-- approved, a school picks the items it will work on next year (from the
-- advice "what is missing for the next level"), each with an optional
-- note. The next round of the same rubric family shows them beside those
-- items on the school's form. Replaced as a whole on every save, through
-- the write door (app/plan.c), audited.
CREATE TABLE improvement_plan(
  campaign_id INTEGER NOT NULL REFERENCES campaign(id),
  unit_id INTEGER NOT NULL REFERENCES org_unit(id),
  item_id TEXT NOT NULL,
  note TEXT NOT NULL,
  PRIMARY KEY (campaign_id, unit_id, item_id)
) STRICT;
