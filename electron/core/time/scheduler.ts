/**
 * Time, timers and randomness, injected into the core (DESIGN rule 5) so that tests
 * move time by hand instead of sleeping, and a later time warp can scale it.
 */
export type TimerHandle = { readonly __timer: unique symbol } | number | object

export interface Clock {
  now(): number
}

export interface Scheduler extends Clock {
  /** Calls `fn` once `ms` of this scheduler's time has passed. */
  setTimeout(fn: () => void, ms: number): TimerHandle
  clearTimeout(handle: TimerHandle): void
  /** A number in [0, 1): retry jitter and anything else that must be fixable in tests. */
  random(): number
}

export const systemScheduler: Scheduler = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const timer = setTimeout(fn, ms)
    // Background timers must never keep a CLI process alive on their own.
    timer.unref?.()
    return timer
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
  random: () => Math.random(),
}

/** Resolves after `ms` of the scheduler's time (never rejects). */
export function delay(scheduler: Scheduler, ms: number): Promise<void> {
  return new Promise((resolve) => scheduler.setTimeout(resolve, ms))
}
