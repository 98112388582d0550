import type { BackgroundWork } from '../lifecycle/background'
import type { DeliveriesRepo, DeliveryRecord } from '../store/deliveries-repo'
import type { Scheduler } from '../time/scheduler'
import { attemptOnce, type AttemptDeps, type FinishedAttempt } from './attempt'
import { Recorder } from './recorder'
import { RateLimiter } from './rate-limit'
import type { TargetCache } from './targets'

export interface EngineDeps extends AttemptDeps {
  repo: DeliveriesRepo
  scheduler: Scheduler
  targets: TargetCache
  recorder: Recorder
}

/** Deliveries leased per tick: large enough to keep many receivers busy, small enough to stay fair. */
const BATCH = 256
/** How long to wait before looking again when nothing is known to fall due. */
const IDLE_MS = 1000
const SLOT_GATHER_MS = 4
const BUFFER_MAX_AGE_MS = 250

/**
 * The delivery engine (issue 8): picks due deliveries of enabled webhooks from the
 * durable outbox, leases them in one statement, sends them within each webhook's
 * concurrency, rate and ordering limits, and hands every finished attempt to the
 * recorder, which writes them in batches. At-least-once: a lease that outlives its
 * process goes back to pending and the same delivery (same ids) is sent again.
 */
export class DeliveryEngine implements BackgroundWork {
  readonly name = 'engine' as const
  private running = false
  private timer: ReturnType<Scheduler['setTimeout']> | null = null
  private timerAt = Infinity
  private readonly inFlight = new Map<number, Promise<void>>()
  private readonly perWebhook = new Map<number, number>()
  private readonly rates = new RateLimiter()
  private lastLeaseCheck = -Infinity
  private buffer: DeliveryRecord[] = []
  private bufferAt = -Infinity

  constructor(private readonly deps: EngineDeps) {}

  start(): void {
    if (this.running) return
    this.running = true
    this.deps.repo.releaseAllLeases()
    this.wake()
  }

  async stop(): Promise<void> {
    this.running = false
    if (this.timer !== null) this.deps.scheduler.clearTimeout(this.timer)
    this.timer = null
    // Attempts in flight finish (the lifecycle caps the wait); their results are written.
    await Promise.allSettled([...this.inFlight.values()])
    await this.deps.recorder.flush()
  }

  /** Deliveries still being sent when the process stops are handed back to pending. */
  leasedIds(): number[] {
    return [...this.inFlight.keys()]
  }

  /** Something became due (a fire, a retry now, a webhook enabled): look at once. */
  wake(): void {
    this.schedule(0)
  }

  private schedule(delayMs: number): void {
    if (!this.running) return
    const at = this.deps.scheduler.now() + Math.max(0, delayMs)
    if (this.timer !== null && this.timerAt <= at) return
    if (this.timer !== null) this.deps.scheduler.clearTimeout(this.timer)
    this.timerAt = at
    this.timer = this.deps.scheduler.setTimeout(() => {
      this.timer = null
      this.timerAt = Infinity
      this.tick()
    }, delayMs)
  }

  private tick(): void {
    if (!this.running) return
    const { repo, scheduler, targets } = this.deps
    const now = scheduler.now()
    // A hung attempt's lease expires after its timeout plus 30 s: checking once a second is plenty.
    if (now - this.lastLeaseCheck >= 1000) {
      repo.releaseExpired(now)
      this.lastLeaseCheck = now
    }
    const due = this.candidates(now)
    const chosen = this.choose(due, now)
    if (chosen.length > 0) {
      const lease = Math.max(...chosen.map((d) => targets.get(d.webhook_id)?.timeout_ms ?? 15_000)) + 30_000
      const leased = new Set(repo.lease(chosen.map((d) => d.id), now + lease))
      const taken = new Set(chosen.map((d) => d.id))
      this.buffer = this.buffer.filter((d) => !taken.has(d.id))
      for (const delivery of chosen) if (leased.has(delivery.id)) this.launch(delivery)
    }
    // More due work may be waiting beyond what was read: look again at once.
    if (chosen.length > 0 && this.buffer.length === 0 && due.length >= BATCH) return this.schedule(0)
    // Due deliveries held back by a limit wait for a token (rate) or for an attempt to
    // finish (concurrency, ordering: launch() wakes the engine then), never in a busy loop.
    const blocked = Math.min(IDLE_MS, this.rates.nextRefillMs(now))
    // Due work still in the buffer: it waits for a slot or a token; no need to ask the store.
    if (this.buffer.length > 0) return this.schedule(blocked)
    const next = repo.nextDueAt()
    if (next === undefined) return this.schedule(IDLE_MS)
    this.schedule(next > now ? Math.min(blocked, next - now) : blocked)
  }

  /**
   * Due deliveries, read BATCH at a time and kept between ticks: when slots open one by
   * one, the next deliveries come from memory instead of another query. The buffer is
   * read again once it runs dry or is a moment old (a cancel, a retry now, another
   * webhook's new work), skipping webhooks that have no room.
   */
  private candidates(now: number): DeliveryRecord[] {
    if (this.buffer.length > 0 && now - this.bufferAt < BUFFER_MAX_AGE_MS) return this.buffer
    const full = [...this.perWebhook.keys()].filter((id) => !this.hasRoom(id, now))
    const fresh = this.deps.repo.due(now, BATCH, full)
    const known = new Set(fresh.map((d) => d.id))
    // Webhooks without room now keep their place from the previous read.
    this.buffer = [...fresh, ...this.buffer.filter((d) => !known.has(d.id) && full.includes(d.webhook_id))]
    this.bufferAt = now
    return this.buffer
  }

  /** Forget what was read: deliveries were cancelled, retried or their webhook changed. */
  invalidate(): void {
    this.buffer = []
    this.wake()
  }

  private hasRoom(webhookId: number, now: number): boolean {
    const target = this.deps.targets.get(webhookId)
    if (!target) return false
    const busy = this.perWebhook.get(webhookId) ?? 0
    const cap = target.ordered ? 1 : target.max_concurrency
    return busy < cap && this.rates.available(webhookId, target.rate_limit_per_second, now)
  }

  /** Within each webhook's room; an ordered webhook sends only its oldest unfinished delivery. */
  private choose(due: DeliveryRecord[], now: number): DeliveryRecord[] {
    const chosen: DeliveryRecord[] = []
    const taken = new Map<number, number>()
    for (const delivery of due) {
      const target = this.deps.targets.get(delivery.webhook_id)
      if (!target || target.status !== 'enabled') continue
      const busy = (this.perWebhook.get(delivery.webhook_id) ?? 0) + (taken.get(delivery.webhook_id) ?? 0)
      if (busy >= (target.ordered ? 1 : target.max_concurrency)) continue
      if (target.ordered && this.deps.repo.head(delivery.webhook_id) !== delivery.id) continue
      if (!this.rates.take(delivery.webhook_id, target.rate_limit_per_second, now)) continue
      taken.set(delivery.webhook_id, (taken.get(delivery.webhook_id) ?? 0) + 1)
      chosen.push(delivery)
    }
    return chosen
  }

  private launch(delivery: DeliveryRecord): void {
    this.perWebhook.set(delivery.webhook_id, (this.perWebhook.get(delivery.webhook_id) ?? 0) + 1)
    const run = attemptOnce(this.deps, delivery)
      .then((finished: FinishedAttempt | null) => {
        if (finished) this.deps.recorder.add(finished)
      })
      .catch((err: unknown) => console.error(`hooklab: delivery ${delivery.id} could not be attempted:`, err))
      .finally(() => {
        this.inFlight.delete(delivery.id)
        const left = (this.perWebhook.get(delivery.webhook_id) ?? 1) - 1
        if (left > 0) this.perWebhook.set(delivery.webhook_id, left)
        else this.perWebhook.delete(delivery.webhook_id)
        // A slot opened: the next due delivery may go. A few ms gathers the slots that open
        // together into one tick instead of one query round per finished attempt.
        this.schedule(SLOT_GATHER_MS)
      })
    this.inFlight.set(delivery.id, run)
  }
}
