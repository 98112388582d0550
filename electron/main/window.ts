import { BrowserWindow } from 'electron'
import {
  appEntryUrl,
  isNavigationAllowed,
  windowOpenHandler,
  windowOptions,
  type AppOrigin,
} from './security'

export interface CreateWindowOptions {
  preloadPath: string
  appOrigin: AppOrigin
  iconPath?: string
}

/**
 * Opens a window on the app's page with the hardened options from
 * security.ts, and keeps it there: no navigation away, no new windows, no
 * <webview>.
 */
export function createWindow({ preloadPath, appOrigin, iconPath }: CreateWindowOptions): BrowserWindow {
  const win = new BrowserWindow({ ...windowOptions(preloadPath), ...(iconPath ? { icon: iconPath } : {}) })
  const contents = win.webContents

  contents.setWindowOpenHandler(windowOpenHandler)
  // Main frame and sub-frames alike.
  contents.on('will-frame-navigate', (event) => {
    if (!isNavigationAllowed(event.url, appOrigin)) event.preventDefault()
  })
  contents.on('will-redirect', (event) => {
    if (!isNavigationAllowed(event.url, appOrigin)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())

  win.once('ready-to-show', () => win.show())
  void win.loadURL(appEntryUrl(appOrigin))
  return win
}
