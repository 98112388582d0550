import { Agent, request } from 'undici'
import { afterEach, expect, test } from 'vitest'
import { startReceiver, type Receiver } from '../../support/receiver'

let receiver: Receiver | undefined
afterEach(async () => {
  await receiver?.close()
  receiver = undefined
})

test('records method, url, raw header pairs (duplicates kept), raw body bytes and times', async () => {
  receiver = await startReceiver()
  expect(receiver.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  const body = Buffer.from('{"note":"đơn hàng"}', 'utf8')
  const before = Date.now()
  const res = await request(`${receiver.url}/hooks/a?x=1`, {
    method: 'POST',
    // undici's flat array form sends each pair as given, so a name can repeat.
    headers: ['X-Sig', 'one', 'x-sig', 'two', 'Content-Type', 'application/json'],
    body,
  })
  expect(res.statusCode).toBe(200)
  await res.body.dump()
  const [r] = await receiver.waitFor(1)
  expect([r.index, r.method, r.url]).toEqual([0, 'POST', '/hooks/a?x=1'])
  expect(r.rawHeaders.filter(([k]) => k.toLowerCase() === 'x-sig')).toEqual([['X-Sig', 'one'], ['x-sig', 'two']])
  expect(r.header('content-type')).toBe('application/json')
  expect(r.body.equals(body)).toBe(true)
  expect(r.bodyBytes).toBe(body.length)
  expect(r.text()).toBe('{"note":"đơn hàng"}')
  expect(r.receivedAt).toBeGreaterThanOrEqual(before - 1)
  expect(r.completedAt).toBeGreaterThanOrEqual(r.receivedAt)
})

test('answers from a queue of replies, then from a function of the request', async () => {
  receiver = await startReceiver({
    replies: [{ status: 500, body: 'boom' }, { status: 429, headers: { 'retry-after': '3' } }],
    reply: (req) => ({ status: 201, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ saw: req.url }) }),
  })
  const statuses: Array<[number, unknown, string]> = []
  for (let i = 0; i < 3; i++) {
    const res = await request(`${receiver.url}/n${i}`, { method: 'POST', body: 'x' })
    statuses.push([res.statusCode, res.headers['retry-after'], await res.body.text()])
  }
  expect(statuses).toEqual([
    [500, undefined, 'boom'],
    [429, '3', ''],
    [201, undefined, '{"saw":"/n2"}'],
  ])
})

test('waitFor resolves once n requests arrived, and names the shortfall on timeout', async () => {
  receiver = await startReceiver({ reply: { delayMs: 200 } })
  const waiting = receiver.waitFor(2, 2_000)
  const sends = [0, 1].map(() => request(receiver!.url, { method: 'POST', body: 'x' }).then((r) => r.body.dump()))
  // Resolved on arrival, before the delayed replies are sent.
  expect(await waiting).toHaveLength(2)
  expect(receiver.inFlight).toBe(2)
  await Promise.all(sends)
  await expect(receiver.waitFor(3, 100)).rejects.toThrow('2 of 3 requests arrived within 100 ms')
})

test('measures the most requests in flight at once, and keep-alive reuses connections', async () => {
  receiver = await startReceiver({ reply: { delayMs: 150 } })
  const agent = new Agent({ connections: 4 })
  try {
    const send = (): Promise<void> => request(receiver!.url, { method: 'POST', body: 'x', dispatcher: agent }).then((r) => r.body.dump())
    await Promise.all(Array.from({ length: 8 }, send))
    expect(receiver.maxInFlight).toBe(4)
    expect(receiver.connections).toBe(4)
    expect(new Set(receiver.requests.map((r) => r.connection)).size).toBe(4)
    await send()
    expect(receiver.connections).toBe(4)
    expect(receiver.inFlight).toBe(0)
  } finally {
    await agent.close()
  }
})

test('arrival times show the order and pacing of sequential sends', async () => {
  receiver = await startReceiver()
  for (let i = 0; i < 3; i++) {
    await request(`${receiver.url}/${i}`, { method: 'POST', body: String(i) }).then((r) => r.body.dump())
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  const times = receiver.requests.map((r) => r.receivedAt)
  expect(receiver.requests.map((r) => r.text())).toEqual(['0', '1', '2'])
  expect(times[1] - times[0]).toBeGreaterThanOrEqual(45)
  expect(times[2] - times[1]).toBeGreaterThanOrEqual(45)
})

test('bounded: bodies can be dropped and recording capped while every request is counted', async () => {
  receiver = await startReceiver({ keepBodies: false, maxRecorded: 2 })
  for (let i = 0; i < 4; i++) await request(receiver.url, { method: 'POST', body: 'abc' }).then((r) => r.body.dump())
  expect(receiver.count).toBe(4)
  expect(receiver.requests).toHaveLength(2)
  expect(receiver.requests[0].body.length).toBe(0)
  expect(receiver.requests[0].bodyBytes).toBe(3)
  receiver.reset()
  expect([receiver.count, receiver.requests.length, receiver.maxInFlight]).toEqual([0, 0, 0])
})

test('close() ends open keep-alive connections; a receiver stops itself after its lifetime', async () => {
  receiver = await startReceiver()
  await request(receiver.url, { method: 'POST', body: 'x' }).then((r) => r.body.dump())
  await receiver.close()
  await expect(request(receiver.url, { method: 'POST', body: 'x' })).rejects.toThrow()
  const short = await startReceiver({ lifetimeMs: 100 })
  await new Promise((resolve) => setTimeout(resolve, 250))
  await expect(request(short.url)).rejects.toMatchObject({ code: 'ECONNREFUSED' })
})
