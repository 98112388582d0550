import { defineStore } from 'pinia'
import { ref } from 'vue'

/** Whether the add/edit dialog is open, and for which webhook. */
export const useWebhookDialogStore = defineStore('webhookDialog', () => {
  const open = ref(false)
  const editingId = ref<number | null>(null)

  function openCreate(): void {
    editingId.value = null
    open.value = true
  }

  function openEdit(id: number): void {
    editingId.value = id
    open.value = true
  }

  function close(): void {
    open.value = false
  }

  return { open, editingId, openCreate, openEdit, close }
})
