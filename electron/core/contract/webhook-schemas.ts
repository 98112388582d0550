import { z } from 'zod'
import { isValidSecretFor } from '../secrets/generate'
import { PROFILES, type Profile } from './profiles'
import { reservedHeaderReason } from './reserved-headers'

/** SPEC §5 signing styles; the delivery engine issue implements each one. */
export const SIGNING_STYLES = ['standard', 'sapo', 'shopify', 'woocommerce', 'github', 'stripe', 'none'] as const
export const FORMATS = ['json', 'xml', 'form'] as const
export const STATUSES = ['enabled', 'disabled', 'auto_disabled'] as const
export const DEFAULT_RETRY_SCHEDULE = [5, 30, 120, 600, 1800, 3600]

export const DEFAULTS = {
  profile: 'sapo' as Profile,
  format: 'json' as const,
  retry_schedule: DEFAULT_RETRY_SCHEDULE,
  connect_timeout_ms: 5000,
  timeout_ms: 15000,
  max_concurrency: 10,
  rate_limit_per_second: null as number | null,
  ordered: false,
  disable_after_failures: 5,
  accept_self_signed: false,
}

/** The default signing style of each profile: a Sapo webhook signs like Sapo. */
export const PROFILE_SIGNING: Record<Profile, (typeof SIGNING_STYLES)[number]> = {
  sapo: 'sapo',
  shopify: 'shopify',
  woocommerce: 'woocommerce',
  github: 'github',
  stripe: 'stripe',
  standard: 'standard',
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/
// What HTTP (and Node's client) can carry: tab, visible ASCII and Latin-1; never CR, LF or
// other control bytes, nor characters above U+00FF (Vietnamese text must be encoded by the user).
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/
/** Headers the sender owns; letting a user set them would corrupt the request. */
export const RESERVED_HEADERS = ['host', 'content-length', 'transfer-encoding', 'connection', 'upgrade', 'te', 'trailer', 'keep-alive']

/**
 * Characters that make an address look like something it is not: C0/C1 controls, DEL,
 * bidi overrides and isolates, zero-width characters and the BOM.
 */
// Tab, CR, LF, VT and FF are left to trim (a pasted address often ends in a newline); inside, \s refuses them.
const DECEPTIVE = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/

export const addressSchema = z
  .string({ error: 'invalid' })
  // Before trimming: a trailing BOM or NUL must be refused, not quietly cut off.
  .refine((value) => !DECEPTIVE.test(value), { message: 'invalid', abort: true })
  .trim()
  .min(1, 'blank')
  .max(2048, 'too_long')
  .superRefine((value, ctx) => {
    if (value.length === 0) return
    if (/\s/.test(value)) return void ctx.addIssue({ code: 'custom', message: 'invalid' })
    let url: URL
    try {
      url = new URL(value)
    } catch {
      return void ctx.addIssue({ code: 'custom', message: 'invalid' })
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return void ctx.addIssue({ code: 'custom', message: 'not_http' })
    if (!url.hostname) ctx.addIssue({ code: 'custom', message: 'invalid' })
  })

export const nameSchema = z.string().trim().max(200, 'too_long')

/**
 * Custom headers. Read from the input's own keys into a Map first: a key such as
 * `__proto__` would otherwise vanish into a plain object's prototype on the way in.
 */
export const headersSchema = z
  .unknown()
  .transform((value, ctx) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      ctx.addIssue({ code: 'custom', message: 'invalid' })
      return z.NEVER
    }
    const names = Object.keys(value)
    if (names.length > 50) ctx.addIssue({ code: 'custom', message: 'too_long' })
    const out: Record<string, string> = Object.create(null)
    for (const name of names) {
      const raw: unknown = (value as Record<string, unknown>)[name]
      if (!HEADER_NAME.test(name) || name.length > 256 || name === '__proto__') ctx.addIssue({ code: 'custom', message: 'invalid_header_name', path: [name] })
      else if (RESERVED_HEADERS.includes(name.toLowerCase())) ctx.addIssue({ code: 'custom', message: 'reserved_header', path: [name] })
      if (typeof raw !== 'string' || !HEADER_VALUE.test(raw)) ctx.addIssue({ code: 'custom', message: 'invalid_header_value', path: [name] })
      else if (raw.length > 8192) ctx.addIssue({ code: 'custom', message: 'too_long', path: [name] })
      else out[name] = raw
    }
    return out
  })

const credential = z.string().max(1024, 'too_long')
export const authSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }).strict(),
  z.object({ type: z.literal('basic'), username: credential.min(1, 'blank').refine((u) => !u.includes(':'), 'invalid'), password: credential }).strict(),
  z.object({ type: z.literal('bearer'), token: credential.min(1, 'blank') }).strict(),
  z.object({ type: z.literal('query'), param: z.string().regex(/^[A-Za-z0-9_.~-]{1,100}$/, 'invalid'), token: credential.min(1, 'blank') }).strict(),
])
export type WebhookAuth = z.infer<typeof authSchema>

export const topicSchema = z.string().trim().min(1, 'blank').max(200, 'too_long')

const settingsShape = {
  retry_schedule: z.array(z.number().int('invalid').min(0, 'out_of_range').max(7 * 86400, 'out_of_range')).max(25, 'too_long'),
  connect_timeout_ms: z.number().int('invalid').min(100, 'out_of_range').max(120_000, 'out_of_range'),
  timeout_ms: z.number().int('invalid').min(100, 'out_of_range').max(600_000, 'out_of_range'),
  max_concurrency: z.number().int('invalid').min(1, 'out_of_range').max(100, 'out_of_range'),
  rate_limit_per_second: z.number().positive('out_of_range').max(10_000, 'out_of_range').nullable(),
  ordered: z.boolean(),
  disable_after_failures: z.number().int('invalid').min(0, 'out_of_range').max(10_000, 'out_of_range'),
  accept_self_signed: z.boolean(),
}

/** Every writable attribute, all optional: the base of create and update. */
const writableShape = {
  name: nameSchema,
  address: addressSchema,
  topic: topicSchema,
  topics: z.array(topicSchema).min(1, 'blank').max(500, 'too_long'),
  profile: z.enum(PROFILES),
  format: z.enum(FORMATS),
  signing: z.enum(SIGNING_STYLES),
  secret: z.string().max(1024, 'too_long'),
  headers: headersSchema,
  auth: authSchema,
  status: z.enum(['enabled', 'disabled']),
  ...settingsShape,
}

const writable = z.object(writableShape).partial()

/** Whether a profile knows a topic: its catalog plus the user's custom topics (core/topics). */
export type TopicMembership = (profile: Profile, topic: string) => boolean

/**
 * Checks that need several fields at once. They also run when another field
 * failed (so that one answer names every bad field), so they look only at values
 * of the right type. Topic membership is the core's to decide (`knows`); the shared
 * schemas the renderer uses check shapes only. Without the stored webhook (an
 * update's schema) a topic is checked against the patch's profile, or against every
 * profile; the service checks it again against the stored profile.
 */
function crossFieldRules(value: z.infer<typeof writable>, ctx: z.RefinementCtx, mode: 'create' | 'update', knows: TopicMembership | null, storedProfile?: Profile): void {
  const givenProfile = (PROFILES as readonly unknown[]).includes(value.profile) ? value.profile : undefined
  const profile = givenProfile ?? (mode === 'create' ? DEFAULTS.profile : storedProfile)
  const topicList = Array.isArray(value.topics) ? value.topics : undefined
  const single = typeof value.topic === 'string' ? value.topic : undefined
  if (topicList && single !== undefined && !topicList.includes(single)) {
    ctx.addIssue({ code: 'custom', message: 'topic_not_in_topics', path: ['topic'] })
  }
  const topics = topicList ?? (single !== undefined ? [single] : [])
  if (knows) {
    topics.forEach((topic, i) => {
      if (typeof topic !== 'string' || topic.trim() === '') return
      const known = profile ? knows(profile, topic.trim()) : PROFILES.some((p) => knows(p, topic.trim()))
      if (!known) ctx.addIssue({ code: 'custom', message: 'unknown_topic', path: topicList ? ['topics', i] : ['topic'] })
    })
  }
  const connect = typeof value.connect_timeout_ms === 'number' ? value.connect_timeout_ms : mode === 'create' ? DEFAULTS.connect_timeout_ms : undefined
  const whole = typeof value.timeout_ms === 'number' ? value.timeout_ms : mode === 'create' ? DEFAULTS.timeout_ms : undefined
  if (connect !== undefined && whole !== undefined && connect > whole) {
    ctx.addIssue({ code: 'custom', message: 'out_of_range', path: ['connect_timeout_ms'] })
  }
  const signing = (SIGNING_STYLES as readonly unknown[]).includes(value.signing) ? value.signing! : profile ? PROFILE_SIGNING[profile] : undefined
  if (mode === 'create' && typeof value.secret === 'string' && value.secret !== '' && signing) {
    if (!isValidSecretFor(signing, value.secret)) ctx.addIssue({ code: 'custom', message: 'invalid_secret', path: ['secret'] })
  }
  if (value.headers && typeof value.headers === 'object') {
    for (const name of Object.keys(value.headers)) {
      if (reservedHeaderReason(name, profile, signing)) ctx.addIssue({ code: 'custom', message: 'reserved_header', path: ['headers', name] })
    }
  }
}

/** Run even when a field already failed, so that one answer names every bad field. */
const ALWAYS = { when: () => true }

const createShape = writable.extend({
  /** Send a ping once created (the UI asks for it; the Admin API only when told). */
  ping: z.boolean().optional(),
  /** Language of the generated default name. */
  locale: z.enum(['vi', 'en']).optional(),
})

/** Update names only what it changes; `id` may repeat the path's id (Sapo's PUT does). */
export const webhookPatchSchema = writable.extend({ id: z.number().int().positive().optional() }).strict()
export type WebhookPatch = z.infer<typeof webhookPatchSchema>

/**
 * The create and update schemas, with topic membership decided by `knows` (null: shapes
 * only). `storedProfile` is the profile of the webhook an update changes, when known.
 */
export function webhookInputSchemas(knows: TopicMembership | null, storedProfile?: Profile) {
  return {
    create: createShape.strict().superRefine((value, ctx) => {
      if (value.address === undefined) ctx.addIssue({ code: 'custom', message: 'blank', path: ['address'] })
      if (value.topics === undefined && value.topic === undefined) ctx.addIssue({ code: 'custom', message: 'blank', path: ['topics'] })
      crossFieldRules(value, ctx, 'create', knows)
    }, ALWAYS),
    update: webhookPatchSchema.extend({ id: z.number().int().positive() }).superRefine((value, ctx) => crossFieldRules(value, ctx, 'update', knows, storedProfile), ALWAYS),
  }
}

const shapeOnly = webhookInputSchemas(null)
/** Shapes only: what the renderer checks before sending; the core adds topic membership. */
export const webhookCreateSchema = shapeOnly.create
export type WebhookCreate = z.infer<typeof webhookCreateSchema>
export const webhookUpdateSchema = shapeOnly.update

export const lastPingSchema = z.object({ on: z.string(), status_code: z.number().int().nullable(), ok: z.boolean() })

export const webhookSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  address: z.string(),
  topic: z.string(),
  topics: z.array(z.string()),
  profile: z.enum(PROFILES),
  format: z.enum(FORMATS),
  signing: z.enum(SIGNING_STYLES),
  /** Present only when asked for and allowed (never for a read token). */
  secret: z.string().optional(),
  headers: z.record(z.string(), z.string()),
  auth: authSchema,
  status: z.enum(STATUSES),
  status_reason: z.string().nullable(),
  disabled_on: z.string().nullable(),
  consecutive_failures: z.number().int(),
  ...settingsShape,
  last_ping: lastPingSchema.nullable(),
  created_on: z.string(),
  modified_on: z.string().nullable(),
})
export type Webhook = z.infer<typeof webhookSchema>
export type WebhookStatus = (typeof STATUSES)[number]
export type SigningStyle = (typeof SIGNING_STYLES)[number]
export type PayloadFormat = (typeof FORMATS)[number]
