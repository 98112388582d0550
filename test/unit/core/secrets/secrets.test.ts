import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, expect, test } from 'vitest'
import { createCore } from '../../../../electron/core/app'
import { DATA_KEY_FILE, DataKeyError, loadDataKey } from '../../../../electron/core/secrets/data-key'
import { generateSecret, isValidSecretFor } from '../../../../electron/core/secrets/generate'
import { SecretBox } from '../../../../electron/core/secrets/secret-box'
import type { KeyWrapper } from '../../../../electron/core/types'
import { testCore } from '../../../support/core'
import { tempDir } from '../../../support/temp-dir'

const cleanups: Array<() => void> = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

test('secrets and auth credentials are not stored in plain text, and the key file is 0600', async () => {
  const t = testCore()
  cleanups.push(() => t.close())
  const secret = 'my-very-recognisable-signing-secret'
  await t.call('webhooks.create', { address: 'http://localhost:1/x', topics: ['orders/create'], secret, auth: { type: 'basic', username: 'u', password: 'hunter2-password' } })
  const files = ['hooklab.db', 'hooklab.db-wal'].map((f) => join(t.dataDir, f)).filter((f) => existsSync(f))
  const bytes = files.map((f) => readFileSync(f).toString('latin1')).join('')
  expect(bytes).toContain('localhost:1/x')
  expect(bytes).not.toContain(secret)
  expect(bytes).not.toContain('hunter2-password')
  expect(statSync(join(t.dataDir, DATA_KEY_FILE)).mode & 0o777).toBe(0o600)
})

test('the same data directory opens its secrets again after a restart', async () => {
  const dir = tempDir()
  cleanups.push(dir.cleanup)
  const first = testCore({ dataDir: dir.path })
  const { id } = await first.call<{ id: number }>('webhooks.create', { address: 'http://localhost:1/x', topics: ['orders/create'], secret: 'abc' })
  first.core.close()
  const second = testCore({ dataDir: dir.path })
  cleanups.push(() => second.core.close())
  expect((await second.call<{ secret: string }>('webhooks.get', { id, include_secret: true })).secret).toBe('abc')
})

test('a wrapped key needs its wrapper, and says how to proceed without it', () => {
  const dir = tempDir()
  cleanups.push(dir.cleanup)
  const xor = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a))
  const wrapper: KeyWrapper = { kind: 'safe_storage', wrap: xor, unwrap: xor }
  const made = loadDataKey(dir.path, wrapper)
  expect(made.protection).toBe('safe_storage')
  expect(JSON.parse(readFileSync(join(dir.path, DATA_KEY_FILE), 'utf8')).key).not.toBe(made.key.toString('base64'))
  expect(loadDataKey(dir.path, wrapper).key.equals(made.key)).toBe(true)
  expect(() => loadDataKey(dir.path)).toThrow(DataKeyError)
  expect(() => loadDataKey(dir.path)).toThrow(/desktop app/)
  expect(() => createCore({ dataDir: dir.path })).toThrow(/keyring/)
})

test('an unreadable key file is a clear error, not a crash', () => {
  const dir = tempDir()
  cleanups.push(dir.cleanup)
  writeFileSync(join(dir.path, DATA_KEY_FILE), 'garbage')
  expect(() => loadDataKey(dir.path)).toThrow(/unreadable/)
})

test('SecretBox round-trips and detects tampering', () => {
  const box = new SecretBox(randomBytes(32))
  const sealed = box.encrypt('hello')
  expect(box.decrypt(sealed)).toBe('hello')
  const parts = sealed.split(':')
  parts[3] = Buffer.from('jello').toString('base64')
  expect(() => box.decrypt(parts.join(':'))).toThrow()
  expect(() => new SecretBox(randomBytes(16))).toThrow()
})

test('generated secrets follow the style: whsec_ + base64(24) for standard and stripe, 64 hex otherwise', () => {
  const standard = generateSecret('standard', randomBytes)
  expect(standard).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/)
  expect(Buffer.from(standard.slice(6), 'base64')).toHaveLength(24)
  expect(generateSecret('stripe', randomBytes)).toMatch(/^whsec_/)
  for (const style of ['sapo', 'shopify', 'woocommerce', 'github', 'none'] as const) expect(generateSecret(style, randomBytes)).toMatch(/^[0-9a-f]{64}$/)
  expect(isValidSecretFor('standard', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')).toBe(true)
  expect(isValidSecretFor('standard', 'whsec_not base64!')).toBe(false)
  expect(isValidSecretFor('standard', 'plain')).toBe(false)
  expect(isValidSecretFor('standard', 'whsec_')).toBe(false)
  expect(isValidSecretFor('sapo', 'anything')).toBe(true)
})
