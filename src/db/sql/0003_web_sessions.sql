-- Web sign-in. Only a hash of each session token is stored, so a copy of
-- the database does not let anyone sign in.
CREATE TABLE session(
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES app_user(id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
) STRICT;
CREATE INDEX session_user ON session(user_id);
-- Failed sign-ins, for the rate limit (per login and per client address).
CREATE TABLE login_failure(
  id INTEGER PRIMARY KEY,
  login TEXT NOT NULL,
  client TEXT NOT NULL,
  at TEXT NOT NULL
) STRICT;
CREATE INDEX login_failure_login ON login_failure(login, at);
CREATE INDEX login_failure_client ON login_failure(client, at);
-- Server-wide secrets (the CSRF key), shared by every server process that
-- uses this database.
CREATE TABLE app_secret(
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
