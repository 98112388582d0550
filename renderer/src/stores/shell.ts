import { defineStore } from 'pinia'
import { ref } from 'vue'

/** The app-wide dialogs and messages any screen can open. Which screen shows is the router's. */
export const useShellStore = defineStore('shell', () => {
  /** The centred, self-closing success message (seed 000: edit success). */
  const centerMessage = ref<string | null>(null)
  let centerTimer: ReturnType<typeof setTimeout> | undefined

  function showCenterMessage(text: string, ms = 5000): void {
    clearTimeout(centerTimer)
    centerMessage.value = text
    centerTimer = setTimeout(() => (centerMessage.value = null), ms)
  }

  function hideCenterMessage(): void {
    clearTimeout(centerTimer)
    centerMessage.value = null
  }

  return { centerMessage, showCenterMessage, hideCenterMessage }
})
