import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { adminServer, type AdminServer, type Json } from '../../support/admin-server'
import { manualClock } from '../../support/core'

const clock = manualClock(Date.parse('2026-03-04T05:06:07Z'))
let s: AdminServer
beforeEach(async () => {
  s = await adminServer({ clock })
})
afterEach(() => s.close())

/** SPEC §8 "One vocabulary": every attribute an answer carries (secret only when allowed). */
const VOCABULARY = [
  'id', 'name', 'address', 'topic', 'topics', 'profile', 'format', 'signing', 'headers', 'auth', 'status',
  'status_reason', 'disabled_on', 'consecutive_failures', 'retry_schedule', 'connect_timeout_ms', 'timeout_ms',
  'max_concurrency', 'rate_limit_per_second', 'ordered', 'disable_after_failures', 'accept_self_signed',
  'last_ping', 'created_on', 'modified_on',
]

const create = async (webhook: Record<string, unknown>) => {
  const res = await s.api('POST', '/admin/webhooks.json', { body: { webhook } })
  expect(res.status, res.text).toBe(200)
  return res.json.webhook as Record<string, Json>
}
const list = async () => (await s.api('GET', '/admin/webhooks.json')).json.webhooks as Record<string, Json>[]

describe('create', () => {
  test('answers 200 with every attribute of the vocabulary, the secret included for the admin', async () => {
    const webhook = await create({ address: 'http://localhost:3000/hooks', topic: 'orders/create' })
    expect(Object.keys(webhook).sort()).toEqual([...VOCABULARY, 'secret'].sort())
    expect(webhook).toMatchObject({
      address: 'http://localhost:3000/hooks', topic: 'orders/create', topics: ['orders/create'], profile: 'sapo',
      format: 'json', signing: 'sapo', headers: {}, auth: { type: 'none' }, status: 'enabled', status_reason: null,
      disabled_on: null, consecutive_failures: 0, retry_schedule: [5, 30, 120, 600, 1800, 3600], connect_timeout_ms: 5000,
      timeout_ms: 15000, max_concurrency: 10, rate_limit_per_second: null, ordered: false, disable_after_failures: 5,
      accept_self_signed: false, last_ping: null, created_on: '2026-03-04T05:06:07Z', modified_on: null,
    })
    expect(webhook.name).toMatch(/^Webhook created on \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
    expect(webhook.secret).toMatch(/^[0-9a-f]{64}$/)
  })

  test('takes every writable attribute', async () => {
    const body = {
      name: 'Orders to staging', address: 'https://localhost:8443/in', topics: ['orders/create', 'orders/paid'],
      profile: 'sapo', format: 'xml', signing: 'standard', secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      headers: { 'X-Env': 'qa' }, auth: { type: 'basic', username: 'qa', password: 'pw' }, status: 'disabled',
      retry_schedule: [1, 2], connect_timeout_ms: 1000, timeout_ms: 2000, max_concurrency: 2, rate_limit_per_second: 5,
      ordered: true, disable_after_failures: 3, accept_self_signed: true,
    }
    const webhook = await create(body)
    expect(webhook).toMatchObject({ ...body, topic: 'orders/create', status: 'disabled', disabled_on: '2026-03-04T05:06:07Z' })
  })

  test('"ping": true is accepted and stores the same webhook as without it (the ping itself is the delivery engine\'s)', async () => {
    const attrs = { name: 'Pinged', address: 'http://127.0.0.1:9/p', topic: 'orders/create' }
    const { id: _a, secret: _s1, ...withPing } = await create({ ...attrs, ping: true })
    const { id: _b, secret: _s2, ...without } = await create(attrs)
    expect(withPing).toEqual(without)
    expect(withPing).not.toHaveProperty('ping')
    expect(withPing.last_ping).toBeNull()
    expect((await s.api('POST', '/admin/webhooks.json', { body: { webhook: { ...attrs, ping: 'yes' } } })).json.errors).toEqual({ ping: ['is invalid'] })
  })

  test('read-only attributes echoed from a GET are ignored', async () => {
    const first = await create({ address: 'http://localhost:9/a', topic: 'orders/create' })
    const { secret: _secret, name: _name, ...echo } = first
    const copy = await create({ ...echo, address: 'http://localhost:9/b' })
    expect(copy.id).not.toBe(first.id)
    expect(copy.address).toBe('http://localhost:9/b')
  })
})

describe('read', () => {
  test('GET one hides the secret and auth credentials unless an admin asks with include_secret=true', async () => {
    const { id, secret } = await create({ address: 'http://localhost:9/a', topic: 'orders/create', auth: { type: 'bearer', token: 't0ps3cret' } })
    const plain = (await s.api('GET', `/admin/webhooks/${id}.json`)).json.webhook
    expect(plain).not.toHaveProperty('secret')
    expect(plain.auth).toEqual({ type: 'bearer', token: '[redacted]' })
    expect(JSON.stringify(plain)).not.toContain('t0ps3cret')
    const revealed = (await s.api('GET', `/admin/webhooks/${id}.json?include_secret=true`)).json.webhook
    expect(revealed.secret).toBe(secret)
    expect(revealed.auth).toEqual({ type: 'bearer', token: 't0ps3cret' })
    const listed = (await s.api('GET', '/admin/webhooks.json?include_secret=true')).json.webhooks
    expect(listed[0].secret).toBe(secret)
    expect((await list())[0]).not.toHaveProperty('secret')
  })

  test('fields= answers only the named attributes', async () => {
    const { id } = await create({ address: 'http://localhost:9/a', topic: 'orders/create' })
    expect((await s.api('GET', `/admin/webhooks/${id}.json?fields=id,address`)).json).toEqual({ webhook: { id, address: 'http://localhost:9/a' } })
  })
})

describe('update', () => {
  test('a PUT naming one attribute changes only that one and sets modified_on', async () => {
    const before = await create({ name: 'A', address: 'http://localhost:9/a', topics: ['orders/create', 'orders/paid'], headers: { 'X-A': '1' }, retry_schedule: [1] })
    clock.advance(90_000)
    const res = await s.api('PUT', `/admin/webhooks/${before.id}.json`, { body: { webhook: { max_concurrency: 3 } } })
    expect(res.status).toBe(200)
    expect(res.json.webhook).toEqual({ ...before, max_concurrency: 3, modified_on: '2026-03-04T05:07:37Z' })
    const stored = (await s.api('GET', `/admin/webhooks/${before.id}.json?include_secret=true`)).json.webhook
    expect(stored).toEqual(res.json.webhook)
  })

  test('topic sets topics to [topic]; given both, topics wins and must contain topic', async () => {
    const { id } = await create({ address: 'http://localhost:9/a', topics: ['orders/create', 'orders/paid'] })
    const put = (webhook: Record<string, unknown>) => s.api('PUT', `/admin/webhooks/${id}.json`, { body: { webhook } })
    expect((await put({ topic: 'customers/create' })).json.webhook).toMatchObject({ topic: 'customers/create', topics: ['customers/create'] })
    expect((await put({ topic: 'orders/paid', topics: ['orders/create', 'orders/paid'] })).json.webhook.topics).toEqual(['orders/create', 'orders/paid'])
    const bad = await put({ topic: 'orders/paid', topics: ['orders/create'] })
    expect(bad.status).toBe(422)
    expect(bad.json).toEqual({ errors: { topic: ['must be one of topics'] } })
  })

  test('the whole object of a GET can be sent back: read-only attributes and redacted credentials are kept', async () => {
    const { id } = await create({ address: 'http://localhost:9/a', topic: 'orders/create', auth: { type: 'basic', username: 'u', password: 'p' } })
    const got = (await s.api('GET', `/admin/webhooks/${id}.json`)).json.webhook
    const res = await s.api('PUT', `/admin/webhooks/${id}.json`, { body: { webhook: { ...got, name: 'Renamed' } } })
    expect(res.status, res.text).toBe(200)
    expect(res.json.webhook).toMatchObject({ name: 'Renamed', auth: { type: 'basic', username: 'u', password: 'p' } })
  })

  test('a redacted credential with other auth changes is refused, naming auth', async () => {
    const { id } = await create({ address: 'http://localhost:9/a', topic: 'orders/create', auth: { type: 'basic', username: 'u', password: 'p' } })
    const res = await s.api('PUT', `/admin/webhooks/${id}.json`, { body: { webhook: { auth: { type: 'basic', username: 'v', password: '[redacted]' } } } })
    expect(res.status).toBe(422)
    expect(Object.keys(res.json.errors)).toEqual(['auth'])
  })

  test('an id in the body must be the one in the path', async () => {
    const { id } = await create({ address: 'http://localhost:9/a', topic: 'orders/create' })
    const res = await s.api('PUT', `/admin/webhooks/${id}.json`, { body: { webhook: { id: id + 1, address: 'http://localhost:9/b' } } })
    expect(res.status).toBe(422)
    expect(Object.keys(res.json.errors)).toEqual(['id'])
    expect((await list())[0].address).toBe('http://localhost:9/a')
  })

  test('a PUT with nothing to change leaves modified_on alone', async () => {
    const before = await create({ address: 'http://localhost:9/a', topic: 'orders/create' })
    clock.advance(60_000)
    const res = await s.api('PUT', `/admin/webhooks/${before.id}.json`, { body: { webhook: { id: before.id, created_on: 'x' } } })
    expect(res.json.webhook).toEqual(before)
  })
})

describe('delete', () => {
  test('answers 200 {} and the webhook is gone; deleting again is 404', async () => {
    const { id } = await create({ address: 'http://localhost:9/a', topic: 'orders/create' })
    const res = await s.api('DELETE', `/admin/webhooks/${id}.json`)
    expect([res.status, res.json]).toEqual([200, {}])
    expect(await list()).toEqual([])
    expect((await s.api('DELETE', `/admin/webhooks/${id}.json`)).json).toEqual({ errors: 'Not Found' })
  })
})

test('changes made through the API are pushed to open windows with origin admin-api', async () => {
  const seen: unknown[] = []
  s.core.subscribe((name, payload) => void seen.push({ name, ...payload }))
  const { id } = await create({ address: 'http://localhost:9/a', topic: 'orders/create' })
  await s.api('PUT', `/admin/webhooks/${id}.json`, { body: { webhook: { name: 'x' } } })
  await s.api('DELETE', `/admin/webhooks/${id}.json`)
  expect(seen).toEqual(['created', 'updated', 'deleted'].map((action) => ({ name: 'webhooks.changed', action, ids: [id], origin: 'admin-api' })))
})
