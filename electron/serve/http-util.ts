import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ErrorCode } from '../core/contract'

export const MAX_BODY_BYTES = 5 * 1024 * 1024

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body?: unknown,
  ) {
    super(message)
  }
}

/** Reads a request body, refusing more than `limit` bytes with 413 before buffering it all. */
export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > limit) throw new HttpError(413, `Request body is over ${limit} bytes`)
  const chunks: Buffer[] = []
  let size = 0
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length
      if (size > limit) throw new HttpError(413, `Request body is over ${limit} bytes`)
      chunks.push(chunk)
    }
  } catch (err) {
    if (err instanceof HttpError) throw err
    // The client went away (or shutdown cut it) mid-body: its fault, not a 500 worth logging.
    throw new HttpError(400, 'The request ended before its body did')
  }
  return Buffer.concat(chunks)
}

/** Headers every answer carries; no CORS headers, ever (DESIGN "Security shape"). */
export const BASE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { ...BASE_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers })
  res.end(text)
}

export function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...BASE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers })
  res.end(text)
}

export const STATUS_OF: Record<ErrorCode, number> = {
  invalid_input: 422,
  not_found: 404,
  conflict: 409,
  unauthorized: 401,
  forbidden: 403,
  unknown_procedure: 404,
  unavailable: 503,
  internal: 500,
}

export function parseCookies(header: string | undefined): Record<string, string> {
  // Cookie names come from the browser's jar, shared with other apps on 127.0.0.1.
  const cookies: Record<string, string> = Object.create(null)
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=')
    if (eq <= 0) continue
    const raw = part.slice(eq + 1).trim()
    // Other apps on 127.0.0.1 share our cookie jar (cookies ignore ports): their values may not decode.
    try {
      cookies[part.slice(0, eq).trim()] = decodeURIComponent(raw)
    } catch {
      cookies[part.slice(0, eq).trim()] = raw
    }
  }
  return cookies
}
