-- Page stamps (issue 17): a counter raised, in the writer's own
-- transaction, by every write that changes what a school's form page shows,
-- so the page cache (web/page_cache.c) finds a kept page by one indexed read
-- of the stamps instead of reading every input of the page. Three kinds of
-- row: (campaign, unit) for one participant's page (its submission, the
-- versions submitted, the reasons of a return, the evidence linked, its place
-- in the campaign), (campaign, 0) for what every page of a campaign shows
-- (the campaign's row, its participants counted) and (0, unit) for what
-- every page of a unit shows (the unit's row, its evidence, its plans; also
-- the campaign owner's name and path). A write raises only the rows of what
-- it changed: a school's save never touches another school's row, so
-- writers do not queue on a shared row. Raised by triggers, so every writer
-- (the web, the command line, another process, an import) raises them. A row
-- is made the first time it is raised: a page whose inputs were never
-- written since this migration reads no row (NULL), which is a stamp too.
CREATE TABLE page_stamp(
  campaign_id INTEGER NOT NULL,
  unit_id INTEGER NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (campaign_id, unit_id)
) STRICT;
CREATE TRIGGER submission_stamp_ins AFTER INSERT ON submission
  BEGIN INSERT INTO page_stamp(campaign_id, unit_id, n) VALUES (NEW.campaign_id, NEW.unit_id, 1) ON CONFLICT (campaign_id, unit_id) DO UPDATE SET n = page_stamp.n + 1; END;
CREATE TRIGGER submission_stamp_upd AFTER UPDATE ON submission
  BEGIN INSERT INTO page_stamp(campaign_id, unit_id, n) VALUES (NEW.campaign_id, NEW.unit_id, 1) ON CONFLICT (campaign_id, unit_id) DO UPDATE SET n = page_stamp.n + 1; END;
CREATE TRIGGER submission_stamp_del AFTER DELETE ON submission
  BEGIN INSERT INTO page_stamp(campaign_id, unit_id, n) VALUES (OLD.campaign_id, OLD.unit_id, 1) ON CONFLICT (campaign_id, unit_id) DO UPDATE SET n = page_stamp.n + 1; END;
CREATE TRIGGER snapshot_stamp_ins AFTER INSERT ON snapshot
  BEGIN INSERT INTO page_stamp(campaign_id, unit_id, n) SELECT campaign_id, unit_id, 1 FROM submission WHERE id = NEW.submission_id ON CONFLICT (campaign_id, unit_id) DO UPDATE SET n = page_stamp.n + 1; END;
CREATE TRIGGER review_note_stamp_ins AFTER INSERT ON review_note
  BEGIN INSERT INTO page_stamp(campaign_id, unit_id, n) SELECT campaign_id, unit_id, 1 FROM submission WHERE id = NEW.submission_id ON CONFLICT (campaign_id, unit_id) DO UPDATE SET n = page_stamp.n + 1; END;
CREATE TRIGGER review_note_stamp_upd AFTER UPDATE ON review_note
  BEGIN INSERT INTO page_stamp(campaign_id, unit_id, n) SELECT campaign_id, unit_id, 1 FROM submission WHERE id = NEW.submission_id ON CONFLICT (campaign_id, unit_id) DO UPDATE SET n = page_stamp.n + 1; END;
CREATE TRIGGER review_note_stamp_del AFTER DELETE ON review_note
  BEGIN INSERT INTO page_stamp(campaign_id, unit_id, n) SELECT campaign_id, unit_id, 1 FROM submission WHERE id = OLD.submission_id ON CONFLICT (campaign_id, unit_id) DO UPDATE SET n = page_stamp.n + 1; END;
CREATE TRIGGER evidence_link_stamp_ins AFTER INSERT ON evidence_link
  BEGIN INSERT INTO page_stamp(campaign_id, unit_id, n) SELECT campaign_id, unit_id, 1 FROM submission WHERE id = NEW.submission_id ON CONFLICT (campaign_id, unit_id) DO UPDATE SET n = page_stamp.n + 1; END;
CREATE TRIGGER evidence_link_stamp_upd AFTER UPDATE ON evidence_link
  BEGIN INSERT INTO page_stamp(campaign_id, unit_id, n) SELECT campaign_id, unit_id, 1 FROM submission WHERE id = NEW.submission_id ON CONFLICT (campaign_id, unit_id) DO UPDATE SET n = page_stamp.n + 1; END;
CREATE TRIGGER evidence_link_stamp_del AFTER DELETE ON evidence_link
  BEGIN INSERT INTO page_stamp(campaign_id, unit_id, n) SELECT campaign_id, unit_id, 1 FROM submission WHERE id = OLD.submission_id ON CONFLICT (campaign_id, unit_id) DO UPDATE SET n = page_stamp.n + 1; END;
CREATE TRIGGER campaign_unit_stamp_ins AFTER INSERT ON campaign_unit
  BEGIN INSERT INTO page_stamp(campaign_id, unit_id, n) VALUES (NEW.campaign_id, NEW.unit_id, 1) ON CONFLICT (campaign_id, unit_id) DO UPDATE SET n = page_stamp.n + 1;
    INSERT INTO page_stamp(campaign_id, unit_id, n) VALUES (NEW.campaign_id, 0, 1) ON CONFLICT (campaign_id, unit_id) DO UPDATE SET n = page_stamp.n + 1; END;
CREATE TRIGGER campaign_unit_stamp_upd AFTER UPDATE ON campaign_unit
  BEGIN INSERT INTO page_stamp(campaign_id, unit_id, n) VALUES (NEW.campaign_id, NEW.unit_id, 1) ON CONFLICT (campaign_id, unit_id) DO UPDATE SET n = page_stamp.n + 1;
    INSERT INTO page_stamp(campaign_id, unit_id, n) VALUES (NEW.campaign_id, 0, 1) ON CONFLICT (campaign_id, unit_id) DO UPDATE SET n = page_stamp.n + 1; END;
CREATE TRIGGER campaign_unit_stamp_del AFTER DELETE ON campaign_unit
  BEGIN INSERT INTO page_stamp(campaign_id, unit_id, n) VALUES (OLD.campaign_id, OLD.unit_id, 1) ON CONFLICT (campaign_id, unit_id) DO UPDATE SET n = page_stamp.n + 1;
    INSERT INTO page_stamp(campaign_id, unit_id, n) VALUES (OLD.campaign_id, 0, 1) ON CONFLICT (campaign_id, unit_id) DO UPDATE SET n = page_stamp.n + 1; END;
CREATE TRIGGER campaign_stamp_ins AFTER INSERT ON campaign
  BEGIN INSERT INTO page_stamp(campaign_id, unit_id, n) VALUES (NEW.id, 0, 1) ON CONFLICT (campaign_id, unit_id) DO UPDATE SET n = page_stamp.n + 1; END;
CREATE TRIGGER campaign_stamp_upd AFTER UPDATE ON campaign
  BEGIN INSERT INTO page_stamp(campaign_id, unit_id, n) VALUES (NEW.id, 0, 1) ON CONFLICT (campaign_id, unit_id) DO UPDATE SET n = page_stamp.n + 1; END;
CREATE TRIGGER campaign_stamp_del AFTER DELETE ON campaign
  BEGIN INSERT INTO page_stamp(campaign_id, unit_id, n) VALUES (OLD.id, 0, 1) ON CONFLICT (campaign_id, unit_id) DO UPDATE SET n = page_stamp.n + 1; END;
CREATE TRIGGER evidence_stamp_ins AFTER INSERT ON evidence
  BEGIN INSERT INTO page_stamp(campaign_id, unit_id, n) VALUES (0, NEW.unit_id, 1) ON CONFLICT (campaign_id, unit_id) DO UPDATE SET n = page_stamp.n + 1; END;
CREATE TRIGGER evidence_stamp_upd AFTER UPDATE ON evidence
  BEGIN INSERT INTO page_stamp(campaign_id, unit_id, n) VALUES (0, NEW.unit_id, 1) ON CONFLICT (campaign_id, unit_id) DO UPDATE SET n = page_stamp.n + 1; END;
CREATE TRIGGER evidence_stamp_del AFTER DELETE ON evidence
  BEGIN INSERT INTO page_stamp(campaign_id, unit_id, n) VALUES (0, OLD.unit_id, 1) ON CONFLICT (campaign_id, unit_id) DO UPDATE SET n = page_stamp.n + 1; END;
CREATE TRIGGER improvement_plan_stamp_ins AFTER INSERT ON improvement_plan
  BEGIN INSERT INTO page_stamp(campaign_id, unit_id, n) VALUES (0, NEW.unit_id, 1) ON CONFLICT (campaign_id, unit_id) DO UPDATE SET n = page_stamp.n + 1; END;
CREATE TRIGGER improvement_plan_stamp_upd AFTER UPDATE ON improvement_plan
  BEGIN INSERT INTO page_stamp(campaign_id, unit_id, n) VALUES (0, NEW.unit_id, 1) ON CONFLICT (campaign_id, unit_id) DO UPDATE SET n = page_stamp.n + 1; END;
CREATE TRIGGER improvement_plan_stamp_del AFTER DELETE ON improvement_plan
  BEGIN INSERT INTO page_stamp(campaign_id, unit_id, n) VALUES (0, OLD.unit_id, 1) ON CONFLICT (campaign_id, unit_id) DO UPDATE SET n = page_stamp.n + 1; END;
CREATE TRIGGER org_unit_stamp_ins AFTER INSERT ON org_unit
  BEGIN INSERT INTO page_stamp(campaign_id, unit_id, n) VALUES (0, NEW.id, 1) ON CONFLICT (campaign_id, unit_id) DO UPDATE SET n = page_stamp.n + 1; END;
CREATE TRIGGER org_unit_stamp_upd AFTER UPDATE ON org_unit
  BEGIN INSERT INTO page_stamp(campaign_id, unit_id, n) VALUES (0, NEW.id, 1) ON CONFLICT (campaign_id, unit_id) DO UPDATE SET n = page_stamp.n + 1; END;
CREATE TRIGGER org_unit_stamp_del AFTER DELETE ON org_unit
  BEGIN INSERT INTO page_stamp(campaign_id, unit_id, n) VALUES (0, OLD.id, 1) ON CONFLICT (campaign_id, unit_id) DO UPDATE SET n = page_stamp.n + 1; END;
