import { afterEach, beforeEach, expect, test } from 'vitest'
import type { Webhook } from '../../../../electron/core/contract'
import { foldForSearch } from '../../../../electron/core/text/fold'
import { manualClock, testCore } from '../../../support/core'

let t: ReturnType<typeof testCore>
let clock: ReturnType<typeof manualClock>
beforeEach(() => {
  clock = manualClock()
  t = testCore({ clock })
})
afterEach(() => t.close())

const hook = { address: 'http://127.0.0.1:9/hooks', topics: ['orders/create'] }

test("the engine's changes leave modified_on alone and are pushed as engine changes", async () => {
  const w = await t.call<Webhook>('webhooks.create', hook)
  const pushed: unknown[] = []
  t.core.subscribe((name, payload) => pushed.push({ name, payload }))
  clock.advance(60_000)
  const changed = t.core.webhooks.applyEngineChange(w.id, {
    status: 'auto_disabled',
    status_reason: '5 consecutive failed deliveries',
    disabled_on: '2026-01-02T03:05:05Z',
    consecutive_failures: 5,
    last_ping: { on: '2026-01-02T03:05:05Z', status_code: 500, ok: false },
  })
  expect(changed).toMatchObject({ status: 'auto_disabled', consecutive_failures: 5, modified_on: null, last_ping: { status_code: 500 } })
  expect(pushed).toEqual([{ name: 'webhooks.changed', payload: { action: 'engine', ids: [w.id], origin: 'engine' } }])
  // A user's change still sets it.
  expect((await t.call<Webhook>('webhooks.update', { id: w.id, name: 'Renamed' })).modified_on).not.toBeNull()
})

test('search ignores case and Vietnamese diacritics, in SQL, for names and addresses', async () => {
  await t.call('webhooks.create', { ...hook, name: 'Đơn hàng mới' })
  await t.call('webhooks.create', { ...hook, name: 'api hook số 3' })
  await t.call('webhooks.create', { ...hook, name: 'Khách hàng', address: 'http://127.0.0.1:9/Cửa-Hàng' })
  const names = async (search: string) => (await t.call<{ webhooks: Webhook[] }>('webhooks.list', { search })).webhooks.map((w) => w.name).sort()
  expect(await names('đơn hàng')).toEqual(['Đơn hàng mới'])
  expect(await names('don hang')).toEqual(['Đơn hàng mới'])
  expect(await names('ĐƠN HÀNG')).toEqual(['Đơn hàng mới'])
  expect(await names('API HOOK SỐ 3')).toEqual(['api hook số 3'])
  expect(await names('so 3')).toEqual(['api hook số 3'])
  expect(await names('cua-hang')).toEqual(['Khách hàng'])
  expect(await names('hang')).toEqual(['Khách hàng', 'Đơn hàng mới'])
  expect(await names('%')).toEqual([])
  expect(foldForSearch('Đặng Thị Ánh')).toBe('dang thi anh')
})

test('a rename updates the search key; an address change too', async () => {
  const w = await t.call<Webhook>('webhooks.create', { ...hook, name: 'Cũ' })
  await t.call('webhooks.update', { id: w.id, name: 'Mới tinh' })
  expect((await t.call<{ total: number }>('webhooks.list', { search: 'moi tinh' })).total).toBe(1)
  expect((await t.call<{ total: number }>('webhooks.list', { search: 'cu' })).total).toBe(0)
  await t.call('webhooks.update', { id: w.id, address: 'http://127.0.0.1:9/Thanh-Toán' })
  expect((await t.call<{ total: number }>('webhooks.list', { search: 'thanh-toan' })).total).toBe(1)
  expect((await t.call<{ total: number }>('webhooks.list', { search: 'moi tinh' })).total).toBe(1)
})
