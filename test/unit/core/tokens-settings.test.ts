import { afterEach, beforeEach, expect, test } from 'vitest'
import { DEFAULT_SETTINGS, type Settings, type TokenCreated } from '../../../electron/core/contract'
import { ensureAdminToken } from '../../../electron/core/data-dir/admin-token'
import { manualClock, testCore } from '../../support/core'

let t: ReturnType<typeof testCore>
const clock = manualClock()
beforeEach(() => (t = testCore({ clock })))
afterEach(() => t.close())

test('a token is shown once, stored hashed, and grants its role until deleted', async () => {
  const made = await t.call<TokenCreated>('tokens.create', { role: 'read', name: 'CI reader' })
  expect(made.value).toMatch(/^hl_read_/)
  expect(t.core.tokens.verify(made.value)).toBe('read')
  const { tokens } = await t.call<{ tokens: object[] }>('tokens.list', {})
  expect(tokens).toEqual([{ id: made.id, role: 'read', name: 'CI reader', created_on: made.created_on, last_used_on: expect.any(String) }])
  expect(JSON.stringify(tokens)).not.toContain(made.value)
  await t.call('tokens.delete', { id: made.id })
  expect(t.core.tokens.verify(made.value)).toBeNull()
  await expect(t.call('tokens.delete', { id: made.id })).rejects.toMatchObject({ code: 'not_found' })
})

test("the data directory's admin token is admin; unknown and empty tokens grant nothing", () => {
  const admin = ensureAdminToken(t.dataDir)
  expect(ensureAdminToken(t.dataDir)).toBe(admin)
  expect(t.core.tokens.verify(admin)).toBe('admin')
  expect(t.core.tokens.verify(admin + 'x')).toBeNull()
  expect(t.core.tokens.verify('')).toBeNull()
  expect(t.core.tokens.verify(undefined)).toBeNull()
  expect(() => ensureAdminToken(t.dataDir, 'short')).toThrow(/16/)
})

test('a replaced admin token (serve --admin-token) is the one the next owner accepts', () => {
  const old = ensureAdminToken(t.dataDir)
  t.core.close()
  const replaced = ensureAdminToken(t.dataDir, 'my-own-admin-token-123')
  const next = testCore({ dataDir: t.dataDir })
  try {
    expect(next.core.tokens.verify(replaced)).toBe('admin')
    expect(next.core.tokens.verify(old)).toBeNull()
  } finally {
    next.core.close()
  }
})

test('token use is recorded at most once a minute, not a write per request', async () => {
  const made = await t.call<TokenCreated>('tokens.create', { role: 'read' })
  const lastUsed = async () => (await t.call<{ tokens: Array<{ last_used_on: string | null }> }>('tokens.list', {})).tokens[0].last_used_on
  t.core.tokens.verify(made.value)
  const first = await lastUsed()
  clock.advance(30_000)
  t.core.tokens.verify(made.value)
  expect(await lastUsed()).toBe(first)
  clock.advance(31_000)
  t.core.tokens.verify(made.value)
  expect(await lastUsed()).not.toBe(first)
})

test('bad token input is refused', async () => {
  await expect(t.call('tokens.create', { role: 'root' })).rejects.toMatchObject({ code: 'invalid_input', fields: { role: ['invalid'] } })
  expect((await t.call<{ tokens: object[] }>('tokens.list', {})).tokens).toEqual([])
})

test('settings start at their defaults, persist, and refuse bad values', async () => {
  expect(await t.call('settings.get', {})).toEqual(DEFAULT_SETTINGS)
  expect(DEFAULT_SETTINGS).toMatchObject({ auto_sync: false, page_size: 10, language: 'system', theme: 'system' })
  const events: unknown[] = []
  t.core.subscribe((name, payload) => events.push([name, payload]))
  const next = await t.call<Settings>('settings.update', { auto_sync: true, language: 'vi' })
  expect(next).toMatchObject({ auto_sync: true, language: 'vi', page_size: 10 })
  expect(await t.call('settings.get', {})).toEqual(next)
  expect(events).toEqual([['settings.changed', { origin: 'test-window' }]])
  await expect(t.call('settings.update', { page_size: 7 })).rejects.toMatchObject({ code: 'invalid_input', fields: { page_size: ['invalid'] } })
  await expect(t.call('settings.update', { theme: 'neon' })).rejects.toMatchObject({ code: 'invalid_input' })
  expect(await t.call('settings.get', {})).toEqual(next)
})
