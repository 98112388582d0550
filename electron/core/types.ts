import type { Dispatcher } from 'undici'
import type { CallContext, ProcedureName, ProcedureOutput, PushedEventName, PushedEventPayload, TokenRole } from './contract'
import type { ImportResult } from './contract/log-schemas'
import type { Settings } from './contract/other-schemas'
import type { Scheduler } from './time/scheduler'

export type { Clock, Scheduler } from './time/scheduler'

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

/** The world the core lives in, injected (DESIGN rule 5): tests pass their own. */
export interface CoreOptions {
  dataDir: string
  /** Time, timers and randomness; tests move time by hand. */
  scheduler?: Scheduler
  settings?: SettingsStore
  keyWrapper?: KeyWrapper
  /** Filled into `app.info`. */
  version?: string
  /** Random bytes source, injected so tests can fix generated secrets. */
  randomBytes?: (size: number) => Buffer
  /** The HTTP client deliveries go through (undici); tests pass one with their own pools. */
  dispatcher?: Dispatcher
  /** A better-sqlite3 addon built for Electron's ABI (SPEC §8 "SQLite in two runtimes"). */
  nativeBinding?: string
}

/** An export about to stream: what a transport needs to name it, and its text page by page. */
export interface LogExport {
  filename: string
  contentType: string
  chunks: AsyncIterable<string>
  /** Deliveries written so far (final once `chunks` is exhausted). */
  progress: { deliveries: number }
}

export type PushListener = <N extends PushedEventName>(name: N, payload: PushedEventPayload<N>) => void

/** What a transport sees of the core: the contract, pushed events, token checks and the lifecycle. */
export interface Core {
  readonly dataDir: string
  /** Validates `input` against the contract, checks the role, runs the procedure, validates the output. Throws HooklabError. */
  invoke<N extends ProcedureName>(name: N, input: unknown, ctx: CallContext): Promise<ProcedureOutput<N>>
  /**
   * The event log's files (issue 9 item 5), which do not fit one JSON call: `exportLog` checks
   * its input (`exportInputSchema`) and the caller's role before the first chunk and reads the
   * log a page at a time as `chunks` is consumed; `importLog` reads an NDJSON export from
   * `source` (admins only) and stores all of it or nothing. Both throw HooklabError.
   */
  exportLog(input: unknown, ctx: CallContext): Promise<LogExport>
  importLog(source: AsyncIterable<Uint8Array>, ctx: CallContext, options?: { maxBytes?: number }): Promise<ImportResult>
  /** Every pushed event; returns an unsubscribe function. */
  subscribe(listener: PushListener): () => void
  /** The role of an Admin API token, or null when it is unknown. */
  verifyToken(value: string): TokenRole | null
  /** Starts background work (the engine, the indexer, retention, burst resume), in that order. */
  start(): void
  /**
   * Refuses new calls, lets calls in flight finish (at most `capMs` of scheduler time),
   * stops background work in reverse order (each capped alike), then closes the store.
   */
  close(options?: { capMs?: number }): Promise<void>
}
