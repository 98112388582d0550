/**
 * The one shutdown sequence of a process that owns a data directory, used by
 * `hooklab serve` and by the desktop app's quit (issue 6 §2.1):
 *   1. every transport stops accepting and lets what is in flight finish (each caps itself);
 *   2. the core stops its background work and closes the store;
 *   3. the data directory's ownership is released, so another process may take it.
 * A step that throws is reported and the next still runs: a half-closed server must not
 * leave the owner lock behind.
 */
export interface ShutdownParts {
  /** Servers and IPC bindings, closed first and in parallel. */
  transports: Array<{ close(): Promise<void> | void } | null | undefined>
  core: { close(): Promise<void> } | null | undefined
  release?: (() => void) | null
  log?: (message: string, err: unknown) => void
}

export async function shutdown(parts: ShutdownParts): Promise<void> {
  const log = parts.log ?? ((message, err) => console.error(`hooklab: ${message}`, err))
  const step = async (what: string, fn: () => Promise<void> | void) => {
    try {
      await fn()
    } catch (err) {
      log(`${what} failed while stopping:`, err)
    }
  }
  await Promise.all(parts.transports.map((t, i) => (t ? step(`transport ${i + 1}`, () => t.close()) : undefined)))
  if (parts.core) await step('the core', () => parts.core!.close())
  if (parts.release) await step('releasing the data directory', parts.release)
}
