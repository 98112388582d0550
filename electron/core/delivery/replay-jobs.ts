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
  /** The log's own page() and count(): the job replays exactly what the log shows for the filter. */
  deliveries: Pick<DeliveriesRepo, 'page' | 'count' | 'pendingSince'>
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

/** The most deliveries one job replays (a burst's limit too). */
export const REPLAY_JOB_MAX = 1_000_000
/** Ids read per snapshot step: about 15 ms of the event loop, so nothing else waits long. */
const SNAPSHOT_PAGE = 2000
/** Replays written per transaction. */
const CHUNK = 200
/**
 * Like a burst, a job stays at most this many waiting replays ahead of the engine, so the
 * outbox stays small; a target that takes nothing (disabled, down) slows it, never stops it.
 */
const MAX_AHEAD = 2000
const MAX_WAIT_MS = 1000

/**
 * Bulk replay of a log filter (issue 9 item 3), a stored job like a burst. It first reads
 * the ids the filter matches, up to the newest match when it started (so its own replays
 * and later deliveries are not in it), a page per step, then replays them in order. Each
 * page of ids, and each chunk of replays with the job's `done`, commits in one transaction,
 * so after a crash the job resumes where it was, with no replay lost or doubled.
 */
export class ReplayJobRunner implements BackgroundWork {
  readonly name = 'replays' as const
  private running = false
  private readonly active = new Map<
    number,
    // firstReplay: the first delivery this run created; the backlog counts what waits from there on, as a burst's does.
    { timer: ReturnType<Scheduler['setTimeout']> | null; waitingSince: number | null; firstReplay: number | null }
  >()

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
    const { jobs, box, deliveries, scheduler } = this.deps
    if (input.webhook_id !== undefined && !this.deps.webhookExists(input.webhook_id)) throw invalidInput({ webhook_id: ['invalid'] })
    const total = deliveries.count(input.filter)
    if (total > REPLAY_JOB_MAX) {
      throw new HooklabError('invalid_input', `The filter matches ${total} deliveries, more than ${REPLAY_JOB_MAX} can be replayed at once: narrow it`, { filter: ['too_long'] })
    }
    const newest = total === 0 ? undefined : deliveries.page(input.filter, 'lt', undefined, 1).rows[0]
    const now = isoSeconds(scheduler.now())
    const id = this.deps.db.transaction(() => {
      const id = jobs.insert({
        filter: JSON.stringify(input.filter),
        address_enc: input.address === undefined ? null : box.encrypt(input.address),
        address: input.address === undefined ? null : redactAddress(input.address),
        webhook_id: input.webhook_id ?? null,
        bound: newest?.id ?? 0,
        total: newest ? total : 0,
        created_on: now,
      })
      if (!newest) jobs.advance(id, 0, 0, now)
      return id
    })()
    if (this.running && newest) this.run(id)
    this.deps.progress(id)
    return this.get(id)
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
    this.active.set(id, { timer: null, waitingSince: null, firstReplay: null })
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
    const job = this.deps.jobs.get(id)
    const state = this.active.get(id)
    if (!job || !state || job.status !== 'running') return void this.active.delete(id)
    if (job.webhook_id !== null && !this.deps.webhookExists(job.webhook_id)) throw new Error(`its signing webhook ${job.webhook_id} was deleted`)
    if (job.snapshot_done === 0) {
      this.snapshotPage(job)
      return this.next(id, 0)
    }
    const now = this.deps.scheduler.now()
    if (state.firstReplay !== null && this.deps.deliveries.pendingSince(state.firstReplay, MAX_AHEAD) >= MAX_AHEAD) {
      state.waitingSince ??= now
      if (now - state.waitingSince < MAX_WAIT_MS) return this.next(id, 10)
    }
    state.waitingSince = null
    if (this.replayChunk(job, now, state)) return void this.active.delete(id)
    this.next(id, 0)
  }

  /** Reads the next page of matching ids, up to the job's bound, into its snapshot. */
  private snapshotPage(job: ReplayJobRecord): void {
    const { rows, hasMore } = this.deps.deliveries.page(JSON.parse(job.filter) as LogFilter, 'gt', job.cursor, SNAPSHOT_PAGE)
    const room = REPLAY_JOB_MAX - job.snapshotted
    const ids = rows.filter((r) => r.id <= job.bound).map((r) => r.id).slice(0, room)
    const complete = !hasMore || ids.length < rows.length
    const cursor = ids.length > 0 ? ids[ids.length - 1] : job.cursor
    this.deps.db.transaction(() => {
      this.deps.jobs.appendSnapshot(job, ids, cursor, complete)
      // Every match went (deleted) before it was read: nothing to replay.
      if (complete && job.snapshotted + ids.length === 0) this.deps.jobs.advance(job.id, 0, 0, isoSeconds(this.deps.scheduler.now()))
    })()
    if (complete) this.deps.progress(job.id)
  }

  /** Replays the next chunk; whether the job is finished. */
  private replayChunk(job: ReplayJobRecord, now: number, state: { firstReplay: number | null }): boolean {
    const { jobs } = this.deps
    const items = jobs.items(job.id, job.done, CHUNK)
    const address = job.address_enc === null ? undefined : this.deps.box.decrypt(job.address_enc)
    const ids: number[] = []
    const done = job.done + items.length
    const finished = items.length < CHUNK || done >= job.total
    this.deps.db.transaction(() => {
      for (const item of items) {
        const replayId = this.replayOne(item.delivery_id, address, job.webhook_id ?? undefined)
        if (replayId === null) continue
        jobs.markReplayed(job.id, item.position, replayId)
        ids.push(replayId)
      }
      jobs.advance(job.id, done, job.skipped + items.length - ids.length, finished ? isoSeconds(now) : null)
      if (finished) jobs.dropItems(job.id)
    })()
    state.firstReplay ??= ids[0] ?? null
    this.deps.stored(ids)
    this.deps.progress(job.id)
    return finished
  }

  /** One replay, or null when its original went meanwhile or cannot be replayed (imported, with no signing webhook). */
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
    skipped: job.skipped,
    status: job.status,
    created_on: job.created_on,
    finished_on: job.finished_on,
  }
}
