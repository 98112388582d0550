import { join } from 'node:path'

/**
 * Where the shell finds its files, relative to app.getAppPath() (the repo in
 * development, `resources/app.asar` when packaged). Kept in sync with
 * electron.vite.config.ts, scripts/electron-sqlite.mjs and electron-builder.yml.
 */
export interface ShellPaths {
  preload: string
  indexHtml: string
  /** better-sqlite3 built for Electron's ABI (SPEC §8 "SQLite in two runtimes"). */
  nativeBinding: string
  icon: string
}

/** Relative to the app root; scripts/electron-sqlite.mjs writes the same path. */
export const NATIVE_BINDING_PATH = 'out/native/electron/better_sqlite3.node'

export function shellPaths(appPath: string): ShellPaths {
  // A .node file cannot be loaded from inside an asar archive: electron-builder
  // unpacks it (asarUnpack) beside the archive, in app.asar.unpacked.
  const unpacked = appPath.replace(/app\.asar$/, 'app.asar.unpacked')
  return {
    preload: join(appPath, 'out/preload/index.cjs'),
    indexHtml: join(appPath, 'out/renderer/index.html'),
    nativeBinding: join(unpacked, NATIVE_BINDING_PATH),
    icon: join(appPath, 'resources/icon.png'),
  }
}
