-- Webhooks, in SPEC §8's vocabulary. JSON columns hold lists and maps that are
-- always read and written whole; secrets and auth credentials are ciphertext.
CREATE TABLE webhooks (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  address TEXT NOT NULL,
  topics TEXT NOT NULL,
  profile TEXT NOT NULL,
  format TEXT NOT NULL CHECK (format IN ('json', 'xml', 'form')),
  signing TEXT NOT NULL,
  secret_enc TEXT NOT NULL,
  headers TEXT NOT NULL DEFAULT '{}',
  auth_enc TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('enabled', 'disabled', 'auto_disabled')),
  status_reason TEXT,
  disabled_on TEXT,
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  retry_schedule TEXT NOT NULL,
  connect_timeout_ms INTEGER NOT NULL,
  timeout_ms INTEGER NOT NULL,
  max_concurrency INTEGER NOT NULL,
  rate_limit_per_second REAL,
  ordered INTEGER NOT NULL DEFAULT 0,
  disable_after_failures INTEGER NOT NULL,
  accept_self_signed INTEGER NOT NULL DEFAULT 0,
  last_ping TEXT,
  created_on TEXT NOT NULL,
  modified_on TEXT
);
CREATE INDEX webhooks_status ON webhooks (status);
CREATE INDEX webhooks_created_on ON webhooks (created_on);
CREATE INDEX webhooks_modified_on ON webhooks (modified_on);

-- Admin API tokens made after the data directory's own admin token; only a hash is kept.
CREATE TABLE tokens (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  role TEXT NOT NULL CHECK (role IN ('admin', 'read')),
  name TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE,
  created_on TEXT NOT NULL,
  last_used_on TEXT
);
