import {
  DEFAULTS,
  PROFILE_SIGNING,
  fieldsFromZod,
  webhookCreateSchema,
  type FieldErrors,
  type PayloadFormat,
  type Profile,
  type SigningStyle,
  type Webhook,
  type WebhookAuth,
  type WebhookCreate,
} from '@contract'

export type AuthType = WebhookAuth['type']

/** The dialog's editable state: strings where the user types, converted on submit. */
export interface WebhookForm {
  name: string
  address: string
  topics: string[]
  profile: Profile
  format: PayloadFormat
  signing: SigningStyle
  secret: string
  headers: Array<{ key: string; value: string }>
  auth: { type: AuthType; username: string; password: string; token: string; param: string }
  retry_schedule: string
  connect_timeout_ms: number | null
  timeout_ms: number | null
  max_concurrency: number | null
  rate_limit_per_second: number | null
  disable_after_failures: number | null
  ordered: boolean
  accept_self_signed: boolean
}

export function emptyForm(): WebhookForm {
  return {
    name: '',
    address: '',
    topics: [],
    profile: DEFAULTS.profile,
    format: DEFAULTS.format,
    signing: PROFILE_SIGNING[DEFAULTS.profile],
    secret: '',
    headers: [],
    auth: { type: 'none', username: '', password: '', token: '', param: 'token' },
    retry_schedule: DEFAULTS.retry_schedule.join(', '),
    connect_timeout_ms: DEFAULTS.connect_timeout_ms,
    timeout_ms: DEFAULTS.timeout_ms,
    max_concurrency: DEFAULTS.max_concurrency,
    rate_limit_per_second: DEFAULTS.rate_limit_per_second,
    disable_after_failures: DEFAULTS.disable_after_failures,
    ordered: DEFAULTS.ordered,
    accept_self_signed: DEFAULTS.accept_self_signed,
  }
}

export function formFromWebhook(w: Webhook): WebhookForm {
  const auth = { ...emptyForm().auth, ...w.auth }
  return {
    name: w.name,
    address: w.address,
    topics: [...w.topics],
    profile: w.profile,
    format: w.format,
    signing: w.signing,
    secret: w.secret ?? '',
    headers: Object.entries(w.headers).map(([key, value]) => ({ key, value })),
    auth,
    retry_schedule: w.retry_schedule.join(', '),
    connect_timeout_ms: w.connect_timeout_ms,
    timeout_ms: w.timeout_ms,
    max_concurrency: w.max_concurrency,
    rate_limit_per_second: w.rate_limit_per_second,
    disable_after_failures: w.disable_after_failures,
    ordered: w.ordered,
    accept_self_signed: w.accept_self_signed,
  }
}

/** "5, 30,120" → [5, 30, 120]; a bad entry stays NaN so the schema reports it at its index. */
function parseSchedule(text: string): number[] {
  const parts = text.split(/[,\s]+/).filter((p) => p !== '')
  return parts.map((p) => (/^-?\d+(\.\d+)?$/.test(p) ? Number(p) : Number.NaN))
}

function authFromForm(a: WebhookForm['auth']): WebhookAuth {
  switch (a.type) {
    case 'basic':
      return { type: 'basic', username: a.username, password: a.password }
    case 'bearer':
      return { type: 'bearer', token: a.token }
    case 'query':
      return { type: 'query', param: a.param, token: a.token }
    default:
      return { type: 'none' }
  }
}

/** Every attribute the form holds, in the contract's vocabulary. Blank name/secret are left out. */
export function payloadFromForm(form: WebhookForm): WebhookCreate {
  const headers: Record<string, string> = {}
  for (const { key, value } of form.headers) if (key.trim() !== '' || value !== '') headers[key.trim()] = value
  const payload: WebhookCreate = {
    address: form.address.trim(),
    topics: form.topics,
    profile: form.profile,
    format: form.format,
    signing: form.signing,
    headers,
    auth: authFromForm(form.auth),
    retry_schedule: parseSchedule(form.retry_schedule),
    ordered: form.ordered,
    accept_self_signed: form.accept_self_signed,
    rate_limit_per_second: form.rate_limit_per_second,
  }
  if (form.name.trim() !== '') payload.name = form.name.trim()
  if (form.secret !== '') payload.secret = form.secret
  // An emptied number box means "the default", not zero.
  if (form.connect_timeout_ms !== null) payload.connect_timeout_ms = form.connect_timeout_ms
  if (form.timeout_ms !== null) payload.timeout_ms = form.timeout_ms
  if (form.max_concurrency !== null) payload.max_concurrency = form.max_concurrency
  if (form.disable_after_failures !== null) payload.disable_after_failures = form.disable_after_failures
  return payload
}

/**
 * Headers a signing style sets itself (SPEC §5 and §8 "Headers"). A mirror of the core's rule
 * so the user hears at once; the core checks again and may know more.
 */
const STYLE_HEADERS: Record<SigningStyle, string[]> = {
  standard: ['webhook-id', 'webhook-timestamp', 'webhook-signature'],
  sapo: ['x-sapo-hmac-sha256'],
  shopify: ['x-shopify-hmac-sha256'],
  woocommerce: ['x-wc-webhook-signature'],
  github: ['x-hub-signature-256'],
  stripe: ['stripe-signature'],
  none: [],
}

function reservedHeaders(payload: WebhookCreate): FieldErrors {
  const out: FieldErrors = {}
  const style = STYLE_HEADERS[payload.signing ?? PROFILE_SIGNING[payload.profile ?? DEFAULTS.profile]] ?? []
  for (const name of Object.keys(payload.headers ?? {})) {
    const lower = name.toLowerCase()
    if (lower.startsWith('x-hooklab-') || style.includes(lower)) out[`headers.${name}`] = ['reserved_header']
  }
  return out
}

/** Client-side check with the very schema the core uses (same rules, same codes), plus the header mirror. */
export function validate(payload: WebhookCreate): FieldErrors {
  const result = webhookCreateSchema.safeParse(payload)
  const found = result.success ? {} : fieldsFromZod(result.error, payload)
  for (const [key, codes] of Object.entries(reservedHeaders(payload))) {
    found[key] = [...new Set([...(found[key] ?? []), ...codes])]
  }
  return found
}

/** Monospace for what the user typed; the placeholder keeps the UI font, which has every Vietnamese letter. */
export function monoWhenFilled(value: string | null | undefined): string | undefined {
  return value ? 'mono' : undefined
}

/** Only what differs from the stored webhook goes into an update. */
export function changedFields(payload: WebhookCreate, original: Webhook): Partial<WebhookCreate> {
  const out: Record<string, unknown> = {}
  const before = original as unknown as Record<string, unknown>
  for (const [key, value] of Object.entries(payload)) {
    if (key === 'secret' && value === (original.secret ?? '')) continue
    if (JSON.stringify(value) !== JSON.stringify(before[key])) out[key] = value
  }
  // A name or secret cleared on edit is absent from the payload, so the stored one stays.
  return out as Partial<WebhookCreate>
}
