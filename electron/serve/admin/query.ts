import { STATUSES, webhookSchema, type WebhookStatus } from '../../core/contract'
import { badRequest } from './errors'

/** Query-string parsing. A bad parameter is the request's fault, not an attribute's: 400 naming it. */

export const DEFAULT_LIMIT = 50
export const MAX_LIMIT = 250

function integer(params: URLSearchParams, name: string, min: number, max: number, sentence: string): number | undefined {
  const raw = params.get(name)
  if (raw === null) return undefined
  if (!/^\d{1,16}$/.test(raw.trim())) throw badRequest(name, sentence)
  const value = Number(raw.trim())
  if (value < min || value > max) throw badRequest(name, sentence)
  return value
}

export function limitOf(params: URLSearchParams): number {
  return integer(params, 'limit', 1, MAX_LIMIT, `must be a whole number from 1 to ${MAX_LIMIT}`) ?? DEFAULT_LIMIT
}

export function sinceIdOf(params: URLSearchParams): number | undefined {
  return integer(params, 'since_id', 0, Number.MAX_SAFE_INTEGER, 'must be a whole number (a webhook id)')
}

/** `?include_secret=true`; anything but a clear yes or no is refused rather than guessed. */
export function flagOf(params: URLSearchParams, name: string): boolean {
  const raw = params.get(name)
  if (raw === null) return false
  const value = raw.trim().toLowerCase()
  if (value === 'true' || value === '1') return true
  if (value === 'false' || value === '0' || value === '') return false
  throw badRequest(name, 'must be true or false')
}

export function statusOf(params: URLSearchParams): WebhookStatus | null {
  const raw = params.get('status')
  if (raw === null || raw === '' || raw === 'any') return null
  if (!(STATUSES as readonly string[]).includes(raw)) throw badRequest('status', `must be one of ${STATUSES.join(', ')} or any`)
  return raw as WebhookStatus
}

/**
 * The attributes `fields=` may name (SPEC §8 "One vocabulary"). An unknown name is
 * refused rather than answered with empty objects, which look like data loss.
 */
export const WEBHOOK_FIELDS: readonly string[] = Object.keys(webhookSchema.shape)

/** Shopify's `fields=id,address`: answer only these attributes. */
export function fieldsOf(params: URLSearchParams): string[] | null {
  const raw = params.get('fields')
  if (raw === null || raw.trim() === '') return null
  const fields = raw.split(',').map((f) => f.trim()).filter(Boolean)
  const unknown = fields.filter((f) => !WEBHOOK_FIELDS.includes(f))
  if (unknown.length > 0) {
    // Echoed names are cut short: the answer must not grow with whatever the caller sent.
    const named = unknown.slice(0, 5).map((f) => JSON.stringify(f.slice(0, 50))).join(', ')
    throw badRequest('fields', `names ${unknown.length === 1 ? 'an unknown attribute' : 'unknown attributes'}: ${named} (known: ${WEBHOOK_FIELDS.join(', ')})`)
  }
  return fields.length > 0 ? fields : null
}

/**
 * Filters Shopify's webhooks.json takes that Hooklab does not (yet). Ignoring them would
 * hand back an unfiltered list that looks filtered, so they are refused by name.
 */
const UNSUPPORTED_LIST_FILTERS = ['address', 'topic', 'status', 'created_at_min', 'created_at_max', 'updated_at_min', 'updated_at_max']

export function refuseUnsupportedFilters(params: URLSearchParams): void {
  // Numbered pages are gone from Shopify's API too; ignoring `page` would answer page 1 as if it were page 2.
  if (params.has('page')) throw badRequest('page', 'is not supported: lists are paged with page_info, taken from the Link header (rel="next") of the previous answer')
  for (const name of UNSUPPORTED_LIST_FILTERS) {
    if (params.has(name)) throw badRequest(name, 'is not supported as a filter of webhooks.json (use count.json for status counts)')
  }
}
