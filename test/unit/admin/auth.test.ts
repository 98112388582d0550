import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { adminServer, type AdminServer, type TokenHeader } from '../../support/admin-server'

const UNAUTHORIZED = { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' }

let s: AdminServer
let readToken: string
let id: number
beforeAll(async () => {
  s = await adminServer()
  const created = await s.api('POST', '/admin/tokens.json', { body: { token: { role: 'read', name: 'dashboard' } } })
  readToken = created.json.token.value
  const webhook = await s.api('POST', '/admin/webhooks.json', { body: { webhook: { address: 'http://localhost:9/a', topic: 'orders/create', auth: { type: 'basic', username: 'u', password: 'hunter2' } } } })
  id = webhook.json.webhook.id
})
afterAll(() => s.close())

const everything = async () => (await s.api('GET', '/admin/webhooks.json?include_secret=true')).json

describe('401: no token or an unknown one', () => {
  test('every path, known or not, answers Shopify\'s sentence', async () => {
    for (const token of [null, 'hl_admin_not-a-real-token-at-all', '']) {
      for (const [method, path] of [['GET', '/admin/webhooks.json'], ['POST', '/admin/webhooks.json'], ['GET', `/admin/webhooks/${id}.json`], ['DELETE', `/admin/webhooks/${id}.json`], ['GET', '/admin/tokens.json'], ['GET', '/admin/nothing.json']]) {
        const res = await s.api(method, path, { token, body: method === 'POST' ? { webhook: { address: 'http://localhost:9/x', topic: 'orders/create' } } : undefined })
        expect([res.status, res.json], `${method} ${path} ${token}`).toEqual([401, UNAUTHORIZED])
      }
    }
    expect((await everything()).webhooks).toHaveLength(1)
  })

  test('a token in the wrong scheme is not accepted', async () => {
    const res = await s.api('GET', '/admin/webhooks.json', { token: null, headers: { Authorization: `Basic ${s.adminToken}` } })
    expect(res.status).toBe(401)
  })
})

test.each<TokenHeader>(['hooklab', 'sapo', 'bearer'])('the admin token works in the %s header', async (via) => {
  const res = await s.api('GET', `/admin/webhooks/${id}.json?include_secret=true`, { via })
  expect(res.status).toBe(200)
  expect(res.json.webhook.secret).toEqual(expect.any(String))
})

test('403 for a foreign Host, even with a valid token (DNS rebinding)', async () => {
  const res = await s.raw('GET', '/admin/webhooks.json', { Host: `evil.example:${s.port}`, 'X-Hooklab-Access-Token': s.adminToken })
  expect(res.status).toBe(403)
  expect(JSON.parse(res.text)).toEqual({ errors: expect.any(String) })
  expect((await s.raw('GET', '/admin/webhooks.json', { Host: `localhost:${s.port}`, 'X-Hooklab-Access-Token': s.adminToken })).status).toBe(200)
})

describe('a read token', () => {
  test.each<TokenHeader>(['hooklab', 'sapo', 'bearer'])('can read through the %s header, and never sees a secret', async (via) => {
    const list = await s.api('GET', '/admin/webhooks.json', { token: readToken, via })
    expect(list.status).toBe(200)
    expect(list.json.webhooks[0]).not.toHaveProperty('secret')
    const one = await s.api('GET', `/admin/webhooks/${id}.json`, { token: readToken, via })
    expect(one.status).toBe(200)
    expect(one.json.webhook).not.toHaveProperty('secret')
    expect(one.json.webhook.auth).toEqual({ type: 'basic', username: 'u', password: '[redacted]' })
    expect((await s.api('GET', '/admin/webhooks/count.json', { token: readToken, via })).json).toEqual({ count: 1 })
  })

  test('asking for secrets is 403, not a quiet omission', async () => {
    for (const path of [`/admin/webhooks/${id}.json?include_secret=true`, '/admin/webhooks.json?include_secret=true']) {
      const res = await s.api('GET', path, { token: readToken })
      expect(res.status, path).toBe(403)
      expect(res.text).not.toContain('hunter2')
    }
  })

  test('cannot write (403) and nothing changes', async () => {
    const before = await everything()
    const attempts: [string, string, unknown][] = [
      ['POST', '/admin/webhooks.json', { webhook: { address: 'http://localhost:9/r', topic: 'orders/create' } }],
      ['PUT', `/admin/webhooks/${id}.json`, { webhook: { address: 'http://localhost:9/r' } }],
      ['DELETE', `/admin/webhooks/${id}.json`, undefined],
      ['GET', '/admin/tokens.json', undefined],
      ['POST', '/admin/tokens.json', { token: { role: 'admin' } }],
      ['DELETE', '/admin/tokens/1.json', undefined],
    ]
    for (const [method, path, body] of attempts) {
      const res = await s.api(method, path, { token: readToken, body })
      expect(res.status, `${method} ${path}`).toBe(403)
      expect(typeof res.json.errors).toBe('string')
    }
    expect(await everything()).toEqual(before)
    expect((await s.api('GET', '/admin/tokens.json')).json.tokens).toHaveLength(1)
  })
})

describe('tokens', () => {
  test('created once with its value, usable at once, listed without it, dead once deleted', async () => {
    const created = await s.api('POST', '/admin/tokens.json', { body: { token: { role: 'admin', name: 'ci' } } })
    expect(created.status).toBe(200)
    const token = created.json.token
    expect(token).toEqual({ id: expect.any(Number), role: 'admin', name: 'ci', value: expect.stringMatching(/^hl_admin_/), created_on: expect.any(String), last_used_on: null })

    const used = await s.api('POST', '/admin/webhooks.json', { token: token.value, via: 'bearer', body: { webhook: { address: 'http://localhost:9/ci', topic: 'orders/paid' } } })
    expect(used.status).toBe(200)

    const listed = await s.api('GET', '/admin/tokens.json')
    expect(listed.json.tokens.map((t: { name: string }) => t.name)).toEqual(['dashboard', 'ci'])
    expect(listed.text).not.toContain(token.value)
    for (const t of listed.json.tokens) expect(t).not.toHaveProperty('value')
    expect(listed.json.tokens[1].last_used_on).toEqual(expect.any(String))

    const deleted = await s.api('DELETE', `/admin/tokens/${token.id}.json`)
    expect([deleted.status, deleted.json]).toEqual([200, {}])
    expect(await s.api('GET', '/admin/webhooks.json', { token: token.value })).toMatchObject({ status: 401, json: UNAUTHORIZED })
    expect((await s.api('DELETE', `/admin/tokens/${token.id}.json`)).status).toBe(404)
    await s.api('DELETE', `/admin/webhooks/${used.json.webhook.id}.json`)
  })

  test('a bad token body names every problem', async () => {
    const res = await s.api('POST', '/admin/tokens.json', { body: { token: { role: 'owner', scope: 'all', name: 7 } } })
    expect(res.status).toBe(422)
    expect(res.json.errors).toEqual({ role: ['is invalid'], scope: ['is not a known attribute'], name: ['is invalid'] })
    expect((await s.api('POST', '/admin/tokens.json', { body: { token: {} } })).json.errors).toEqual({ role: ["can't be blank"] })
    expect((await s.api('POST', '/admin/tokens.json', { body: { role: 'read' } })).json.errors).toEqual({ token: ['is required'] })
    expect((await s.api('GET', '/admin/tokens.json')).json.tokens).toHaveLength(1)
  })
})
