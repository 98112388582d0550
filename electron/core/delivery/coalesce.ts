import type { Scheduler } from '../time/scheduler'

/** How often at most `deliveries.changed` is pushed, and how many ids one push lists. */
export const PUSH_EVERY_MS = 250
export const IDS_PER_PUSH = 100

/**
 * Gathers delivery ids and pushes them at most every PUSH_EVERY_MS (issue 8 item 9): a
 * burst of 10,000 deliveries becomes a handful of pushes a second, each saying how many
 * changed and naming up to IDS_PER_PUSH of them (the newest).
 */
export function coalescer(scheduler: Scheduler, push: (ids: number[], count: number) => void) {
  let pending = new Set<number>()
  let timer: ReturnType<Scheduler['setTimeout']> | null = null
  const flush = () => {
    timer = null
    if (pending.size === 0) return
    const ids = [...pending]
    pending = new Set()
    push(ids.slice(-IDS_PER_PUSH), ids.length)
  }
  return {
    add(ids: readonly number[]) {
      for (const id of ids) pending.add(id)
      if (timer === null) timer = scheduler.setTimeout(flush, PUSH_EVERY_MS)
    },
    flush() {
      if (timer !== null) scheduler.clearTimeout(timer)
      flush()
    },
  }
}
