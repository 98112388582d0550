import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { ProcedureInput, PushedEventPayload, Webhook, WebhookCreate, WebhookStatus } from '@contract'
import { call, on, onReconnect, origin } from '../api/client'
import { useSettingsStore } from './settings'

export type SortKey = 'created_on' | 'modified_on'
export type SortOrder = 'asc' | 'desc'
export const PAGE_SIZES = [10, 20, 50, 100] as const
export type PageSize = (typeof PAGE_SIZES)[number]

const SEARCH_DEBOUNCE_MS = 250

/**
 * The webhook list as the user sees it, plus SPEC §8's sync footer rule: with
 * auto-sync off, changes made elsewhere only raise `pending`; this window's own
 * changes (and Sync now) reload at once.
 */
export const useWebhooksStore = defineStore('webhooks', () => {
  const settings = useSettingsStore()

  const rows = ref<Webhook[]>([])
  const total = ref(0)
  const page = ref(1)
  const pageSize = ref<PageSize>(10)
  const search = ref('')
  const status = ref<WebhookStatus | null>(null)
  const sort = ref<SortKey>('created_on')
  const order = ref<SortOrder>('desc')
  const loading = ref(false)
  const loaded = ref(false)
  const error = ref<unknown>(null)
  const pending = ref(0)
  const lastSynced = ref<Date | null>(null)
  /**
   * Ticked rows, kept across pages, searches and filters (the toolbar says how many are not
   * on this page), so moving around never drops a selection silently.
   */
  const checked = ref<number[]>([])

  const pageCount = computed(() => Math.max(1, Math.ceil(total.value / pageSize.value)))
  const filtered = computed(() => search.value.trim() !== '' || status.value !== null)
  const checkedElsewhere = computed(() => {
    const visible = new Set(rows.value.map((w) => w.id))
    return checked.value.filter((id) => !visible.has(id)).length
  })

  let sequence = 0
  /** Reloads the visible page; a newer load always wins over an older one still in flight. */
  async function load(): Promise<void> {
    const mine = ++sequence
    loading.value = true
    try {
      const out = await call('webhooks.list', {
        page: page.value,
        page_size: pageSize.value,
        search: search.value.trim(),
        status: status.value,
        sort: sort.value,
        order: order.value,
      })
      if (mine !== sequence) return
      // Deleting the last rows of the last page would leave an empty page: step back.
      if (out.webhooks.length === 0 && out.total > 0 && page.value > 1) {
        page.value = Math.max(1, Math.ceil(out.total / pageSize.value))
        return load()
      }
      rows.value = out.webhooks
      total.value = out.total
      error.value = null
      loaded.value = true
      // A reload shows everything, including what was made elsewhere.
      pending.value = 0
      lastSynced.value = new Date()
    } catch (err) {
      if (mine === sequence) error.value = err
      throw err
    } finally {
      if (mine === sequence) loading.value = false
    }
  }

  const quietLoad = (): void => void load().catch(() => {})

  function setPage(next: number): void {
    page.value = Math.min(Math.max(1, Math.floor(next) || 1), pageCount.value)
    quietLoad()
  }

  function setPageSize(next: PageSize): void {
    pageSize.value = next
    page.value = 1
    quietLoad()
    if (settings.settings.page_size !== next) void settings.update({ page_size: next }).catch(() => {})
  }

  let searchTimer: ReturnType<typeof setTimeout> | undefined
  function setSearch(next: string): void {
    search.value = next
    clearTimeout(searchTimer)
    searchTimer = setTimeout(() => {
      page.value = 1
      quietLoad()
    }, SEARCH_DEBOUNCE_MS)
  }

  function setStatus(next: WebhookStatus | null): void {
    status.value = next
    page.value = 1
    quietLoad()
  }

  function setSort(key: SortKey, dir: SortOrder): void {
    sort.value = key
    order.value = dir
    page.value = 1
    quietLoad()
  }

  function syncNow(): Promise<void> {
    return load()
  }

  async function setAutoSync(value: boolean): Promise<void> {
    await settings.update({ auto_sync: value })
    // Turning it on should not leave stale rows behind.
    if (value && pending.value > 0) quietLoad()
  }

  function onChanged(payload: PushedEventPayload<'webhooks.changed'>): void {
    // This window's own changes were applied by the call that made them (below).
    if (payload.origin === origin) return
    // SPEC §8: the engine's own changes (auto-disable, counters, last ping) are not edits:
    // they update the rows on screen in place and never count behind the badge.
    if (payload.action === 'engine') return void patchInPlace(payload.ids)
    if (settings.settings.auto_sync) quietLoad()
    else pending.value += Math.max(1, payload.ids.length)
  }
  async function patchInPlace(ids: number[]): Promise<void> {
    for (const id of ids.filter((i) => rows.value.some((row) => row.id === i))) {
      const fresh = await call('webhooks.get', { id }).catch(() => null)
      if (fresh) rows.value = rows.value.map((row) => (row.id === id ? fresh : row))
    }
  }
  on('webhooks.changed', onChanged)
  onReconnect(() => {
    if (settings.settings.auto_sync) quietLoad()
    else pending.value += 1
  })

  /**
   * This window's own changes always apply at once. With nothing waiting behind the
   * badge a reload shows them in place; with outside changes waiting, only the rows
   * this window touched are patched, so the outside changes still wait for Sync now.
   */
  function applyOwn(change: { saved?: Webhook[]; created?: Webhook; removed?: number[] }): void {
    if (pending.value === 0 || settings.settings.auto_sync) return quietLoad()
    const saved = new Map((change.saved ?? []).map((w) => [w.id, w]))
    rows.value = rows.value.map((row) => saved.get(row.id) ?? row)
    if (change.removed) {
      rows.value = rows.value.filter((row) => !change.removed!.includes(row.id))
      total.value -= change.removed.length
    }
    if (change.created) {
      if (page.value === 1) rows.value = [change.created, ...rows.value].slice(0, pageSize.value)
      total.value += 1
    }
  }

  // --- mutations
  async function setWebhookStatus(ids: number[], next: 'enabled' | 'disabled'): Promise<void> {
    const { webhooks } = await call('webhooks.setStatus', { ids, status: next })
    applyOwn({ saved: webhooks })
  }

  async function remove(ids: number[]): Promise<void> {
    if (ids.length === 1) await call('webhooks.delete', { id: ids[0] })
    else await call('webhooks.deleteMany', { ids })
    checked.value = checked.value.filter((id) => !ids.includes(id))
    applyOwn({ removed: ids })
  }

  async function create(input: WebhookCreate): Promise<Webhook> {
    const created = await call('webhooks.create', input)
    applyOwn({ created })
    return created
  }

  async function update(input: ProcedureInput<'webhooks.update'>): Promise<Webhook> {
    const saved = await call('webhooks.update', input)
    applyOwn({ saved: [saved] })
    return saved
  }

  return {
    rows, total, page, pageSize, search, status, sort, order, loading, loaded, error, pending, lastSynced, checked,
    pageCount, filtered, checkedElsewhere,
    load, setPage, setPageSize, setSearch, setStatus, setSort, syncNow, setAutoSync, setWebhookStatus, remove, create, update,
  }
})
