import { accessSync, chmodSync, closeSync, constants, existsSync, mkdirSync, openSync, statSync, unlinkSync } from 'node:fs'
import { dirname, join } from 'node:path'

export class DataDirError extends Error {
  override name = 'DataDirError'
}

/** What preparing the directory could not do but did not stop on (said once at start). */
export interface PreparedDataDir {
  warnings: string[]
}

/**
 * Makes the data directory usable and private before anything opens it: created 0700,
 * an existing one tightened to 0700, and every problem said in one sentence that names
 * the path and what to do — never raw errno text. Only local, synchronous checks, so a
 * bad path (a file, a file's child, /proc) answers at once instead of hanging later.
 */
export function prepareDataDir(dir: string): PreparedDataDir {
  const warnings: string[] = []
  const existing = statOrNull(dir)
  if (existing && !existing.isDirectory()) {
    throw new DataDirError(`The data directory ${dir} is a file, not a directory. Choose another --data-dir, or move the file away.`)
  }
  if (!existing) {
    const blocker = fileAncestor(dir)
    if (blocker) throw new DataDirError(`The data directory ${dir} cannot be created: ${blocker} is a file, not a directory. Choose another --data-dir.`)
    try {
      makeDirs(dir)
    } catch (err) {
      throw new DataDirError(`The data directory ${dir} cannot be created (${reason(err)}). Choose a --data-dir in a folder you can write to.`)
    }
  }
  try {
    accessSync(dir, constants.W_OK | constants.X_OK)
  } catch {
    throw new DataDirError(`The data directory ${dir} is not writable by this user. Fix its permissions, or choose another --data-dir.`)
  }
  if (process.platform !== 'win32') {
    try {
      if ((statSync(dir).mode & 0o077) !== 0) chmodSync(dir, 0o700)
    } catch {
      warnings.push(`The data directory ${dir} could not be made private (mode 0700); other users may be able to list it.`)
    }
  }
  probeWritable(dir)
  return { warnings }
}

/** Creates `file` 0600 if missing and tightens it if present: SQLite gives its -wal and -shm the same mode. */
export function ensurePrivateFile(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600))
  if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600)
}

/**
 * mkdir -p one level at a time: Node's recursive mkdir loops for ever where the kernel
 * answers ENOENT for a directory that cannot exist (`/proc/x`).
 */
function makeDirs(dir: string): void {
  const missing: string[] = []
  let current = dir
  while (!statOrNull(current) && current !== dirname(current)) {
    missing.unshift(current)
    current = dirname(current)
  }
  for (const level of missing) mkdirSync(level, { mode: 0o700 })
}

function statOrNull(path: string) {
  try {
    return statSync(path)
  } catch {
    return null
  }
}

/** The nearest existing ancestor of `dir` when it is a file (mkdir -p would fail with ENOTDIR). */
function fileAncestor(dir: string): string | null {
  let current = dirname(dir)
  while (current !== dirname(current)) {
    const st = statOrNull(current)
    if (st) return st.isDirectory() ? null : current
    current = dirname(current)
  }
  return null
}

/** Special file systems (/proc, /sys) accept mkdir or stat yet cannot hold files: find out now. */
function probeWritable(dir: string): void {
  const probe = join(dir, `.hooklab-probe-${process.pid}`)
  try {
    closeSync(openSync(probe, 'wx', 0o600))
  } catch (err) {
    throw new DataDirError(`The data directory ${dir} cannot hold files (${reason(err)}). Choose a --data-dir on a normal disk you can write to.`)
  }
  try {
    unlinkSync(probe)
  } catch {
    // A probe that cannot be removed is harmless; the next start uses another pid.
  }
}

function reason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'EROFS':
      return 'the file system is read-only'
    case 'ENOSPC':
      return 'the disk is full'
    case 'ENOENT':
      return 'its parent cannot hold it'
    case 'ENOTDIR':
      return 'part of the path is a file'
    default:
      return code ? `error ${code}` : 'unknown error'
  }
}
