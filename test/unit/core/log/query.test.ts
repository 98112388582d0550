import type Database from 'better-sqlite3'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Delivery, LogFilter } from '../../../../electron/core/contract'
import { compileFilter, hitsSql } from '../../../../electron/core/store/log-query'
import { LogPager } from '../../../../electron/core/store/log-pager'
import { seedTestLog, sql } from '../../../support/log'
import { testCore } from '../../../support/core'

/*
 * The log's filters and keyset pages over a real store of 3,000 deliveries (every outcome,
 * tag and answer class, ten days), its full-text index caught up. Whatever index a page is
 * read through, walking every page in either direction must give exactly the deliveries
 * plain SQL finds, in order, and counts must be exact. A second pager with tiny thresholds
 * forces every search strategy (collect, walk in chunks, walk then collect) on the same data.
 */
const DAY = 86_400_000
const NOW = Date.parse('2026-03-01T00:00:00Z')
const ROWS = 3000
let t: ReturnType<typeof testCore>
let db: Database.Database
let webhookIds: number[]
let small: LogPager

interface Row {
  id: number
  webhook_id: number
  event_id: number
  status: string
  topic: string
  created_at: number
  status_class: string | null
  tag: string | null
}
let rows: Row[]

beforeAll(async () => {
  t = testCore()
  await seedTestLog(t.core, t.dataDir, { rows: ROWS, fromMs: NOW - 10 * DAY, toMs: NOW })
  t.core.indexer.catchUp()
  db = sql(t.dataDir)
  rows = db.prepare('SELECT id, webhook_id, event_id, status, topic, created_at, status_class, tag FROM deliveries ORDER BY id DESC').all() as Row[]
  webhookIds = [...new Set(rows.map((r) => r.webhook_id))]
  small = new LogPager(db, { denseHits: 20, chunk: 7, walkBudget: 60 })
}, 60_000)
afterAll(async () => {
  db?.close()
  await t?.close()
})

/** The filter's meaning, written out over plain rows (no SQL): what every page must agree with. */
function expected(filter: LogFilter): number[] {
  const since = filter.since === undefined ? -Infinity : Date.parse(filter.since)
  const until = filter.until === undefined ? Infinity : Date.parse(filter.until)
  const tested = (tag: string | null) => tag === 'test' || tag === 'ping'
  return rows
    .filter(
      (r) =>
        (filter.webhook_id === undefined || r.webhook_id === filter.webhook_id) &&
        (filter.event_id === undefined || r.event_id === filter.event_id) &&
        (filter.status === undefined || r.status === filter.status) &&
        (filter.topic === undefined || r.topic === filter.topic) &&
        (filter.status_class === undefined || r.status_class === filter.status_class) &&
        (filter.test === undefined || tested(r.tag) === filter.test) &&
        r.created_at >= since &&
        r.created_at < until,
    )
    .map((r) => r.id)
}

/** With `q`: the plain query (no index hints, no strategies) over the same full-text index. */
function plain(filter: LogFilter): number[] {
  const compiled = compileFilter(filter)
  const where = [...compiled.clauses, ...(compiled.match !== null || compiled.ids !== null ? [`d.id IN (${hitsSql(compiled)})`] : [])]
  return db
    .prepare(`SELECT d.id FROM deliveries d ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY d.id DESC`)
    .pluck()
    .all(compiled.params) as number[]
}

async function walk(filter: LogFilter, dir: 'gt' | 'lt', limit: number): Promise<number[]> {
  const ids: number[] = []
  let cursor: number | undefined
  for (let pages = 0; pages < 200; pages++) {
    const page = await t.call<{ deliveries: Delivery[]; has_more: boolean }>('deliveries.page', { ...filter, dir, limit, ...(cursor === undefined ? {} : { id: cursor }) })
    expect(page.deliveries.length).toBeLessThanOrEqual(limit)
    ids.push(...page.deliveries.map((d) => d.id))
    if (!page.has_more) return ids
    expect(page.deliveries).toHaveLength(limit)
    cursor = page.deliveries.at(-1)!.id
  }
  throw new Error('too many pages')
}

function walkSmall(filter: LogFilter, dir: 'gt' | 'lt', limit: number): number[] {
  const ids: number[] = []
  let cursor: number | undefined
  for (;;) {
    const page = small.page(filter, dir, cursor, limit)
    ids.push(...page.ids)
    if (!page.hasMore) return ids
    cursor = page.ids.at(-1)
  }
}

const iso = (ms: number) => new Date(ms).toISOString()
/** Up to three filters at once, each with values that match something and values that match nothing. */
const filterArb: fc.Arbitrary<LogFilter> = fc
  .tuple(
    fc.record({
      webhook_id: fc.oneof(fc.constantFrom(1, 2, 3, 4, 5, 6), fc.constant(999)),
      status: fc.constantFrom('pending', 'sending', 'succeeded', 'retrying', 'failed', 'cancelled' as const),
      topic: fc.constantFrom('orders/create', 'orders/paid', 'push', 'nothing/here'),
      status_class: fc.constantFrom('2xx', '3xx', '4xx', '5xx', 'network' as const),
      test: fc.boolean(),
      since: fc.integer({ min: -11, max: 10 }).map((d) => iso(NOW + d * DAY)),
      until: fc.integer({ min: -10, max: 11 }).map((d) => iso(NOW + d * DAY - 3_600_000)),
    }),
    fc.subarray(['webhook_id', 'status', 'topic', 'status_class', 'test', 'since', 'until'] as const, { maxLength: 3 }),
  )
  .map(([values, keys]) => Object.fromEntries(keys.map((k) => [k, values[k]])) as LogFilter)

describe('filters', () => {
  test('property: every page walk, either way, gives exactly the filtered deliveries, and the count is exact', async () => {
    let nonEmpty = 0
    await fc.assert(
      fc.asyncProperty(filterArb, fc.integer({ min: 20, max: 250 }), async (filter, limit) => {
        const want = expected(filter)
        if (want.length > 0) nonEmpty++
        expect(await walk(filter, 'lt', limit)).toEqual(want)
        expect(await walk(filter, 'gt', limit)).toEqual([...want].reverse())
        expect((await t.call<{ count: number }>('deliveries.count', filter)).count).toBe(want.length)
      }),
      { numRuns: 60, seed: 9_101 },
    )
    // A property where every filter matched nothing would prove little.
    expect(nonEmpty).toBeGreaterThan(20)
  }, 120_000)

  test('each filter on its own means what it says', async () => {
    const count = async (filter: LogFilter) => (await t.call<{ count: number }>('deliveries.count', filter)).count
    expect(await count({})).toBe(ROWS)
    const tests = rows.filter((r) => r.tag === 'test' || r.tag === 'ping').length
    expect(tests).toBeGreaterThan(0)
    expect(await count({ test: true })).toBe(tests)
    expect(await count({ test: false })).toBe(ROWS - tests)
    expect(await count({ status_class: 'network' })).toBe(rows.filter((r) => r.status_class === 'network').length)
    // since is inclusive, until exclusive, both on the creation time.
    const at = rows[100].created_at
    expect(await count({ since: iso(at), until: iso(at + 1) })).toBe(rows.filter((r) => r.created_at === at).length)
    expect(await count({ until: iso(at) })).toBe(rows.filter((r) => r.created_at < at).length)
    const event = rows[5].event_id
    expect(await count({ event_id: event })).toBe(rows.filter((r) => r.event_id === event).length)
    // Pending deliveries have no attempt yet, so no class.
    expect(rows.filter((r) => r.status === 'pending').every((r) => r.status_class === null)).toBe(true)
  })

  test('the pager chooses the index that reads least', () => {
    const pager = new LogPager(db)
    expect(pager.driver({})).toMatchObject({ kind: 'walk', index: null })
    expect(pager.driver({ webhook_id: webhookIds[0] })).toMatchObject({ kind: 'walk', index: 'deliveries_webhook' })
    expect(pager.driver({ webhook_id: webhookIds[0], test: true })).toMatchObject({ kind: 'walk', index: 'deliveries_tagged' })
    expect(pager.driver({ status: 'pending', topic: 'orders/create' })).toMatchObject({ kind: 'walk', index: 'deliveries_status' })
    // An old hour: walking from the newest row would pass over nearly everything.
    expect(pager.driver({ since: iso(NOW - 9 * DAY), until: iso(NOW - 9 * DAY + 3_600_000) })).toMatchObject({ kind: 'range' })
    // The last five days: a walk from the newest row is in it at once.
    expect(pager.driver({ since: iso(NOW - 5 * DAY) })).toMatchObject({ kind: 'walk' })
  })
})

describe('full-text search', () => {
  const words = ['ok', 'loi may chu', 'Lỗi', 'timeout', 'orders', 'nguyen', 'zzzz-nothing', '"', 'OR', "'; DROP TABLE deliveries; --"]

  test('property: search pages agree with the plain query, by every strategy, alone and with other filters', async () => {
    let found = 0
    const qArb = fc.oneof(fc.constantFrom(...words), fc.constantFrom(...rows.slice(0, 50).map((r) => String(r.id))))
    await fc.assert(
      fc.asyncProperty(qArb, filterArb, fc.boolean(), fc.integer({ min: 5, max: 120 }), async (q, other, combine, limit) => {
        const filter: LogFilter = combine ? { ...other, q } : { q }
        const want = plain(filter)
        if (want.length > 0) found++
        expect(await walk(filter, 'lt', Math.max(limit, 40))).toEqual(want)
        expect(walkSmall(filter, 'lt', limit)).toEqual(want)
        expect(walkSmall(filter, 'gt', limit)).toEqual([...want].reverse())
        expect((await t.call<{ count: number }>('deliveries.count', filter)).count).toBe(want.length)
      }),
      { numRuns: 60, seed: 9_102 },
    )
    expect(found).toBeGreaterThan(20)
  }, 120_000)

  test('a word from responses finds the deliveries whose attempts carry it, in the log order', async () => {
    const withBody = db
      .prepare("SELECT DISTINCT a.delivery_id FROM attempts a JOIN attempt_bodies b ON b.attempt_id = a.id WHERE CAST(b.body AS TEXT) = 'Lỗi máy chủ' ORDER BY a.delivery_id DESC")
      .pluck()
      .all() as number[]
    expect(withBody.length).toBeGreaterThan(50)
    expect(await walk({ q: 'loi may chu' }, 'lt', 250)).toEqual(withBody)
  })

  test('an id finds its delivery, an event id its deliveries, a provider id its delivery', async () => {
    const one = rows[10]
    const byEvent = rows.filter((r) => r.event_id === one.id).map((r) => r.id)
    const ids = await walk({ q: String(one.id) }, 'lt', 250)
    expect(ids).toEqual(expect.arrayContaining([one.id, ...byEvent]))
    const provider = db.prepare('SELECT id, provider_id FROM deliveries WHERE attempts > 0 ORDER BY id DESC LIMIT 1').get() as { id: number; provider_id: string }
    expect(await walk({ q: provider.provider_id }, 'lt', 250)).toContain(provider.id)
    const waiting = db.prepare("SELECT id, provider_id FROM deliveries WHERE status = 'pending' ORDER BY id DESC LIMIT 1").get() as { id: number; provider_id: string }
    expect(await walk({ q: waiting.provider_id }, 'lt', 250)).toEqual([waiting.id])
  })
})
