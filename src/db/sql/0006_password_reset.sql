-- One-time codes to set a new password, made by an admin above the account
-- (or the server operator) when its owner forgot the password. Only a hash
-- of the code is stored; a code works once, before it expires.
CREATE TABLE password_reset(
  user_id INTEGER PRIMARY KEY REFERENCES app_user(id),
  code_hash TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  created_by TEXT NOT NULL
) STRICT;
-- Failed sign-ins older than the throttle's window are deleted as new ones
-- come (by time, whoever they were for), so made-up names cannot grow the
-- table for ever.
CREATE INDEX login_failure_at ON login_failure(at);
