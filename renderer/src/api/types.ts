import type { SerializedError } from '@contract'

export type RpcResult = { ok: true; value: unknown } | { ok: false; error: SerializedError }

/** A way to reach the core. The rest of the renderer never knows which one it got. */
export interface Transport {
  readonly kind: 'ipc' | 'web'
  invoke(name: string, input: unknown, origin: string): Promise<RpcResult>
  subscribe(event: string, fn: (payload: unknown) => void): () => void
  /** Called after a dropped event stream comes back: events may have been missed. */
  onReconnect(fn: () => void): () => void
}
