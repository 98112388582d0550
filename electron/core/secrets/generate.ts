import type { SigningStyle } from '../contract'

/** Styles whose secrets are `whsec_` + base64 (Standard Webhooks decodes it; Stripe uses it whole). */
const WHSEC_STYLES: SigningStyle[] = ['standard', 'stripe']

/** SPEC §8: `whsec_` + base64 of 24 random bytes for Standard/Stripe, 32 random bytes hex otherwise. */
export function generateSecret(style: SigningStyle, randomBytes: (n: number) => Buffer): string {
  return WHSEC_STYLES.includes(style) ? `whsec_${randomBytes(24).toString('base64')}` : randomBytes(32).toString('hex')
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

/** A Standard Webhooks secret is `whsec_` + non-empty valid base64 (the verifier decodes it). */
export function isValidSecretFor(style: SigningStyle, secret: string): boolean {
  if (style !== 'standard') return true
  if (!secret.startsWith('whsec_')) return false
  const body = secret.slice('whsec_'.length)
  return body.length > 0 && BASE64.test(body)
}
