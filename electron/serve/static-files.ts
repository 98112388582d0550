import { createReadStream, existsSync, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import { contentSecurityPolicy } from '../core/security/csp'
import { BASE_HEADERS, sendText } from './http-util'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
}

/** Serves the built renderer; unknown paths fall back to index.html (one-page app). */
export function serveStatic(rendererDir: string, port: number, req: IncomingMessage, res: ServerResponse, pathname: string, extraHeaders: Record<string, string> = {}): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' })
  let file = normalize(join(rendererDir, decodeURIComponent(pathname)))
  if (!file.startsWith(rendererDir + sep) && file !== rendererDir) return sendText(res, 404, 'Not found')
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(rendererDir, 'index.html')
  if (!existsSync(file)) return sendText(res, 503, 'The renderer is not built. Run `npm run build`.')
  const isAsset = file.includes(`${sep}assets${sep}`)
  res.writeHead(200, {
    ...BASE_HEADERS,
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Length': statSync(file).size,
    // Hashed asset names never change content; index.html must always be fresh.
    'Cache-Control': isAsset ? 'public, max-age=31536000, immutable' : 'no-store',
    'Content-Security-Policy': contentSecurityPolicy({ kind: 'web', port }),
    'X-Frame-Options': 'DENY',
    ...extraHeaders,
  })
  if (req.method === 'HEAD') return void res.end()
  // A file removed between stat and read (a rebuild while serving) must not end the process.
  createReadStream(file).on('error', () => res.destroy()).pipe(res)
}
