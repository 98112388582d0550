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
export const SEARCH_TUNING: SearchTuning = { denseHits: 2000, chunk: 256, walkBudget: 50_000 }

type Page = { ids: number[]; hasMore: boolean }
type Candidate = { id: number; event_id: number; provider_id: string }

/**
 * One table's hits read lazily in the walk's direction, every hit read so far kept: once
 * the stream has passed a key, whether that key is a hit is known. FTS5 hands rowids over
 * in order, so a walk that stops early reads only the hits it passed.
 */
class HitStream {
  private readonly iterator: IterableIterator<number>
  private reached: number
  private done = false
  readonly seen = new Set<number>()

  constructor(
    db: Db,
    table: 'event_text' | 'attempt_text',
    match: string,
    private readonly dir: 'gt' | 'lt',
    /** Keys beyond this (exclusive) in the walk's direction only; null: from the end. */
    from: number | null,
    private readonly toSeen: (key: number) => number = (key) => key,
  ) {
    const bound = from === null ? '' : `AND rowid ${dir === 'gt' ? '>' : '<'} ?`
    // Iterated, unlike the store's other statements; its text is used nowhere else, and close() always ends it.
    const sql = `SELECT rowid FROM ${table} WHERE ${table} MATCH ? ${bound} ORDER BY rowid ${dir === 'gt' ? 'ASC' : 'DESC'}`
    this.iterator = db
      .prepare(sql)
      .pluck()
      .iterate(...(from === null ? [match] : [match, from])) as IterableIterator<number>
    this.reached = dir === 'gt' ? -Infinity : Infinity
  }

  /** Reads hits until every key up to `key` (in the walk's direction) has been read. */
  passTo(key: number): void {
    while (!this.done && (this.dir === 'gt' ? this.reached < key : this.reached > key)) {
      const next = this.iterator.next()
      if (next.done) this.done = true
      else {
        this.reached = next.value
        this.seen.add(this.toSeen(next.value))
      }
    }
  }

  close(): void {
    this.iterator.return?.()
  }
}

/**
 * Full-text search pages (`q`), exact in keyset order either way:
 *
 * - few hits (a name, an e-mail, an order number): every delivery the words find is
 *   collected, filtered and sorted (cost grows with the hits, not the log);
 * - many hits (a word in most payloads): the log is walked in keyset order through the
 *   other filters' index, a chunk at a time, beside two streams of hits in the same order
 *   (event ids; attempt keys, which are in delivery order), so a page stops as soon as it
 *   is full and reads only the hits it passed. A walk that finds little in `walkBudget`
 *   rows collects the rest.
 */
export class LogSearch {
  constructor(
    private readonly db: Db,
    private readonly tuning: SearchTuning = SEARCH_TUNING,
  ) {}

  /** `source` is the FROM clause (index) that reads the other filters in id order. */
  page(compiled: CompiledFilter, source: string, dir: 'gt' | 'lt', start: number, limit: number): Page {
    if (compiled.match === null || !this.dense(compiled.match)) return this.collected(compiled, dir, start, limit)
    const walk = this.db.prepare(
      `SELECT d.id, d.event_id, d.provider_id FROM ${source} WHERE ${[...compiled.clauses, `d.id ${dir === 'gt' ? '>' : '<'} @cursor`].join(' AND ')}
       ORDER BY d.id ${dir === 'gt' ? 'ASC' : 'DESC'} LIMIT ${this.tuning.chunk}`,
    )
    const events = new HitStream(this.db, 'event_text', compiled.match, dir, null)
    const attemptFrom = dir === 'gt' ? start * ATTEMPT_SLOTS + ATTEMPT_SLOTS - 1 : start * ATTEMPT_SLOTS
    const attempts = new HitStream(this.db, 'attempt_text', compiled.match, dir, attemptFrom, (key) => Math.floor(key / ATTEMPT_SLOTS))
    const { number, providerId } = compiled.ids ?? { number: null, providerId: null }
    const found: number[] = []
    try {
      let cursor = start
      for (let walked = 0; found.length <= limit; ) {
        if (walked >= this.tuning.walkBudget) {
          const rest = this.collected(compiled, dir, cursor, limit - found.length)
          return { ids: [...found, ...rest.ids], hasMore: rest.hasMore }
        }
        const rows = walk.all({ ...compiled.params, cursor }) as Candidate[]
        if (rows.length === 0) break
        walked += rows.length
        const eventIds = rows.map((r) => r.event_id)
        events.passTo(dir === 'gt' ? Math.max(...eventIds) : Math.min(...eventIds))
        const last = rows.at(-1)!.id
        attempts.passTo(dir === 'gt' ? last * ATTEMPT_SLOTS + ATTEMPT_SLOTS - 1 : last * ATTEMPT_SLOTS)
        for (const row of rows) {
          const byId = row.id === number || row.event_id === number || row.provider_id === providerId
          if (byId || events.seen.has(row.event_id) || attempts.seen.has(row.id)) found.push(row.id)
        }
        if (rows.length < this.tuning.chunk) break
        cursor = last
      }
    } finally {
      events.close()
      attempts.close()
    }
    return { ids: found.slice(0, limit), hasMore: found.length > limit }
  }

  count(compiled: CompiledFilter): number {
    const where = compiled.clauses.length > 0 ? `WHERE ${compiled.clauses.join(' AND ')}` : ''
    const sql = `WITH hits(id) AS MATERIALIZED (${hitsSql(compiled)}) SELECT COUNT(*) AS n FROM hits h CROSS JOIN deliveries d ON d.id = h.id ${where}`
    return (this.db.prepare(sql).get(compiled.params) as { n: number }).n
  }

  /** Whether the words match so many rows that walking the log finds a page sooner than collecting every hit. */
  private dense(match: string): boolean {
    const { denseHits } = this.tuning
    const capped = (table: 'event_text' | 'attempt_text') =>
      (this.db.prepare(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM ${table} WHERE ${table} MATCH ? LIMIT ${denseHits})`).get(match) as { n: number }).n
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
}
