-- The delivery engine's durable outbox (issue 8). An event is stored once, with its
-- payload; its rendered bodies once per format; each subscribed webhook gets one delivery;
-- each try of a delivery is one attempt row. Times the scheduler compares are epoch ms.
CREATE TABLE events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  profile TEXT NOT NULL,
  topic TEXT NOT NULL,
  seed INTEGER,
  -- The payload as JSON, and the XML root element it renders under.
  payload TEXT NOT NULL,
  root TEXT NOT NULL,
  burst_id INTEGER,
  created_on TEXT NOT NULL
);
CREATE INDEX events_burst ON events (burst_id) WHERE burst_id IS NOT NULL;

CREATE TABLE event_bodies (
  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  format TEXT NOT NULL,
  content_type TEXT NOT NULL,
  body BLOB NOT NULL,
  PRIMARY KEY (event_id, format)
) WITHOUT ROWID;

CREATE TABLE deliveries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  webhook_id INTEGER NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
  status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'succeeded', 'retrying', 'failed', 'cancelled')),
  -- 'test' | 'ping' | 'replay', or NULL for an ordinary event.
  tag TEXT,
  -- The signing style's own id (webhook-id, X-GitHub-Delivery …), the same on every attempt.
  provider_id TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  lease_until INTEGER,
  last_status_code INTEGER,
  last_error_class TEXT,
  last_duration_ms INTEGER,
  replay_of INTEGER,
  created_on TEXT NOT NULL,
  finished_on TEXT
);
CREATE INDEX deliveries_due ON deliveries (next_attempt_at, id) WHERE status IN ('pending', 'retrying');
CREATE INDEX deliveries_sending ON deliveries (lease_until) WHERE status = 'sending';
CREATE INDEX deliveries_webhook ON deliveries (webhook_id, id);
CREATE INDEX deliveries_event ON deliveries (event_id);
CREATE INDEX deliveries_status ON deliveries (status, id);

CREATE TABLE attempts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  delivery_id INTEGER NOT NULL REFERENCES deliveries (id) ON DELETE CASCADE,
  n INTEGER NOT NULL,
  scheduled_for TEXT NOT NULL,
  started_on TEXT NOT NULL,
  duration_ms INTEGER NOT NULL,
  method TEXT NOT NULL,
  -- The URL and headers with credentials redacted; the credentials themselves sealed.
  url TEXT NOT NULL,
  request_headers TEXT NOT NULL,
  request_secrets_enc TEXT,
  response_status INTEGER,
  response_headers TEXT,
  response_truncated INTEGER NOT NULL DEFAULT 0,
  error_class TEXT,
  error_message TEXT
);
CREATE INDEX attempts_delivery ON attempts (delivery_id, n);

-- Response bodies out of the hot table (at most 64 KiB each).
CREATE TABLE attempt_bodies (
  attempt_id INTEGER PRIMARY KEY REFERENCES attempts (id) ON DELETE CASCADE,
  body BLOB NOT NULL
);
