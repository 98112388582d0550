import type { Db } from './database'

export interface ReplayJobRecord {
  id: number
  /** The LogFilter as JSON. */
  filter: string
  address_enc: string | null
  address: string | null
  webhook_id: number | null
  /** The newest delivery the filter matched at start: the snapshot stops there. */
  bound: number
  /** The last delivery id the snapshot read. */
  cursor: number
  /** Snapshot entries written so far (the next one's position). */
  snapshotted: number
  snapshot_done: number
  total: number
  done: number
  skipped: number
  status: 'running' | 'completed' | 'cancelled'
  created_on: string
  finished_on: string | null
}

export type NewReplayJob = Pick<ReplayJobRecord, 'filter' | 'address_enc' | 'address' | 'webhook_id' | 'bound' | 'total' | 'created_on'>

/** Bulk replay jobs and their snapshots (migration 008). */
export class ReplayJobsRepo {
  constructor(private readonly db: Db) {}

  insert(job: NewReplayJob): number {
    const sql = `INSERT INTO replay_jobs (filter, address_enc, address, webhook_id, bound, total, status, created_on)
      VALUES (@filter, @address_enc, @address, @webhook_id, @bound, @total, 'running', @created_on)`
    return Number(this.db.prepare(sql).run(job).lastInsertRowid)
  }

  get(id: number): ReplayJobRecord | undefined {
    return this.db.prepare('SELECT * FROM replay_jobs WHERE id = ?').get(id) as ReplayJobRecord | undefined
  }

  running(): ReplayJobRecord[] {
    return this.db.prepare("SELECT * FROM replay_jobs WHERE status = 'running' ORDER BY id").all() as ReplayJobRecord[]
  }

  /**
   * Appends one page of the snapshot and moves its cursor; `complete` fixes `total` to the
   * snapshot's size. Call in one transaction, so a crash never leaves a page half written.
   */
  appendSnapshot(job: Pick<ReplayJobRecord, 'id' | 'snapshotted'>, deliveryIds: readonly number[], cursor: number, complete: boolean): void {
    this.db
      .prepare('INSERT INTO replay_job_items (job_id, position, delivery_id) SELECT ?, ? + key, value FROM json_each(?)')
      .run(job.id, job.snapshotted, JSON.stringify(deliveryIds))
    const snapshotted = job.snapshotted + deliveryIds.length
    this.db
      .prepare('UPDATE replay_jobs SET cursor = ?, snapshotted = ?, snapshot_done = ?, total = CASE WHEN ? THEN ? ELSE total END WHERE id = ?')
      .run(cursor, snapshotted, complete ? 1 : 0, complete ? 1 : 0, snapshotted, job.id)
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
  advance(id: number, done: number, skipped: number, finishedOn: string | null): boolean {
    return (
      this.db
        .prepare("UPDATE replay_jobs SET done = ?, skipped = ?, status = CASE WHEN ? IS NULL THEN status ELSE 'completed' END, finished_on = ? WHERE id = ? AND status = 'running'")
        .run(done, skipped, finishedOn, finishedOn, id).changes > 0
    )
  }

  cancel(id: number, finishedOn: string): boolean {
    return this.db.prepare("UPDATE replay_jobs SET status = 'cancelled', finished_on = ? WHERE id = ? AND status = 'running'").run(finishedOn, id).changes > 0
  }

  /** The snapshot is of no use once the job ended. */
  dropItems(jobId: number): void {
    this.db.prepare('DELETE FROM replay_job_items WHERE job_id = ?').run(jobId)
  }
}
