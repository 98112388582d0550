import { describe, expect, it } from 'vitest'
import { PROFILES, type Profile } from '../../../electron/core/contract/profiles'
import { HooklabError } from '../../../electron/core/contract/errors'
import { generatePayload, identifyingHeaders, parseRailsXml, renderBody, seedFrom } from '../../../electron/core/simulator'
import { TOPICS } from '../../../electron/core/simulator/topics'

const FORMATS = ['json', 'xml', 'form'] as const
const every = PROFILES.flatMap((profile) => TOPICS[profile].map((topic) => ({ profile, topic })))
// Open profiles also send topics outside the table.
const extra: Array<{ profile: Profile; topic: string }> = [
  { profile: 'woocommerce', topic: 'action.woocommerce_payment_complete' },
  { profile: 'standard', topic: 'invoice.paid' },
  { profile: 'standard', topic: 'user/created' },
]

describe('every topic of every profile generates in every format', () => {
  it.each([...every, ...extra])('$profile $topic', ({ profile, topic }) => {
    const generated = generatePayload({ profile, topic, seed: 20240607, webhookId: 9 })
    expect(generated.root).toMatch(/^[a-z][a-z_]*$/)
    expect(Object.keys(generated.data).length).toBeGreaterThan(0)
    for (const format of FORMATS) {
      const { body, contentType } = renderBody(generated, format)
      expect(body.length).toBeGreaterThan(0)
      if (generated.encoding === 'form-fields') {
        expect(contentType).toBe('application/x-www-form-urlencoded')
        continue
      }
      if (format === 'json') {
        expect(contentType).toBe('application/json')
        expect(JSON.parse(body)).toEqual(generated.data)
      } else if (format === 'form') {
        expect(contentType).toBe('application/x-www-form-urlencoded')
        const payload = new URLSearchParams(body).get('payload')
        expect(JSON.parse(payload!)).toEqual(generated.data)
        expect(body.startsWith('payload=')).toBe(true)
      } else {
        expect(contentType).toBe('application/xml; charset=utf-8')
        expect(body.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true)
        expect(parseRailsXml(body)).toEqual({ root: generated.root, data: generated.data })
      }
    }
  })
})

describe('determinism', () => {
  it.each(every)('$profile $topic: same seed, same bytes; another seed, another body', ({ profile, topic }) => {
    const a = renderBody(generatePayload({ profile, topic, seed: 77, webhookId: 3 }), 'json').body
    const b = renderBody(generatePayload({ profile, topic, seed: 77, webhookId: 3 }), 'json').body
    expect(a).toBe(b)
    if (topic !== 'ping' && topic !== 'app/installed' && topic !== 'app/uninstalled') {
      const c = renderBody(generatePayload({ profile, topic, seed: 78, webhookId: 3 }), 'json').body
      expect(c).not.toBe(a)
    }
  })

  it('never reads the wall clock', () => {
    const realNow = Date.now
    Date.now = () => { throw new Error('Date.now called') }
    try {
      for (const { profile, topic } of every) generatePayload({ profile, topic, seed: 5 })
    } finally {
      Date.now = realNow
    }
  })

  it('timestamps come from the seed: a larger seed is never earlier', () => {
    const created = (seed: number) => String(generatePayload({ profile: 'sapo', topic: 'orders/create', seed }).data.created_on)
    expect(created(1000)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/)
    expect(Date.parse(created(1_000_000))).toBeGreaterThanOrEqual(Date.parse(created(1000)))
    expect(Date.parse(created(0xffffffff))).toBeGreaterThan(Date.parse(created(1_000_000)))
  })

  it('seedFrom draws uint32 seeds from the injected random source', () => {
    expect(seedFrom(() => 0)).toBe(0)
    expect(seedFrom(() => 0.999999999999)).toBe(4294967295)
    expect(seedFrom(() => 0.5)).toBe(2147483648)
  })
})

describe('bad input', () => {
  it('an unknown topic is invalid_input naming topic', () => {
    for (const topic of ['orders/updated', 'constructor', '__proto__', 'nope']) {
      try {
        generatePayload({ profile: 'sapo', topic, seed: 1 })
        expect.unreachable()
      } catch (error) {
        expect(error).toBeInstanceOf(HooklabError)
        expect((error as HooklabError).code).toBe('invalid_input')
        expect((error as HooklabError).fields).toEqual({ topic: ['unknown_topic'] })
      }
    }
    expect(() => generatePayload({ profile: 'woocommerce', topic: 'action.Bad Hook', seed: 1 })).toThrow(HooklabError)
  })

  it('a seed outside uint32 is refused', () => {
    expect(() => generatePayload({ profile: 'sapo', topic: 'orders/create', seed: -1 })).toThrow(/seed/)
    expect(() => generatePayload({ profile: 'sapo', topic: 'orders/create', seed: 2 ** 32 })).toThrow(/seed/)
    expect(() => generatePayload({ profile: 'sapo', topic: 'orders/create', seed: 1.5 })).toThrow(/seed/)
  })
})

describe('ping', () => {
  it('is {"webhook_id", "message", "sent_on"} for Sapo, Shopify, Stripe and Standard', () => {
    for (const profile of ['sapo', 'shopify', 'stripe', 'standard'] as const) {
      const { data } = generatePayload({ profile, topic: 'ping', seed: 1, webhookId: 12 })
      expect(Object.keys(data)).toEqual(['webhook_id', 'message', 'sent_on'])
      expect(data.webhook_id).toBe(12)
      expect(data.message).toBe('Hooklab ping')
    }
  })

  it("is GitHub's ping event for GitHub", () => {
    const { data } = generatePayload({ profile: 'github', topic: 'ping', seed: 1, webhookId: 12 })
    expect(data.hook_id).toBe(12)
    expect(typeof data.zen).toBe('string')
    expect((data.hook as { id: number }).id).toBe(12)
  })

  it('is the form body webhook_id=<id> for WooCommerce, whatever the format', () => {
    const generated = generatePayload({ profile: 'woocommerce', topic: 'ping', seed: 1, webhookId: 12 })
    for (const format of FORMATS) {
      expect(renderBody(generated, format)).toEqual({ body: 'webhook_id=12', contentType: 'application/x-www-form-urlencoded' })
    }
  })
})

describe('identifying headers', () => {
  const ctx = { webhookId: 31, eventId: 1001, nowMs: Date.UTC(2025, 0, 2, 3, 4, 5) }
  const forbidden = /signature|hmac|delivery|^webhook-id$|^x-shopify-webhook-id$/i

  it.each([...PROFILES])('%s: no signature or delivery-id header', (profile) => {
    for (const topic of TOPICS[profile]) {
      const headers = identifyingHeaders(profile, topic, ctx)
      for (const name of Object.keys(headers)) expect(name).not.toMatch(forbidden)
    }
  })

  it('names the provider, topic, shop and version', () => {
    expect(identifyingHeaders('sapo', 'orders/create', ctx)).toMatchObject({ 'X-Sapo-Topic': 'orders/create', 'X-Sapo-Shop-Domain': 'hooklab-demo.mysapo.net' })
    const shopify = identifyingHeaders('shopify', 'orders/create', ctx)
    expect(shopify).toMatchObject({ 'X-Shopify-Topic': 'orders/create', 'X-Shopify-Shop-Domain': 'hooklab-demo.myshopify.com', 'X-Shopify-Triggered-At': '2025-01-02T03:04:05.000Z' })
    expect(shopify['X-Shopify-API-Version']).toMatch(/^\d{4}-\d{2}$/)
    expect(shopify['X-Shopify-Event-Id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(identifyingHeaders('shopify', 'orders/create', { ...ctx, eventId: 1002 })['X-Shopify-Event-Id']).not.toBe(shopify['X-Shopify-Event-Id'])
    expect(identifyingHeaders('woocommerce', 'order.created', ctx)).toMatchObject({
      'X-WC-Webhook-Topic': 'order.created', 'X-WC-Webhook-Resource': 'order', 'X-WC-Webhook-Event': 'created', 'X-WC-Webhook-ID': '31',
    })
    expect(identifyingHeaders('woocommerce', 'order.created', ctx)['User-Agent']).toMatch(/^WooCommerce\/[\d.]+ Hookshot \(WordPress\/[\d.]+\)$/)
    const gh = identifyingHeaders('github', 'push', ctx)
    expect(gh).toMatchObject({ 'X-GitHub-Event': 'push', 'X-GitHub-Hook-ID': '31', 'X-GitHub-Hook-Installation-Target-Type': 'repository' })
    expect(gh['User-Agent']).toMatch(/^GitHub-Hookshot\/[0-9a-f]+$/)
    expect(identifyingHeaders('stripe', 'charge.succeeded', ctx)).toEqual({ 'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)' })
    expect(identifyingHeaders('standard', 'invoice.paid', ctx)).toEqual({})
  })
})
