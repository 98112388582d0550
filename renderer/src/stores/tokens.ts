import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { TokenCreated, TokenInfo, TokenRole } from '@contract'
import { call } from '../api/client'

/** Admin API access tokens. A new token's value lives here only until the user leaves. */
export const useTokensStore = defineStore('tokens', () => {
  const tokens = ref<TokenInfo[]>([])
  const created = ref<TokenCreated | null>(null)
  const loading = ref(false)

  async function load(): Promise<void> {
    loading.value = true
    try {
      tokens.value = (await call('tokens.list', {})).tokens
    } finally {
      loading.value = false
    }
  }

  async function create(role: TokenRole, name: string): Promise<void> {
    const trimmed = name.trim()
    created.value = await call('tokens.create', trimmed ? { role, name: trimmed } : { role })
    await load()
  }

  async function remove(id: number): Promise<void> {
    await call('tokens.delete', { id })
    if (created.value?.id === id) created.value = null
    await load()
  }

  function forgetCreated(): void {
    created.value = null
  }

  return { tokens, created, loading, load, create, remove, forgetCreated }
})
