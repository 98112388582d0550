import { afterEach, expect, test } from 'vitest'
import { RETENTION_BATCH, RETENTION_EVERY_MS, RETENTION_FIRST_MS, RETENTION_PAUSE_MS } from '../../../../electron/core/log/retention'
import { DEFAULT_SETTINGS, type Settings } from '../../../../electron/core/contract'
import { ManualScheduler, testCore } from '../../../support/core'
import { seedTestLog, sql } from '../../../support/log'

/*
 * Retention (issue 9 item 6) over a real store: finished deliveries past the age or count
 * go in batches, with their attempts, bodies, full-text rows and orphaned events; pending,
 * sending and retrying ones never do. Driven on a ManualScheduler.
 */
const DAY = 86_400_000
const NOW = Date.parse('2026-03-01T00:00:00Z')
const FINISHED = "('succeeded', 'failed', 'cancelled')"
const cleanups: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const fn of cleanups.splice(0)) await fn()
})

async function seeded(rows = 2000) {
  const scheduler = new ManualScheduler(NOW)
  const t = testCore({ clock: scheduler })
  cleanups.push(() => t.close())
  await seedTestLog(t.core, t.dataDir, { rows, fromMs: NOW - 60 * DAY, toMs: NOW })
  t.core.indexer.catchUp()
  const db = sql(t.dataDir)
  cleanups.push(() => void db.close())
  const count = (where = '1') => (db.prepare(`SELECT COUNT(*) AS n FROM deliveries WHERE ${where}`).get() as { n: number }).n
  /** Nothing left dangling: every attempt, body and event still has its parent, and the index matches the rows. */
  const consistent = () => {
    const n = (query: string) => (db.prepare(query).get() as { n: number }).n
    expect(n('SELECT COUNT(*) AS n FROM attempts WHERE delivery_id NOT IN (SELECT id FROM deliveries)')).toBe(0)
    expect(n('SELECT COUNT(*) AS n FROM attempt_bodies WHERE attempt_id NOT IN (SELECT id FROM attempts)')).toBe(0)
    expect(n('SELECT COUNT(*) AS n FROM events WHERE id NOT IN (SELECT event_id FROM deliveries)')).toBe(0)
    expect(n('SELECT COUNT(*) AS n FROM event_bodies WHERE event_id NOT IN (SELECT id FROM events)')).toBe(0)
    expect(n('SELECT COUNT(*) AS n FROM event_text')).toBe(n('SELECT COUNT(*) AS n FROM events'))
    expect(n('SELECT COUNT(*) AS n FROM attempt_text')).toBe(n('SELECT COUNT(*) AS n FROM attempts'))
  }
  return { t, scheduler, db, count, consistent }
}

test('finished deliveries older than retention_days go in batches; unfinished ones and younger ones stay', async () => {
  const { t, count, consistent } = await seeded()
  const cutoff = NOW - DEFAULT_SETTINGS.retention_days! * DAY
  const old = `created_at < ${cutoff}`
  const oldFinished = count(`${old} AND status IN ${FINISHED}`)
  const oldWaiting = count(`${old} AND status NOT IN ${FINISHED}`)
  const young = count(`created_at >= ${cutoff}`)
  expect(oldFinished).toBeGreaterThan(RETENTION_BATCH)
  expect(oldWaiting).toBeGreaterThan(0)
  const batches: number[] = []
  for (let purged = t.core.retention.step(); purged.length > 0; purged = t.core.retention.step()) batches.push(purged.length)
  expect(batches[0]).toBe(RETENTION_BATCH)
  expect(batches.reduce((a, b) => a + b, 0)).toBe(oldFinished)
  expect(count(old)).toBe(oldWaiting)
  expect(count(`${old} AND status IN ('pending', 'sending', 'retrying')`)).toBe(oldWaiting)
  expect(count(`created_at >= ${cutoff}`)).toBe(young)
  consistent()
})

test('in the background: first look after start, a pause between batches, deliveries.changed pushed, then a long wait', async () => {
  const { t, scheduler, count } = await seeded()
  const pushed: number[] = []
  t.core.subscribe((name, payload) => {
    if (name === 'deliveries.changed') pushed.push((payload as { count: number }).count)
  })
  const before = count()
  const steps: number[] = []
  const step = t.core.retention.step.bind(t.core.retention)
  t.core.retention.step = () => {
    const purged = step()
    steps.push(scheduler.now())
    return purged
  }
  t.core.retention.start()
  await scheduler.advance(RETENTION_FIRST_MS - 1)
  expect(steps).toEqual([])
  await scheduler.advance(1)
  expect(steps).toEqual([NOW + RETENTION_FIRST_MS])
  await scheduler.advance(10 * RETENTION_PAUSE_MS + 1000)
  // Batch after batch RETENTION_PAUSE_MS apart, until one finds nothing.
  expect(steps.slice(1, 3)).toEqual([NOW + RETENTION_FIRST_MS + RETENTION_PAUSE_MS, NOW + RETENTION_FIRST_MS + 2 * RETENTION_PAUSE_MS])
  const purged = before - count()
  expect(purged).toBeGreaterThan(RETENTION_BATCH)
  expect(pushed.reduce((a, b) => a + b, 0)).toBe(purged)
  // The last look found nothing: the next is RETENTION_EVERY_MS later.
  const looked = steps.length
  await scheduler.advance(steps.at(-1)! + RETENTION_EVERY_MS - 1 - scheduler.now())
  expect(steps).toHaveLength(looked)
  await scheduler.advance(1)
  expect(steps).toHaveLength(looked + 1)
  await t.core.retention.stop()
})

test('retention_max_deliveries keeps the newest; a settings change is acted on at once', async () => {
  const { t, scheduler, db, count, consistent } = await seeded(1200)
  const waiting = count(`status NOT IN ${FINISHED}`)
  t.core.retention.start()
  await t.call<Settings>('settings.update', { retention_days: null, retention_max_deliveries: 300 })
  await scheduler.advance(20 * RETENTION_PAUSE_MS)
  expect(count()).toBe(Math.max(300, waiting))
  expect(count(`status NOT IN ${FINISHED}`)).toBe(waiting)
  // What is left of the finished ones is the newest of them.
  const finished = db.prepare(`SELECT id FROM deliveries WHERE status IN ${FINISHED} ORDER BY id`).pluck().all() as number[]
  const newest = db.prepare(`SELECT id FROM deliveries WHERE status IN ${FINISHED} ORDER BY id DESC LIMIT ?`).pluck().all(finished.length) as number[]
  expect(finished).toEqual(newest.reverse())
  consistent()
})

test('retention settings: a number of days (≥ 1) or null, a count or null; bad values change nothing', async () => {
  const t = testCore()
  cleanups.push(() => t.close())
  expect(await t.call('settings.get')).toMatchObject({ retention_days: 30, retention_max_deliveries: null })
  await expect(t.call('settings.update', { retention_days: 0 })).rejects.toMatchObject({ code: 'invalid_input', fields: { retention_days: expect.any(Array) } })
  await expect(t.call('settings.update', { retention_days: 1.5 })).rejects.toMatchObject({ code: 'invalid_input' })
  await expect(t.call('settings.update', { retention_max_deliveries: -1 })).rejects.toMatchObject({ code: 'invalid_input' })
  expect(await t.call('settings.update', { retention_days: null, retention_max_deliveries: 1000 })).toMatchObject({ retention_days: null, retention_max_deliveries: 1000 })
  expect(await t.call('settings.get')).toMatchObject({ retention_days: null, retention_max_deliveries: 1000 })
})
