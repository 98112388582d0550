import { DELIVERY_STATUSES, STATUS_CLASSES, type DeliveryStatus, type LogFilter, type StatusClass } from '@contract'
import type { LocationQuery, LocationQueryRaw } from 'vue-router'

/**
 * The event log's filter lives in the address (`#/log?webhook=3&status=failed…`), so a link
 * to the log shows what its sender saw. These two functions are the only translation
 * between the address and the contract's `LogFilter`; anything malformed is dropped, not
 * guessed at, so a hand-edited link never makes the core refuse the whole page.
 */
const KEYS = ['webhook', 'topic', 'status', 'class', 'since', 'until', 'tests', 'q'] as const

function one(query: LocationQuery, key: string): string | undefined {
  const value = query[key]
  const text = Array.isArray(value) ? value[0] : value
  return typeof text === 'string' && text !== '' ? text : undefined
}

function positiveInt(text: string | undefined): number | undefined {
  if (!text || !/^\d{1,15}$/.test(text)) return undefined
  const n = Number(text)
  return n > 0 ? n : undefined
}

function instant(text: string | undefined): string | undefined {
  return text && !Number.isNaN(Date.parse(text)) ? new Date(text).toISOString() : undefined
}

export function filterFromQuery(query: LocationQuery): LogFilter {
  const filter: LogFilter = {}
  const webhook = positiveInt(one(query, 'webhook'))
  if (webhook) filter.webhook_id = webhook
  const topic = one(query, 'topic')?.trim()
  if (topic) filter.topic = topic.slice(0, 200)
  const status = one(query, 'status')
  if (status && (DELIVERY_STATUSES as readonly string[]).includes(status)) filter.status = status as DeliveryStatus
  const statusClass = one(query, 'class')
  if (statusClass && (STATUS_CLASSES as readonly string[]).includes(statusClass)) filter.status_class = statusClass as StatusClass
  const since = instant(one(query, 'since'))
  if (since) filter.since = since
  const until = instant(one(query, 'until'))
  if (until) filter.until = until
  const tests = one(query, 'tests')
  if (tests === 'hide') filter.test = false
  else if (tests === 'only') filter.test = true
  const q = one(query, 'q')
  if (q && q.trim() !== '') filter.q = q.slice(0, 500)
  return filter
}

/** The address's query for a filter; other keys already in `keep` (the open delivery) stay. */
export function queryFromFilter(filter: LogFilter, keep: LocationQuery = {}): LocationQueryRaw {
  const query: LocationQueryRaw = {}
  for (const [key, value] of Object.entries(keep)) if (!(KEYS as readonly string[]).includes(key)) query[key] = value
  if (filter.webhook_id) query.webhook = String(filter.webhook_id)
  if (filter.topic) query.topic = filter.topic
  if (filter.status) query.status = filter.status
  if (filter.status_class) query.class = filter.status_class
  if (filter.since) query.since = filter.since
  if (filter.until) query.until = filter.until
  if (filter.test === false) query.tests = 'hide'
  else if (filter.test === true) query.tests = 'only'
  if (filter.q) query.q = filter.q
  return query
}

/** Two filters select the same deliveries (key order and absent-vs-undefined do not matter). */
export function sameFilter(a: LogFilter, b: LogFilter): boolean {
  const norm = (f: LogFilter) => JSON.stringify(Object.entries(f).filter(([, v]) => v !== undefined).sort(([x], [y]) => x.localeCompare(y)))
  return norm(a) === norm(b)
}

/** The delivery open in the detail panel, from `?delivery=ID`. */
export function openDeliveryFromQuery(query: LocationQuery): number | null {
  return positiveInt(one(query, 'delivery')) ?? null
}
