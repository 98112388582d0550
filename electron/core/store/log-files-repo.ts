import type { PayloadFormat } from '../contract'
import type { Db } from './database'
import type { AttemptRecord, EventRecord } from './deliveries-repo'

export type AttemptWithBody = AttemptRecord & { id: number; response_body: Buffer | null }
export interface StoredBody {
  event_id: number
  format: PayloadFormat
  content_type: string
  body: Buffer
}

/**
 * What an export reads besides the deliveries themselves (those come from
 * `DeliveriesRepo.page`, so the log's filter is applied in one place): a page's attempts,
 * events and bodies, each in one query.
 */
export class LogFilesRepo {
  constructor(private readonly db: Db) {}

  /** The export covers deliveries up to this id: rows written while it streams are left out. */
  newestDeliveryId(): number {
    return (this.db.prepare('SELECT COALESCE(MAX(id), 0) AS id FROM deliveries').get() as { id: number }).id
  }

  attemptsOf(deliveryIds: readonly number[]): AttemptWithBody[] {
    return this.db
      .prepare(
        `SELECT a.*, b.body AS response_body FROM attempts a LEFT JOIN attempt_bodies b ON b.attempt_id = a.id
         WHERE a.delivery_id IN (SELECT value FROM json_each(?)) ORDER BY a.delivery_id, a.n`,
      )
      .all(JSON.stringify(deliveryIds)) as AttemptWithBody[]
  }

  events(ids: readonly number[]): EventRecord[] {
    return this.db.prepare('SELECT * FROM events WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id').all(JSON.stringify(ids)) as EventRecord[]
  }

  bodies(eventIds: readonly number[]): StoredBody[] {
    return this.db
      .prepare('SELECT event_id, format, content_type, body FROM event_bodies WHERE event_id IN (SELECT value FROM json_each(?)) ORDER BY event_id, format')
      .all(JSON.stringify(eventIds)) as StoredBody[]
  }
}
