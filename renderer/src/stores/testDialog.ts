import { defineStore } from 'pinia'
import { ref } from 'vue'

/** Which webhook seed 000's Test dialog is open for (null: closed). */
export const useTestDialogStore = defineStore('testDialog', () => {
  const webhookId = ref<number | null>(null)

  function open(id: number): void {
    webhookId.value = id
  }

  function close(): void {
    webhookId.value = null
  }

  return { webhookId, open, close }
})
