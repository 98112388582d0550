import fc from 'fast-check'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { adminServer, type AdminServer } from '../../support/admin-server'
import { storeSnapshot } from '../../support/log-files'

/**
 * Issue 9 "Bad input", as a property over real HTTP: whatever lines follow (valid ones with
 * random fields swapped in, random JSON, random text, prototype names as keys), POST
 * /files/import never answers 5xx, and a refusal stores nothing.
 */
const PROPERTY_TIMEOUT_MS = 90_000

let s: AdminServer
beforeAll(async () => {
  s = await adminServer()
})
afterAll(() => s.close())

const HEADER = { hooklab_export: 1, created_on: '2026-01-02T03:04:05Z', filter: {}, secrets: false }
const TEMPLATES: Record<string, Record<string, unknown>> = {
  webhook: { type: 'webhook', id: 1, name: 'W', address: 'http://127.0.0.1:9/w', topics: ['orders/create'], profile: 'sapo', format: 'json', signing: 'sapo', headers: { 'X-A': 'a' }, auth: { type: 'none' }, created_on: '2026-01-01T00:00:00Z' },
  event: { type: 'event', id: 1, profile: 'sapo', topic: 'orders/create', seed: 1, payload: { id: 1 }, root: 'order', created_on: '2026-01-01T00:00:00Z', bodies: [{ format: 'json', content_type: 'application/json', body: '{"id":1}' }] },
  delivery: { type: 'delivery', id: 1, event_id: 1, webhook_id: 1, status: 'succeeded', tag: null, provider_id: 'p-1', attempts_count: 1, last_status_code: 200, last_error_class: null, last_duration_ms: 5, replay_of: null, created_on: '2026-01-01T00:00:00Z', finished_on: '2026-01-01T00:00:01Z' },
  attempt: { type: 'attempt', delivery_id: 1, n: 1, scheduled_for: '2026-01-01T00:00:00Z', started_on: '2026-01-01T00:00:00Z', duration_ms: 5, request: { method: 'POST', url: 'http://127.0.0.1:9/w', headers: { 'Content-Type': 'application/json' } }, response: { status: 200, headers: {}, body: 'ok', truncated: false }, error: null },
}
const GOOD = [HEADER, TEMPLATES.webhook, TEMPLATES.event, TEMPLATES.delivery, TEMPLATES.attempt].map((l) => JSON.stringify(l))

const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype)
const FIELD_NAMES = [...new Set(Object.values(TEMPLATES).flatMap((t) => Object.keys(t)))]
const key = fc.oneof(fc.constantFrom(...PROTO_NAMES), fc.constantFrom(...FIELD_NAMES), fc.string({ maxLength: 10 }))
const nasty = fc.constantFrom('\u0000', '\ud800', '[redacted]', 'x'.repeat(5000), '__proto__', '2026-13-45T99:99:99Z', 'javascript:alert(1)', '', 'whsec_', 'orders/create')
const leaf = fc.oneof(fc.string({ maxLength: 12 }), nasty, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom(0, -1, 2 ** 53, 1e21))
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.array(tie('node'), { maxLength: 3 }), fc.array(fc.tuple(key, tie('node')), { maxLength: 3 }).map(asObject)),
})).node

function asObject(entries: Array<[string, unknown]>): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null)
  for (const [k, v] of entries) out[k] = v
  return out
}

/** JSON text that keeps every key as given, `__proto__` included. */
function toJson(v: unknown): string {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) return `{${Object.keys(v).map((k) => `${JSON.stringify(k)}:${toJson((v as Record<string, unknown>)[k])}`).join(',')}}`
  if (Array.isArray(v)) return `[${v.map(toJson).join(',')}]`
  return JSON.stringify(v) ?? 'null'
}

/** A template with some fields swapped for random values (and random extra keys). */
const mutated = fc
  .tuple(fc.constantFrom(...Object.keys(TEMPLATES)), fc.array(fc.tuple(fc.oneof(fc.constantFrom(...FIELD_NAMES), key), value), { maxLength: 3 }))
  .map(([type, changes]) => toJson(asObject([...Object.entries(TEMPLATES[type]), ...changes])))
const line = fc.oneof(
  { weight: 3, arbitrary: mutated },
  { weight: 1, arbitrary: value.map(toJson) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom(...GOOD) },
)
const file = fc.tuple(fc.oneof({ weight: 4, arbitrary: fc.constant(GOOD[0]) }, { weight: 1, arbitrary: line }), fc.array(line, { maxLength: 6 })).map(([first, rest]) => [first, ...rest].join('\n'))

test('POST /files/import: never a 5xx, nothing stored on a 4xx', async () => {
  const seen = { ok: 0, refused: 0 }
  await fc.assert(
    fc.asyncProperty(file, async (text) => {
      const before = storeSnapshot(s.dataDir)
      const res = await s.api('POST', '/files/import', { body: text, contentType: 'application/x-ndjson' })
      expect(res.status, `${res.status} for ${text.slice(0, 300)}: ${res.text.slice(0, 300)}`).toBeLessThan(500)
      if (res.status >= 400) {
        expect(res.json).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
        expect(storeSnapshot(s.dataDir)).toEqual(before)
      }
      seen[res.status >= 400 ? 'refused' : 'ok']++
    }),
    { numRuns: 300, seed: 9_105 },
  )
  // A run where nothing ever passed (or nothing was ever refused) would prove little.
  expect(seen.ok).toBeGreaterThan(5)
  expect(seen.refused).toBeGreaterThan(100)
}, PROPERTY_TIMEOUT_MS)

test('the good lines of the property import as one delivery with its attempt', async () => {
  const res = await s.api('POST', '/files/import', { body: GOOD.join('\n'), contentType: 'application/x-ndjson' })
  expect(res.json).toEqual({ ok: true, value: { webhooks: 1, events: 1, deliveries: 1, attempts: 1 } })
})
