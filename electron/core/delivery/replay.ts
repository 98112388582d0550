import { emptyFields, HooklabError, invalidInput, notFound, type PayloadFormat, type TokenRole } from '../contract'
import type { DeliveryDetail } from '../contract/delivery-schemas'
import type { ReplayInput, SentRequest } from '../contract/log-schemas'
import type { SecretBox } from '../secrets/secret-box'
import { renderBody } from '../simulator'
import { checkJson } from '../simulator/json-check'
import { parseBody } from '../simulator/parse-body'
import type { Db } from '../store/database'
import type { DeliveriesRepo, DeliveryRow, EventRecord } from '../store/deliveries-repo'
import type { ReplaysRepo } from '../store/replays-repo'
import { isoSeconds } from '../time/format'
import type { Scheduler } from '../time/scheduler'
import { applyOverride, retarget, sealOverride, type DeliveryOverride } from './overrides'
import { buildRequest } from './request'
import { MAX_PAYLOAD_BYTES } from './service'
import { providerDeliveryId } from './signing'
import type { Target, TargetCache } from './targets'

export interface ReplayDeps {
  db: Db
  repo: DeliveriesRepo
  replays: ReplaysRepo
  targets: TargetCache
  box: SecretBox
  scheduler: Scheduler
  randomBytes: (n: number) => Buffer
  version: string
  detail(id: number, role: TokenRole): DeliveryDetail
  /** New deliveries were stored: push them and wake the engine. */
  stored(ids: readonly number[]): void
}

/** What one replay will store and send, worked out (and refused) before anything is written. */
export interface ReplayPlan {
  original: DeliveryRow
  event: EventRecord
  /** The webhook whose secret, style and auth sign the replay; it owns the new delivery. */
  signer: Target
  body: Buffer
  contentType: string
  /** The body was edited: it becomes a new event, with this payload column. */
  editedPayload: string | null
  /** The event has no body in the signer's format yet: it is stored with the replay. */
  newBody: boolean
  override: DeliveryOverride | null
}

export type ReplayRequest = Omit<ReplayInput, 'dry_run'>

/**
 * Replay (SPEC §8): a new delivery with `replay_of` = the original and tag `replay`, which
 * the engine sends like any other (durable, retried on the signer's schedule), with new
 * provider ids, signed anew with the webhook's current secret and fresh timestamps, and
 * `X-Hooklab-Replay-Of`. A dry run builds that exact request and stores nothing.
 */
export class ReplayService {
  constructor(private readonly deps: ReplayDeps) {}

  replay(input: ReplayInput, role: TokenRole): { request: SentRequest; delivery: DeliveryDetail | null } {
    const plan = this.plan(input)
    const providerId = providerDeliveryId(plan.signer.signing, this.deps.randomBytes)
    if (input.dry_run === true) {
      const request = this.request(plan, null, providerId)
      // No delivery, no delivery id: the header exists only once one is stored.
      delete request.headers['X-Hooklab-Delivery-Id']
      return { request, delivery: null }
    }
    if (plan.signer.status !== 'enabled') {
      throw new HooklabError('conflict', `Webhook ${plan.signer.id} is ${plan.signer.status.replace('_', '-')}: enable it to replay to it (a dry run still shows the request)`)
    }
    const id = this.deps.db.transaction(() => this.insert(plan, providerId))()
    this.deps.stored([id])
    return { request: this.request(plan, id, providerId), delivery: this.deps.detail(id, role) }
  }

  /** Resolves a replay and refuses it, every bad field at once, before anything is stored. */
  plan(input: ReplayRequest): ReplayPlan {
    const { repo, targets } = this.deps
    const original = repo.get(input.id)
    if (!original) throw notFound(`Delivery ${input.id}`)
    const fields = emptyFields()
    let signer: Target | undefined
    if (input.webhook_id !== undefined) {
      signer = targets.get(input.webhook_id)
      if (!signer) fields.webhook_id = ['invalid']
    } else if ((original as { imported?: unknown }).imported === 1) {
      throw new HooklabError('invalid_input', `Delivery ${original.id} was imported: choose a local webhook (webhook_id) to sign its replay`, { webhook_id: ['required'] })
    } else {
      signer = targets.get(original.webhook_id)
      if (!signer) throw new HooklabError('conflict', `The webhook of delivery ${original.id} was deleted: choose a local webhook (webhook_id) to sign its replay`)
    }
    const event = this.deps.replays.event(original.event_id)
    if (!event) throw new HooklabError('conflict', `The event of delivery ${original.id} is gone`)
    let message: string | null = null
    if (input.payload !== undefined) {
      if (Buffer.byteLength(input.payload) > MAX_PAYLOAD_BYTES) fields.payload = ['too_long']
      else if (signer?.format === 'json') {
        const error = checkJson(input.payload)
        if (error) {
          fields.payload = ['invalid']
          message = `payload: line ${error.line}, column ${error.column}: ${error.message}`
        }
      }
    }
    if (Object.keys(fields).length > 0 || !signer) throw message ? new HooklabError('invalid_input', message, fields) : invalidInput(fields)

    const format = signer.format
    const edited = input.payload !== undefined
    const stored = repo.body(event.id, format)
    // An edited body needs only a content type; a body as it was needs the event in this format.
    const rendered = stored || edited ? null : render(event, format)
    if (!stored && !rendered && !edited) throw new HooklabError('conflict', `The event of delivery ${original.id} cannot be rendered as ${format} for webhook ${signer.id}`)
    const contentType = stored?.content_type ?? rendered?.contentType ?? contentTypeOf(format)
    const override = input.address !== undefined || input.headers !== undefined ? { address: input.address ?? null, headers: input.headers ?? null } : null
    return {
      original,
      event,
      signer,
      body: edited ? Buffer.from(input.payload!, 'utf8') : (stored?.body ?? Buffer.from(rendered!.body, 'utf8')),
      contentType,
      editedPayload: edited ? payloadColumn(format, input.payload!) : null,
      newBody: !edited && !stored,
      override,
    }
  }

  /** The request the engine will send for this replay (the same functions build both). */
  request(plan: ReplayPlan, deliveryId: number | null, providerId: string): SentRequest {
    const target = plan.override ? retarget(plan.signer, plan.override) : plan.signer
    const built = buildRequest({
      target,
      delivery: { id: deliveryId ?? 0, provider_id: providerId, replay_of: plan.original.id },
      event: { id: plan.event.id, topic: plan.event.topic },
      body: plan.body,
      contentType: plan.contentType,
      nowMs: this.deps.scheduler.now(),
      version: this.deps.version,
    })
    const { url, headers } = applyOverride(built, plan.override)
    return { method: 'POST', url, headers, body: plan.body.toString('utf8') }
  }

  /** Writes the replay's rows; call inside a transaction. Returns the new delivery's id. */
  insert(plan: ReplayPlan, providerId: string): number {
    const { repo } = this.deps
    const now = this.deps.scheduler.now()
    const { event, signer } = plan
    let eventId = event.id
    if (plan.editedPayload !== null) {
      eventId = repo.insertEvent({ profile: event.profile, topic: event.topic, seed: null, payload: plan.editedPayload, root: event.root, burst_id: null, created_on: isoSeconds(now) })
    }
    if (plan.editedPayload !== null || plan.newBody) repo.insertBody(eventId, event.topic, signer.format, plan.contentType, plan.body)
    const id = repo.insertDelivery({
      event_id: eventId,
      webhook_id: signer.id,
      tag: 'replay',
      provider_id: providerId,
      next_attempt_at: now,
      replay_of: plan.original.id,
      created_on: isoSeconds(now),
    })
    if (plan.override) this.deps.replays.insertOverride(id, sealOverride(this.deps.box, plan.override))
    return id
  }
}

/** The event's payload in another format, when it renders as one (an edited XML body may not). */
function render(event: EventRecord, format: PayloadFormat): { body: string; contentType: string } | null {
  try {
    return renderBody({ data: JSON.parse(event.payload) as Record<string, unknown>, root: event.root }, format)
  } catch {
    return null
  }
}

function contentTypeOf(format: PayloadFormat): string {
  return renderBody({ data: {}, root: 'event' }, format).contentType
}

/**
 * The event's payload column (JSON) for an edited body: the JSON itself, or the XML or form
 * body read back into a payload when it reads; otherwise the text as a JSON string, so the
 * log still shows and searches what was sent.
 */
function payloadColumn(format: PayloadFormat, text: string): string {
  if (format === 'json') return text
  try {
    if (format === 'xml') return JSON.stringify(parseBody('xml', text))
    const inner = new URLSearchParams(text).get('payload')
    if (inner !== null) return JSON.stringify(JSON.parse(inner))
  } catch {
    // Not a payload Hooklab can read back: kept as text below.
  }
  return JSON.stringify(text)
}
