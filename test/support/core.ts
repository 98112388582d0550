import { createCore, type FullCore } from '../../electron/core/app'
import type { CallContext, ProcedureName } from '../../electron/core/contract'
import { memorySettingsStore } from '../../electron/core/settings/json-settings'
import type { Scheduler } from '../../electron/core/time/scheduler'
import { ManualScheduler } from './scheduler'
import { tempDir } from './temp-dir'

const WEB = { kind: 'web', admin_api_url: null } as const
export const ADMIN: CallContext = { origin: 'test-window', role: 'admin', transport: WEB }
export const READER: CallContext = { origin: 'test-reader', role: 'read', transport: WEB }

export { ManualScheduler }

/** A clock tests move by hand (a ManualScheduler: timers fire as it advances). */
export function manualClock(start?: number): ManualScheduler {
  return new ManualScheduler(start)
}

/** A real core on a real SQLite file in a temp dir. Background work does not start unless a test calls core.start(). */
export function testCore(options: { clock?: Scheduler; dataDir?: string } = {}) {
  const dir = options.dataDir ? { path: options.dataDir, cleanup: () => {} } : tempDir()
  const core: FullCore = createCore({ dataDir: dir.path, scheduler: options.clock, settings: memorySettingsStore() })
  return {
    core,
    dataDir: dir.path,
    call: <T = unknown>(name: ProcedureName | string, input: unknown = {}, ctx: CallContext = ADMIN) => core.invoke(name as ProcedureName, input, ctx) as Promise<T>,
    async close() {
      await core.close()
      dir.cleanup()
    },
  }
}
