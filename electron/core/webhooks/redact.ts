import { REDACTED, type WebhookAuth } from '../contract'

/** Names (of headers and query parameters) that usually carry a credential (seed 001's "token in the URL"). */
const SENSITIVE_NAME = /^(authorization|proxy-authorization|cookie)$|token|secret|key|sig|password|passw|pwd|auth|session|cred|hmac/i

export function isSensitiveName(name: string): boolean {
  return SENSITIVE_NAME.test(name)
}

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

/** Header names with the values of credential-looking ones redacted (what an admin's list shows). */
export function redactSensitiveHeaders(headers: Record<string, string>): Record<string, string> {
  return mapValues(headers, (name, value) => (isSensitiveName(name) ? REDACTED : value))
}

/** Header names only (what a read token sees, and what the store keeps unsealed). */
export function redactAllHeaders(headers: Record<string, string>): Record<string, string> {
  return mapValues(headers, () => REDACTED)
}

/**
 * The address with the password of its userinfo and the values of credential-like
 * query parameters replaced by the placeholder. Everything else is kept byte for byte
 * (no re-encoding), so an unchanged address compares equal to what a GET showed.
 */
export function redactAddress(address: string): string {
  const match = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)([^?#]*)(\?[^#]*)?(#.*)?$/i.exec(address)
  if (!match) return address
  const [, scheme, authority, path, query = '', fragment = ''] = match
  const at = authority.lastIndexOf('@')
  let safeAuthority = authority
  if (at !== -1) {
    const userinfo = authority.slice(0, at)
    const colon = userinfo.indexOf(':')
    if (colon !== -1) safeAuthority = `${userinfo.slice(0, colon)}:${REDACTED}@${authority.slice(at + 1)}`
  }
  const safeQuery = query
    ? '?' +
      query
        .slice(1)
        .split('&')
        .map((pair) => {
          const eq = pair.indexOf('=')
          if (eq === -1) return pair
          return isSensitiveName(safeDecode(pair.slice(0, eq))) ? `${pair.slice(0, eq)}=${REDACTED}` : pair
        })
        .join('&')
    : ''
  return `${scheme}${safeAuthority}${path}${safeQuery}${fragment}`
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '))
  } catch {
    return text
  }
}

function mapValues(headers: Record<string, string>, fn: (name: string, value: string) => string): Record<string, string> {
  const out: Record<string, string> = Object.create(null)
  for (const name of Object.keys(headers)) out[name] = fn(name, headers[name])
  return out
}
