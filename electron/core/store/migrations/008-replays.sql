-- Replays (issue 9 item 3). A replay is an ordinary delivery (tag 'replay', replay_of set)
-- that the engine sends; what it sends differently from its webhook — another address,
-- header overrides — is kept here, sealed like the webhook's own address and headers,
-- so every retry of the replay goes where the first attempt went.
CREATE TABLE delivery_overrides (
  delivery_id INTEGER PRIMARY KEY REFERENCES deliveries (id) ON DELETE CASCADE,
  -- Sealed; NULL sends to the webhook's address.
  address_enc TEXT,
  -- Sealed JSON {name: value}; an empty value removes that header.
  headers_enc TEXT
);

-- Bulk replay is a stored job like a burst. It first snapshots the ids its filter matches
-- (up to `bound`, the newest match when it started) into replay_job_items, a page at a time
-- (`cursor` is the last id read), then replays them in order; `done` advances in the same
-- transaction as the replays it counts, so after a crash the job resumes from its last
-- committed position. `total` is the count at start until the snapshot is complete, then
-- the snapshot's size; `skipped` counts originals that could not be replayed (gone since).
CREATE TABLE replay_jobs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  filter TEXT NOT NULL,
  -- The other address, sealed, and redacted in clear for display; NULL = each webhook's own.
  address_enc TEXT,
  address TEXT,
  webhook_id INTEGER,
  bound INTEGER NOT NULL,
  cursor INTEGER NOT NULL DEFAULT 0,
  snapshotted INTEGER NOT NULL DEFAULT 0,
  snapshot_done INTEGER NOT NULL DEFAULT 0,
  total INTEGER NOT NULL,
  done INTEGER NOT NULL DEFAULT 0,
  skipped INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'cancelled')),
  created_on TEXT NOT NULL,
  finished_on TEXT
);

-- The snapshot; removed once the job ends. replay_id is the delivery made from it (NULL
-- until then, or when it was skipped), and measures the job's backlog.
CREATE TABLE replay_job_items (
  job_id INTEGER NOT NULL REFERENCES replay_jobs (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  delivery_id INTEGER NOT NULL,
  replay_id INTEGER,
  PRIMARY KEY (job_id, position)
) WITHOUT ROWID;
