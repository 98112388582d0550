import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { app, BrowserWindow, dialog, ipcMain, Menu, safeStorage, session, webContents } from 'electron'
import { createCore } from '../core/app'
import type { CallContext } from '../core/contract'
import { shutdown } from '../core/lifecycle/shutdown'
import { ensureAdminToken } from '../core/data-dir/admin-token'
import { defaultDataDir } from '../core/data-dir/default'
import { claimOwnership } from '../core/data-dir/owner'
import type { Core, CoreOptions } from '../core/types'
import { startServer } from '../serve'
import { adminApiController, type AdminApiController } from './admin-api'
import { fileDialogs } from './file-dialogs'
import { bindIpc } from './ipc'
import { menuTemplate } from './menu'
import { shellPaths } from './paths'
import { safeStorageKeyWrapper } from './secrets'
import {
  appOriginFor,
  isPermissionGranted,
  isTrustedSender,
  withContentSecurityPolicy,
} from './security'
import { electronSettingsStore } from './settings'
import { startupErrorMessage } from './startup-error'
import { createWindow } from './window'

/*
 * Wiring only (DESIGN "Entry files only wire"): every decision made here lives
 * in a module beside this one and is tested in plain Node.
 */

// The data directory is userData, and the same one the CLI defaults to
// (HOOKLAB_DATA_DIR, else ~/.config/Hooklab and friends — whatever the dev
// package's lower-case name). Chosen before anything reads userData, including
// the single-instance lock below.
app.setName('Hooklab')
app.setPath('userData', resolve(defaultDataDir()))

// Where the desktop app's Admin API answers now: a fact of this process, told to each call.
let adminApiUrl: string | null = null
const SHELL: CallContext = { origin: 'shell', role: 'admin', transport: { kind: 'ipc', admin_api_url: null } }
const paths = shellPaths(app.getAppPath())
const appOrigin = appOriginFor(paths.indexHtml, process.env.ELECTRON_RENDERER_URL, app.isPackaged)

// One instance per data directory: the outbox has one owner (DESIGN "Security shape").
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  let core: Core | null = null
  let ownership: ReturnType<typeof claimOwnership> | null = null
  let unbindIpc: (() => void) | null = null
  let adminApi: AdminApiController | null = null

  const openWindow = (): BrowserWindow =>
    createWindow({ preloadPath: paths.preload, appOrigin, iconPath: paths.icon })

  app.on('second-instance', () => {
    if (!core) return // still starting: its window is on the way
    const win = BrowserWindow.getAllWindows()[0]
    if (!win) return void openWindow()
    if (win.isMinimized()) win.restore()
    win.focus()
  })

  app.on('web-contents-created', (_event, contents) => {
    // Belt and braces: every webContents, not only the ones window.ts makes.
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
    contents.on('will-attach-webview', (event) => event.preventDefault())
  })

  const start = async (): Promise<void> => {
    await app.whenReady()
    const dataDir = app.getPath('userData')
    // `hooklab serve` on the same directory would run a second outbox: refuse.
    ownership = claimOwnership(dataDir, { kind: 'desktop', port: null })
    // The CLI reaches a running app's Admin API with this token (SPEC §8 Tokens).
    ensureAdminToken(dataDir)

    const ses = session.defaultSession
    ses.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) })
    })
    ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
      callback(isPermissionGranted(permission, details.requestingUrl, appOrigin))
    })
    ses.setPermissionCheckHandler((contents, permission, _origin, details) =>
      isPermissionGranted(permission, details.requestingUrl ?? contents?.getURL(), appOrigin),
    )

    const options: CoreOptions = {
      dataDir,
      version: app.getVersion(),
      settings: electronSettingsStore(dataDir),
      keyWrapper: safeStorageKeyWrapper(safeStorage, process.platform),
      // better-sqlite3 built for Electron's ABI (SPEC §8 "SQLite in two runtimes").
      // Without it, node_modules' own build is tried: right when someone rebuilt
      // node_modules for Electron, and a clear error otherwise.
      nativeBinding: existsSync(paths.nativeBinding) ? paths.nativeBinding : undefined,
    }
    const liveCore = createCore(options)
    core = liveCore

    unbindIpc = bindIpc(ipcMain, liveCore, {
      isTrustedSender: (url) => isTrustedSender(url, appOrigin),
      webContents: () => BrowserWindow.getAllWindows().map((win) => win.webContents),
      adminApiUrl: () => adminApiUrl,
      // Exports are saved where the user says, in a dialog modal to the window that asked.
      prepare: fileDialogs({
        defaultDir: () => app.getPath('downloads'),
        showSaveDialog: (senderId, dialogOptions) => {
          const contents = webContents.fromId(senderId)
          const win = contents ? BrowserWindow.fromWebContents(contents) : null
          return win ? dialog.showSaveDialog(win, dialogOptions) : dialog.showSaveDialog(dialogOptions)
        },
      }),
    })

    adminApi = adminApiController({
      start: (port) => startServer({ core: liveCore, port, host: '127.0.0.1', rendererDir: resolve(paths.indexHtml, '..') }),
      setAdminApiUrl: (url) => {
        adminApiUrl = url
        // owner.json tells the CLI where to reach us.
        ownership?.update(url === null ? null : Number(new URL(url).port))
      },
      log: (message, err) => console.error(`hooklab: ${message}`, err ?? ''),
    })
    const followSettings = async (): Promise<void> => {
      const settings = await liveCore.invoke('settings.get', {}, SHELL)
      await adminApi?.apply(settings)
    }
    liveCore.subscribe((name) => {
      if (name === 'settings.changed') void followSettings()
    })
    await followSettings()

    const isDev = !app.isPackaged
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate({ isDev, isMac: process.platform === 'darwin', newWindow: () => void openWindow() }),
      ),
    )
    // Background work (the delivery engine and the rest) starts once windows can hear it.
    liveCore.start()
    openWindow()
  }

  app.on('activate', () => {
    // macOS: clicking the dock icon with no window open.
    if (core && BrowserWindow.getAllWindows().length === 0) openWindow()
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  // Closing is asynchronous (the Admin API drains its sockets), so the first
  // quit is held until the core has stopped its outbox and closed SQLite.
  let closed = false
  app.on('before-quit', (event) => {
    if (closed) return
    event.preventDefault()
    void (async () => {
      // The one shutdown sequence, shared with `hooklab serve` (core/lifecycle/shutdown.ts).
      await shutdown({
        transports: [{ close: () => unbindIpc?.() }, adminApi],
        core,
        release: () => ownership?.release(),
      })
      closed = true
      app.quit()
    })()
  })

  start().catch(async (err: unknown) => {
    await shutdown({ transports: [adminApi], core, release: () => ownership?.release() })
    dialog.showErrorBox('Hooklab could not start', startupErrorMessage(err))
    closed = true
    app.exit(1)
  })
}
