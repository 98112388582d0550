import { STATUSES, type WebhookStatus } from '../../core/contract'
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

/** Shopify's `fields=id,address`: answer only these attributes. */
export function fieldsOf(params: URLSearchParams): string[] | null {
  const raw = params.get('fields')
  if (raw === null || raw.trim() === '') return null
  return raw.split(',').map((f) => f.trim()).filter(Boolean)
}

/**
 * Filters Shopify's webhooks.json takes that Hooklab does not (yet). Ignoring them would
 * hand back an unfiltered list that looks filtered, so they are refused by name.
 */
const UNSUPPORTED_LIST_FILTERS = ['address', 'topic', 'status', 'created_at_min', 'created_at_max', 'updated_at_min', 'updated_at_max']

export function refuseUnsupportedFilters(params: URLSearchParams): void {
  for (const name of UNSUPPORTED_LIST_FILTERS) {
    if (params.has(name)) throw badRequest(name, 'is not supported as a filter of webhooks.json (use count.json for status counts)')
  }
}
