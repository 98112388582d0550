import type { RpcResult, Transport } from './types'

const MAX_BACKOFF_MS = 10_000

/**
 * `hooklab serve`: POST /rpc/<name> for calls, one WebSocket on /events for pushes.
 * Auth is the same-origin session cookie set when the page was opened with ?token=.
 */
export function webTransport(): Transport {
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const reconnectListeners = new Set<() => void>()
  let socket: WebSocket | null = null
  let attempt = 0
  let everOpened = false

  function connect(): void {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws'
    socket = new WebSocket(`${scheme}://${location.host}/events`)
    socket.onopen = () => {
      attempt = 0
      // A reopened stream may have missed events; let the stores catch up.
      if (everOpened) reconnectListeners.forEach((fn) => fn())
      everOpened = true
    }
    socket.onmessage = (message) => {
      let data: { event?: unknown; payload?: unknown }
      try {
        data = JSON.parse(String(message.data))
      } catch {
        return
      }
      if (typeof data.event !== 'string') return
      listeners.get(data.event)?.forEach((fn) => fn(data.payload))
    }
    socket.onclose = () => {
      socket = null
      const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** attempt++)
      setTimeout(connect, delay)
    }
  }

  async function invoke(name: string, input: unknown, origin: string): Promise<RpcResult> {
    let response: Response
    try {
      response = await fetch(`/rpc/${encodeURIComponent(name)}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-Hooklab-Client': origin },
        body: JSON.stringify(input ?? {}),
      })
    } catch (err) {
      return { ok: false, error: { code: 'internal', message: err instanceof Error ? err.message : String(err) } }
    }
    try {
      return (await response.json()) as RpcResult
    } catch {
      const code = response.status === 401 ? 'unauthorized' : response.status === 403 ? 'forbidden' : 'internal'
      return { ok: false, error: { code, message: `HTTP ${response.status}` } }
    }
  }

  return {
    kind: 'web',
    invoke,
    subscribe(event, fn) {
      if (!socket) connect()
      let set = listeners.get(event)
      if (!set) listeners.set(event, (set = new Set()))
      set.add(fn)
      return () => set.delete(fn)
    },
    onReconnect(fn) {
      reconnectListeners.add(fn)
      return () => reconnectListeners.delete(fn)
    },
  }
}
