import fc from 'fast-check'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { PROCEDURE_NAMES } from '../../../electron/core/contract/names'
import { WEBHOOK_FIELDS } from '../../../electron/serve/admin/query'
import { adminServer, type AdminServer } from '../../support/admin-server'

/**
 * Issue 6 "Done when": random keys (every Object.prototype name among them) and random
 * strings thrown at every Admin API body and every /rpc procedure, over real HTTP.
 * Never a 5xx; and a 4xx stores nothing (the whole store is compared before and after).
 * Bounded: one server for the file, a fixed seed per property, a few hundred requests.
 */
/** A few seconds on an idle machine; room for a CI runner shared with other suites. */
const PROPERTY_TIMEOUT_MS = 60_000

let s: AdminServer
let hookId: number
let deliveryId: number
beforeAll(async () => {
  s = await adminServer()
  hookId = (await s.call<{ id: number }>('webhooks.create', { address: 'http://127.0.0.1:9/base', topic: 'orders/create', headers: { 'X-A': 'a' } })).id
  // Stored, never sent: the core's background work does not run here.
  deliveryId = (await s.call<{ deliveries: Array<{ id: number }> }>('events.fire', { topic: 'orders/create', webhook_ids: [hookId] })).deliveries[0].id
})
afterAll(() => s.close())

/** Everything a request could have changed, read through the core (no HTTP, so it is cheap). */
async function store() {
  return {
    webhooks: await s.call('webhooks.page', { dir: 'gt', id: 0, limit: 250, include_secret: true }),
    tokens: await s.call('tokens.list', {}),
    settings: await s.call('settings.get', {}),
    topics: await s.call('topics.catalog', {}),
    deliveries: await s.call('deliveries.count', {}),
  }
}

const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype)
const OTHER_NAMES = ['webhook', 'token', 'role', 'id', 'ids', 'include_secret', 'dir', 'limit', 'page', 'page_size', 'search', 'sort', 'order', 'language', 'theme', 'auto_sync', 'admin_api_enabled', 'admin_api_port', 'attributes', 'type', 'username', 'password', 'param', 'X-Hooklab-Delivery-Id', 'prototype', '']

const key = fc.oneof(
  fc.constantFrom(...PROTO_NAMES),
  fc.constantFrom(...WEBHOOK_FIELDS, ...OTHER_NAMES),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
)
/** Strings that have broken things before: control, bidi and zero-width characters, lone surrogates, near-addresses. */
const nasty = fc.constantFrom('\u0000', 'http://127.0.0.1:9/\u0000', 'http://127.0.0.1:9/\u202e', '\ud800', 'a\udfffb', '[redacted]', 'http://bob:p@127.0.0.1:9/?api_key=k', 'javascript:alert(1)', '__proto__', 'orders/create', 'ping', 'whsec_', 'enabled', 'x'.repeat(3000))
const text = fc.oneof(fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 8 }), nasty)
const leaf = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom(0, -1, 1, 2, 2 ** 53, 1e21))
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.array(tie('node'), { maxLength: 3 }), fc.array(fc.tuple(key, tie('node')), { maxLength: 3 }).map(asObject)),
})).node

/** A plain object from entries; `__proto__` stays an own key once written as JSON text. */
function asObject(entries: Array<[string, unknown]>): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null)
  for (const [k, v] of entries) out[k] = v
  return out
}

/** JSON text that keeps every key as given, `__proto__` included. */
function toJson(v: unknown): string {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    return `{${Object.keys(v).map((k) => `${JSON.stringify(k)}:${toJson((v as Record<string, unknown>)[k])}`).join(',')}}`
  }
  if (Array.isArray(v)) return `[${v.map(toJson).join(',')}]`
  return JSON.stringify(v) ?? 'null'
}

/** Valid attributes mixed with random ones, so some bodies pass and the store does change sometimes. */
const VALID_WEBHOOK: Array<[string, unknown]> = [['address', 'http://127.0.0.1:9/p'], ['topic', 'orders/create'], ['name', 'prop'], ['format', 'json'], ['headers', { 'X-B': 'b' }], ['ordered', true]]
const VALID_REPLAY: Array<[string, unknown]> = [['dry_run', true], ['payload', '{"a":1}'], ['headers', { 'X-C': 'c', 'X-Gone': '' }], ['address', 'http://127.0.0.1:9/r']]
const body = (valid: Array<[string, unknown]>) =>
  fc.tuple(fc.subarray(valid), fc.array(fc.tuple(key, value), { maxLength: 4 })).map(([good, random]) => asObject([...good, ...random]))

const adminCase = fc.oneof(
  body(VALID_WEBHOOK).map((inner) => ({ method: 'POST', path: '/admin/webhooks.json', root: 'webhook', inner })),
  body(VALID_WEBHOOK.slice(2)).map((inner) => ({ method: 'PUT', path: '/admin/webhooks/{id}.json', root: 'webhook', inner })),
  body([['role', 'read'], ['name', 'prop']]).map((inner) => ({ method: 'POST', path: '/admin/tokens.json', root: 'token', inner })),
  body(VALID_REPLAY).map((inner) => ({ method: 'POST', path: '/admin/deliveries/{delivery}/replay.json', root: 'replay', inner })),
  body([['filter', { webhook_id: 1 }], ['address', 'http://127.0.0.1:9/bulk']]).map((inner) => ({ method: 'POST', path: '/admin/replays.json', root: 'replay', inner })),
)

function expectNo5xx(status: number, what: string, answer: string) {
  expect(status, `${what} answered ${status}: ${answer.slice(0, 300)}`).toBeLessThan(500)
}

/** How many answers of each class a property saw: a run where nothing ever passes would prove little. */
const tally = () => ({ ok: 0, refused: 0 })

test('Admin API bodies: never a 5xx, nothing stored on a 4xx', async () => {
  const seen = tally()
  await fc.assert(
    fc.asyncProperty(adminCase, fc.boolean(), async ({ method, path, root, inner }, wrapped) => {
      const before = await store()
      const text = wrapped ? `{${JSON.stringify(root)}:${toJson(inner)}}` : toJson(inner)
      const res = await s.api(method, path.replace('{id}', String(hookId)).replace('{delivery}', String(deliveryId)), { body: text })
      expectNo5xx(res.status, `${method} ${path} ${text.slice(0, 200)}`, res.text)
      if (res.status >= 400) expect(await store()).toEqual(before)
      seen[res.status >= 400 ? 'refused' : 'ok']++
    }),
    { numRuns: 200, seed: 6_108 },
  )
  expect(seen.ok).toBeGreaterThan(5)
  expect(seen.refused).toBeGreaterThan(50)
}, PROPERTY_TIMEOUT_MS)

const rpcCase = fc.record({
  name: fc.constantFrom(...PROCEDURE_NAMES),
  input: fc.oneof({ weight: 4, arbitrary: fc.array(fc.tuple(key, value), { maxLength: 5 }).map(asObject) }, { weight: 1, arbitrary: value }),
})

test('every /rpc procedure: never a 5xx, nothing stored on a 4xx', async () => {
  const seen = tally()
  await fc.assert(
    fc.asyncProperty(rpcCase, async ({ name, input }) => {
      const before = await store()
      const text = toJson(input)
      const res = await s.api('POST', `/rpc/${name}`, { body: text })
      expectNo5xx(res.status, `${name} ${text.slice(0, 200)}`, res.text)
      if (res.status >= 400) {
        expect(res.json?.ok).toBe(false)
        expect(await store()).toEqual(before)
      }
      seen[res.status >= 400 ? 'refused' : 'ok']++
    }),
    { numRuns: 300, seed: 6_109 },
  )
  expect(seen.ok).toBeGreaterThan(5)
  expect(seen.refused).toBeGreaterThan(50)
}, PROPERTY_TIMEOUT_MS)

test('every procedure, every Object.prototype name as the only key: a 4xx naming it, never a 5xx', async () => {
  // Every one of these must be refused, so one look at the store before and after covers them all.
  const before = await store()
  for (const name of PROCEDURE_NAMES) {
    for (const k of PROTO_NAMES) {
      const res = await s.api('POST', `/rpc/${name}`, { body: `{${JSON.stringify(k)}:1}` })
      expectNo5xx(res.status, `${name} {${k}:1}`, res.text)
      expect(res.status, `${name} {${k}:1}`).toBeGreaterThanOrEqual(400)
    }
  }
  expect(await store()).toEqual(before)
}, PROPERTY_TIMEOUT_MS)
