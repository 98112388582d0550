import { join } from 'node:path'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { openDatabase, type Db } from '../../../../electron/core/store/database'
import { DeliveriesRepo } from '../../../../electron/core/store/deliveries-repo'
import { tempDir } from '../../../support/temp-dir'

/*
 * The engine's reads of due work (engine.ts: due, nextDueAt, head) go per enabled webhook,
 * so the deliveries a disabled webhook keeps waiting (SPEC §8) are never walked: with tens
 * of thousands of them, the global due index cost the event loop ~300 ms on every look.
 */
let dir: ReturnType<typeof tempDir>
let db: Db
let repo: DeliveriesRepo
beforeEach(() => {
  dir = tempDir()
  db = openDatabase(join(dir.path, 'h.db'))
  repo = new DeliveriesRepo(db)
  db.exec(`
    INSERT INTO webhooks (id, name, address, topics, profile, format, signing, secret_enc, auth_enc, status, retry_schedule,
                          connect_timeout_ms, timeout_ms, max_concurrency, disable_after_failures, created_on, modified_on)
    SELECT value, 'w' || value, 'http://127.0.0.1/', '["orders/create"]', 'sapo', 'json', 'sapo', 'x', 'x',
           CASE value WHEN 2 THEN 'disabled' ELSE 'enabled' END, '[]', 5000, 15000, 10, 5, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'
    FROM json_each('[1,2,3]');
    INSERT INTO events (id, profile, topic, payload, root, created_on) VALUES (1, 'sapo', 'orders/create', '{}', 'order', '2026-01-01T00:00:00Z');
  `)
})
afterEach(() => {
  db.close()
  dir.cleanup()
})

function waiting(webhookId: number, dueAt: number, status: 'pending' | 'retrying' | 'succeeded' = 'pending'): number {
  const id = repo.insertDelivery({ event_id: 1, webhook_id: webhookId, tag: null, provider_id: `p${Math.random()}`, next_attempt_at: dueAt, replay_of: null, created_on: '2026-01-01T00:00:00Z' })
  if (status !== 'pending') db.prepare('UPDATE deliveries SET status = ? WHERE id = ?').run(status, id)
  return id
}

test('due work of enabled webhooks only, merged in due order across webhooks, within the limit and the skips', () => {
  const a = waiting(1, 300)
  const b = waiting(3, 100, 'retrying')
  const c = waiting(1, 200)
  waiting(2, 50) // disabled: waits
  waiting(3, 5000) // not due yet
  waiting(1, 10, 'succeeded') // finished
  expect(repo.due(1000, 10, []).map((d) => d.id)).toEqual([b, c, a])
  expect(repo.due(1000, 2, []).map((d) => d.id)).toEqual([b, c])
  expect(repo.due(1000, 10, [3]).map((d) => d.id)).toEqual([c, a])
  expect(repo.nextDueAt()).toBe(100)
  expect(repo.head(1)).toBe(a)
  expect(repo.head(2)).toBeDefined()
  db.prepare("UPDATE webhooks SET status = 'enabled' WHERE id = 2").run()
  expect(repo.nextDueAt()).toBe(50)
  expect(repo.due(1000, 1, []).map((d) => d.webhook_id)).toEqual([2])
})

test("a disabled webhook's waiting deliveries are not read: the plans touch only enabled webhooks' ranges", () => {
  const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(1, 0, 1) as Array<{ detail: string }>).map((r) => r.detail).join(' | ')
  const read = `SELECT * FROM deliveries INDEXED BY deliveries_waiting WHERE webhook_id = ? AND status IN ('pending', 'retrying') AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?`
  expect(plan(read)).toMatch(/USING INDEX deliveries_waiting \(webhook_id=\? AND next_attempt_at<\?\)/)
  expect(plan(read)).not.toMatch(/TEMP B-TREE/)
  // 5,000 waiting for the disabled webhook do not change what is read for the others.
  db.transaction(() => {
    for (let i = 0; i < 5000; i++) waiting(2, i)
  })()
  const steps: number[] = []
  const statement = db.prepare(read)
  for (const id of [1, 3]) steps.push((statement.all(id, 1e12, 256) as unknown[]).length)
  expect(steps).toEqual([0, 0])
  expect(repo.due(1e12, 256, [])).toEqual([])
  expect(repo.nextDueAt()).toBeUndefined()
})
