import type Database from 'better-sqlite3'
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Stats } from '../../../../electron/core/contract'
import { ManualScheduler, testCore } from '../../../support/core'
import { seedTestLog, sql } from '../../../support/log'

/*
 * The dashboard's numbers (issue 9 item 7) against the same numbers worked out by hand
 * from the rows: deliveries per bucket by outcome, and p50/p95 of the last attempt's
 * duration per webhook (linear interpolation between the closest ranks).
 */
const HOUR = 3_600_000
const NOW = Date.parse('2026-03-01T12:00:00Z')
let t: ReturnType<typeof testCore>
let db: Database.Database
interface Row {
  webhook_id: number
  status: string
  created_at: number
  last_duration_ms: number | null
}
let rows: Row[]

beforeAll(async () => {
  t = testCore({ clock: new ManualScheduler(NOW) })
  // Six hours of deliveries, and more outside the range that must not count.
  await seedTestLog(t.core, t.dataDir, { rows: 1200, fromMs: NOW - 9 * HOUR, toMs: NOW + HOUR })
  db = sql(t.dataDir)
  rows = db.prepare('SELECT webhook_id, status, created_at, last_duration_ms FROM deliveries').all() as Row[]
})
afterAll(async () => {
  db?.close()
  await t?.close()
})

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  const at = p * (sorted.length - 1)
  const low = Math.floor(at)
  return sorted[low] + (sorted[Math.min(low + 1, sorted.length - 1)] - sorted[low]) * (at - low)
}

function byHand(since: number, until: number, buckets: number, webhookId?: number) {
  const bucketMs = Math.ceil((until - since) / buckets)
  const inRange = rows.filter((r) => r.created_at >= since && r.created_at < until && (webhookId === undefined || r.webhook_id === webhookId))
  const series = Array.from({ length: Math.ceil((until - since) / bucketMs) }, (_, i) => ({ start: new Date(since + i * bucketMs).toISOString(), succeeded: 0, failed: 0, retrying: 0, pending: 0, cancelled: 0 }))
  for (const r of inRange) {
    const outcome = r.status === 'sending' ? 'pending' : (r.status as 'succeeded')
    series[Math.floor((r.created_at - since) / bucketMs)][outcome]++
  }
  const hooks = [...new Set(inRange.map((r) => r.webhook_id))].sort((a, b) => a - b)
  const latency = hooks
    .map((id) => {
      const values = inRange.filter((r) => r.webhook_id === id && r.last_duration_ms !== null).map((r) => r.last_duration_ms!)
      return { webhook_id: id, count: values.length, p50_ms: values.length ? percentile(values, 0.5) : 0, p95_ms: values.length ? percentile(values, 0.95) : 0 }
    })
    .filter((l) => l.count > 0)
  return { bucket_ms: bucketMs, series, latency }
}

function expectSame(actual: Stats, wanted: ReturnType<typeof byHand>) {
  expect(actual.bucket_ms).toBe(wanted.bucket_ms)
  expect(actual.series).toEqual(wanted.series)
  expect(actual.latency.map((l) => l.webhook_id)).toEqual(wanted.latency.map((l) => l.webhook_id))
  actual.latency.forEach((l, i) => {
    expect(l.count).toBe(wanted.latency[i].count)
    expect(l.p50_ms).toBeCloseTo(wanted.latency[i].p50_ms, 6)
    expect(l.p95_ms).toBeCloseTo(wanted.latency[i].p95_ms, 6)
    expect(l.name).toBe(`Log ${l.webhook_id - 1}`)
  })
}

test('deliveries per bucket by outcome and latency per webhook, over [since, until)', async () => {
  const since = NOW - 6 * HOUR
  const stats = await t.call<Stats>('log.stats', { since: new Date(since).toISOString(), until: new Date(NOW).toISOString(), buckets: 12 })
  const wanted = byHand(since, NOW, 12)
  expect(wanted.series.reduce((sum, b) => sum + b.succeeded + b.failed + b.retrying + b.pending + b.cancelled, 0)).toBeGreaterThan(500)
  expect(wanted.latency.length).toBeGreaterThan(3)
  expectSame(stats, wanted)
  // Webhooks differ (the seed gives each its own latency), so a mix-up would show.
  expect(new Set(stats.latency.map((l) => Math.round(l.p50_ms))).size).toBeGreaterThan(2)
})

test('one webhook; until defaults to now; 60 buckets by default; a range that does not divide evenly', async () => {
  const since = NOW - 5 * HOUR - 7
  const webhookId = rows[0].webhook_id
  const stats = await t.call<Stats>('log.stats', { since: new Date(since).toISOString(), webhook_id: webhookId })
  expectSame(stats, byHand(since, NOW, 60, webhookId))
})

test('an empty or reversed range is refused by name; a range with no deliveries answers zeros', async () => {
  const at = (ms: number) => new Date(ms).toISOString()
  await expect(t.call('log.stats', { since: at(NOW), until: at(NOW) })).rejects.toMatchObject({ code: 'invalid_input', fields: { until: ['out_of_range'] } })
  await expect(t.call('log.stats', { since: at(NOW + HOUR) })).rejects.toMatchObject({ code: 'invalid_input', fields: { since: ['out_of_range'] } })
  await expect(t.call('log.stats', { since: 'yesterday-ish' })).rejects.toMatchObject({ code: 'invalid_input', fields: { since: expect.any(Array) } })
  await expect(t.call('log.stats', { since: at(NOW - HOUR), buckets: 501 })).rejects.toMatchObject({ code: 'invalid_input', fields: { buckets: expect.any(Array) } })
  const empty = await t.call<Stats>('log.stats', { since: at(NOW - 100 * HOUR), until: at(NOW - 90 * HOUR), buckets: 5 })
  expect(empty.series).toHaveLength(5)
  expect(empty.series.every((b) => b.succeeded + b.failed + b.retrying + b.pending + b.cancelled === 0)).toBe(true)
  expect(empty.latency).toEqual([])
})
