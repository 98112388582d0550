import { emptyFields, HooklabError, invalidInput, notFound, resourceOf, type Profile, type TokenRole, type TopicMembership } from '../contract'
import type { DeliveryDetail, DeliveryTag, FiredEvent, FireInput } from '../contract/delivery-schemas'
import type { DeliveryFilter } from '../contract/log-schemas'
import type { SecretBox } from '../secrets/secret-box'
import { canGenerate, fillTemplate, generatePayload, renderBody, seedFrom, type Generated } from '../simulator'
import type { Db } from '../store/database'
import type { DeliveriesRepo } from '../store/deliveries-repo'
import type { WebhookRecord, WebhooksRepo } from '../store/webhooks-repo'
import { isoSeconds } from '../time/format'
import type { Scheduler } from '../time/scheduler'
import { attemptOnce, type AttemptDeps } from './attempt'
import type { DeliveryEngine } from './engine'
import { presentDelivery, presentDeliveryDetail } from './present'
import type { Recorder } from './recorder'
import { providerDeliveryId } from './signing'

export interface DeliveryServiceDeps extends AttemptDeps {
  db: Db
  repo: DeliveriesRepo
  webhooks: WebhooksRepo
  box: SecretBox
  scheduler: Scheduler
  randomBytes: (n: number) => Buffer
  engine: DeliveryEngine
  recorder: Recorder
  knows: TopicMembership
  /** A custom topic's payload template, if it has one. */
  templateOf(profile: Profile, topic: string): string | null
  changed(ids: readonly number[]): void
}

export interface FirePlan {
  profile: Profile
  topic: string
  payload: Record<string, unknown> | undefined
  targets: WebhookRecord[]
  /**
   * A caller's payload renders the same for every event fired with this plan (a burst's
   * chunk): it is serialised once per profile and format, and the events share the bytes.
   */
  rendered?: Map<Profile, RenderedPayload>
}

interface RenderedPayload {
  payload: string
  bodies: Map<string, { body: Buffer; contentType: string }>
}

/** A payload of the caller's own may be at most this large (issue 7 "Bad input"). */
export const MAX_PAYLOAD_BYTES = 5 * 1024 * 1024

/**
 * Firing events into the durable outbox, and the deliveries procedures (issue 8 item 8).
 * Firing writes the event, its bodies and one delivery per subscribed webhook in one
 * transaction before anything is sent; the engine takes it from there.
 */
export class DeliveryService {
  constructor(private readonly deps: DeliveryServiceDeps) {}

  private now(): number {
    return this.deps.scheduler.now()
  }

  fire(input: FireInput): FiredEvent {
    const plan = this.plan(input)
    const seed = input.payload === undefined ? (input.seed ?? seedFrom(() => this.deps.scheduler.random())) : null
    const fired = this.deps.db.transaction(() => this.insertFired(plan, seed, null))()
    this.afterFiring(fired.deliveries.map((d) => d.id))
    return fired
  }

  /** Validates a fire and finds who gets it; stores nothing. Bursts plan once and fire many times. */
  plan(input: FireInput): FirePlan {
    const { webhooks } = this.deps
    const profile: Profile = input.profile ?? 'sapo'
    const fields = emptyFields()
    if (!this.deps.knows(profile, input.topic)) fields.topic = ['unknown_topic']
    let targets: WebhookRecord[]
    if (input.webhook_ids) {
      targets = webhooks.getMany([...new Set(input.webhook_ids)])
      const missing = input.webhook_ids.filter((id) => !targets.some((t) => t.id === id))
      if (missing.length > 0) fields.webhook_ids = ['invalid']
      else if (targets.some((t) => !this.deps.knows(t.profile, input.topic))) fields.topic = ['unknown_topic']
    } else targets = webhooks.subscribed(profile, input.topic)
    if (input.payload !== undefined && Buffer.byteLength(JSON.stringify(input.payload)) > MAX_PAYLOAD_BYTES) fields.payload = ['too_long']
    if (Object.keys(fields).length > 0) throw invalidInput(fields)
    return { profile, topic: input.topic, payload: input.payload, targets }
  }

  /** Writes one event per profile and one delivery per target; call inside a transaction. */
  insertFired(plan: FirePlan, seed: number | null, burstId: number | null): FiredEvent {
    // Each webhook gets the event as its own profile would send it (SPEC §8 "Topics, exactly").
    const profiles = [...new Set([plan.profile, ...plan.targets.map((t) => t.profile)])]
    const generated = new Map<Profile, Generated>()
    for (const p of profiles) generated.set(p, this.generate(p, plan.topic, seed, plan.payload))
    const eventIds = new Map<Profile, number>()
    for (const p of profiles) eventIds.set(p, this.insertEvent(p, plan.topic, seed, generated.get(p)!, plan.targets.filter((t) => t.profile === p), burstId, this.sharedRendering(plan, p)))
    const deliveries = plan.targets.map((target) => ({ id: this.insertDelivery(eventIds.get(target.profile)!, target, null), webhook_id: target.id }))
    return { id: eventIds.get(plan.profile)!, topic: plan.topic, profile: plan.profile, seed, payload: generated.get(plan.profile)!.data, deliveries }
  }

  afterFiring(deliveryIds: readonly number[]): void {
    if (deliveryIds.length === 0) return
    this.deps.changed(deliveryIds)
    this.deps.engine.invalidate()
  }

  /** The simulator's payload; a custom topic it has no generator for gets a small generic body. */
  private generate(profile: Profile, topic: string, seed: number | null, payload: Record<string, unknown> | undefined): Generated {
    if (payload !== undefined) return { data: payload, root: rootOf(topic) }
    if (canGenerate(profile, topic)) return generatePayload({ profile, topic, seed: seed! })
    const template = this.deps.templateOf(profile, topic)
    if (template !== null) return { data: JSON.parse(fillTemplate(template, seed ?? 0)) as Record<string, unknown>, root: rootOf(topic) }
    return { data: { id: seed, topic, created_on: isoSeconds(Date.UTC(2024, 0, 1) + (seed ?? 0) * 1000) }, root: rootOf(topic) }
  }

  private sharedRendering(plan: FirePlan, profile: Profile): RenderedPayload | undefined {
    if (plan.payload === undefined) return undefined
    plan.rendered ??= new Map()
    let shared = plan.rendered.get(profile)
    if (!shared) plan.rendered.set(profile, (shared = { payload: JSON.stringify(plan.payload), bodies: new Map() }))
    return shared
  }

  private insertEvent(
    profile: Profile,
    topic: string,
    seed: number | null,
    generated: Generated,
    targets: WebhookRecord[],
    burstId: number | null = null,
    shared?: RenderedPayload,
  ): number {
    const { repo } = this.deps
    const payload = shared?.payload ?? JSON.stringify(generated.data)
    const id = repo.insertEvent({ profile, topic, seed, payload, root: generated.root, burst_id: burstId, created_on: isoSeconds(this.now()) })
    for (const format of new Set(targets.map((t) => t.format))) {
      let rendered = shared?.bodies.get(format)
      if (!rendered) {
        const { body, contentType } = renderBody(generated, format)
        rendered = { body: Buffer.from(body, 'utf8'), contentType }
        shared?.bodies.set(format, rendered)
      }
      repo.insertBody(id, topic, format, rendered.contentType, rendered.body)
    }
    return id
  }

  private insertDelivery(eventId: number, target: WebhookRecord, tag: DeliveryTag | null): number {
    return this.deps.repo.insertDelivery({
      event_id: eventId,
      webhook_id: target.id,
      tag,
      provider_id: providerDeliveryId(target.signing, this.deps.randomBytes),
      next_attempt_at: this.now(),
      replay_of: null,
      created_on: isoSeconds(this.now()),
    })
  }

  /** Queues a ping (SPEC §8 "Ping"); its first attempt sets the webhook's `last_ping`. */
  enqueuePing(webhookId: number): number {
    const id = this.single(webhookId, 'ping', 'ping')
    this.deps.engine.invalidate()
    return id
  }

  /** Ping on demand: answers once the first attempt has finished. */
  async ping(webhookId: number, role: TokenRole): Promise<DeliveryDetail> {
    return this.sendNow(this.single(webhookId, 'ping', 'ping'), role)
  }

  /** Seed 000's Test: only for an enabled webhook, with one of its topics; retried like any delivery. */
  async test(webhookId: number, topic: string, role: TokenRole): Promise<DeliveryDetail> {
    const webhook = this.webhook(webhookId)
    if (webhook.status !== 'enabled') throw new HooklabError('conflict', `Webhook ${webhookId} is ${webhook.status.replace('_', '-')}: only an enabled webhook can be tested`)
    if (!webhook.topics.includes(topic)) throw invalidInput({ topic: ['unknown_topic'] })
    return this.sendNow(this.single(webhookId, topic, 'test'), role)
  }

  private webhook(id: number): WebhookRecord {
    const webhook = this.deps.webhooks.get(id)
    if (!webhook) throw notFound(`Webhook ${id}`)
    return webhook
  }

  /** One event and one delivery for one webhook (ping, test). */
  private single(webhookId: number, topic: string, tag: DeliveryTag): number {
    const webhook = this.webhook(webhookId)
    const seed = seedFrom(() => this.deps.scheduler.random())
    // A ping names its webhook; a test may use a custom topic, generated from its template.
    const generated = topic === 'ping' ? generatePayload({ profile: webhook.profile, topic, seed, webhookId }) : this.generate(webhook.profile, topic, seed, undefined)
    return this.deps.db.transaction(() => {
      const eventId = this.insertEvent(webhook.profile, topic, null, generated, [webhook])
      return this.insertDelivery(eventId, webhook, tag)
    })()
  }

  /** Sends a fresh delivery at once, outside the engine's queue, and answers with its first attempt. */
  private async sendNow(deliveryId: number, role: TokenRole): Promise<DeliveryDetail> {
    const { repo, recorder } = this.deps
    const delivery = repo.get(deliveryId)!
    repo.lease([deliveryId], this.now() + 60 * 60 * 1000)
    const written = recorder.written(deliveryId)
    const finished = await attemptOnce(this.deps, { ...delivery, status: 'sending' })
    if (!finished) throw notFound(`Delivery ${deliveryId}`)
    recorder.add(finished)
    await recorder.flush()
    await written
    return this.get(deliveryId, role)
  }

  get(id: number, role: TokenRole): DeliveryDetail {
    const row = this.deps.repo.get(id)
    if (!row) throw notFound(`Delivery ${id}`)
    const body = this.deps.repo.body(row.event_id, this.deps.webhooks.get(row.webhook_id)?.format ?? 'json')
    return presentDeliveryDetail(row, this.deps.repo.attempts(id), body ?? null, this.deps.repo.replaysOf(id), this.deps.box, role)
  }

  page(filter: DeliveryFilter, dir: 'gt' | 'lt', from: number | undefined, limit: number) {
    const { rows, hasMore } = this.deps.repo.page(filter, dir, from, limit)
    return { deliveries: rows.map(presentDelivery), has_more: hasMore }
  }

  count(filter: DeliveryFilter): number {
    return this.deps.repo.count(filter)
  }

  retry(id: number, role: TokenRole): DeliveryDetail {
    if (!this.deps.repo.retryNow(id, this.now())) this.refuse(id, 'retried now')
    this.deps.changed([id])
    this.deps.engine.invalidate()
    return this.get(id, role)
  }

  cancel(id: number, role: TokenRole): DeliveryDetail {
    if (!this.deps.repo.cancel(id, isoSeconds(this.now()))) this.refuse(id, 'cancelled')
    this.deps.changed([id])
    this.deps.engine.invalidate()
    return this.get(id, role)
  }

  private refuse(id: number, what: string): never {
    const row = this.deps.repo.get(id)
    if (!row) throw notFound(`Delivery ${id}`)
    throw new HooklabError('conflict', `Delivery ${id} is ${row.status}: only a pending or retrying delivery can be ${what}`)
  }
}

/** The XML root element for a payload of the caller's own: the topic's resource, singular. */
export function rootOf(topic: string): string {
  const resource = resourceOf(topic).replace(/[^A-Za-z0-9_-]/g, '_') || 'event'
  if (resource.endsWith('ies')) return resource.slice(0, -3) + 'y'
  if (/(ss|x|ch|sh)es$/.test(resource)) return resource.slice(0, -2)
  return resource.endsWith('s') && !resource.endsWith('ss') ? resource.slice(0, -1) : resource
}
