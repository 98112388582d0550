import type { Dispatcher } from 'undici'
import type { SecretBox } from '../secrets/secret-box'
import type { AttemptRecord, DeliveriesRepo, DeliveryOutcome, DeliveryRecord } from '../store/deliveries-repo'
import { isoSeconds } from '../time/format'
import type { Scheduler } from '../time/scheduler'
import { applyOverride, retarget, type DeliveryOverride } from './overrides'
import { buildRequest, splitForStorage } from './request'
import { nextRetryDelayMs, parseRetryAfter } from './retry-policy'
import { send, type DispatcherFor } from './sender'
import type { Target, TargetCache } from './targets'

export interface AttemptDeps {
  repo: DeliveriesRepo
  targets: TargetCache
  scheduler: Scheduler
  box: SecretBox
  dispatcherFor: DispatcherFor
  /** A dispatcher that replaces the per-webhook agents (tests inject their own). */
  dispatcher?: Dispatcher
  version: string
  /** A replay's other address and header overrides (only replays have any). */
  overrideOf?: (deliveryId: number) => DeliveryOverride | null
}

/** One finished attempt, ready for the recorder. */
export interface FinishedAttempt {
  delivery: DeliveryRecord
  target: Target
  outcome: DeliveryOutcome
  attempt: AttemptRecord
  responseBody: Buffer | null
  /** The webhook answered 410 Gone: stop sending to it (SPEC §8 "Auto-disable"). */
  gone: boolean
}

/**
 * Sends one leased delivery once and works out what follows (SPEC §8 "Delivery
 * states", "Retries"): any 2xx succeeds; 410 fails at once; anything else retries on
 * the webhook's schedule, honouring Retry-After on 429 and 503, until it is exhausted.
 * Returns null when the delivery's webhook or event is gone.
 */
export async function attemptOnce(deps: AttemptDeps, delivery: DeliveryRecord): Promise<FinishedAttempt | null> {
  const base = deps.targets.get(delivery.webhook_id)
  const override = delivery.replay_of === null ? null : (deps.overrideOf?.(delivery.id) ?? null)
  const target = base && override ? retarget(base, override) : base
  const stored = target && deps.repo.sendable(delivery.event_id, target.format)
  if (!target || !stored) return null
  const source = { id: stored.id, topic: stored.topic }
  const started = deps.scheduler.now()
  const request = applyOverride(buildRequest({
    target,
    delivery,
    event: { id: source.id, topic: source.topic },
    body: stored.body,
    contentType: stored.content_type,
    nowMs: started,
    version: deps.version,
  }), override)
  const dispatcher = deps.dispatcher ?? deps.dispatcherFor({ connectTimeoutMs: target.connect_timeout_ms, acceptSelfSigned: target.accept_self_signed })
  const result = await send(dispatcher, { ...request, body: stored.body, timeoutMs: target.timeout_ms, connectTimeoutMs: target.connect_timeout_ms, acceptSelfSigned: target.accept_self_signed })

  const now = deps.scheduler.now()
  const attempts = delivery.attempts + 1
  const status = result.response?.status ?? null
  const gone = status === 410
  let next: DeliveryOutcome['status']
  let nextAt = delivery.next_attempt_at
  if (!result.error) next = 'succeeded'
  else if (gone) next = 'failed'
  else {
    const retryAfter = status === 429 || status === 503 ? parseRetryAfter(result.response?.headers['retry-after'], now) : null
    const delay = nextRetryDelayMs({ attempts, schedule: target.retry_schedule, random: deps.scheduler.random(), retryAfterSec: retryAfter })
    if (delay === null) next = 'failed'
    else {
      next = 'retrying'
      nextAt = now + delay
    }
  }
  const finished = next === 'succeeded' || next === 'failed'
  const stored_ = splitForStorage(request.url, request.headers, target)
  return {
    delivery,
    target,
    gone,
    outcome: {
      id: delivery.id,
      status: next,
      attempts,
      next_attempt_at: nextAt,
      last_status_code: status,
      last_error_class: result.error?.class ?? null,
      last_duration_ms: result.durationMs,
      finished_on: finished ? isoSeconds(now) : null,
    },
    attempt: {
      delivery_id: delivery.id,
      n: attempts,
      scheduled_for: new Date(delivery.next_attempt_at).toISOString(),
      started_on: new Date(started).toISOString(),
      duration_ms: result.durationMs,
      method: 'POST',
      url: stored_.url,
      request_headers: JSON.stringify(stored_.headers),
      request_secrets_enc: stored_.secrets ? deps.box.encrypt(JSON.stringify(stored_.secrets)) : null,
      response_status: status,
      response_headers: result.response ? JSON.stringify(result.response.headers) : null,
      response_truncated: result.response?.truncated ? 1 : 0,
      error_class: result.error?.class ?? null,
      error_message: result.error?.message ?? null,
    },
    responseBody: result.response?.body ?? null,
  }
}
