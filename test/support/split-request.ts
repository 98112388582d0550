import { connect } from 'node:net'

export interface SplitAnswer {
  /** 0 when no status line arrived. */
  status: number
  headers: Record<string, string>
  body: string
  /** The whole answer arrived: a status line, and a body of its Content-Length. */
  complete: boolean
  /** The socket error, if the connection broke (ECONNRESET …). */
  error: string | null
}

export interface SplitRequest {
  /** Resolves once the head and the first part of the body are written. */
  started: Promise<void>
  /** Sends the rest of the body. */
  finish(): void
  answer: Promise<SplitAnswer>
}

/**
 * One HTTP/1.1 request over a raw socket whose body is sent in two parts, so a test can
 * hold it "in flight" (headers read by the server, body not yet complete) for as long as
 * it likes — e.g. across a SIGTERM.
 */
export function splitRequest(port: number, options: { method: string; path: string; headers: Record<string, string>; body: string }): SplitRequest {
  const body = Buffer.from(options.body)
  const half = Math.floor(body.length / 2)
  const socket = connect({ host: '127.0.0.1', port })
  const head =
    `${options.method} ${options.path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Length: ${body.length}\r\n` +
    Object.entries(options.headers)
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('') +
    '\r\n'
  const started = new Promise<void>((resolve, reject) => {
    socket.once('connect', () => socket.write(Buffer.concat([Buffer.from(head), body.subarray(0, half)]), () => resolve()))
    socket.once('error', reject)
  })
  const answer = new Promise<SplitAnswer>((resolve) => {
    const chunks: Buffer[] = []
    let error: string | null = null
    socket.on('data', (c: Buffer) => chunks.push(c))
    socket.on('error', (err: NodeJS.ErrnoException) => (error = err.code ?? err.message))
    socket.on('close', () => resolve(parse(Buffer.concat(chunks).toString('utf8'), error)))
  })
  return {
    started,
    finish: () => {
      if (!socket.destroyed) socket.write(body.subarray(half))
    },
    answer,
  }
}

function parse(text: string, error: string | null): SplitAnswer {
  const end = text.indexOf('\r\n\r\n')
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0)
  if (end < 0) return { status, headers: {}, body: '', complete: false, error }
  const headers: Record<string, string> = {}
  for (const line of text.slice(0, end).split('\r\n').slice(1)) {
    const colon = line.indexOf(':')
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
  }
  const body = text.slice(end + 4)
  const complete = status > 0 && Buffer.byteLength(body) === Number(headers['content-length'])
  return { status, headers, body, complete, error }
}
