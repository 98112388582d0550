import { homedir } from 'node:os'
import { join } from 'node:path'

/** The desktop app's data directory (Electron's userData for the app name "Hooklab"). */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (env.HOOKLAB_DATA_DIR) return env.HOOKLAB_DATA_DIR
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Hooklab')
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Hooklab')
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Hooklab')
}
