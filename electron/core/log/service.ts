import { invalidInput } from '../contract'
import type { LogStorage, Stats } from '../contract/log-schemas'
import type { LogRetentionRepo } from '../store/log-retention-repo'
import type { LogStatsRepo } from '../store/log-stats-repo'
import type { Scheduler } from '../time/scheduler'

export interface StatsInput {
  since: string
  until?: string
  webhook_id?: number
  buckets: number
}

/** The log's size on disk, compaction, and the dashboard's numbers. */
export class LogService {
  constructor(
    private readonly deps: {
      retention: LogRetentionRepo
      stats: LogStatsRepo
      scheduler: Scheduler
    },
  ) {}

  storage(): LogStorage {
    return this.deps.retention.storage()
  }

  /** Frees what purges and deletes left behind, then answers the new size. */
  compact(): LogStorage {
    this.deps.retention.compact()
    return this.storage()
  }

  /** Deliveries created in [since, until) per bucket by outcome (every bucket, empty ones as zeros), and p50/p95 of the last attempt's duration per webhook. */
  stats(input: StatsInput): Stats {
    const since = Date.parse(input.since)
    const until = input.until === undefined ? this.deps.scheduler.now() : Date.parse(input.until)
    if (!(until > since)) throw invalidInput(input.until === undefined ? { since: ['out_of_range'] } : { until: ['out_of_range'] })
    const bucketMs = Math.max(1, Math.ceil((until - since) / input.buckets))
    const series = this.deps.stats.series(since, until, bucketMs, input.webhook_id).map(({ bucket, ...counts }) => ({
      start: new Date(since + bucket * bucketMs).toISOString(),
      ...counts,
    }))
    return { bucket_ms: bucketMs, series, latency: this.deps.stats.latency(since, until, input.webhook_id) }
  }
}
