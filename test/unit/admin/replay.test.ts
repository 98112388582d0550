import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { Webhook as StandardWebhook } from 'standardwebhooks'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { DATABASE_FILE } from '../../../electron/core/app'
import type { PushedEventName } from '../../../electron/core/contract'
import { adminServer, type AdminServer, type Json } from '../../support/admin-server'
import { startReceiver, type ReceivedRequest, type Receiver } from '../../support/receiver'
import { ManualScheduler } from '../../support/scheduler'

/*
 * Issue 9 item 3 over real HTTP: replay as is, edited, to another URL, and as a dry run;
 * refusals that store nothing; read tokens; bulk replay with progress and cancel. The core's
 * clock starts ten minutes in the past and is moved by hand: the original delivery is then
 * signed too long ago for the provider's verifier, and a replay made "now" verifies, which
 * shows that replays are signed anew with fresh timestamps.
 */
const SECRET = 'whsec_' + Buffer.from('replay-test-secret-32-bytes-long').toString('base64')
const NEW_SECRET = 'whsec_' + Buffer.from('rotated-secret-also-32-bytes-lng').toString('base64')
const MARKERS = { bearer: 'MARKERBEARER7', header: 'MARKERHEADER8', other: 'MARKERTOKEN9', edit: 'MARKEREDIT10', override: 'MARKEROVERRIDE11', bulk: 'MARKERBULK12' }

let clock: ManualScheduler
let s: AdminServer
let a: Receiver
let b: Receiver
let hookId: number
let readToken: string
const pushes: Array<{ name: PushedEventName; payload: Json }> = []

beforeAll(async () => {
  clock = new ManualScheduler(Date.now() - 10 * 60_000)
  s = await adminServer({ clock })
  s.core.start()
  s.core.subscribe((name, payload) => void pushes.push({ name, payload }))
  a = await startReceiver()
  b = await startReceiver()
  const created = await s.api('POST', '/admin/webhooks.json', {
    body: {
      webhook: {
        address: `${a.url}/hook`,
        topics: ['orders/create', 'orders/paid'],
        signing: 'standard',
        secret: SECRET,
        headers: { 'X-Api-Key': MARKERS.header },
        auth: { type: 'bearer', token: MARKERS.bearer },
        retry_schedule: [],
      },
    },
  })
  expect(created.status).toBe(200)
  hookId = created.json.webhook.id
  const token = await s.api('POST', '/admin/tokens.json', { body: { token: { role: 'read' } } })
  readToken = token.json.token.value ?? token.json.token.token
})
afterAll(async () => {
  await s.close()
  await a.close()
  await b.close()
})

/** Moves the core's clock in small steps, letting real I/O run, until `check` holds. */
async function pump(check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('pump: timed out')
    await clock.advance(20)
    await new Promise((r) => setTimeout(r, 3))
  }
}

const byDelivery = (r: Receiver, id: number): ReceivedRequest | undefined => r.requests.find((q) => q.header('x-hooklab-delivery-id') === String(id))

async function fire(topic = 'orders/create', webhookId = hookId): Promise<{ id: number; request: ReceivedRequest }> {
  const res = await s.api('POST', '/admin/events.json', { body: { event: { topic, webhook_ids: [webhookId] } } })
  expect(res.status).toBe(200)
  const id = res.json.event.deliveries[0].id as number
  await pump(() => byDelivery(a, id) !== undefined)
  await pump(async () => (await s.api('GET', `/admin/deliveries/${id}.json`)).json.delivery.status === 'succeeded')
  return { id, request: byDelivery(a, id)! }
}

const replay = (id: number, replayBody: unknown, token?: string) => s.api('POST', `/admin/deliveries/${id}/replay.json`, { body: { replay: replayBody }, token })

/** Rows of every table a replay could write, read from the database file itself. */
function rowCounts(): Record<string, number> {
  const db = new Database(join(s.dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true })
  try {
    const out: Record<string, number> = {}
    for (const table of ['events', 'event_bodies', 'deliveries', 'attempts', 'delivery_overrides', 'replay_jobs', 'replay_job_items']) {
      out[table] = (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n
    }
    return out
  } finally {
    db.close()
  }
}

/** Credentials of the webhook and of replays (another address's token, header overrides) found in any file of the data directory. */
function credentialsOnDisk(): string[] {
  const found: string[] = []
  for (const name of readdirSync(s.dataDir)) {
    const bytes = readFileSync(join(s.dataDir, name))
    for (const marker of [MARKERS.other, MARKERS.bearer, MARKERS.header, MARKERS.override, MARKERS.bulk]) if (bytes.includes(Buffer.from(marker))) found.push(`${marker} in ${name}`)
  }
  return found
}

/** The standardwebhooks verifier against the real clock (five minutes of tolerance). */
const verify = (secret: string, body: string, headers: Record<string, unknown>) => new StandardWebhook(secret).verify(body, headers as Record<string, string>)

describe('one delivery', () => {
  let original: { id: number; request: ReceivedRequest }
  beforeAll(async () => {
    original = await fire()
    // Ten minutes later, in the core's time: "now" for the provider's verifier.
    await clock.advance(10 * 60_000)
  })

  test('as is: a new delivery, new ids, X-Hooklab-Replay-Of, signed anew (the original is now too old to verify), and both sides link', async () => {
    expect(() => verify(SECRET, original.request.text(), original.request.headers)).toThrow(/too old/)
    const res = await replay(original.id, {})
    expect(res.status).toBe(200)
    expect(Object.keys(res.json)).toEqual(['delivery'])
    const copy = res.json.delivery
    expect(copy).toMatchObject({ replay_of: original.id, tag: 'replay', webhook_id: hookId })
    expect(copy.id).not.toBe(original.id)
    await pump(() => byDelivery(a, copy.id) !== undefined)
    const sent = byDelivery(a, copy.id)!
    expect(sent.header('x-hooklab-replay-of')).toBe(String(original.id))
    expect(sent.text()).toBe(original.request.text())
    expect(sent.header('webhook-id')).not.toBe(original.request.header('webhook-id'))
    expect(Number(sent.header('webhook-timestamp'))).toBeGreaterThanOrEqual(Number(original.request.header('webhook-timestamp')) + 600)
    expect(verify(SECRET, sent.text(), sent.headers)).toEqual(JSON.parse(original.request.text()))
    // The webhook's credentials go along, as on any delivery.
    expect(sent.header('authorization')).toBe(`Bearer ${MARKERS.bearer}`)
    expect(sent.header('x-api-key')).toBe(MARKERS.header)
    const orig = (await s.api('GET', `/admin/deliveries/${original.id}.json`)).json.delivery
    expect(orig.replays).toContain(copy.id)
    await pump(async () => (await s.api('GET', `/admin/deliveries/${copy.id}.json`)).json.delivery.status === 'succeeded')
    const stored = (await s.api('GET', `/admin/deliveries/${copy.id}.json`)).json.delivery
    expect(stored.attempts[0].request.headers['X-Hooklab-Replay-Of']).toBe(String(original.id))
  })

  test("with the webhook's current secret: after a rotation, the replay verifies with the new secret only", async () => {
    expect((await s.api('PUT', `/admin/webhooks/${hookId}.json`, { body: { webhook: { secret: NEW_SECRET } } })).status).toBe(200)
    try {
      const copy = (await replay(original.id, {})).json.delivery
      await pump(() => byDelivery(a, copy.id) !== undefined)
      const sent = byDelivery(a, copy.id)!
      expect(() => verify(SECRET, sent.text(), sent.headers)).toThrow(/No matching signature/)
      expect(verify(NEW_SECRET, sent.text(), sent.headers)).toBeTruthy()
    } finally {
      await s.api('PUT', `/admin/webhooks/${hookId}.json`, { body: { webhook: { secret: SECRET } } })
    }
  })

  test('edited: the payload and headers as written, a header removed, the signature over the edited body', async () => {
    const payload = `{"edited": true, "note": "Tiếng Việt ✓", "marker": "${MARKERS.edit}"}`
    const res = await replay(original.id, { payload, headers: { 'X-Edited': 'yes', 'x-api-key': MARKERS.override, 'User-Agent': '' } })
    expect(res.status).toBe(200)
    const copy = res.json.delivery
    expect(copy.event_id).not.toBe((await s.api('GET', `/admin/deliveries/${original.id}.json`)).json.delivery.event_id)
    expect(copy.event_body.body).toBe(payload)
    await pump(() => byDelivery(a, copy.id) !== undefined)
    const sent = byDelivery(a, copy.id)!
    expect(sent.text()).toBe(payload)
    expect(sent.header('x-edited')).toBe('yes')
    expect(sent.header('x-api-key')).toBe(MARKERS.override)
    expect(sent.rawHeaders.filter(([n]) => n.toLowerCase() === 'x-api-key')).toEqual([['x-api-key', MARKERS.override]])
    expect(sent.header('user-agent')).toBeUndefined()
    expect(verify(SECRET, sent.text(), sent.headers)).toEqual(JSON.parse(payload))
    // The original is untouched.
    expect((await s.api('GET', `/admin/deliveries/${original.id}.json`)).json.delivery.event_body.body).toBe(original.request.text())
  })

  test("overrides beat the webhook's auth, and a signed header overridden is the one signed", async () => {
    const res = await replay(original.id, { headers: { Authorization: 'Bearer other', 'Webhook-Id': 'msg_chosen_by_the_user' } })
    await pump(() => byDelivery(a, res.json.delivery.id) !== undefined)
    const sent = byDelivery(a, res.json.delivery.id)!
    expect(sent.header('authorization')).toBe('Bearer other')
    expect(sent.rawHeaders.filter(([n]) => n.toLowerCase() === 'webhook-id')).toEqual([['Webhook-Id', 'msg_chosen_by_the_user']])
    expect(verify(SECRET, sent.text(), sent.headers)).toBeTruthy()
    // The override is a credential like the webhook's own: sealed, redacted for a reader.
    await pump(async () => (await s.api('GET', `/admin/deliveries/${res.json.delivery.id}.json`)).json.delivery.attempts.length === 1)
    const asReader = (await s.api('GET', `/admin/deliveries/${res.json.delivery.id}.json`, { token: readToken })).json.delivery
    expect(asReader.attempts[0].request.headers.Authorization).toBe('[redacted]')
  })

  test('another URL: sent there (every retry too), nothing to the webhook, signed with its secret; the address is sealed and redacted for a reader', async () => {
    const before = a.count
    const address = `${b.url}/elsewhere?token=${MARKERS.other}`
    const res = await replay(original.id, { address })
    expect(res.status).toBe(200)
    const copy = res.json.delivery
    await pump(() => b.requests.some((r) => r.header('x-hooklab-delivery-id') === String(copy.id)))
    const sent = byDelivery(b, copy.id)!
    expect(sent.url).toBe(`/elsewhere?token=${MARKERS.other}`)
    expect(verify(SECRET, sent.text(), sent.headers)).toBeTruthy()
    expect(a.count).toBe(before)
    await pump(async () => (await s.api('GET', `/admin/deliveries/${copy.id}.json`)).json.delivery.attempts.length === 1)
    const asAdmin = (await s.api('GET', `/admin/deliveries/${copy.id}.json`)).json.delivery
    expect(asAdmin.attempts[0].request.url).toBe(address)
    const asReader = (await s.api('GET', `/admin/deliveries/${copy.id}.json`, { token: readToken })).json.delivery
    expect(asReader.attempts[0].request.url).toBe(`${b.url}/elsewhere?token=[redacted]`)
    expect(asReader.attempts[0].request.headers.Authorization).toBe('[redacted]')
    expect(credentialsOnDisk()).toEqual([])
  })

  test('another URL whose first attempt fails is retried there', async () => {
    const flaky = await startReceiver({ replies: [{ status: 503 }], reply: { status: 200 } })
    try {
      await s.call('webhooks.update', { id: hookId, retry_schedule: [1] })
      const copy = (await replay(original.id, { address: `${flaky.url}/x` })).json.delivery
      await pump(async () => (await s.api('GET', `/admin/deliveries/${copy.id}.json`)).json.delivery.status === 'succeeded')
      expect(flaky.requests.map((r) => r.header('x-hooklab-delivery-id'))).toEqual([String(copy.id), String(copy.id)])
      const webhook = (await s.api('GET', `/admin/webhooks/${hookId}.json`)).json.webhook
      expect(webhook.consecutive_failures).toBe(0)
    } finally {
      await s.call('webhooks.update', { id: hookId, retry_schedule: [] })
      await flaky.close()
    }
  })

  test('dry run: the exact request (signature verifies), and nothing stored or sent', async () => {
    await pump(() => a.inFlight === 0 && b.inFlight === 0)
    const before = rowCounts()
    const [countA, countB] = [a.count, b.count]
    const res = await replay(original.id, { dry_run: true })
    expect(res.status).toBe(200)
    expect(Object.keys(res.json)).toEqual(['request'])
    const request = res.json.request
    expect(request).toMatchObject({ method: 'POST', url: `${a.url}/hook`, body: original.request.text() })
    const lower = Object.fromEntries(Object.entries(request.headers as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]))
    expect(lower['x-hooklab-replay-of']).toBe(String(original.id))
    expect(lower['x-hooklab-delivery-id']).toBeUndefined()
    expect(lower.authorization).toBe(`Bearer ${MARKERS.bearer}`)
    expect(verify(SECRET, request.body, lower)).toBeTruthy()
    const edited = (await replay(original.id, { dry_run: true, payload: '{"a":1}', address: `${b.url}/dry`, headers: { 'X-Dry': '1' } })).json.request
    expect(edited).toMatchObject({ url: `${b.url}/dry`, body: '{"a":1}' })
    expect(edited.headers['X-Dry']).toBe('1')
    await clock.advance(2000)
    await new Promise((r) => setTimeout(r, 200))
    expect(rowCounts()).toEqual(before)
    expect([a.count, b.count]).toEqual([countA, countB])
  })

  test('bad input is refused by name, all at once, and stores nothing', async () => {
    const before = rowCounts()
    const refused = async (body: unknown, fields: string[], status = 422) => {
      const res = await replay(original.id, body)
      expect(res.status, JSON.stringify(body)).toBe(status)
      if (status === 422) expect(Object.keys(res.json.errors).sort(), JSON.stringify(body)).toEqual(fields.sort())
      return res
    }
    const bad = await refused({ payload: '{"a": 1,}' }, ['payload'])
    expect(bad.json.errors.payload[0]).toBe('is invalid')
    await refused({ headers: { 'X-Hooklab-Delivery-Id': '1', Connection: 'close', 'bad name': 'x', 'X-Nl': 'a\r\nb', Host: 'evil' } }, [
      'headers.X-Hooklab-Delivery-Id',
      'headers.Connection',
      'headers.bad name',
      'headers.X-Nl',
      'headers.Host',
    ])
    await refused({ headers: { 'x-hooklab-replay-of': '999' } }, ['headers.x-hooklab-replay-of'])
    await refused({ address: 'javascript:alert(1)' }, ['address'])
    await refused({ address: `${b.url}/\u202e` }, ['address'])
    await refused({ address: 'not a url', foo: 1 }, ['address', 'foo'])
    // Past the schema, the core's own checks also answer together.
    await refused({ webhook_id: 999_999, payload: '[' }, ['webhook_id'])
    await refused({ payload: '{"a": tru}', headers: { 'X-Fine': 'ok' } }, ['payload'])
    await refused({ dry_run: 'yes' }, ['dry_run'])
    await refused({ id: original.id + 1 }, ['id'])
    await refused({ payload: 'x'.repeat(10), headers: [] }, ['headers'])
    const proto = await s.api('POST', `/admin/deliveries/${original.id}/replay.json`, { body: '{"replay": {"__proto__": {"dry_run": true}}}' })
    expect(proto.status).toBe(422)
    expect(Object.keys(proto.json.errors)).toEqual(['__proto__'])
    expect((await s.api('POST', '/admin/deliveries/999999/replay.json', { body: { replay: {} } })).status).toBe(404)
    expect((await s.api('POST', `/admin/deliveries/${original.id}/replay.json`, { body: { other: {} } })).status).toBe(422)
    expect(rowCounts()).toEqual(before)
  })

  test('a read token may not replay (403) and stores nothing; a disabled webhook answers 409 but still dry-runs', async () => {
    const before = rowCounts()
    expect((await replay(original.id, {}, readToken)).status).toBe(403)
    expect((await replay(original.id, { dry_run: true }, readToken)).status).toBe(403)
    expect((await s.api('POST', '/admin/replays.json', { body: { replay: { filter: {} } }, token: readToken })).status).toBe(403)
    await s.call('webhooks.setStatus', { ids: [hookId], status: 'disabled' })
    try {
      const res = await replay(original.id, {})
      expect(res.status).toBe(409)
      expect(res.json.errors).toMatch(/disabled: enable it/)
      expect((await replay(original.id, { dry_run: true })).status).toBe(200)
    } finally {
      await s.call('webhooks.setStatus', { ids: [hookId], status: 'enabled' })
    }
    expect(rowCounts()).toEqual(before)
  })

  test('signed by another local webhook (webhook_id): its secret, style and address', async () => {
    const other = await s.api('POST', '/admin/webhooks.json', { body: { webhook: { address: `${b.url}/signer`, topic: 'orders/create', signing: 'github', secret: 'gh-secret', format: 'xml' } } })
    const otherId = other.json.webhook.id
    const res = await replay(original.id, { webhook_id: otherId })
    expect(res.status).toBe(200)
    expect(res.json.delivery.webhook_id).toBe(otherId)
    await pump(() => byDelivery(b, res.json.delivery.id) !== undefined)
    const sent = byDelivery(b, res.json.delivery.id)!
    expect(sent.url).toBe('/signer')
    expect(sent.header('content-type')).toBe('application/xml; charset=utf-8')
    expect(sent.text()).toMatch(/^<\?xml/)
    expect(sent.header('x-github-delivery')).toMatch(/^[0-9a-f-]{36}$/)
    const { verify: githubVerify } = await import('@octokit/webhooks-methods')
    expect(await githubVerify('gh-secret', sent.text(), sent.header('x-hub-signature-256')!)).toBe(true)
  })
})

describe('bulk replay', () => {
  test('replays every delivery of the filter with progress to completion; the job is stored and readable by a reader', async () => {
    const ids: number[] = []
    for (let i = 0; i < 5; i++) ids.push((await fire('orders/paid')).id)
    const filter = { webhook_id: hookId, status: 'succeeded' }
    const expected = (await s.api('GET', `/admin/deliveries/count.json?webhook_id=${hookId}&status=succeeded`)).json.count as number
    expect(expected).toBeGreaterThanOrEqual(5)
    const seen = pushes.length
    const started = await s.api('POST', '/admin/replays.json', { body: { replay: { filter } } })
    expect(started.status).toBe(202)
    const job = started.json.replay
    expect(job).toMatchObject({ filter, total: expected, status: 'running', address: null })
    await pump(async () => (await s.api('GET', `/admin/replays/${job.id}.json`, { token: readToken })).json.replay.status === 'completed')
    const done = (await s.api('GET', `/admin/replays/${job.id}.json`)).json.replay
    expect(done).toMatchObject({ total: expected, done: expected, status: 'completed' })
    expect(done.finished_on).toEqual(expect.any(String))
    // Progress is pushed, coalesced (at most every 250 ms), and its last push is the final state.
    const progress = () => pushes.slice(seen).filter((p) => p.name === 'replays.changed' && p.payload.job.id === job.id)
    await pump(() => progress().at(-1)?.payload.job.status === 'completed')
    expect(progress().at(-1)!.payload.job).toMatchObject({ done: expected, total: expected })
    expect(progress().length).toBeLessThanOrEqual(3)
    // Every original got exactly one replay from the job, and each arrives.
    for (const id of ids) {
      const replays = (await s.api('GET', `/admin/deliveries/${id}.json`)).json.delivery.replays as number[]
      expect(replays).toHaveLength(1)
      await pump(() => byDelivery(a, replays[0]) !== undefined)
      expect(byDelivery(a, replays[0])!.header('x-hooklab-replay-of')).toBe(String(id))
    }
    expect((await s.api('DELETE', `/admin/replays/${job.id}.json`)).status).toBe(409)
    expect((await s.api('GET', '/admin/replays/999999.json')).status).toBe(404)
  })

  test('to another address, and refusals that store nothing', async () => {
    const before = rowCounts()
    const refused = async (body: unknown, fields: string[]) => {
      const res = await s.api('POST', '/admin/replays.json', { body: { replay: body } })
      expect(res.status, JSON.stringify(body)).toBe(422)
      expect(Object.keys(res.json.errors).sort()).toEqual(fields.sort())
    }
    await refused({}, ['filter'])
    await refused({ filter: { webhook_id: hookId, nope: 1 } }, ['filter.nope'])
    await refused({ filter: { status: 'lost' }, address: 'ftp://x' }, ['filter.status', 'address'])
    await refused({ filter: {}, webhook_id: 999_999 }, ['webhook_id'])
    expect(rowCounts()).toEqual(before)
    const last = (await fire()).id
    const started = await s.api('POST', '/admin/replays.json', { body: { replay: { filter: { event_id: (await s.api('GET', `/admin/deliveries/${last}.json`)).json.delivery.event_id }, address: `${b.url}/bulk?api_key=${MARKERS.bulk}` } } })
    expect(started.json.replay).toMatchObject({ total: 1, address: `${b.url}/bulk?api_key=[redacted]` })
    await pump(() => b.requests.some((r) => r.url === `/bulk?api_key=${MARKERS.bulk}` && r.header('x-hooklab-replay-of') === String(last)))
    expect(credentialsOnDisk()).toEqual([])
  })

  test('cancel mid-way: the job stops where it is and makes no more replays', async () => {
    // A disabled webhook takes nothing, so the job soon runs 2,000 replays ahead and waits.
    const slow = await s.api('POST', '/admin/webhooks.json', { body: { webhook: { address: `${b.url}/slow`, topic: 'orders/create', status: 'disabled' } } })
    const slowId = slow.json.webhook.id
    const burst = await s.api('POST', '/admin/events.json', { body: { event: { topic: 'orders/create', webhook_ids: [slowId], count: 2600 } } })
    expect(burst.status).toBe(202)
    await pump(async () => (await s.api('GET', `/admin/bursts/${burst.json.burst.id}.json`)).json.burst.status === 'completed', 60_000)
    const started = await s.api('POST', '/admin/replays.json', { body: { replay: { filter: { webhook_id: slowId } } } })
    const id = started.json.replay.id
    expect(started.json.replay.total).toBe(2600)
    await pump(async () => (await s.api('GET', `/admin/replays/${id}.json`)).json.replay.done >= 2000, 30_000)
    const cancelled = await s.api('DELETE', `/admin/replays/${id}.json`)
    expect(cancelled.status).toBe(200)
    expect(cancelled.json.replay.status).toBe('cancelled')
    const done = cancelled.json.replay.done as number
    expect(done).toBeLessThan(2600)
    const replays = () => (s.core as unknown as { deliveries: { count(f: object): number } }).deliveries.count({ webhook_id: slowId }) - 2600
    expect(replays()).toBe(done)
    await clock.advance(5000)
    await new Promise((r) => setTimeout(r, 100))
    expect((await s.api('GET', `/admin/replays/${id}.json`)).json.replay).toMatchObject({ done, status: 'cancelled' })
    expect(replays()).toBe(done)
    expect(rowCounts().replay_job_items).toBe(0)
    await s.api('DELETE', `/admin/webhooks/${slowId}.json`)
  }, 120_000)
})
