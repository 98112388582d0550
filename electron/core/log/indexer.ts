import type { BackgroundWork } from '../lifecycle/background'
import type { LogIndexRepo } from '../store/log-index-repo'
import type { Scheduler, TimerHandle } from '../time/scheduler'

/** Rows per batch: one batch is one short transaction, so deliveries wait a few ms at most. */
export const EVENTS_PER_BATCH = 256
export const ATTEMPTS_PER_BATCH = 512
/** How often an idle indexer looks for new rows: search lags at most this much behind (SPEC §8: ≤ 2 s). */
export const INDEX_IDLE_MS = 500

/**
 * Background work `indexer`: brings the full-text index up to date in batches, yielding
 * between them, so firing, delivering and seeding never wait for it. While rows are
 * waiting it runs batch after batch; once caught up it looks again every INDEX_IDLE_MS.
 */
export class LogIndexer implements BackgroundWork {
  readonly name = 'indexer'
  private timer: TimerHandle | null = null
  private running = false

  constructor(
    private readonly repo: LogIndexRepo,
    private readonly scheduler: Scheduler,
  ) {}

  start(): void {
    this.running = true
    this.schedule(0)
  }

  stop(): Promise<void> {
    this.running = false
    if (this.timer !== null) this.scheduler.clearTimeout(this.timer)
    this.timer = null
    return Promise.resolve()
  }

  /** One batch of events and one of attempts; answers how many rows it indexed. */
  step(): number {
    return this.repo.indexEvents(EVENTS_PER_BATCH) + this.repo.indexAttempts(ATTEMPTS_PER_BATCH)
  }

  /** Batches until nothing is waiting (tests and the bench drive it this way too). */
  catchUp(): number {
    let total = 0
    for (let n = this.step(); n > 0; n = this.step()) total += n
    return total
  }

  lag(): { events: number; attempts: number } {
    return this.repo.lag()
  }

  private schedule(ms: number): void {
    if (!this.running) return
    this.timer = this.scheduler.setTimeout(() => this.tick(), ms)
  }

  private tick(): void {
    this.timer = null
    if (!this.running) return
    let indexed = 0
    try {
      indexed = this.step()
    } catch (err) {
      // Never a tight loop on a fault: try again after the idle wait.
      console.error('hooklab: indexing the event log failed:', err)
    }
    this.schedule(indexed > 0 ? 0 : INDEX_IDLE_MS)
  }
}
