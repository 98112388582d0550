import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { ensureAdminToken } from '../../../../electron/core/data-dir/admin-token'
import { defaultDataDir } from '../../../../electron/core/data-dir/default'
import { claimOwnership, DataDirBusyError, LOCK_FILE, OWNER_FILE, readOwner } from '../../../../electron/core/data-dir/owner'
import { tempDir } from '../../../support/temp-dir'

let dir: ReturnType<typeof tempDir>
beforeEach(() => (dir = tempDir()))
afterEach(() => dir.cleanup())

test('one owner at a time; owner.json names its pid and port; release frees it', () => {
  const mine = claimOwnership(dir.path, { kind: 'serve', port: null })
  mine.update(4321)
  expect(readOwner(dir.path)).toMatchObject({ pid: process.pid, port: 4321, kind: 'serve' })
  mine.release()
  expect(existsSync(join(dir.path, OWNER_FILE))).toBe(false)
  claimOwnership(dir.path, { kind: 'desktop', port: null }).release()
})

test('a live owner (another process) keeps the directory', () => {
  // The parent of this test runner is alive and is not us.
  writeFileSync(join(dir.path, LOCK_FILE), String(process.ppid))
  writeFileSync(join(dir.path, OWNER_FILE), JSON.stringify({ pid: process.ppid, port: 7788, kind: 'serve', started_on: '' }))
  expect(() => claimOwnership(dir.path, { kind: 'serve', port: null })).toThrow(DataDirBusyError)
  expect(() => claimOwnership(dir.path, { kind: 'serve', port: null })).toThrow(/port 7788/)
})

test('a stale lock whose pid is gone is taken over', () => {
  const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString()
  writeFileSync(join(dir.path, LOCK_FILE), gone)
  writeFileSync(join(dir.path, OWNER_FILE), JSON.stringify({ pid: Number(gone), port: 1, kind: 'serve', started_on: '' }))
  expect(readOwner(dir.path)).toBeNull()
  const mine = claimOwnership(dir.path, { kind: 'serve', port: null })
  expect(readFileSync(join(dir.path, LOCK_FILE), 'utf8')).toBe(String(process.pid))
  mine.release()
})

test('the admin token file is 0600', () => {
  ensureAdminToken(dir.path)
  expect(statSync(join(dir.path, 'admin.token')).mode & 0o777).toBe(0o600)
})

test('the default data directory matches the desktop app on each platform', () => {
  expect(defaultDataDir('linux', { HOME: '/home/u' })).toMatch(/\.config\/Hooklab$/)
  expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/x' })).toBe('/x/Hooklab')
  expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' })).toMatch(/Hooklab$/)
  expect(defaultDataDir('linux', { HOOKLAB_DATA_DIR: '/d' })).toBe('/d')
})
