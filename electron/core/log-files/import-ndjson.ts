import type { z } from 'zod'
import { HooklabError, loneSurrogatePaths, REDACTED, type WebhookAuth } from '../contract'
import { DEFAULTS } from '../contract/webhook-schemas'
import { MAX_PAYLOAD_BYTES } from '../delivery/service'
import { generateSecret } from '../secrets/generate'
import type { SecretBox } from '../secrets/secret-box'
import type { Db } from '../store/database'
import { ImportStage, type Committed, type StagedRow } from '../store/import-stage'
import { isoSeconds } from '../time/format'
import { isSensitiveName, redactAddress, redactAllHeaders } from '../webhooks/redact'
import { decodeBody, EXPORT_VERSION, headerLineSchema, isLineType, LINE_SCHEMAS, MAX_LINE_BYTES, type AttemptLine, type DeliveryLine, type EventLine, type WebhookLine } from './format'
import { lineError, readLines } from './lines'

export interface ImportDeps {
  db: Db
  dataDir: string
  box: SecretBox
  now(): number
  randomBytes(n: number): Buffer
  /** Throws (unavailable) once the core is closing: the import stops and stores nothing. */
  checkOpen(): void
}

/** Lines staged per transaction: large enough to amortise the commit, small enough to keep the loop responsive. */
const BATCH_LINES = 1000

/** Imported webhooks start disabled with this reason: nothing is sent to a customer's URL by surprise. */
export const IMPORTED_REASON = 'Imported from a Hooklab export'

/**
 * Reads an NDJSON export line by line and stages it; only a file that is good from its first
 * line to its last is committed, in one transaction (see store/import-stage.ts). The first bad
 * line refuses the whole file with its number and the reason.
 */
export async function importNdjson(source: AsyncIterable<Uint8Array>, deps: ImportDeps, maxBytes: number): Promise<Committed> {
  const stage = ImportStage.open(deps.db, deps.dataDir, deps.randomBytes(8).toString('hex'))
  try {
    const importedOn = isoSeconds(deps.now())
    let batch: StagedRow[] = []
    const flush = () => {
      deps.checkOpen()
      const duplicate = stage.write(batch)
      if (duplicate !== null) throw lineError(duplicate, 'repeats an id (or an attempt number) that an earlier line already used')
      batch = []
    }
    let sawHeader = false
    for await (const { n, text } of readLines(source, { maxBytes, maxLineBytes: MAX_LINE_BYTES })) {
      if (text.trim() === '') continue
      const value = parseJson(text, n)
      if (!sawHeader) {
        checkHeader(value, n)
        sawHeader = true
        continue
      }
      batch.push(stageLine(parseLine(value, n), n, deps, importedOn))
      if (batch.length >= BATCH_LINES) flush()
    }
    if (!sawHeader) throw new HooklabError('invalid_input', 'The file is empty: a Hooklab export starts with its header line', { file: ['blank'] })
    flush()
    const problem = stage.firstProblem()
    if (problem) throw lineError(problem.line, problem.reason)
    deps.checkOpen()
    return stage.commit()
  } finally {
    stage.discard()
  }
}

/** A surrogate escape in the text (the bytes themselves were checked as UTF-8 already). */
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/

function parseJson(text: string, n: number): unknown {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (err) {
    throw lineError(n, `is not valid JSON (${err instanceof Error ? err.message : String(err)})`)
  }
  // SQLite would turn a lone surrogate into U+FFFD: refused, as everywhere else.
  if (SURROGATE_ESCAPE.test(text)) {
    const [path] = loneSurrogatePaths(value, 1)
    if (path !== undefined) throw lineError(n, `${path}: holds a lone UTF-16 surrogate`)
  }
  return value
}

function checkHeader(value: unknown, n: number): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, 'hooklab_export')) {
    throw lineError(n, 'is not the header of a Hooklab export (it has no "hooklab_export")')
  }
  const version = (value as { hooklab_export: unknown }).hooklab_export
  if (version !== EXPORT_VERSION) {
    throw lineError(n, `names export version ${JSON.stringify(version)?.slice(0, 40)}; this Hooklab reads version ${EXPORT_VERSION}`)
  }
  const parsed = headerLineSchema.safeParse(value)
  if (!parsed.success) throw lineError(n, reasonOf(parsed.error))
}

type AnyLine = ({ type: 'webhook' } & WebhookLine) | ({ type: 'event' } & EventLine) | ({ type: 'delivery' } & DeliveryLine) | ({ type: 'attempt' } & AttemptLine)

function parseLine(value: unknown, n: number): AnyLine {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw lineError(n, 'is not a JSON object')
  const type = Object.hasOwn(value, 'type') ? (value as { type: unknown }).type : undefined
  if (!isLineType(type)) throw lineError(n, `has type ${JSON.stringify(type)?.slice(0, 40) ?? 'missing'}; expected webhook, event, delivery or attempt`)
  const parsed = LINE_SCHEMAS[type].safeParse(value)
  if (!parsed.success) throw lineError(n, `(${type}) ${reasonOf(parsed.error)}`)
  return parsed.data as AnyLine
}

/** "request.url: too_long" — the first problem zod found, by path. */
function reasonOf(error: z.ZodError): string {
  const issue = error.issues[0]
  const path = issue.path.map(String).join('.')
  return `${path || 'the line'}: ${issue.message}`.slice(0, 300)
}

function stageLine(line: AnyLine, n: number, deps: ImportDeps, importedOn: string): StagedRow {
  switch (line.type) {
    case 'webhook':
      return { kind: 'webhook', row: stagedWebhook(line, n, deps, importedOn) }
    case 'event':
      return { kind: 'event', row: stagedEvent(line, n) }
    case 'delivery':
      return { kind: 'delivery', row: stagedDelivery(line, n, importedOn) }
    case 'attempt':
      return { kind: 'attempt', row: stagedAttempt(line, n, deps.box) }
  }
}

/**
 * A webhook from the file becomes a new, disabled webhook: its deliveries can be read and
 * replayed (signed by a local webhook of the user's choice), and nothing goes to the
 * customer's URL unless someone enables it. Credentials the file left redacted are dropped;
 * a secret the file does not carry is generated afresh.
 */
function stagedWebhook(w: WebhookLine, n: number, deps: ImportDeps, importedOn: string): Extract<StagedRow, { kind: 'webhook' }>['row'] {
  const { box } = deps
  const headers: Record<string, string> = Object.create(null)
  for (const [name, value] of Object.entries(w.headers ?? {})) if (value !== REDACTED) headers[name] = value
  const auth: WebhookAuth = w.auth && !Object.values(w.auth).includes(REDACTED) ? w.auth : { type: 'none' }
  const secret = w.secret && w.secret !== REDACTED ? w.secret : generateSecret(w.signing, deps.randomBytes)
  return {
    src_id: w.id,
    line: n,
    name: w.name.trim() || `Imported webhook ${w.id}`,
    address: redactAddress(w.address),
    address_enc: box.encrypt(w.address),
    topics: JSON.stringify([...new Set(w.topics)]),
    profile: w.profile,
    format: w.format,
    signing: w.signing,
    secret_enc: box.encrypt(secret),
    headers: JSON.stringify(redactAllHeaders(headers)),
    headers_enc: box.encrypt(JSON.stringify(headers)),
    auth_enc: box.encrypt(JSON.stringify(auth)),
    status: 'disabled',
    status_reason: IMPORTED_REASON,
    disabled_on: importedOn,
    consecutive_failures: 0,
    retry_schedule: JSON.stringify(w.retry_schedule ?? DEFAULTS.retry_schedule),
    connect_timeout_ms: w.connect_timeout_ms ?? DEFAULTS.connect_timeout_ms,
    timeout_ms: w.timeout_ms ?? DEFAULTS.timeout_ms,
    max_concurrency: w.max_concurrency ?? DEFAULTS.max_concurrency,
    rate_limit_per_second: w.rate_limit_per_second ?? DEFAULTS.rate_limit_per_second,
    ordered: (w.ordered ?? DEFAULTS.ordered) ? 1 : 0,
    disable_after_failures: w.disable_after_failures ?? DEFAULTS.disable_after_failures,
    accept_self_signed: (w.accept_self_signed ?? DEFAULTS.accept_self_signed) ? 1 : 0,
    last_ping: null,
    created_on: w.created_on,
    modified_on: null,
  }
}

function stagedEvent(e: EventLine, n: number): Extract<StagedRow, { kind: 'event' }>['row'] {
  const payload = JSON.stringify(e.payload)
  if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) throw lineError(n, '(event) payload: is larger than 5 MiB', 'too_long')
  const bodies = e.bodies.map((b) => ({ format: b.format, content_type: b.content_type, body: decodeBody(b) }))
  return { src_id: e.id, line: n, profile: e.profile, topic: e.topic, seed: e.seed, payload, root: e.root, created_on: e.created_on, bodies }
}

/** An unfinished delivery is imported cancelled: an import is evidence, never an outbox. */
function stagedDelivery(d: DeliveryLine, n: number, importedOn: string): Extract<StagedRow, { kind: 'delivery' }>['row'] {
  const finished = d.status === 'succeeded' || d.status === 'failed' || d.status === 'cancelled'
  return {
    src_id: d.id,
    line: n,
    event_src: d.event_id,
    webhook_src: d.webhook_id,
    replay_src: d.replay_of,
    status: finished ? d.status : 'cancelled',
    tag: d.tag,
    provider_id: d.provider_id,
    attempts: d.attempts_count,
    next_attempt_at: Date.parse(d.created_on),
    last_status_code: d.last_status_code,
    last_error_class: d.last_error_class,
    last_duration_ms: d.last_duration_ms,
    created_on: d.created_on,
    finished_on: finished ? d.finished_on : (d.finished_on ?? importedOn),
  }
}

/**
 * The request is stored as the engine stores its own: credential-looking header values and
 * URL credentials sealed apart, `[redacted]` in clear (see delivery/request.ts splitForStorage).
 */
function stagedAttempt(a: AttemptLine, n: number, box: SecretBox): Extract<StagedRow, { kind: 'attempt' }>['row'] {
  const publicHeaders: Record<string, string> = Object.create(null)
  const sealedHeaders: Record<string, string> = Object.create(null)
  for (const [name, value] of Object.entries(a.request.headers)) {
    if (isSensitiveName(name) && value !== REDACTED) {
      publicHeaders[name] = REDACTED
      sealedHeaders[name] = value
    } else publicHeaders[name] = value
  }
  const safeUrl = redactAddress(a.request.url)
  const sealed = safeUrl !== a.request.url || Object.keys(sealedHeaders).length > 0
  const response = a.response
  const body = response ? decodeBody(response) : null
  return {
    line: n,
    delivery_src: a.delivery_id,
    n: a.n,
    scheduled_for: a.scheduled_for,
    started_on: a.started_on,
    duration_ms: a.duration_ms,
    method: a.request.method,
    url: safeUrl,
    request_headers: JSON.stringify(publicHeaders),
    request_secrets_enc: sealed ? box.encrypt(JSON.stringify({ url: a.request.url, headers: sealedHeaders })) : null,
    response_status: response ? response.status : null,
    response_headers: response ? JSON.stringify(response.headers) : null,
    response_truncated: response?.truncated ? 1 : 0,
    error_class: a.error?.class ?? null,
    error_message: a.error?.message ?? null,
    body: body && body.length > 0 ? body : null,
  }
}
