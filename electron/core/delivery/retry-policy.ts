/**
 * SPEC §8 "Retries", as a pure function (svix's worker and convoy's retry strategies are
 * the model): `retry_schedule[k]` is the delay in seconds after attempt k+1; ±20 % jitter
 * comes from the injected random source; a receiver's Retry-After (on 429 and 503) is
 * honoured up to the schedule's largest delay.
 */
export interface RetryInput {
  /** Attempts made so far, including the one that just failed (1 after the first). */
  attempts: number
  schedule: readonly number[]
  /** A number in [0, 1) from the scheduler. */
  random: number
  /** Seconds the receiver asked for with Retry-After, when it answered 429 or 503. */
  retryAfterSec?: number | null
}

export const JITTER = 0.2

/** Milliseconds until the next attempt, or null when the schedule is exhausted. */
export function nextRetryDelayMs(input: RetryInput): number | null {
  const index = input.attempts - 1
  if (index < 0 || index >= input.schedule.length) return null
  const base = input.schedule[index] * 1000
  const jittered = base * (1 - JITTER + 2 * JITTER * input.random)
  if (input.retryAfterSec !== undefined && input.retryAfterSec !== null) {
    const cap = Math.max(...input.schedule) * 1000
    return Math.round(Math.min(Math.max(input.retryAfterSec * 1000, 0), cap))
  }
  return Math.round(jittered)
}

/** Retry-After as seconds: either delta-seconds or an HTTP date (RFC 9110 §10.2.3); null when unreadable. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | null {
  if (!value) return null
  const trimmed = value.trim()
  if (/^\d{1,10}$/.test(trimmed)) return Number(trimmed)
  const at = Date.parse(trimmed)
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - nowMs) / 1000))
}
