import { Agent, request } from 'undici'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { startFaultServer, type FaultServer } from '../../support/fault-server'

// Each fault proved with undici's own request, as the engine's sender will see it.
let fault: FaultServer
beforeAll(async () => (fault = await startFaultServer()))
afterAll(() => fault.close())

/** The error code undici rejects with, walking `cause` (undici wraps socket errors). */
async function failure(p: Promise<unknown>): Promise<string> {
  try {
    await p
  } catch (err) {
    let e = err as { code?: string; cause?: unknown } | undefined
    while (e && !e.code && e.cause) e = e.cause as typeof e
    return e?.code ?? String(err)
  }
  throw new Error('expected a failure')
}

test('refusedUrl: the connection is refused', async () => {
  const url = await fault.refusedUrl()
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
  expect(await failure(request(url, { method: 'POST', body: '{}' }))).toBe('ECONNREFUSED')
})

test('/hang: accepts and never answers', async () => {
  const started = Date.now()
  expect(await failure(request(`${fault.url}/hang`, { method: 'POST', body: '{}', headersTimeout: 300 }))).toBe('UND_ERR_HEADERS_TIMEOUT')
  expect(Date.now() - started).toBeGreaterThanOrEqual(250)
  expect(fault.hits.get('/hang')).toBeGreaterThanOrEqual(1)
})

test('/reset-mid-body: the head arrives, then the connection is reset before the body ends', async () => {
  const res = await request(`${fault.url}/reset-mid-body`, { method: 'POST', body: '{}' })
  expect(res.statusCode).toBe(200)
  expect(res.headers['content-length']).toBe(String(1024 * 1024))
  expect(['ECONNRESET', 'UND_ERR_SOCKET']).toContain(await failure(res.body.arrayBuffer()))
})

test.each([500, 503, 410, 404, 201])('/status/%i answers that status', async (code) => {
  const res = await request(`${fault.url}/status/${code}`, { method: 'POST', body: '{}' })
  expect(res.statusCode).toBe(code)
  expect(await res.body.json()).toEqual({ status: code })
})

test('/status/429?retry_after=2 carries Retry-After', async () => {
  const res = await request(`${fault.url}/status/429?retry_after=2`)
  expect(res.statusCode).toBe(429)
  expect(res.headers['retry-after']).toBe('2')
  await res.body.dump()
})

test('/status/302 has a Location and is not followed', async () => {
  const res = await request(`${fault.url}/status/302`)
  expect(res.statusCode).toBe(302)
  expect(res.headers.location).toBe('/status/200')
  await res.body.dump()
})

test('/status/200?delay_ms holds the reply', async () => {
  const started = Date.now()
  const res = await request(`${fault.url}/status/200?delay_ms=300`)
  expect(res.statusCode).toBe(200)
  expect(Date.now() - started).toBeGreaterThanOrEqual(250)
  await res.body.dump()
})

test('/huge streams 50 MiB', async () => {
  const res = await request(`${fault.url}/huge`)
  expect(res.headers['content-length']).toBe(String(50 * 1024 * 1024))
  let bytes = 0
  for await (const chunk of res.body) bytes += (chunk as Buffer).length
  expect(bytes).toBe(50 * 1024 * 1024)
})

test('/dribble sends one byte every 200 ms by default', async () => {
  const started = Date.now()
  const res = await request(`${fault.url}/dribble`)
  expect(res.statusCode).toBe(200)
  const arrivals: number[] = []
  for await (const chunk of res.body) {
    for (let i = 0; i < (chunk as Buffer).length; i++) arrivals.push(Date.now() - started)
    if (arrivals.length >= 3) break
  }
  // Three bytes at 200 ms intervals: the third cannot come before ~600 ms.
  expect(arrivals[2]).toBeGreaterThanOrEqual(550)
  expect(arrivals[2]).toBeLessThan(2_000)
})

test('/dribble?interval_ms&bytes: the whole reply, byte by byte', async () => {
  const started = Date.now()
  const res = await request(`${fault.url}/dribble?interval_ms=20&bytes=10`)
  expect(await res.body.text()).toBe('.'.repeat(10))
  expect(Date.now() - started).toBeGreaterThanOrEqual(180)
})

test('/redirect-loop: 302 to itself, again and again', async () => {
  let url = `${fault.url}/redirect-loop`
  for (let i = 0; i < 3; i++) {
    const res = await request(url)
    expect(res.statusCode).toBe(302)
    expect(res.headers.location).toBe(`${fault.url}/redirect-loop`)
    await res.body.dump()
    url = res.headers.location as string
  }
})

test('/tls: a self-signed certificate is refused by default', async () => {
  expect(fault.tlsUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
  expect(await failure(request(`${fault.tlsUrl}/tls`))).toBe('DEPTH_ZERO_SELF_SIGNED_CERT')
})

test('/tls: accepted when verification is off, or when the certificate is trusted', async () => {
  const insecure = new Agent({ connect: { rejectUnauthorized: false } })
  const trusting = new Agent({ connect: { ca: fault.certificate } })
  try {
    for (const dispatcher of [insecure, trusting]) {
      const res = await request(`${fault.tlsUrl}/tls`, { dispatcher })
      expect(res.statusCode).toBe(200)
      expect(await res.body.text()).toBe('ok')
    }
    // The same faults are served over TLS.
    const res = await request(`${fault.tlsUrl}/status/503?retry_after=7`, { dispatcher: insecure })
    expect([res.statusCode, res.headers['retry-after']]).toEqual([503, '7'])
    await res.body.dump()
  } finally {
    await Promise.all([insecure.close(), trusting.close()])
  }
})

test('close() ends hung requests, and the server stops itself after its lifetime', async () => {
  const short = await startFaultServer({ lifetimeMs: 300 })
  const hung = failure(request(`${short.url}/hang`))
  expect(['UND_ERR_SOCKET', 'ECONNRESET']).toContain(await hung)
  expect(await failure(request(`${short.url}/ok`))).toBe('ECONNREFUSED')
})
