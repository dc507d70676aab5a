-- Issue 16. The signed copy of a school's report: printed, signed,
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

-- The software a school uses (seed 004: "Liệt kê cụ thể các phần mềm tên
-- gì, sử dụng cho mục đích gì, có thu phí không, thu phí bao nhiêu"), one
-- row per software and campaign, in the school's order (pos). name_key is
-- the accent-free key offices sum by; parents_total the money collected
-- from parents for it in the school year, in đồng (0 when free).
CREATE TABLE software(
  campaign_id INTEGER NOT NULL REFERENCES campaign(id),
  unit_id INTEGER NOT NULL REFERENCES org_unit(id),
  pos INTEGER NOT NULL,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  purpose TEXT NOT NULL,
  vendor TEXT NOT NULL,
  domestic INTEGER NOT NULL CHECK (domestic IN (0, 1)),
  paid INTEGER NOT NULL CHECK (paid IN (0, 1)),
  fee TEXT NOT NULL,
  parents_total INTEGER NOT NULL CHECK (parents_total >= 0),
  PRIMARY KEY (campaign_id, unit_id, pos)
) STRICT;
CREATE INDEX software_key ON software(campaign_id, name_key);
