import { existsSync, statSync } from 'node:fs'
import type { Db } from './database'

const FINISHED = "('succeeded', 'failed', 'cancelled')"

/**
 * Retention (issue 9 item 6) and the log's size on disk. A purge removes finished
 * deliveries only (never pending, sending or retrying), oldest first, in one short
 * transaction per batch; their attempts and bodies go by cascade, their full-text rows by
 * trigger, and events left with no delivery go too.
 */
export class LogRetentionRepo {
  constructor(
    private readonly db: Db,
    private readonly file: string,
  ) {}

  /** Purges up to `limit` finished deliveries created before `cutoffMs`; answers their ids. */
  purgeOlderThan(cutoffMs: number, limit: number): number[] {
    const sql = `SELECT id, event_id FROM deliveries INDEXED BY deliveries_created
      WHERE created_at < ? AND status IN ${FINISHED} AND imported = 0 ORDER BY created_at LIMIT ?`
    return this.purge(sql, [cutoffMs, limit])
  }

  /** Purges the oldest finished deliveries beyond the `keep` most recent ones, up to `limit`; answers their ids. */
  purgeBeyond(keep: number, limit: number): number[] {
    const total = (this.db.prepare('SELECT COUNT(*) AS n FROM deliveries').get() as { n: number }).n
    const excess = Math.min(limit, total - keep)
    if (excess <= 0) return []
    return this.purge(`SELECT id, event_id FROM deliveries NOT INDEXED WHERE status IN ${FINISHED} ORDER BY id LIMIT ?`, [excess])
  }

  private purge(select: string, params: unknown[]): number[] {
    return this.db.transaction(() => {
      const rows = this.db.prepare(select).all(...params) as Array<{ id: number; event_id: number }>
      if (rows.length === 0) return []
      const ids = JSON.stringify(rows.map((r) => r.id))
      this.db.prepare('DELETE FROM deliveries WHERE id IN (SELECT value FROM json_each(?))').run(ids)
      this.db
        .prepare('DELETE FROM events WHERE id IN (SELECT value FROM json_each(?)) AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.event_id = events.id)')
        .run(JSON.stringify([...new Set(rows.map((r) => r.event_id))]))
      return rows.map((r) => r.id)
    })()
  }

  /** Bytes of the database and its write-ahead log, the rows of the log, its oldest delivery. */
  storage(): { bytes: number; deliveries: number; events: number; attempts: number; oldest_on: string | null } {
    const size = (path: string) => (existsSync(path) ? statSync(path).size : 0)
    const count = (table: string) => (this.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n
    const oldest = this.db.prepare('SELECT created_on FROM deliveries INDEXED BY deliveries_created ORDER BY created_at LIMIT 1').get() as { created_on: string } | undefined
    return {
      bytes: size(this.file) + size(`${this.file}-wal`),
      deliveries: count('deliveries'),
      events: count('events'),
      attempts: count('attempts'),
      oldest_on: oldest?.created_on ?? null,
    }
  }

  /**
   * Gives free pages back to the file system. A database made with incremental
   * auto-vacuum (every one since migration 007's release) frees them in place; an older
   * one is rebuilt once with VACUUM, which also switches it to incremental.
   */
  compact(): void {
    this.db.pragma('wal_checkpoint(TRUNCATE)')
    if (this.db.pragma('auto_vacuum', { simple: true }) === 2) this.db.pragma('incremental_vacuum')
    else {
      this.db.pragma('auto_vacuum = INCREMENTAL')
      this.db.exec('VACUUM')
    }
    this.db.pragma('wal_checkpoint(TRUNCATE)')
  }
}
