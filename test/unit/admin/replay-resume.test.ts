import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, expect, test } from 'vitest'
import { DATABASE_FILE } from '../../../electron/core/app'
import { adminServer, type AdminServer } from '../../support/admin-server'
import { startReceiver, type Receiver } from '../../support/receiver'
import { ManualScheduler } from '../../support/scheduler'
import { tempDir } from '../../support/temp-dir'

/*
 * A bulk replay is a stored job (issue 9 item 3): the core running it stops dead mid-job
 * (its clock frozen, nothing more runs in it, as after kill -9), a new core opens the same
 * data directory, and the job resumes from its last committed position: every original
 * gets exactly one replay, none lost, none doubled.
 */
const COUNT = 2600

const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn()
})

async function pump(clock: ManualScheduler, check: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('pump: timed out')
    await clock.advance(20)
    await new Promise((r) => setTimeout(r, 2))
  }
}

test('a bulk replay resumes after its core dies, from its last committed position', async () => {
  const dir = tempDir()
  cleanups.push(dir.cleanup)
  const receiver: Receiver = await startReceiver({ keepBodies: false, maxRecorded: COUNT * 3 })
  cleanups.push(() => receiver.close())

  const clock1 = new ManualScheduler(Date.now())
  const first: AdminServer = await adminServer({ clock: clock1, dataDir: dir.path })
  cleanups.push(() => first.close())
  first.core.start()
  // Disabled: the originals and their replays wait, so the job runs 2,000 ahead and pauses mid-way.
  const hook = await first.api('POST', '/admin/webhooks.json', { body: { webhook: { address: `${receiver.url}/r`, topic: 'orders/create', status: 'disabled', max_concurrency: 50 } } })
  const hookId = hook.json.webhook.id as number
  const burst = (await first.api('POST', '/admin/events.json', { body: { event: { topic: 'orders/create', webhook_ids: [hookId], count: COUNT } } })).json.burst
  await pump(clock1, async () => (await first.api('GET', `/admin/bursts/${burst.id}.json`)).json.burst.status === 'completed')
  const started = await first.api('POST', '/admin/replays.json', { body: { replay: { filter: { webhook_id: hookId } } } })
  expect(started.status).toBe(202)
  const jobId = started.json.replay.id as number
  expect(started.json.replay.total).toBe(COUNT)
  await pump(clock1, async () => (await first.api('GET', `/admin/replays/${jobId}.json`)).json.replay.done >= 2000)
  const atDeath = (await first.api('GET', `/admin/replays/${jobId}.json`)).json.replay
  expect(atDeath.status).toBe('running')
  expect(atDeath.done).toBeLessThan(COUNT)
  // The first core dies here: its clock never moves again, so nothing more runs in it.

  const clock2 = new ManualScheduler(Date.now())
  const second: AdminServer = await adminServer({ clock: clock2, dataDir: dir.path })
  cleanups.push(() => second.close())
  expect((await second.api('GET', `/admin/replays/${jobId}.json`)).json.replay).toMatchObject({ done: atDeath.done, status: 'running' })
  second.core.start()
  expect((await second.api('PUT', `/admin/webhooks/${hookId}.json`, { body: { webhook: { status: 'enabled' } } })).status).toBe(200)
  await pump(clock2, async () => (await second.api('GET', `/admin/replays/${jobId}.json`)).json.replay.status === 'completed')
  expect((await second.api('GET', `/admin/replays/${jobId}.json`)).json.replay).toMatchObject({ done: COUNT, total: COUNT })
  await pump(clock2, async () => (await second.api('GET', '/admin/deliveries/count.json?status=succeeded')).json.count === 2 * COUNT)

  const db = new Database(join(dir.path, DATABASE_FILE), { readonly: true })
  try {
    const row = db.prepare('SELECT COUNT(*) AS replays, COUNT(DISTINCT replay_of) AS originals FROM deliveries WHERE replay_of IS NOT NULL').get()
    expect(row).toEqual({ replays: COUNT, originals: COUNT })
    expect(db.prepare("SELECT COUNT(*) AS n FROM deliveries WHERE tag = 'replay' AND replay_of IS NULL").get()).toEqual({ n: 0 })
  } finally {
    db.close()
  }
  const ids = new Set(receiver.requests.map((r) => r.header('x-hooklab-delivery-id')))
  expect(ids.size).toBe(2 * COUNT)
  expect(receiver.requests.filter((r) => r.header('x-hooklab-replay-of') !== undefined)).toHaveLength(COUNT)
}, 180_000)
