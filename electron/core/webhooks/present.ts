import type { Webhook, WebhookAuth } from '../contract'
import type { SecretBox } from '../secrets/secret-box'
import type { WebhookRecord } from '../store/webhooks-repo'

export const REDACTED = '[redacted]'

export function redactAuth(auth: WebhookAuth): WebhookAuth {
  switch (auth.type) {
    case 'basic':
      return { ...auth, password: REDACTED }
    case 'bearer':
    case 'query':
      return { ...auth, token: REDACTED }
    default:
      return auth
  }
}

/** Custom headers that usually carry a credential (a token in a header is one of seed 001's options). */
const SENSITIVE_HEADER = /^(authorization|proxy-authorization|cookie)$|token|secret|key|signature|password|auth|session/i

export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, SENSITIVE_HEADER.test(name) ? REDACTED : value]))
}

/**
 * The contract's view of a stored webhook. Secrets (the signing secret and auth
 * credentials) are opened only when the caller asked and may see them.
 */
export function presentWebhook(record: WebhookRecord, box: SecretBox, reveal: boolean): Webhook {
  const { secret_enc, auth_enc, ...rest } = record
  const auth = JSON.parse(box.decrypt(auth_enc)) as WebhookAuth
  const webhook: Webhook = {
    ...rest,
    topic: record.topics[0] ?? '',
    auth: reveal ? auth : redactAuth(auth),
    headers: reveal ? record.headers : redactHeaders(record.headers),
  }
  if (reveal) webhook.secret = box.decrypt(secret_enc)
  return webhook
}
