// The event log at scale (issue 9): seeds a data directory with --rows deliveries (default
// 1,000,000) with realistic bodies through the store's bulk path, lets the real background
// indexer catch up, then measures through core.invoke: the first page of the unfiltered log,
// a filtered page (webhook + outcome + time range), a page 10,000 rows deep (keyset, following
// ids) and a full-text search, plus bytes on disk per 1,000 deliveries and the index's
// catch-up rate. Loads the TypeScript sources through Vite's module runner, as the other
// benches do. Usage: npm run bench:log [-- --rows 100000] [--keep] [--dir <seeded data dir>]
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runnerImport } from 'vite'
import { createWebhooks, payloadPool, prng, responses } from './log-data.mjs'

const argument = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? process.argv[i + 1] : fallback
}
const ROWS = Number(argument('rows', 1_000_000))
const POOL = Number(argument('pool', 3000))
const WEBHOOKS = Number(argument('webhooks', 48))
const REPEAT = Number(argument('repeat', 15))
const KEEP = process.argv.includes('--keep')
const REUSE = argument('dir', null)
const ADMIN = { origin: 'bench', role: 'admin', transport: { kind: 'web', admin_api_url: null } }
const DAY = 86_400_000

const load = async (path) => (await runnerImport(fileURLToPath(new URL(`../electron/core/${path}`, import.meta.url)))).module
const app = await load('app.ts')
const { memorySettingsStore } = await load('settings/json-settings.ts')
const sim = await load('simulator/index.ts')
const { openDatabase } = await load('store/database.ts')
const { seedLog } = await load('store/log-seed.ts')

const cpuSeconds = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1e6
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const fmt = (n) => Math.round(n).toLocaleString('en-US')

const dataDir = REUSE ?? mkdtempSync(join(os.tmpdir(), 'hooklab-bench-log-'))
const dbFile = join(dataDir, 'hooklab.db')
const now = Date.now()
const random = prng(9)
let seed = null

if (!REUSE) {
  // 1. Webhooks through the core (disabled, so the started engine sends nothing), then the bulk seed.
  const setup = app.createCore({ dataDir, settings: memorySettingsStore(), version: 'bench' })
  const webhooks = await createWebhooks(setup, ADMIN, sim, WEBHOOKS)
  await setup.close()
  const pool = payloadPool(sim, POOL, random)
  const { successes, failures } = responses(random)
  const db = openDatabase(dbFile)
  // A bench's own connection: durability of each transaction is not what is measured.
  db.pragma('synchronous = OFF')
  const wall = performance.now()
  const cpu = cpuSeconds()
  const written = seedLog(db, {
    deliveries: ROWS,
    webhooks,
    payloads: pool,
    successes,
    failures,
    fromMs: now - 28 * DAY,
    toMs: now,
    progress: (n) => process.stdout.isTTY && process.stdout.write(`\rseeding ${fmt(n)} / ${fmt(ROWS)}`),
  })
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
  const seconds = (performance.now() - wall) / 1000
  seed = { ...written, seconds, perSecond: ROWS / seconds, perCpuSecond: ROWS / (cpuSeconds() - cpu) }
  process.stdout.write('\n')
}

// 2. The core with the log's background work started: the real indexer catches up. The
// engine is not started: the seeded webhooks are disabled, and its idle look at the
// waiting deliveries of disabled webhooks would be measured along (see BENCHMARKS.md).
const core = app.createCore({ dataDir, settings: memorySettingsStore(), version: 'bench' })
const lagBefore = core.indexer.lag()
const toIndex = lagBefore.events + lagBefore.attempts
const indexStart = performance.now()
core.indexer.start()
core.retention.start()
for (;;) {
  await new Promise((r) => setTimeout(r, 1000))
  const lag = core.indexer.lag()
  const left = lag.events + lag.attempts
  if (process.stdout.isTTY) process.stdout.write(`\rindexing ${fmt(toIndex - left)} / ${fmt(toIndex)}`)
  if (left === 0) break
}
const indexSeconds = (performance.now() - indexStart) / 1000
process.stdout.write('\n')

async function timed(name, input) {
  const times = []
  let answer
  for (let i = 0; i < REPEAT; i++) {
    const t = performance.now()
    answer = await core.invoke(name, input, ADMIN)
    times.push(performance.now() - t)
  }
  return { ms: median(times), answer }
}

const total = (await core.invoke('deliveries.count', {}, ADMIN)).count
const firstPage = await timed('deliveries.page', { limit: 50 })
const newest = firstPage.answer.deliveries[0]
// Filtered: one webhook's failed deliveries of the last week.
const filter = { webhook_id: newest.webhook_id, status: 'failed', since: new Date(now - 7 * DAY).toISOString(), until: new Date(now).toISOString() }
const filtered = await timed('deliveries.page', { ...filter, limit: 50 })
// 10,000 rows deep, following the keyset as a client scrolling would.
let cursor
for (let depth = 0; depth < 10_000; depth += 250) {
  const page = await core.invoke('deliveries.page', { limit: 250, ...(cursor ? { id: cursor } : {}) }, ADMIN)
  cursor = page.deliveries.at(-1).id
}
const deep = await timed('deliveries.page', { id: cursor, limit: 50 })
// Full text: a customer's e-mail from one recent payload, as support staff would paste it.
let word = null
for (const delivery of firstPage.answer.deliveries) {
  const { body } = (await core.invoke('deliveries.get', { id: delivery.id }, ADMIN)).event_body
  word = /[\w.+-]+@[\w-]+\.[a-z]{2,}/.exec(decodeURIComponent(body.replace(/\+/g, ' ')))?.[0] ?? null
  if (word) break
}
word ??= 'Hà Nội'
const fts = await timed('deliveries.page', { q: word, limit: 50 })
const ftsCount = (await core.invoke('deliveries.count', { q: word }, ADMIN)).count
const common = await timed('deliveries.page', { q: 'don hang', limit: 50 })
// Every combination of six filters (64 pages), as the log screen may combine them.
const FILTERS = {
  webhook_id: newest.webhook_id,
  status: 'failed',
  topic: 'orders/create',
  status_class: '5xx',
  test: false,
  since: new Date(now - 10 * DAY).toISOString(),
}
const matrix = []
for (let mask = 0; mask < 64; mask++) {
  const combination = Object.fromEntries(Object.entries(FILTERS).filter((_, i) => mask & (1 << i)))
  if (combination.since) combination.until = new Date(now - 9 * DAY).toISOString()
  const page = await timed('deliveries.page', { ...combination, limit: 50 })
  matrix.push({ ms: page.ms, rows: page.answer.deliveries.length, combination: Object.keys(combination).join('+') || '(none)' })
}
matrix.sort((a, b) => b.ms - a.ms)
const stats = await timed('log.stats', { since: new Date(now - 7 * DAY).toISOString(), until: new Date(now).toISOString(), buckets: 60 })
const counted = await timed('deliveries.count', filter)

core.indexer.catchUp()
await core.indexer.stop()
await core.retention.stop()
const bytes = ['', '-wal'].reduce((sum, side) => {
  try {
    return sum + statSync(dbFile + side).size
  } catch {
    return sum
  }
}, 0)
await core.close()

const rows = [
  seed && [`seeding (bulk path), ${fmt(seed.events)} events, ${fmt(seed.attempts)} attempts`, `${fmt(seed.perSecond)} deliveries/s (${fmt(seed.perCpuSecond)} per CPU-second)`, 'target ≥ 50,000/s'],
  [`index catch-up, ${fmt(toIndex)} rows (events + attempts)`, `${fmt(toIndex / indexSeconds)} rows/s (${indexSeconds.toFixed(1)} s)`, ''],
  ['first page, unfiltered', `${firstPage.ms.toFixed(2)} ms`, 'target < 20 ms'],
  [`filtered page (webhook + failed + last 7 days: ${filtered.answer.deliveries.length} rows)`, `${filtered.ms.toFixed(2)} ms`, 'target < 20 ms'],
  ['page 10,000 rows deep (keyset)', `${deep.ms.toFixed(2)} ms`, 'target < 20 ms'],
  [`full text "${word}" (${ftsCount} deliveries)`, `${fts.ms.toFixed(2)} ms`, 'target < 150 ms'],
  [`full text "don hang" (a common phrase)`, `${common.ms.toFixed(2)} ms`, ''],
  ['count of the filtered page', `${counted.ms.toFixed(2)} ms (${counted.answer.count})`, ''],
  ['dashboard stats, 7 days, 60 buckets', `${stats.ms.toFixed(2)} ms`, ''],
  [`slowest of 64 filter combinations: ${matrix[0].combination} (${matrix[0].rows} rows)`, `${matrix[0].ms.toFixed(2)} ms (median of all ${median(matrix.map((m) => m.ms)).toFixed(2)} ms)`, 'target < 20 ms'],
  ['bytes on disk per 1,000 deliveries', `${fmt((bytes / total) * 1000)} (${(bytes / 1024 ** 3).toFixed(2)} GiB in all)`, ''],
].filter(Boolean)
console.log(`\nEvent log bench: ${fmt(total)} deliveries, median of ${REPEAT} calls through core.invoke, node ${process.version}, ${os.availableParallelism()} CPUs, load ${os.loadavg()[0].toFixed(1)}\n`)
for (const [what, value, target] of rows) console.log(`${what.padEnd(64)} ${value.padEnd(44)} ${target}`)
const result = {
  rows: total,
  first_page_ms: Number(firstPage.ms.toFixed(2)),
  filtered_page_ms: Number(filtered.ms.toFixed(2)),
  deep_page_ms: Number(deep.ms.toFixed(2)),
  fts_ms: Number(fts.ms.toFixed(2)),
  seed_rows_per_s: seed ? Math.round(seed.perSecond) : null,
  bytes_per_1000: Math.round((bytes / total) * 1000),
  index_rows_per_s: Math.round(toIndex / indexSeconds),
}
console.log(`RESULT ${JSON.stringify(result)}`)
if (!KEEP && !REUSE) rmSync(dataDir, { recursive: true, force: true })
else console.log(`data directory kept: ${dataDir}`)
