import type { MenuItemConstructorOptions } from 'electron'

export interface MenuOptions {
  isDev: boolean
  isMac: boolean
  newWindow(): void
}

/**
 * The application menu, as a pure template (index.ts builds it). Standard roles
 * only: screens are reached from the sidebar, so the menu holds what desktop
 * users expect from any app (copy and paste, zoom, windows). Reload is dev-only:
 * in production it would only lose unsaved form input. No item opens a URL.
 */
export function menuTemplate({ isDev, isMac, newWindow }: MenuOptions): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    ...(isDev ? [{ role: 'reload' } as const, { role: 'forceReload' } as const, { type: 'separator' } as const] : []),
    { role: 'toggleDevTools' },
    { type: 'separator' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ]
  return [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    {
      label: 'File',
      submenu: [
        { label: 'New Window', accelerator: 'CmdOrCtrl+Shift+N', click: () => newWindow() },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ role: 'about' }] },
  ]
}
