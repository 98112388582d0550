import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../contract'
import type { SettingsStore } from '../types'

/** Settings with defaults filled in; a stored value that no longer parses falls back to its default. */
export class SettingsService {
  constructor(private readonly store: SettingsStore) {}

  get(): Settings {
    const stored = this.store.read()
    const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS }
    for (const [key, value] of Object.entries(stored)) {
      // A hand-edited file may name anything, `constructor` included: only the schema's own keys count.
      if (!Object.hasOwn(settingsSchema.shape, key)) continue
      if (settingsSchema.shape[key as keyof Settings].safeParse(value).success) merged[key] = value
    }
    return merged as Settings
  }

  update(patch: Partial<Settings>): Settings {
    const next = { ...this.get(), ...patch }
    this.store.write(next)
    return next
  }
}
