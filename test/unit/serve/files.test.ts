import { createServer, request as httpRequest, type IncomingMessage } from 'node:http'
import { connect, type AddressInfo } from 'node:net'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { IMPORT_MAX_BYTES } from '../../../electron/core/contract'
import { sendExport } from '../../../electron/serve/files'
import { adminServer, type AdminServer } from '../../support/admin-server'
import { storeSnapshot } from '../../support/log-files'

/**
 * `/files/export` and `/files/import` under `serve` (issue 9 item 5), over real HTTP: the same
 * gate as /rpc (Host, Origin, token or session cookie), streamed both ways, an import needs admin.
 */
let source: AdminServer
let target: AdminServer
let hookId: number
let ndjson: string
beforeAll(async () => {
  source = await adminServer()
  target = await adminServer()
  hookId = (await source.call<{ id: number }>('webhooks.create', { address: 'http://127.0.0.1:9/a', topics: ['orders/create'], name: 'Đơn hàng' })).id
  await source.call('webhooks.create', { address: 'http://127.0.0.1:9/b', topics: ['orders/create'], format: 'xml' })
  for (let seed = 1; seed <= 40; seed++) await source.call('events.fire', { topic: 'orders/create', seed })
})
afterAll(async () => {
  await source.close()
  await target.close()
})

async function session(s: AdminServer): Promise<string> {
  const res = await fetch(`${s.url}/?token=${s.adminToken}`, { redirect: 'manual' })
  return res.headers.get('set-cookie')!.split(';')[0]
}

const exportPath = (filter: object, format = 'ndjson', extra = '') => `/files/export?format=${format}&filter=${encodeURIComponent(JSON.stringify(filter))}${extra}`

test('export streams a download with the session cookie or a token; the filter applies', async () => {
  const cookie = await session(source)
  const res = await fetch(source.url + exportPath({ webhook_id: hookId }), { headers: { Cookie: cookie } })
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8')
  expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="hooklab-log-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.ndjson"$/)
  expect(res.headers.get('access-control-allow-origin')).toBeNull()
  ndjson = await res.text()
  const lines = ndjson.trimEnd().split('\n').map((l) => JSON.parse(l))
  expect(lines[0]).toMatchObject({ hooklab_export: 1, filter: { webhook_id: hookId }, secrets: false })
  expect(lines.filter((l) => l.type === 'delivery')).toHaveLength(40)
  expect(lines.filter((l) => l.type === 'webhook').map((l) => l.name)).toEqual(['Đơn hàng'])

  const har = await source.api('GET', exportPath({}, 'har'))
  expect(har.status).toBe(200)
  expect(har.headers.get('content-disposition')).toMatch(/\.har"$/)
  // Pending deliveries have no attempt yet, so no entry: still a complete HAR document.
  expect(har.json.log).toMatchObject({ version: '1.2', creator: { name: 'Hooklab' }, entries: [] })
  expect((await source.api('HEAD', exportPath({}))).status).toBe(200)
})

test('export refusals: no token, foreign Origin or Host, a bad filter, an unknown parameter, secrets for a read token', async () => {
  expect((await source.api('GET', exportPath({}), { token: null })).status).toBe(401)
  const cookie = await session(source)
  expect((await fetch(source.url + exportPath({}), { headers: { Cookie: cookie, Origin: 'http://evil.example' } })).status).toBe(403)
  expect((await source.raw('GET', exportPath({}), { Host: `evil.example:${source.port}`, 'X-Hooklab-Access-Token': source.adminToken })).status).toBe(403)
  let res = await source.api('GET', '/files/export?filter=%7Bnope')
  expect(res.status).toBe(422)
  expect(res.json).toEqual({ ok: false, error: { code: 'invalid_input', message: 'filter must be a JSON object (a log filter)', fields: { filter: ['invalid'] } } })
  res = await source.api('GET', exportPath({ status: 'exploded' }))
  expect(res.json.error.fields).toEqual({ 'filter.status': ['invalid'] })
  expect((await source.api('GET', exportPath({}, 'csv'))).status).toBe(422)
  expect(Object.entries((await source.api('GET', exportPath({}) + '&__proto__=1')).json.error.fields)).toEqual([['__proto__', ['unknown_attribute']]])
  const read = (await source.call<{ value: string }>('tokens.create', { role: 'read', name: 'r' })).value
  expect((await source.api('GET', exportPath({}), { token: read })).status).toBe(200)
  res = await source.api('GET', exportPath({}, 'ndjson', '&secrets=true'), { token: read })
  expect(res.status).toBe(403)
  expect((await source.api('POST', exportPath({}))).status).toBe(405)
  expect((await source.api('GET', '/files/elsewhere')).status).toBe(404)
})

test('import streams an upload from the page (session cookie, own Origin) into another data directory', async () => {
  const cookie = await session(target)
  const bytes = new TextEncoder().encode(ndjson)
  // A streamed (chunked) body, as a browser sends a File.
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < bytes.length; i += 4096) controller.enqueue(bytes.slice(i, i + 4096))
      controller.close()
    },
  })
  const res = await fetch(`${target.url}/files/import`, { method: 'POST', headers: { Cookie: cookie, Origin: target.url, 'Content-Type': 'application/x-ndjson' }, body, duplex: 'half' } as RequestInit)
  expect(res.status).toBe(200)
  expect(await res.json()).toEqual({ ok: true, value: { webhooks: 1, events: 40, deliveries: 40, attempts: 0 } })
  const count = await target.api('POST', '/rpc/deliveries.count', { body: {} })
  expect(count.json.value.count).toBe(40)
})

test('import refusals over HTTP store nothing: read token, bad line (answered while the upload is larger), over 256 MiB declared', async () => {
  const before = storeSnapshot(target.dataDir)
  const read = (await target.call<{ value: string }>('tokens.create', { role: 'read', name: 'r' })).value
  let res = await target.api('POST', '/files/import', { body: ndjson, token: read, contentType: 'application/x-ndjson' })
  expect(res.status).toBe(403)
  expect(res.json.error.code).toBe('forbidden')

  // Line 2 is bad; 4 MiB follow it. The answer still arrives (the rest is read and dropped).
  const bad = ndjson.split('\n')[0] + '\n{"type":"webhook"\n' + 'x'.repeat(4 * 1024 * 1024)
  res = await target.api('POST', '/files/import', { body: bad, contentType: 'application/x-ndjson' })
  expect(res.status).toBe(422)
  expect(res.json.error).toMatchObject({ code: 'invalid_input', fields: { 'line 2': ['invalid'] } })
  expect(res.json.error.message).toMatch(/^Line 2: is not valid JSON/)

  res = await target.api('POST', '/files/import', { body: '{"hooklab_export": 7}\n', contentType: 'application/x-ndjson' })
  expect(res.json.error.message).toBe('Line 1: names export version 7; this Hooklab reads version 1')

  // The real limit: a declared 256 MiB + 1 is refused before a byte of the body is read.
  const answer = await rawUpload(target.port, IMPORT_MAX_BYTES + 1, target.adminToken)
  expect(answer).toMatch(/^HTTP\/1\.1 413 /)
  expect(answer).toContain('"fields":{"file":["too_long"]}')
  expect(answer).toMatch(/connection: close/i)
  expect(storeSnapshot(target.dataDir)).toEqual(before)
})

test('the desktop-only procedures refuse under the web transport, with a message saying what to use', async () => {
  const res = await target.api('POST', '/rpc/log.exportToFile', { body: { filter: {}, format: 'ndjson', path: '/tmp/x.ndjson' } })
  expect(res.status).toBe(403)
  expect(res.json.error.message).toContain('GET /files/export')
  expect((await target.api('POST', '/rpc/log.importFromFile', { body: { path: '/etc/passwd' } })).status).toBe(403)
})

test('the Admin API: deliveries/export.ndjson and .har with the list filters, imports.ndjson for admins', async () => {
  const res = await source.api('GET', `/admin/deliveries/export.ndjson?webhook_id=${hookId}&status=pending`)
  expect(res.status).toBe(200)
  expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=".*\.ndjson"$/)
  const lines = res.text.trimEnd().split('\n').map((l) => JSON.parse(l))
  expect(lines[0].filter).toEqual({ webhook_id: hookId, status: 'pending' })
  expect(lines.filter((l) => l.type === 'delivery')).toHaveLength(40)
  expect((await source.api('GET', '/admin/deliveries/export.har')).json.log.version).toBe('1.2')
  expect((await source.api('GET', '/admin/deliveries/export.ndjson?colour=red')).json).toEqual({ errors: { colour: ['is not a parameter of deliveries/export.ndjson'] } })
  expect((await source.api('GET', '/admin/deliveries/export.ndjson?secrets=yes')).status).toBe(400)
  expect((await source.api('GET', '/admin/deliveries/export.ndjson', { token: null })).status).toBe(401)

  const fresh = await adminServer()
  try {
    const read = (await fresh.call<{ value: string }>('tokens.create', { role: 'read', name: 'r' })).value
    expect((await fresh.api('POST', '/admin/imports.ndjson', { body: res.text, token: read, contentType: null })).status).toBe(403)
    const bad = await fresh.api('POST', '/admin/imports.ndjson', { body: res.text.replace('"type":"delivery"', '"type":"parcel"'), contentType: null })
    expect(bad.status).toBe(422)
    expect(bad.json.errors).toMatch(/^Line \d+: has type "parcel"/)
    const done = await fresh.api('POST', '/admin/imports.ndjson', { body: res.text, contentType: 'application/x-ndjson' })
    expect(done.status).toBe(200)
    expect(done.json).toEqual({ import: { webhooks: 1, events: 40, deliveries: 40, attempts: 0 } })
    const imported = await fresh.api('GET', '/admin/deliveries.json?limit=1')
    expect(imported.json.deliveries[0]).toMatchObject({ imported: true, status: 'cancelled' })
  } finally {
    await fresh.close()
  }
})

test('a refused import leaves no connection hanging: the unread rest of the upload is drained, so the server stops at once', async () => {
  const s = await adminServer()
  const bad = '{"hooklab_export":1,"created_on":"2026-01-02T03:04:05Z","secrets":false}\n{"type":"parcel"}\n' + 'x'.repeat(2 * 1024 * 1024)
  expect((await s.api('POST', '/files/import', { body: bad, contentType: null })).status).toBe(422)
  expect((await s.api('POST', '/admin/imports.ndjson', { body: bad, contentType: null })).status).toBe(422)
  const started = Date.now()
  await s.close()
  // A connection still holding an unread body would keep close() waiting for its 5 s drain cap.
  expect(Date.now() - started).toBeLessThan(2500)
})

/** A request head declaring `length` bytes, then a few bytes; answers the raw response. */
function rawUpload(port: number, length: number, token: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port })
    let answer = ''
    socket.on('data', (d) => (answer += d.toString('utf8')))
    socket.on('close', () => resolve(answer))
    socket.on('error', (err) => (answer ? resolve(answer) : reject(err)))
    socket.write(`POST /files/import HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Hooklab-Access-Token: ${token}\r\nContent-Type: application/x-ndjson\r\nContent-Length: ${length}\r\n\r\n{"hooklab_export":1`)
  })
}

test('back-pressure: an export is read only as fast as the client takes it, and stops when the client goes away', async () => {
  let pulled = 0
  let finished = false
  // An endless export of 64 KiB chunks: without back-pressure it would be read without bound.
  async function* endless() {
    try {
      for (;;) {
        pulled++
        yield 'x'.repeat(64 * 1024) + '\n'
      }
    } finally {
      finished = true
    }
  }
  const server = createServer((req, res) => void sendExport(req, res, { filename: 'f.ndjson', contentType: 'application/x-ndjson', chunks: endless(), progress: { deliveries: 0 } }))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  try {
    const { port } = server.address() as AddressInfo
    const req = httpRequest({ host: '127.0.0.1', port, path: '/' })
    const res = await new Promise<IncomingMessage>((resolve) => req.on('response', resolve).end())
    expect(res.headers['content-disposition']).toBe('attachment; filename="f.ndjson"')
    res.pause()
    await new Promise((resolve) => setTimeout(resolve, 300))
    const whilePaused = pulled
    await new Promise((resolve) => setTimeout(resolve, 300))
    // Socket buffers filled, then reading stopped: at most a few tens of MiB, and no more while paused.
    expect(pulled).toBe(whilePaused)
    expect(pulled).toBeLessThan(1000)
    let received = 0
    res.on('data', (chunk: Buffer) => (received += chunk.length))
    res.resume()
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(pulled).toBeGreaterThan(whilePaused)
    res.destroy()
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(finished).toBe(true)
    expect(received).toBeGreaterThan(0)
  } finally {
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
})
