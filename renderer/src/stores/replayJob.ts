import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { LogFilter, ReplayJob } from '@contract'
import { call, on } from '../api/client'

/** A fallback only: `replays.changed` pushes the progress; a poll covers a dropped stream. */
const POLL_MS = 1000

/**
 * The bulk replay running from the log screen: a stored job in the core (like a burst).
 * Its progress arrives by `replays.changed`, with a slow poll behind it; the rest of the
 * screen stays usable.
 */
export const useReplayJobStore = defineStore('replayJob', () => {
  const job = ref<ReplayJob | null>(null)
  const cancelling = ref(false)
  let timer: ReturnType<typeof setTimeout> | null = null

  const running = computed(() => job.value?.status === 'running')

  function schedule(): void {
    if (timer) clearTimeout(timer)
    timer = running.value ? setTimeout(() => void poll(), POLL_MS) : null
  }

  async function poll(): Promise<void> {
    if (!job.value) return
    try {
      job.value = await call('replays.get', { id: job.value.id })
    } catch {
      // A missed poll is retried on the next tick.
    }
    schedule()
  }

  async function start(filter: LogFilter, options: { address?: string; webhookId?: number } = {}): Promise<ReplayJob> {
    job.value = await call('replays.start', {
      filter,
      ...(options.address ? { address: options.address } : {}),
      ...(options.webhookId ? { webhook_id: options.webhookId } : {}),
    })
    schedule()
    return job.value
  }

  on('replays.changed', (payload) => {
    // Pushes may overtake each other's answers: never step back.
    if (job.value?.id === payload.job.id && (payload.job.done >= job.value.done || payload.job.status !== 'running')) {
      job.value = payload.job
      schedule()
    }
  })

  async function cancel(): Promise<void> {
    if (!job.value) return
    cancelling.value = true
    try {
      job.value = await call('replays.cancel', { id: job.value.id })
      schedule()
    } finally {
      cancelling.value = false
    }
  }

  function dismiss(): void {
    if (running.value) return
    job.value = null
  }

  return { job, running, cancelling, start, cancel, dismiss }
})
