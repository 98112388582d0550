import { request as httpRequest } from 'node:http'
import { ensureAdminToken } from '../../electron/core/data-dir/admin-token'
import type { Scheduler } from '../../electron/core/types'
import { startServer } from '../../electron/serve/server'
import { testCore } from './core'
import { tempDir } from './temp-dir'

/** Which of the three accepted headers carries the token. */
export type TokenHeader = 'hooklab' | 'sapo' | 'bearer'

export interface ApiOptions {
  /** An object or array is sent as JSON; a string or Buffer as it is. */
  body?: unknown
  /** The token to send; null sends none. Defaults to the data directory's admin token. */
  token?: string | null
  via?: TokenHeader
  /** Content-Type; null sends none. Defaults to application/json when there is a body. */
  contentType?: string | null
  headers?: Record<string, string>
}

/** Answers are read loosely in tests (`res.json.webhook.id`); the assertions check the shapes. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any

export interface ApiAnswer {
  status: number
  headers: Headers
  text: string
  /** The parsed body (undefined when it is not JSON). */
  json: Json
}

function tokenHeader(token: string, via: TokenHeader): Record<string, string> {
  if (via === 'sapo') return { 'X-Sapo-Access-Token': token }
  if (via === 'bearer') return { Authorization: `Bearer ${token}` }
  return { 'X-Hooklab-Access-Token': token }
}

/**
 * `hooklab serve` as tests see it: a real core on a temp data directory, the real HTTP
 * server on a free loopback port, and the data directory's admin token. Nothing leaves
 * the machine.
 */
export async function adminServer(options: { clock?: Scheduler; dataDir?: string } = {}) {
  const t = testCore({ clock: options.clock, dataDir: options.dataDir })
  const adminToken = ensureAdminToken(t.dataDir)
  const renderer = tempDir('hooklab-renderer-')
  const server = await startServer({ core: t.core, port: 0, rendererDir: renderer.path })

  async function api(method: string, path: string, opts: ApiOptions = {}): Promise<ApiAnswer> {
    const headers: Record<string, string> = { ...opts.headers }
    const token = opts.token === undefined ? adminToken : opts.token
    if (token !== null) Object.assign(headers, tokenHeader(token, opts.via ?? 'hooklab'))
    let body: Uint8Array<ArrayBuffer> | undefined
    if (opts.body !== undefined) {
      // A byte body keeps fetch from adding a Content-Type of its own.
      body = new Uint8Array(Buffer.isBuffer(opts.body) ? opts.body : Buffer.from(typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body)))
      const type = opts.contentType === undefined ? 'application/json' : opts.contentType
      if (type !== null) headers['Content-Type'] = type
    }
    const res = await fetch(server.url + path, { method, headers, body })
    const text = await res.text()
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      json = undefined
    }
    return { status: res.status, headers: res.headers, text, json }
  }

  /** A request through node:http, which (unlike fetch) may send any Host header. */
  function raw(method: string, path: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: server.port, method, path, headers }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }))
      })
      req.on('error', reject)
      req.end()
    })
  }

  return {
    core: t.core,
    call: t.call,
    dataDir: t.dataDir,
    url: server.url,
    port: server.port,
    adminToken,
    api,
    raw,
    async close() {
      await server.close()
      await t.close()
      renderer.cleanup()
    },
  }
}

export type AdminServer = Awaited<ReturnType<typeof adminServer>>
