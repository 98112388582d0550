import { afterEach, beforeEach, expect, test } from 'vitest'
import WebSocket from 'ws'
import { rawRequest } from '../../support/http'
import { testServer } from '../../support/serve'

let s: Awaited<ReturnType<typeof testServer>>
beforeEach(async () => (s = await testServer()))
afterEach(() => s.close())

async function sessionCookie(token: string): Promise<string> {
  const res = await rawRequest(`${s.server.url}/?token=${token}`)
  return String(res.headers['set-cookie']).split(';')[0]
}
const rpc = (name: string, headers: Record<string, string>) =>
  rawRequest(`${s.server.url}/rpc/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: '{}' })

test("another local app's undecodable cookie neither crashes the server nor locks the UI out", async () => {
  const cookie = `${await sessionCookie(s.token)}; pct=100%; x=%zz`
  expect((await rpc('webhooks.list', { Cookie: cookie })).status).toBe(200)
  const socket = new WebSocket(s.server.url.replace('http', 'ws') + '/events', { headers: { Cookie: cookie, Origin: s.server.url } })
  await new Promise((resolve, reject) => {
    socket.on('open', resolve)
    socket.on('error', reject)
  })
  socket.close()
  expect((await rawRequest(`${s.server.url}/`)).status).toBe(200)
})

test('malformed percent-encoding in a path is a 400, not a crash', async () => {
  expect((await rawRequest(`${s.server.url}/%`)).status).toBe(400)
  expect((await rpc('%zz', { 'X-Hooklab-Access-Token': s.token })).status).toBe(400)
  expect((await rawRequest(`${s.server.url}/`)).status).toBe(200)
})

test('revoking the admin token that opened a UI session ends that session', async () => {
  const made = await s.t.core.tokens.create('admin')
  const cookie = await sessionCookie(made.value)
  expect((await rpc('webhooks.list', { Cookie: cookie })).status).toBe(200)
  s.t.core.tokens.delete(made.id)
  expect((await rpc('webhooks.list', { Cookie: cookie })).status).toBe(401)
  expect((await rpc('tokens.create', { Cookie: cookie })).status).toBe(401)
})
