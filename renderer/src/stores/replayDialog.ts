import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import type { DeliveryDetail } from '@contract'

/** Which delivery the Replay dialog is open for (null: closed). */
export const useReplayDialogStore = defineStore('replayDialog', () => {
  const delivery = shallowRef<DeliveryDetail | null>(null)

  function open(d: DeliveryDetail): void {
    delivery.value = d
  }

  function close(): void {
    delivery.value = null
  }

  return { delivery, open, close }
})
