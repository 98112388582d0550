// The data `npm run bench:log` seeds: webhooks of every profile created through the core,
// a pool of simulator payloads rendered in each format, request headers as the profiles
// send them, and what receivers answer (successes, HTTP failures, no answer at all).
import { randomBytes } from 'node:crypto'

// Standard Webhooks has no catalog topics of its own (only ping), so none here.
const PROFILES = ['sapo', 'sapo', 'sapo', 'shopify', 'woocommerce', 'github', 'stripe', 'sapo']
const FORMATS = ['json', 'json', 'json', 'xml', 'form']

/** A small deterministic PRNG (mulberry32), so two runs seed the same log. */
export function prng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Creates `count` webhooks through the core (disabled, so a started engine sends nothing) and describes them for the seeder. */
export async function createWebhooks(core, ctx, sim, count) {
  const webhooks = []
  for (let i = 0; i < count; i++) {
    const profile = PROFILES[i % PROFILES.length]
    const format = profile === 'sapo' || profile === 'shopify' ? FORMATS[i % FORMATS.length] : profile === 'github' && i % 2 ? 'form' : 'json'
    const topics = sim.catalogTopics(profile)
    const address = `http://127.0.0.1:9/hooks/${i}`
    const created = await core.invoke('webhooks.create', { name: `Bench ${profile} ${i}`, address, profile, format, topics: [...topics] }, ctx)
    const identifying = sim.identifyingHeaders(profile, topics[0], { webhookId: created.id, eventId: 1, nowMs: Date.parse('2026-01-01T00:00:00Z') })
    const headers = {
      ...identifying,
      'Content-Type': format === 'json' ? 'application/json' : format === 'xml' ? 'application/xml; charset=utf-8' : 'application/x-www-form-urlencoded',
      'User-Agent': identifying['User-Agent'] ?? 'Hooklab/bench',
      [created.signing === 'github' ? 'X-Hub-Signature-256' : created.signing === 'standard' ? 'webhook-signature' : 'X-Signature']: '{{signature}}',
      [created.signing === 'github' ? 'X-GitHub-Delivery' : created.signing === 'standard' ? 'webhook-id' : 'X-Webhook-Id']: '{{provider_id}}',
      'X-Hooklab-Delivery-Id': '{{id}}',
    }
    const idStyle = created.signing === 'standard' ? 'msg' : created.signing === 'woocommerce' ? 'hex' : 'uuid'
    webhooks.push({ id: created.id, profile, format, url: address, requestHeaders: JSON.stringify(headers), idStyle })
  }
  await core.invoke('webhooks.setStatus', { ids: webhooks.map((w) => w.id), status: 'disabled' }, ctx)
  return webhooks
}

/** `size` payloads over every profile's catalog topics, each rendered in every format. */
export function payloadPool(sim, size, random) {
  const pool = []
  const profiles = ['sapo', 'shopify', 'woocommerce', 'github', 'stripe']
  for (let i = 0; i < size; i++) {
    const profile = i % 3 === 0 ? 'sapo' : profiles[i % profiles.length]
    const topics = sim.catalogTopics(profile).filter((t) => t !== 'ping' && sim.canGenerate(profile, t))
    const topic = topics[Math.floor(random() * topics.length)]
    const generated = sim.generatePayload({ profile, topic, seed: Math.floor(random() * 2 ** 32) })
    const bodies = {}
    for (const format of ['json', 'xml', 'form']) {
      const { body, contentType } = sim.renderBody(generated, format)
      bodies[format] = { contentType, body: Buffer.from(body, 'utf8') }
    }
    pool.push({ profile, topic, payload: JSON.stringify(generated.data), root: generated.root, bodies })
  }
  return pool
}

const json = (o) => JSON.stringify(o)
const answer = (status, headers, body, error_class = status >= 300 ? 'http' : null, error_message = status >= 300 ? `HTTP ${status}` : null) => ({
  status,
  headers: json({ 'content-type': headers, date: 'Thu, 26 Nov 2026 10:00:00 GMT', server: 'nginx/1.24.0', 'x-request-id': randomBytes(8).toString('hex') }),
  body: body === null ? null : Buffer.from(body, 'utf8'),
  error_class,
  error_message,
})
const noAnswer = (error_class, error_message) => ({ status: null, headers: null, body: null, error_class, error_message })

/** What receivers answer, many of them carrying words worth searching for. */
export function responses(random) {
  const successes = [
    answer(200, 'application/json', json({ ok: true })),
    answer(200, 'text/plain', 'OK'),
    answer(204, 'text/plain', null),
    answer(201, 'application/json', json({ received: true, message: 'Đã nhận đơn hàng' })),
    answer(202, 'application/json', json({ status: 'queued', job: `job_${Math.floor(random() * 1e9)}` })),
  ]
  const failures = [
    answer(500, 'text/html', '<html><body><h1>500 Internal Server Error</h1><p>NullPointerException at OrderHandler.java:42</p></body></html>'),
    answer(502, 'text/html', '<html><head><title>502 Bad Gateway</title></head><body>nginx upstream timed out</body></html>'),
    answer(503, 'application/json', json({ error: 'maintenance', retry_after: 30 })),
    answer(404, 'application/json', json({ error: 'Not Found', path: '/hooks' })),
    answer(401, 'application/json', json({ error: 'invalid signature', hint: 'check the shared secret' })),
    answer(422, 'application/json', json({ errors: { order_id: ['đơn hàng không tồn tại'] } })),
    answer(429, 'application/json', json({ error: 'rate limited' })),
    answer(301, 'text/html', '<a href="https://example.invalid/new">Moved Permanently</a>'),
    noAnswer('refused', 'connect ECONNREFUSED 127.0.0.1:9'),
    noAnswer('timeout', 'The attempt took longer than timeout_ms (15000 ms)'),
    noAnswer('reset', 'socket hang up'),
  ]
  return { successes, failures }
}
