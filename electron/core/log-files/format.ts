import { isUtf8 } from 'node:buffer'
import { z } from 'zod'
import { DELIVERY_STATUSES, DELIVERY_TAGS, ERROR_CLASSES } from '../contract/delivery-schemas'
import { PROFILES } from '../contract/profiles'
import { addressSchema, authSchema, FORMATS, headersSchema, nameSchema, SIGNING_STYLES, topicSchema, webhookPatchSchema } from '../contract/webhook-schemas'
import { isValidSecretFor } from '../secrets/generate'

/**
 * The NDJSON export format (SPEC §8), version 1: one header line, then one object per line
 * with `type` webhook | event | delivery | attempt. These schemas are what an import accepts;
 * the exporter writes the same shapes. Fields a later Hooklab adds are ignored (zod strips
 * them), so such a file still imports here without a version bump.
 */
export const EXPORT_VERSION = 1

/** One line may carry an event with a 5 MiB payload rendered in three formats, JSON-escaped. */
export const MAX_LINE_BYTES = 64 * 1024 * 1024

/** An id in the exporting Hooklab; the import maps each one to a new local id. */
const sourceId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)
const instant = z
  .string()
  .max(64, 'too_long')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'invalid')
const count = z.number().int().min(0).max(1_000_000_000)

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,256}$/
const HEADER_VALUE = /^[^\r\n\0]*$/

/**
 * A header map as it went over the wire (any token name, up to 500 of them), read into a
 * null-prototype object: a name such as `__proto__` stays an ordinary key.
 */
export const wireHeadersSchema = z.unknown().transform((value, ctx) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    ctx.addIssue({ code: 'custom', message: 'must be an object of header names to values' })
    return z.NEVER
  }
  const names = Object.keys(value)
  if (names.length > 500) ctx.addIssue({ code: 'custom', message: 'has more than 500 headers' })
  const out: Record<string, string> = Object.create(null)
  for (const name of names) {
    const raw: unknown = (value as Record<string, unknown>)[name]
    if (!HEADER_NAME.test(name)) ctx.addIssue({ code: 'custom', message: 'is not a header name', path: [name] })
    else if (typeof raw !== 'string' || raw.length > 65_536 || !HEADER_VALUE.test(raw)) ctx.addIssue({ code: 'custom', message: 'is not a header value', path: [name] })
    else out[name] = raw
  }
  return out
})

/** A body as text, or base64 when its bytes are not UTF-8. */
const bodyText = { body: z.string().max(24 * 1024 * 1024), body_encoding: z.literal('base64').optional() }

export const headerLineSchema = z.object({
  hooklab_export: z.literal(EXPORT_VERSION),
  created_on: instant,
  filter: z.unknown().optional(),
  secrets: z.boolean(),
})

const settings = webhookPatchSchema.shape
export const webhookLineSchema = z
  .object({
    type: z.literal('webhook'),
    id: sourceId,
    name: nameSchema,
    /** As exported: without secrets, credentials in it read `[redacted]`. */
    address: addressSchema,
    topics: z.array(topicSchema).min(1).max(500),
    profile: z.enum(PROFILES),
    format: z.enum(FORMATS),
    signing: z.enum(SIGNING_STYLES),
    secret: z.string().max(1024).optional(),
    headers: headersSchema.optional(),
    auth: authSchema.optional(),
    retry_schedule: settings.retry_schedule,
    connect_timeout_ms: settings.connect_timeout_ms,
    timeout_ms: settings.timeout_ms,
    max_concurrency: settings.max_concurrency,
    rate_limit_per_second: settings.rate_limit_per_second,
    ordered: settings.ordered,
    disable_after_failures: settings.disable_after_failures,
    accept_self_signed: settings.accept_self_signed,
    created_on: instant,
  })
  .superRefine((w, ctx) => {
    if (w.secret !== undefined && w.secret !== '' && !isValidSecretFor(w.signing, w.secret)) {
      ctx.addIssue({ code: 'custom', message: 'is not a valid secret for this signing style', path: ['secret'] })
    }
  })
export type WebhookLine = z.infer<typeof webhookLineSchema>

const isJsonObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

export const eventLineSchema = z.object({
  type: z.literal('event'),
  id: sourceId,
  profile: z.enum(PROFILES),
  topic: topicSchema,
  seed: z.number().int().min(0).max(0xffffffff).nullable(),
  /** Kept as parsed (never re-keyed): it is written back as JSON text. */
  payload: z.custom<Record<string, unknown>>(isJsonObject, 'must be a JSON object'),
  root: z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/, 'is not an XML element name'),
  created_on: instant,
  bodies: z
    .array(z.object({ format: z.enum(FORMATS), content_type: z.string().min(1).max(200), ...bodyText }))
    .min(1)
    .max(FORMATS.length)
    .refine((list) => new Set(list.map((b) => b.format)).size === list.length, 'names a format twice'),
})
export type EventLine = z.infer<typeof eventLineSchema>

export const deliveryLineSchema = z.object({
  type: z.literal('delivery'),
  id: sourceId,
  event_id: sourceId,
  webhook_id: sourceId,
  status: z.enum(DELIVERY_STATUSES),
  tag: z.enum(DELIVERY_TAGS).nullable(),
  provider_id: z.string().min(1).max(200),
  attempts_count: count,
  last_status_code: z.number().int().min(0).max(999).nullable(),
  last_error_class: z.enum(ERROR_CLASSES).nullable(),
  last_duration_ms: count.nullable(),
  replay_of: sourceId.nullable(),
  created_on: instant,
  finished_on: instant.nullable(),
})
export type DeliveryLine = z.infer<typeof deliveryLineSchema>

export const attemptLineSchema = z.object({
  type: z.literal('attempt'),
  delivery_id: sourceId,
  n: z.number().int().min(1).max(10_000),
  scheduled_for: instant,
  started_on: instant,
  duration_ms: count,
  /** The body is the event's body in the webhook's format: carried once, on the event line. */
  request: z.object({ method: z.string().regex(/^[A-Z]{1,16}$/, 'is not an HTTP method'), url: z.string().min(1).max(8192), headers: wireHeadersSchema }),
  response: z.object({ status: z.number().int().min(0).max(999), headers: wireHeadersSchema, ...bodyText, truncated: z.boolean() }).nullable(),
  error: z.object({ class: z.enum(ERROR_CLASSES), message: z.string().max(8192) }).nullable(),
})
export type AttemptLine = z.infer<typeof attemptLineSchema>

export const LINE_SCHEMAS = {
  webhook: webhookLineSchema,
  event: eventLineSchema,
  delivery: deliveryLineSchema,
  attempt: attemptLineSchema,
} as const
export type LineType = keyof typeof LINE_SCHEMAS
export type Line = WebhookLine | EventLine | DeliveryLine | AttemptLine

export function isLineType(value: unknown): value is LineType {
  return typeof value === 'string' && Object.hasOwn(LINE_SCHEMAS, value)
}

/** Bytes as an export writes them: UTF-8 text when they are, base64 otherwise. */
export function encodeBody(bytes: Buffer | null): { body: string; body_encoding?: 'base64' } {
  if (!bytes || bytes.length === 0) return { body: '' }
  return isUtf8(bytes) ? { body: bytes.toString('utf8') } : { body: bytes.toString('base64'), body_encoding: 'base64' }
}

export function decodeBody(value: { body: string; body_encoding?: 'base64' }): Buffer {
  return value.body_encoding === 'base64' ? Buffer.from(value.body, 'base64') : Buffer.from(value.body, 'utf8')
}
