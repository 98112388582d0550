import { afterEach, beforeEach, expect, test } from 'vitest'
import type { TopicCatalog, Webhook } from '../../../../electron/core/contract'
import { READER, testCore } from '../../../support/core'

let t: ReturnType<typeof testCore>
beforeEach(() => {
  t = testCore()
})
afterEach(() => t.close())

const hook = { address: 'http://127.0.0.1:9/hooks', topics: ['orders/create'] }
const count = async () => (await t.call<{ total: number }>('webhooks.list', {})).total

test('a custom topic stored by the user can be subscribed to; the catalog lists it; in use it cannot be removed', async () => {
  await expect(t.call('webhooks.create', { ...hook, topics: ['loyalty/points_added'] })).rejects.toMatchObject({ fields: { 'topics.0': ['unknown_topic'] } })
  await t.call('topics.createCustom', { profile: 'sapo', topic: 'loyalty/points_added' })
  const w = await t.call<Webhook>('webhooks.create', { ...hook, topics: ['orders/create', 'loyalty/points_added'] })
  expect(w.topics).toEqual(['orders/create', 'loyalty/points_added'])
  const { profiles } = await t.call<TopicCatalog>('topics.catalog', {})
  const sapo = profiles.find((p) => p.profile === 'sapo')!
  expect(sapo.custom).toEqual(['loyalty/points_added'])
  expect(sapo.groups.find((g) => g.resource === 'loyalty')?.topics).toEqual(['loyalty/points_added'])
  // Only sapo has it.
  await expect(t.call('webhooks.create', { ...hook, profile: 'shopify', topics: ['loyalty/points_added'] })).rejects.toMatchObject({ code: 'invalid_input' })
  await expect(t.call('topics.deleteCustom', { profile: 'sapo', topic: 'loyalty/points_added' })).rejects.toMatchObject({ code: 'conflict' })
  await t.call('webhooks.delete', { id: w.id })
  await t.call('topics.deleteCustom', { profile: 'sapo', topic: 'loyalty/points_added' })
  await expect(t.call('topics.createCustom', { profile: 'sapo', topic: 'orders/create' })).rejects.toMatchObject({ code: 'conflict' })
  await expect(t.call('topics.createCustom', { profile: 'sapo', topic: 'has space' })).rejects.toMatchObject({ fields: { topic: ['invalid'] } })
  await expect(t.call('topics.createCustom', { profile: 'sapo', topic: 'x/y' }, READER)).rejects.toMatchObject({ code: 'forbidden' })
})

test('an update checks topics against the stored profile, naming them with the other bad fields', async () => {
  const w = await t.call<Webhook>('webhooks.create', hook)
  await expect(t.call('webhooks.update', { id: w.id, topics: ['orders/create', 'nope/nope'], ordered: 'yes' })).rejects.toMatchObject({
    fields: { 'topics.1': ['unknown_topic'], ordered: ['invalid'] },
  })
})

test('the standard profile signs Standard Webhooks style and takes event types of the user’s own; ping is in every profile', async () => {
  const w = await t.call<Webhook>('webhooks.create', { ...hook, profile: 'standard', topics: ['invoice.paid', 'ping'] })
  expect(w).toMatchObject({ profile: 'standard', signing: 'standard', topics: ['invoice.paid', 'ping'] })
  expect(w.secret).toMatch(/^whsec_/)
  for (const profile of ['sapo', 'shopify', 'woocommerce', 'github', 'stripe']) {
    expect((await t.call<Webhook>('webhooks.create', { ...hook, profile, topics: ['ping'] })).topics).toEqual(['ping'])
  }
  await expect(t.call('webhooks.create', { ...hook, profile: 'standard', topics: ['has space'] })).rejects.toMatchObject({ code: 'invalid_input' })
})

test('headers Hooklab or the chosen profile and style set are refused by name; nothing is stored', async () => {
  const refused = async (input: object, field: string) => {
    await expect(t.call('webhooks.create', { ...hook, ...input })).rejects.toMatchObject({ fields: { [field]: ['reserved_header'] } })
  }
  await refused({ headers: { 'X-Hooklab-Delivery-Id': '1' } }, 'headers.X-Hooklab-Delivery-Id')
  await refused({ headers: { 'x-sapo-hmac-sha256': 'forged' } }, 'headers.x-sapo-hmac-sha256')
  await refused({ profile: 'github', topics: ['push'], headers: { 'X-Hub-Signature-256': 'sha256=0' } }, 'headers.X-Hub-Signature-256')
  await refused({ signing: 'standard', headers: { 'webhook-id': 'msg_1' } }, 'headers.webhook-id')
  await refused({ signing: 'stripe', headers: { 'Stripe-Signature': 't=1' } }, 'headers.Stripe-Signature')
  expect(await count()).toBe(0)
  // Another provider's header is a plain custom header on a Sapo webhook.
  const w = await t.call<Webhook>('webhooks.create', { ...hook, headers: { 'X-Shopify-Topic': 'x', 'X-Env': 'dev' } })
  // …until the webhook switches to that provider.
  await expect(t.call('webhooks.update', { id: w.id, profile: 'shopify', topics: ['orders/create'] })).rejects.toMatchObject({
    fields: { 'headers.X-Shopify-Topic': ['reserved_header'] },
  })
})

test('JavaScript built-in names are unknown attributes like any other, and never reach a prototype', async () => {
  for (const key of ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', '__proto__']) {
    const input = JSON.parse(`{"address":"http://127.0.0.1:9/a","topic":"orders/create","${key}":1}`)
    await expect(t.call('webhooks.create', input), key).rejects.toMatchObject({ code: 'invalid_input', fields: { [key]: ['unknown_attribute'] } })
    await expect(t.call('webhooks.list', JSON.parse(`{"${key}":1}`)), key).rejects.toMatchObject({ code: 'invalid_input' })
    await expect(t.call('settings.update', JSON.parse(`{"${key}":1}`)), key).rejects.toMatchObject({ code: 'invalid_input' })
  }
  const proto = JSON.parse('{"address":"http://127.0.0.1:9/a","topic":"orders/create","headers":{"__proto__":"x"}}')
  await expect(t.call('webhooks.create', proto)).rejects.toMatchObject({ fields: { 'headers.__proto__': ['invalid_header_name'] } })
  expect(await count()).toBe(0)
})

test('control, bidi and zero-width characters in an address are refused; lone surrogates anywhere are named', async () => {
  for (const bad of ['\u0000', '\u0001', '\u001f', '\u007f', '\b', '\u0085', '\u202e', '\u200b', '\u2066', '\ufeff']) {
    for (const address of [`http://127.0.0.1:9/a${bad}`, `${bad}http://127.0.0.1:9/a`, `http://127.0.0.1:9/a${bad}b`]) {
      await expect(t.call('webhooks.create', { ...hook, address }), JSON.stringify(address)).rejects.toMatchObject({ fields: { address: ['invalid'] } })
    }
  }
  await expect(t.call('webhooks.create', { ...hook, name: 'a\ud800b' })).rejects.toMatchObject({ fields: { name: ['invalid'] } })
  await expect(t.call('webhooks.create', { ...hook, headers: { 'X-A': '\udc00' } })).rejects.toMatchObject({ fields: { 'headers.X-A': ['invalid'] } })
  expect(await count()).toBe(0)
})

test("app.info reports the caller's transport, not a fact stored in the core", async () => {
  const web = await t.call('app.info', {}, { origin: 'x', role: 'read', transport: { kind: 'web', admin_api_url: 'http://127.0.0.1:1/admin/' } })
  const ipc = await t.call('app.info', {}, { origin: 'x', role: 'admin', transport: { kind: 'ipc', admin_api_url: null } })
  expect(web).toMatchObject({ transport: 'web', admin_api_url: 'http://127.0.0.1:1/admin/' })
  expect(ipc).toMatchObject({ transport: 'ipc', admin_api_url: null })
})

test('a custom topic with a payload template is filled per event; a template with a syntax error is refused with its line', async () => {
  const { startReceiver } = await import('../../../support/receiver')
  const receiver = await startReceiver()
  try {
    await t.call('topics.createCustom', { profile: 'sapo', topic: 'loyalty/points_added', template: '{"id": {{id}}, "customer": "{{person.fullName}}", "points": 10}' })
    await expect(t.call('topics.createCustom', { profile: 'sapo', topic: 'loyalty/broken', template: '{\n  "id": {{id}},\n  "x": }' })).rejects.toMatchObject({ fields: { template: ['invalid'] }, message: expect.stringMatching(/line 3/i) })
    const w = await t.call<Webhook>('webhooks.create', { ...hook, address: `${receiver.url}/loyalty`, topics: ['loyalty/points_added'] })
    const fired = [await t.call<{ payload: { id: number; customer: string; points: number } }>('events.fire', { topic: 'loyalty/points_added', seed: 1 }), await t.call<{ payload: { id: number } }>('events.fire', { topic: 'loyalty/points_added', seed: 2 })]
    expect(fired[0].payload).toMatchObject({ points: 10, customer: expect.any(String) })
    expect(fired[0].payload.id).not.toBe(fired[1].payload.id)
    const tested = await t.call<{ status: string; attempts: Array<{ request: { body: string } }> }>('webhooks.test', { id: w.id, topic: 'loyalty/points_added' })
    expect(JSON.parse(tested.attempts[0].request.body)).toMatchObject({ points: 10 })
  } finally {
    await receiver.close()
  }
})
