-- What a unit types into its official documents for a campaign: the
-- narrative sections (thuận lợi, khó khăn, đề xuất…), staff numbers, and
-- the header and signature fields (số ký hiệu, địa danh, ngày, người ký).
-- Numbers and levels are never stored here: reports compute them live.
CREATE TABLE doc_field(
  campaign_id INTEGER NOT NULL REFERENCES campaign(id),
  unit_id INTEGER NOT NULL REFERENCES org_unit(id),
  name TEXT NOT NULL,
  value TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (campaign_id, unit_id, name)
) STRICT;
