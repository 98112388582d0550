import type { Webhook } from '../../core/contract'
import { REDACTED, redactAuth } from '../../core/webhooks/present'
import type { Attributes } from './body'

/**
 * The webhook as the Admin API shows it and takes it back. Names are the contract's
 * (SPEC §8 "One vocabulary"); this file only orders, trims and cleans them.
 */

/** Answer order: Sapo's own attributes first-class, then Hooklab's, times last. */
const ORDER = [
  'id', 'name', 'address', 'topic', 'topics', 'profile', 'format', 'signing', 'secret', 'headers', 'auth',
  'status', 'status_reason', 'disabled_on', 'consecutive_failures', 'retry_schedule', 'connect_timeout_ms',
  'timeout_ms', 'max_concurrency', 'rate_limit_per_second', 'ordered', 'disable_after_failures',
  'accept_self_signed', 'last_ping', 'created_on', 'modified_on',
]

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
    if (!(name in source)) continue
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
  const out: Attributes = {}
  for (const [name, value] of Object.entries(attrs)) if (!ECHOED_READ_ONLY.includes(name)) out[name] = value
  return out
}

/** Problems found here, as sentences keyed by attribute (merged with the schema's by the caller). */
export type Sentences = Record<string, string[]>

/** Seed 003's PUT repeats the id in the body; it must be the path's. */
export function checkBodyId(attrs: Attributes, pathId: number): Sentences {
  if (attrs.id === undefined) return {}
  const id = typeof attrs.id === 'string' && /^\d+$/.test(attrs.id) ? Number(attrs.id) : attrs.id
  return id === pathId ? {} : { id: [`does not match the webhook in the URL (${pathId})`] }
}

const CREDENTIALS = ['password', 'token'] as const
const hasRedacted = (auth: unknown) =>
  typeof auth === 'object' && auth !== null && CREDENTIALS.some((k) => (auth as Record<string, unknown>)[k] === REDACTED)


const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/**
 * A GET shows auth credentials as "[redacted]". Sent back unchanged that means "keep
 * them"; sent with other changes it would store the placeholder as the password, so it
 * is refused with a way out.
 */
export function resolveEchoes(attrs: Attributes, current: Webhook | null): { attrs: Attributes; errors: Sentences } {
  const out = { ...attrs }
  const errors: Sentences = {}
  if (hasRedacted(out.auth)) {
    if (current && sameJson(sortKeys(out.auth), sortKeys(redactAuth(current.auth)))) delete out.auth
    else {
      errors.auth = [`contains the ${REDACTED} placeholder: send the real credential, or leave auth out to keep the stored one`]
      delete out.auth
    }
  }
  // Header values a GET showed redacted mean "keep the stored value" when sent back.
  if (typeof out.headers === 'object' && out.headers !== null && !Array.isArray(out.headers)) {
    const headers = { ...(out.headers as Record<string, unknown>) }
    for (const [name, value] of Object.entries(headers)) {
      if (value !== REDACTED) continue
      if (current && typeof current.headers[name] === 'string') headers[name] = current.headers[name]
      else (errors[`headers.${name}`] ??= []).push(`contains the ${REDACTED} placeholder: send the real value`)
    }
    out.headers = headers
  }
  // An auto-disabled webhook's status echoed back is no request to change it.
  if (current && out.status === 'auto_disabled' && current.status === 'auto_disabled') delete out.status
  return { attrs: out, errors }
}

function sortKeys(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
}
