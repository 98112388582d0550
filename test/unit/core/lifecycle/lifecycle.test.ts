import { afterEach, expect, test, vi } from 'vitest'
import { BACKGROUND_ORDER, Lifecycle, type BackgroundName, type BackgroundWork } from '../../../../electron/core/lifecycle/background'
import { shutdown } from '../../../../electron/core/lifecycle/shutdown'
import { ADMIN, ManualScheduler, testCore } from '../../../support/core'

const cleanups: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const fn of cleanups.splice(0)) await fn()
})

/** A piece of background work that records what happens to it; `stop` resolves only when told. */
function work(name: BackgroundName, log: string[], stop: 'at once' | 'never' = 'at once'): BackgroundWork {
  return {
    name,
    start: () => void log.push(`start ${name}`),
    stop: () => {
      log.push(`stop ${name}`)
      return stop === 'at once' ? Promise.resolve() : new Promise<void>(() => {})
    },
  }
}

test('background work starts in the fixed order and stops in reverse, whatever order it was added in', async () => {
  const log: string[] = []
  const lifecycle = new Lifecycle(new ManualScheduler())
  for (const name of [...BACKGROUND_ORDER].reverse()) lifecycle.add(work(name, log))
  lifecycle.start()
  lifecycle.start()
  expect(await lifecycle.stop(1000)).toEqual([])
  expect(log).toEqual([...BACKGROUND_ORDER.map((n) => `start ${n}`), ...[...BACKGROUND_ORDER].reverse().map((n) => `stop ${n}`)])
})

test('a piece that does not stop is given its cap of scheduler time, then the rest stop anyway (no sleeping)', async () => {
  const scheduler = new ManualScheduler()
  const log: string[] = []
  const lifecycle = new Lifecycle(scheduler)
  lifecycle.add(work('engine', log))
  lifecycle.add(work('bursts', log, 'never'))
  lifecycle.start()
  let late: string[] | null = null
  void lifecycle.stop(5000).then((names) => (late = names))
  await scheduler.advance(4999)
  expect(late).toBeNull()
  expect(log).not.toContain('stop engine')
  await scheduler.advance(1)
  expect(late).toEqual(['bursts'])
  expect(log.at(-1)).toBe('stop engine')
})

test('a test core starts no background work unless asked; close() refuses new calls and closes the store', async () => {
  const t = testCore()
  expect(t.core.lifecycle.names()).toEqual([...BACKGROUND_ORDER])
  const log: string[] = []
  // The core's own indexer, watched: the slot names are fixed, so the real piece is observed rather than replaced.
  const { start, stop } = t.core.indexer
  t.core.indexer.start = () => {
    log.push('start indexer')
    start.call(t.core.indexer)
  }
  t.core.indexer.stop = () => {
    log.push('stop indexer')
    return stop.call(t.core.indexer)
  }
  expect(log).toEqual([])
  t.core.start()
  expect(log).toEqual(['start indexer'])
  await t.core.close()
  expect(log).toEqual(['start indexer', 'stop indexer'])
  await expect(t.call('app.info', {})).rejects.toMatchObject({ code: 'unavailable' })
  await t.close()
})

test('close() lets a call in flight finish before the store closes, but only up to its cap', async () => {
  const scheduler = new ManualScheduler()
  const t = testCore({ clock: scheduler })
  cleanups.push(() => t.close())
  let release!: () => void
  const blocked = new Promise<void>((resolve) => (release = resolve))
  t.core.retention.stop = () => blocked
  t.core.start()
  const created = t.call('webhooks.create', { address: 'http://127.0.0.1:9/a', topic: 'orders/create' }, ADMIN)
  let closed = false
  void t.core.close({ capMs: 5000 }).then(() => (closed = true))
  await expect(created).resolves.toMatchObject({ id: 1 })
  // Let close() reach the blocked piece; its cap counts from there.
  await scheduler.advance(0)
  await scheduler.advance(4999)
  expect(closed).toBe(false)
  await scheduler.advance(1)
  // The rest of closing (the engine's pools, SQLite) is real I/O: give it real turns.
  await vi.waitFor(() => expect(closed).toBe(true), { timeout: 5000 })
  release()
})

test('the shutdown sequence closes transports, then the core, then releases the directory, even when a step fails', async () => {
  const order: string[] = []
  const errors: string[] = []
  await shutdown({
    transports: [{ close: async () => void order.push('server') }, { close: () => { order.push('ipc'); throw new Error('boom') } }, null],
    core: { close: async () => void order.push('core') },
    release: () => void order.push('release'),
    log: (message) => void errors.push(message),
  })
  expect(order).toEqual(['server', 'ipc', 'core', 'release'])
  expect(errors).toEqual(['transport 2 failed while stopping:'])
})
