import {
  DEFAULTS,
  HooklabError,
  notFound,
  PROFILE_SIGNING,
  type PushedEventPayload,
  type Webhook,
  type WebhookCreate,
  type WebhookListOutput,
  type WebhookPatch,
  type WebhookStatus,
} from '../contract'
import type { WebhookListInput } from '../contract/other-schemas'
import { generateSecret } from '../secrets/generate'
import type { SecretBox } from '../secrets/secret-box'
import type { CursorQuery, NewWebhookRecord, WebhookRecord, WebhooksRepo } from '../store/webhooks-repo'
import { isoSeconds } from '../time'
import type { Clock } from '../types'
import { presentWebhook } from './present'
import { checkPatchAgainst, defaultName } from './rules'

type Emit = (payload: PushedEventPayload<'webhooks.changed'>) => void

export interface WebhookServiceDeps {
  repo: WebhooksRepo
  box: SecretBox
  clock: Clock
  randomBytes: (n: number) => Buffer
  emit: Emit
  /** Runs a function in one database transaction. */
  transaction: <T>(fn: () => T) => T
}

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

  get(id: number, reveal = false): Webhook {
    return presentWebhook(this.record(id), this.deps.box, reveal)
  }

  list(input: Required<WebhookListInput>): WebhookListOutput {
    const { records, total } = this.deps.repo.list({
      search: input.search,
      status: input.status,
      sort: input.sort,
      order: input.order,
      limit: input.page_size,
      offset: (input.page - 1) * input.page_size,
    })
    return { webhooks: records.map((r) => presentWebhook(r, this.deps.box, false)), total, page: input.page, page_size: input.page_size }
  }

  page(query: CursorQuery, reveal: boolean): Webhook[] {
    return this.deps.repo.page(query).map((r) => presentWebhook(r, this.deps.box, reveal))
  }

  count(status: WebhookStatus | null = null): number {
    return this.deps.repo.count(status)
  }

  create(input: WebhookCreate, origin: string): Webhook {
    const { box, clock, randomBytes } = this.deps
    const profile = input.profile ?? DEFAULTS.profile
    const signing = input.signing ?? PROFILE_SIGNING[profile]
    const secret = input.secret ? input.secret : generateSecret(signing, randomBytes)
    const name = input.name?.trim() || defaultName(clock.now(), input.locale)
    const record: NewWebhookRecord = {
      name,
      address: input.address!,
      topics: dedupe(input.topics ?? [input.topic!]),
      profile,
      format: input.format ?? DEFAULTS.format,
      signing,
      secret_enc: box.encrypt(secret),
      headers: input.headers ?? {},
      auth_enc: box.encrypt(JSON.stringify(input.auth ?? { type: 'none' })),
      status: input.status ?? 'enabled',
      status_reason: null,
      disabled_on: input.status === 'disabled' ? this.now() : null,
      consecutive_failures: 0,
      retry_schedule: input.retry_schedule ?? DEFAULTS.retry_schedule,
      connect_timeout_ms: input.connect_timeout_ms ?? DEFAULTS.connect_timeout_ms,
      timeout_ms: input.timeout_ms ?? DEFAULTS.timeout_ms,
      max_concurrency: input.max_concurrency ?? DEFAULTS.max_concurrency,
      rate_limit_per_second: input.rate_limit_per_second === undefined ? DEFAULTS.rate_limit_per_second : input.rate_limit_per_second,
      ordered: input.ordered ?? DEFAULTS.ordered,
      disable_after_failures: input.disable_after_failures ?? DEFAULTS.disable_after_failures,
      accept_self_signed: input.accept_self_signed ?? DEFAULTS.accept_self_signed,
      last_ping: null,
      created_on: this.now(),
      modified_on: null,
    }
    const saved = this.deps.repo.insert(record)
    this.deps.emit({ action: 'created', ids: [saved.id], origin })
    return presentWebhook(saved, box, true)
  }

  update(id: number, patch: WebhookPatch, origin: string): Webhook {
    const { box, repo } = this.deps
    if (patch.id !== undefined && patch.id !== id) throw new HooklabError('invalid_input', 'The body names another webhook', { id: ['invalid'] })
    const saved = this.deps.transaction(() => {
      const current = this.record(id)
      const currentSecret = box.decrypt(current.secret_enc)
      checkPatchAgainst({ ...current, secret: currentSecret }, patch)
      const changes: Partial<NewWebhookRecord> = {}
      const { id: _id, topic, topics, secret, auth, status, ...plain } = patch
      Object.assign(changes, plain)
      if (plain.name !== undefined) changes.name = plain.name.trim() || current.name
      if (topics !== undefined) changes.topics = dedupe(topics)
      else if (topic !== undefined) changes.topics = [topic]
      if (secret !== undefined) changes.secret_enc = box.encrypt(secret || generateSecret(patch.signing ?? current.signing, this.deps.randomBytes))
      if (auth !== undefined) changes.auth_enc = box.encrypt(JSON.stringify(auth))
      if (status !== undefined && status !== current.status) Object.assign(changes, this.statusChange(status))
      if (!this.differs(current, changes)) return null
      changes.modified_on = this.now()
      repo.update(id, changes)
      return this.record(id)
    })
    // SPEC §8: a *change* sets modified_on; saving the same values back is none.
    if (saved === null) return this.get(id, true)
    this.deps.emit({ action: 'updated', ids: [id], origin })
    return presentWebhook(saved, box, true)
  }

  /** Whether applying `changes` alters anything; sealed values are compared opened. */
  private differs(current: WebhookRecord, changes: Partial<NewWebhookRecord>): boolean {
    const { box } = this.deps
    return Object.entries(changes).some(([key, value]) => {
      if (key === 'secret_enc' || key === 'auth_enc') return box.decrypt(value as string) !== box.decrypt(current[key])
      return JSON.stringify(value) !== JSON.stringify(current[key as keyof WebhookRecord])
    })
  }

  private statusChange(status: 'enabled' | 'disabled'): Partial<NewWebhookRecord> {
    return status === 'enabled'
      ? { status, status_reason: null, disabled_on: null, consecutive_failures: 0 }
      : { status, status_reason: null, disabled_on: this.now() }
  }

  setStatus(ids: number[], status: 'enabled' | 'disabled', origin: string): Webhook[] {
    const { repo, box } = this.deps
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
    return records.map((r) => presentWebhook(r, box, false))
  }

  delete(ids: number[], origin: string): number {
    const unique = dedupe(ids)
    const deleted = this.deps.transaction(() => {
      const found = this.deps.repo.getMany(unique)
      const missing = unique.filter((id) => !found.some((r) => r.id === id))
      if (missing.length > 0) throw notFound(`Webhook ${missing.join(', ')}`)
      return this.deps.repo.delete(unique)
    })
    this.deps.emit({ action: 'deleted', ids: unique, origin })
    return deleted
  }
}

function dedupe<T>(list: readonly T[]): T[] {
  return [...new Set(list)]
}
