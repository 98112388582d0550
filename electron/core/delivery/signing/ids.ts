import type { SigningStyle } from '../../contract'

/**
 * Each style's own delivery id, in the format that provider uses, so receivers that parse or
 * store it (a UUID column, a `msg_` prefix check) take Hooklab's deliveries unchanged. The
 * random source is injected: tests and seeded runs get the same ids every time.
 */
export type RandomBytes = (n: number) => Buffer

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/**
 * Base62 of a big-endian number, left-padded with '0' to `width` — the KSUID encoding
 * (20 bytes → 27 characters, since 62^27 > 2^160) that Svix uses after `msg_`.
 */
export function base62(bytes: Buffer, width: number): string {
  let n = BigInt('0x' + (bytes.length ? bytes.toString('hex') : '0'))
  let out = ''
  while (n > 0n) {
    out = BASE62[Number(n % 62n)] + out
    n /= 62n
  }
  return out.padStart(width, '0')
}

/** An RFC 4122 version-4 UUID from 16 bytes: version nibble 4, variant bits 10. */
export function uuidV4(bytes: Buffer): string {
  if (bytes.length < 16) throw new Error('uuidV4 needs 16 random bytes')
  const b = Buffer.from(bytes.subarray(0, 16))
  b[6] = (b[6] & 0x0f) | 0x40
  b[8] = (b[8] & 0x3f) | 0x80
  const h = b.toString('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

/**
 * The style's own delivery id; made once per delivery and reused on every attempt.
 * - standard: `msg_` + 27 base62 characters (a KSUID's width; Svix's message ids).
 * - woocommerce: 32 lowercase hex characters. WooCommerce ≥ 3.3 sends
 *   `wp_hash($webhook_id . time())` (an HMAC-MD5 hex digest); the integer comment id was 2.x.
 * - github, shopify, and the rest: a v4 UUID.
 */
export function providerDeliveryId(style: SigningStyle, randomBytes: RandomBytes): string {
  switch (style) {
    case 'standard':
      return 'msg_' + base62(randomBytes(20), 27)
    case 'woocommerce':
      return randomBytes(16).toString('hex')
    default:
      return uuidV4(randomBytes(16))
  }
}

/**
 * Sapo publishes no delivery-id header; public Sapo receivers read only X-Sapo-Topic,
 * X-Sapo-Hmac-Sha256 and X-Sapo-Shop-Domain. X-Sapo-Webhook-Id mirrors Shopify's
 * X-Shopify-Webhook-Id, as the rest of Sapo's headers mirror Shopify's.
 */
const ID_HEADERS: Record<SigningStyle, string | null> = {
  standard: 'webhook-id',
  github: 'X-GitHub-Delivery',
  shopify: 'X-Shopify-Webhook-Id',
  woocommerce: 'X-WC-Webhook-Delivery-ID',
  sapo: 'X-Sapo-Webhook-Id',
  stripe: null,
  none: null,
}

/** The header that carries providerDeliveryId, or null when the style has none. */
export function providerIdHeader(style: SigningStyle): string | null {
  return ID_HEADERS[style]
}
