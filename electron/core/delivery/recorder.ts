import type { Db } from '../store/database'
import type { DeliveriesRepo } from '../store/deliveries-repo'
import { isoSeconds } from '../time/format'
import type { Scheduler } from '../time/scheduler'
import type { EngineChange } from '../webhooks/service'
import type { FinishedAttempt } from './attempt'

export interface RecorderDeps {
  db: Db
  repo: DeliveriesRepo
  scheduler: Scheduler
  /** Engine-made webhook changes (never `modified_on`). */
  applyEngineChange(webhookId: number, change: EngineChange): void
  /** Coalesced `deliveries.changed` push. */
  changed(ids: readonly number[]): void
  /** The webhook as stored now (several outcomes of one batch build on each other's counts). */
  webhook(webhookId: number): { status: string; consecutive_failures: number; disable_after_failures: number } | undefined
  /** The webhook's cached settings are stale. */
  invalidate(webhookId: number): void
  /** Something may have become due (a retry, a slot). */
  wake(): void
}

/** Attempts written per transaction, and how long one may wait for company. */
const MAX_BATCH = 256
const FLUSH_MS = 20

/**
 * Writes finished attempts in batches (one transaction for many attempts, issue 8
 * "Storage"), then applies what they mean for their webhooks: the failure count,
 * auto-disable after `disable_after_failures` failed deliveries or at once on 410,
 * the last ping. Ping and test deliveries never count (SPEC §8).
 */
export class Recorder {
  private buffer: FinishedAttempt[] = []
  private timer: ReturnType<Scheduler['setTimeout']> | null = null
  private readonly waiters = new Map<number, Array<() => void>>()
  private flushing: Promise<void> = Promise.resolve()

  constructor(private readonly deps: RecorderDeps) {}

  add(finished: FinishedAttempt): void {
    this.buffer.push(finished)
    if (this.buffer.length >= MAX_BATCH) void this.flush()
    else if (this.timer === null) this.timer = this.deps.scheduler.setTimeout(() => void this.flush(), FLUSH_MS)
  }

  /** Resolves once the next attempt of `deliveryId` has been written. */
  written(deliveryId: number): Promise<void> {
    return new Promise((resolve) => {
      const list = this.waiters.get(deliveryId) ?? []
      list.push(resolve)
      this.waiters.set(deliveryId, list)
    })
  }

  flush(): Promise<void> {
    if (this.timer !== null) this.deps.scheduler.clearTimeout(this.timer)
    this.timer = null
    const batch = this.buffer
    this.buffer = []
    if (batch.length === 0) return this.flushing
    this.flushing = this.flushing.then(() => this.write(batch))
    return this.flushing
  }

  private write(batch: FinishedAttempt[]): void {
    const { db, repo } = this.deps
    if (!db.open) return
    const written: FinishedAttempt[] = []
    db.transaction(() => {
      for (const item of batch) if (repo.record(item.outcome, item.attempt, item.responseBody)) written.push(item)
    })()
    for (const item of written) this.consequences(item)
    this.deps.changed(batch.map((b) => b.delivery.id))
    for (const item of batch) {
      const list = this.waiters.get(item.delivery.id)
      this.waiters.delete(item.delivery.id)
      for (const resolve of list ?? []) resolve()
    }
    this.deps.wake()
  }

  private consequences(item: FinishedAttempt): void {
    const { target, delivery, outcome } = item
    const now = isoSeconds(this.deps.scheduler.now())
    if (delivery.tag === 'ping' && outcome.attempts === 1) {
      this.change(target.id, { last_ping: { on: now, status_code: outcome.last_status_code, ok: outcome.status === 'succeeded' } })
    }
    // A replay is the user's own retry, often to another address: its outcome says nothing
    // about the webhook's receiver, so it never counts towards auto-disable (nor does a 410).
    if (delivery.tag === 'ping' || delivery.tag === 'test' || delivery.tag === 'replay') return
    // The common case, a success with no failures counted, changes nothing: no read needed.
    if (outcome.status === 'retrying' || (outcome.status === 'succeeded' && target.consecutive_failures === 0 && !item.gone)) return
    const current = this.deps.webhook(target.id)
    if (!current) return
    if (item.gone) {
      if (current.status === 'auto_disabled') return
      return this.change(target.id, { status: 'auto_disabled', status_reason: '410 Gone', disabled_on: now, consecutive_failures: current.consecutive_failures + 1 })
    }
    if (outcome.status === 'succeeded' && current.consecutive_failures > 0) return this.change(target.id, { consecutive_failures: 0 })
    if (outcome.status !== 'failed') return
    const failures = current.consecutive_failures + 1
    const limit = current.disable_after_failures
    if (limit > 0 && failures >= limit && current.status === 'enabled') {
      this.change(target.id, { consecutive_failures: failures, status: 'auto_disabled', status_reason: `${failures} consecutive failed deliveries`, disabled_on: now })
    } else this.change(target.id, { consecutive_failures: failures })
  }

  private change(webhookId: number, change: EngineChange): void {
    this.deps.applyEngineChange(webhookId, change)
    // The cached target carries the count the next outcome builds on.
    this.deps.invalidate(webhookId)
  }
}
