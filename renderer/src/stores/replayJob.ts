import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { LogFilter, ReplayJob } from '@contract'
import { call } from '../api/client'

const POLL_MS = 500

/**
 * The bulk replay running from the log screen: a stored job in the core (like a burst),
 * polled while it runs so its progress bar moves; the rest of the screen stays usable.
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

  async function start(filter: LogFilter, address?: string): Promise<ReplayJob> {
    job.value = await call('replays.start', { filter, ...(address ? { address } : {}) })
    schedule()
    return job.value
  }

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
