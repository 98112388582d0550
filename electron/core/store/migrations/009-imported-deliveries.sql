-- Issue 9 item 5: deliveries read from another Hooklab's export (SPEC §8 "Export format").
-- They are evidence, never sent on their own; replaying one asks which local webhook signs it.
ALTER TABLE deliveries ADD COLUMN imported INTEGER NOT NULL DEFAULT 0;
