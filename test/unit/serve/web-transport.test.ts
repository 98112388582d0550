import { connect } from 'node:net'
import { networkInterfaces } from 'node:os'
import { afterEach, beforeEach, expect, test } from 'vitest'
import WebSocket from 'ws'
import { rawRequest } from '../../support/http'
import { testServer } from '../../support/serve'

let s: Awaited<ReturnType<typeof testServer>>
beforeEach(async () => (s = await testServer()))
afterEach(() => s.close())

const rpc = (name: string, body: unknown, headers: Record<string, string> = {}) =>
  rawRequest(`${s.server.url}/rpc/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) })
const hook = { address: 'http://localhost:3000/h', topics: ['orders/create'] }

async function sessionCookie(): Promise<string> {
  const res = await rawRequest(`${s.server.url}/?token=${s.token}`)
  expect(res.status).toBe(302)
  expect(res.headers.location).toBe('/')
  const cookie = String(res.headers['set-cookie'])
  expect(cookie).toMatch(/HttpOnly/)
  expect(cookie).toMatch(/SameSite=Strict/)
  return cookie.split(';')[0]
}

/** Whether a TCP connection to host:port is accepted. */
function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

test('listens on 127.0.0.1 only: the bound port answers there and on no other address', async () => {
  expect(s.server.url).toBe(`http://127.0.0.1:${s.server.port}`)
  expect(await reachable('127.0.0.1', s.server.port)).toBe(true)
  // Bound to 0.0.0.0 it would answer on every address; 127.0.0.2 is loopback too, but not ours.
  const others = ['127.0.0.2', ...Object.values(networkInterfaces()).flatMap((list) => (list ?? []).filter((i) => i.family === 'IPv4' && !i.internal).map((i) => i.address))]
  for (const host of others) expect(await reachable(host, s.server.port), host).toBe(false)
})

test('the contract answers with the token header or the session cookie, and nothing else', async () => {
  expect((await rpc('webhooks.list', {})).status).toBe(401)
  expect((await rpc('webhooks.list', {}, { 'X-Hooklab-Access-Token': 'wrong' })).status).toBe(401)
  const withToken = await rpc('webhooks.create', hook, { 'X-Hooklab-Access-Token': s.token })
  expect(withToken.status).toBe(200)
  expect(JSON.parse(withToken.body)).toMatchObject({ ok: true, value: { id: 1, status: 'enabled' } })
  const cookie = await sessionCookie()
  const viaCookie = await rpc('webhooks.list', {}, { Cookie: cookie })
  expect(JSON.parse(viaCookie.body)).toMatchObject({ ok: true, value: { total: 1 } })
  expect((await rpc('webhooks.list', {}, { Cookie: cookie.replace(/=.*/, '=forged') })).status).toBe(401)
})

test('a read-only token link opens no session; a bad token link is refused', async () => {
  const read = await s.t.core.tokens.create('read')
  expect((await rawRequest(`${s.server.url}/?token=${read.value}`)).status).toBe(401)
  expect((await rawRequest(`${s.server.url}/?token=nope`)).status).toBe(401)
})

test('a foreign Host is refused everywhere (DNS rebinding), localhost:PORT is accepted', async () => {
  const port = s.server.port
  for (const path of ['/', '/rpc/webhooks.list', '/admin/webhooks.json']) {
    const res = await rawRequest(`${s.server.url}${path}`, { headers: { Host: `evil.example:${port}`, 'X-Hooklab-Access-Token': s.token } })
    expect(res.status).toBe(403)
  }
  expect((await rawRequest(`${s.server.url}/`, { headers: { Host: `127.0.0.1:${port + 1}` } })).status).toBe(403)
  expect((await rawRequest(`${s.server.url}/`, { headers: { Host: `localhost:${port}` } })).status).toBe(200)
})

test('a foreign Origin cannot call the contract even with the cookie; no CORS headers ever', async () => {
  const cookie = await sessionCookie()
  const res = await rpc('webhooks.create', hook, { Cookie: cookie, Origin: 'http://evil.example' })
  expect(res.status).toBe(403)
  expect((await rpc('webhooks.list', {}, { Cookie: cookie })).body).toContain('"total":0')
  const own = await rpc('webhooks.list', {}, { Cookie: cookie, Origin: s.server.url })
  expect(own.status).toBe(200)
  expect(Object.keys(own.headers).filter((h) => h.startsWith('access-control'))).toEqual([])
})

test('bad requests get specific errors and store nothing', async () => {
  const auth = { 'X-Hooklab-Access-Token': s.token }
  const url = `${s.server.url}/rpc/webhooks.create`
  expect((await rawRequest(url, { method: 'POST', headers: { ...auth, 'Content-Type': 'text/plain' }, body: '{}' })).status).toBe(415)
  expect((await rawRequest(url, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: '{"address":' })).status).toBe(400)
  expect((await rawRequest(url, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: 'x'.repeat(5 * 1024 * 1024 + 1) })).status).toBe(413)
  expect((await rawRequest(url, { method: 'GET', headers: auth })).status).toBe(405)
  const invalid = await rpc('webhooks.create', { ...hook, address: 'javascript:alert(1)' }, auth)
  expect(invalid.status).toBe(422)
  expect(JSON.parse(invalid.body)).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { address: ['not_http'] } } })
  expect((await rpc('nope.nothing', {}, auth)).status).toBe(404)
  expect((await rpc('webhooks.get', { id: 42 }, auth)).status).toBe(404)
  expect(JSON.parse((await rpc('webhooks.list', {}, auth)).body).value.total).toBe(0)
})

test('a read token may read the contract but not write it', async () => {
  const read = await s.t.core.tokens.create('read')
  expect((await rpc('webhooks.list', {}, { 'X-Hooklab-Access-Token': read.value })).status).toBe(200)
  expect((await rpc('webhooks.create', hook, { 'X-Hooklab-Access-Token': read.value })).status).toBe(403)
})

test('pushed events reach a signed-in socket with the origin of the change; others are refused', async () => {
  const cookie = await sessionCookie()
  const wsUrl = s.server.url.replace('http', 'ws') + '/events'
  const refused = new WebSocket(wsUrl)
  await new Promise<void>((resolve) => refused.on('error', () => resolve()))
  const foreign = new WebSocket(wsUrl, { headers: { Cookie: cookie, Origin: 'http://evil.example' } })
  await new Promise<void>((resolve) => foreign.on('error', () => resolve()))

  const socket = new WebSocket(wsUrl, { headers: { Cookie: cookie, Origin: s.server.url } })
  await new Promise((resolve) => socket.on('open', resolve))
  const message = new Promise<unknown>((resolve) => socket.once('message', (data) => resolve(JSON.parse(String(data)))))
  await rpc('webhooks.create', hook, { 'X-Hooklab-Access-Token': s.token, 'X-Hooklab-Client': 'window-b' })
  expect(await message).toEqual({ event: 'webhooks.changed', payload: { action: 'created', ids: [1], origin: 'window-b' } })
  socket.close()
})

test('the static UI is served with a strict CSP, hashed assets cache, unknown paths fall back, traversal does not escape', async () => {
  const index = await rawRequest(`${s.server.url}/`)
  expect(index.status).toBe(200)
  const csp = String(index.headers['content-security-policy'])
  expect(csp).toContain("script-src 'self'")
  expect(csp).not.toContain('unsafe-eval')
  expect(csp).toContain("frame-ancestors 'none'")
  expect(index.headers['cache-control']).toBe('no-store')
  const asset = await rawRequest(`${s.server.url}/assets/app-1234.js`)
  expect(asset.headers['content-type']).toMatch(/javascript/)
  expect(asset.headers['cache-control']).toMatch(/immutable/)
  expect((await rawRequest(`${s.server.url}/settings`)).body).toContain('<title>Hooklab</title>')
  const traversal = await rawRequest(`${s.server.url}/..%2f..%2f..%2fetc%2fpasswd`)
  expect(traversal.body).not.toContain('root:')
})
