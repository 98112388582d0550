-- Bursts are stored jobs (SPEC §8 "Admin API details"): `fired` advances in the same
-- transaction as the events it counts, so after a crash a burst resumes from its last
-- committed event and none of its N events is lost or doubled.
CREATE TABLE bursts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  profile TEXT NOT NULL,
  topic TEXT NOT NULL,
  webhook_ids TEXT,
  payload TEXT,
  seed INTEGER NOT NULL,
  count INTEGER NOT NULL,
  rate REAL,
  fired INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'cancelled')),
  created_on TEXT NOT NULL,
  finished_on TEXT
);
