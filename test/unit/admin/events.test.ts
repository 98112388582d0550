import { afterAll, beforeAll, expect, test } from 'vitest'
import { TOPICS } from '../../../electron/core/simulator/topics'
import { adminServer, type AdminServer } from '../../support/admin-server'
import { startReceiver, type Receiver } from '../../support/receiver'

/*
 * Issue 7 over real HTTP: POST /admin/events.json fires every Sapo topic at a receiver on
 * 127.0.0.1, the same seed gives the same bytes, bursts report progress and cancel, and bad
 * input is refused by name with nothing stored. The engine runs (core.start()).
 */
let s: AdminServer
let receiver: Receiver
let webhookId: number
beforeAll(async () => {
  s = await adminServer()
  s.core.start()
  receiver = await startReceiver()
  const created = await s.api('POST', '/admin/webhooks.json', { body: { webhook: { address: `${receiver.url}/sapo`, topics: [...TOPICS.sapo], max_concurrency: 20 } } })
  expect(created.status).toBe(200)
  webhookId = created.json.webhook.id
})
afterAll(async () => {
  await s.close()
  await receiver.close()
})

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 20))
  }
}

const arrived = (deliveryId: number) => receiver.requests.find((r) => r.header('x-hooklab-delivery-id') === String(deliveryId))

test('every Sapo topic fired through the Admin API arrives at the receiver as parseable JSON with its topic header', async () => {
  for (const topic of TOPICS.sapo) {
    const res = await s.api('POST', '/admin/events.json', { body: { event: { topic, seed: 1234 } } })
    expect(res.status, topic).toBe(200)
    expect(res.json.event).toMatchObject({ topic, profile: 'sapo', seed: 1234, deliveries: [{ webhook_id: webhookId }] })
    const id = res.json.event.deliveries[0].id as number
    await until(() => arrived(id) !== undefined)
    const req = arrived(id)!
    expect(req.header('x-sapo-topic'), topic).toBe(topic)
    expect(JSON.parse(req.text()), topic).toEqual(res.json.event.payload)
  }
})

test('the same seed twice gives the same bytes; no seed draws one and says which', async () => {
  const fire = async (seed?: number) => (await s.api('POST', '/admin/events.json', { body: { event: { topic: 'orders/create', ...(seed === undefined ? {} : { seed }) } } })).json.event
  const [a, b] = [await fire(77), await fire(77)]
  await until(() => arrived(a.deliveries[0].id) !== undefined && arrived(b.deliveries[0].id) !== undefined)
  expect(arrived(a.deliveries[0].id)!.text()).toBe(arrived(b.deliveries[0].id)!.text())
  const drawn = await fire()
  expect(drawn.seed).toBeTypeOf('number')
  expect((await fire(drawn.seed)).payload).toEqual(drawn.payload)
})

test('a burst answers 202, reports progress, and can be cancelled; a finished one cannot', async () => {
  const started = await s.api('POST', '/admin/events.json', { body: { event: { topic: 'orders/paid', count: 100_000, rate: 200 } } })
  expect(started.status).toBe(202)
  const id = started.json.burst.id
  expect(started.json.burst).toMatchObject({ count: 100_000, status: 'running' })
  await until(async () => (await s.api('GET', `/admin/bursts/${id}.json`)).json.burst.fired > 0)
  const cancelled = await s.api('DELETE', `/admin/bursts/${id}.json`)
  expect(cancelled.json.burst.status).toBe('cancelled')
  const fired = cancelled.json.burst.fired as number
  await new Promise((r) => setTimeout(r, 300))
  expect((await s.api('GET', `/admin/bursts/${id}.json`)).json.burst.fired).toBe(fired)
  expect((await s.api('DELETE', `/admin/bursts/${id}.json`)).status).toBe(409)
  expect((await s.api('GET', '/admin/bursts/999999.json')).status).toBe(404)
})

test('bad input is refused by name and fires nothing; an unsubscribed topic is stored with zero deliveries', async () => {
  const count = async () => (await s.api('GET', '/admin/deliveries/count.json')).json.count as number
  const before = await count()
  const refused = async (event: object, field: string) => {
    const res = await s.api('POST', '/admin/events.json', { body: { event } })
    expect(res.status, JSON.stringify(event)).toBe(422)
    expect(Object.keys(res.json.errors)).toContain(field)
  }
  await refused({ topic: 'nope/nope' }, 'topic')
  await refused({ topic: 'orders/create', webhook_ids: [999999] }, 'webhook_ids')
  await refused({ topic: 'orders/create', count: 2_000_000 }, 'count')
  await refused({ topic: 'orders/create', count: 10, rate: 50_000 }, 'rate')
  await refused({ topic: 'orders/create', count: 'many' }, 'count')
  await refused({ topic: 'orders/create', payload: 'x'.repeat(10) }, 'payload')
  expect((await s.api('POST', '/admin/events.json', { body: { event: { topic: 'orders/create', payload: { big: 'x'.repeat(5 * 1024 * 1024) } } } })).status).toBe(413)
  expect(await count()).toBe(before)
  const nobody = await s.api('POST', '/admin/events.json', { body: { event: { topic: 'customers/delete', profile: 'shopify' } } })
  expect(nobody.status).toBe(200)
  expect(nobody.json.event.deliveries).toEqual([])
})
