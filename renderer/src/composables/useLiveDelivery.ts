import { onBeforeUnmount, ref, watch, type Ref } from 'vue'
import type { DeliveryDetail } from '@contract'
import { call, on } from '../api/client'

const POLL_MS = 2000
/** States after which nothing more happens to a delivery unless a user acts. */
const SETTLED = new Set(['succeeded', 'failed', 'cancelled'])

/**
 * Keeps one delivery fresh while it can still change: re-fetched when `deliveries.changed`
 * names it, and polled every 2 s as well, since pushes are coalesced and may be missed
 * across a reconnect. Stops once the delivery has settled or the caller lets go of it.
 */
export function useLiveDelivery(delivery: Ref<DeliveryDetail | null>) {
  const error = ref<unknown>(null)
  let timer: ReturnType<typeof setInterval> | undefined
  let inFlight = false

  async function refresh(): Promise<void> {
    const current = delivery.value
    if (!current || inFlight) return
    inFlight = true
    try {
      const next = await call('deliveries.get', { id: current.id })
      // The dialog may have moved on to another delivery while this answer was on its way.
      if (delivery.value?.id === next.id) delivery.value = next
      error.value = null
    } catch (err) {
      error.value = err
    } finally {
      inFlight = false
    }
  }

  const off = on('deliveries.changed', (payload) => {
    const id = delivery.value?.id
    if (id !== undefined && payload.ids.includes(id)) void refresh()
  })

  watch(
    () => (delivery.value && !SETTLED.has(delivery.value.status) ? delivery.value.id : null),
    (liveId) => {
      clearInterval(timer)
      timer = liveId === null ? undefined : setInterval(() => void refresh(), POLL_MS)
    },
    { immediate: true },
  )

  onBeforeUnmount(() => {
    off()
    clearInterval(timer)
  })

  return { error, refresh }
}
