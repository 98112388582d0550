import { delay, type Scheduler } from '../time/scheduler'

/** One piece of background work of the core: the delivery engine, the indexer, retention, burst and bulk-replay resume. */
export interface BackgroundWork {
  readonly name: BackgroundName
  start(): void
  /** Finishes or hands back what is in flight; the lifecycle caps how long it may take. */
  stop(): Promise<void>
}

/**
 * The order background work starts in; it stops in reverse. Bursts and bulk replays
 * resume last, once the engine that sends what they store is running; the engine stops first so that
 * nothing new is leased while the rest winds down.
 */
export const BACKGROUND_ORDER = ['engine', 'indexer', 'retention', 'bursts', 'replays'] as const
export type BackgroundName = (typeof BACKGROUND_ORDER)[number]

/**
 * Starts and stops the core's background work in one fixed order. Test cores never
 * call start() unless a test asks, so a unit test sees only what it drives.
 */
export class Lifecycle {
  private readonly works: BackgroundWork[] = []
  private state: 'idle' | 'running' | 'stopped' = 'idle'

  constructor(private readonly scheduler: Scheduler) {}

  add(work: BackgroundWork): void {
    if (this.works.some((w) => w.name === work.name)) throw new Error(`Background work ${work.name} is already registered`)
    this.works.push(work)
    this.works.sort((a, b) => BACKGROUND_ORDER.indexOf(a.name) - BACKGROUND_ORDER.indexOf(b.name))
    if (this.state === 'running') work.start()
  }

  get running(): boolean {
    return this.state === 'running'
  }

  names(): BackgroundName[] {
    return this.works.map((w) => w.name)
  }

  start(): void {
    if (this.state !== 'idle') return
    this.state = 'running'
    for (const work of this.works) work.start()
  }

  /** Stops each piece in reverse order, giving each at most `capMs` before moving on. */
  async stop(capMs: number): Promise<string[]> {
    const wasRunning = this.state === 'running'
    this.state = 'stopped'
    if (!wasRunning) return []
    const late: string[] = []
    for (const work of [...this.works].reverse()) {
      const finished = await settleWithin(this.scheduler, work.stop(), capMs)
      if (!finished) late.push(work.name)
    }
    return late
  }
}

/** Whether `promise` settled within `ms` of scheduler time; a rejection counts as settled. */
export async function settleWithin(scheduler: Scheduler, promise: Promise<unknown>, ms: number): Promise<boolean> {
  return Promise.race([promise.then(() => true, () => true), delay(scheduler, ms).then(() => false)])
}
