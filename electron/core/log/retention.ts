import type { Settings } from '../contract'
import type { BackgroundWork } from '../lifecycle/background'
import type { LogRetentionRepo } from '../store/log-retention-repo'
import type { Scheduler, TimerHandle } from '../time/scheduler'

/** Deliveries per purge transaction, and the pause between batches while a purge lasts. */
export const RETENTION_BATCH = 500
export const RETENTION_PAUSE_MS = 50
/** How often retention looks again once nothing is left to purge, and how long after start it first looks. */
export const RETENTION_EVERY_MS = 10 * 60_000
export const RETENTION_FIRST_MS = 5_000
const DAY_MS = 24 * 60 * 60 * 1000

export interface RetentionDeps {
  repo: LogRetentionRepo
  scheduler: Scheduler
  settings(): Pick<Settings, 'retention_days' | 'retention_max_deliveries'>
  /** Deliveries that were purged (a `deliveries.changed` push). */
  purged(ids: readonly number[]): void
}

/**
 * Background work `retention` (issue 9 item 6): purges finished deliveries older than
 * `retention_days` and beyond `retention_max_deliveries`, RETENTION_BATCH at a time with a
 * pause between batches, so deliveries never wait behind a long purge.
 */
export class LogRetention implements BackgroundWork {
  readonly name = 'retention'
  private timer: TimerHandle | null = null
  private running = false

  constructor(private readonly deps: RetentionDeps) {}

  start(): void {
    this.running = true
    this.schedule(RETENTION_FIRST_MS)
  }

  stop(): Promise<void> {
    this.running = false
    this.cancelTimer()
    return Promise.resolve()
  }

  /** The settings changed: look again now rather than at the next round. */
  wake(): void {
    if (!this.running) return
    this.cancelTimer()
    this.schedule(0)
  }

  /** One batch under each rule that is set; answers the ids it purged. */
  step(): number[] {
    const { retention_days: days, retention_max_deliveries: max } = this.deps.settings()
    const purged: number[] = []
    if (days !== null) purged.push(...this.deps.repo.purgeOlderThan(this.deps.scheduler.now() - days * DAY_MS, RETENTION_BATCH))
    if (max !== null && purged.length < RETENTION_BATCH) purged.push(...this.deps.repo.purgeBeyond(max, RETENTION_BATCH - purged.length))
    if (purged.length > 0) this.deps.purged(purged)
    return purged
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.deps.scheduler.clearTimeout(this.timer)
    this.timer = null
  }

  private schedule(ms: number): void {
    if (this.running) this.timer = this.deps.scheduler.setTimeout(() => this.tick(), ms)
  }

  private tick(): void {
    this.timer = null
    if (!this.running) return
    let purged = 0
    try {
      purged = this.step().length
    } catch (err) {
      console.error('hooklab: purging old deliveries failed:', err)
    }
    this.schedule(purged > 0 ? RETENTION_PAUSE_MS : RETENTION_EVERY_MS)
  }
}
