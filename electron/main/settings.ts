import Store from 'electron-store'
import type { Settings } from '../core/contract/other-schemas'
import type { SettingsStore } from '../core/types'

/**
 * Settings persisted with electron-store as `<dataDir>/settings.json`. The core
 * validates and fills defaults; this only reads and writes the object whole.
 * `cwd` is explicit so the file sits in the data directory the core owns, even
 * when HOOKLAB_DATA_DIR moves it.
 */
export function electronSettingsStore(dataDir: string): SettingsStore {
  const store = new Store<Partial<Settings>>({ name: 'settings', cwd: dataDir, clearInvalidConfig: true })
  return {
    read: () => ({ ...store.store }),
    write: (settings) => {
      store.store = settings
    },
  }
}
