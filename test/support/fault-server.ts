import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createServer as createTlsServer } from 'node:https'
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net'

/**
 * A misbehaving receiver on 127.0.0.1, one path per fault the delivery engine must classify
 * and survive (issue 8, "Bad input and faults"). Plain HTTP and TLS serve the same paths:
 *
 * - `/status/:code` answers that status. `?retry_after=N` adds Retry-After (for 429/503),
 *   `?location=` sets Location (3xx default: `/status/200`), `?delay_ms=` holds the reply.
 * - `/hang` reads the request and never answers (the socket stays open until close()).
 * - `/reset-mid-body` sends the head and 1 KiB of a promised 1 MiB, then resets the TCP
 *   connection.
 * - `/huge` streams `?bytes=` (default 50 MiB) with a Content-Length, honouring backpressure.
 * - `/dribble` sends its reply body one byte every `?interval_ms=` (default 200 ms),
 *   `?bytes=` long (default 64).
 * - `/redirect-loop` answers 302 with Location pointing at itself.
 * - `/tls` answers 200: on `tlsUrl` it sits behind a self-signed certificate.
 * - refusedUrl(): a port that was bound then closed, so connecting is refused.
 *
 * Bounded: capped connections, no request bodies kept, and it closes itself after lifetimeMs.
 */
export interface FaultServer {
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  url: string
  /** `https://127.0.0.1:<port>`: the same paths behind the self-signed certificate. */
  tlsUrl: string
  /** The self-signed certificate (PEM), for clients that choose to trust it. */
  certificate: string
  /** Requests per path (without the query). */
  hits: Map<string, number>
  /** A URL on 127.0.0.1 whose port refuses connections. */
  refusedUrl(): Promise<string>
  close(): Promise<void>
}

export interface FaultServerOptions {
  /** Closes itself after this long (default 10 minutes), so a leaked server ends. */
  lifetimeMs?: number
}

const FIXTURES = new URL('./fixtures/', import.meta.url)
const HUGE_DEFAULT = 50 * 1024 * 1024
const CHUNK = Buffer.alloc(64 * 1024, 'x')

export async function startFaultServer(options: FaultServerOptions = {}): Promise<FaultServer> {
  const certificate = readFileSync(new URL('self-signed.cert.pem', FIXTURES), 'utf8')
  const key = readFileSync(new URL('self-signed.key.pem', FIXTURES), 'utf8')
  const hits = new Map<string, number>()
  const sockets = new Set<Socket>()
  const timers = new Set<NodeJS.Timeout>()
  let closing = false

  const handle = (origin: () => string) => (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    hits.set(url.pathname, (hits.get(url.pathname) ?? 0) + 1)
    // Drain the request body, so a sender's large POST never stalls on a full socket buffer.
    req.resume()
    const q = (name: string, fallback: number): number => {
      const v = Number(url.searchParams.get(name))
      return url.searchParams.has(name) && Number.isFinite(v) && v >= 0 ? v : fallback
    }
    const status = /^\/status\/(\d{3})$/.exec(url.pathname)
    if (status) return void later(q('delay_ms', 0), () => answerStatus(res, Number(status[1]), url))
    switch (url.pathname) {
      case '/hang':
        return
      case '/reset-mid-body':
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(1024 * 1024) })
        res.write(CHUNK.subarray(0, 1024), () => setImmediate(() => reset(req.socket)))
        return
      case '/huge':
        return void stream(res, q('bytes', HUGE_DEFAULT))
      case '/dribble':
        return dribble(res, q('bytes', 64), q('interval_ms', 200))
      case '/redirect-loop':
        res.writeHead(302, { location: `${origin()}/redirect-loop`, 'content-length': '0' }).end()
        return
      case '/tls':
      case '/ok':
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok')
        return
      default:
        res.writeHead(404, { 'content-type': 'text/plain' }).end('no such fault')
    }
  }

  function later(ms: number, fn: () => void): void {
    if (!ms) return fn()
    const t = setTimeout(() => (timers.delete(t), fn()), ms)
    timers.add(t)
  }

  function answerStatus(res: ServerResponse, code: number, url: URL): void {
    if (res.destroyed) return
    const headers: Record<string, string> = { 'content-type': 'application/json' }
    const retryAfter = url.searchParams.get('retry_after')
    if (retryAfter !== null) headers['retry-after'] = retryAfter
    if (code >= 300 && code < 400) headers.location = url.searchParams.get('location') ?? '/status/200'
    const body = code === 204 || code === 304 ? '' : JSON.stringify({ status: code })
    res.writeHead(code, { ...headers, 'content-length': String(Buffer.byteLength(body)) }).end(body)
  }

  async function stream(res: ServerResponse, bytes: number): Promise<void> {
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(bytes) })
    let left = bytes
    while (left > 0 && !res.destroyed) {
      const n = Math.min(left, CHUNK.length)
      left -= n
      // Backpressure: wait for the client to read, so a slow reader never fills memory.
      if (!res.write(n === CHUNK.length ? CHUNK : CHUNK.subarray(0, n))) {
        await new Promise<void>((resolve) => {
          const done = (): void => {
            res.off('drain', done)
            res.off('close', done)
            resolve()
          }
          res.on('drain', done)
          res.on('close', done)
        })
      }
    }
    if (!res.destroyed) res.end()
  }

  function dribble(res: ServerResponse, bytes: number, intervalMs: number): void {
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(bytes) })
    res.flushHeaders()
    let sent = 0
    const tick = setInterval(() => {
      if (res.destroyed || sent >= bytes) {
        clearInterval(tick)
        timers.delete(tick)
        if (!res.destroyed) res.end()
        return
      }
      res.write('.')
      sent++
    }, intervalMs)
    timers.add(tick)
  }

  const track = (server: Server | ReturnType<typeof createTlsServer>): void => {
    server.maxConnections = 256
    // A TLS server sees its raw TCP sockets on 'connection', so close() can end hung handshakes too.
    server.on('connection', (socket: Socket) => {
      sockets.add(socket)
      socket.once('close', () => sockets.delete(socket))
    })
  }

  let httpOrigin = ''
  let tlsOrigin = ''
  const http = createServer(handle(() => httpOrigin))
  const tls = createTlsServer({ key, cert: certificate }, handle(() => tlsOrigin))
  track(http)
  track(tls)
  await Promise.all([listen(http), listen(tls)])
  httpOrigin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`
  tlsOrigin = `https://127.0.0.1:${(tls.address() as AddressInfo).port}`

  let closed: Promise<void> | null = null
  const close = (): Promise<void> => {
    closed ??= (async () => {
      closing = true
      clearTimeout(lifetime)
      for (const t of timers) clearTimeout(t)
      timers.clear()
      const done = Promise.all([http, tls].map((s) => new Promise<void>((resolve) => s.close(() => resolve()))))
      for (const s of sockets) s.destroy()
      await done
    })()
    return closed
  }
  const lifetime = setTimeout(() => void close(), options.lifetimeMs ?? 600_000)
  lifetime.unref()

  return {
    url: httpOrigin,
    tlsUrl: tlsOrigin,
    certificate,
    hits,
    async refusedUrl() {
      if (closing) throw new Error('fault server closed')
      // Bound then closed: nothing listens there, so the kernel refuses (ECONNREFUSED).
      const probe = createNetServer()
      await listen(probe)
      const port = (probe.address() as AddressInfo).port
      await new Promise<void>((resolve) => probe.close(() => resolve()))
      return `http://127.0.0.1:${port}/`
    },
    close,
  }
}

function listen(server: { listen(port: number, host: string, cb: () => void): unknown; once(e: 'error', cb: (err: Error) => void): unknown }): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
}

/** A TCP RST where the handle allows it (plain TCP); a TLS socket can only be destroyed. */
function reset(socket: Socket): void {
  try {
    socket.resetAndDestroy()
  } catch {
    socket.destroy()
  }
}
