import { REDACTED, type TokenRole } from '../contract'
import type { Attempt, Delivery, DeliveryDetail } from '../contract/delivery-schemas'
import type { SecretBox } from '../secrets/secret-box'
import type { AttemptRecord, DeliveryRow } from '../store/deliveries-repo'

export function presentDelivery(row: DeliveryRow): Delivery {
  const waiting = row.status === 'pending' || row.status === 'retrying'
  return {
    id: row.id,
    event_id: row.event_id,
    webhook_id: row.webhook_id,
    topic: row.topic,
    profile: row.profile,
    status: row.status,
    tag: row.tag,
    provider_id: row.provider_id,
    attempts_count: row.attempts,
    next_attempt_on: waiting ? new Date(row.next_attempt_at).toISOString() : null,
    last_status_code: row.last_status_code,
    last_error_class: row.last_error_class,
    last_duration_ms: row.last_duration_ms,
    replay_of: row.replay_of,
    imported: row.imported === 1,
    created_on: row.created_on,
    finished_on: row.finished_on,
  }
}

/**
 * A delivery with every attempt as it went over the wire. An admin sees the request
 * exactly (credentials opened); a read token sees them redacted.
 */
export function presentDeliveryDetail(
  row: DeliveryRow,
  attempts: Array<AttemptRecord & { response_body: Buffer | null }>,
  eventBody: { content_type: string; body: Buffer } | null,
  replays: number[],
  box: SecretBox,
  role: TokenRole,
): DeliveryDetail {
  const requestBody = eventBody?.body ?? null
  return {
    ...presentDelivery(row),
    attempts: attempts.map((a) => presentAttempt(a, requestBody, box, role)),
    event_body: { content_type: eventBody?.content_type ?? 'application/json', body: requestBody?.toString('utf8') ?? '' },
    replays,
  }
}

export function presentAttempt(a: AttemptRecord & { response_body: Buffer | null }, requestBody: Buffer | null, box: SecretBox, role: TokenRole): Attempt {
  const headers = JSON.parse(a.request_headers) as Record<string, string>
  let url = a.url
  if (role === 'admin' && a.request_secrets_enc) {
    const secrets = JSON.parse(box.decrypt(a.request_secrets_enc)) as { url: string; headers: Record<string, string> }
    url = secrets.url
    for (const [name, value] of Object.entries(secrets.headers)) if (headers[name] === REDACTED) headers[name] = value
  }
  return {
    n: a.n,
    scheduled_for: a.scheduled_for,
    started_on: a.started_on,
    duration_ms: a.duration_ms,
    request: { method: a.method, url, headers, body: requestBody?.toString('utf8') ?? '' },
    response:
      a.response_status === null
        ? null
        : {
            status: a.response_status,
            headers: a.response_headers ? (JSON.parse(a.response_headers) as Record<string, string>) : {},
            body: a.response_body?.toString('utf8') ?? '',
            truncated: a.response_truncated === 1,
          },
    error: a.error_class ? { class: a.error_class, message: a.error_message ?? '' } : null,
  }
}
