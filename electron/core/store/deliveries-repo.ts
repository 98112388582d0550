import type { DeliveryStatus, DeliveryTag, ErrorClass } from '../contract/delivery-schemas'
import type { DeliveryFilter, StatusClass } from '../contract/log-schemas'
import type { PayloadFormat, Profile } from '../contract'
import type { Db } from './database'
import { LogPager } from './log-pager'
import { STATUS_CLASS_SQL } from './log-query'

export interface EventRecord {
  id: number
  profile: Profile
  topic: string
  seed: number | null
  payload: string
  root: string
  burst_id: number | null
  created_on: string
}

export interface DeliveryRecord {
  id: number
  event_id: number
  webhook_id: number
  status: DeliveryStatus
  tag: DeliveryTag | null
  provider_id: string
  attempts: number
  next_attempt_at: number
  lease_until: number | null
  last_status_code: number | null
  last_error_class: ErrorClass | null
  last_duration_ms: number | null
  replay_of: number | null
  created_on: string
  finished_on: string | null
  /** The event's topic, the creation time in epoch ms and the last attempt's class, kept for the log's filters. */
  topic: string
  created_at: number
  status_class: StatusClass | null
  /** 1 when it came from another Hooklab's export. */
  imported: number
}

/** A delivery with what the list shows of its event. */
export type DeliveryRow = DeliveryRecord & { profile: Profile }

export interface NewDelivery {
  event_id: number
  webhook_id: number
  tag: DeliveryTag | null
  provider_id: string
  next_attempt_at: number
  replay_of: number | null
  created_on: string
  /** From another Hooklab's export (SPEC §8); false when left out. */
  imported?: boolean
}

export interface AttemptRecord {
  delivery_id: number
  n: number
  scheduled_for: string
  started_on: string
  duration_ms: number
  method: string
  url: string
  request_headers: string
  request_secrets_enc: string | null
  response_status: number | null
  response_headers: string | null
  response_truncated: number
  error_class: ErrorClass | null
  error_message: string | null
}

/** What one finished attempt changes on its delivery. */
export interface DeliveryOutcome {
  id: number
  status: DeliveryStatus
  attempts: number
  next_attempt_at: number
  last_status_code: number | null
  last_error_class: ErrorClass | null
  last_duration_ms: number
  finished_on: string | null
}

const SELECT_ROW = `SELECT d.*, e.profile FROM deliveries d JOIN events e ON e.id = d.event_id`

type Sendable = { id: number; topic: string; content_type: string; body: Buffer }

/**
 * Bodies of recent events kept in memory: most attempts follow their fire closely, and an
 * unrated burst runs up to 2,000 deliveries ahead of the engine. Events that share one
 * body (a burst of the caller's payload) share the bytes, counted once.
 */
const RECENT_BODIES = 4096
const RECENT_BYTES = 8 * 1024 * 1024

export class DeliveriesRepo {
  private readonly recent = new Map<string, Sendable & { bytes: number }>()
  private recentBytes = 0
  private lastBody: Buffer | null = null

  private readonly pager: LogPager

  constructor(private readonly db: Db) {
    this.pager = new LogPager(db)
  }

  private remember(key: string, value: Sendable): void {
    const bytes = value.body === this.lastBody ? 0 : value.body.length
    this.lastBody = value.body
    this.recent.set(key, { ...value, bytes })
    this.recentBytes += bytes
    for (const [oldest, entry] of this.recent) {
      if (this.recent.size <= RECENT_BODIES && this.recentBytes <= RECENT_BYTES) break
      this.recent.delete(oldest)
      this.recentBytes -= entry.bytes
    }
  }

  insertEvent(event: Omit<EventRecord, 'id'>): number {
    const sql = 'INSERT INTO events (profile, topic, seed, payload, root, burst_id, created_on) VALUES (@profile, @topic, @seed, @payload, @root, @burst_id, @created_on)'
    return Number(this.db.prepare(sql).run(event).lastInsertRowid)
  }

  insertBody(eventId: number, topic: string, format: PayloadFormat, contentType: string, body: Buffer): void {
    this.db.prepare('INSERT OR IGNORE INTO event_bodies (event_id, format, content_type, body) VALUES (?, ?, ?, ?)').run(eventId, format, contentType, body)
    this.remember(`${eventId}:${format}`, { id: eventId, topic, content_type: contentType, body })
  }

  body(eventId: number, format: PayloadFormat): { content_type: string; body: Buffer } | undefined {
    return this.db.prepare('SELECT content_type, body FROM event_bodies WHERE event_id = ? AND format = ?').get(eventId, format) as { content_type: string; body: Buffer } | undefined
  }

  /** The deliveries that replay `id` (the other side of `replay_of`). */
  replaysOf(id: number): number[] {
    return (this.db.prepare('SELECT id FROM deliveries WHERE replay_of = ? ORDER BY id').pluck().all(id) as number[])
  }

  /** The event's topic and the creation time in ms are copied for the log's filters, here, whoever inserts. */
  insertDelivery(d: NewDelivery): number {
    const sql = `INSERT INTO deliveries (event_id, webhook_id, status, tag, provider_id, next_attempt_at, replay_of, created_on, topic, created_at, imported)
      VALUES (@event_id, @webhook_id, 'pending', @tag, @provider_id, @next_attempt_at, @replay_of, @created_on,
        (SELECT topic FROM events WHERE id = @event_id), COALESCE(unixepoch(@created_on) * 1000, 0), @imported)`
    return Number(this.db.prepare(sql).run({ ...d, imported: d.imported ? 1 : 0 }).lastInsertRowid)
  }

  get(id: number): DeliveryRow | undefined {
    return this.db.prepare(`${SELECT_ROW} WHERE d.id = ?`).get(id) as DeliveryRow | undefined
  }

  attempts(deliveryId: number): Array<AttemptRecord & { id: number; response_body: Buffer | null }> {
    return this.db
      .prepare('SELECT a.*, b.body AS response_body FROM attempts a LEFT JOIN attempt_bodies b ON b.attempt_id = a.id WHERE a.delivery_id = ? ORDER BY a.n')
      .all(deliveryId) as Array<AttemptRecord & { id: number; response_body: Buffer | null }>
  }

  /** After a crash or kill: this process owns the directory, so every lease left behind is dead. */
  releaseAllLeases(): number {
    return this.db.prepare("UPDATE deliveries SET status = 'pending', lease_until = NULL WHERE status = 'sending'").run().changes
  }

  /** Leases that outlived their attempt (a hung send) go back to pending. */
  releaseExpired(nowMs: number): number {
    return this.db.prepare("UPDATE deliveries SET status = 'pending', lease_until = NULL WHERE status = 'sending' AND lease_until < ?").run(nowMs).changes
  }

  /**
   * Due deliveries of enabled webhooks, oldest due first, skipping webhooks that have no
   * room now (their deliveries would only crowd the window and starve the others).
   */
  due(nowMs: number, limit: number, skipWebhooks: readonly number[]): DeliveryRecord[] {
    // Per enabled webhook, from its own range of the waiting index, then merged in due order:
    // deliveries a disabled webhook keeps waiting are never read.
    const skip = new Set(skipWebhooks)
    const read = this.db.prepare(
      `SELECT * FROM deliveries INDEXED BY deliveries_waiting
       WHERE webhook_id = ? AND status IN ('pending', 'retrying') AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?`,
    )
    const rows: DeliveryRecord[] = []
    for (const webhookId of this.enabledWebhooks()) if (!skip.has(webhookId)) rows.push(...(read.all(webhookId, nowMs, limit) as DeliveryRecord[]))
    return rows.sort((a, b) => a.next_attempt_at - b.next_attempt_at || a.id - b.id).slice(0, limit)
  }

  private enabledWebhooks(): number[] {
    return this.db.prepare("SELECT id FROM webhooks WHERE status = 'enabled'").pluck().all() as number[]
  }

  /** The oldest unfinished delivery of a webhook (ordered mode sends only this one). */
  head(webhookId: number): number | undefined {
    // A delivery whose attempt finished but is not recorded yet is still `sending`: it stays the head.
    const row = this.db
      .prepare(
        `SELECT MIN(id) AS id FROM (
           SELECT MIN(id) AS id FROM deliveries INDEXED BY deliveries_waiting WHERE webhook_id = @w AND status IN ('pending', 'retrying')
           UNION ALL SELECT MIN(id) FROM deliveries INDEXED BY deliveries_sending WHERE status = 'sending' AND webhook_id = @w)`,
      )
      .get({ w: webhookId }) as { id: number | null }
    return row.id ?? undefined
  }

  /** When the next delivery of an enabled webhook falls due (epoch ms), if any. */
  nextDueAt(): number | undefined {
    const first = this.db.prepare(
      `SELECT next_attempt_at FROM deliveries INDEXED BY deliveries_waiting
       WHERE webhook_id = ? AND status IN ('pending', 'retrying') ORDER BY next_attempt_at LIMIT 1`,
    ).pluck()
    let next: number | undefined
    for (const webhookId of this.enabledWebhooks()) {
      const at = first.get(webhookId) as number | undefined
      if (at !== undefined && (next === undefined || at < next)) next = at
    }
    return next
  }

  /** Leases those still waiting; returns the ids it leased (a cancelled one is not). */
  lease(ids: readonly number[], leaseUntil: number): number[] {
    const rows = this.db
      .prepare(`UPDATE deliveries SET status = 'sending', lease_until = ? WHERE id IN (SELECT value FROM json_each(?)) AND status IN ('pending', 'retrying') RETURNING id`)
      .all(leaseUntil, JSON.stringify(ids)) as Array<{ id: number }>
    return rows.map((r) => r.id)
  }

  /** What an attempt sends: the event's topic and its body in the webhook's format, in one query. */
  sendable(eventId: number, format: PayloadFormat): Sendable | undefined {
    const recent = this.recent.get(`${eventId}:${format}`)
    if (recent) return recent
    return this.db
      .prepare('SELECT e.id, e.topic, b.content_type, b.body FROM events e JOIN event_bodies b ON b.event_id = e.id AND b.format = ? WHERE e.id = ?')
      .get(format, eventId) as { id: number; topic: string; content_type: string; body: Buffer } | undefined
  }

  /**
   * How many deliveries from `sinceId` on still wait for their first attempt, counting up
   * to `cap`: a burst's backpressure. Read from the due index alone (no join), so it costs
   * a few microseconds however large the outbox is.
   */
  pendingSince(sinceId: number, cap: number): number {
    const row = this.db
      .prepare(
        `SELECT COUNT(*) AS n FROM (SELECT 1 FROM deliveries INDEXED BY deliveries_due
           WHERE status IN ('pending', 'retrying') AND status = 'pending' AND id >= ? LIMIT ?)`,
      )
      .get(sinceId, cap) as { n: number }
    return row.n
  }

  /** Gives leased deliveries back untouched (shutdown with attempts unfinished). */
  unlease(ids: readonly number[]): void {
    this.db.prepare(`UPDATE deliveries SET status = 'pending', lease_until = NULL WHERE id IN (SELECT value FROM json_each(?)) AND status = 'sending'`).run(JSON.stringify(ids))
  }

  /** Records one finished attempt; a delivery deleted meanwhile (its webhook was) is skipped. */
  record(outcome: DeliveryOutcome, attempt: AttemptRecord, responseBody: Buffer | null): boolean {
    const updated = this.db
      .prepare(
        `UPDATE deliveries SET status = @status, attempts = @attempts, next_attempt_at = @next_attempt_at, lease_until = NULL,
           last_status_code = @last_status_code, last_error_class = @last_error_class, last_duration_ms = @last_duration_ms, finished_on = @finished_on,
           status_class = ${STATUS_CLASS_SQL('@last_status_code')}
         WHERE id = @id AND status = 'sending'`,
      )
      .run(outcome).changes
    if (updated === 0) return false
    const sql = `INSERT INTO attempts (delivery_id, n, scheduled_for, started_on, duration_ms, method, url, request_headers, request_secrets_enc,
        response_status, response_headers, response_truncated, error_class, error_message)
      VALUES (@delivery_id, @n, @scheduled_for, @started_on, @duration_ms, @method, @url, @request_headers, @request_secrets_enc,
        @response_status, @response_headers, @response_truncated, @error_class, @error_message)`
    const attemptId = Number(this.db.prepare(sql).run(attempt).lastInsertRowid)
    if (responseBody && responseBody.length > 0) this.db.prepare('INSERT INTO attempt_bodies (attempt_id, body) VALUES (?, ?)').run(attemptId, responseBody)
    return true
  }

  /** Retry now: a pending or retrying delivery becomes due at once. */
  retryNow(id: number, nowMs: number): boolean {
    return this.db.prepare("UPDATE deliveries SET next_attempt_at = ?, status = CASE status WHEN 'retrying' THEN 'retrying' ELSE 'pending' END WHERE id = ? AND status IN ('pending', 'retrying')").run(nowMs, id).changes > 0
  }

  cancel(id: number, finishedOn: string): boolean {
    return this.db.prepare("UPDATE deliveries SET status = 'cancelled', finished_on = ?, lease_until = NULL WHERE id = ? AND status IN ('pending', 'retrying')").run(finishedOn, id).changes > 0
  }

  /** A page of the log in keyset order (see log-pager.ts for how any filter stays fast). */
  page(filter: DeliveryFilter, dir: 'gt' | 'lt', from: number | undefined, limit: number): { rows: DeliveryRow[]; hasMore: boolean } {
    const { ids, hasMore } = this.pager.page(filter, dir, from, limit)
    const rows = this.db.prepare(`${SELECT_ROW} WHERE d.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as DeliveryRow[]
    const byId = new Map(rows.map((r) => [r.id, r]))
    return { rows: ids.map((id) => byId.get(id)).filter((r): r is DeliveryRow => r !== undefined), hasMore }
  }

  count(filter: DeliveryFilter): number {
    return this.pager.count(filter)
  }

  /** Events that lost their last delivery (their webhooks were deleted) go too (SPEC §8 "Delete"). */
  deleteOrphanEvents(eventIds: readonly number[]): void {
    this.db
      .prepare('DELETE FROM events WHERE id IN (SELECT value FROM json_each(?)) AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.event_id = events.id)')
      .run(JSON.stringify(eventIds))
  }

  eventIdsOf(webhookIds: readonly number[]): number[] {
    return (this.db.prepare('SELECT DISTINCT event_id AS id FROM deliveries WHERE webhook_id IN (SELECT value FROM json_each(?))').all(JSON.stringify(webhookIds)) as Array<{ id: number }>).map((r) => r.id)
  }
}
