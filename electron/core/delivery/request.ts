import type { PayloadFormat, Profile, SigningStyle, WebhookAuth } from '../contract'
import { REDACTED } from '../contract'
import { identifyingHeaders } from '../simulator'
import { redactAddress, isSensitiveName } from '../webhooks/redact'
import { providerIdHeader, signatureHeaders } from './signing'

/** A webhook's delivery settings, opened (credentials in clear): only the engine holds these. */
export interface OpenedTarget {
  id: number
  address: string
  headers: Record<string, string>
  auth: WebhookAuth
  secret: string
  profile: Profile
  signing: SigningStyle
  format: PayloadFormat
}

export interface RequestInput {
  target: OpenedTarget
  delivery: { id: number; provider_id: string; replay_of: number | null }
  event: { id: number; topic: string }
  body: Buffer
  contentType: string
  nowMs: number
  version: string
}

/**
 * What goes over the wire for one attempt (SPEC §8 "Headers"): the profile's identifying
 * headers, the content type, the user's custom headers and auth, then the signing style's
 * headers (only those not already present, so nothing appears twice), and Hooklab's own
 * delivery id. Signature timestamps are fresh per attempt; ids are the delivery's.
 */
export function buildRequest(input: RequestInput): { url: string; headers: Record<string, string> } {
  const { target, delivery, event } = input
  const headers = new HeaderList()
  const identifying = identifyingHeaders(target.profile, event.topic, { webhookId: target.id, eventId: event.id, nowMs: input.nowMs })
  for (const [name, value] of Object.entries(identifying)) headers.set(name, value)
  headers.set('Content-Type', input.contentType)
  if (!headers.has('User-Agent')) headers.set('User-Agent', `Hooklab/${input.version}`)
  for (const name of Object.keys(target.headers)) headers.set(name, target.headers[name])
  let url = target.address
  // Userinfo in the address means basic auth, as curl reads it; it never travels in the URL.
  const parsed = url.includes('@') ? new URL(url) : null
  if (parsed && (parsed.username || parsed.password)) {
    if (target.auth.type === 'none' || target.auth.type === 'query') {
      const credentials = `${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`
      headers.set('Authorization', `Basic ${Buffer.from(credentials).toString('base64')}`)
    }
    parsed.username = ''
    parsed.password = ''
    url = parsed.toString()
  }
  switch (target.auth.type) {
    case 'basic':
      headers.set('Authorization', `Basic ${Buffer.from(`${target.auth.username}:${target.auth.password}`).toString('base64')}`)
      break
    case 'bearer':
      headers.set('Authorization', `Bearer ${target.auth.token}`)
      break
    case 'query': {
      const u = new URL(url)
      u.searchParams.set(target.auth.param, target.auth.token)
      url = u.toString()
      break
    }
  }
  const idHeader = providerIdHeader(target.signing)
  if (idHeader && !headers.has(idHeader)) headers.set(idHeader, delivery.provider_id)
  const signed = signatureHeaders({
    style: target.signing,
    secret: target.secret,
    body: input.body.toString('utf8'),
    providerId: delivery.provider_id,
    timestampSec: Math.floor(input.nowMs / 1000),
    topic: event.topic,
    existing: headers,
  })
  for (const [name, value] of Object.entries(signed)) if (!headers.has(name)) headers.set(name, value)
  headers.set('X-Hooklab-Delivery-Id', String(delivery.id))
  if (delivery.replay_of !== null) headers.set('X-Hooklab-Replay-Of', String(delivery.replay_of))
  return { url, headers: headers.toObject() }
}

/** The value of query parameter `param` replaced by the placeholder (the auth token's own name may look harmless). */
function redactParam(url: string, param: string): string {
  const u = new URL(url)
  if (!u.searchParams.has(param)) return url
  const [base, query] = [url.slice(0, url.indexOf('?')), url.slice(url.indexOf('?') + 1)]
  const hash = query.indexOf('#')
  const [q, fragment] = hash === -1 ? [query, ''] : [query.slice(0, hash), query.slice(hash)]
  const nameOf = (pair: string) => {
    try {
      return decodeURIComponent(pair.split('=')[0].replace(/\+/g, ' '))
    } catch {
      return pair.split('=')[0]
    }
  }
  const kept = q.split('&').map((pair) => (nameOf(pair) === param ? `${pair.split('=')[0]}=${REDACTED}` : pair))
  return `${base}?${kept.join('&')}${fragment}`
}

/**
 * Header names compared without case but sent with the case they were set in
 * (`Headers` would lower-case them, and the log must show what went over the wire).
 */
class HeaderList {
  private readonly entries = new Map<string, [string, string]>()
  set(name: string, value: string): void {
    const key = name.toLowerCase()
    const kept = this.entries.get(key)
    this.entries.set(key, [kept ? kept[0] : name, value])
  }
  has(name: string): boolean {
    return this.entries.has(name.toLowerCase())
  }
  get(name: string): string | null {
    return this.entries.get(name.toLowerCase())?.[1] ?? null
  }
  toObject(): Record<string, string> {
    return Object.fromEntries(this.entries.values())
  }
}

/**
 * The request as stored: the URL and header values that carry credentials — the user's
 * custom headers, auth, the query token, URL userinfo, anything named like a credential —
 * are kept sealed apart (`secrets`), the rest in clear so the log can show and search it.
 */
export function splitForStorage(
  url: string,
  headers: Record<string, string>,
  target: Pick<OpenedTarget, 'headers' | 'auth'>,
): { url: string; headers: Record<string, string>; secrets: { url: string; headers: Record<string, string> } | null } {
  const custom = new Set(Object.keys(target.headers).map((n) => n.toLowerCase()))
  const publicHeaders: Record<string, string> = {}
  const secretHeaders: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (isSensitiveName(name) || custom.has(name.toLowerCase())) {
      publicHeaders[name] = REDACTED
      secretHeaders[name] = value
    } else publicHeaders[name] = value
  }
  let safeUrl = redactAddress(url)
  if (target.auth.type === 'query') safeUrl = redactParam(safeUrl, target.auth.param)
  const hasSecrets = safeUrl !== url || Object.keys(secretHeaders).length > 0
  return { url: safeUrl, headers: publicHeaders, secrets: hasSecrets ? { url, headers: secretHeaders } : null }
}
