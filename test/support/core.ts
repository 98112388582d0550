import { createCore, type FullCore } from '../../electron/core/app'
import type { CallContext } from '../../electron/core/contract'
import { memorySettingsStore } from '../../electron/core/settings/json-settings'
import type { Clock } from '../../electron/core/types'
import { tempDir } from './temp-dir'

export const ADMIN: CallContext = { origin: 'test-window', role: 'admin' }
export const READER: CallContext = { origin: 'test-reader', role: 'read' }

/** A clock tests move by hand. */
export function manualClock(start = Date.parse('2026-01-02T03:04:05Z')): Clock & { advance(ms: number): void } {
  let now = start
  return { now: () => now, advance: (ms) => void (now += ms) }
}

/** A real core on a real SQLite file in a temp dir. */
export function testCore(options: { clock?: Clock; dataDir?: string } = {}) {
  const dir = options.dataDir ? { path: options.dataDir, cleanup: () => {} } : tempDir()
  const core: FullCore = createCore({ dataDir: dir.path, transport: 'web', clock: options.clock, settings: memorySettingsStore() })
  return {
    core,
    dataDir: dir.path,
    call: <T = unknown>(name: string, input: unknown = {}, ctx: CallContext = ADMIN) => core.invoke(name, input, ctx) as Promise<T>,
    close() {
      core.close()
      dir.cleanup()
    },
  }
}
