-- Evidence that is not a file: a link (an http/https URL) or a short fact
-- ("Số lượng học liệu: 42"), kept as evidence rows so reports list them per
-- criterion beside the files. For these, name holds the URL or the text,
-- sha256 is the hash of kind and text (one row per unit, as for files),
-- and there is no blob.
ALTER TABLE evidence ADD COLUMN kind TEXT NOT NULL DEFAULT 'file'
  CHECK (kind IN ('file', 'link', 'fact'));
