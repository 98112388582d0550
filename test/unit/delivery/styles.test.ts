import { createHmac } from 'node:crypto'
import { verify as octokitVerify } from '@octokit/webhooks-methods'
import { Webhook as StandardWebhook } from 'standardwebhooks'
import Stripe from 'stripe'
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { FiredEvent, Webhook } from '../../../electron/core/contract'
import { engineCore, type EngineCore } from '../../support/engine'
import { startReceiver, type ReceivedRequest, type Receiver } from '../../support/receiver'
import { startShopifyVerifier } from '../../support/shopify-verifier'

/*
 * What the engine really sent, verified with each provider's own published code (issue 8
 * item 5): the same bytes a receiver written against that provider would accept.
 */
let e: EngineCore
let receiver: Receiver
beforeAll(async () => {
  // Verifiers compare signature timestamps with the real clock.
  e = engineCore({ start: Date.now() })
  receiver = await startReceiver()
})
afterAll(async () => {
  await e.close()
  await receiver.close()
})

async function sendOne(webhook: object, topic: string): Promise<{ req: ReceivedRequest; secret: string }> {
  const w = await e.call<Webhook>('webhooks.create', { address: `${receiver.url}/in`, topics: [topic], ...webhook })
  const secret = (await e.call<Webhook>('webhooks.get', { id: w.id, include_secret: true })).secret!
  const { deliveries } = await e.call<FiredEvent>('events.fire', { topic, profile: w.profile, webhook_ids: [w.id] })
  const id = String(deliveries[0].id)
  await e.settle(() => receiver.requests.some((r) => r.header('x-hooklab-delivery-id') === id))
  return { req: receiver.requests.find((r) => r.header('x-hooklab-delivery-id') === id)!, secret }
}

const headersOf = (req: ReceivedRequest) => Object.fromEntries(req.rawHeaders.map(([n, v]) => [n.toLowerCase(), v]))

test('Standard Webhooks: standardwebhooks verifies it', async () => {
  const { req, secret } = await sendOne({ profile: 'standard' }, 'invoice.paid')
  expect(new StandardWebhook(secret).verify(req.text(), headersOf(req))).toMatchObject({ type: 'invoice.paid' })
  expect(req.header('webhook-id')).toMatch(/^msg_/)
})

test('Stripe: stripe.webhooks.constructEvent verifies it', async () => {
  const { req, secret } = await sendOne({ profile: 'stripe' }, 'payment_intent.succeeded')
  const stripe = new Stripe('sk_test_hooklab')
  expect(stripe.webhooks.constructEvent(req.text(), req.header('stripe-signature')!, secret)).toMatchObject({ type: 'payment_intent.succeeded', object: 'event' })
})

test('GitHub: @octokit/webhooks-methods verifies it', async () => {
  const { req, secret } = await sendOne({ profile: 'github' }, 'push')
  expect(await octokitVerify(secret, req.text(), req.header('x-hub-signature-256')!)).toBe(true)
  expect(req.header('x-github-event')).toBe('push')
  expect(req.header('x-github-delivery')).toMatch(/^[0-9a-f-]{36}$/)
})

test('WooCommerce and Sapo: base64 HMAC-SHA256 of the raw body, computed independently', async () => {
  for (const [profile, topic, header] of [['woocommerce', 'order.created', 'x-wc-webhook-signature'], ['sapo', 'orders/create', 'x-sapo-hmac-sha256']] as const) {
    const { req, secret } = await sendOne({ profile }, topic)
    expect(req.header(header), profile).toBe(createHmac('sha256', secret).update(req.body).digest('base64'))
  }
})

test('a style different from the profile signs alone, and no header appears twice', async () => {
  const { req, secret } = await sendOne({ profile: 'sapo', signing: 'github' }, 'orders/create')
  expect(await octokitVerify(secret, req.text(), req.header('x-hub-signature-256')!)).toBe(true)
  expect(req.header('x-sapo-topic')).toBe('orders/create')
  const names = req.rawHeaders.map(([n]) => n.toLowerCase())
  expect(names.length).toBe(new Set(names).size)
})

test('Shopify: @shopify/shopify-api webhooks.validate accepts it', async () => {
  const w = await e.call<Webhook>('webhooks.create', { address: 'http://127.0.0.1:9/placeholder', topics: ['orders/create'], profile: 'shopify' })
  const secret = (await e.call<Webhook>('webhooks.get', { id: w.id, include_secret: true })).secret!
  const verifier = await startShopifyVerifier(secret)
  try {
    await e.call('webhooks.update', { id: w.id, address: verifier.url })
    const { deliveries } = await e.call<FiredEvent>('events.fire', { topic: 'orders/create', profile: 'shopify', webhook_ids: [w.id] })
    await e.settle(async () => (await e.delivery(deliveries[0].id)).status === 'succeeded')
    expect(verifier.results[0]).toMatchObject({ valid: true, topic: 'ORDERS_CREATE' })
  } finally {
    await verifier.close()
  }
})

test('deliveries.changed is coalesced: a burst of deliveries makes a handful of pushes, not one each', async () => {
  const pushes: Array<{ count: number }> = []
  const off = e.core.subscribe((name, payload) => {
    if (name === 'deliveries.changed') pushes.push(payload as { count: number })
  })
  const w = await e.call<Webhook>('webhooks.create', { address: `${receiver.url}/burst`, topics: ['orders/create'], max_concurrency: 50 })
  const before = receiver.count
  await e.call('bursts.start', { topic: 'orders/create', webhook_ids: [w.id], count: 400 })
  await e.settle(async () => (await e.call<{ count: number }>('deliveries.count', { webhook_id: w.id, status: 'succeeded' })).count === 400, { realTimeoutMs: 30_000 })
  await e.scheduler.advance(1000)
  off()
  expect(receiver.count - before).toBe(400)
  // Each push covers many deliveries; changes are counted, so totals exceed 400 (created, then finished).
  expect(pushes.length).toBeLessThan(60)
  expect(pushes.reduce((n, p) => n + p.count, 0)).toBeGreaterThanOrEqual(400)
})
