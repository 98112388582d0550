import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Settings } from '../contract'
import type { SettingsStore } from '../types'

/** `serve`'s settings: a JSON file in the data directory, written atomically. */
export function jsonSettingsStore(dataDir: string): SettingsStore {
  const file = join(dataDir, 'settings.json')
  return {
    read() {
      if (!existsSync(file)) return {}
      try {
        return JSON.parse(readFileSync(file, 'utf8')) as Partial<Settings>
      } catch {
        return {}
      }
    },
    write(settings) {
      writeFileSync(file + '.tmp', JSON.stringify(settings, null, 2))
      renameSync(file + '.tmp', file)
    },
  }
}

/** For tests and one-shot CLI runs. */
export function memorySettingsStore(initial: Partial<Settings> = {}): SettingsStore {
  let saved = { ...initial }
  return { read: () => saved, write: (s) => void (saved = { ...s }) }
}
