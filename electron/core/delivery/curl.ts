import { HooklabError, notFound, type TokenRole } from '../contract'
import type { DeliveryDetail } from '../contract/delivery-schemas'
import type { SentRequest } from '../contract/log-schemas'

/** POSIX sh single quotes: everything literal; a quote itself closes, is escaped, reopens. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`
}

/**
 * A curl command that sends `request` again byte for byte: the same method, URL, headers
 * (signatures included) and body. curl's own additions are switched off where the original
 * had none (`Accept`, `Expect: 100-continue` on large bodies), URL globbing is off (`[` and
 * `{` in a query are data), and a body curl would read as a file name (`@…`) goes as raw data.
 */
export function curlCommand(request: SentRequest, options: { insecure?: boolean } = {}): string {
  const args: string[] = ['curl', '-X', shellQuote(request.method), '--globoff']
  if (options.insecure && request.url.startsWith('https:')) args.push('--insecure')
  args.push(shellQuote(request.url))
  const names = new Set(Object.keys(request.headers).map((n) => n.toLowerCase()))
  for (const [name, value] of Object.entries(request.headers)) {
    // `Name:` would remove the header; `Name;` sends it empty.
    args.push('-H', shellQuote(value === '' ? `${name};` : `${name}: ${value}`))
  }
  for (const added of ['Accept', 'Expect']) if (!names.has(added.toLowerCase())) args.push('-H', shellQuote(`${added}:`))
  const { body } = request
  // A shell argument cannot hold a NUL byte: such a body goes through printf's %b escapes.
  if (body.includes('\0')) {
    const escaped = body.replace(/\\/g, '\\\\').replace(/\0/g, '\\0000')
    return `printf '%b' ${shellQuote(escaped)} | ${args.join(' ')} --data-binary @-`
  }
  args.push(body.startsWith('@') ? '--data-raw' : '--data-binary', shellQuote(body))
  return args.join(' ')
}

export interface CurlDeps {
  detail(id: number, role: TokenRole): DeliveryDetail
  /** Whether the webhook accepts self-signed certificates (its attempts did too). */
  insecure(webhookId: number): boolean
}

/**
 * Copy as cURL of one attempt (the last by default). An admin gets the credentials the
 * attempt sent (opened from their seal); a read token gets them as `[redacted]`.
 */
export function copyAsCurl(deps: CurlDeps, input: { id: number; attempt?: number }, role: TokenRole): { command: string } {
  const detail = deps.detail(input.id, role)
  if (detail.attempts.length === 0) throw new HooklabError('conflict', `Delivery ${input.id} has not been attempted yet: there is no request to copy`)
  const attempt = input.attempt === undefined ? detail.attempts[detail.attempts.length - 1] : detail.attempts.find((a) => a.n === input.attempt)
  if (!attempt) throw notFound(`Attempt ${input.attempt} of delivery ${input.id}`)
  return { command: curlCommand(attempt.request, { insecure: deps.insecure(detail.webhook_id) }) }
}
