import type { SerializedError } from './errors'

/**
 * The shape of `window.hooklab`, declared once for the preload that builds it and
 * the renderer that calls it. Type-only: importing it pulls no code into any bundle.
 */
export type InvokeResult = { ok: true; value: unknown } | { ok: false; error: SerializedError }

export interface InvokeMeta {
  /** The window's client id, echoed in pushed events' `origin`. */
  origin?: string
}

export interface HooklabBridge {
  invoke(name: string, input: unknown, meta?: InvokeMeta): Promise<InvokeResult>
  /** Returns an unsubscribe function. Throws on an event name the contract does not know. */
  subscribe(event: string, listener: (payload: unknown) => void): () => void
  /** Where a File the user picked or dropped lives on disk ('' when it is not a file on disk). */
  pathForFile(file: File): string
}
