import { existsSync, linkSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const OWNER_FILE = 'owner.json'
export const LOCK_FILE = 'owner.lock'

export interface OwnerInfo {
  pid: number
  port: number | null
  kind: 'desktop' | 'serve'
  started_on: string
}

export class DataDirBusyError extends Error {
  override name = 'DataDirBusyError'
  constructor(readonly owner: OwnerInfo) {
    super(
      owner.pid === 0
        ? 'The data directory is being opened by another Hooklab process'
        : `The data directory is in use by Hooklab ${owner.kind} (pid ${owner.pid}${owner.port ? `, port ${owner.port}` : ''})`,
    )
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The live owner of a data directory, if any (a stale owner whose pid is gone counts as none). */
export function readOwner(dataDir: string): OwnerInfo | null {
  const file = join(dataDir, OWNER_FILE)
  if (!existsSync(file)) return null
  try {
    const owner = JSON.parse(readFileSync(file, 'utf8')) as OwnerInfo
    return alive(owner.pid) ? owner : null
  } catch {
    return null
  }
}

/** How long a lock without a readable pid is presumed to be someone still writing it. */
const UNREADABLE_GRACE_MS = 5_000

function lockHolder(lock: string): number | 'unreadable' | 'gone' {
  try {
    const pid = Number(readFileSync(lock, 'utf8'))
    return Number.isInteger(pid) && pid > 0 ? pid : 'unreadable'
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'gone'
    throw err
  }
}

/**
 * One process owns a data directory at a time (the outbox has one owner). The
 * lock appears atomically with its pid already in it (written to a temp file,
 * then hard-linked into place, which fails if a lock exists); a lock left by a
 * dead process is taken over.
 */
export function claimOwnership(dataDir: string, info: Omit<OwnerInfo, 'pid' | 'started_on'>): { update(port: number | null): void; release(): void } {
  const lock = join(dataDir, LOCK_FILE)
  const ownerFile = join(dataDir, OWNER_FILE)
  const me: OwnerInfo = { pid: process.pid, started_on: new Date().toISOString(), ...info }
  const staged = join(dataDir, `${LOCK_FILE}.${process.pid}`)
  writeFileSync(staged, String(process.pid), { mode: 0o600 })
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        linkSync(staged, lock)
        writeFileSync(ownerFile, JSON.stringify(me), { mode: 0o600 })
        return {
          update(port) {
            me.port = port
            writeFileSync(ownerFile, JSON.stringify(me), { mode: 0o600 })
          },
          release() {
            rmSync(ownerFile, { force: true })
            rmSync(lock, { force: true })
          },
        }
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      }
      const holder = lockHolder(lock)
      if (holder === 'gone') continue
      if (holder === 'unreadable') {
        if (Date.now() - statSync(lock).mtimeMs < UNREADABLE_GRACE_MS) throw new DataDirBusyError({ pid: 0, port: null, kind: 'serve', started_on: '' })
      } else if (holder !== process.pid && alive(holder)) {
        throw new DataDirBusyError(readOwner(dataDir) ?? { pid: holder, port: null, kind: 'serve', started_on: '' })
      }
      // Stale: remove it only if it is still the one we judged (another taker may have replaced it).
      if (lockHolder(lock) === holder) rmSync(lock, { force: true })
    }
    throw new Error(`Could not take ownership of ${dataDir}: its lock keeps changing`)
  } finally {
    rmSync(staged, { force: true })
  }
}
