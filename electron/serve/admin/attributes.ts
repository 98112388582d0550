import { webhookSchema, type Webhook } from '../../core/contract'
import { nullObject, type Attributes } from './body'

/**
 * The webhook as the Admin API shows it and takes it back. Names are the contract's
 * (SPEC §8 "One vocabulary"); this file only orders, trims and cleans them.
 */

/** Answer order: the contract's (Sapo's own attributes first, then Hooklab's, times last). */
const ORDER = Object.keys(webhookSchema.shape)

export interface PresentOptions {
  /** Whether `secret` may appear (an admin who asked, or the answer to the admin's own write). */
  secret: boolean
  /** Shopify's `fields=`: only these attributes. */
  fields?: string[] | null
}

export function presentWebhook(webhook: Webhook, options: PresentOptions): Attributes {
  const source = webhook as unknown as Attributes
  // Attributes the core adds later (time_warp, faults …) follow the known ones instead of vanishing.
  const names = [...ORDER, ...Object.keys(source).filter((k) => !ORDER.includes(k))]
  const out: Attributes = {}
  for (const name of names) {
    if (!Object.hasOwn(source, name)) continue
    if (name === 'secret' && !options.secret) continue
    if (options.fields && !options.fields.includes(name)) continue
    out[name] = source[name]
  }
  return out
}

/**
 * What a GET returns but no client sets. A client that GETs, edits and PUTs the whole
 * object back sends these along; they are dropped quietly rather than refused.
 */
const ECHOED_READ_ONLY = ['id', 'created_on', 'modified_on', 'consecutive_failures', 'last_ping', 'status_reason', 'disabled_on']

export function withoutReadOnly(attrs: Attributes): Attributes {
  // A null-prototype copy: a body key `__proto__` stays an unknown attribute instead of becoming the prototype.
  const out = nullObject()
  for (const name of Object.keys(attrs)) if (!ECHOED_READ_ONLY.includes(name)) out[name] = attrs[name]
  return out
}

/** Problems found here, as sentences keyed by attribute (merged with the schema's by the caller). */
export type Sentences = Record<string, string[]>

/** Seed 003's PUT repeats the id in the body; it must be the path's. */
export function checkBodyId(attrs: Attributes, pathId: number): Sentences {
  if (!Object.hasOwn(attrs, 'id')) return {}
  const id = typeof attrs.id === 'string' && /^\d+$/.test(attrs.id) ? Number(attrs.id) : attrs.id
  return id === pathId ? {} : { id: [`does not match the webhook in the URL (${pathId})`] }
}

/**
 * An auto-disabled webhook's status echoed back is no request to change it: only
 * `enabled` and `disabled` can be set, and refusing the echo would break GET-edit-PUT.
 */
export function withoutStatusEcho(attrs: Attributes, currentStatus: string): Attributes {
  if (attrs.status !== 'auto_disabled' || currentStatus !== 'auto_disabled') return attrs
  const out = nullObject()
  for (const name of Object.keys(attrs)) if (name !== 'status') out[name] = attrs[name]
  return out
}
