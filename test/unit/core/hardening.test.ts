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

test('credential-looking custom headers are redacted for an admin not asking; a read token sees header names only', async () => {
  const w = await t.call<Webhook>('webhooks.create', {
    ...hook,
    address: 'http://bob:PASSWORD@127.0.0.1:9/hooks?api_key=QUERYKEY&shop=a',
    headers: { Authorization: 'Bearer SECRETHDR', 'X-Api-Key': 'k1', 'X-Env': 'dev', 'X-Customer-Cred': 'C' },
  })
  const admin = await t.call<Webhook>('webhooks.get', { id: w.id })
  expect(admin.headers).toEqual({ Authorization: '[redacted]', 'X-Api-Key': '[redacted]', 'X-Env': 'dev', 'X-Customer-Cred': '[redacted]' })
  expect(admin.address).toBe('http://bob:[redacted]@127.0.0.1:9/hooks?api_key=[redacted]&shop=a')
  const reader = await t.call<Webhook>('webhooks.get', { id: w.id }, READER)
  expect(reader.headers).toEqual({ Authorization: '[redacted]', 'X-Api-Key': '[redacted]', 'X-Env': '[redacted]', 'X-Customer-Cred': '[redacted]' })
  expect(reader.address).toBe(admin.address)
  const listed = await t.call<{ webhooks: Webhook[] }>('webhooks.list', {}, READER)
  expect(JSON.stringify(listed)).not.toMatch(/PASSWORD|QUERYKEY|SECRETHDR|"dev"|"C"/)
  await expect(t.call('webhooks.get', { id: w.id, include_secret: true }, READER)).rejects.toMatchObject({ code: 'forbidden' })
  const revealed = await t.call<Webhook>('webhooks.get', { id: w.id, include_secret: true })
  expect(revealed.headers.Authorization).toBe('Bearer SECRETHDR')
  expect(revealed.address).toBe('http://bob:PASSWORD@127.0.0.1:9/hooks?api_key=QUERYKEY&shop=a')
})

test('the redacted placeholder sent back unchanged keeps the stored credential; anywhere else it is refused', async () => {
  const address = 'http://bob:PASSWORD@127.0.0.1:9/hooks?token=T1'
  const w = await t.call<Webhook>('webhooks.create', { ...hook, address, headers: { 'X-Api-Key': 'k1' }, auth: { type: 'bearer', token: 'tok' } })
  const shown = await t.call<Webhook>('webhooks.get', { id: w.id })
  await t.call('webhooks.update', { id: w.id, address: shown.address, headers: shown.headers, auth: shown.auth, name: 'Kept' })
  const after = await t.call<Webhook>('webhooks.get', { id: w.id, include_secret: true })
  expect(after).toMatchObject({ name: 'Kept', address, headers: { 'X-Api-Key': 'k1' }, auth: { type: 'bearer', token: 'tok' } })
  await expect(t.call('webhooks.update', { id: w.id, address: 'http://eve:[redacted]@127.0.0.1:9/' })).rejects.toMatchObject({ fields: { address: ['redacted_placeholder'] } })
  await expect(t.call('webhooks.update', { id: w.id, headers: { 'X-Other': '[redacted]' } })).rejects.toMatchObject({ fields: { 'headers.X-Other': ['redacted_placeholder'] } })
  await expect(t.call('webhooks.create', { ...hook, auth: { type: 'bearer', token: '[redacted]' } })).rejects.toMatchObject({ fields: { auth: ['redacted_placeholder'] } })
  expect((await t.call<Webhook>('webhooks.get', { id: w.id, include_secret: true })).address).toBe(address)
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
