import type Database from 'better-sqlite3'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { INDEX_IDLE_MS } from '../../../electron/core/log/indexer'
import { adminServer, type AdminServer } from '../../support/admin-server'
import { ManualScheduler } from '../../support/core'
import { seedTestLog, sql } from '../../support/log'

/*
 * Issue 9 item 4 over real HTTP: GET /admin/deliveries.json and count.json take q, topic,
 * since, until, status_class and test besides webhook_id, event_id and status. Filtered
 * lists (followed through their Link headers) and counts are exact; a word from one event's
 * body finds that event's deliveries once the indexer has caught up (driven on a
 * ManualScheduler); hostile queries answer 200; bad values are refused by name.
 */
const DAY = 86_400_000
const NOW = Date.parse('2026-03-01T00:00:00Z')
let s: AdminServer
let scheduler: ManualScheduler
let db: Database.Database
interface Row {
  id: number
  webhook_id: number
  status: string
  topic: string
  created_at: number
  status_class: string | null
  tag: string | null
}
let rows: Row[]

beforeAll(async () => {
  scheduler = new ManualScheduler(NOW)
  s = await adminServer({ clock: scheduler })
  await seedTestLog(s.core, s.dataDir, { rows: 900, fromMs: NOW - 5 * DAY, toMs: NOW })
  // Only the indexer runs: the seeded webhooks are disabled and nothing is sent.
  s.core.indexer.start()
  await scheduler.advance(INDEX_IDLE_MS)
  db = sql(s.dataDir)
  rows = db.prepare('SELECT id, webhook_id, status, topic, created_at, status_class, tag FROM deliveries ORDER BY id DESC').all() as Row[]
}, 60_000)
afterAll(async () => {
  db?.close()
  await s?.close()
})

/** Every page of a list, following `rel="next"`. */
async function all(path: string): Promise<number[]> {
  const ids: number[] = []
  let next: string | undefined = path
  for (let pages = 0; next; pages++) {
    expect(pages).toBeLessThan(100)
    const res = await s.api('GET', next.replace(s.url, ''))
    expect(res.status, `${next}: ${res.text.slice(0, 200)}`).toBe(200)
    ids.push(...res.json.deliveries.map((d: { id: number }) => d.id))
    next = /<([^>]+)>;\s*rel="next"/.exec(res.headers.get('link') ?? '')?.[1]
  }
  return ids
}
const count = async (query: string) => {
  const res = await s.api('GET', `/admin/deliveries/count.json?${query}`)
  expect(res.status, res.text).toBe(200)
  return res.json.count as number
}
const iso = (ms: number) => new Date(ms).toISOString()

test('each filter, and filters together, list and count exactly the matching deliveries', async () => {
  const hook = rows[0].webhook_id
  const since = NOW - 3 * DAY
  const until = NOW - DAY
  const tested = (r: Row) => r.tag === 'test' || r.tag === 'ping'
  const cases: Array<[string, (r: Row) => boolean]> = [
    [`webhook_id=${hook}`, (r) => r.webhook_id === hook],
    ['status=failed', (r) => r.status === 'failed'],
    ['topic=orders%2Fcreate', (r) => r.topic === 'orders/create'],
    [`since=${iso(since)}&until=${iso(until)}`, (r) => r.created_at >= since && r.created_at < until],
    ['status_class=5xx', (r) => r.status_class === '5xx'],
    ['status_class=network', (r) => r.status_class === 'network'],
    ['test=true', tested],
    ['test=false', (r) => !tested(r)],
    [`webhook_id=${hook}&status=failed&since=${iso(since)}`, (r) => r.webhook_id === hook && r.status === 'failed' && r.created_at >= since],
    ['topic=orders%2Fcreate&status_class=2xx&test=false', (r) => r.topic === 'orders/create' && r.status_class === '2xx' && !tested(r)],
    ['status=pending&status_class=2xx', () => false],
  ]
  for (const [query, keep] of cases) {
    const wanted = rows.filter(keep).map((r) => r.id)
    if (!query.includes('pending')) expect(wanted.length, query).toBeGreaterThan(0)
    expect(await all(`/admin/deliveries.json?limit=37&${query}`), query).toEqual(wanted)
    expect(await count(query), query).toBe(wanted.length)
  }
  // Oldest first after since_id, with the filter carried through the Link header.
  const failed = rows.filter((r) => r.status === 'failed').map((r) => r.id)
  expect(await all('/admin/deliveries.json?limit=25&since_id=0&status=failed')).toEqual([...failed].reverse())
})

test('a word from one event’s body finds that event’s deliveries, once the indexer has caught up', async () => {
  const hooks = await Promise.all(['a', 'b'].map(async (n) => (await s.api('POST', '/admin/webhooks.json', { body: { webhook: { address: `http://127.0.0.1:9/${n}`, topic: 'orders/create' } } })).json.webhook.id as number))
  const fired = await s.api('POST', '/admin/events.json', {
    body: { event: { topic: 'orders/create', webhook_ids: hooks, payload: { note: 'Giao đơn ĐH-7731 tới Đà Lạt trước 9 giờ', customer: { email: 'thu.trang@example.vn' } } } },
  })
  expect(fired.status).toBe(200)
  const ids = fired.json.event.deliveries.map((d: { id: number }) => d.id).sort((a: number, b: number) => b - a)
  // Not indexed yet: search lags the writer.
  expect(await all('/admin/deliveries.json?q=da+lat')).toEqual([])
  await scheduler.advance(INDEX_IDLE_MS)
  for (const q of ['da lat', 'Đà Lạt', 'ĐH-7731', 'thu.trang@example.vn', 'giao don']) {
    expect(await all(`/admin/deliveries.json?q=${encodeURIComponent(q)}`), q).toEqual(ids)
    expect(await count(`q=${encodeURIComponent(q)}`), q).toBe(2)
  }
  const toSecond = fired.json.event.deliveries.find((d: { webhook_id: number }) => d.webhook_id === hooks[1]).id
  expect(await all(`/admin/deliveries.json?q=da+lat&webhook_id=${hooks[1]}`)).toEqual([toSecond])
  // A delivery's id finds it; an event's id finds its deliveries.
  expect(await all(`/admin/deliveries.json?q=${ids[0]}`)).toContain(ids[0])
  expect(await all(`/admin/deliveries.json?q=${fired.json.event.id}`)).toEqual(expect.arrayContaining(ids))
})

test('hostile queries are only text: 200, maybe with nothing in it', async () => {
  for (const q of ['"', '""""', "' OR 1=1 --", "'; DROP TABLE deliveries; --", 'NEAR(a b)', '*', 'a*', '^start', 'body:x', '(((', 'AND OR NOT', '\u0000', '%', '\\', '🙂', 'x'.repeat(500)]) {
    const list = await s.api('GET', `/admin/deliveries.json?q=${encodeURIComponent(q)}`)
    expect(list.status, q).toBe(200)
    expect(Array.isArray(list.json.deliveries)).toBe(true)
    const counted = await s.api('GET', `/admin/deliveries/count.json?q=${encodeURIComponent(q)}`)
    expect(counted.status, q).toBe(200)
  }
  expect(await count('')).toBe((db.prepare('SELECT COUNT(*) AS n FROM deliveries').get() as { n: number }).n)
})

test('bad values are refused by name with 400, on the list and the count alike', async () => {
  const refused = [
    ['status=bogus', 'status'],
    ['status_class=6xx', 'status_class'],
    ['test=yes', 'test'],
    ['since=not-a-date', 'since'],
    ['until=2026-13-45T99:00:00Z', 'until'],
    ['webhook_id=abc', 'webhook_id'],
    ['event_id=0', 'event_id'],
    [`topic=${'t'.repeat(201)}`, 'topic'],
    [`q=${'q'.repeat(501)}`, 'q'],
    ['colour=red', 'colour'],
  ]
  for (const [query, name] of refused) {
    for (const path of ['/admin/deliveries.json', '/admin/deliveries/count.json']) {
      const res = await s.api('GET', `${path}?${query}`)
      expect(res.status, `${path}?${query}`).toBe(400)
      expect(Object.keys(res.json.errors), query).toEqual([name])
    }
  }
  // Empty values mean "not filtered".
  expect(await count('status=&topic=&q=&test=&since=')).toBe(await count(''))
})
