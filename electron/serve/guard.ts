import { randomBytes } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { TokenRole } from '../core/contract'
import { parseCookies } from './http-util'

/** A browser restart keeps the session (issue 6 §3); revoking the admin token still ends it. */
export const SESSION_MAX_AGE_S = 30 * 24 * 60 * 60

/**
 * The one gate of the web transport (DESIGN rule 3): Host, Origin, token and
 * session cookie are checked here and nowhere else.
 */
export class Guard {
  /** Session id → the admin token that opened it: revoking the token ends its sessions. */
  private readonly sessions = new Map<string, string>()
  /** Set once the server listens (port 0 picks one). */
  port = 0

  constructor(private readonly verifyToken: (value: string) => TokenRole | null) {}

  /** Cookies are not isolated by port: two instances on one host need distinct names. */
  get cookieName(): string {
    return `hooklab_session_${this.port}`
  }

  private allowedHosts(): string[] {
    return [`127.0.0.1:${this.port}`, `localhost:${this.port}`]
  }

  /** DNS rebinding defence: only our loopback name and port are accepted. */
  hostAllowed(req: IncomingMessage): boolean {
    const host = (req.headers.host ?? '').toLowerCase()
    return this.allowedHosts().includes(host)
  }

  /** A browser request from another site carries its Origin; only our own is accepted. */
  originAllowed(req: IncomingMessage): boolean {
    const origin = req.headers.origin
    if (origin === undefined) return true
    return this.allowedHosts().some((host) => origin === `http://${host}`)
  }

  /** The token presented in one of the accepted headers (Hooklab's, Sapo's, or Bearer). */
  presentedToken(req: IncomingMessage): string | null {
    const header = (name: string) => {
      const value = req.headers[name]
      return typeof value === 'string' && value.trim() ? value.trim() : null
    }
    const bearer = header('authorization')?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim()
    return header('x-hooklab-access-token') ?? header('x-sapo-access-token') ?? bearer ?? null
  }

  /** The role of the caller: a valid token, or (when allowed) the UI's session cookie, which is admin. */
  role(req: IncomingMessage, { allowCookie }: { allowCookie: boolean }): TokenRole | null {
    const token = this.presentedToken(req)
    if (token !== null) return this.verifyToken(token)
    if (allowCookie) {
      const session = parseCookies(req.headers.cookie)[this.cookieName]
      const token = session ? this.sessions.get(session) : undefined
      if (token !== undefined) {
        if (this.verifyToken(token) === 'admin') return 'admin'
        this.sessions.delete(session!)
      }
    }
    return null
  }

  /** Opens a UI session for a valid admin token; returns the Set-Cookie value. */
  openSession(token: string): string | null {
    if (this.verifyToken(token) !== 'admin') return null
    const id = randomBytes(32).toString('base64url')
    this.sessions.set(id, token)
    return `${this.cookieName}=${id}; Max-Age=${SESSION_MAX_AGE_S}; HttpOnly; SameSite=Strict; Path=/`
  }
}
