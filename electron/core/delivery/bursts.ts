import { HooklabError, notFound, type Profile } from '../contract'
import type { Burst, BurstInput } from '../contract/delivery-schemas'
import type { BackgroundWork } from '../lifecycle/background'
import { seedFrom } from '../simulator'
import type { BurstRecord, BurstsRepo } from '../store/bursts-repo'
import type { Db } from '../store/database'
import { isoSeconds } from '../time/format'
import type { Scheduler } from '../time/scheduler'
import type { DeliveryService, FirePlan } from './service'

export interface BurstDeps {
  db: Db
  repo: BurstsRepo
  /** How many deliveries from `sinceId` on still wait for their first attempt (counting up to `cap`). */
  backlog(sinceId: number, cap: number): number
  deliveries: DeliveryService
  scheduler: Scheduler
}

/** Events written per transaction when no rate is asked: big enough to be fast, small enough to stay responsive. */
const CHUNK = 200
/** How often a rated burst fires its share. */
const STEP_MS = 100
/**
 * An unrated burst goes "as fast as the engine takes" (issue 7): it stays at most this many
 * deliveries ahead of the engine, so the outbox and memory stay small and bodies are still
 * warm when sent. A target that takes nothing (disabled, down) slows it, never stops it.
 */
const MAX_AHEAD = 2000
const MAX_WAIT_MS = 1000

interface BurstState {
  timer: ReturnType<Scheduler['setTimeout']> | null
  startedAt: number
  firedAtStart: number
  waitingSince: number | null
  /** The first delivery this run fired: the backlog counts what waits from there on. */
  firstDelivery: number | null
}

/**
 * Bursts of N events (issue 7 item 4). A burst is a stored job: each chunk of events and
 * the burst's `fired` count are written in one transaction, so after a crash the burst
 * resumes from its last committed event, with none of its N events lost or doubled.
 * Event i of a burst uses seed (burst seed + i), so a burst is reproducible too.
 */
export class BurstRunner implements BackgroundWork {
  readonly name = 'bursts' as const
  private running = false
  private readonly active = new Map<number, BurstState>()

  constructor(private readonly deps: BurstDeps) {}

  start(): void {
    if (this.running) return
    this.running = true
    for (const burst of this.deps.repo.running()) this.run(burst)
  }

  async stop(): Promise<void> {
    this.running = false
    for (const state of this.active.values()) if (state.timer !== null) this.deps.scheduler.clearTimeout(state.timer)
    this.active.clear()
  }

  begin(input: BurstInput): Burst {
    const { count, rate, ...fire } = input
    this.deps.deliveries.plan(fire) // 422 before anything is stored
    const id = this.deps.repo.insert({
      profile: input.profile ?? 'sapo',
      topic: input.topic,
      webhook_ids: input.webhook_ids ?? null,
      payload: input.payload === undefined ? null : JSON.stringify(input.payload),
      seed: input.seed ?? seedFrom(() => this.deps.scheduler.random()),
      count,
      rate: rate ?? null,
      created_on: isoSeconds(this.deps.scheduler.now()),
    })
    const burst = this.deps.repo.get(id)!
    if (this.running) this.run(burst)
    return present(burst)
  }

  get(id: number): Burst {
    const burst = this.deps.repo.get(id)
    if (!burst) throw notFound(`Burst ${id}`)
    return present(burst)
  }

  cancel(id: number): Burst {
    const burst = this.get(id)
    if (!this.deps.repo.cancel(id, isoSeconds(this.deps.scheduler.now()))) {
      throw new HooklabError('conflict', `Burst ${id} is ${burst.status}: only a running burst can be cancelled`)
    }
    const state = this.active.get(id)
    if (state?.timer) this.deps.scheduler.clearTimeout(state.timer)
    this.active.delete(id)
    return this.get(id)
  }

  private run(burst: BurstRecord): void {
    this.active.set(burst.id, { timer: null, startedAt: this.deps.scheduler.now(), firedAtStart: burst.fired, waitingSince: null, firstDelivery: null })
    this.next(burst.id, 0)
  }

  private next(id: number, delayMs: number): void {
    const state = this.active.get(id)
    if (!state || !this.running) return
    state.timer = this.deps.scheduler.setTimeout(() => {
      state.timer = null
      try {
        this.step(id)
      } catch (err) {
        // Its webhooks were deleted, its topic removed: the burst cannot go on.
        console.error(`hooklab: burst ${id} stopped:`, err)
        this.deps.repo.cancel(id, isoSeconds(this.deps.scheduler.now()))
        this.active.delete(id)
      }
    }, delayMs)
  }

  private step(id: number): void {
    const burst = this.deps.repo.get(id)
    const state = this.active.get(id)
    if (!burst || !state || burst.status !== 'running') return void this.active.delete(id)
    const now = this.deps.scheduler.now()
    if (burst.rate === null && state.firstDelivery !== null && this.deps.backlog(state.firstDelivery, MAX_AHEAD) >= MAX_AHEAD) {
      state.waitingSince ??= now
      if (now - state.waitingSince < MAX_WAIT_MS) return this.next(id, 10)
    }
    state.waitingSince = null
    const due = burst.rate === null ? CHUNK : Math.floor((burst.rate * (now - state.startedAt)) / 1000) - (burst.fired - state.firedAtStart)
    const n = Math.max(0, Math.min(CHUNK, due, burst.count - burst.fired))
    if (n > 0) {
      const plan: FirePlan = this.deps.deliveries.plan({
        topic: burst.topic,
        profile: burst.profile as Profile,
        webhook_ids: burst.webhook_ids ? (JSON.parse(burst.webhook_ids) as number[]) : undefined,
        payload: burst.payload ? (JSON.parse(burst.payload) as Record<string, unknown>) : undefined,
      })
      const ids: number[] = []
      this.deps.db.transaction(() => {
        for (let i = burst.fired; i < burst.fired + n; i++) {
          const seed = burst.payload ? null : (burst.seed + i) >>> 0
          for (const d of this.deps.deliveries.insertFired(plan, seed, id).deliveries) ids.push(d.id)
        }
        const fired = burst.fired + n
        this.deps.repo.advance(id, fired, fired >= burst.count ? isoSeconds(now) : null)
      })()
      state.firstDelivery ??= ids[0] ?? null
      this.deps.deliveries.afterFiring(ids)
    }
    if (burst.fired + n >= burst.count) return void this.active.delete(id)
    this.next(id, burst.rate === null ? 0 : STEP_MS)
  }
}

function present(b: BurstRecord): Burst {
  return { id: b.id, topic: b.topic, profile: b.profile, count: b.count, rate: b.rate, fired: b.fired, status: b.status, created_on: b.created_on, finished_on: b.finished_on }
}
