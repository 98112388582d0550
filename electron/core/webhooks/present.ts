import type { TokenRole, Webhook, WebhookAuth } from '../contract'
import type { SecretBox } from '../secrets/secret-box'
import type { WebhookRecord } from '../store/webhooks-repo'
import { redactAddress, redactAuth, redactSensitiveHeaders } from './redact'

/**
 * Who is looking: `reveal` is an admin who asked for secrets (the edit dialog, a
 * write's answer); `admin` sees everything but credentials; `read` sees header names
 * and a redacted address only, and never a credential (issue 6 §1.4).
 */
export type Viewer = 'reveal' | TokenRole

export function viewerOf(role: TokenRole, askedForSecrets: boolean): Viewer {
  return role === 'admin' && askedForSecrets ? 'reveal' : role
}

/** The contract's view of a stored webhook; sealed columns are opened only as far as the viewer may see. */
export function presentWebhook(record: WebhookRecord, box: SecretBox, viewer: Viewer): Webhook {
  const { secret_enc, auth_enc, address_enc, headers_enc, address, headers, ...rest } = record
  const auth = JSON.parse(box.decrypt(auth_enc)) as WebhookAuth
  const fullAddress = viewer === 'read' ? address : box.decrypt(address_enc)
  const fullHeaders = viewer === 'read' ? headers : (JSON.parse(box.decrypt(headers_enc)) as Record<string, string>)
  const webhook: Webhook = {
    ...rest,
    address: viewer === 'reveal' ? fullAddress : redactAddress(fullAddress),
    topic: record.topics[0] ?? '',
    auth: viewer === 'reveal' ? auth : redactAuth(auth),
    headers: viewer === 'reveal' ? { ...fullHeaders } : viewer === 'admin' ? { ...redactSensitiveHeaders(fullHeaders) } : { ...headers },
  }
  if (viewer === 'reveal') webhook.secret = box.decrypt(secret_enc)
  return webhook
}
