import { HooklabError, invalidInput, notFound } from '../contract'
import type { LogFilter, ReplayJob, ReplayJobInput } from '../contract/log-schemas'
import type { BackgroundWork } from '../lifecycle/background'
import type { SecretBox } from '../secrets/secret-box'
import type { Db } from '../store/database'
import type { DeliveriesRepo } from '../store/deliveries-repo'
import type { ReplayJobRecord, ReplayJobsRepo } from '../store/replay-jobs-repo'
import { isoSeconds } from '../time/format'
import type { Scheduler } from '../time/scheduler'
import { redactAddress } from '../webhooks/redact'
import type { ReplayService } from './replay'
import { providerDeliveryId } from './signing'

export interface ReplayJobDeps {
  db: Db
  jobs: ReplayJobsRepo
  /** The log's own page(): the job replays exactly what the log shows for the filter. */
  deliveries: Pick<DeliveriesRepo, 'page'>
  replays: ReplayService
  box: SecretBox
  scheduler: Scheduler
  randomBytes: (n: number) => Buffer
  webhookExists(id: number): boolean
  /** New deliveries were stored: push them and wake the engine. */
  stored(ids: readonly number[]): void
  /** The job's progress changed (coalesced by the caller). */
  progress(id: number): void
}

/** Snapshot ids read per page, and the most one job may take. */
const SNAPSHOT_PAGE = 5000
export const REPLAY_JOB_MAX = 1_000_000
/** Replays written per transaction. */
const CHUNK = 200
/**
 * Like a burst, a job stays at most this many waiting replays ahead of the engine, so the
 * outbox stays small; a target that takes nothing (disabled, down) slows it, never stops it.
 */
const MAX_AHEAD = 2000
const MAX_WAIT_MS = 1000

/**
 * Bulk replay of a log filter (issue 9 item 3), a stored job like a burst: the matching
 * delivery ids are snapshot at start, so the count the user confirmed is what gets
 * replayed; each chunk of replays and the job's `done` commit together, so after a crash
 * the job resumes from its last committed position, none lost or doubled.
 */
export class ReplayJobRunner implements BackgroundWork {
  readonly name = 'replays' as const
  private running = false
  private readonly active = new Map<number, { timer: ReturnType<Scheduler['setTimeout']> | null; waitingSince: number | null }>()

  constructor(private readonly deps: ReplayJobDeps) {}

  start(): void {
    if (this.running) return
    this.running = true
    for (const job of this.deps.jobs.running()) this.run(job.id)
  }

  async stop(): Promise<void> {
    this.running = false
    for (const state of this.active.values()) if (state.timer !== null) this.deps.scheduler.clearTimeout(state.timer)
    this.active.clear()
  }

  begin(input: ReplayJobInput): ReplayJob {
    const { jobs, box, scheduler } = this.deps
    if (input.webhook_id !== undefined && !this.deps.webhookExists(input.webhook_id)) throw invalidInput({ webhook_id: ['invalid'] })
    const now = isoSeconds(scheduler.now())
    const id = this.deps.db.transaction(() => {
      const id = jobs.insert({
        filter: JSON.stringify(input.filter),
        address_enc: input.address === undefined ? null : box.encrypt(input.address),
        address: input.address === undefined ? null : redactAddress(input.address),
        webhook_id: input.webhook_id ?? null,
        total: 0,
        created_on: now,
      })
      const total = this.snapshot(id, input.filter, input.webhook_id !== undefined)
      jobs.setTotal(id, total)
      if (total === 0) jobs.advance(id, 0, now)
      return id
    })()
    if (this.running) this.run(id)
    this.deps.progress(id)
    return this.get(id)
  }

  /** Every matching delivery id, oldest first, in the job's transaction (one instant of the log). */
  private snapshot(jobId: number, filter: LogFilter, signed: boolean): number {
    let total = 0
    let from = 0
    for (;;) {
      const { rows, hasMore } = this.deps.deliveries.page(filter, 'gt', from, SNAPSHOT_PAGE)
      if (rows.length === 0) break
      if (!signed && rows.some((r) => (r as { imported?: unknown }).imported === 1)) {
        throw new HooklabError('invalid_input', 'The filter matches imported deliveries: choose a local webhook (webhook_id) to sign their replays', { webhook_id: ['required'] })
      }
      if (total + rows.length > REPLAY_JOB_MAX) {
        throw new HooklabError('invalid_input', `The filter matches more than ${REPLAY_JOB_MAX.toLocaleString('en')} deliveries: narrow it`, { filter: ['too_long'] })
      }
      this.deps.jobs.insertItems(jobId, total, rows.map((r) => r.id))
      total += rows.length
      from = rows[rows.length - 1].id
      if (!hasMore) break
    }
    return total
  }

  get(id: number): ReplayJob {
    const job = this.deps.jobs.get(id)
    if (!job) throw notFound(`Replay job ${id}`)
    return present(job)
  }

  cancel(id: number): ReplayJob {
    const job = this.get(id)
    const cancelled = this.deps.db.transaction(() => {
      if (!this.deps.jobs.cancel(id, isoSeconds(this.deps.scheduler.now()))) return false
      this.deps.jobs.dropItems(id)
      return true
    })()
    if (!cancelled) throw new HooklabError('conflict', `Replay job ${id} is ${job.status}: only a running job can be cancelled`)
    this.forget(id)
    this.deps.progress(id)
    return this.get(id)
  }

  private forget(id: number): void {
    const state = this.active.get(id)
    if (state?.timer) this.deps.scheduler.clearTimeout(state.timer)
    this.active.delete(id)
  }

  private run(id: number): void {
    this.active.set(id, { timer: null, waitingSince: null })
    this.next(id, 0)
  }

  private next(id: number, delayMs: number): void {
    const state = this.active.get(id)
    if (!state || !this.running) return
    state.timer = this.deps.scheduler.setTimeout(() => {
      state.timer = null
      try {
        this.step(id)
      } catch (err) {
        // The store failed under it, or its signing webhook was deleted: it cannot go on.
        console.error(`hooklab: replay job ${id} stopped:`, err)
        if (this.deps.db.open && this.deps.jobs.cancel(id, isoSeconds(this.deps.scheduler.now()))) this.deps.jobs.dropItems(id)
        this.active.delete(id)
        this.deps.progress(id)
      }
    }, delayMs)
  }

  private step(id: number): void {
    const { jobs, scheduler } = this.deps
    const job = jobs.get(id)
    const state = this.active.get(id)
    if (!job || !state || job.status !== 'running') return void this.active.delete(id)
    if (job.webhook_id !== null && !this.deps.webhookExists(job.webhook_id)) throw new Error(`its signing webhook ${job.webhook_id} was deleted`)
    const now = scheduler.now()
    if (jobs.backlog(id, job.done, MAX_AHEAD) >= MAX_AHEAD) {
      state.waitingSince ??= now
      if (now - state.waitingSince < MAX_WAIT_MS) return this.next(id, 10)
    }
    state.waitingSince = null
    const items = jobs.items(id, job.done, CHUNK)
    const address = job.address_enc === null ? undefined : this.deps.box.decrypt(job.address_enc)
    const ids: number[] = []
    const done = job.done + items.length
    const finished = items.length < CHUNK || done >= job.total
    this.deps.db.transaction(() => {
      for (const item of items) {
        const replayId = this.replayOne(item.delivery_id, address, job.webhook_id ?? undefined)
        if (replayId === null) continue
        jobs.markReplayed(id, item.position, replayId)
        ids.push(replayId)
      }
      jobs.advance(id, done, finished ? isoSeconds(now) : null)
      if (finished) jobs.dropItems(id)
    })()
    this.deps.stored(ids)
    this.deps.progress(id)
    if (finished) return void this.active.delete(id)
    this.next(id, 0)
  }

  /** One replay, or null when its original went meanwhile (its webhook was deleted) or cannot be replayed. */
  private replayOne(deliveryId: number, address: string | undefined, webhookId: number | undefined): number | null {
    const { replays } = this.deps
    let plan
    try {
      plan = replays.plan({ id: deliveryId, address, webhook_id: webhookId })
    } catch (err) {
      if (err instanceof HooklabError) return null
      throw err
    }
    return replays.insert(plan, providerDeliveryId(plan.signer.signing, this.deps.randomBytes))
  }
}

function present(job: ReplayJobRecord): ReplayJob {
  return {
    id: job.id,
    filter: JSON.parse(job.filter) as LogFilter,
    address: job.address,
    webhook_id: job.webhook_id,
    total: job.total,
    done: job.done,
    status: job.status,
    created_on: job.created_on,
    finished_on: job.finished_on,
  }
}
