-- The event log (issue 9): what its filters need to page a million deliveries by keyset
-- (id) in milliseconds, full-text search (SPEC §8 "Storage for speed") and retention.

-- Denormalised onto deliveries so that every filter is a column of one table: the event's
-- topic, the creation time as epoch ms (`created_on` is text), the last attempt's status
-- class (NULL until the first attempt), and whether it came from another Hooklab's export.
ALTER TABLE deliveries ADD COLUMN topic TEXT NOT NULL DEFAULT '';
ALTER TABLE deliveries ADD COLUMN created_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE deliveries ADD COLUMN status_class TEXT CHECK (status_class IN ('2xx', '3xx', '4xx', '5xx', 'network'));
ALTER TABLE deliveries ADD COLUMN imported INTEGER NOT NULL DEFAULT 0;

UPDATE deliveries SET
  topic = (SELECT e.topic FROM events e WHERE e.id = deliveries.event_id),
  created_at = COALESCE(unixepoch(created_on) * 1000, 0),
  status_class = CASE
    WHEN attempts = 0 THEN NULL
    WHEN last_status_code IS NULL THEN 'network'
    WHEN last_status_code < 300 THEN '2xx'
    WHEN last_status_code < 400 THEN '3xx'
    WHEN last_status_code < 500 THEN '4xx'
    ELSE '5xx'
  END;

-- Event bodies move to an ordinary rowid table: WITHOUT ROWID keeps rows in an index b-tree,
-- which stores at most ~1 KiB of a row in place and the rest of every multi-KiB body in
-- overflow pages, a quarter of the space wasted. Same columns, same key, same statements.
CREATE TABLE event_bodies_by_rowid (
  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  format TEXT NOT NULL,
  content_type TEXT NOT NULL,
  body BLOB NOT NULL,
  PRIMARY KEY (event_id, format)
);
INSERT INTO event_bodies_by_rowid (event_id, format, content_type, body) SELECT event_id, format, content_type, body FROM event_bodies;
DROP TABLE event_bodies;
ALTER TABLE event_bodies_by_rowid RENAME TO event_bodies;

-- The log's indexes (see log-pager.ts). Each equality filter has one that starts with its
-- column and the id, so a page walks it in keyset order and stops after `limit` rows. They
-- carry the filter columns that never change (webhook, time, tag, topic), so rows that do
-- not match those are skipped without reading them; a column the engine changes on every
-- attempt (status, class, duration) is in as few indexes as possible, each one more index
-- it must rewrite. webhook_id and status had plain ones since 003; these replace them.
DROP INDEX deliveries_webhook;
DROP INDEX deliveries_status;
CREATE INDEX deliveries_webhook ON deliveries (webhook_id, id, created_at, tag, topic);
CREATE INDEX deliveries_status ON deliveries (status, id, webhook_id, created_at, tag, topic);
CREATE INDEX deliveries_topic ON deliveries (topic, id, webhook_id, created_at, tag);
CREATE INDEX deliveries_class ON deliveries (status_class, id, webhook_id, created_at, tag, topic);
CREATE INDEX deliveries_tagged ON deliveries (tag, id) WHERE tag IS NOT NULL;
-- A time range, and the dashboard's counts over all webhooks.
CREATE INDEX deliveries_created ON deliveries (created_at, webhook_id, status);
-- The dashboard per webhook: its counts and latencies over a time range, without a sort.
CREATE INDEX deliveries_webhook_time ON deliveries (webhook_id, created_at, status, last_duration_ms);
CREATE INDEX deliveries_replay ON deliveries (replay_of) WHERE replay_of IS NOT NULL;

-- Full text (SPEC §8): each event's payload once (rowid = the event's id), and per attempt its
-- URL, request and response headers, response body and error (rowid = delivery id × 64 +
-- attempt number, so attempt hits come in delivery order, the log's order; the engine makes
-- at most 26 attempts, and an imported attempt numbered beyond 63 is not indexed). Contentless (the text lives in its own tables already), with deletes
-- allowed so retention and webhook deletion leave no stale rows. `đ` is folded to `d` before
-- indexing; unicode61 removes the other diacritics, so `don hang` finds `Đơn hàng`.
CREATE VIRTUAL TABLE event_text USING fts5(body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE attempt_text USING fts5(body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');
-- Segments merge eight at a time instead of four: the indexer writes one small segment per
-- batch, and merging them less often made catching up a third faster at 400,000 rows.
INSERT INTO event_text (event_text, rank) VALUES ('automerge', 8);
INSERT INTO attempt_text (attempt_text, rank) VALUES ('automerge', 8);

-- The background indexer's cursors: the last event and attempt id it has indexed. Rows
-- above a cursor are indexed in batches after they are written, never by the writer.
CREATE TABLE log_index_cursors (
  name TEXT PRIMARY KEY CHECK (name IN ('events', 'attempts')),
  last_id INTEGER NOT NULL
);
INSERT INTO log_index_cursors (name, last_id) VALUES ('events', 0), ('attempts', 0);

-- Whatever deletes a row (retention, deleting a webhook) takes its text out of the index.
CREATE TRIGGER events_unindex AFTER DELETE ON events BEGIN
  DELETE FROM event_text WHERE rowid = old.id;
END;
CREATE TRIGGER attempts_unindex AFTER DELETE ON attempts WHEN old.n BETWEEN 1 AND 63 BEGIN
  DELETE FROM attempt_text WHERE rowid = old.delivery_id * 64 + old.n;
END;
