import type { Db } from './database'

export interface BucketCounts {
  bucket: number
  succeeded: number
  failed: number
  retrying: number
  pending: number
  cancelled: number
}

export interface WebhookLatency {
  webhook_id: number
  name: string
  count: number
  p50_ms: number
  p95_ms: number
}

/**
 * The dashboard's numbers (issue 9 item 7), read from indexes alone, never a delivery row:
 * (time, webhook, status …) for all webhooks, (webhook, time, status, duration) for one.
 * Percentiles are SQLite's own (percentile_cont).
 */
export class LogStatsRepo {
  constructor(private readonly db: Db) {}

  /**
   * Deliveries created in [sinceMs, untilMs) per bucket of `bucketMs` by outcome (`sending`
   * counts as pending), bucket 0 first. One range read per bucket: the index is already in
   * time order, where a GROUP BY on a computed bucket would sort every row again.
   */
  series(sinceMs: number, untilMs: number, bucketMs: number, webhookId: number | undefined): BucketCounts[] {
    const statement = this.db.prepare(
      `SELECT COUNT(*) FILTER (WHERE status = 'succeeded') AS succeeded, COUNT(*) FILTER (WHERE status = 'failed') AS failed,
         COUNT(*) FILTER (WHERE status = 'retrying') AS retrying, COUNT(*) FILTER (WHERE status IN ('pending', 'sending')) AS pending,
         COUNT(*) FILTER (WHERE status = 'cancelled') AS cancelled
       FROM deliveries INDEXED BY ${webhookId === undefined ? 'deliveries_created' : 'deliveries_webhook_time'}
       WHERE created_at >= @from AND created_at < @to ${webhookId === undefined ? '' : 'AND webhook_id = @webhook'}`,
    )
    const out: BucketCounts[] = []
    for (let from = sinceMs, bucket = 0; from < untilMs; from += bucketMs, bucket++) {
      const to = Math.min(untilMs, from + bucketMs)
      const row = statement.get({ from, to, ...(webhookId === undefined ? {} : { webhook: webhookId }) }) as Omit<BucketCounts, 'bucket'>
      out.push({ bucket, ...row })
    }
    return out
  }

  /**
   * p50 and p95 of the last attempt's duration per webhook, over deliveries created in
   * [sinceMs, untilMs): one range read per webhook on (webhook, time), where one GROUP BY
   * over the time range would sort every row by webhook first.
   */
  latency(sinceMs: number, untilMs: number, webhookId: number | undefined): WebhookLatency[] {
    const statement = this.db.prepare(
      `SELECT COUNT(*) AS count, percentile_cont(last_duration_ms, 0.5) AS p50_ms, percentile_cont(last_duration_ms, 0.95) AS p95_ms
       FROM deliveries INDEXED BY deliveries_webhook_time
       WHERE webhook_id = @webhook AND created_at >= @since AND created_at < @until AND last_duration_ms IS NOT NULL`,
    )
    const webhooks = this.db.prepare(`SELECT id, name FROM webhooks ${webhookId === undefined ? '' : 'WHERE id = ?'} ORDER BY id`).all(...(webhookId === undefined ? [] : [webhookId])) as Array<{
      id: number
      name: string
    }>
    const out: WebhookLatency[] = []
    for (const { id, name } of webhooks) {
      const row = statement.get({ webhook: id, since: sinceMs, until: untilMs }) as { count: number; p50_ms: number | null; p95_ms: number | null }
      if (row.count > 0) out.push({ webhook_id: id, name, count: row.count, p50_ms: row.p50_ms ?? 0, p95_ms: row.p95_ms ?? 0 })
    }
    return out
  }
}
