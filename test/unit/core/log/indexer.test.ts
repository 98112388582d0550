import { afterEach, expect, test } from 'vitest'
import type { Delivery } from '../../../../electron/core/contract'
import { ATTEMPTS_PER_BATCH, EVENTS_PER_BATCH, INDEX_IDLE_MS } from '../../../../electron/core/log/indexer'
import { ManualScheduler, testCore } from '../../../support/core'
import { seedTestLog, sql } from '../../../support/log'

/*
 * The background indexer (SPEC §8 "Storage for speed") on a ManualScheduler: firing never
 * waits for it, it catches up in batches and yields between them, search lags at most 2 s
 * behind, and rows that go take their text with them.
 */
const cleanups: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const fn of cleanups.splice(0)) await fn()
})

function core() {
  const scheduler = new ManualScheduler(Date.parse('2026-03-01T00:00:00Z'))
  const t = testCore({ clock: scheduler })
  cleanups.push(() => t.close())
  return { ...t, scheduler }
}

const search = async (t: ReturnType<typeof core>, q: string) => (await t.call<{ deliveries: Delivery[] }>('deliveries.page', { q, limit: 250 })).deliveries.map((d) => d.id)

test('a fired event is searchable within 2 s of scheduler time, and firing never waited for the index', async () => {
  const t = core()
  const hook = await t.call<{ id: number }>('webhooks.create', { address: 'http://127.0.0.1:9/a', topic: 'orders/create' })
  const other = await t.call<{ id: number }>('webhooks.create', { address: 'http://127.0.0.1:9/b', topic: 'orders/create' })
  t.core.indexer.start()
  await t.scheduler.advance(0)
  const fired = await t.call<{ id: number; deliveries: Array<{ id: number }> }>('events.fire', {
    topic: 'orders/create',
    payload: { note: 'Giao hàng cho Đặng Thị Quỳnh trước Tết', code: 'ZX-81' },
    webhook_ids: [hook.id, other.id],
  })
  // Written but not indexed yet: the writer did not index it.
  expect(t.core.indexer.lag().events).toBe(1)
  expect(await search(t, 'dang thi quynh')).toEqual([])
  await t.scheduler.advance(2000)
  expect(t.core.indexer.lag()).toEqual({ events: 0, attempts: 0 })
  const ids = fired.deliveries.map((d) => d.id).sort((a, b) => b - a)
  expect(await search(t, 'dang thi quynh')).toEqual(ids)
  expect(await search(t, 'Đặng zx-81')).toEqual(ids)
  expect(await search(t, 'quynh tet khac')).toEqual([])
})

test('a backlog is indexed a batch at a time, yielding to the event loop between batches', async () => {
  const t = core()
  const seeded = await seedTestLog(t.core, t.dataDir, { rows: 1500, fromMs: t.scheduler.now() - 3_600_000, toMs: t.scheduler.now() })
  expect(t.core.indexer.lag()).toEqual({ events: seeded.events, attempts: seeded.attempts })
  expect(seeded.events).toBeGreaterThan(EVENTS_PER_BATCH)
  expect(seeded.attempts).toBeGreaterThan(ATTEMPTS_PER_BATCH)
  // Each batch runs in its own timer callback: the loop is handed back between batches.
  const lags: Array<{ events: number; attempts: number }> = []
  const step = t.core.indexer.step.bind(t.core.indexer)
  t.core.indexer.step = () => {
    const indexed = step()
    lags.push(t.core.indexer.lag())
    return indexed
  }
  const delays: number[] = []
  const setTimer = t.scheduler.setTimeout.bind(t.scheduler)
  t.scheduler.setTimeout = (fn, ms) => {
    delays.push(ms)
    return setTimer(fn, ms)
  }
  t.core.indexer.start()
  await t.scheduler.advance(0)
  expect(t.core.indexer.lag()).toEqual({ events: 0, attempts: 0 })
  const batches = Math.max(Math.ceil(seeded.events / EVENTS_PER_BATCH), Math.ceil(seeded.attempts / ATTEMPTS_PER_BATCH))
  expect(lags).toHaveLength(batches + 1)
  expect(lags[0]).toEqual({ events: seeded.events - EVENTS_PER_BATCH, attempts: seeded.attempts - ATTEMPTS_PER_BATCH })
  // start, one timer per batch that found rows, then the idle wait after the empty one.
  expect(delays).toEqual([...Array(batches + 1).fill(0), INDEX_IDLE_MS])
  // Caught up: it looks again after INDEX_IDLE_MS, not at once.
  await t.scheduler.advance(INDEX_IDLE_MS - 1)
  const db = sql(t.dataDir)
  cleanups.push(() => void db.close())
  const indexed = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n
  expect(indexed('event_text')).toBe(seeded.events)
  expect(indexed('attempt_text')).toBe(seeded.attempts)
})

test('deleting a webhook takes its deliveries, events and their text out of the index', async () => {
  const t = core()
  const gone = await t.call<{ id: number }>('webhooks.create', { address: 'http://127.0.0.1:9/a', topic: 'orders/create' })
  const kept = await t.call<{ id: number }>('webhooks.create', { address: 'http://127.0.0.1:9/b', topic: 'orders/create' })
  await t.call('events.fire', { topic: 'orders/create', payload: { word: 'Kiwifruit' }, webhook_ids: [gone.id] })
  await t.call('events.fire', { topic: 'orders/create', payload: { word: 'Kiwifruit shared' }, webhook_ids: [gone.id, kept.id] })
  t.core.indexer.catchUp()
  expect(await search(t, 'kiwifruit')).toHaveLength(3)
  await t.call('webhooks.delete', { id: gone.id })
  const db = sql(t.dataDir)
  cleanups.push(() => void db.close())
  // The first event lost its only delivery and went, with its text; the shared one stays.
  expect(db.prepare("SELECT rowid FROM event_text WHERE event_text MATCH 'kiwifruit'").pluck().all()).toHaveLength(1)
  expect((await t.call<{ deliveries: Delivery[] }>('deliveries.page', { q: 'kiwifruit' })).deliveries.map((d) => d.webhook_id)).toEqual([kept.id])
})

test('a fault in one batch is logged and retried after the idle wait, never in a tight loop', async () => {
  const t = core()
  const step = t.core.indexer.step.bind(t.core.indexer)
  let calls = 0
  t.core.indexer.step = () => {
    calls++
    if (calls === 1) throw new Error('disk on fire')
    return step()
  }
  const errors: unknown[] = []
  const original = console.error
  console.error = (...args: unknown[]) => void errors.push(args)
  cleanups.push(() => void (console.error = original))
  t.core.indexer.start()
  await t.scheduler.advance(0)
  expect(calls).toBe(1)
  expect(errors).toHaveLength(1)
  await t.scheduler.advance(INDEX_IDLE_MS - 1)
  expect(calls).toBe(1)
  await t.scheduler.advance(1)
  expect(calls).toBe(2)
  await t.core.indexer.stop()
  await t.scheduler.advance(10 * INDEX_IDLE_MS)
  expect(calls).toBe(2)
})
