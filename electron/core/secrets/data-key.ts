import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { KeyWrapper } from '../types'

export const DATA_KEY_FILE = 'data.key'

interface KeyFile {
  version: 1
  /** `file`: the key itself (the file is 0600); `safe_storage`: wrapped by the OS keyring. */
  protection: 'file' | 'safe_storage'
  key: string
}

export class DataKeyError extends Error {
  override name = 'DataKeyError'
}

export interface DataKey {
  key: Buffer
  protection: KeyFile['protection']
}

/**
 * One data key per data directory encrypts secrets at rest (SPEC §8). When the
 * desktop app offers a real keyring the key is stored wrapped; a wrapped key can
 * only be opened by a process that has the same wrapper.
 */
export function loadDataKey(dataDir: string, wrapper?: KeyWrapper): DataKey {
  const file = join(dataDir, DATA_KEY_FILE)
  if (!existsSync(file)) {
    const key = randomBytes(32)
    const content: KeyFile = wrapper
      ? { version: 1, protection: 'safe_storage', key: wrapper.wrap(key).toString('base64') }
      : { version: 1, protection: 'file', key: key.toString('base64') }
    writeFileSync(file, JSON.stringify(content), { mode: 0o600, flag: 'wx' })
    return { key, protection: content.protection }
  }
  chmodSync(file, 0o600)
  let content: KeyFile
  try {
    content = JSON.parse(readFileSync(file, 'utf8')) as KeyFile
  } catch {
    throw new DataKeyError(`The data key ${file} is unreadable; secrets in this data directory cannot be opened`)
  }
  if (content.protection === 'file') {
    const key = Buffer.from(content.key, 'base64')
    if (!wrapper) return { key, protection: 'file' }
    // A key made by `serve` is wrapped the first time the desktop app has a real keyring.
    const wrapped: KeyFile = { version: 1, protection: 'safe_storage', key: wrapper.wrap(key).toString('base64') }
    writeFileSync(file + '.tmp', JSON.stringify(wrapped), { mode: 0o600 })
    renameSync(file + '.tmp', file)
    return { key, protection: 'safe_storage' }
  }
  if (!wrapper) {
    throw new DataKeyError(
      `The secrets in ${dataDir} are protected by the desktop app's keyring. ` +
        'Start the Hooklab desktop app (it serves the Admin API when enabled in Settings) and run this command again, ' +
        'or use a separate --data-dir.',
    )
  }
  return { key: wrapper.unwrap(Buffer.from(content.key, 'base64')), protection: 'safe_storage' }
}
