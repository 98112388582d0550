import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it, vi } from 'vitest'

/*
 * Runs electron/main/index.ts — the real wiring, core, IPC binding and Admin
 * API — with only the Electron runtime faked (and electron-store, whose module
 * loads 'electron' outside vitest's reach). Proves the wiring starts, serves
 * the window, follows settings and releases the data directory on quit.
 */

const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown
  const appHandlers = new Map<string, Listener[]>()
  const ipcHandlers = new Map<string, Listener>()
  const windows: FakeWindow[] = []
  const paths = new Map<string, string>()
  const state = {
    quitCalls: 0,
    exitCode: null as number | null,
    errors: [] as string[],
    headersHook: null as null | Listener,
    permissionRequest: null as null | Listener,
    permissionCheck: null as null | Listener,
    savePath: '',
    saveDialogs: [] as Array<{ window: unknown; defaultPath: string }>,
  }

  class FakeWebContents {
    static nextId = 1
    id = FakeWebContents.nextId++
    sent: unknown[][] = []
    handlers = new Map<string, Listener>()
    openHandler: Listener | null = null
    url = ''
    send(...args: unknown[]) {
      this.sent.push(args)
    }
    isDestroyed() {
      return false
    }
    isLoading() {
      return this.url === ''
    }
    once(event: string, fn: Listener) {
      this.handlers.set(event, fn)
      return this
    }
    getURL() {
      return this.url
    }
    on(event: string, fn: Listener) {
      this.handlers.set(event, fn)
      return this
    }
    setWindowOpenHandler(fn: Listener) {
      this.openHandler = fn
    }
  }

  class FakeWindow {
    webContents = new FakeWebContents()
    constructor(readonly options: Record<string, unknown>) {
      windows.push(this)
    }
    once() {
      return this
    }
    async loadURL(url: string) {
      this.webContents.url = url
    }
    static getAllWindows() {
      return windows
    }
    static fromWebContents(contents: unknown) {
      return windows.find((w) => w.webContents === contents) ?? null
    }
  }

  const emit = (event: string, ...args: unknown[]) => (appHandlers.get(event) ?? []).forEach((fn) => fn(...args))

  const electron = {
    app: {
      isPackaged: false,
      setName: () => {},
      setPath: (name: string, value: string) => void paths.set(name, value),
      getPath: (name: string) => paths.get(name) ?? '/nonexistent',
      getAppPath: () => process.cwd(),
      getVersion: () => '0.1.0-test',
      requestSingleInstanceLock: () => true,
      whenReady: () => Promise.resolve(),
      on: (event: string, fn: Listener) => void appHandlers.set(event, [...(appHandlers.get(event) ?? []), fn]),
      quit: () => {
        state.quitCalls++
        emit('before-quit', { preventDefault: () => {} })
      },
      exit: (code: number) => void (state.exitCode = code),
    },
    BrowserWindow: FakeWindow,
    webContents: { fromId: (id: number) => windows.find((w) => w.webContents.id === id)?.webContents },
    ipcMain: {
      handle: (channel: string, fn: Listener) => void ipcHandlers.set(channel, fn),
      removeHandler: (channel: string) => void ipcHandlers.delete(channel),
    },
    Menu: { setApplicationMenu: () => {}, buildFromTemplate: (t: unknown) => t },
    safeStorage: { isEncryptionAvailable: () => false },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: (fn: Listener) => void (state.headersHook = fn) },
        setPermissionRequestHandler: (fn: Listener) => void (state.permissionRequest = fn),
        setPermissionCheckHandler: (fn: Listener) => void (state.permissionCheck = fn),
      },
    },
    dialog: {
      showErrorBox: (_title: string, message: string) => void state.errors.push(message),
      showSaveDialog: async (window: unknown, options: { defaultPath: string }) => {
        state.saveDialogs.push({ window, defaultPath: options.defaultPath })
        return { canceled: false, filePath: state.savePath }
      },
    },
  }
  return { electron, windows, ipcHandlers, state }
})

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }))
vi.mock('electron-store', () => ({
  default: class {
    store: Record<string, unknown> = {}
  },
}))

const dataDir = mkdtempSync(join(tmpdir(), 'hooklab-wiring-'))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

async function until<T>(probe: () => T | undefined | null | false | Promise<T | undefined | null | false>, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = await probe()
    if (value) return value
    await new Promise((r) => setTimeout(r, 10))
  }
  throw new Error(`timed out waiting for ${what}`)
}

describe('main process wiring', () => {
  it('starts, serves the window, follows settings and quits cleanly', async () => {
    process.env.HOOKLAB_DATA_DIR = dataDir
    delete process.env.ELECTRON_RENDERER_URL
    await import('../../../electron/main/index')

    const win = await until(() => fake.windows[0], 'the window')
    expect(fake.state.errors).toEqual([])
    const prefs = win.options.webPreferences as Record<string, unknown>
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false })
    expect(prefs.preload).toBe(resolve('out/preload/index.cjs'))
    const pageUrl = win.webContents.url
    expect(pageUrl).toBe(pathToFileURL(resolve('out/renderer/index.html')).href)

    // The data directory is owned, with a token for the CLI.
    expect(JSON.parse(readFileSync(join(dataDir, 'owner.json'), 'utf8'))).toMatchObject({ kind: 'desktop', pid: process.pid })
    expect(existsSync(join(dataDir, 'admin.token'))).toBe(true)

    // Session policies are installed.
    const headers = await new Promise<Record<string, string[]>>((done) =>
      fake.state.headersHook!({ responseHeaders: {} }, (r: { responseHeaders: Record<string, string[]> }) => done(r.responseHeaders)),
    )
    expect(headers['Content-Security-Policy'][0]).toContain("script-src 'self'")
    const granted = await new Promise((done) => fake.state.permissionRequest!(win.webContents, 'media', done, { requestingUrl: pageUrl }))
    expect(granted).toBe(false)
    expect(win.webContents.openHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' })
    const navigate = { url: 'https://evil.example/', preventDefault: vi.fn() }
    win.webContents.handlers.get('will-frame-navigate')!(navigate)
    expect(navigate.preventDefault).toHaveBeenCalled()

    // A call from the window reaches the core; its push reaches the window.
    const invoke = fake.ipcHandlers.get('hooklab:invoke')!
    const call = (name: string, input: unknown) =>
      invoke({ sender: { id: win.webContents.id }, senderFrame: { url: pageUrl } }, name, input, {}) as Promise<{ ok: boolean; value?: { admin_api_url?: string | null }; error?: unknown }>
    const created = await call('webhooks.create', { address: 'http://127.0.0.1:9/h', topics: ['orders/create'] })
    expect(created.ok).toBe(true)
    expect(win.webContents.sent.at(-1)).toEqual(['hooklab:event', 'webhooks.changed', expect.objectContaining({ action: 'created' })])

    // Off by default; turning the Admin API on starts it on loopback.
    expect((await call('app.info', {})).value?.admin_api_url).toBeNull()
    await call('settings.update', { admin_api_enabled: true, admin_api_port: 0 })
    const apiUrl = await until(async () => (await call('app.info', {})).value?.admin_api_url, 'the Admin API')
    expect(apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/admin\/$/)
    const token = readFileSync(join(dataDir, 'admin.token'), 'utf8').trim()
    // Same core, the data directory's admin token.
    const list = (headers: Record<string, string>) => fetch(`${apiUrl}webhooks.json`, { headers })
    expect((await list({})).status).toBe(401)
    const res = await list({ 'X-Hooklab-Access-Token': token })
    expect(res.status).toBe(200)
    expect(((await res.json()) as { webhooks: unknown[] }).webhooks).toHaveLength(1)
    expect(JSON.parse(readFileSync(join(dataDir, 'owner.json'), 'utf8')).port).toBe(Number(new URL(apiUrl).port))

    // Export: the main process asks where to save, modal to the asking window; the page's path is ignored.
    fake.state.savePath = join(dataDir, 'export.ndjson')
    const exported = await call('log.exportToFile', { filter: {}, format: 'ndjson', path: join(dataDir, 'page-chose.ndjson') })
    expect(exported).toEqual({ ok: true, value: { path: fake.state.savePath, deliveries: 0 } })
    expect(fake.state.saveDialogs).toEqual([{ window: win, defaultPath: expect.stringMatching(/hooklab-log-[\d-]+\.ndjson$/) }])
    expect(JSON.parse(readFileSync(fake.state.savePath, 'utf8').split('\n')[0])).toMatchObject({ hooklab_export: 1 })
    expect(existsSync(join(dataDir, 'page-chose.ndjson'))).toBe(false)

    // Quit: the server closes, the core closes, the directory is released.
    fake.electron.app.quit()
    await until(() => fake.state.quitCalls >= 2, 'the second quit')
    expect(existsSync(join(dataDir, 'owner.json'))).toBe(false)
    await expect(list({})).rejects.toThrow()
    expect(fake.ipcHandlers.size).toBe(0)
  })
})
