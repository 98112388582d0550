import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, expect, test } from 'vitest'
import { DATABASE_FILE } from '../../../electron/core/app'
import { HooklabError } from '../../../electron/core/contract'
import { ManualScheduler, testCore } from '../../support/core'

/*
 * SPEC §8: an imported delivery has no webhook of its own here, so replaying it asks which
 * local webhook signs it. The `imported` column comes with the import slice's migration;
 * until then this test adds it the same way, and marks one delivery as imported.
 */
const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn()
})

test('an imported delivery needs webhook_id to be replayed; a bulk replay without one skips it and says so', async () => {
  const clock = new ManualScheduler()
  const t = testCore({ clock })
  cleanups.push(() => t.close())
  const w = await t.call<{ id: number }>('webhooks.create', { address: 'http://127.0.0.1:9/x', topic: 'orders/create' })
  const fired = await t.call<{ deliveries: Array<{ id: number }> }>('events.fire', { topic: 'orders/create', webhook_ids: [w.id] })
  const id = fired.deliveries[0].id
  const raw = new Database(join(t.dataDir, DATABASE_FILE))
  try {
    const columns = raw.prepare('PRAGMA table_info(deliveries)').all() as Array<{ name: string }>
    if (!columns.some((c) => c.name === 'imported')) raw.exec('ALTER TABLE deliveries ADD COLUMN imported INTEGER NOT NULL DEFAULT 0')
    raw.prepare('UPDATE deliveries SET imported = 1 WHERE id = ?').run(id)
  } finally {
    raw.close()
  }

  const refused = await t.call('deliveries.replay', { id, dry_run: true }).catch((e: unknown) => e)
  expect(refused).toBeInstanceOf(HooklabError)
  expect((refused as HooklabError).fields).toEqual({ webhook_id: ['required'] })
  expect((refused as HooklabError).message).toMatch(/imported: choose a local webhook/)
  const signed = await t.call<{ delivery: { webhook_id: number; replay_of: number } }>('deliveries.replay', { id, webhook_id: w.id })
  expect(signed.delivery).toMatchObject({ webhook_id: w.id, replay_of: id })

  // The job counts it as done but skipped; with a signing webhook it is replayed.
  t.core.start()
  const settle = async (jobId: number) => {
    for (let i = 0; i < 100; i++) {
      const job = await t.call<{ status: string }>('replays.get', { id: jobId })
      if (job.status !== 'running') return job
      await clock.advance(20)
    }
    throw new Error('job did not finish')
  }
  const unsigned = await t.call<{ id: number }>('replays.start', { filter: { event_id: (await t.call<{ event_id: number }>('deliveries.get', { id })).event_id } })
  expect(await settle(unsigned.id)).toMatchObject({ status: 'completed', total: 2, done: 2, skipped: 1 })
  const withSigner = await t.call<{ id: number }>('replays.start', { filter: { event_id: (await t.call<{ event_id: number }>('deliveries.get', { id })).event_id }, webhook_id: w.id })
  expect(await settle(withSigner.id)).toMatchObject({ status: 'completed', skipped: 0 })
})
