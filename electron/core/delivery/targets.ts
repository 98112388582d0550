import type { WebhookAuth } from '../contract'
import type { SecretBox } from '../secrets/secret-box'
import type { WebhookRecord, WebhooksRepo } from '../store/webhooks-repo'
import type { OpenedTarget } from './request'

/** What the engine needs of a webhook, credentials opened once rather than per attempt. */
export type Target = OpenedTarget &
  Pick<WebhookRecord, 'status' | 'retry_schedule' | 'timeout_ms' | 'connect_timeout_ms' | 'max_concurrency' | 'rate_limit_per_second' | 'ordered' | 'disable_after_failures' | 'accept_self_signed' | 'consecutive_failures'>

/**
 * Opened webhooks by id for the engine's hot path. Any change to a webhook (from the
 * UI, the API or the engine itself) invalidates its entry; the next use reads it again.
 */
export class TargetCache {
  private readonly cache = new Map<number, Target | null>()

  constructor(
    private readonly repo: WebhooksRepo,
    private readonly box: SecretBox,
  ) {}

  invalidate(ids: readonly number[]): void {
    for (const id of ids) this.cache.delete(id)
  }

  get(id: number): Target | undefined {
    if (!this.cache.has(id)) this.cache.set(id, this.load(id))
    return this.cache.get(id) ?? undefined
  }

  private load(id: number): Target | null {
    const record = this.repo.get(id)
    if (!record) return null
    const { box } = this
    return {
      id: record.id,
      address: box.decrypt(record.address_enc),
      headers: JSON.parse(box.decrypt(record.headers_enc)) as Record<string, string>,
      auth: JSON.parse(box.decrypt(record.auth_enc)) as WebhookAuth,
      secret: box.decrypt(record.secret_enc),
      profile: record.profile,
      signing: record.signing,
      format: record.format,
      status: record.status,
      retry_schedule: record.retry_schedule,
      timeout_ms: record.timeout_ms,
      connect_timeout_ms: record.connect_timeout_ms,
      max_concurrency: record.max_concurrency,
      rate_limit_per_second: record.rate_limit_per_second,
      ordered: record.ordered,
      disable_after_failures: record.disable_after_failures,
      accept_self_signed: record.accept_self_signed,
      consecutive_failures: record.consecutive_failures,
    }
  }
}
