import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, expect, test } from 'vitest'
import { createCore, DATABASE_FILE } from '../../../../electron/core/app'
import { DataDirError, prepareDataDir } from '../../../../electron/core/data-dir/prepare'
import { loadDataKey } from '../../../../electron/core/secrets/data-key'
import { SecretBox } from '../../../../electron/core/secrets/secret-box'
import { memorySettingsStore } from '../../../../electron/core/settings/json-settings'
import { migrate } from '../../../../electron/core/store/migrate'
import { MIGRATIONS } from '../../../../electron/core/store/migrations'
import { ADMIN, testCore } from '../../../support/core'
import { tempDir } from '../../../support/temp-dir'

const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn()
})

const MARKERS = ['MARKERHDR1', 'MARKERBEARER2', 'MARKERPASS3', 'MARKERQUERY4', 'MARKERAUTH5']
const credentialed = {
  address: `http://bob:${MARKERS[2]}@127.0.0.1:9/hooks?api_key=${MARKERS[3]}`,
  topic: 'orders/create',
  headers: { 'X-Customer-Cred': MARKERS[0], Authorization: `Bearer ${MARKERS[1]}` },
  auth: { type: 'bearer', token: MARKERS[4] },
}

/** Every marker found in any file of the data directory, as raw bytes (UTF-8 and UTF-16). */
function markersOnDisk(dir: string): string[] {
  const found = new Set<string>()
  for (const name of readdirSync(dir)) {
    const bytes = readFileSync(join(dir, name))
    for (const marker of MARKERS) {
      if (bytes.includes(Buffer.from(marker, 'utf8')) || bytes.includes(Buffer.from(marker, 'utf16le'))) found.add(`${marker} in ${name}`)
    }
  }
  return [...found]
}

const modeOf = (path: string) => statSync(path).mode & 0o777

test('credentials in headers, URL userinfo and query tokens are found in no file of the data directory', async () => {
  const t = testCore()
  cleanups.push(() => t.close())
  const w = await t.call<{ id: number }>('webhooks.create', credentialed)
  await t.call('webhooks.update', { id: w.id, headers: { ...credentialed.headers, 'X-Extra': 'x' } })
  // While running (the WAL holds the latest pages) and after closing (checkpointed into the file).
  expect(markersOnDisk(t.dataDir)).toEqual([])
  const revealed = await t.call<{ address: string; headers: Record<string, string> }>('webhooks.get', { id: w.id, include_secret: true })
  expect(revealed.address).toBe(credentialed.address)
  expect(revealed.headers['X-Customer-Cred']).toBe(MARKERS[0])
  await t.core.close()
  expect(markersOnDisk(t.dataDir)).toEqual([])
})

test('every file is 0600 and the directory 0700, even when the directory already existed as 0755', async () => {
  const dir = tempDir()
  cleanups.push(dir.cleanup)
  const dataDir = join(dir.path, 'data')
  mkdirSync(dataDir, { mode: 0o755 })
  chmodSync(dataDir, 0o755)
  const t = testCore({ dataDir })
  cleanups.push(() => t.close())
  await t.call('webhooks.create', credentialed)
  expect(modeOf(dataDir)).toBe(0o700)
  const files = readdirSync(dataDir)
  expect(files).toEqual(expect.arrayContaining([DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`, 'data.key']))
  for (const name of files) expect(modeOf(join(dataDir, name)), name).toBe(0o600)
})

test('rows written before sealing (migration 001) are sealed at the next start and the old pages leave the file', async () => {
  const dir = tempDir()
  cleanups.push(dir.cleanup)
  const box = new SecretBox(loadDataKey(dir.path).key)
  const legacy = new Database(join(dir.path, DATABASE_FILE))
  legacy.pragma('journal_mode = WAL')
  migrate(legacy, MIGRATIONS.slice(0, 1))
  legacy
    .prepare(
      `INSERT INTO webhooks (name, address, topics, profile, format, signing, secret_enc, headers, auth_enc, status, retry_schedule,
        connect_timeout_ms, timeout_ms, max_concurrency, disable_after_failures, created_on)
       VALUES ('Old', ?, '["orders/create"]', 'sapo', 'json', 'sapo', ?, ?, ?, 'enabled', '[5]', 5000, 15000, 10, 5, '2026-01-01T00:00:00Z')`,
    )
    .run(credentialed.address, box.encrypt('s'), JSON.stringify(credentialed.headers), box.encrypt('{"type":"none"}'))
  legacy.close()
  expect(markersOnDisk(dir.path).length).toBeGreaterThan(0)

  const core = createCore({ dataDir: dir.path, settings: memorySettingsStore() })
  cleanups.push(() => core.close())
  expect(markersOnDisk(dir.path)).toEqual([])
  const old = await core.invoke('webhooks.get', { id: 1, include_secret: true }, ADMIN)
  expect(old).toMatchObject({ name: 'Old', address: credentialed.address, headers: credentialed.headers })
  expect((await core.invoke('webhooks.list', { search: 'old' }, ADMIN)).total).toBe(1)
})

test('a data directory that cannot be one is named in one sentence, at once, without raw errno text', () => {
  const dir = tempDir()
  cleanups.push(dir.cleanup)
  const file = join(dir.path, 'a-file')
  writeFileSync(file, 'x')
  const cases: Array<[string, RegExp]> = [
    [file, /is a file, not a directory/],
    [join(file, 'child'), /a-file is a file, not a directory/],
    ['/proc/hooklab-test', /cannot (be created|hold files)/],
  ]
  for (const [path, message] of cases) {
    const started = Date.now()
    let error: unknown
    try {
      prepareDataDir(path)
    } catch (err) {
      error = err
    }
    expect(error, path).toBeInstanceOf(DataDirError)
    expect((error as Error).message).toMatch(message)
    expect((error as Error).message).toContain(path.startsWith(file) ? file : path)
    expect((error as Error).message).not.toMatch(/E[A-Z]{3,}:/)
    expect(Date.now() - started).toBeLessThan(1000)
  }
})
