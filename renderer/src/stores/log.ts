import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { Delivery, LogFilter } from '@contract'
import { call, on, onReconnect } from '../api/client'
import { sameFilter } from '../lib/logQuery'
import { liveRanges } from '../lib/liveRanges'

export const FIRST_PAGE = 100
const MORE_PAGE = 200
/** The most new rows one catch-up prepends; more than that and the user is offered a reload. */
const CATCH_UP = 250
const RECOUNT_MS = 3000
const UNSETTLED = new Set(['pending', 'sending', 'retrying'])

type PrependListener = (count: number) => void

/**
 * The event log as the user sees it: one filter, the rows read so far (newest first, keyset
 * pages through `deliveries.page`), and the live part. `deliveries.changed` (coalesced by the
 * core) brings rows newer than the top one, which are prepended — the list keeps the user's
 * place, see LogList — and refreshes rows already on screen in place.
 */
export const useLogStore = defineStore('log', () => {
  const filter = ref<LogFilter>({})
  // Thousands of rows: replaced, never deeply watched.
  const rows = shallowRef<Delivery[]>([])
  const hasMore = ref(false)
  const loading = ref(false)
  const loadingMore = ref(false)
  const loaded = ref(false)
  const error = ref<unknown>(null)
  const total = ref<number | null>(null)
  /** More new deliveries arrived than one catch-up brings: the list offers a reload instead. */
  const overflow = ref(0)
  /** Bumped each time a first page lands: the view marks performance after it renders. */
  const landed = ref(0)
  const prependListeners = new Set<PrependListener>()

  let generation = 0

  /**
   * Shows another filter. On screen the old rows stay until the new ones land; `fresh`
   * (entering the screen) drops them at once, so another filter's rows never flash by.
   */
  async function setFilter(next: LogFilter, options: { fresh?: boolean } = {}): Promise<void> {
    // Already shown, or already on its way.
    if ((loaded.value || loading.value) && sameFilter(filter.value, next)) return
    filter.value = next
    if (options.fresh) {
      rows.value = []
      loaded.value = false
    }
    await reload()
  }

  /** The first page of the current filter; a newer reload always wins over an older one. */
  async function reload(): Promise<void> {
    const mine = ++generation
    loading.value = true
    try {
      const out = await call('deliveries.page', { ...filter.value, dir: 'lt', limit: FIRST_PAGE })
      if (mine !== generation) return
      rows.value = out.deliveries
      hasMore.value = out.has_more
      overflow.value = 0
      error.value = null
      loaded.value = true
      landed.value++
      total.value = null
      void recount()
    } catch (err) {
      if (mine === generation) error.value = err
    } finally {
      if (mine === generation) loading.value = false
    }
  }

  async function loadMore(): Promise<void> {
    const last = rows.value.at(-1)
    if (!hasMore.value || loadingMore.value || !last) return
    const mine = generation
    loadingMore.value = true
    try {
      const out = await call('deliveries.page', { ...filter.value, dir: 'lt', id: last.id, limit: MORE_PAGE })
      if (mine !== generation) return
      rows.value = rows.value.concat(out.deliveries)
      hasMore.value = out.has_more
    } catch (err) {
      if (mine === generation) error.value = err
    } finally {
      loadingMore.value = false
    }
  }

  let lastCount = 0
  let countTimer: ReturnType<typeof setTimeout> | undefined
  /** How many deliveries match: asked apart from the page, so a slow count never delays it. */
  async function recount(): Promise<void> {
    clearTimeout(countTimer)
    countTimer = undefined
    lastCount = Date.now()
    const mine = generation
    try {
      const out = await call('deliveries.count', filter.value)
      if (mine === generation) total.value = out.count
    } catch {
      // The count is a nicety: the list works without it.
    }
  }
  function recountSoon(): void {
    if (countTimer) return
    countTimer = setTimeout(() => void recount(), Math.max(0, lastCount + RECOUNT_MS - Date.now()))
  }

  // --- live: one catch-up at a time; pushes that arrive meanwhile ask for one more.
  let catchingUp = false
  let again: Set<number> | null = null

  /** Whether the log screen is on show: away from it, pushes only mark the rows stale. */
  let watching = false
  let stale = false

  /** The screen came into view (reloads if deliveries changed meanwhile) or went away. */
  function setWatching(on: boolean): void {
    watching = on
    if (on && stale && loaded.value) {
      stale = false
      void reload()
    }
  }

  function onChanged(ids: number[], count: number): void {
    if (!loaded.value) return
    if (!watching) return void (stale = true)
    const wanted = new Set(ids)
    // Pushes name at most 100 ids: when there were more, refresh every unsettled row we hold.
    if (count > ids.length) for (const row of rows.value) if (UNSETTLED.has(row.status)) wanted.add(row.id)
    if (catchingUp) {
      again = again ? new Set([...again, ...wanted]) : wanted
      return
    }
    void catchUp(wanted)
  }

  async function catchUp(ids: Set<number>): Promise<void> {
    catchingUp = true
    const mine = generation
    try {
      await Promise.all([prependNew(mine), refreshInPlace(ids, mine)])
    } catch {
      // Missed now, caught by the next push (or the user's reload).
    } finally {
      catchingUp = false
    }
    if (again) {
      const next = again
      again = null
      void catchUp(next)
    }
  }

  async function prependNew(mine: number): Promise<void> {
    const top = rows.value[0]
    if (!top) {
      // Nothing shown yet: the first page is the catch-up.
      if (!hasMore.value) await reload()
      return
    }
    const out = await call('deliveries.page', { ...filter.value, dir: 'gt', id: top.id, limit: CATCH_UP })
    if (mine !== generation || out.deliveries.length === 0) return
    if (out.has_more) {
      overflow.value += out.deliveries.length
      return
    }
    const fresh = out.deliveries.slice().reverse()
    rows.value = fresh.concat(rows.value)
    prependListeners.forEach((fn) => fn(fresh.length))
    recountSoon()
  }

  /** Rows on screen that changed, read back by id ranges (no filter: a row stays where it is). */
  async function refreshInPlace(ids: Set<number>, mine: number): Promise<void> {
    const held = new Set(rows.value.map((r) => r.id))
    const visible = [...ids].filter((id) => held.has(id))
    if (visible.length === 0) return
    const fresh = new Map<number, Delivery>()
    for (const range of liveRanges(visible, CATCH_UP)) {
      const out = await call('deliveries.page', { dir: 'gt', id: range.from - 1, limit: range.to - range.from + 1 })
      for (const d of out.deliveries) fresh.set(d.id, d)
    }
    if (mine !== generation) return
    rows.value = rows.value.map((row) => fresh.get(row.id) ?? row)
    recountSoon()
  }

  /** Shows the new deliveries that did not fit a catch-up: the first page again. */
  function showOverflow(): Promise<void> {
    return reload()
  }

  function onPrepend(fn: PrependListener): () => void {
    prependListeners.add(fn)
    return () => prependListeners.delete(fn)
  }

  on('deliveries.changed', (payload) => onChanged(payload.ids, payload.count))
  // A dropped event stream may have missed pushes: catch up as if everything changed.
  onReconnect(() => onChanged([], Number.MAX_SAFE_INTEGER))

  return { filter, rows, hasMore, loading, loadingMore, loaded, error, total, overflow, landed, setFilter, reload, loadMore, showOverflow, onPrepend, setWatching }
})
