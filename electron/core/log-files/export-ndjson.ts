import type { z } from 'zod'
import type { TokenRole } from '../contract'
import type { LogFilter } from '../contract/log-schemas'
import { presentAttempt, presentDelivery } from '../delivery/present'
import type { SecretBox } from '../secrets/secret-box'
import type { DeliveryRow, EventRecord } from '../store/deliveries-repo'
import type { AttemptWithBody, StoredBody } from '../store/log-files-repo'
import type { WebhookRecord, WebhooksRepo } from '../store/webhooks-repo'
import { presentWebhook, type Viewer } from '../webhooks/present'
import { exportPages, IdSet, involvedWebhooks, type ExportSourceDeps } from './export-source'
import { encodeBody, EXPORT_VERSION, type attemptLineSchema, type deliveryLineSchema, type eventLineSchema, type headerLineSchema } from './format'

export interface ExportDeps extends ExportSourceDeps {
  webhooks: Pick<WebhooksRepo, 'getMany'>
  box: SecretBox
}

export interface ExportOptions {
  filter: LogFilter
  /** An admin who asked: webhook secrets and credentials opened. Otherwise they read `[redacted]`. */
  secrets: boolean
  role: TokenRole
  createdOn: string
  /** The newest delivery when the export was asked for: rows written while it streams are left out. */
  lastId: number
  /** Counts deliveries as they are written (log.exportToFile answers with it). */
  progress?: { deliveries: number }
}

const line = (value: unknown) => JSON.stringify(value) + '\n'

/**
 * SPEC §8's NDJSON: the header line, the webhooks involved, then per delivery (oldest first)
 * its event the first time it appears, the delivery, and its attempts. One string is yielded
 * per page, so a consumer's back-pressure paces the reads.
 */
export async function* exportNdjson(deps: ExportDeps, options: ExportOptions): AsyncGenerator<string> {
  const { filter, secrets, role, lastId } = options
  yield line({ hooklab_export: EXPORT_VERSION, created_on: options.createdOn, filter, secrets } satisfies z.input<typeof headerLineSchema>)
  const viewer: Viewer = secrets ? 'reveal' : role
  const webhookIds = await involvedWebhooks(deps, filter, lastId)
  for (const record of deps.webhooks.getMany(webhookIds)) yield webhookLine(record, deps.box, viewer)
  // Credentials in attempts follow the same choice: opened only when secrets were asked for.
  const attemptRole: TokenRole = secrets ? 'admin' : 'read'
  const written = new IdSet()
  for await (const page of exportPages(deps, filter, lastId)) {
    const out: string[] = []
    for (const row of page.deliveries) {
      const event = page.events.get(row.event_id)
      if (event && !written.has(event.id)) {
        written.add(event.id)
        out.push(eventLine(event))
      }
      out.push(deliveryLine(row))
      for (const attempt of page.attempts.get(row.id) ?? []) out.push(attemptLine(attempt, deps.box, attemptRole))
      if (options.progress) options.progress.deliveries++
    }
    yield out.join('')
  }
}

export function webhookLine(record: WebhookRecord, box: SecretBox, viewer: Viewer): string {
  return line({ type: 'webhook', ...presentWebhook(record, box, viewer) })
}

export function eventLine(event: EventRecord & { bodies: StoredBody[] }): string {
  const bodies = event.bodies.map((b) => ({ format: b.format, content_type: b.content_type, ...encodeBody(b.body) }))
  const head = JSON.stringify({ type: 'event', id: event.id, profile: event.profile, topic: event.topic, seed: event.seed, root: event.root, created_on: event.created_on, bodies } satisfies Omit<
    z.input<typeof eventLineSchema>,
    'payload'
  >)
  // The payload is stored as JSON text already: spliced in rather than parsed and written again.
  return `${head.slice(0, -1)},"payload":${event.payload}}\n`
}

export function deliveryLine(row: DeliveryRow): string {
  return line({ type: 'delivery', ...presentDelivery(row) } satisfies z.input<typeof deliveryLineSchema>)
}

export function attemptLine(attempt: AttemptWithBody, box: SecretBox, role: TokenRole): string {
  const shown = presentAttempt(attempt, null, box, role)
  const { body: _sameAsEventBody, ...request } = shown.request
  const response = shown.response && { status: shown.response.status, headers: shown.response.headers, ...encodeBody(attempt.response_body), truncated: shown.response.truncated }
  return line({
    type: 'attempt',
    delivery_id: attempt.delivery_id,
    n: attempt.n,
    scheduled_for: attempt.scheduled_for,
    started_on: attempt.started_on,
    duration_ms: attempt.duration_ms,
    request,
    response,
    error: shown.error,
  } satisfies z.input<typeof attemptLineSchema>)
}
