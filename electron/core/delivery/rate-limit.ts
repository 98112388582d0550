/**
 * Per-webhook token buckets for `rate_limit_per_second` (issue 8): a bucket holds at most
 * one second's worth (at least one token) and refills continuously, so the rate holds as
 * measured at the receiver over any second, with no burst above it.
 */
export class RateLimiter {
  private readonly buckets = new Map<number, { tokens: number; at: number; rate: number }>()

  private bucket(id: number, rate: number, now: number) {
    let b = this.buckets.get(id)
    if (!b || b.rate !== rate) {
      b = { tokens: 1, at: now, rate }
      this.buckets.set(id, b)
    }
    const capacity = Math.max(1, rate)
    b.tokens = Math.min(capacity, b.tokens + ((now - b.at) / 1000) * rate)
    b.at = now
    return b
  }

  available(id: number, rate: number | null, now: number): boolean {
    return rate === null || this.bucket(id, rate, now).tokens >= 1
  }

  take(id: number, rate: number | null, now: number): boolean {
    if (rate === null) return true
    const b = this.bucket(id, rate, now)
    if (b.tokens < 1) return false
    b.tokens -= 1
    return true
  }

  /** Milliseconds until some limited webhook has a token again (Infinity when none is limited). */
  nextRefillMs(now: number): number {
    let soonest = Infinity
    for (const [id, b] of this.buckets) {
      const fresh = this.bucket(id, b.rate, now)
      soonest = Math.min(soonest, fresh.tokens >= 1 ? 0 : ((1 - fresh.tokens) / b.rate) * 1000)
    }
    return Number.isFinite(soonest) ? Math.max(5, Math.ceil(soonest)) : Infinity
  }
}
