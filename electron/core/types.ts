import type { CallContext, ProcedureName, PushedEventName, PushedEventPayload } from './contract'
import type { Settings } from './contract/other-schemas'

/** Time source, injected so tests can move it (DESIGN rule 5). */
export interface Clock {
  now(): number
}
export const systemClock: Clock = { now: () => Date.now() }

/** Settings persistence: electron-store in the desktop app, a JSON file under `serve`. */
export interface SettingsStore {
  read(): Partial<Settings>
  write(settings: Settings): void
}

/**
 * Protects the data key at rest. The desktop app passes one backed by Electron's
 * safeStorage when the OS keyring is real; without one the key file is plain 0600.
 */
export interface KeyWrapper {
  readonly kind: 'safe_storage'
  wrap(key: Buffer): Buffer
  unwrap(wrapped: Buffer): Buffer
}

export interface CoreOptions {
  dataDir: string
  clock?: Clock
  settings?: SettingsStore
  keyWrapper?: KeyWrapper
  /** Filled into `app.info`. */
  transport: 'ipc' | 'web'
  version?: string
  /** Random bytes source, injected so tests can fix generated secrets. */
  randomBytes?: (size: number) => Buffer
  /** A better-sqlite3 addon built for Electron's ABI (SPEC §8 "SQLite in two runtimes"). */
  nativeBinding?: string
}

export type PushListener = <N extends PushedEventName>(name: N, payload: PushedEventPayload<N>) => void

export interface Core {
  readonly dataDir: string
  /** Validates `input` against the contract, runs the procedure, validates the output. Throws HooklabError. */
  invoke(name: ProcedureName | string, input: unknown, ctx: CallContext): Promise<unknown>
  /** Every pushed event; returns an unsubscribe function. */
  subscribe(listener: PushListener): () => void
  /** Transports report where the Admin API answers (for `app.info`). */
  setAdminApiUrl(url: string | null): void
  close(): void
}
