import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const ADMIN_TOKEN_FILE = 'admin.token'
const TOKEN_SHAPE = /^[A-Za-z0-9._~+/=-]{16,256}$/

export class AdminTokenError extends Error {
  override name = 'AdminTokenError'
}

/**
 * The data directory's admin token, kept in a 0600 file. `replacement` (from
 * `serve --admin-token T`) becomes the new token; otherwise the kept one is used,
 * or a new one is generated.
 */
export function ensureAdminToken(dataDir: string, replacement?: string): string {
  const file = join(dataDir, ADMIN_TOKEN_FILE)
  if (replacement !== undefined) {
    if (!TOKEN_SHAPE.test(replacement)) throw new AdminTokenError('--admin-token must be 16–256 characters of letters, digits and ._~+/=-')
    writeFileSync(file, replacement + '\n', { mode: 0o600 })
    chmodSync(file, 0o600)
    return replacement
  }
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim()
    if (TOKEN_SHAPE.test(kept)) return kept
  }
  const token = `hl_admin_${randomBytes(24).toString('base64url')}`
  writeFileSync(file, token + '\n', { mode: 0o600 })
  chmodSync(file, 0o600)
  return token
}

export function readAdminToken(dataDir: string): string | null {
  const file = join(dataDir, ADMIN_TOKEN_FILE)
  if (!existsSync(file)) return null
  const kept = readFileSync(file, 'utf8').trim()
  return TOKEN_SHAPE.test(kept) ? kept : null
}
