import type { Db } from './database'

export interface ReplayJobRecord {
  id: number
  /** The LogFilter as JSON. */
  filter: string
  address_enc: string | null
  address: string | null
  webhook_id: number | null
  total: number
  done: number
  status: 'running' | 'completed' | 'cancelled'
  created_on: string
  finished_on: string | null
}

export type NewReplayJob = Omit<ReplayJobRecord, 'id' | 'done' | 'status' | 'finished_on'>

/** Bulk replay jobs and their snapshots (migration 008). */
export class ReplayJobsRepo {
  constructor(private readonly db: Db) {}

  insert(job: NewReplayJob): number {
    const sql = `INSERT INTO replay_jobs (filter, address_enc, address, webhook_id, total, status, created_on)
      VALUES (@filter, @address_enc, @address, @webhook_id, @total, 'running', @created_on)`
    return Number(this.db.prepare(sql).run(job).lastInsertRowid)
  }

  /** Appends snapshot ids at positions `from`, `from + 1` …; call in the transaction that inserted the job. */
  insertItems(jobId: number, from: number, deliveryIds: readonly number[]): void {
    this.db
      .prepare('INSERT INTO replay_job_items (job_id, position, delivery_id) SELECT ?, ? + key, value FROM json_each(?)')
      .run(jobId, from, JSON.stringify(deliveryIds))
  }

  setTotal(jobId: number, total: number): void {
    this.db.prepare('UPDATE replay_jobs SET total = ? WHERE id = ?').run(total, jobId)
  }

  get(id: number): ReplayJobRecord | undefined {
    return this.db.prepare('SELECT * FROM replay_jobs WHERE id = ?').get(id) as ReplayJobRecord | undefined
  }

  running(): ReplayJobRecord[] {
    return this.db.prepare("SELECT * FROM replay_jobs WHERE status = 'running' ORDER BY id").all() as ReplayJobRecord[]
  }

  /** The next `n` snapshot entries from `position` on. */
  items(jobId: number, position: number, n: number): Array<{ position: number; delivery_id: number }> {
    return this.db
      .prepare('SELECT position, delivery_id FROM replay_job_items WHERE job_id = ? AND position >= ? ORDER BY position LIMIT ?')
      .all(jobId, position, n) as Array<{ position: number; delivery_id: number }>
  }

  markReplayed(jobId: number, position: number, replayId: number): void {
    this.db.prepare('UPDATE replay_job_items SET replay_id = ? WHERE job_id = ? AND position = ?').run(replayId, jobId, position)
  }

  /** Moves `done` on (and ends the job when `finishedOn` is given); call in the transaction that wrote those replays. */
  advance(id: number, done: number, finishedOn: string | null): boolean {
    return (
      this.db
        .prepare("UPDATE replay_jobs SET done = ?, status = CASE WHEN ? IS NULL THEN status ELSE 'completed' END, finished_on = ? WHERE id = ? AND status = 'running'")
        .run(done, finishedOn, finishedOn, id).changes > 0
    )
  }

  cancel(id: number, finishedOn: string): boolean {
    return this.db.prepare("UPDATE replay_jobs SET status = 'cancelled', finished_on = ? WHERE id = ? AND status = 'running'").run(finishedOn, id).changes > 0
  }

  /** The snapshot is of no use once the job ended. */
  dropItems(jobId: number): void {
    this.db.prepare('DELETE FROM replay_job_items WHERE job_id = ?').run(jobId)
  }

  /**
   * How many of the job's latest `cap` replays (those before position `done`) still wait
   * for their first attempt: a range of the primary key, however long the snapshot is.
   */
  backlog(jobId: number, done: number, cap: number): number {
    const row = this.db
      .prepare(
        `SELECT COUNT(*) AS n FROM (SELECT i.replay_id FROM replay_job_items i WHERE i.job_id = ? AND i.position < ? ORDER BY i.position DESC LIMIT ?) r
           JOIN deliveries d ON d.id = r.replay_id WHERE d.status = 'pending'`,
      )
      .get(jobId, done, cap) as { n: number }
    return row.n
  }
}
