import type { SecretBox } from '../secrets/secret-box'
import type { OverrideRecord } from '../store/replays-repo'
import type { OpenedTarget } from './request'

/**
 * What one delivery sends differently from its webhook (a replay to another address, or
 * with edited headers). The engine applies it on every attempt, so a retried replay goes
 * where its first attempt went, with the same overrides, signed anew each time.
 */
export interface DeliveryOverride {
  /** Another address; the webhook's own when null. */
  address: string | null
  /** Header overrides; an empty value removes that header. */
  headers: Record<string, string> | null
}

export function sealOverride(box: SecretBox, override: DeliveryOverride): OverrideRecord {
  return {
    address_enc: override.address === null ? null : box.encrypt(override.address),
    headers_enc: override.headers === null ? null : box.encrypt(JSON.stringify(override.headers)),
  }
}

export function openOverride(box: SecretBox, record: OverrideRecord): DeliveryOverride {
  return {
    address: record.address_enc === null ? null : box.decrypt(record.address_enc),
    headers: record.headers_enc === null ? null : nullProto(JSON.parse(box.decrypt(record.headers_enc)) as Record<string, string>),
  }
}

/**
 * The target the request is built from: the other address, and the overriding headers
 * among the custom ones, so a signature computed from a header (Standard Webhooks' id and
 * timestamp) covers the value sent, and storage seals their values like custom headers'.
 */
export function retarget<T extends OpenedTarget>(target: T, override: DeliveryOverride): T {
  const headers = nullProto(target.headers)
  for (const [name, value] of Object.entries(override.headers ?? {})) {
    if (value === '') continue
    for (const existing of Object.keys(headers)) if (existing.toLowerCase() === name.toLowerCase()) delete headers[existing]
    headers[name] = value
  }
  return { ...target, address: override.address ?? target.address, headers }
}

/**
 * Overrides laid on the built request last, so what the user wrote is what is sent (an
 * Authorization of their own beats the webhook's auth); an empty value removes the header.
 * Headers keep their place and take the override's spelling.
 */
export function applyOverride<R extends { headers: Record<string, string> }>(request: R, override: DeliveryOverride | null): R {
  if (!override?.headers) return request
  const wanted = new Map(Object.entries(override.headers).map(([name, value]) => [name.toLowerCase(), [name, value] as const]))
  const headers: Record<string, string> = Object.create(null)
  for (const [name, value] of Object.entries(request.headers)) {
    const over = wanted.get(name.toLowerCase())
    if (!over) headers[name] = value
    else {
      wanted.delete(name.toLowerCase())
      if (over[1] !== '') headers[over[0]] = over[1]
    }
  }
  for (const [name, value] of wanted.values()) if (value !== '') headers[name] = value
  return { ...request, headers }
}

function nullProto(source: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = Object.create(null)
  for (const name of Object.keys(source)) out[name] = source[name]
  return out
}
