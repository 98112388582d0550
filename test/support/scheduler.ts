import type { Scheduler, TimerHandle } from '../../electron/core/time/scheduler'

interface Timer {
  id: number
  at: number
  fn: () => void
}

/**
 * A scheduler tests move by hand: `advance(ms)` runs every timer that falls due, in
 * order, and lets the promises they settle run in between. Randomness is fixed.
 */
export class ManualScheduler implements Scheduler {
  private time: number
  private timers: Timer[] = []
  private nextId = 1
  randomValue = 0.5

  constructor(start = Date.parse('2026-01-02T03:04:05Z')) {
    this.time = start
  }

  now(): number {
    return this.time
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const timer = { id: this.nextId++, at: this.time + Math.max(0, ms), fn }
    this.timers.push(timer)
    return timer.id
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers = this.timers.filter((t) => t.id !== handle)
  }

  random(): number {
    return this.randomValue
  }

  /** Timers waiting to fire. */
  get pending(): number {
    return this.timers.length
  }

  /**
   * Moves time forward, firing due timers in time order. Time moves at once (callers
   * that do not await see it); await the result to also run what those timers started,
   * including timers they set that fall within the same window.
   */
  advance(ms: number): Promise<void> {
    const end = this.time + ms
    this.fireUntil(end)
    this.time = end
    return (async () => {
      for (let round = 0; round < 1000; round++) {
        await flushMicrotasks()
        if (!this.fireUntil(end)) return
      }
    })()
  }

  /** Fires timers due by `end`; whether any fired. */
  private fireUntil(end: number): boolean {
    let fired = false
    for (;;) {
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0]
      if (!due) return fired
      this.timers = this.timers.filter((t) => t !== due)
      if (due.at > this.time) this.time = due.at
      due.fn()
      fired = true
    }
  }
}

async function flushMicrotasks(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve()
}
