import { afterEach, beforeEach, expect, test } from 'vitest'
import { DEFAULT_RETRY_SCHEDULE, type Webhook } from '../../../../electron/core/contract'
import { manualClock, testCore } from '../../../support/core'

let t: ReturnType<typeof testCore>
const clock = manualClock(Date.parse('2026-03-04T05:06:07.890Z'))
beforeEach(() => (t = testCore({ clock })))
afterEach(() => t.close())

const minimal = { address: 'http://localhost:3000/hooks/sapo', topics: ['orders/create'] }

test('a new webhook gets an integer id, is enabled, and carries every default of the vocabulary', async () => {
  const w = await t.call<Webhook>('webhooks.create', minimal)
  expect(w).toMatchObject({
    id: 1,
    address: minimal.address,
    topic: 'orders/create',
    topics: ['orders/create'],
    profile: 'sapo',
    format: 'json',
    signing: 'sapo',
    headers: {},
    auth: { type: 'none' },
    status: 'enabled',
    status_reason: null,
    disabled_on: null,
    consecutive_failures: 0,
    retry_schedule: DEFAULT_RETRY_SCHEDULE,
    connect_timeout_ms: 5000,
    timeout_ms: 15000,
    max_concurrency: 10,
    rate_limit_per_second: null,
    ordered: false,
    disable_after_failures: 5,
    accept_self_signed: false,
    last_ping: null,
    created_on: '2026-03-04T05:06:07Z',
    modified_on: null,
  })
  expect(w.name).toMatch(/^Webhook created on \d{4}-\d\d-\d\d \d\d:\d\d$/)
  expect((await t.call<Webhook>('webhooks.create', minimal)).id).toBe(2)
})

test('a blank name becomes the default name, in Vietnamese from the Vietnamese UI', async () => {
  expect((await t.call<Webhook>('webhooks.create', { ...minimal, name: '   ' })).name).toMatch(/^Webhook created on /)
  expect((await t.call<Webhook>('webhooks.create', { ...minimal, locale: 'vi' })).name).toMatch(/^Webhook được tạo lúc \d{4}-\d\d-\d\d \d\d:\d\d$/)
  expect((await t.call<Webhook>('webhooks.create', { ...minimal, name: '  Orders  ' })).name).toBe('Orders')
})

test('secrets are generated in the style’s form when left empty', async () => {
  const sapo = await t.call<Webhook>('webhooks.create', minimal)
  expect(sapo.secret).toMatch(/^[0-9a-f]{64}$/)
  const standard = await t.call<Webhook>('webhooks.create', { ...minimal, signing: 'standard', secret: '' })
  expect(standard.secret).toMatch(/^whsec_/)
  const stripe = await t.call<Webhook>('webhooks.create', { ...minimal, profile: 'stripe', topics: ['charge.succeeded'] })
  expect(stripe.signing).toBe('stripe')
  expect(stripe.secret).toMatch(/^whsec_/)
})

test('a Standard Webhooks secret must be whsec_ + base64', async () => {
  await expect(t.call('webhooks.create', { ...minimal, signing: 'standard', secret: 'not-whsec' })).rejects.toMatchObject({
    code: 'invalid_input',
    fields: { secret: ['invalid_secret'] },
  })
  expect((await t.call<{ total: number }>('webhooks.list', {})).total).toBe(0)
})

test('topic alone is accepted (Sapo style) and topics wins when both are given', async () => {
  expect((await t.call<Webhook>('webhooks.create', { address: minimal.address, topic: 'products/create' })).topics).toEqual(['products/create'])
  const both = await t.call<Webhook>('webhooks.create', { address: minimal.address, topic: 'orders/paid', topics: ['orders/create', 'orders/paid'] })
  expect(both.topics).toEqual(['orders/create', 'orders/paid'])
  expect(both.topic).toBe('orders/create')
  await expect(t.call('webhooks.create', { address: minimal.address, topic: 'orders/paid', topics: ['orders/create'] })).rejects.toMatchObject({
    fields: { topic: ['topic_not_in_topics'] },
  })
})

test('every Sapo topic of seed 003 plus app/installed and order_transactions/create exists', async () => {
  const { profiles } = await t.call<{ profiles: Array<{ profile: string; groups: Array<{ resource: string; topics: string[] }> }> }>('topics.catalog', {})
  const sapo = profiles.find((p) => p.profile === 'sapo')!.groups.flatMap((g) => g.topics)
  const seed003 =
    'products/create, products/delete, products/update, orders/create, orders/update, orders/cancelled, orders/delete, orders/active, orders/finalized, orders/invoiced, orders/partial_invoiced, orders/fulfilled, orders/partial_fulfilled, orders/paid, orders/partial_paid, customers/create, customers/update, customers/delete, suppliers/create, suppliers/update, suppliers/delete, order_returns/create, order_returns/update, order_returns/cancelled, order_returns/returned, order_returns/partial_refund, order_returns/refund, inventories/update'.split(', ')
  // Plus `ping`, which every profile has (SPEC §8 "Ping").
  expect(sapo).toEqual(expect.arrayContaining([...seed003, 'app/installed', 'order_transactions/create', 'ping']))
  expect(sapo).toHaveLength(31)
  for (const { profile, groups } of profiles) expect(groups.flatMap((g) => g.topics), profile).toContain('ping')
  const woo = profiles.find((p) => p.profile === 'woocommerce')!
  expect(woo.groups.map((g) => g.resource)).toEqual(expect.arrayContaining(['order', 'product', 'coupon', 'customer', 'action']))
})

test('WooCommerce accepts custom action.<hook> topics; other profiles refuse unknown topics', async () => {
  const woo = await t.call<Webhook>('webhooks.create', { ...minimal, profile: 'woocommerce', topics: ['order.created', 'action.my_custom_hook'] })
  expect(woo.topics).toEqual(['order.created', 'action.my_custom_hook'])
  await expect(t.call('webhooks.create', { ...minimal, topics: ['orders/updated'] })).rejects.toMatchObject({ fields: { 'topics.0': ['unknown_topic'] } })
})
