import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, expect, test } from 'vitest'
import WebSocket from 'ws'
import { ensureAdminToken } from '../../../electron/core/data-dir/admin-token'
import { startServer, type RunningServer } from '../../../electron/serve/server'
import { testCore } from '../../support/core'
import { rawRequest } from '../../support/http'
import { splitRequest } from '../../support/split-request'

// Issue 6 §1.9, in process: RunningServer.close() drains, caps, refuses newcomers and says goodbye on /events.
const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn()
})

async function start(drainCapMs?: number): Promise<{ server: RunningServer; token: string }> {
  const t = testCore()
  cleanups.push(() => t.close())
  const rendererDir = join(t.dataDir, 'renderer')
  mkdirSync(rendererDir)
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>')
  const token = ensureAdminToken(t.dataDir)
  const server = await startServer({ core: t.core, port: 0, rendererDir, drainCapMs })
  return { server, token }
}

const post = (server: RunningServer, token: string, i: number) =>
  splitRequest(server.port, {
    method: 'POST',
    path: '/admin/webhooks.json',
    headers: { 'Content-Type': 'application/json', 'X-Hooklab-Access-Token': token },
    body: JSON.stringify({ webhook: { address: `http://127.0.0.1:9/drain-${i}`, topic: 'orders/create' } }),
  })
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

test('close() waits for requests in flight, answers them with Connection: close, and refuses newcomers', async () => {
  const { server, token } = await start()
  const requests = Array.from({ length: 10 }, (_, i) => post(server, token, i))
  await Promise.all(requests.map((r) => r.started))
  await sleep(100)
  let closed = false
  const closing = server.close().then(() => (closed = true))
  await sleep(100)
  expect(closed).toBe(false)
  await expect(rawRequest(`${server.url}/`)).rejects.toThrow(/ECONNREFUSED/)
  for (const r of requests) r.finish()
  const answers = await Promise.all(requests.map((r) => r.answer))
  for (const a of answers) {
    expect(a).toMatchObject({ status: 200, complete: true, error: null })
    expect(a.headers.connection).toBe('close')
  }
  await closing
})

test('a request that never finishes is cut at the cap, and close() still resolves', async () => {
  const { server, token } = await start(300)
  const stuck = post(server, token, 0)
  await stuck.started
  await sleep(50)
  const started = Date.now()
  await server.close()
  expect(Date.now() - started).toBeGreaterThanOrEqual(250)
  expect(Date.now() - started).toBeLessThan(3000)
  expect((await stuck.answer).complete).toBe(false)
})

test('idle keep-alive connections do not hold close() up; /events clients get a 1001 close frame', async () => {
  const { server, token } = await start()
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}/events`, { headers: { 'X-Hooklab-Access-Token': token } })
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))
  const code = new Promise<number>((resolve) => ws.once('close', (c) => resolve(c)))
  // fetch keeps its connection alive after the answer: an idle keep-alive socket.
  const res = await fetch(`${server.url}/admin/webhooks/count.json`, { headers: { 'X-Hooklab-Access-Token': token } })
  await res.text()
  const started = Date.now()
  await server.close()
  // Below the 5 s drain cap: the idle socket was closed, not waited for.
  expect(Date.now() - started).toBeLessThan(4000)
  expect(await code).toBe(1001)
})
