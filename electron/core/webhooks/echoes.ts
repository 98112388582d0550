import { emptyFields, invalidInput, REDACTED, type FieldErrors, type WebhookAuth, type WebhookPatch } from '../contract'
import { redactAddress, redactAuth } from './redact'

/** The stored values an echo is compared with, opened. */
export interface OpenedWebhook {
  address: string
  headers: Record<string, string>
  auth: WebhookAuth
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b))

function sortKeys(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
}

/**
 * A client that reads a webhook, edits it and writes it back sends the redacted
 * placeholder where it could not see a credential. Sent back exactly as shown, it
 * means "keep the stored value"; anywhere else it would store the placeholder as the
 * credential, so it is refused by name. Applies to every transport alike.
 */
export function resolveEchoes<P extends Pick<WebhookPatch, 'address' | 'headers' | 'auth'>>(patch: P, current: OpenedWebhook | null): P {
  const out: P = { ...patch }
  const fields: FieldErrors = emptyFields()
  if (out.address !== undefined && out.address.includes(REDACTED)) {
    if (current && out.address === redactAddress(current.address)) delete out.address
    else fields.address = ['redacted_placeholder']
  }
  if (out.auth !== undefined && JSON.stringify(out.auth).includes(JSON.stringify(REDACTED))) {
    if (current && sameJson(out.auth, redactAuth(current.auth))) delete out.auth
    else fields.auth = ['redacted_placeholder']
  }
  if (out.headers !== undefined) {
    const headers: Record<string, string> = Object.create(null)
    for (const name of Object.keys(out.headers)) {
      const value = out.headers[name]
      if (value !== REDACTED) headers[name] = value
      else if (current && Object.hasOwn(current.headers, name)) headers[name] = current.headers[name]
      else fields[`headers.${name}`] = ['redacted_placeholder']
    }
    out.headers = headers
  }
  if (Object.keys(fields).length > 0) throw invalidInput(fields)
  return out
}
