import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Received {
  method: string
  path: string
  headers: IncomingHttpHeaders
  body: string
}

/** A webhook receiver on this machine: e2e tests never address anything off it (issue 6, 2.9). */
export interface Receiver {
  /** http://127.0.0.1:P */
  origin: string
  /** `origin` + path, e.g. url('/hooks/sapo'). */
  url(path?: string): string
  /** Requests received so far, oldest first. */
  received: Received[]
  close(): Promise<void>
}

/** What a receiver answers; the default is 200 `{}`. */
export interface Answer {
  status: number
  headers?: Record<string, string>
  body: string
}

/**
 * Answers every request (200 `{}` unless `answer` says otherwise) and remembers it.
 * Port 0: the OS picks a free one.
 */
export async function startReceiver(answer: (req: Received) => Answer | Promise<Answer> = () => ({ status: 200, body: '{}' })): Promise<Receiver> {
  const received: Received[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', async () => {
      const got: Received = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') }
      received.push(got)
      const out = await answer(got)
      res.writeHead(out.status, { 'Content-Type': 'application/json', ...out.headers }).end(out.body)
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    origin,
    url: (path = '/') => `${origin}${path.startsWith('/') ? path : `/${path}`}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
