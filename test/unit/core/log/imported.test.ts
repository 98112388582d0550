import { afterAll, beforeAll, expect, test } from 'vitest'
import type { LogFilter } from '../../../../electron/core/contract'
import { ADMIN, ManualScheduler, testCore } from '../../../support/core'
import { seedTestLog } from '../../../support/log'
import { chunked, exportText } from '../../../support/log-files'

/*
 * An imported log (SPEC §8 export format) sits in the event log's filters like any other:
 * the import sets the columns the filters read (topic, creation time, last status class),
 * and the indexer indexes what it brought. Counts in the fresh data directory equal the
 * source's for every filter (unfinished deliveries are imported cancelled, so outcome
 * filters compare finished ones).
 */
const DAY = 86_400_000
const NOW = Date.parse('2026-03-01T00:00:00Z')
let source: ReturnType<typeof testCore>
let fresh: ReturnType<typeof testCore>

beforeAll(async () => {
  source = testCore({ clock: new ManualScheduler(NOW) })
  await seedTestLog(source.core, source.dataDir, { rows: 400, fromMs: NOW - 3 * DAY, toMs: NOW })
  source.core.indexer.catchUp()
  fresh = testCore({ clock: new ManualScheduler(NOW) })
  const text = await exportText(source.core, { filter: {}, format: 'ndjson' }, ADMIN)
  await fresh.core.importLog(chunked(text), ADMIN)
  fresh.core.indexer.catchUp()
}, 60_000)
afterAll(async () => {
  await source?.close()
  await fresh?.close()
})

test('every filter counts the same deliveries after an import as before', async () => {
  const count = async (t: typeof source, filter: LogFilter) => (await t.call<{ count: number }>('deliveries.count', filter)).count
  const filters: LogFilter[] = [
    {},
    { topic: 'orders/create' },
    { topic: 'push' },
    { status: 'succeeded' },
    { status: 'failed' },
    { status_class: '2xx' },
    { status_class: '5xx' },
    { status_class: 'network' },
    { test: true },
    { test: false },
    { since: new Date(NOW - DAY).toISOString() },
    { since: new Date(NOW - 2 * DAY).toISOString(), until: new Date(NOW - DAY).toISOString(), status: 'succeeded' },
    { q: 'loi may chu' },
    { q: 'orders' },
  ]
  let matched = 0
  for (const filter of filters) {
    const before = await count(source, filter)
    if (before > 0) matched++
    expect(await count(fresh, filter), JSON.stringify(filter)).toBe(before)
  }
  expect(matched).toBeGreaterThan(10)
  expect(await count(fresh, { status: 'cancelled' })).toBe(await count(source, { status: 'cancelled' }) + (await count(source, { status: 'pending' })) + (await count(source, { status: 'retrying' })))
})
