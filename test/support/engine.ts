import type { CallContext, DeliveryDetail, Webhook } from '../../electron/core/contract'
import { ADMIN, ManualScheduler, testCore } from './core'

/**
 * A real core with its delivery engine running on a ManualScheduler: the network is real
 * (receivers on 127.0.0.1), time is not. `settle` moves scheduler time in small steps and
 * yields to real I/O until a condition holds, so retry delays of minutes pass in
 * milliseconds and no test sleeps for a schedule.
 */
export function engineCore(options: { start?: number } = {}) {
  const scheduler = new ManualScheduler(options.start)
  const t = testCore({ clock: scheduler })
  t.core.start()
  const call = <T>(name: string, input: unknown = {}, ctx: CallContext = ADMIN) => t.call<T>(name, input, ctx)

  /** Moves scheduler time by `stepMs` at a time (real I/O runs in between) until `done()` or the real deadline. */
  async function settle(done: () => boolean | Promise<boolean>, { stepMs = 25, realTimeoutMs = 10_000, maxSchedulerMs = Infinity } = {}): Promise<void> {
    const deadline = Date.now() + realTimeoutMs
    let moved = 0
    while (!(await done())) {
      if (Date.now() > deadline) throw new Error(`settle: condition not met within ${realTimeoutMs} ms of real time`)
      if (moved + stepMs <= maxSchedulerMs) {
        await scheduler.advance(stepMs)
        moved += stepMs
      }
      await new Promise((resolve) => setTimeout(resolve, 2))
    }
  }

  const delivery = (id: number) => call<DeliveryDetail>('deliveries.get', { id })
  const webhook = (id: number) => call<Webhook>('webhooks.get', { id })

  return { ...t, scheduler, call, settle, delivery, webhook }
}

export type EngineCore = ReturnType<typeof engineCore>
