import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
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
    super(`The data directory is in use by Hooklab ${owner.kind} (pid ${owner.pid}${owner.port ? `, port ${owner.port}` : ''})`)
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

/**
 * One process owns a data directory at a time (the outbox has one owner). The
 * lock file is created exclusively; a lock left by a dead process is taken over.
 */
export function claimOwnership(dataDir: string, info: Omit<OwnerInfo, 'pid' | 'started_on'>): { update(port: number | null): void; release(): void } {
  const lock = join(dataDir, LOCK_FILE)
  const ownerFile = join(dataDir, OWNER_FILE)
  const me: OwnerInfo = { pid: process.pid, started_on: new Date().toISOString(), ...info }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx', mode: 0o600 })
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
      const holder = Number(readFileSync(lock, 'utf8'))
      if (Number.isInteger(holder) && holder > 0 && alive(holder) && holder !== process.pid) {
        throw new DataDirBusyError(readOwner(dataDir) ?? { pid: holder, port: null, kind: 'serve', started_on: '' })
      }
      rmSync(lock, { force: true })
    }
  }
  throw new Error(`Could not take ownership of ${dataDir}`)
}
