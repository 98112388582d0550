import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../main/channels'
import type { HooklabBridge, InvokeResult } from '../core/contract/bridge'
// Not '../core/contract' itself: that pulls zod, which a sandboxed preload cannot require.
import { isProcedureName, isPushedEventName } from '../core/contract/names'

/**
 * The renderer's only door to the main process (DESIGN rule 2): two named
 * capabilities, plus reading the path of a file the user picked (for an import). Never ipcRenderer itself, never shell, never a generic
 * send(channel). Names are checked here too, so a typo fails in the window
 * without a round trip; the main process checks again because it trusts no one.
 */
const bridge: HooklabBridge = {
  invoke(name, input, meta) {
    if (!isProcedureName(name)) {
      const result: InvokeResult = {
        ok: false,
        error: { code: 'unknown_procedure', message: `Unknown procedure: ${String(name).slice(0, 100)}` },
      }
      return Promise.resolve(result)
    }
    // Only the plain `origin` string crosses: no functions, no prototypes.
    const origin = typeof meta?.origin === 'string' ? meta.origin : undefined
    return ipcRenderer.invoke(INVOKE_CHANNEL, name, input, origin === undefined ? {} : { origin }) as Promise<InvokeResult>
  },

  subscribe(event, listener) {
    if (!isPushedEventName(event)) throw new TypeError(`Unknown event: ${String(event).slice(0, 100)}`)
    if (typeof listener !== 'function') throw new TypeError('subscribe needs a listener function')
    // The IPC event object (with its sender) never reaches the page.
    const onEvent = (_e: IpcRendererEvent, name: unknown, payload: unknown): void => {
      if (name === event) listener(payload)
    }
    ipcRenderer.on(EVENT_CHANNEL, onEvent)
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, onEvent)
    }
  },

  pathForFile(file) {
    // The page's File objects carry no path since Electron 32: webUtils reads it here.
    if (!(file instanceof File)) throw new TypeError('pathForFile needs a File')
    return webUtils.getPathForFile(file)
  },
}

contextBridge.exposeInMainWorld('hooklab', bridge)
