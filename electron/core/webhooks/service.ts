import {
  DEFAULTS,
  emptyFields,
  ENGINE_ORIGIN,
  type FieldErrors,
  HooklabError,
  notFound,
  PROFILE_SIGNING,
  type PushedEventPayload,
  type TopicMembership,
  type Webhook,
  type WebhookAuth,
  type WebhookCreate,
  type WebhookListOutput,
  type WebhookPatch,
  type WebhookStatus,
} from '../contract'
import type { WebhookListInput } from '../contract/other-schemas'
import { generateSecret } from '../secrets/generate'
import type { SecretBox } from '../secrets/secret-box'
import type { NewWebhookRecord, WebhookRecord, WebhooksRepo } from '../store/webhooks-repo'
import { isoSeconds } from '../time/format'
import type { Clock } from '../time/scheduler'
import { resolveEchoes, type OpenedWebhook } from './echoes'
import { presentWebhook, type Viewer } from './present'
import { redactAddress, redactAllHeaders } from './redact'
import { checkPatchAgainst, defaultName } from './rules'

type Emit = (payload: PushedEventPayload<'webhooks.changed'>) => void

export interface WebhookServiceDeps {
  repo: WebhooksRepo
  box: SecretBox
  clock: Clock
  randomBytes: (n: number) => Buffer
  emit: Emit
  /** Topic membership: the catalog plus the user's custom topics. */
  knows: TopicMembership
  /** Runs a function in one database transaction. */
  transaction: <T>(fn: () => T) => T
  /**
   * Called inside a delete's transaction before the rows go; the function it returns runs
   * after (SPEC §8 "Delete": events left with no delivery go too).
   */
  aroundDelete?: (ids: number[]) => () => void
}

/** What only the delivery engine changes; never `modified_on` (SPEC §8 "Names and times"). */
export type EngineChange = Partial<Pick<NewWebhookRecord, 'status' | 'status_reason' | 'disabled_on' | 'consecutive_failures' | 'last_ping'>>

/** Every operation on webhooks; inputs arrive already parsed by the contract's schemas. */
export class WebhookService {
  constructor(private readonly deps: WebhookServiceDeps) {}

  private now(): string {
    return isoSeconds(this.deps.clock.now())
  }

  private record(id: number) {
    const record = this.deps.repo.get(id)
    if (!record) throw notFound(`Webhook ${id}`)
    return record
  }

  private present(record: WebhookRecord, viewer: Viewer): Webhook {
    return presentWebhook(record, this.deps.box, viewer)
  }

  /** Sealed and public columns for an address and a header map. */
  private sealed(address: string | undefined, headers: Record<string, string> | undefined): Partial<NewWebhookRecord> {
    const { box } = this.deps
    const out: Partial<NewWebhookRecord> = {}
    if (address !== undefined) Object.assign(out, { address: redactAddress(address), address_enc: box.encrypt(address) })
    if (headers !== undefined) Object.assign(out, { headers: redactAllHeaders(headers), headers_enc: box.encrypt(JSON.stringify(headers)) })
    return out
  }

  private opened(record: WebhookRecord): OpenedWebhook {
    const { box } = this.deps
    return {
      address: box.decrypt(record.address_enc),
      headers: JSON.parse(box.decrypt(record.headers_enc)) as Record<string, string>,
      auth: JSON.parse(box.decrypt(record.auth_enc)) as WebhookAuth,
    }
  }

  get(id: number, viewer: Viewer): Webhook {
    return this.present(this.record(id), viewer)
  }

  list(input: Required<WebhookListInput>, viewer: Viewer): WebhookListOutput {
    const { records, total } = this.deps.repo.list({
      search: input.search,
      status: input.status,
      sort: input.sort,
      order: input.order,
      limit: input.page_size,
      offset: (input.page - 1) * input.page_size,
    })
    return { webhooks: records.map((r) => this.present(r, viewer)), total, page: input.page, page_size: input.page_size }
  }

  page(dir: 'gt' | 'lt', from: number | undefined, limit: number, viewer: Viewer): { webhooks: Webhook[]; has_more: boolean } {
    const { records, hasMore } = this.deps.repo.pageById(dir, from, limit)
    return { webhooks: records.map((r) => this.present(r, viewer)), has_more: hasMore }
  }

  count(status: WebhookStatus | null = null): number {
    return this.deps.repo.count(status)
  }

  create(input: WebhookCreate, origin: string): Webhook {
    const { box, clock, randomBytes } = this.deps
    const attrs = resolveEchoes(input, null)
    const profile = attrs.profile ?? DEFAULTS.profile
    const signing = attrs.signing ?? PROFILE_SIGNING[profile]
    const secret = attrs.secret ? attrs.secret : generateSecret(signing, randomBytes)
    const name = attrs.name?.trim() || defaultName(clock.now(), attrs.locale)
    const record: NewWebhookRecord = {
      name,
      ...(this.sealed(attrs.address!, attrs.headers ?? {}) as Pick<NewWebhookRecord, 'address' | 'address_enc' | 'headers' | 'headers_enc'>),
      topics: dedupe(attrs.topics ?? [attrs.topic!]),
      profile,
      format: attrs.format ?? DEFAULTS.format,
      signing,
      secret_enc: box.encrypt(secret),
      auth_enc: box.encrypt(JSON.stringify(attrs.auth ?? { type: 'none' })),
      status: attrs.status ?? 'enabled',
      status_reason: null,
      disabled_on: attrs.status === 'disabled' ? this.now() : null,
      consecutive_failures: 0,
      retry_schedule: attrs.retry_schedule ?? DEFAULTS.retry_schedule,
      connect_timeout_ms: attrs.connect_timeout_ms ?? DEFAULTS.connect_timeout_ms,
      timeout_ms: attrs.timeout_ms ?? DEFAULTS.timeout_ms,
      max_concurrency: attrs.max_concurrency ?? DEFAULTS.max_concurrency,
      rate_limit_per_second: attrs.rate_limit_per_second === undefined ? DEFAULTS.rate_limit_per_second : attrs.rate_limit_per_second,
      ordered: attrs.ordered ?? DEFAULTS.ordered,
      disable_after_failures: attrs.disable_after_failures ?? DEFAULTS.disable_after_failures,
      accept_self_signed: attrs.accept_self_signed ?? DEFAULTS.accept_self_signed,
      last_ping: null,
      created_on: this.now(),
      modified_on: null,
    }
    const saved = this.deps.repo.insert(record)
    this.deps.emit({ action: 'created', ids: [saved.id], origin })
    return this.present(saved, 'reveal')
  }

  /** The fields an update of `id` would refuse against the stored webhook (nothing is written). */
  check(id: number, input: WebhookPatch): FieldErrors {
    try {
      const current = this.record(id)
      const opened = this.opened(current)
      const patch = resolveEchoes(input, opened)
      checkPatchAgainst({ ...current, headers: opened.headers, secret: this.deps.box.decrypt(current.secret_enc) }, patch, this.deps.knows)
      return emptyFields()
    } catch (err) {
      if (err instanceof HooklabError && err.code === 'invalid_input' && err.fields) return err.fields
      throw err
    }
  }

  update(id: number, input: WebhookPatch, origin: string): Webhook {
    const { box, repo } = this.deps
    if (input.id !== undefined && input.id !== id) throw new HooklabError('invalid_input', 'The body names another webhook', { id: ['invalid'] })
    const saved = this.deps.transaction(() => {
      const current = this.record(id)
      const opened = this.opened(current)
      const patch = resolveEchoes(input, opened)
      const currentSecret = box.decrypt(current.secret_enc)
      checkPatchAgainst({ ...current, headers: opened.headers, secret: currentSecret }, patch, this.deps.knows)
      const { id: _id, topic, topics, secret, auth, status, address, headers, ...plain } = patch
      const changes: Partial<NewWebhookRecord> = { ...plain }
      if (plain.name !== undefined) changes.name = plain.name.trim() || current.name
      if (topics !== undefined) changes.topics = dedupe(topics)
      else if (topic !== undefined) changes.topics = [topic]
      if (secret !== undefined) changes.secret_enc = box.encrypt(secret || generateSecret(patch.signing ?? current.signing, this.deps.randomBytes))
      if (auth !== undefined) changes.auth_enc = box.encrypt(JSON.stringify(auth))
      Object.assign(changes, this.sealed(address, headers))
      if (status !== undefined && status !== current.status) Object.assign(changes, this.statusChange(status))
      if (!this.differs(current, changes)) return null
      changes.modified_on = this.now()
      repo.update(id, changes)
      return this.record(id)
    })
    // SPEC §8: a *change* sets modified_on; saving the same values back is none.
    if (saved === null) return this.get(id, 'reveal')
    this.deps.emit({ action: 'updated', ids: [id], origin })
    return this.present(saved, 'reveal')
  }

  /**
   * A change made by the delivery engine (auto-disable, failure counter, last ping):
   * it does not set `modified_on`, and windows update the row in place without
   * counting it in their sync badge.
   */
  applyEngineChange(id: number, change: EngineChange): Webhook {
    this.record(id)
    this.deps.repo.update(id, change)
    this.deps.emit({ action: 'engine', ids: [id], origin: ENGINE_ORIGIN })
    return this.get(id, 'admin')
  }

  /** Whether applying `changes` alters anything; sealed values are compared opened. */
  private differs(current: WebhookRecord, changes: Partial<NewWebhookRecord>): boolean {
    const { box } = this.deps
    return Object.entries(changes).some(([key, value]) => {
      if (key.endsWith('_enc')) return box.decrypt(value as string) !== box.decrypt(current[key as 'secret_enc'])
      return JSON.stringify(value) !== JSON.stringify(current[key as keyof WebhookRecord])
    })
  }

  private statusChange(status: 'enabled' | 'disabled'): Partial<NewWebhookRecord> {
    return status === 'enabled'
      ? { status, status_reason: null, disabled_on: null, consecutive_failures: 0 }
      : { status, status_reason: null, disabled_on: this.now() }
  }

  setStatus(ids: number[], status: 'enabled' | 'disabled', origin: string, viewer: Viewer): Webhook[] {
    const { repo } = this.deps
    const unique = dedupe(ids)
    const records = this.deps.transaction(() => {
      const found = repo.getMany(unique)
      const missing = unique.filter((id) => !found.some((r) => r.id === id))
      if (missing.length > 0) throw notFound(`Webhook ${missing.join(', ')}`)
      const now = this.now()
      for (const record of found) {
        if (record.status !== status) repo.update(record.id, { ...this.statusChange(status), modified_on: now })
      }
      return repo.getMany(unique)
    })
    this.deps.emit({ action: 'status', ids: unique, origin })
    return records.map((r) => this.present(r, viewer))
  }

  delete(ids: number[], origin: string): number {
    const unique = dedupe(ids)
    const deleted = this.deps.transaction(() => {
      const found = this.deps.repo.getMany(unique)
      const missing = unique.filter((id) => !found.some((r) => r.id === id))
      if (missing.length > 0) throw notFound(`Webhook ${missing.join(', ')}`)
      const after = this.deps.aroundDelete?.(unique)
      const count = this.deps.repo.delete(unique)
      after?.()
      return count
    })
    this.deps.emit({ action: 'deleted', ids: unique, origin })
    return deleted
  }

  /** Whether any webhook of `profile` subscribes to `topic` (a custom topic in use cannot go). */
  subscribers(profile: string, topic: string): number[] {
    return this.deps.repo.subscribers(profile, topic)
  }
}

function dedupe<T>(list: readonly T[]): T[] {
  return [...new Set(list)]
}
