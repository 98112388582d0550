import type { ProcedureInput, ProcedureName, ProcedureOutput, PushedEventName, PushedEventPayload } from '@contract'
import { ApiError } from './errors'
import { ipcTransport } from './ipc'
import type { Transport } from './types'
import { webTransport } from './web'

/** One id per window: pushed events carry it back so a window knows its own changes. */
export const origin: string = crypto.randomUUID()

// The preload is present only inside Electron; anywhere else we are served over HTTP.
const transport: Transport = window.hooklab ? ipcTransport(window.hooklab) : webTransport()

export const transportKind = transport.kind

/** Calls a procedure; resolves with its output or throws an ApiError. */
export async function call<N extends ProcedureName>(name: N, input: ProcedureInput<N>): Promise<ProcedureOutput<N>> {
  const result = await transport.invoke(name, input, origin)
  if (!result.ok) throw new ApiError(result.error)
  // The core validated its output; the renderer trusts it rather than parse twice.
  return result.value as ProcedureOutput<N>
}

export function on<N extends PushedEventName>(event: N, fn: (payload: PushedEventPayload<N>) => void): () => void {
  return transport.subscribe(event, (payload) => fn(payload as PushedEventPayload<N>))
}

export function onReconnect(fn: () => void): () => void {
  return transport.onReconnect(fn)
}
