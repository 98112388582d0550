import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Webhook } from '@contract'
import { call, on } from '../api/client'

export type WebhookBrief = Pick<Webhook, 'id' | 'name' | 'address' | 'status' | 'profile'>

const PAGE = 250
const RELOAD_DEBOUNCE_MS = 300

/**
 * Every webhook's id, name and address, for the event log (a row shows its webhook's name,
 * the filter and the replay dialog offer them). Read through keyset pages, so a store with
 * thousands of webhooks costs a few calls, and reloaded when any webhook changes.
 */
export const useWebhookNamesStore = defineStore('webhookNames', () => {
  const list = ref<WebhookBrief[]>([])
  const loaded = ref(false)
  let loading: Promise<void> | null = null
  let timer: ReturnType<typeof setTimeout> | undefined

  const byId = computed(() => new Map(list.value.map((w) => [w.id, w])))

  async function fetchAll(): Promise<void> {
    const all: WebhookBrief[] = []
    let after = 0
    for (;;) {
      const out = await call('webhooks.page', { dir: 'gt', id: after, limit: PAGE })
      for (const w of out.webhooks) all.push({ id: w.id, name: w.name, address: w.address, status: w.status, profile: w.profile })
      if (!out.has_more || out.webhooks.length === 0) break
      after = out.webhooks[out.webhooks.length - 1].id
    }
    list.value = all
    loaded.value = true
  }

  function load(force = false): Promise<void> {
    if (force) loading = null
    loading ??= fetchAll().catch((err) => {
      loading = null
      throw err
    })
    return loading
  }

  function nameOf(id: number): string {
    return byId.value.get(id)?.name || `#${id}`
  }

  on('webhooks.changed', () => {
    if (!loaded.value) return
    clearTimeout(timer)
    timer = setTimeout(() => void load(true).catch(() => {}), RELOAD_DEBOUNCE_MS)
  })

  return { list, loaded, byId, load, nameOf }
})
