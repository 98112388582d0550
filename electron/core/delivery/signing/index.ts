import { createHmac } from 'node:crypto'
import type { SigningStyle } from '../../contract'
import { providerIdHeader } from './ids'

export { base62, providerDeliveryId, providerIdHeader, uuidV4, type RandomBytes } from './ids'

/**
 * Signatures byte-exact with each provider (../shared/PROVIDERS.md), checked in the tests by
 * the providers' own verifiers from npm. Everything here is a pure function of its input:
 * the engine signs each attempt anew (fresh timestamp, same delivery id).
 */
/** What signing reads of the headers already set: `Headers` will do, or anything case-insensitive like it. */
export type HeaderLookup = Pick<Headers, 'has' | 'get'>

export interface SignInput {
  style: SigningStyle
  /** As stored: `whsec_…` for Standard Webhooks and Stripe; any string otherwise. */
  secret: string
  /** The exact body that will be sent; signed as UTF-8 bytes. */
  body: string
  /** providerDeliveryId(style, …) of this delivery, the same on every attempt. */
  providerId: string
  /** Signature timestamp in Unix seconds, fresh per attempt. */
  timestampSec: number
  topic: string
  /** Headers the profile (and the user) already set, looked up without case; only what is missing is added. */
  existing: HeaderLookup
  /** For the Shopify/Sapo shop-domain header when the profile did not set one. */
  shopDomain?: string
}

/**
 * Shopify's validate() refuses a delivery without X-Shopify-API-Version; the profile normally
 * sets it, this is the fallback when another profile is signed Shopify-style.
 */
export const DEFAULT_SHOPIFY_API_VERSION = '2025-10'
export const DEFAULT_SHOPIFY_DOMAIN = 'hooklab.myshopify.com'
export const DEFAULT_SAPO_DOMAIN = 'hooklab.mysapo.net'

const STANDARD_PREFIX = 'whsec_'

function hmac(algorithm: 'sha256' | 'sha1', key: string | Buffer, data: string): Buffer {
  return createHmac(algorithm, key).update(data, 'utf8').digest()
}

/**
 * Standard Webhooks' key is the base64 after `whsec_` (the spec and the `standardwebhooks`
 * package both strip the prefix only when present, then decode).
 */
function standardKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith(STANDARD_PREFIX) ? secret.slice(STANDARD_PREFIX.length) : secret, 'base64')
}

/**
 * `v1,<base64>` over `${id}.${timestamp}.${body}`. The timestamp is signed as the header
 * carries it (a profile may have set it as a string).
 */
export function standardSignature(secret: string, id: string, timestamp: number | string, body: string): string {
  return 'v1,' + hmac('sha256', standardKey(secret), `${id}.${timestamp}.${body}`).toString('base64')
}

/** `t=<ts>,v1=<hex>`; Stripe keys the HMAC with the whole `whsec_…` string as UTF-8. */
export function stripeSignature(secret: string, timestampSec: number, body: string): string {
  return `t=${timestampSec},v1=${hmac('sha256', secret, `${timestampSec}.${body}`).toString('hex')}`
}

/** Base64 HMAC-SHA256 of the raw body: Shopify, Sapo and WooCommerce all sign this way. */
export function bodyHmacBase64(secret: string, body: string): string {
  return hmac('sha256', secret, body).toString('base64')
}

/**
 * The headers to add to a delivery for its signing style. A header already in `existing`
 * (case-insensitively) is never returned, so merging the two never sends a name twice.
 */
export function signatureHeaders(input: SignInput): Record<string, string> {
  const out: Record<string, string> = {}
  const add = (name: string, value: () => string): void => {
    // Lazy value: no HMAC is computed for a header the profile already set.
    if (!input.existing.has(name) && !hasName(out, name)) out[name] = value()
  }
  const idHeader = providerIdHeader(input.style)
  const { secret, body, timestampSec } = input

  switch (input.style) {
    case 'standard': {
      // The three headers are signed together: if the profile set its own id or timestamp,
      // the signature must cover those values, or the verifier rejects it.
      const id = input.existing.get('webhook-id') ?? input.providerId
      const ts = input.existing.get('webhook-timestamp') ?? String(timestampSec)
      add('webhook-id', () => id)
      add('webhook-timestamp', () => ts)
      add('webhook-signature', () => standardSignature(secret, id, ts, body))
      break
    }
    case 'stripe':
      add('Stripe-Signature', () => stripeSignature(secret, timestampSec, body))
      break
    case 'github':
      add('X-Hub-Signature-256', () => 'sha256=' + hmac('sha256', secret, body).toString('hex'))
      // Legacy SHA-1 header: GitHub still sends it, and older receivers check only it.
      add('X-Hub-Signature', () => 'sha1=' + hmac('sha1', secret, body).toString('hex'))
      break
    case 'shopify':
      add('X-Shopify-Hmac-Sha256', () => bodyHmacBase64(secret, body))
      // The four headers @shopify/shopify-api's webhooks.validate refuses a delivery without.
      add('X-Shopify-Topic', () => input.topic)
      add('X-Shopify-API-Version', () => DEFAULT_SHOPIFY_API_VERSION)
      add('X-Shopify-Shop-Domain', () => input.shopDomain ?? DEFAULT_SHOPIFY_DOMAIN)
      break
    case 'sapo':
      add('X-Sapo-Hmac-Sha256', () => bodyHmacBase64(secret, body))
      // Public Sapo receivers route on these two (Sapo mirrors Shopify's scheme).
      add('X-Sapo-Topic', () => input.topic)
      add('X-Sapo-Shop-Domain', () => input.shopDomain ?? DEFAULT_SAPO_DOMAIN)
      break
    case 'woocommerce':
      add('X-WC-Webhook-Signature', () => bodyHmacBase64(secret, body))
      break
    case 'none':
      break
  }
  if (idHeader) add(idHeader, () => input.providerId)
  return out
}

function hasName(headers: Record<string, string>, name: string): boolean {
  const lower = name.toLowerCase()
  return Object.keys(headers).some((k) => k.toLowerCase() === lower)
}
