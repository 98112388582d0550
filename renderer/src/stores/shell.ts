import { defineStore } from 'pinia'
import { ref } from 'vue'

export type Screen = 'webhooks' | 'settings'
/** Only screens that exist are listed: no dead links (UI.md). */
export const SCREENS: Screen[] = ['webhooks', 'settings']

export type PendingFeature = 'test' | 'log'

/** Which screen is showing, and the app-wide dialogs any screen can open. */
export const useShellStore = defineStore('shell', () => {
  const screen = ref<Screen>('webhooks')
  const notAvailable = ref<PendingFeature | null>(null)
  /** The centred, self-closing success message (seed 000: edit success). */
  const centerMessage = ref<string | null>(null)
  let centerTimer: ReturnType<typeof setTimeout> | undefined

  function go(next: Screen): void {
    screen.value = next
  }

  function showCenterMessage(text: string, ms = 5000): void {
    clearTimeout(centerTimer)
    centerMessage.value = text
    centerTimer = setTimeout(() => (centerMessage.value = null), ms)
  }

  function hideCenterMessage(): void {
    clearTimeout(centerTimer)
    centerMessage.value = null
  }

  return { screen, notAvailable, centerMessage, go, showCenterMessage, hideCenterMessage }
})
