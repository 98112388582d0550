import type { HooklabBridge } from '@contract/bridge'
import type { Transport } from './types'

/** Electron: everything goes through the preload's two named capabilities. */
export function ipcTransport(bridge: HooklabBridge): Transport {
  return {
    kind: 'ipc',
    invoke: (name, input, origin) => bridge.invoke(name, input, { origin }),
    subscribe: (event, fn) => bridge.subscribe(event, fn),
    // IPC does not drop: the main process lives as long as the window.
    onReconnect: () => () => {},
  }
}
