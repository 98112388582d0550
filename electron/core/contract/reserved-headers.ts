import type { Profile } from './profiles'

type Style = 'standard' | 'sapo' | 'shopify' | 'woocommerce' | 'github' | 'stripe' | 'none'

/**
 * Headers a delivery's profile or signing style sets (PROVIDERS.md): a custom header
 * of the same name would collide with the signature, the delivery id or the topic the
 * receiver trusts. `X-Hooklab-*` is Hooklab's own on every delivery.
 */
const BY_PROVIDER: Record<Exclude<Style, 'none'>, RegExp> = {
  standard: /^webhook-(id|timestamp|signature)$/i,
  sapo: /^x-sapo-/i,
  shopify: /^x-shopify-/i,
  woocommerce: /^x-wc-webhook-/i,
  github: /^(x-github-|x-hub-signature)/i,
  stripe: /^stripe-signature$/i,
}
const HOOKLAB = /^x-hooklab-/i

/** Why `name` cannot be a custom header of a webhook with this profile and style, or null. */
export function reservedHeaderReason(name: string, profile: Profile | undefined, signing: Style | undefined): 'hooklab' | 'profile' | 'signing' | null {
  if (HOOKLAB.test(name)) return 'hooklab'
  if (profile && BY_PROVIDER[profile].test(name)) return 'profile'
  if (signing && signing !== 'none' && BY_PROVIDER[signing].test(name)) return 'signing'
  return null
}
