import { afterEach, expect, test } from 'vitest'
import { startReceiver, type Receiver } from '../../support/receiver'
import { adminCall as api, spawnServe, until, type SpawnedServe } from '../../support/spawn-serve'
import { tempDir } from '../../support/temp-dir'

/*
 * Issue 8's crash test (issue 7 asks the same of a burst of 10,000): a burst of 10,000 events, `hooklab serve` killed with SIGKILL while
 * the burst is still being fired and delivered, then started again on the same data
 * directory. At-least-once: the receiver ends with every one of the 10,000 delivery ids
 * (duplicates allowed, a receiver deduplicates by id), and nothing is left pending.
 */
const COUNT = 10_000

let dir: ReturnType<typeof tempDir>
let receiver: Receiver
let serve: SpawnedServe | null = null
afterEach(async () => {
  await serve?.stop('SIGKILL')
  await receiver?.close()
  dir?.cleanup()
})

test('a burst survives kill -9 of serve: every event delivered, none lost, nothing left pending', async () => {
  dir = tempDir()
  receiver = await startReceiver({ keepBodies: false, maxRecorded: COUNT * 3 })
  serve = await spawnServe(['--port', '0', '--data-dir', dir.path])
  const created = await api(serve, 'POST', '/admin/webhooks.json', { webhook: { address: `${receiver.url}/crash`, topic: 'orders/create', max_concurrency: 20 } })
  expect(created.status).toBe(200)
  const started = await api(serve, 'POST', '/admin/events.json', { event: { topic: 'orders/create', count: COUNT, rate: 2000 } })
  expect(started.status).toBe(202)
  const burstId = started.json.burst.id as number

  // Kill while the burst is still being fired and delivered.
  await until('deliveries to start arriving', () => receiver.count >= 300, 60_000)
  const before = await api(serve, 'GET', `/admin/bursts/${burstId}.json`)
  // Fired at 2,000/s, 10,000 events take five seconds: the kill lands mid-burst.
  expect(before.json.burst.status).toBe('running')
  expect(before.json.burst.fired).toBeLessThan(COUNT)
  await serve.stop('SIGKILL')
  const arrivedBeforeKill = receiver.count
  expect(arrivedBeforeKill).toBeLessThan(COUNT)

  serve = await spawnServe(['--port', '0', '--data-dir', dir.path])
  const s = serve
  await until('the burst to complete', async () => (await api(s, 'GET', `/admin/bursts/${burstId}.json`)).json.burst.status === 'completed', 120_000)
  await until('every delivery to succeed', async () => (await api(s, 'GET', '/admin/deliveries/count.json?status=succeeded')).json.count === COUNT, 120_000)

  expect((await api(s, 'GET', '/admin/deliveries/count.json')).json.count).toBe(COUNT)
  for (const status of ['pending', 'sending', 'retrying', 'failed']) {
    expect((await api(s, 'GET', `/admin/deliveries/count.json?status=${status}`)).json.count, status).toBe(0)
  }
  const ids = new Set(receiver.requests.map((r) => r.header('x-hooklab-delivery-id')))
  expect(ids.size).toBe(COUNT)
  expect(receiver.count).toBeGreaterThanOrEqual(COUNT)
}, 300_000)
