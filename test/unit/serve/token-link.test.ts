import { afterAll, beforeAll, expect, test } from 'vitest'
import { rawRequest } from '../../support/http'
import { testServer } from '../../support/serve'

// Issue 6 §1.6 (a token left in the address bar) and §3 (a restarted browser is signed out).
let s: Awaited<ReturnType<typeof testServer>>
beforeAll(async () => (s = await testServer()))
afterAll(() => s.close())

const get = (path: string, headers: Record<string, string> = {}) => rawRequest(`${s.server.url}${path}`, { headers })
const rpcList = (cookie: string) =>
  rawRequest(`${s.server.url}/rpc/webhooks.list`, { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: cookie }, body: '{}' })

test.each([
  ['/?token=T', '/'],
  ['/index.html?token=T', '/index.html'],
  ['/settings?token=T', '/settings'],
  ['/?foo=1&token=T', '/?foo=1'],
  ['/webhooks?foo=1&token=T&bar=two+words', '/webhooks?foo=1&bar=two+words'],
  ['/assets/app-1234.js?token=T', '/assets/app-1234.js'],
  ['/?flag&token=T&q=%20x&token=T', '/?flag&q=%20x'],
  ['/?to%6Ben=T&tokens=1', '/?tokens=1'],
])('%s redirects to %s without the token and opens a persistent session', async (path, location) => {
  const res = await get(path.replace('=T', `=${encodeURIComponent(s.token)}`))
  expect(res.status).toBe(302)
  expect(res.headers.location).toBe(location)
  const cookie = String(res.headers['set-cookie'])
  expect(cookie).toMatch(new RegExp(`^hooklab_session_${s.server.port}=[A-Za-z0-9_-]{43};`))
  // 30 days, so a browser restart keeps the session; still unreadable by scripts and same-site only.
  expect(cookie).toMatch(/; Max-Age=2592000(;|$)/)
  expect(cookie).toMatch(/; HttpOnly(;|$)/)
  expect(cookie).toMatch(/; SameSite=Strict(;|$)/)
  expect(cookie).toMatch(/; Path=\/(;|$)/)
  expect(cookie).not.toMatch(/Expires=.*1970|Max-Age=0/)
  expect((await rpcList(cookie.split(';')[0])).status).toBe(200)
})

test.each(['/index.html?token=nope', '/settings?token=', '/?a=1&token=wrong'])('%s with an unknown token answers 401 and says what to do', async (path) => {
  const res = await get(path)
  expect(res.status).toBe(401)
  expect(res.body).toContain('Use the URL that `hooklab serve` printed')
  expect(res.headers['set-cookie']).toBeUndefined()
  expect(res.headers.location).toBeUndefined()
})

test('a read token in the URL opens no session anywhere', async () => {
  const read = await s.t.core.tokens.create('read')
  for (const path of ['/', '/index.html', '/settings']) {
    const res = await get(`${path}?token=${encodeURIComponent(read.value)}`)
    expect(res.status).toBe(401)
    expect(res.headers['set-cookie']).toBeUndefined()
  }
})

test('the redirect never leaves the site, whatever the path looks like', async () => {
  for (const path of ['//evil.example/x', '/\\evil.example/x', '/%2F%2Fevil.example/x', '///evil.example']) {
    const res = await get(`${path}?token=${encodeURIComponent(s.token)}`)
    expect(res.status, path).toBe(302)
    const location = String(res.headers.location)
    expect(location, path).toMatch(/^\/(?![/\\])/)
    expect(location, path).not.toContain('token=')
  }
})

test('a URL without token is served as before', async () => {
  const res = await get('/settings?foo=1')
  expect(res.status).toBe(200)
  expect(res.headers['set-cookie']).toBeUndefined()
})
