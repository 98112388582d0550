import { Agent, type Dispatcher } from 'undici'
import type { ErrorClass } from '../contract/delivery-schemas'
import { classifyError } from './classify'

/** Response bodies are kept up to this many bytes (issue 8 "Sender"); the rest is cut and marked. */
export const RESPONSE_BODY_CAP = 64 * 1024

export interface OutgoingRequest {
  url: string
  headers: Record<string, string>
  body: Buffer
  timeoutMs: number
  connectTimeoutMs: number
  acceptSelfSigned: boolean
}

export interface SendResult {
  durationMs: number
  response: { status: number; headers: Record<string, string>; body: Buffer; truncated: boolean } | null
  error: { class: ErrorClass; message: string } | null
}

export type DispatcherFor = (options: { connectTimeoutMs: number; acceptSelfSigned: boolean }) => Dispatcher

/**
 * Keep-alive pools, one agent per (connect timeout, TLS policy): undici pools per origin
 * inside each agent, so every webhook's receiver keeps its connections warm.
 */
export function agentPool(): { dispatcherFor: DispatcherFor; close(): Promise<void> } {
  const agents = new Map<string, Agent>()
  return {
    dispatcherFor: ({ connectTimeoutMs, acceptSelfSigned }) => {
      const key = `${connectTimeoutMs}:${acceptSelfSigned}`
      let agent = agents.get(key)
      if (!agent) {
        agent = new Agent({
          connect: { timeout: connectTimeoutMs, rejectUnauthorized: !acceptSelfSigned },
          keepAliveTimeout: 30_000,
          connections: 128,
        })
        agents.set(key, agent)
      }
      return agent
    },
    close: async () => {
      await Promise.all([...agents.values()].map((a) => a.close().catch(() => {})))
      agents.clear()
    },
  }
}

/**
 * One HTTP attempt. The whole attempt, body included, is cut at `timeoutMs` (a receiver
 * dribbling its reply byte by byte does not hold a slot for ever); redirects are not
 * followed; what failed is classified. Never throws.
 */
export async function send(dispatcher: Dispatcher, req: OutgoingRequest, now: () => number = Date.now): Promise<SendResult> {
  const started = now()
  const signal = AbortSignal.timeout(req.timeoutMs)
  try {
    const url = new URL(req.url)
    const res = await dispatcher.request({
      origin: url.origin,
      path: `${url.pathname}${url.search}`,
      method: 'POST',
      headers: req.headers,
      body: req.body,
      signal,
      headersTimeout: req.timeoutMs,
      bodyTimeout: req.timeoutMs,
    })
    const { body, truncated } = await readCapped(res.body, signal)
    const headers = flattenHeaders(res.headers)
    const durationMs = now() - started
    const response = { status: res.statusCode, headers, body, truncated }
    if (res.statusCode >= 300 && res.statusCode < 400) {
      const location = headers.location ?? '(no Location)'
      return { durationMs, response, error: { class: 'redirect', message: `${res.statusCode} redirect to ${location} (not followed)` } }
    }
    if (res.statusCode < 200 || res.statusCode >= 300) return { durationMs, response, error: { class: 'http', message: `HTTP ${res.statusCode}` } }
    return { durationMs, response, error: null }
  } catch (err) {
    const error = signal.aborted ? { class: 'timeout' as const, message: `No complete answer within ${req.timeoutMs} ms` } : classifyError(err)
    return { durationMs: now() - started, response: null, error }
  }
}

async function readCapped(body: Dispatcher.ResponseData['body'], signal: AbortSignal): Promise<{ body: Buffer; truncated: boolean }> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of body as AsyncIterable<Buffer>) {
    if (signal.aborted) throw signal.reason
    if (size + chunk.length > RESPONSE_BODY_CAP) {
      chunks.push(chunk.subarray(0, RESPONSE_BODY_CAP - size))
      // Enough: the rest is neither read nor kept (a 50 MiB answer costs 64 KiB).
      body.destroy()
      return { body: Buffer.concat(chunks), truncated: true }
    }
    chunks.push(chunk)
    size += chunk.length
  }
  return { body: Buffer.concat(chunks), truncated: false }
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = Object.create(null)
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue
    out[name] = Array.isArray(value) ? value.join(', ') : value
  }
  return { ...out }
}
