import type { Db } from './database'
import type { EventRecord } from './deliveries-repo'

/** What a replay sends differently from its webhook, sealed (see migration 008). */
export interface OverrideRecord {
  address_enc: string | null
  headers_enc: string | null
}

/** The rows replays add beside a delivery, and the reads a replay needs of the original. */
export class ReplaysRepo {
  constructor(private readonly db: Db) {}

  insertOverride(deliveryId: number, override: OverrideRecord): void {
    this.db.prepare('INSERT INTO delivery_overrides (delivery_id, address_enc, headers_enc) VALUES (?, ?, ?)').run(deliveryId, override.address_enc, override.headers_enc)
  }

  override(deliveryId: number): OverrideRecord | undefined {
    return this.db.prepare('SELECT address_enc, headers_enc FROM delivery_overrides WHERE delivery_id = ?').get(deliveryId) as OverrideRecord | undefined
  }

  event(eventId: number): EventRecord | undefined {
    return this.db.prepare('SELECT * FROM events WHERE id = ?').get(eventId) as EventRecord | undefined
  }
}
