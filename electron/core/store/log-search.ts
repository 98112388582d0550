import type { Db } from './database'
import { ATTEMPT_SLOTS } from './log-index-repo'
import { hitsSql, type CompiledFilter } from './log-query'

export interface SearchTuning {
  /** Beyond this many matching events or attempts, a search walks the log instead of collecting every hit. */
  denseHits: number
  /** Rows checked per step of a walk, and how many a walk checks before it collects the rest instead. */
  chunk: number
  walkBudget: number
}
export const SEARCH_TUNING: SearchTuning = { denseHits: 2000, chunk: 256, walkBudget: 20_000 }
/** Event ids this close together are checked with one range query. */
const RUN_GAP = 64

type Page = { ids: number[]; hasMore: boolean }
type Candidate = { id: number; event_id: number; provider_id: string }

/**
 * Full-text search pages (`q`), exact in keyset order either way:
 *
 * - few hits (a name, an e-mail, an order number): every delivery the words find is
 *   collected, filtered and sorted (cost grows with the hits, not the log);
 * - many hits (a word in most payloads): the log is walked in keyset order by the other
 *   filters' index, a chunk at a time, and each chunk is checked against the index with
 *   two range queries (its events' ids; its deliveries' attempt keys), so a page stops
 *   as soon as it is full. A walk that finds little in `walkBudget` rows collects the rest.
 */
export class LogSearch {
  constructor(
    private readonly db: Db,
    private readonly tuning: SearchTuning = SEARCH_TUNING,
  ) {}

  /** `source` is the FROM clause (index) that reads the other filters in id order. */
  page(compiled: CompiledFilter, source: string, dir: 'gt' | 'lt', start: number, limit: number): Page {
    if (!this.dense(compiled)) return this.collected(compiled, dir, start, limit)
    const walk = this.db.prepare(
      `SELECT d.id, d.event_id, d.provider_id FROM ${source} WHERE ${[...compiled.clauses, `d.id ${dir === 'gt' ? '>' : '<'} @cursor`].join(' AND ')}
       ORDER BY d.id ${dir === 'gt' ? 'ASC' : 'DESC'} LIMIT ${this.tuning.chunk}`,
    )
    const found: number[] = []
    let cursor = start
    for (let walked = 0; found.length <= limit; ) {
      if (walked >= this.tuning.walkBudget) {
        const rest = this.collected(compiled, dir, cursor, limit - found.length)
        return { ids: [...found, ...rest.ids], hasMore: rest.hasMore }
      }
      const rows = walk.all({ ...compiled.params, cursor }) as Candidate[]
      walked += rows.length
      const matched = this.matching(compiled, rows)
      for (const row of rows) if (matched.has(row.id)) found.push(row.id)
      if (rows.length < this.tuning.chunk) break
      cursor = rows.at(-1)!.id
    }
    return { ids: found.slice(0, limit), hasMore: found.length > limit }
  }

  count(compiled: CompiledFilter): number {
    const where = compiled.clauses.length > 0 ? `WHERE ${compiled.clauses.join(' AND ')}` : ''
    const sql = `WITH hits(id) AS MATERIALIZED (${hitsSql(compiled)}) SELECT COUNT(*) AS n FROM hits h CROSS JOIN deliveries d ON d.id = h.id ${where}`
    return (this.db.prepare(sql).get(compiled.params) as { n: number }).n
  }

  /** Whether the words match so many rows that walking the log finds a page sooner than collecting every hit. */
  private dense(compiled: CompiledFilter): boolean {
    if (compiled.match === null) return false
    const { denseHits } = this.tuning
    const capped = (table: 'event_text' | 'attempt_text') =>
      (this.db.prepare(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM ${table} WHERE ${table} MATCH ? LIMIT ${denseHits})`).get(compiled.match) as { n: number }).n
    return capped('event_text') >= denseHits || capped('attempt_text') >= denseHits
  }

  private collected(compiled: CompiledFilter, dir: 'gt' | 'lt', start: number, limit: number): Page {
    const where = [...compiled.clauses, dir === 'gt' ? 'd.id > @start' : 'd.id < @start'].join(' AND ')
    const sql = `WITH hits(id) AS MATERIALIZED (${hitsSql(compiled)})
      SELECT d.id FROM hits h CROSS JOIN deliveries d ON d.id = h.id WHERE ${where} ORDER BY d.id ${dir === 'gt' ? 'ASC' : 'DESC'} LIMIT @n`
    const ids = this.db
      .prepare(sql)
      .pluck()
      .all({ ...compiled.params, start, n: limit + 1 }) as number[]
    return { ids: ids.slice(0, limit), hasMore: ids.length > limit }
  }

  /** Which of these deliveries the search finds: by id, or by words in their event's payload or their attempts. */
  private matching(compiled: CompiledFilter, rows: Candidate[]): Set<number> {
    const matched = new Set<number>()
    if (rows.length === 0) return matched
    const { number, providerId } = compiled.ids ?? { number: null, providerId: null }
    for (const row of rows) if (row.id === number || row.event_id === number || row.provider_id === providerId) matched.add(row.id)
    if (compiled.match === null) return matched
    const inRange = (table: 'event_text' | 'attempt_text', low: number, high: number) =>
      this.db
        .prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ? AND rowid BETWEEN ? AND ?`)
        .pluck()
        .all(compiled.match, low, high) as number[]
    const events = new Set<number>()
    for (const [low, high] of runs(rows.map((r) => r.event_id))) for (const id of inRange('event_text', low, high)) events.add(id)
    const ids = rows.map((r) => r.id)
    const attempts = new Set(inRange('attempt_text', Math.min(...ids) * ATTEMPT_SLOTS, Math.max(...ids) * ATTEMPT_SLOTS + ATTEMPT_SLOTS - 1).map((key) => Math.floor(key / ATTEMPT_SLOTS)))
    for (const row of rows) if (events.has(row.event_id) || attempts.has(row.id)) matched.add(row.id)
    return matched
  }
}

/** Sorted ids grouped into [low, high] runs whose neighbours are at most RUN_GAP apart. */
export function runs(ids: readonly number[]): Array<[number, number]> {
  const sorted = [...new Set(ids)].sort((a, b) => a - b)
  const out: Array<[number, number]> = []
  for (const id of sorted) {
    const last = out.at(-1)
    if (last && id - last[1] <= RUN_GAP) last[1] = id
    else out.push([id, id])
  }
  return out
}
