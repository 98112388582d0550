import { createHmac, randomBytes } from 'node:crypto'
import { verify as octokitVerify } from '@octokit/webhooks-methods'
import { Webhook as StandardWebhook } from 'standardwebhooks'
import Stripe from 'stripe'
import { request } from 'undici'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startShopifyVerifier } from '../../support/shopify-verifier'
import type { SigningStyle } from '../../../electron/core/contract'
import { providerDeliveryId, signatureHeaders, standardSignature, type SignInput } from '../../../electron/core/delivery/signing'

// Each style is checked by the provider's own published verifier where one is on npm; the
// verifiers check timestamps against the real clock, so signatures here use the real now.
const now = (): number => Math.floor(Date.now() / 1000)
const BODY = JSON.stringify({ id: 820982911946154508, email: 'jon@example.com', note: 'Tiếng Việt ✓', total_price: '199000' })

function sign(style: SigningStyle, secret: string, over: Partial<SignInput> = {}): Record<string, string> {
  return signatureHeaders({
    style,
    secret,
    body: BODY,
    providerId: providerDeliveryId(style, randomBytes),
    timestampSec: now(),
    topic: 'orders/create',
    existing: new Headers(),
    ...over,
  })
}

describe('Standard Webhooks (standardwebhooks)', () => {
  const secret = 'whsec_' + randomBytes(24).toString('base64')

  test('the PROVIDERS.md test vector reproduces exactly', () => {
    const vector = { secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', id: 'msg_p5jXN8AQM9LWM0D4loKWxJek', ts: 1614265330, body: '{"test": 2432232314}' }
    const expected = 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE='
    expect(standardSignature(vector.secret, vector.id, vector.ts, vector.body)).toBe(expected)
    const headers = signatureHeaders({ style: 'standard', secret: vector.secret, body: vector.body, providerId: vector.id, timestampSec: vector.ts, topic: 't', existing: new Headers() })
    expect(headers).toEqual({ 'webhook-id': vector.id, 'webhook-timestamp': '1614265330', 'webhook-signature': expected })
  })

  test('new Webhook(secret).verify accepts what Hooklab sends', () => {
    const headers = sign('standard', secret)
    expect(headers['webhook-id']).toMatch(/^msg_[0-9A-Za-z]{27}$/)
    expect(new StandardWebhook(secret).verify(BODY, headers)).toEqual(JSON.parse(BODY))
  })

  test('a profile-set webhook-id is the one signed', () => {
    const headers = sign('standard', secret, { existing: new Headers({ 'Webhook-Id': 'msg_fromprofile' }) })
    expect(Object.keys(headers).sort()).toEqual(['webhook-signature', 'webhook-timestamp'])
    expect(() => new StandardWebhook(secret).verify(BODY, { ...headers, 'webhook-id': 'msg_fromprofile' })).not.toThrow()
  })

  test('a wrong secret fails', () => {
    const headers = sign('standard', 'whsec_' + randomBytes(24).toString('base64'))
    expect(() => new StandardWebhook(secret).verify(BODY, headers)).toThrow(/No matching signature/)
  })
})

describe('Stripe (stripe.webhooks.constructEvent)', () => {
  const stripe = new Stripe('sk_test_hooklab_never_used')
  const secret = 'whsec_' + randomBytes(24).toString('base64')

  test('constructEvent accepts the Stripe-Signature header', () => {
    const headers = sign('stripe', secret)
    expect(Object.keys(headers)).toEqual(['Stripe-Signature'])
    expect(headers['Stripe-Signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/)
    const event = stripe.webhooks.constructEvent(BODY, headers['Stripe-Signature'], secret)
    expect(event).toEqual(JSON.parse(BODY))
  })

  test('the key is the whole whsec_ string, matching generateTestHeaderString', () => {
    const timestamp = now()
    const header = stripe.webhooks.generateTestHeaderString({ payload: BODY, secret, timestamp })
    expect(sign('stripe', secret, { timestampSec: timestamp })['Stripe-Signature']).toBe(header)
  })

  test('a wrong secret fails', () => {
    const headers = sign('stripe', secret + 'x')
    expect(() => stripe.webhooks.constructEvent(BODY, headers['Stripe-Signature'], secret)).toThrow(/signature/i)
  })
})

describe('GitHub (@octokit/webhooks-methods)', () => {
  const secret = randomBytes(32).toString('hex')

  test('verify accepts X-Hub-Signature-256; X-Hub-Signature carries the legacy SHA-1', async () => {
    const headers = sign('github', secret)
    expect(await octokitVerify(secret, BODY, headers['X-Hub-Signature-256'])).toBe(true)
    expect(headers['X-Hub-Signature']).toBe('sha1=' + createHmac('sha1', secret).update(BODY, 'utf8').digest('hex'))
    expect(headers['X-GitHub-Delivery']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })

  test("GitHub's documented vector: \"It's a Secret to Everybody\" / \"Hello, World!\"", () => {
    const headers = sign('github', "It's a Secret to Everybody", { body: 'Hello, World!' })
    expect(headers['X-Hub-Signature-256']).toBe('sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17')
  })

  test('a wrong secret fails', async () => {
    const headers = sign('github', secret + 'x')
    expect(await octokitVerify(secret, BODY, headers['X-Hub-Signature-256'])).toBe(false)
  })
})

describe('Shopify (@shopify/shopify-api webhooks.validate, node adapter)', () => {
  const secret = randomBytes(32).toString('hex')
  let verifier: Awaited<ReturnType<typeof startShopifyVerifier>>
  let url: string
  beforeAll(async () => {
    verifier = await startShopifyVerifier(secret)
    url = verifier.url
  })
  afterAll(() => verifier.close())

  async function validate(headers: Record<string, string>): Promise<Record<string, unknown>> {
    const res = await request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: BODY })
    return (await res.body.json()) as Record<string, unknown>
  }

  test('validate accepts the HMAC and finds every header it requires', async () => {
    const headers = sign('shopify', secret, { shopDomain: 'hooklab-demo.myshopify.com' })
    const result = await validate(headers)
    expect(result).toMatchObject({ valid: true, topic: 'ORDERS_CREATE', domain: 'hooklab-demo.myshopify.com', webhookId: headers['X-Shopify-Webhook-Id'] })
    expect(headers['X-Shopify-Webhook-Id']).toMatch(/^[0-9a-f-]{36}$/)
  })

  test('profile-set Shopify headers are kept, not repeated', async () => {
    const existing = { 'x-shopify-topic': 'orders/create', 'X-Shopify-API-Version': '2025-07', 'X-Shopify-Shop-Domain': 'mine.myshopify.com' }
    const headers = sign('shopify', secret, { existing: new Headers(existing) })
    expect(Object.keys(headers).sort()).toEqual(['X-Shopify-Hmac-Sha256', 'X-Shopify-Webhook-Id'])
    expect(await validate({ ...existing, ...headers })).toMatchObject({ valid: true, apiVersion: '2025-07', domain: 'mine.myshopify.com' })
  })

  test('a wrong secret fails', async () => {
    expect(await validate(sign('shopify', secret + 'x'))).toMatchObject({ valid: false, reason: 'invalid_hmac' })
  })
})

// Sapo and WooCommerce publish no verifier on npm: an independent computation, plus the
// RFC 4231 test case 2 vector (key "Jefe") that any HMAC-SHA256 must reproduce.
describe.each([
  { style: 'sapo' as const, header: 'X-Sapo-Hmac-Sha256' },
  { style: 'woocommerce' as const, header: 'X-WC-Webhook-Signature' },
])('$style (base64 HMAC-SHA256 of the raw body)', ({ style, header }) => {
  const secret = randomBytes(32).toString('hex')
  const independent = (key: string, body: string): string => createHmac('sha256', Buffer.from(key, 'utf8')).update(Buffer.from(body, 'utf8')).digest('base64')

  test('matches an independent computation over the UTF-8 body bytes', () => {
    expect(sign(style, secret)[header]).toBe(independent(secret, BODY))
  })

  test('reproduces the RFC 4231 vector', () => {
    expect(sign(style, 'Jefe', { body: 'what do ya want for nothing?' })[header]).toBe('W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=')
  })

  test('a wrong secret fails', () => {
    expect(sign(style, secret + 'x')[header]).not.toBe(independent(secret, BODY))
  })
})
