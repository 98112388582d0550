import { DELIVERY_STATUSES, STATUS_CLASSES, logFilterShape, type LogFilter } from '../../core/contract'
import { badRequest } from './errors'

/**
 * The event log's filter from a query string (`GET /admin/deliveries.json`, `count.json`):
 * the same filter the log screen, bulk replay and export use. An empty value means "not
 * filtered"; anything else that does not parse is the request's fault, 400 naming it.
 */
export const LOG_FILTER_PARAMS = ['webhook_id', 'event_id', 'status', 'topic', 'since', 'until', 'status_class', 'test', 'q'] as const

function idParam(raw: string, name: string): number {
  if (!/^\d{1,15}$/.test(raw.trim()) || Number(raw) === 0) throw badRequest(name, 'must be a whole number (an id)')
  return Number(raw)
}

function text(raw: string, name: 'topic' | 'q', sentence: string): string {
  const parsed = logFilterShape[name].safeParse(raw)
  if (!parsed.success || parsed.data === undefined) throw badRequest(name, sentence)
  return parsed.data
}

function instant(raw: string, name: 'since' | 'until'): string {
  if (!logFilterShape[name].safeParse(raw.trim()).success) throw badRequest(name, 'must be a date and time (ISO 8601, e.g. 2026-01-31T08:00:00Z)')
  return raw.trim()
}

function oneOf<T extends string>(raw: string, name: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(raw)) throw badRequest(name, `must be one of ${allowed.join(', ')}`)
  return raw as T
}

export function logFilterOf(params: URLSearchParams): LogFilter {
  const filter: LogFilter = {}
  for (const name of LOG_FILTER_PARAMS) {
    const raw = params.get(name)
    if (raw === null || raw === '') continue
    switch (name) {
      case 'webhook_id':
      case 'event_id':
        filter[name] = idParam(raw, name)
        break
      case 'status':
        filter.status = oneOf(raw, name, DELIVERY_STATUSES)
        break
      case 'status_class':
        filter.status_class = oneOf(raw, name, STATUS_CLASSES)
        break
      case 'topic':
        // Blank is "any topic", as an empty value is.
        if (raw.trim() !== '') filter.topic = text(raw, name, 'is too long (at most 200 characters)')
        break
      case 'q':
        filter.q = text(raw, name, 'is too long (at most 500 characters)')
        break
      case 'since':
      case 'until':
        filter[name] = instant(raw, name)
        break
      case 'test':
        filter.test = oneOf(raw.trim().toLowerCase(), name, ['true', 'false'] as const) === 'true'
        break
    }
  }
  return filter
}
