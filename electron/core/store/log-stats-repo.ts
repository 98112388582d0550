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
 * The dashboard's numbers (issue 9 item 7), each one GROUP BY over the creation-time
 * index, which carries the webhook, the status and the last attempt's duration, so no
 * delivery row is read. Percentiles are SQLite's own (percentile_cont).
 */
export class LogStatsRepo {
  constructor(private readonly db: Db) {}

  /** Deliveries created in [sinceMs, untilMs) per bucket of `bucketMs` by outcome; `sending` counts as pending. */
  series(sinceMs: number, untilMs: number, bucketMs: number, webhookId: number | undefined): BucketCounts[] {
    return this.db
      .prepare(
        `SELECT (created_at - @since) / @bucket AS bucket,
           SUM(status = 'succeeded') AS succeeded, SUM(status = 'failed') AS failed, SUM(status = 'retrying') AS retrying,
           SUM(status IN ('pending', 'sending')) AS pending, SUM(status = 'cancelled') AS cancelled
         FROM deliveries INDEXED BY deliveries_created
         WHERE created_at >= @since AND created_at < @until ${webhookId === undefined ? '' : 'AND webhook_id = @webhook'}
         GROUP BY bucket ORDER BY bucket`,
      )
      .all({ since: sinceMs, until: untilMs, bucket: bucketMs, ...(webhookId === undefined ? {} : { webhook: webhookId }) }) as BucketCounts[]
  }

  /** p50 and p95 of the last attempt's duration per webhook, over deliveries created in [sinceMs, untilMs). */
  latency(sinceMs: number, untilMs: number, webhookId: number | undefined): WebhookLatency[] {
    return this.db
      .prepare(
        `SELECT l.webhook_id, w.name, l.count, l.p50_ms, l.p95_ms FROM (
           SELECT webhook_id, COUNT(*) AS count,
             percentile_cont(last_duration_ms, 0.5) AS p50_ms, percentile_cont(last_duration_ms, 0.95) AS p95_ms
           FROM deliveries INDEXED BY deliveries_created
           WHERE created_at >= @since AND created_at < @until AND last_duration_ms IS NOT NULL ${webhookId === undefined ? '' : 'AND webhook_id = @webhook'}
           GROUP BY webhook_id) l
         JOIN webhooks w ON w.id = l.webhook_id ORDER BY l.webhook_id`,
      )
      .all({ since: sinceMs, until: untilMs, ...(webhookId === undefined ? {} : { webhook: webhookId }) }) as WebhookLatency[]
  }
}
