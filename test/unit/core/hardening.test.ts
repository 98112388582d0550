import { randomBytes } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, expect, test } from 'vitest'
import type { Webhook } from '../../../electron/core/contract'
import { claimOwnership, DataDirBusyError, LOCK_FILE } from '../../../electron/core/data-dir/owner'
import { loadDataKey } from '../../../electron/core/secrets/data-key'
import { SecretBox } from '../../../electron/core/secrets/secret-box'
import { migrate } from '../../../electron/core/store/migrate'
import type { KeyWrapper } from '../../../electron/core/types'
import { manualClock, READER, testCore } from '../../support/core'

let t: ReturnType<typeof testCore>
const clock = manualClock()
beforeEach(() => (t = testCore({ clock })))
afterEach(() => t.close())

const hook = { address: 'http://localhost:3000/h', topics: ['orders/create'] }

test('saving the same values back is no change: modified_on stays, nobody is told', async () => {
  const w = await t.call<Webhook>('webhooks.create', { ...hook, headers: { 'X-Env': 'dev' }, auth: { type: 'bearer', token: 't' } })
  const events: unknown[] = []
  t.core.subscribe((name) => events.push(name))
  clock.advance(60_000)
  const same = await t.call<Webhook>('webhooks.update', { id: w.id, name: w.name, address: w.address, headers: { 'X-Env': 'dev' }, auth: { type: 'bearer', token: 't' }, secret: w.secret })
  expect(same.modified_on).toBeNull()
  expect(events).toEqual([])
  expect((await t.call<Webhook>('webhooks.update', { id: w.id, name: 'Renamed' })).modified_on).not.toBeNull()
})

test('credential-looking custom headers are redacted for anyone not asking (and for read tokens always)', async () => {
  const w = await t.call<Webhook>('webhooks.create', { ...hook, headers: { Authorization: 'Bearer SECRETHDR', 'X-Api-Key': 'k1', 'X-Env': 'dev' } })
  const seen = await t.call<Webhook>('webhooks.get', { id: w.id, include_secret: true }, READER)
  expect(seen.headers).toEqual({ Authorization: '[redacted]', 'X-Api-Key': '[redacted]', 'X-Env': 'dev' })
  expect((await t.call<Webhook>('webhooks.get', { id: w.id, include_secret: true })).headers.Authorization).toBe('Bearer SECRETHDR')
})

test('header values Node cannot send (above U+00FF) are refused', async () => {
  await expect(t.call('webhooks.create', { ...hook, headers: { 'X-Shop': 'Cửa hàng Việt' } })).rejects.toMatchObject({ fields: { 'headers.X-Shop': ['invalid_header_value'] } })
  expect((await t.call<Webhook>('webhooks.create', { ...hook, headers: { 'X-Shop': 'Café' } })).headers['X-Shop']).toBe('Café')
})

test('a sealed secret with a shortened tag is refused', () => {
  const box = new SecretBox(randomBytes(32))
  const [v, iv, tag, data] = box.encrypt('hello').split(':')
  const short = Buffer.from(tag, 'base64').subarray(0, 4).toString('base64')
  expect(() => box.decrypt([v, iv, short, data].join(':'))).toThrow()
})

test('a key made by serve is wrapped the first time a keyring is offered', () => {
  const plain = loadDataKey(t.dataDir)
  expect(plain.protection).toBe('file')
  const xor = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x33))
  const wrapper: KeyWrapper = { kind: 'safe_storage', wrap: xor, unwrap: xor }
  const wrapped = loadDataKey(t.dataDir, wrapper)
  expect(wrapped.protection).toBe('safe_storage')
  expect(wrapped.key.equals(plain.key)).toBe(true)
  expect(JSON.parse(readFileSync(join(t.dataDir, 'data.key'), 'utf8')).protection).toBe('safe_storage')
})

test('a fresh lock whose pid is not written yet is someone else claiming: busy, not stale', () => {
  writeFileSync(join(t.dataDir, LOCK_FILE), '')
  expect(() => claimOwnership(t.dataDir, { kind: 'serve', port: null })).toThrow(DataDirBusyError)
  expect(() => claimOwnership(t.dataDir, { kind: 'serve', port: null })).toThrow(/being opened by another/)
})

test('a migration checked out with CRLF line endings is the same migration', () => {
  const db = new Database(join(t.dataDir, 'crlf.db'))
  migrate(db, [{ version: 1, name: 'one', sql: 'CREATE TABLE a (x);\nCREATE TABLE b (y);\n' }])
  expect(migrate(db, [{ version: 1, name: 'one', sql: 'CREATE TABLE a (x);\r\nCREATE TABLE b (y);\r\n' }])).toEqual([])
  db.close()
})
