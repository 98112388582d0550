import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { DEFAULT_SETTINGS, type AppInfo, type Settings } from '@contract'
import { call, on, origin } from '../api/client'
import { setLocale, systemLocale, type Locale } from '../i18n'

/** App-wide settings (language, theme, sync, Admin API) and facts about the running app. */
export const useSettingsStore = defineStore('settings', () => {
  const settings = ref<Settings>({ ...DEFAULT_SETTINGS })
  const info = ref<AppInfo | null>(null)
  const loaded = ref(false)

  const locale = computed<Locale>(() =>
    settings.value.language === 'system' ? systemLocale() : settings.value.language,
  )

  function apply(next: Settings): void {
    settings.value = next
    setLocale(locale.value)
  }

  async function load(): Promise<void> {
    const [s, i] = await Promise.all([call('settings.get', {}), call('app.info', {}).catch(() => null)])
    apply(s)
    info.value = i
    loaded.value = true
  }

  async function refreshInfo(): Promise<void> {
    info.value = await call('app.info', {})
  }

  /** Applies at once for a snappy UI, then keeps what the core actually stored. */
  async function update(patch: Partial<Settings>): Promise<void> {
    const before = settings.value
    apply({ ...before, ...patch })
    try {
      apply(await call('settings.update', patch))
    } catch (err) {
      apply(before)
      throw err
    }
  }

  // Another window (or the CLI) changed settings: follow it.
  on('settings.changed', (payload) => {
    if (payload.origin !== origin) void load()
  })

  setLocale(locale.value)
  return { settings, info, loaded, locale, load, update, refreshInfo }
})
