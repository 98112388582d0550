import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { TransportInfo } from '../core/contract'
import type { Core } from '../core/types'
import { createAdminApi } from './admin/router'
import { createEventsSocket } from './events-socket'
import { Guard } from './guard'
import { BASE_HEADERS, sendJson, sendText } from './http-util'
import { handleRpc } from './rpc'
import { serveStatic } from './static-files'

export interface ServeOptions {
  core: Core
  port: number
  /** Always loopback; a parameter only so tests can say it explicitly. */
  host?: '127.0.0.1'
  rendererDir: string
}

export interface RunningServer {
  url: string
  port: number
  close(): Promise<void>
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
    const isApi = path.startsWith('/admin/') || path.startsWith('/rpc/')
    if (!guard.hostAllowed(req)) {
      const message = 'Forbidden: this server answers only to 127.0.0.1 and localhost on its own port'
      return isApi ? sendJson(res, 403, { errors: message }) : sendText(res, 403, message)
    }
    if (path.startsWith('/admin/')) return admin(req, res, url, guard.role(req, { allowCookie: false }))
    if (path.startsWith('/rpc/')) {
      if (!guard.originAllowed(req)) return sendJson(res, 403, { ok: false, error: { code: 'forbidden', message: 'Foreign origin' } })
      const role = guard.role(req, { allowCookie: true })
      if (!role) return sendJson(res, 401, { ok: false, error: { code: 'unauthorized', message: 'Open the URL printed by `hooklab serve` (it carries the token), or send X-Hooklab-Access-Token' } })
      return handleRpc(core, decodeURIComponent(path.slice('/rpc/'.length)), req, res, role, transport())
    }
    const token = url.searchParams.get('token')
    if (path === '/' && token !== null) {
      const cookie = guard.openSession(token)
      if (!cookie) return sendText(res, 401, 'This link carries an unknown or read-only token. Use the URL that `hooklab serve` printed.')
      // Drop the token from the address bar (and from history) once the cookie holds the session.
      res.writeHead(302, { ...BASE_HEADERS, 'Set-Cookie': cookie, Location: '/' })
      return void res.end()
    }
    serveStatic(rendererDir, guard.port, req, res, path)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (err instanceof URIError) return sendText(res, 400, 'Bad request: malformed percent-encoding')
      console.error('hooklab: request failed:', err)
      if (res.headersSent) return void res.destroy()
      if ((req.url ?? '').startsWith('/rpc/')) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'Internal error' } })
      else sendJson(res, 500, { errors: 'Internal error' })
    })
  })
  server.on('upgrade', (req, socket, head) => {
    // Outside the request handler's catch: anything thrown here would end the process.
    try {
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
  return {
    url,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        events.close()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
