-- Issue 6: credentials in addresses and custom headers are sealed like secrets.
-- `address` and `headers` now hold only what anyone may read (the address with its
-- password and credential-like query values redacted; header names with redacted
-- values); the full values live sealed in the *_enc columns. Rows written before this
-- migration are sealed by the core at start (store/seal-legacy.ts), then the file is vacuumed.
ALTER TABLE webhooks ADD COLUMN address_enc TEXT;
ALTER TABLE webhooks ADD COLUMN headers_enc TEXT;

-- Case- and diacritic-folded name and address ("Đơn hàng" → "don hang"), so that
-- search runs in SQL as Vietnamese users type, with or without diacritics.
ALTER TABLE webhooks ADD COLUMN search_key TEXT NOT NULL DEFAULT '';

-- Topics of the user's own, per profile (SPEC §4); the simulator issue adds templates.
CREATE TABLE custom_topics (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  profile TEXT NOT NULL,
  topic TEXT NOT NULL,
  created_on TEXT NOT NULL,
  UNIQUE (profile, topic)
);
