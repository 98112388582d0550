import { afterAll, beforeAll, expect, test } from 'vitest'
import type { DeliveryDetail, FiredEvent, Webhook } from '../../../electron/core/contract'
import { engineCore, type EngineCore } from '../../support/engine'
import { startFaultServer, type FaultServer } from '../../support/fault-server'
import { startReceiver } from '../../support/receiver'

let e: EngineCore
let faults: FaultServer
beforeAll(async () => {
  e = engineCore()
  faults = await startFaultServer()
})
afterAll(async () => {
  await e.close()
  await faults.close()
})

/** One webhook per fault, one attempt each (an empty schedule), a short whole-attempt timeout. */
async function deliverTo(address: string, extra: object = {}): Promise<DeliveryDetail> {
  const w = await e.call<Webhook>('webhooks.create', { address, topics: ['orders/create'], retry_schedule: [], timeout_ms: 1500, connect_timeout_ms: 1000, disable_after_failures: 0, ...extra })
  const { deliveries } = await e.call<FiredEvent>('events.fire', { topic: 'orders/create', webhook_ids: [w.id] })
  const id = deliveries[0].id
  await e.settle(async () => ['succeeded', 'failed'].includes((await e.delivery(id)).status), { realTimeoutMs: 15_000 })
  return e.delivery(id)
}

test('every receiver fault is recorded with its class, and the engine keeps delivering to the others', async () => {
  const healthy = await startReceiver()
  try {
    const [refused, hang, reset, error500, huge, dribble, loop, tls, tlsAccepted, good] = await Promise.all([
      faults.refusedUrl().then((url) => deliverTo(url)),
      deliverTo(`${faults.url}/hang`),
      deliverTo(`${faults.url}/reset-mid-body`),
      deliverTo(`${faults.url}/status/500`),
      deliverTo(`${faults.url}/huge`),
      deliverTo(`${faults.url}/dribble`),
      deliverTo(`${faults.url}/redirect-loop`),
      deliverTo(`${faults.tlsUrl}/status/200`),
      deliverTo(`${faults.tlsUrl}/status/200`, { accept_self_signed: true }),
      deliverTo(`${healthy.url}/ok`),
    ])
    expect(refused).toMatchObject({ status: 'failed', last_error_class: 'refused' })
    expect(hang).toMatchObject({ status: 'failed', last_error_class: 'timeout' })
    expect(reset.status).toBe('failed')
    expect(['reset', 'network']).toContain(reset.last_error_class)
    expect(error500).toMatchObject({ status: 'failed', last_error_class: 'http', last_status_code: 500 })
    // 50 MiB answered 200: a success, with 64 KiB kept and the rest marked cut.
    expect(huge).toMatchObject({ status: 'succeeded', last_status_code: 200 })
    expect(huge.attempts[0].response).toMatchObject({ truncated: true })
    expect(huge.attempts[0].response!.body.length).toBe(64 * 1024)
    // A reply dribbled byte by byte is cut at the whole-attempt deadline.
    expect(dribble).toMatchObject({ status: 'failed', last_error_class: 'timeout' })
    expect(dribble.last_duration_ms!).toBeLessThan(3000)
    expect(loop).toMatchObject({ status: 'failed', last_error_class: 'redirect', last_status_code: 302 })
    expect(loop.attempts[0].error!.message).toMatch(/redirect-loop/)
    expect(faults.hits.get('/redirect-loop')).toBe(1)
    expect(tls).toMatchObject({ status: 'failed', last_error_class: 'tls' })
    expect(tlsAccepted).toMatchObject({ status: 'succeeded', last_status_code: 200 })
    expect(good).toMatchObject({ status: 'succeeded' })
    for (const d of [refused, hang, dribble, tls]) expect(d.attempts[0].error!.message.length).toBeGreaterThan(0)
  } finally {
    await healthy.close()
  }
}, 60_000)

test('max_concurrency holds at the receiver', async () => {
  const slow = await startReceiver({ reply: { status: 200, delayMs: 150 } })
  try {
    const w = await e.call<Webhook>('webhooks.create', { address: `${slow.url}/c`, topics: ['orders/create'], max_concurrency: 3 })
    for (let i = 0; i < 12; i++) await e.call('events.fire', { topic: 'orders/create', webhook_ids: [w.id] })
    await e.settle(() => slow.count === 12, { realTimeoutMs: 15_000 })
    expect(slow.maxInFlight).toBe(3)
  } finally {
    await slow.close()
  }
})

test('ordered webhooks get one delivery at a time, in event order, even when one needs a retry', async () => {
  const seen: string[] = []
  const receiver = await startReceiver({
    reply: (req) => {
      const n = (JSON.parse(req.text()) as { order_number?: unknown; id?: unknown }).id
      seen.push(String(n))
      // The second event fails once; the third must not overtake it.
      return { status: seen.filter((s) => s === String(n)).length === 1 && seen.length === 2 ? 500 : 200, delayMs: 20 }
    },
  })
  try {
    const w = await e.call<Webhook>('webhooks.create', { address: `${receiver.url}/o`, topics: ['orders/create'], ordered: true, max_concurrency: 10, retry_schedule: [1] })
    const ids: string[] = []
    for (let i = 0; i < 4; i++) {
      const fired = await e.call<FiredEvent>('events.fire', { topic: 'orders/create', webhook_ids: [w.id], seed: 100 + i })
      ids.push(String((fired.payload as { id: unknown }).id))
    }
    await e.settle(() => receiver.count === 5, { stepMs: 100, realTimeoutMs: 15_000 })
    expect(receiver.maxInFlight).toBe(1)
    expect(seen).toEqual([ids[0], ids[1], ids[1], ids[2], ids[3]])
  } finally {
    await receiver.close()
  }
})

test('rate_limit_per_second holds as measured at the receiver', async () => {
  const receiver = await startReceiver()
  try {
    const w = await e.call<Webhook>('webhooks.create', { address: `${receiver.url}/r`, topics: ['orders/create'], rate_limit_per_second: 4 })
    for (let i = 0; i < 12; i++) await e.call('events.fire', { topic: 'orders/create', webhook_ids: [w.id] })
    // Scheduler time moves 50 ms a step: 12 deliveries at 4/s need about 2.75 s of it.
    await e.settle(async () => (await e.call<{ count: number }>('deliveries.count', { webhook_id: w.id, status: 'succeeded' })).count === 12, { stepMs: 50, realTimeoutMs: 20_000 })
    expect(receiver.count).toBe(12)
    // Count arrivals per scheduler second through the deliveries' recorded start times.
    const page = await e.call<{ deliveries: Array<{ id: number }> }>('deliveries.page', { webhook_id: w.id, limit: 50 })
    const starts = await Promise.all(page.deliveries.map(async (d) => Date.parse((await e.delivery(d.id)).attempts[0].started_on)))
    starts.sort((a, b) => a - b)
    for (let i = 4; i < starts.length; i++) expect(starts[i] - starts[i - 4], `deliveries ${i - 4}..${i}`).toBeGreaterThanOrEqual(999)
  } finally {
    await receiver.close()
  }
})
