import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { migrate } from '../../../../electron/core/store/migrate'
import { MIGRATIONS } from '../../../../electron/core/store/migrations'
import { tempDir } from '../../../support/temp-dir'

/*
 * Migration 007 on a store an earlier Hooklab wrote: existing deliveries get the log's
 * columns (topic, created_at, status class of their last attempt, imported = 0), event
 * bodies survive the move to a rowid table byte for byte, and the indexer starts from 0.
 */
let dir: ReturnType<typeof tempDir>
beforeEach(() => (dir = tempDir()))
afterEach(() => dir.cleanup())

test('existing rows are backfilled and nothing is lost', () => {
  const db = new Database(join(dir.path, 'h.db'))
  migrate(db, MIGRATIONS.slice(0, 6))
  db.pragma('foreign_keys = OFF')
  db.exec(`
    INSERT INTO events (id, profile, topic, seed, payload, root, created_on) VALUES
      (1, 'sapo', 'orders/create', 7, '{"id":1}', 'order', '2026-01-02T03:04:05Z'),
      (2, 'github', 'push', NULL, '{"ref":"main"}', 'push', '2026-01-03T00:00:00Z');
    INSERT INTO event_bodies (event_id, format, content_type, body) VALUES
      (1, 'json', 'application/json', CAST('{"id":1}' AS BLOB)),
      (1, 'xml', 'application/xml; charset=utf-8', zeroblob(5000)),
      (2, 'form', 'application/x-www-form-urlencoded', CAST('payload=%7B%7D' AS BLOB));
    INSERT INTO deliveries (id, event_id, webhook_id, status, tag, provider_id, attempts, next_attempt_at, last_status_code, last_error_class, created_on) VALUES
      (1, 1, 1, 'pending', NULL, 'p1', 0, 0, NULL, NULL, '2026-01-02T03:04:05Z'),
      (2, 1, 2, 'succeeded', 'test', 'p2', 1, 0, 204, NULL, '2026-01-02T03:04:06Z'),
      (3, 2, 1, 'failed', NULL, 'p3', 7, 0, NULL, 'refused', '2026-01-03T00:00:00Z'),
      (4, 2, 2, 'retrying', NULL, 'p4', 2, 0, 404, 'http', '2026-01-03T00:00:01Z'),
      (5, 2, 3, 'retrying', NULL, 'p5', 1, 0, 503, 'http', '2026-01-03T00:00:02Z'),
      (6, 2, 3, 'failed', NULL, 'p6', 1, 0, 301, 'redirect', '2026-01-03T00:00:03Z');
  `)
  const bodiesBefore = db.prepare('SELECT event_id, format, content_type, body FROM event_bodies ORDER BY event_id, format').all()
  migrate(db, MIGRATIONS)
  const rows = db.prepare('SELECT id, topic, created_at, status_class, imported FROM deliveries ORDER BY id').all()
  expect(rows).toEqual([
    { id: 1, topic: 'orders/create', created_at: Date.parse('2026-01-02T03:04:05Z'), status_class: null, imported: 0 },
    { id: 2, topic: 'orders/create', created_at: Date.parse('2026-01-02T03:04:06Z'), status_class: '2xx', imported: 0 },
    { id: 3, topic: 'push', created_at: Date.parse('2026-01-03T00:00:00Z'), status_class: 'network', imported: 0 },
    { id: 4, topic: 'push', created_at: Date.parse('2026-01-03T00:00:01Z'), status_class: '4xx', imported: 0 },
    { id: 5, topic: 'push', created_at: Date.parse('2026-01-03T00:00:02Z'), status_class: '5xx', imported: 0 },
    { id: 6, topic: 'push', created_at: Date.parse('2026-01-03T00:00:03Z'), status_class: '3xx', imported: 0 },
  ])
  expect(db.prepare('SELECT event_id, format, content_type, body FROM event_bodies ORDER BY event_id, format').all()).toEqual(bodiesBefore)
  expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'event_bodies'").pluck().get()).not.toMatch(/WITHOUT ROWID/i)
  // Same key: a second body in the same format is still refused.
  expect(() => db.prepare("INSERT INTO event_bodies (event_id, format, content_type, body) VALUES (1, 'json', 'x', x'00')").run()).toThrow(/UNIQUE/)
  expect(db.prepare('SELECT name, last_id FROM log_index_cursors ORDER BY name').all()).toEqual([
    { name: 'attempts', last_id: 0 },
    { name: 'events', last_id: 0 },
  ])
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
  db.close()
})
