import { STATUS_CODES } from 'node:http'
import type { TokenRole } from '../contract'
import { presentAttempt } from '../delivery/present'
import type { DeliveryRow } from '../store/deliveries-repo'
import type { AttemptWithBody, StoredBody } from '../store/log-files-repo'
import type { WebhookRecord } from '../store/webhooks-repo'
import type { ExportDeps, ExportOptions } from './export-ndjson'
import { exportPages } from './export-source'
import { encodeBody } from './format'

export interface HarDeps extends ExportDeps {
  webhook(id: number): Pick<WebhookRecord, 'format'> | undefined
  version: string
}

type NameValue = { name: string; value: string }
const pairs = (headers: Record<string, string>): NameValue[] => Object.keys(headers).map((name) => ({ name, value: headers[name] }))

function queryString(url: string): NameValue[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }))
  } catch {
    return []
  }
}

/**
 * The URL as a strict URI (devtools and HAR validators parse it): the `[redacted]` placeholder
 * in a path or query is percent-encoded. Brackets of an IPv6 host stay as they are.
 */
export function harUrl(url: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return url
  }
  const end = parsed.href.indexOf(parsed.host) + parsed.host.length
  return parsed.href.slice(0, end) + parsed.href.slice(end).replace(/\[/g, '%5B').replace(/\]/g, '%5D')
}

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name)
  return key === undefined ? undefined : headers[key]
}

/** HAR's `text` plus `encoding: "base64"` for bytes that are not UTF-8. */
function harText(bytes: Buffer | null): { text: string; encoding?: 'base64' } {
  const { body, body_encoding } = encodeBody(bytes)
  return body_encoding ? { text: body, encoding: body_encoding } : { text: body }
}

/**
 * One HAR 1.2 entry per attempt (what Chrome's devtools import): the request as it went over
 * the wire, its body (the event's body in the webhook's format), and the answer — or, when none
 * came back, status 0 with `_error` (Chrome's own convention for failed requests).
 */
export function harEntry(row: DeliveryRow, attempt: AttemptWithBody, requestBody: StoredBody | undefined, deps: Pick<ExportDeps, 'box'>, role: TokenRole) {
  const shown = presentAttempt(attempt, null, deps.box, role)
  const sent = requestBody?.body ?? Buffer.alloc(0)
  const received = attempt.response_body ?? Buffer.alloc(0)
  const answer = shown.response
  return {
    startedDateTime: attempt.started_on,
    time: attempt.duration_ms,
    request: {
      method: shown.request.method,
      url: harUrl(shown.request.url),
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: pairs(shown.request.headers),
      queryString: queryString(shown.request.url),
      postData: { mimeType: requestBody?.content_type ?? headerValue(shown.request.headers, 'content-type') ?? 'application/octet-stream', ...harText(sent) },
      headersSize: -1,
      bodySize: sent.length,
    },
    response: answer
      ? {
          status: answer.status,
          statusText: STATUS_CODES[answer.status] ?? '',
          httpVersion: 'HTTP/1.1',
          cookies: [],
          headers: pairs(answer.headers),
          content: {
            size: received.length,
            mimeType: headerValue(answer.headers, 'content-type') ?? 'x-unknown',
            ...harText(received),
            ...(answer.truncated ? { comment: 'Truncated: Hooklab keeps the first 64 KiB of an answer' } : {}),
          },
          redirectURL: headerValue(answer.headers, 'location') ?? '',
          headersSize: -1,
          bodySize: received.length,
        }
      : { status: 0, statusText: '', httpVersion: '', cookies: [], headers: [], content: { size: 0, mimeType: 'x-unknown' }, redirectURL: '', headersSize: -1, bodySize: -1, _error: shown.error?.message ?? '' },
    cache: {},
    // Hooklab measures the whole attempt only: all of it is counted as waiting.
    timings: { blocked: -1, dns: -1, connect: -1, ssl: -1, send: 0, wait: attempt.duration_ms, receive: 0 },
    _hooklab: { delivery_id: row.id, attempt: attempt.n, webhook_id: row.webhook_id, topic: row.topic, scheduled_for: attempt.scheduled_for, error: shown.error },
  }
}

/** HAR 1.2, streamed: the log's head, one entry per attempt (oldest delivery first), the tail. */
export async function* exportHar(deps: HarDeps, options: ExportOptions): AsyncGenerator<string> {
  const creator = { name: 'Hooklab', version: deps.version }
  const comment = `Hooklab deliveries matching ${JSON.stringify(options.filter)}`
  yield `{"log":{"version":"1.2","creator":${JSON.stringify(creator)},"comment":${JSON.stringify(comment)},"entries":[`
  const role: TokenRole = options.secrets ? 'admin' : 'read'
  let first = true
  for await (const page of exportPages(deps, options.filter, options.lastId)) {
    const out: string[] = []
    for (const row of page.deliveries) {
      const format = deps.webhook(row.webhook_id)?.format ?? 'json'
      const body = page.events.get(row.event_id)?.bodies.find((b) => b.format === format)
      for (const attempt of page.attempts.get(row.id) ?? []) {
        out.push((first ? '\n' : ',\n') + JSON.stringify(harEntry(row, attempt, body, deps, role)))
        first = false
      }
      if (options.progress) options.progress.deliveries++
    }
    if (out.length > 0) yield out.join('')
  }
  yield '\n]}}\n'
}
