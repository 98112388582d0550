import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { TransportInfo } from '../core/contract'
import type { Core } from '../core/types'
import { createAdminApi } from './admin/router'
import { createEventsSocket } from './events-socket'
import { handleFiles } from './files'
import { Guard } from './guard'
import { BASE_HEADERS, sendJson, sendText } from './http-util'
import { clientOrigin, handleRpc } from './rpc'
import { serveStatic } from './static-files'

export interface ServeOptions {
  core: Core
  port: number
  /** Always loopback; a parameter only so tests can say it explicitly. */
  host?: '127.0.0.1'
  rendererDir: string
  /** How long close() lets requests in flight finish (DRAIN_CAP_MS); tests shorten it. */
  drainCapMs?: number
}

export interface RunningServer {
  url: string
  port: number
  close(): Promise<void>
}

/**
 * Any page URL carrying `token` (the link `serve` prints, a bookmark of /settings?token=…)
 * answers with a redirect to the same URL without it, so the token leaves the address bar
 * and the history; a valid admin token opens the session cookie on the way.
 */
function redirectWithoutToken(guard: Guard, url: URL, res: ServerResponse): void {
  const token = url.searchParams.get('token') ?? ''
  const cookie = guard.openSession(token)
  if (!cookie) return sendText(res, 401, 'This link carries an unknown or read-only token. Use the URL that `hooklab serve` printed.')
  // The other parameters are kept byte for byte (re-serialising would turn `?flag` into `?flag=`).
  const query = url.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && new URLSearchParams(pair).keys().next().value !== 'token')
    .join('&')
  // Relative to our own origin: the path is the request's own, so the redirect cannot leave the site.
  const location = url.pathname.replace(/^\/{2,}/, '/') + (query ? `?${query}` : '')
  res.writeHead(302, { ...BASE_HEADERS, 'Set-Cookie': cookie, Location: location })
  res.end()
}

/** The web transport: the renderer, the contract (/rpc, /events) and the Admin API on one loopback port. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const { core, rendererDir } = options
  const guard = new Guard((token) => core.verifyToken(token))
  const events = createEventsSocket(core)
  // Facts of this transport travel with each call (CallContext), never stored in the core.
  const transport = (): TransportInfo => ({ kind: 'web', admin_api_url: guard.port ? `http://127.0.0.1:${guard.port}/admin/` : null })
  const admin = createAdminApi(core, transport)

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    let url: URL
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1')
    } catch {
      return sendText(res, 400, 'Bad request: malformed URL')
    }
    const path = url.pathname
    const isApi = path.startsWith('/admin/') || path.startsWith('/rpc/') || path.startsWith('/files/')
    if (!guard.hostAllowed(req)) {
      const message = 'Forbidden: this server answers only to 127.0.0.1 and localhost on its own port'
      return isApi ? sendJson(res, 403, { errors: message }) : sendText(res, 403, message)
    }
    if (path.startsWith('/admin/')) return admin(req, res, url, guard.role(req, { allowCookie: false }))
    // The event log's files stream outside /rpc's body limit, behind the same gate (issue 9 item 5).
    if (path.startsWith('/rpc/') || path.startsWith('/files/')) {
      if (!guard.originAllowed(req)) return sendJson(res, 403, { ok: false, error: { code: 'forbidden', message: 'Foreign origin' } })
      const role = guard.role(req, { allowCookie: true })
      if (!role) return sendJson(res, 401, { ok: false, error: { code: 'unauthorized', message: 'Open the URL printed by `hooklab serve` (it carries the token), or send X-Hooklab-Access-Token' } })
      if (path.startsWith('/files/')) return handleFiles(core, path, req, res, url, { origin: clientOrigin(req), role, transport: transport() })
      return handleRpc(core, decodeURIComponent(path.slice('/rpc/'.length)), req, res, role, transport())
    }
    if (url.searchParams.has('token')) return redirectWithoutToken(guard, url, res)
    serveStatic(rendererDir, guard.port, req, res, path)
  }

  // Once close() starts, every answer not yet begun ends its connection, so keep-alive clients let go.
  let closing = false
  const unanswered = new Set<ServerResponse>()
  const startClosing = () => {
    closing = true
    for (const res of unanswered) if (!res.headersSent) res.setHeader('Connection', 'close')
  }
  const server = createServer((req, res) => {
    if (closing) res.setHeader('Connection', 'close')
    unanswered.add(res)
    res.once('close', () => unanswered.delete(res))
    handle(req, res).catch((err: unknown) => {
      if (err instanceof URIError) return sendText(res, 400, 'Bad request: malformed percent-encoding')
      console.error('hooklab: request failed:', err)
      if (res.headersSent) return void res.destroy()
      if (/^\/(rpc|files)\//.test(req.url ?? '')) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'Internal error' } })
      else sendJson(res, 500, { errors: 'Internal error' })
    })
  })
  server.on('upgrade', (req, socket, head) => {
    // Outside the request handler's catch: anything thrown here would end the process.
    try {
      if (closing) return void socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n')
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname
      if (path !== '/events' || !guard.hostAllowed(req) || !guard.originAllowed(req) || !guard.role(req, { allowCookie: true })) {
        socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n')
        return
      }
      events.upgrade(req, socket, head)
    } catch {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
    }
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  guard.port = port
  const url = `http://127.0.0.1:${port}`
  return { url, port, close: () => drain(server, events, options.drainCapMs ?? DRAIN_CAP_MS, startClosing) }
}

/** How long close() lets requests in flight finish before cutting their connections. */
export const DRAIN_CAP_MS = 5000

/**
 * Stops the server without dropping anyone (issue 6 §1.9): the listening socket closes
 * at once (new connections are refused), requests in flight run to their answer, which
 * then closes its connection; idle keep-alive connections close now and as requests
 * finish; WebSocket clients get a close frame. What is still open after the cap is cut.
 */
async function drain(server: Server, events: { close(): Promise<void> }, capMs: number, markClosing: () => void): Promise<void> {
  markClosing()
  const closed = new Promise<void>((resolve) => server.close(() => resolve()))
  server.closeIdleConnections()
  // A request that finishes leaves its socket idle; sweep those until everything is gone.
  const sweep = setInterval(() => server.closeIdleConnections(), 50)
  const cap = setTimeout(() => server.closeAllConnections(), capMs)
  try {
    await Promise.all([closed, events.close()])
  } finally {
    clearInterval(sweep)
    clearTimeout(cap)
  }
}
