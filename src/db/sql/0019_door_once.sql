-- Issue 14. Idempotent retries: a write the door (app/door.c) committed
-- under a request key, kept with the write in the same transaction, so
-- the same request sent again (a POST retried after a timeout, a second
-- click) gets the first answer instead of running twice. The key names
-- what the request acted on, the revision its page showed and a digest
-- of what else it sent ("1/31DK001@17#…"); result is what the first run
-- gave back (a submit's version). Rows older than a day are deleted as
-- new ones come.
CREATE TABLE door_once(
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  request_key TEXT NOT NULL,
  result TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (actor, action, request_key)
) STRICT;
CREATE INDEX door_once_at ON door_once(at);
