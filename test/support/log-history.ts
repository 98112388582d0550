import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Delivery, FiredEvent, Webhook } from '../../electron/core/contract'
import type { EngineCore } from './engine'
import { startReceiver, type Receiver, type Reply } from './receiver'

/** A loopback port nothing listens on (a server bound, then closed): connections to it are refused. */
export async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

/** Bytes that are not UTF-8, to prove an answer's exact bytes survive (base64 in the files). */
export const BINARY_ANSWER = Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x80, 0xc3])

/**
 * A receiver whose answers depend on the path: `/ok` answers 200 JSON (its first request to
 * `/flaky` answers 500, then 200), `/fail` 500 text, `/binary` bytes that are not UTF-8.
 */
export async function historyReceiver(): Promise<Receiver> {
  let flaky = 0
  return startReceiver({
    reply: (req): Reply => {
      const path = req.url.split('?')[0]
      if (path === '/flaky' && flaky++ === 0) return { status: 500, body: 'warming up' }
      if (path === '/fail') return { status: 500, headers: { 'content-type': 'text/plain' }, body: 'down <script>x</script>' }
      if (path === '/binary') return { status: 200, headers: { 'content-type': 'application/octet-stream' }, body: BINARY_ANSWER }
      return { status: 200, headers: { 'content-type': 'application/json', 'x-receiver': 'yes' }, body: JSON.stringify({ ok: true, path }) }
    },
  })
}

export interface History {
  webhooks: Webhook[]
  deliveries: number
}

/**
 * A varied history on a running engine: four formats and outcomes (retried then succeeded,
 * failed with a 500, a non-UTF-8 answer, refused connection), credentials in the address, the
 * auth and a custom header, a GitHub webhook, and a test delivery. Returns once all finished.
 */
export async function seedHistory(e: EngineCore, receiver: Receiver): Promise<History> {
  const refused = await closedPort()
  const hooks = [
    { name: 'Kho Hà Nội', address: `${receiver.url}/flaky?api_key=k-123&shop=a`, retry_schedule: [1], headers: { 'X-Tenant': 'acme', 'X-Api-Token': 'tok-1' }, auth: { type: 'basic', username: 'u', password: 'p@ss' } },
    { name: 'Fails', address: `${receiver.url}/fail`, format: 'xml', retry_schedule: [] },
    { name: 'Binary', address: `${receiver.url}/binary`, format: 'form', auth: { type: 'bearer', token: 'bearer-secret' } },
    { name: 'Refused', address: `http://127.0.0.1:${refused}/gone`, retry_schedule: [] },
  ]
  const webhooks: Webhook[] = []
  for (const hook of hooks) webhooks.push(await e.call<Webhook>('webhooks.create', { topics: ['orders/create', 'customers/create'], ...hook }))
  webhooks.push(await e.call<Webhook>('webhooks.create', { name: 'GitHub', profile: 'github', address: `${receiver.url}/ok`, topics: ['push'] }))
  const fired: FiredEvent[] = []
  for (const seed of [1, 2, 3]) fired.push(await e.call<FiredEvent>('events.fire', { topic: 'orders/create', seed }))
  fired.push(await e.call<FiredEvent>('events.fire', { topic: 'customers/create', seed: 4 }))
  fired.push(await e.call<FiredEvent>('events.fire', { topic: 'push', profile: 'github', seed: 5 }))
  const total = fired.reduce((n, f) => n + f.deliveries.length, 0) + 1
  await e.call('webhooks.test', { id: webhooks[4].id, topic: 'push' })
  await e.settle(
    async () => {
      const page = await e.call<{ deliveries: Delivery[] }>('deliveries.page', { dir: 'gt', id: 0, limit: 250 })
      return page.deliveries.length === total && page.deliveries.every((d) => d.finished_on !== null)
    },
    { stepMs: 250 },
  )
  return { webhooks, deliveries: total }
}
