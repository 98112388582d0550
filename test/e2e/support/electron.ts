import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { _electron, type ElectronApplication } from '@playwright/test'
import { ROOT, assertBuilt } from './paths'

const INSTALL_HINT = 'run `node node_modules/electron/install.js` (needs the internet once), then `npm start` once'
/** Keep in sync with electron/main/paths.ts (NATIVE_BINDING_PATH). */
const NATIVE_BINDING = join(ROOT, 'out/native/electron/better_sqlite3.node')

/**
 * The Electron binary's path, or null. The `electron` package's main module returns the
 * path, but throws when its download never happened (offline machine, skipped download).
 */
export function electronBinary(): string | null {
  try {
    const binary = createRequire(join(ROOT, 'package.json'))('electron') as unknown
    return typeof binary === 'string' && binary !== '' && existsSync(binary) ? binary : null
  } catch {
    return null
  }
}

/** Why the electron project cannot run here, or null when it can. */
export function electronSkipReason(): string | null {
  if (electronBinary() === null) return `Electron binary not installed (offline machine): ${INSTALL_HINT}`
  if (!existsSync(NATIVE_BINDING)) {
    return 'better-sqlite3 is not built for Electron (out/native/electron is missing): run `npm start` once'
  }
  return null
}

/** Launches the desktop app on `dataDir` (HOOKLAB_DATA_DIR) from the built out/. */
export async function launchElectron(dataDir: string): Promise<ElectronApplication> {
  assertBuilt()
  return _electron.launch({
    args: ['.'],
    cwd: ROOT,
    env: { ...(process.env as Record<string, string>), HOOKLAB_DATA_DIR: dataDir, ELECTRON_ENABLE_LOGGING: '1' },
    timeout: 30_000,
  })
}
