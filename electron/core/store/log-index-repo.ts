import type { Db } from './database'
import { jsonForIndex } from './log-text'

type Source = 'events' | 'attempts'

/** Attempt text is keyed in delivery order: delivery id × 64 + attempt number (1–63; the engine makes at most 26). */
export const ATTEMPT_SLOTS = 64
export const attemptKey = (deliveryId: number, n: number) => deliveryId * ATTEMPT_SLOTS + n

/**
 * The full-text index's writer (SPEC §8 "Storage for speed"): each event's payload once,
 * and per attempt its URL, request and response headers, response body and error (keyed
 * by delivery and attempt number, so hits come in the log's order). Rows are read in id
 * order after a cursor and indexed with the cursor in one transaction; whatever writes
 * events and attempts never waits for this. Rows deleted later take their text with them
 * (triggers in migration 007).
 */
export class LogIndexRepo {
  constructor(private readonly db: Db) {}

  cursor(source: Source): number {
    return (this.db.prepare('SELECT last_id FROM log_index_cursors WHERE name = ?').get(source) as { last_id: number }).last_id
  }

  /**
   * Rows written but not indexed yet, at most (ids above the cursor; deleted ones leave
   * gaps). Read from the ends of the id ranges: counting a million rows would read them.
   */
  lag(): { events: number; attempts: number } {
    const waiting = (source: Source) => Math.max(0, (this.db.prepare(`SELECT COALESCE(MAX(id), 0) AS id FROM ${source}`).get() as { id: number }).id - this.cursor(source))
    return { events: waiting('events'), attempts: waiting('attempts') }
  }

  /** Indexes up to `limit` events after the cursor; answers how many. */
  indexEvents(limit: number): number {
    return this.db.transaction(() => {
      const rows = this.db.prepare('SELECT id, payload FROM events WHERE id > ? ORDER BY id LIMIT ?').all(this.cursor('events'), limit) as Array<{ id: number; payload: string }>
      const insert = this.db.prepare('INSERT INTO event_text (rowid, body) VALUES (?, ?)')
      for (const row of rows) insert.run(row.id, jsonForIndex(row.payload))
      if (rows.length > 0) this.advance('events', rows.at(-1)!.id)
      return rows.length
    })()
  }

  /** Indexes up to `limit` attempts after the cursor; answers how many. */
  indexAttempts(limit: number): number {
    return this.db.transaction(() => {
      const rows = this.db
        .prepare(
          `SELECT a.id, a.delivery_id, a.n, a.url, a.request_headers, a.response_headers, a.error_message, b.body
           FROM attempts a LEFT JOIN attempt_bodies b ON b.attempt_id = a.id WHERE a.id > ? ORDER BY a.id LIMIT ?`,
        )
        .all(this.cursor('attempts'), limit) as Array<{
        id: number
        delivery_id: number
        n: number
        url: string
        request_headers: string
        response_headers: string | null
        error_message: string | null
        body: Buffer | null
      }>
      const insert = this.db.prepare('INSERT INTO attempt_text (rowid, body) VALUES (?, ?)')
      // In key order: FTS5 flushes what it buffered whenever a key goes backwards (a retry of an older delivery).
      const keyed = rows.filter((row) => row.n >= 1 && row.n < ATTEMPT_SLOTS).map((row) => ({ key: attemptKey(row.delivery_id, row.n), row }))
      keyed.sort((a, b) => a.key - b.key)
      for (const { key, row } of keyed) {
        const parts = [row.url, row.request_headers, row.response_headers ?? '', row.body ? row.body.toString('utf8') : '', row.error_message ?? '']
        insert.run(key, jsonForIndex(parts.join('\n')))
      }
      if (rows.length > 0) this.advance('attempts', rows.at(-1)!.id)
      return rows.length
    })()
  }

  private advance(source: Source, lastId: number): void {
    this.db.prepare('UPDATE log_index_cursors SET last_id = ? WHERE name = ?').run(lastId, source)
  }
}
