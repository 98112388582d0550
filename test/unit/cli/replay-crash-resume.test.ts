import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, expect, test } from 'vitest'
import { startReceiver, type Receiver } from '../../support/receiver'
import { adminCall as api, spawnServe, until, type SpawnedServe } from '../../support/spawn-serve'
import { tempDir } from '../../support/temp-dir'

/*
 * Bulk replay is a stored job (issue 9 item 3): `hooklab serve` is killed with SIGKILL while
 * a bulk replay is under way, then started again on the same data directory. The job
 * resumes from its last committed position and ends with exactly one replay per original:
 * none lost, none doubled.
 */
const COUNT = 3000

let dir: ReturnType<typeof tempDir>
let receiver: Receiver
let serve: SpawnedServe | null = null
afterEach(async () => {
  await serve?.stop('SIGKILL')
  await receiver?.close()
  dir?.cleanup()
})

test('a bulk replay survives kill -9 of serve: one replay per original, none lost or doubled', async () => {
  dir = tempDir()
  receiver = await startReceiver({ keepBodies: false, maxRecorded: COUNT * 3 })
  serve = await spawnServe(['--port', '0', '--data-dir', dir.path])
  // Disabled while the originals are fired: they wait, and the job soon runs 2,000 replays
  // ahead of an engine that takes nothing, then creeps on at one chunk a second.
  const hook = await api(serve, 'POST', '/admin/webhooks.json', { webhook: { address: `${receiver.url}/r`, topic: 'orders/create', status: 'disabled', max_concurrency: 50 } })
  const hookId = hook.json.webhook.id as number
  const burst = await api(serve, 'POST', '/admin/events.json', { event: { topic: 'orders/create', webhook_ids: [hookId], count: COUNT } })
  const first = serve
  await until('the originals', async () => (await api(first, 'GET', `/admin/bursts/${burst.json.burst.id}.json`)).json.burst.status === 'completed', 60_000)
  const started = await api(first, 'POST', '/admin/replays.json', { replay: { filter: { webhook_id: hookId } } })
  expect(started.status).toBe(202)
  const jobId = started.json.replay.id as number
  await until('the job to run ahead', async () => (await api(first, 'GET', `/admin/replays/${jobId}.json`)).json.replay.done >= 2000, 60_000)
  const before = (await api(first, 'GET', `/admin/replays/${jobId}.json`)).json.replay
  expect(before.status).toBe('running')
  expect(before.done).toBeLessThan(COUNT)
  await first.stop('SIGKILL')

  serve = await spawnServe(['--port', '0', '--data-dir', dir.path])
  const second = serve
  expect((await api(second, 'PUT', `/admin/webhooks/${hookId}.json`, { webhook: { status: 'enabled' } })).status).toBe(200)
  await until('the job to complete', async () => (await api(second, 'GET', `/admin/replays/${jobId}.json`)).json.replay.status === 'completed', 120_000)
  expect((await api(second, 'GET', `/admin/replays/${jobId}.json`)).json.replay).toMatchObject({ done: COUNT, total: COUNT, skipped: 0 })
  await until('every delivery to succeed', async () => (await api(second, 'GET', '/admin/deliveries/count.json?status=succeeded')).json.count === 2 * COUNT, 120_000)
  await second.stop('SIGTERM')
  serve = null

  const db = new Database(join(dir.path, 'hooklab.db'), { readonly: true })
  try {
    expect(db.prepare('SELECT COUNT(*) AS replays, COUNT(DISTINCT replay_of) AS originals FROM deliveries WHERE replay_of IS NOT NULL').get()).toEqual({ replays: COUNT, originals: COUNT })
  } finally {
    db.close()
  }
  expect(new Set(receiver.requests.map((r) => r.header('x-hooklab-delivery-id'))).size).toBe(2 * COUNT)
}, 300_000)
