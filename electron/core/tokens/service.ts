import { createHash, randomBytes as nodeRandomBytes, timingSafeEqual } from 'node:crypto'
import { notFound, type TokenCreated, type TokenInfo, type TokenRole } from '../contract'
import type { Db } from '../store/database'
import { isoSeconds } from '../time/format'
import type { Clock } from '../time/scheduler'

const hash = (value: string) => createHash('sha256').update(value).digest('hex')

/** Tokens look like `hl_<role>_<random>` so a leaked one is recognisable in logs and scanners. */
function makeValue(role: TokenRole, randomBytes: (n: number) => Buffer): string {
  return `hl_${role}_${randomBytes(24).toString('base64url')}`
}

/**
 * Admin API tokens: the data directory's own admin token (kept in a 0600 file by
 * the caller) plus tokens made later, stored as hashes and shown once.
 */
export class TokenService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly adminToken: () => string | null,
    private readonly randomBytes: (n: number) => Buffer = nodeRandomBytes,
  ) {}

  list(): TokenInfo[] {
    return this.db.prepare('SELECT id, role, name, created_on, last_used_on FROM tokens ORDER BY id').all() as TokenInfo[]
  }

  create(role: TokenRole, name?: string): TokenCreated {
    const value = makeValue(role, this.randomBytes)
    const created_on = isoSeconds(this.clock.now())
    const finalName = name?.trim() || `${role} token ${created_on}`
    const { lastInsertRowid } = this.db
      .prepare('INSERT INTO tokens (role, name, hash, created_on) VALUES (?, ?, ?, ?)')
      .run(role, finalName, hash(value), created_on)
    return { id: Number(lastInsertRowid), role, name: finalName, created_on, last_used_on: null, value }
  }

  delete(id: number): void {
    if (this.db.prepare('DELETE FROM tokens WHERE id = ?').run(id).changes === 0) throw notFound(`Token ${id}`)
  }

  /** The role a presented token grants, or null when it is unknown. */
  verify(value: string | undefined | null): TokenRole | null {
    if (!value) return null
    const admin = this.adminToken()
    if (admin && safeEqual(admin, value)) return 'admin'
    const row = this.db.prepare('SELECT id, role FROM tokens WHERE hash = ?').get(hash(value)) as { id: number; role: TokenRole } | undefined
    if (!row) return null
    // Every UI call passes through here: record use at most once a minute, not a write per request.
    const now = this.clock.now()
    this.db
      .prepare('UPDATE tokens SET last_used_on = ? WHERE id = ? AND (last_used_on IS NULL OR last_used_on < ?)')
      .run(isoSeconds(now), row.id, isoSeconds(now - 60_000))
    return row.role
  }
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}
