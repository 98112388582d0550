import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { performance } from 'node:perf_hooks'

/**
 * A capturing HTTP receiver on 127.0.0.1 for tests and benches: it records every request as
 * it arrived (raw header pairs and raw body bytes, so duplicated headers and exact signatures
 * can be checked), answers as told, and measures what the sender's caps promise at the
 * receiver: how many requests were in flight at once, and when each arrived.
 */
export interface ReceivedRequest {
  /** 0-based order of arrival (of the request head). */
  index: number
  method: string
  url: string
  /** Node's parsed view: names lower-cased, duplicates joined. */
  headers: IncomingHttpHeaders
  /** As sent on the wire, in order, duplicates kept: [name, value] pairs. */
  rawHeaders: Array<[string, string]>
  /** Raw body bytes (empty when the receiver was told not to keep bodies). */
  body: Buffer
  bodyBytes: number
  /** Epoch milliseconds with sub-millisecond precision: head arrived, body complete. */
  receivedAt: number
  completedAt: number
  /** Which connection carried it (1-based, in order of connection): shows keep-alive reuse. */
  connection: number
  /** The body as UTF-8 text. */
  text(): string
  /** The first value of a header, case-insensitive. */
  header(name: string): string | undefined
}

export interface Reply {
  status?: number
  headers?: Record<string, string | string[]>
  body?: string | Buffer
  /** Hold the reply this long: makes concurrency observable and tests timeouts. */
  delayMs?: number
}

export interface ReceiverOptions {
  /** The reply for every request (default 200, empty body), or a function of the request. */
  reply?: Reply | ((req: ReceivedRequest) => Reply | Promise<Reply>)
  /** Replies used in order, one per request, before `reply` takes over. */
  replies?: Reply[]
  /** Keep raw bodies (default true). Benches turn it off to keep memory flat. */
  keepBodies?: boolean
  /** At most this many requests are kept in `requests` (default 100,000); all are counted. */
  maxRecorded?: number
  /** The receiver closes itself after this long (default 10 minutes), so a leaked one ends. */
  lifetimeMs?: number
}

export interface Receiver {
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  url: string
  port: number
  requests: ReceivedRequest[]
  /** Every request seen, including those beyond maxRecorded. */
  readonly count: number
  readonly inFlight: number
  /** The most requests ever in flight at once (head arrived, reply not yet finished). */
  readonly maxInFlight: number
  /** Distinct TCP connections accepted. */
  readonly connections: number
  /** Resolves with the recorded requests once `n` have fully arrived; rejects after timeoutMs. */
  waitFor(n: number, timeoutMs?: number): Promise<ReceivedRequest[]>
  /** Forget what was recorded and the counters (the server keeps running). */
  reset(): void
  close(): Promise<void>
}

const now = (): number => performance.timeOrigin + performance.now()

export async function startReceiver(options: ReceiverOptions = {}): Promise<Receiver> {
  const keepBodies = options.keepBodies ?? true
  const maxRecorded = options.maxRecorded ?? 100_000
  const queue = [...(options.replies ?? [])]
  const requests: ReceivedRequest[] = []
  const sockets = new Set<Socket>()
  const socketIds = new WeakMap<Socket, number>()
  let count = 0
  let inFlight = 0
  let maxInFlight = 0
  let connections = 0
  let arrived = 0
  let waiters: Array<{ n: number; resolve: () => void }> = []

  const replyFor = async (req: ReceivedRequest): Promise<Reply> => {
    const queued = queue.shift()
    if (queued) return queued
    const r = options.reply
    return typeof r === 'function' ? r(req) : (r ?? {})
  }

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const receivedAt = now()
    const index = arrived++
    inFlight++
    maxInFlight = Math.max(maxInFlight, inFlight)
    // 'close' fires once whether the reply finished or the client went away.
    res.once('close', () => inFlight--)
    const chunks: Buffer[] = []
    let bodyBytes = 0
    req.on('data', (c: Buffer) => {
      bodyBytes += c.length
      if (keepBodies) chunks.push(c)
    })
    req.on('end', () => {
      const rawHeaders: Array<[string, string]> = []
      for (let i = 0; i < req.rawHeaders.length; i += 2) rawHeaders.push([req.rawHeaders[i], req.rawHeaders[i + 1]])
      const body = Buffer.concat(chunks)
      const record: ReceivedRequest = {
        index,
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        rawHeaders,
        body,
        bodyBytes,
        receivedAt,
        completedAt: now(),
        connection: socketIds.get(req.socket) ?? 0,
        text: () => body.toString('utf8'),
        header: (name) => {
          const v = req.headers[name.toLowerCase()]
          return Array.isArray(v) ? v[0] : v
        },
      }
      count++
      if (requests.length < maxRecorded) requests.push(record)
      // Waiters wake once the request is recorded, before the (possibly delayed) reply.
      const ready = waiters.filter((w) => count >= w.n)
      waiters = waiters.filter((w) => count < w.n)
      for (const w of ready) w.resolve()
      void replyFor(record)
        .then(async (reply) => {
          if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs))
          if (res.destroyed) return
          const body = reply.body ?? ''
          res.writeHead(reply.status ?? 200, { 'content-length': String(Buffer.byteLength(body)), ...reply.headers })
          res.end(body)
        })
        .catch((err: unknown) => {
          if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' })
          res.end(`receiver reply failed: ${String(err)}`)
        })
    })
  }

  const server = createServer({ keepAlive: true }, handle)
  // Senders pool connections; a long keep-alive lets a bench reuse them instead of reconnecting.
  server.keepAliveTimeout = 60_000
  server.headersTimeout = 65_000
  server.on('connection', (socket: Socket) => {
    connections++
    socketIds.set(socket, connections)
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port

  let closed: Promise<void> | null = null
  const close = (): Promise<void> => {
    closed ??= new Promise<void>((resolve) => {
      clearTimeout(lifetime)
      server.close(() => resolve())
      for (const s of sockets) s.destroy()
    })
    return closed
  }
  const lifetime = setTimeout(() => void close(), options.lifetimeMs ?? 600_000)
  lifetime.unref()

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    get count() {
      return count
    },
    get inFlight() {
      return inFlight
    },
    get maxInFlight() {
      return maxInFlight
    },
    get connections() {
      return connections
    },
    waitFor(n, timeoutMs = 5_000) {
      if (count >= n) return Promise.resolve(requests)
      return new Promise<ReceivedRequest[]>((resolve, reject) => {
        const waiter = { n, resolve: () => (clearTimeout(timer), resolve(requests)) }
        const timer = setTimeout(() => {
          waiters = waiters.filter((w) => w !== waiter)
          reject(new Error(`receiver: ${count} of ${n} requests arrived within ${timeoutMs} ms`))
        }, timeoutMs)
        waiters.push(waiter)
      })
    },
    reset() {
      requests.length = 0
      count = arrived = 0
      maxInFlight = inFlight
    },
    close,
  }
}
