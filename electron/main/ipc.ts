import type { InvokeResult } from '../core/contract/bridge'
import { isProcedureName, type ProcedureName } from '../core/contract/names'
import { toSerializedError, type SerializedError, type TransportInfo } from '../core/contract'
import type { Core } from '../core/types'
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './channels'
import type { PreparedCall } from './file-dialogs'

/**
 * The IPC transport: one channel for calls, one for pushed events. It takes an
 * `IpcMainLike` instead of importing `ipcMain`, so its one gate — the sender
 * check — is tested in plain Node against a real core (DESIGN rule 3).
 */

export { EVENT_CHANNEL, INVOKE_CHANNEL }

/** What crosses IPC: a call never throws to the renderer, it answers one of these. */
export type { InvokeResult }

/** The part of Electron's IpcMainInvokeEvent the binding reads. */
export interface InvokeEventLike {
  sender: { id: number }
  senderFrame: { url: string } | null | undefined
}

export type InvokeListener = (event: InvokeEventLike, ...args: unknown[]) => unknown

/** Electron's `ipcMain` satisfies this; tests pass a fake. */
export interface IpcMainLike {
  handle(channel: string, listener: InvokeListener): void
  removeHandler(channel: string): void
}

/** A window's webContents, for pushes. */
export interface WebContentsLike {
  send(channel: string, ...args: unknown[]): void
  isDestroyed(): boolean
  /** Still loading its page: a push sent now would reach no listener. */
  isLoading(): boolean
  once(event: 'did-finish-load', listener: () => void): void
}

export interface BindIpcOptions {
  isTrustedSender(frameUrl: string | undefined): boolean
  /** Every open window's webContents at the moment of a push. */
  webContents(): WebContentsLike[]
  /** Where this app's Admin API answers right now (it follows the settings), for `app.info`. */
  adminApiUrl(): string | null
  /** Runs before the core for calls that need the shell first (a save dialog: main/file-dialogs.ts). */
  prepare?(name: ProcedureName, input: unknown, senderId: number): Promise<PreparedCall>
}

/**
 * Pushes for a window still loading wait until it has loaded, in order (electron/fiddle's
 * readyWebContents): a burst streaming while a window opens must not lose its first events.
 */
export function pushQueue() {
  const waiting = new Map<WebContentsLike, unknown[][]>()
  return (contents: WebContentsLike, args: unknown[]): void => {
    if (contents.isDestroyed()) return
    const queued = waiting.get(contents)
    if (queued) return void queued.push(args)
    if (!contents.isLoading()) return contents.send(...(args as [string, ...unknown[]]))
    waiting.set(contents, [args])
    contents.once('did-finish-load', () => {
      const list = waiting.get(contents) ?? []
      waiting.delete(contents)
      if (!contents.isDestroyed()) for (const item of list) contents.send(...(item as [string, ...unknown[]]))
    })
  }
}

/** `origin` lets a window tell its own changes from others' (SPEC §8 sync footer). */
const MAX_ORIGIN_LENGTH = 100

function originFrom(meta: unknown, senderId: number): string {
  if (meta && typeof meta === 'object' && 'origin' in meta) {
    const origin = (meta as { origin: unknown }).origin
    if (typeof origin === 'string' && origin.length > 0 && origin.length <= MAX_ORIGIN_LENGTH) return origin
  }
  return `window-${senderId}`
}

function failure(code: SerializedError['code'], message: string): InvokeResult {
  return { ok: false, error: { code, message } }
}

/** Binds the channels; returns a function that unbinds them (used on quit and in tests). */
export function bindIpc(
  ipcMain: IpcMainLike,
  core: Pick<Core, 'invoke' | 'subscribe'>,
  options: BindIpcOptions,
): () => void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, name, input, meta): Promise<InvokeResult> => {
    if (!options.isTrustedSender(event.senderFrame?.url)) {
      return failure('forbidden', 'Calls are accepted only from the Hooklab window')
    }
    if (!isProcedureName(name)) {
      return failure('unknown_procedure', `Unknown procedure: ${String(name).slice(0, 100)}`)
    }
    try {
      // The desktop UI's session is admin (SPEC §8 Tokens).
      const transport: TransportInfo = { kind: 'ipc', admin_api_url: options.adminApiUrl() }
      const prepared = options.prepare ? await options.prepare(name, input, event.sender.id) : { input }
      if ('answer' in prepared) return prepared.answer
      const value = await core.invoke(name, prepared.input, { origin: originFrom(meta, event.sender.id), role: 'admin', transport })
      return { ok: true, value }
    } catch (err) {
      return { ok: false, error: toSerializedError(err) }
    }
  })

  const push = pushQueue()
  const unsubscribe = core.subscribe((name, payload) => {
    for (const contents of options.webContents()) push(contents, [EVENT_CHANNEL, name, payload])
  })

  return () => {
    unsubscribe()
    ipcMain.removeHandler(INVOKE_CHANNEL)
  }
}
