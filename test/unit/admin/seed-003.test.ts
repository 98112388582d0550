import { afterAll, beforeAll, expect, test } from 'vitest'
import { adminServer, type AdminServer } from '../../support/admin-server'
import { manualClock } from '../../support/core'

/**
 * Seed 003's script, replayed literally: the same paths, methods and bodies that a
 * client written for Sapo sends, with only a token header added (Sapo's own header).
 */
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/
const clock = manualClock(Date.parse('2018-04-04T04:20:50Z'))
let s: AdminServer
beforeAll(async () => {
  s = await adminServer({ clock })
})
afterAll(() => s.close())

const sapo = (method: string, path: string, body?: unknown) => s.api(method, path, { body, via: 'sapo' })

/** The attributes seed 003 shows, with the types it shows. */
function expectSeedShape(webhook: Record<string, unknown>) {
  expect(typeof webhook.id).toBe('number')
  expect(Number.isInteger(webhook.id)).toBe(true)
  expect(typeof webhook.address).toBe('string')
  expect(typeof webhook.topic).toBe('string')
  expect(['json', 'xml']).toContain(webhook.format)
  expect(webhook.created_on).toMatch(ISO_8601)
  expect(webhook.modified_on === null || ISO_8601.test(webhook.modified_on as string)).toBe(true)
}

test('seed 003 script: list, get, create, update, get, delete', async () => {
  // GET /admin/webhooks.json — Lấy danh sách tất cả các Webhook (empty at first).
  const empty = await sapo('GET', '/admin/webhooks.json')
  expect(empty.status).toBe(200)
  expect(empty.json).toEqual({ webhooks: [] })

  // POST /admin/webhooks.json — Tạo mới một Webhook; answered 200 as in the seed.
  const created = await sapo('POST', '/admin/webhooks.json', {
    webhook: { topic: 'orders/create', address: 'http://whatever.hostname.com/', format: 'json' },
  })
  expect(created.status).toBe(200)
  const webhook = created.json.webhook
  expectSeedShape(webhook)
  expect(webhook).toMatchObject({ address: 'http://whatever.hostname.com/', topic: 'orders/create', format: 'json', created_on: '2018-04-04T04:20:50Z', modified_on: null })
  const id = webhook.id as number

  // GET /admin/webhooks.json — now lists it, wrapped as {"webhooks": […]}.
  const listed = await sapo('GET', '/admin/webhooks.json')
  expect(listed.status).toBe(200)
  expect(listed.json.webhooks).toHaveLength(1)
  expectSeedShape(listed.json.webhooks[0])
  expect(listed.json.webhooks[0]).toMatchObject({ id, topic: 'orders/create', modified_on: null })
  expect(listed.json.webhooks[0]).not.toHaveProperty('secret')

  // GET /admin/webhooks/{id}.json — Lấy một Webhook, wrapped as {"webhook": …}.
  const one = await sapo('GET', `/admin/webhooks/${id}.json`)
  expect(one.status).toBe(200)
  expectSeedShape(one.json.webhook)
  expect(one.json.webhook).toMatchObject({ id, address: 'http://whatever.hostname.com/', modified_on: null })

  // PUT /admin/webhooks/{id}.json — the seed sends the id in the body too.
  clock.advance(60_000)
  const updated = await sapo('PUT', `/admin/webhooks/${id}.json`, { webhook: { id, address: 'http://somewhere-else.com/' } })
  expect(updated.status).toBe(200)
  expectSeedShape(updated.json.webhook)
  expect(updated.json.webhook).toMatchObject({ id, address: 'http://somewhere-else.com/', topic: 'orders/create', format: 'json', created_on: '2018-04-04T04:20:50Z', modified_on: '2018-04-04T04:21:50Z' })

  // GET /admin/webhooks/{id}.json — Lấy chi tiết: the change is stored.
  const after = await sapo('GET', `/admin/webhooks/${id}.json`)
  expect(after.json.webhook).toMatchObject({ id, address: 'http://somewhere-else.com/', modified_on: '2018-04-04T04:21:50Z' })

  // DELETE /admin/webhooks/{id}.json — 200 {} (SPEC §8), and it is gone.
  const deleted = await sapo('DELETE', `/admin/webhooks/${id}.json`)
  expect(deleted.status).toBe(200)
  expect(deleted.json).toEqual({})
  expect((await sapo('GET', `/admin/webhooks/${id}.json`)).status).toBe(404)
  expect((await sapo('GET', '/admin/webhooks.json')).json).toEqual({ webhooks: [] })
})

test('every Sapo topic of seed 003 is accepted', async () => {
  const topics = [
    'products/create', 'products/delete', 'products/update', 'orders/create', 'orders/update', 'orders/cancelled',
    'orders/delete', 'orders/active', 'orders/finalized', 'orders/invoiced', 'orders/partial_invoiced',
    'orders/fulfilled', 'orders/partial_fulfilled', 'orders/paid', 'orders/partial_paid', 'customers/create',
    'customers/update', 'customers/delete', 'suppliers/create', 'suppliers/update', 'suppliers/delete',
    'order_returns/create', 'order_returns/update', 'order_returns/cancelled', 'order_returns/returned',
    'order_returns/partial_refund', 'order_returns/refund', 'inventories/update', 'app/installed', 'order_transactions/create',
  ]
  for (const topic of topics) {
    const res = await sapo('POST', '/admin/webhooks.json', { webhook: { topic, address: 'http://localhost:9/hook', format: 'xml' } })
    expect(res.status, topic).toBe(200)
    expect(res.json.webhook).toMatchObject({ topic, topics: [topic], format: 'xml' })
  }
  expect((await sapo('GET', '/admin/webhooks/count.json')).json).toEqual({ count: topics.length })
})
