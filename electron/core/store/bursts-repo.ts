import type { Burst } from '../contract/delivery-schemas'
import type { Profile } from '../contract'
import type { Db } from './database'

export interface BurstRecord extends Burst {
  webhook_ids: string | null
  payload: string | null
  seed: number
}

export class BurstsRepo {
  constructor(private readonly db: Db) {}

  insert(b: { profile: Profile; topic: string; webhook_ids: number[] | null; payload: string | null; seed: number; count: number; rate: number | null; created_on: string }): number {
    const sql = `INSERT INTO bursts (profile, topic, webhook_ids, payload, seed, count, rate, status, created_on)
      VALUES (@profile, @topic, @webhook_ids, @payload, @seed, @count, @rate, 'running', @created_on)`
    return Number(this.db.prepare(sql).run({ ...b, webhook_ids: b.webhook_ids ? JSON.stringify(b.webhook_ids) : null }).lastInsertRowid)
  }

  get(id: number): BurstRecord | undefined {
    return this.db.prepare('SELECT * FROM bursts WHERE id = ?').get(id) as BurstRecord | undefined
  }

  running(): BurstRecord[] {
    return this.db.prepare("SELECT * FROM bursts WHERE status = 'running' ORDER BY id").all() as BurstRecord[]
  }

  /** Moves `fired` on; call in the transaction that wrote those events. */
  advance(id: number, fired: number, finishedOn: string | null): void {
    this.db.prepare("UPDATE bursts SET fired = ?, status = CASE WHEN ? IS NULL THEN status ELSE 'completed' END, finished_on = ? WHERE id = ? AND status = 'running'").run(fired, finishedOn, finishedOn, id)
  }

  cancel(id: number, finishedOn: string): boolean {
    return this.db.prepare("UPDATE bursts SET status = 'cancelled', finished_on = ? WHERE id = ? AND status = 'running'").run(finishedOn, id).changes > 0
  }
}
