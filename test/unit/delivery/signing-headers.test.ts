import { createHmac, randomBytes } from 'node:crypto'
import { expect, test } from 'vitest'
import { SIGNING_STYLES, type SigningStyle } from '../../../electron/core/contract'
import { base62, providerDeliveryId, providerIdHeader, signatureHeaders, uuidV4, type SignInput } from '../../../electron/core/delivery/signing'

const BODY = '{"order":{"id":1}}'
const SECRET = 'whsec_' + Buffer.alloc(24, 7).toString('base64')

function input(style: SigningStyle, over: Partial<SignInput> = {}): SignInput {
  return { style, secret: SECRET, body: BODY, providerId: providerDeliveryId(style, randomBytes), timestampSec: 1_767_225_600, topic: 'orders/create', existing: new Headers(), ...over }
}

/** A fixed "random" source so ids are reproducible. */
const fixed = (byte: number) => (n: number): Buffer => Buffer.alloc(n, byte)

test('each style has its own id format', () => {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
  expect(providerDeliveryId('standard', randomBytes)).toMatch(/^msg_[0-9A-Za-z]{27}$/)
  expect(providerDeliveryId('woocommerce', randomBytes)).toMatch(/^[0-9a-f]{32}$/)
  for (const style of ['github', 'shopify', 'sapo', 'stripe', 'none'] as const) expect(providerDeliveryId(style, randomBytes)).toMatch(uuid)
})

test('ids come only from the injected random source', () => {
  expect(providerDeliveryId('github', fixed(0xff))).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff')
  expect(providerDeliveryId('standard', fixed(0))).toBe('msg_' + '0'.repeat(27))
  // 2^160 - 1 still fits 27 base62 characters, so every id has the same width.
  expect(providerDeliveryId('standard', fixed(0xff))).toHaveLength(31)
  expect(base62(Buffer.from([0, 61]), 3)).toBe('00z')
  expect(base62(Buffer.from([0, 62]), 3)).toBe('010')
  expect(uuidV4(Buffer.alloc(16, 0))).toBe('00000000-0000-4000-8000-000000000000')
})

test('the provider id header per style', () => {
  expect(Object.fromEntries(SIGNING_STYLES.map((s) => [s, providerIdHeader(s)]))).toEqual({
    standard: 'webhook-id',
    sapo: 'X-Sapo-Webhook-Id',
    shopify: 'X-Shopify-Webhook-Id',
    woocommerce: 'X-WC-Webhook-Delivery-ID',
    github: 'X-GitHub-Delivery',
    stripe: null,
    none: null,
  })
})

test('each style adds exactly its headers, carrying the provider id', () => {
  const names = (style: SigningStyle): string[] => Object.keys(signatureHeaders(input(style))).sort()
  expect(names('standard')).toEqual(['webhook-id', 'webhook-signature', 'webhook-timestamp'])
  expect(names('stripe')).toEqual(['Stripe-Signature'])
  expect(names('github')).toEqual(['X-GitHub-Delivery', 'X-Hub-Signature', 'X-Hub-Signature-256'])
  expect(names('shopify')).toEqual(['X-Shopify-API-Version', 'X-Shopify-Hmac-Sha256', 'X-Shopify-Shop-Domain', 'X-Shopify-Topic', 'X-Shopify-Webhook-Id'])
  expect(names('sapo')).toEqual(['X-Sapo-Hmac-Sha256', 'X-Sapo-Shop-Domain', 'X-Sapo-Topic', 'X-Sapo-Webhook-Id'])
  expect(names('woocommerce')).toEqual(['X-WC-Webhook-Delivery-ID', 'X-WC-Webhook-Signature'])
  expect(names('none')).toEqual([])
  for (const style of SIGNING_STYLES) {
    const header = providerIdHeader(style)
    const i = input(style)
    if (header) expect(signatureHeaders(i)[header]).toBe(i.providerId)
  }
})

test.each([...SIGNING_STYLES])('%s: nothing appears twice when the profile already set every header', (style) => {
  const first = signatureHeaders(input(style))
  // The profile set them in another case: Headers compares names case-insensitively.
  const existing = new Headers(Object.entries(first).map(([k, v]): [string, string] => [k.toUpperCase(), v]))
  expect(signatureHeaders(input(style, { existing }))).toEqual({})
  // Merged as the engine will, every name appears once.
  const merged = new Headers(existing)
  const some = Object.keys(first).slice(0, 1)
  for (const name of some) merged.delete(name)
  const added = signatureHeaders(input(style, { existing: merged }))
  expect(Object.keys(added)).toEqual(some)
})

test('the shop domain: the one given, else a default; the topic is the delivery topic', () => {
  expect(signatureHeaders(input('shopify', { shopDomain: 'demo.myshopify.com' }))['X-Shopify-Shop-Domain']).toBe('demo.myshopify.com')
  expect(signatureHeaders(input('sapo', { shopDomain: 'demo.mysapo.net', topic: 'orders/paid' }))).toMatchObject({ 'X-Sapo-Shop-Domain': 'demo.mysapo.net', 'X-Sapo-Topic': 'orders/paid' })
  expect(signatureHeaders(input('sapo'))['X-Sapo-Shop-Domain']).toBe('hooklab.mysapo.net')
})

test('attempts share the provider id; timestamped styles sign each timestamp anew', () => {
  const first = input('standard')
  const a = signatureHeaders(first)
  const b = signatureHeaders({ ...first, timestampSec: first.timestampSec + 5 })
  expect(b['webhook-id']).toBe(a['webhook-id'])
  expect(b['webhook-signature']).not.toBe(a['webhook-signature'])
  const s = input('stripe')
  expect(signatureHeaders({ ...s, timestampSec: 1 })['Stripe-Signature']).toMatch(/^t=1,v1=/)
})

test('the body is signed as UTF-8 bytes, not Latin-1 or UTF-16', () => {
  const sig = signatureHeaders(input('woocommerce', { secret: 'k', body: 'đơn hàng é' }))['X-WC-Webhook-Signature']
  const over = (bytes: Buffer): string => createHmac('sha256', 'k').update(bytes).digest('base64')
  expect(sig).toBe(over(Buffer.from('đơn hàng é', 'utf8')))
  expect(sig).not.toBe(over(Buffer.from('đơn hàng é', 'latin1')))
  expect(sig).not.toBe(over(Buffer.from('đơn hàng é', 'utf16le')))
})
