import { readdirSync, readFileSync, statSync, mkdirSync, chmodSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { adminServer, type AdminServer } from '../../support/admin-server'
import { rawRequest } from '../../support/http'
import { spawnServe } from '../../support/spawn-serve'
import { tempDir } from '../../support/temp-dir'

// Issue 6 §1.4 (a read token saw credentials) and §1.5 (credentials in clear at rest, 0644 files).
const M = { pass: 'MKPASSq7x1', query: 'MKQUERYz9k2', cred: 'MKCREDr4t3', bearer: 'MKBEARERw8v4', apikey: 'MKAPIKEYn5m5', token: 'MKTOKENh2j6', secret: 'MKSECRETb3c7aaaaaaaaaaaaaaaaaaaa' }
const MARKERS = Object.values(M)
const ADDRESS = `http://bob:${M.pass}@127.0.0.1:9/hooks?api_key=${M.query}&plain=keep`
const HOOK = {
  address: ADDRESS,
  topic: 'orders/create',
  secret: M.secret,
  headers: { 'X-Customer-Cred': M.cred, Authorization: `Bearer ${M.bearer}`, 'X-Api-Key': M.apikey },
  auth: { type: 'bearer', token: M.token },
}

/** Every marker found in the text (an answer's body, or a file read as UTF-8 and UTF-16). */
function markersIn(text: string): string[] {
  return MARKERS.filter((m) => text.includes(m))
}

describe('a read token never sees credentials (Admin API and /rpc)', () => {
  let s: AdminServer
  let readToken: string
  let id: number
  beforeAll(async () => {
    s = await adminServer()
    const created = await s.api('POST', '/admin/webhooks.json', { body: { webhook: HOOK } })
    expect(created.status).toBe(200)
    id = created.json.webhook.id
    const token = await s.api('POST', '/admin/tokens.json', { body: { token: { role: 'read' } } })
    expect(token.status).toBe(200)
    readToken = token.json.token.value ?? token.json.token.token
    expect(typeof readToken).toBe('string')
  })
  afterAll(() => s.close())

  const asReader = (method: string, path: string, body?: unknown) => s.api(method, path, { token: readToken, body })

  test.each(['/admin/webhooks.json', '/admin/webhooks/{id}.json', '/admin/webhooks.json?fields=address,headers,auth', '/admin/webhooks/{id}.json?fields=headers'])(
    'GET %s shows header names with redacted values and the address without its credentials',
    async (template) => {
      const res = await asReader('GET', template.replace('{id}', String(id)))
      expect(res.status).toBe(200)
      expect(markersIn(res.text)).toEqual([])
      const webhook = res.json.webhook ?? res.json.webhooks[0]
      expect(webhook.headers).toEqual({ 'X-Customer-Cred': '[redacted]', Authorization: '[redacted]', 'X-Api-Key': '[redacted]' })
      if (webhook.address !== undefined) {
        expect(webhook.address).toContain('bob:[redacted]@127.0.0.1:9/hooks')
        expect(webhook.address).toContain('plain=keep')
      }
    },
  )

  test('include_secret from a read token is 403 on the Admin API, never a redacted 200', async () => {
    for (const path of [`/admin/webhooks/${id}.json?include_secret=true`, '/admin/webhooks.json?include_secret=true']) {
      const res = await asReader('GET', path)
      expect(res.status, path).toBe(403)
      expect(markersIn(res.text)).toEqual([])
    }
  })

  test('/rpc webhooks.get and webhooks.list show the same redactions', async () => {
    for (const [name, body] of [['webhooks.get', { id }], ['webhooks.list', {}], ['webhooks.page', { dir: 'lt', id: Number.MAX_SAFE_INTEGER, limit: 10 }]] as const) {
      const res = await asReader('POST', `/rpc/${name}`, body)
      expect(res.status, name).toBe(200)
      expect(markersIn(res.text), name).toEqual([])
    }
    const got = (await asReader('POST', '/rpc/webhooks.get', { id })).json.value
    expect(got.headers).toEqual({ 'X-Customer-Cred': '[redacted]', Authorization: '[redacted]', 'X-Api-Key': '[redacted]' })
    expect(got.address).toContain('bob:[redacted]@')
  })

  test('/rpc webhooks.get with include_secret:true from a read token answers 403', async () => {
    const res = await asReader('POST', '/rpc/webhooks.get', { id, include_secret: true })
    expect(res.status).toBe(403)
    expect(res.json).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(markersIn(res.text)).toEqual([])
  })

  test('the admin still sees everything it asks for', async () => {
    const res = await s.api('GET', `/admin/webhooks/${id}.json?include_secret=true`)
    expect(res.status).toBe(200)
    expect(res.json.webhook.address).toBe(ADDRESS)
    expect(res.json.webhook.headers['X-Customer-Cred']).toBe(M.cred)
    expect(res.json.webhook.secret).toBe(M.secret)
  })
})

describe('nothing in clear at rest, every file private (a real `hooklab serve`)', () => {
  const dir = tempDir()
  const dataDir = join(dir.path, 'data')
  afterAll(() => dir.cleanup())

  function onDisk(): string[] {
    const found: string[] = []
    for (const name of readdirSync(dataDir)) {
      const bytes = readFileSync(join(dataDir, name))
      for (const m of MARKERS) {
        if (bytes.includes(Buffer.from(m, 'utf8')) || bytes.includes(Buffer.from(m, 'utf16le'))) found.push(`${m} in ${name}`)
      }
    }
    return found
  }
  const modes = () => Object.fromEntries(readdirSync(dataDir).map((name) => [name, (statSync(join(dataDir, name)).mode & 0o777).toString(8)]))

  test('markers planted through the Admin API and /rpc are found in no file; files 0600 and the directory 0700 although it existed as 0755', async () => {
    mkdirSync(dataDir, { mode: 0o755 })
    chmodSync(dataDir, 0o755)
    const s = await spawnServe(['--port', '0', '--data-dir', dataDir])
    const auth = { 'Content-Type': 'application/json', 'X-Hooklab-Access-Token': s.token }
    const post = (path: string, body: unknown) => rawRequest(`${s.url}${path}`, { method: 'POST', headers: auth, body: JSON.stringify(body) })
    expect((await post('/admin/webhooks.json', { webhook: HOOK })).status).toBe(200)
    const viaRpc = await post('/rpc/webhooks.create', { ...HOOK, topic: undefined, topics: ['orders/create'], address: ADDRESS.replace('/hooks', '/rpc') })
    expect(viaRpc.status).toBe(200)
    const id = JSON.parse(viaRpc.body).value.id
    const put = await rawRequest(`${s.url}/admin/webhooks/${id}.json`, { method: 'PUT', headers: auth, body: JSON.stringify({ webhook: { headers: { ...HOOK.headers, 'X-More': 'x' } } }) })
    expect(put.status).toBe(200)
    // While running: the WAL holds the newest pages.
    expect(onDisk()).toEqual([])
    expect(statSync(dataDir).mode & 0o777).toBe(0o700)
    for (const [name, mode] of Object.entries(modes())) expect(`${name} ${mode}`).toBe(`${name} 600`)
    expect(await s.stop()).toBe(0)
    // After stopping: checkpointed into the database file.
    expect(onDisk()).toEqual([])
    for (const [name, mode] of Object.entries(modes())) expect(`${name} ${mode}`).toBe(`${name} 600`)
  }, 30_000)
})
