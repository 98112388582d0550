import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCore } from '../../../electron/core/app'
import type { Core } from '../../../electron/core/types'
import {
  bindIpc,
  EVENT_CHANNEL,
  INVOKE_CHANNEL,
  type InvokeEventLike,
  type InvokeListener,
  type InvokeResult,
  type IpcMainLike,
  type WebContentsLike,
} from '../../../electron/main/ipc'
import { isTrustedSender, type AppOrigin } from '../../../electron/main/security'

/*
 * The IPC binding against a real core on a temporary data directory. Only the
 * Electron runtime is faked: ipcMain (a map of handlers) and webContents.
 */

const INDEX = join('/opt/Hooklab/resources/app.asar/out/renderer/index.html')
const appOrigin: AppOrigin = { kind: 'file', indexPath: INDEX }
const APP_URL = `${pathToFileURL(INDEX).href}#/webhooks`

class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, InvokeListener>()
  handle(channel: string, listener: InvokeListener): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`)
    this.handlers.set(channel, listener)
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel)
  }
  /** What ipcRenderer.invoke would resolve to in a window showing `url`. */
  async invoke(url: string | undefined, senderId: number, ...args: unknown[]): Promise<InvokeResult> {
    const listener = this.handlers.get(INVOKE_CHANNEL)
    if (!listener) throw new Error('no handler')
    const event: InvokeEventLike = { sender: { id: senderId }, senderFrame: url === undefined ? null : { url } }
    return (await listener(event, ...args)) as InvokeResult
  }
}

class FakeWebContents implements WebContentsLike {
  readonly sent: unknown[][] = []
  destroyed = false
  loading = false
  private onLoad: Array<() => void> = []
  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args])
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  isLoading(): boolean {
    return this.loading
  }
  once(_event: 'did-finish-load', listener: () => void): void {
    this.onLoad.push(listener)
  }
  finishLoading(): void {
    this.loading = false
    for (const fn of this.onLoad.splice(0)) fn()
  }
}

let dataDir: string
let core: Core
let ipc: FakeIpcMain
let windows: FakeWebContents[]
let unbind: () => void

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'hooklab-ipc-'))
  core = createCore({ dataDir, version: 'test' })
  ipc = new FakeIpcMain()
  windows = [new FakeWebContents(), new FakeWebContents()]
  unbind = bindIpc(ipc, core, {
    isTrustedSender: (url) => isTrustedSender(url, appOrigin),
    webContents: () => windows,
    adminApiUrl: () => 'http://127.0.0.1:7788/admin/',
  })
})

afterEach(async () => {
  unbind()
  await core.close()
  rmSync(dataDir, { recursive: true, force: true })
})

const newWebhook = { address: 'http://127.0.0.1:9/hooks', topics: ['orders/create'] }

async function webhookCount(): Promise<number> {
  const list = (await core.invoke('webhooks.list', {}, { origin: 'test', role: 'admin', transport: { kind: 'ipc', admin_api_url: null } })) as { total: number }
  return list.total
}

describe('IPC binding', () => {
  it('runs a valid call from the app window and answers with the value', async () => {
    const result = await ipc.invoke(APP_URL, 7, 'webhooks.create', newWebhook, { origin: 'client-a' })
    expect(result.ok).toBe(true)
    expect(result.ok && (result.value as { id: number; address: string }).address).toBe(newWebhook.address)
    expect(await webhookCount()).toBe(1)
  })

  it('answers an unknown procedure with an error envelope, without throwing', async () => {
    const result = await ipc.invoke(APP_URL, 7, 'webhooks.dropTable', {})
    expect(result).toEqual({ ok: false, error: { code: 'unknown_procedure', message: expect.any(String) } })
    for (const name of [undefined, 42, { toString: () => 'webhooks.list' }, '__proto__', 'constructor']) {
      const r = await ipc.invoke(APP_URL, 7, name, {})
      expect(r.ok ? 'ok' : r.error.code, String(name)).toBe('unknown_procedure')
    }
  })

  it('answers invalid input with invalid_input naming the fields', async () => {
    const result = await ipc.invoke(APP_URL, 7, 'webhooks.create', { address: 'ftp://x', topics: ['nope/never'] })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('invalid_input')
    expect(Object.keys(result.error.fields ?? {})).toEqual(expect.arrayContaining(['address']))
    expect(await webhookCount()).toBe(0)
  })

  it('maps a core error (not found) into the envelope', async () => {
    const result = await ipc.invoke(APP_URL, 7, 'webhooks.get', { id: 999 })
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })

  it('refuses calls from any other frame and never reaches the core', async () => {
    for (const url of [
      pathToFileURL('/tmp/evil/index.html').href,
      'http://evil.example/',
      'devtools://devtools/bundled/inspector.html',
      '',
      undefined,
    ]) {
      const result = await ipc.invoke(url, 7, 'webhooks.create', newWebhook)
      expect(result.ok ? 'ok' : result.error.code, String(url)).toBe('forbidden')
    }
    expect(await webhookCount()).toBe(0)
  })

  it('pushes core events to every open window, and stops after unbinding', async () => {
    windows[1].destroyed = true
    await ipc.invoke(APP_URL, 7, 'webhooks.create', newWebhook, { origin: 'client-a' })
    expect(windows[0].sent).toEqual([
      [EVENT_CHANNEL, 'webhooks.changed', { action: 'created', ids: [1], origin: 'client-a' }],
    ])
    expect(windows[1].sent).toEqual([])

    unbind()
    expect(ipc.handlers.size).toBe(0)
    await core.invoke('webhooks.create', newWebhook, { origin: 'cli', role: 'admin', transport: { kind: 'ipc', admin_api_url: null } })
    expect(windows[0].sent).toHaveLength(1)
    unbind = () => {}
  })

  it('holds pushes for a window still loading and delivers them in order once it has loaded', async () => {
    windows[0].loading = true
    await ipc.invoke(APP_URL, 7, 'webhooks.create', newWebhook, { origin: 'a' })
    await ipc.invoke(APP_URL, 7, 'webhooks.create', newWebhook, { origin: 'b' })
    expect(windows[0].sent).toEqual([])
    expect(windows[1].sent).toHaveLength(2)
    windows[0].finishLoading()
    expect(windows[0].sent.map((m) => (m[2] as { origin: string }).origin)).toEqual(['a', 'b'])
  })

  it("tells app.info the call's own transport, not a fact stored in the core", async () => {
    const result = await ipc.invoke(APP_URL, 7, 'app.info', {})
    expect(result).toMatchObject({ ok: true, value: { transport: 'ipc', admin_api_url: 'http://127.0.0.1:7788/admin/' } })
  })

  it("names the window as the change's origin when the page gives none", async () => {
    await ipc.invoke(APP_URL, 12, 'webhooks.create', newWebhook)
    await ipc.invoke(APP_URL, 12, 'webhooks.create', newWebhook, { origin: 'x'.repeat(1000) })
    const origins = windows[0].sent.map((m) => (m[2] as { origin: string }).origin)
    expect(origins).toEqual(['window-12', 'window-12'])
  })
})
