import type { LogFilter, StatusClass } from '../contract/log-schemas'
import { ftsQuery, idLike } from './log-text'

/** The class of an attempt's answer; no answer at all (refused, timeout, TLS …) is `network`. */
export function statusClassOf(status: number | null): StatusClass {
  if (status === null) return 'network'
  if (status < 300) return '2xx'
  if (status < 400) return '3xx'
  if (status < 500) return '4xx'
  return '5xx'
}

/** The same rule in SQL, for statements that record an attempt. */
export const STATUS_CLASS_SQL = (status: string) =>
  `CASE WHEN ${status} IS NULL THEN 'network' WHEN ${status} < 300 THEN '2xx' WHEN ${status} < 400 THEN '3xx' WHEN ${status} < 500 THEN '4xx' ELSE '5xx' END`

export interface CompiledFilter {
  /** SQL conditions on `deliveries d`, all of which must hold. */
  clauses: string[]
  params: Record<string, string | number>
  /** The FTS5 query for `q` (null: no full-text condition). */
  match: string | null
  /** What `q` finds as an id: that delivery, that event's deliveries, a provider id. */
  ids: { number: number | null; providerId: string | null } | null
}

const TEST_TAGS = "('test', 'ping')"

/** The log filter as SQL conditions with named parameters; never user text in the SQL itself. */
export function compileFilter(filter: LogFilter): CompiledFilter {
  const clauses: string[] = []
  const params: Record<string, string | number> = Object.create(null)
  const equal = (column: 'webhook_id' | 'event_id' | 'status' | 'topic' | 'status_class', value: string | number | undefined) => {
    if (value === undefined) return
    clauses.push(`d.${column} = @${column}`)
    params[column] = value
  }
  equal('webhook_id', filter.webhook_id)
  equal('event_id', filter.event_id)
  equal('status', filter.status)
  equal('topic', filter.topic)
  equal('status_class', filter.status_class)
  if (filter.since !== undefined) {
    clauses.push('d.created_at >= @since')
    params.since = Date.parse(filter.since)
  }
  if (filter.until !== undefined) {
    clauses.push('d.created_at < @until')
    params.until = Date.parse(filter.until)
  }
  if (filter.test === true) clauses.push(`d.tag IS NOT NULL AND d.tag IN ${TEST_TAGS}`)
  if (filter.test === false) clauses.push(`(d.tag IS NULL OR d.tag NOT IN ${TEST_TAGS})`)
  const q = filter.q?.trim() ?? ''
  if (q === '') return { clauses, params, match: null, ids: null }
  const match = ftsQuery(q)
  if (match !== null) params.match = match
  const ids = idLike(q)
  if (ids.number !== null) params.q_number = ids.number
  if (ids.providerId !== null) params.q_provider = ids.providerId
  return { clauses, params, match, ids }
}

/**
 * The deliveries `q` finds, as a subquery of ids: those whose event's payload or one of
 * whose attempts (headers, body) contains every word, and those it names by id.
 */
export function hitsSql(compiled: CompiledFilter): string {
  const parts: string[] = []
  if (compiled.match !== null) {
    parts.push('SELECT d.id FROM event_text t CROSS JOIN deliveries d INDEXED BY deliveries_event ON d.event_id = t.rowid WHERE event_text MATCH @match')
    // Attempt text is keyed delivery id × 64 + n (log-index-repo.ts).
    parts.push('SELECT rowid / 64 FROM attempt_text WHERE attempt_text MATCH @match')
  }
  if (compiled.ids?.number != null) {
    parts.push('SELECT id FROM deliveries WHERE id = @q_number')
    parts.push('SELECT id FROM deliveries INDEXED BY deliveries_event WHERE event_id = @q_number')
  }
  // A sent delivery's provider id is in its attempts' headers (found above); one not sent yet is waiting.
  if (compiled.ids?.providerId != null) parts.push("SELECT id FROM deliveries INDEXED BY deliveries_due WHERE status IN ('pending', 'retrying') AND provider_id = @q_provider")
  return parts.length === 0 ? 'SELECT NULL WHERE 0' : parts.join(' UNION ')
}
