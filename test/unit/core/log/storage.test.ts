import { statSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, expect, test } from 'vitest'
import type { LogStorage } from '../../../../electron/core/contract'
import { ManualScheduler, READER, testCore } from '../../../support/core'
import { seedTestLog, sql } from '../../../support/log'
import { tempDir } from '../../../support/temp-dir'

/* The log's size on disk (Settings) and "compact now" (issue 9 item 6), on real files. */
const DAY = 86_400_000
const NOW = Date.parse('2026-03-01T00:00:00Z')
const cleanups: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const fn of cleanups.splice(0)) await fn()
})

const fileBytes = (dataDir: string) => ['', '-wal'].reduce((sum, side) => sum + (statSync(join(dataDir, `hooklab.db${side}`), { throwIfNoEntry: false })?.size ?? 0), 0)

async function logged(dataDir?: string) {
  const t = testCore({ clock: new ManualScheduler(NOW), dataDir })
  cleanups.push(() => t.close())
  await seedTestLog(t.core, t.dataDir, { rows: 1500, fromMs: NOW - 60 * DAY, toMs: NOW })
  t.core.indexer.catchUp()
  return t
}

test('log.storage: bytes of the database and its log, exact row counts, the oldest delivery', async () => {
  const t = await logged()
  const storage = await t.call<LogStorage>('log.storage', {}, READER)
  const db = sql(t.dataDir)
  cleanups.push(() => void db.close())
  const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n
  expect(storage).toEqual({
    bytes: fileBytes(t.dataDir),
    deliveries: 1500,
    events: count('events'),
    attempts: count('attempts'),
    oldest_on: (db.prepare('SELECT created_on FROM deliveries ORDER BY created_at, id LIMIT 1').get() as { created_on: string }).created_on,
  })
  expect(storage.bytes).toBeGreaterThan(1_000_000)
  // Compacting is an admin's act.
  await expect(t.call('log.compact', {}, READER)).rejects.toMatchObject({ code: 'forbidden' })
})

test('log.compact gives what a purge freed back to the file system and answers the new size', async () => {
  const t = await logged()
  while (t.core.retention.step().length > 0);
  const before = await t.call<LogStorage>('log.storage')
  const after = await t.call<LogStorage>('log.compact')
  expect(after.deliveries).toBe(before.deliveries)
  expect(after.bytes).toBe(fileBytes(t.dataDir))
  expect(after.bytes).toBeLessThan(before.bytes * 0.8)
  const db = sql(t.dataDir)
  cleanups.push(() => void db.close())
  expect(db.pragma('freelist_count', { simple: true })).toBe(0)
  expect(db.pragma('auto_vacuum', { simple: true })).toBe(2)
})

test('a database made before incremental vacuum is rebuilt once by its first compaction', async () => {
  const dir = tempDir()
  cleanups.push(() => dir.cleanup())
  const first = testCore({ dataDir: dir.path })
  await first.core.close()
  // As an older Hooklab left it: no auto-vacuum.
  const raw = new Database(join(dir.path, 'hooklab.db'))
  raw.pragma('auto_vacuum = NONE')
  raw.exec('VACUUM')
  expect(raw.pragma('auto_vacuum', { simple: true })).toBe(0)
  raw.close()
  const t = await logged(dir.path)
  while (t.core.retention.step().length > 0);
  const after = await t.call<LogStorage>('log.compact')
  expect(after.deliveries).toBeGreaterThan(0)
  const db = sql(t.dataDir)
  cleanups.push(() => void db.close())
  expect(db.pragma('auto_vacuum', { simple: true })).toBe(2)
  expect(db.pragma('freelist_count', { simple: true })).toBe(0)
})
