import { afterEach, beforeEach, expect, test } from 'vitest'
import type { Webhook, WebhookListOutput } from '../../../../electron/core/contract'
import { manualClock, testCore } from '../../../support/core'

let t: ReturnType<typeof testCore>
const clock = manualClock()
beforeEach(() => (t = testCore({ clock })))
afterEach(() => t.close())

async function seed(n: number): Promise<Webhook[]> {
  const made: Webhook[] = []
  for (let i = 1; i <= n; i++) {
    clock.advance(1000)
    made.push(await t.call<Webhook>('webhooks.create', { name: `Hook ${String(i).padStart(2, '0')}`, address: `http://localhost:${3000 + i}/h`, topics: ['orders/create'] }))
  }
  return made
}
const list = (input: object) => t.call<WebhookListOutput>('webhooks.list', input)

test('pages of 10, newest first by default, with the total', async () => {
  await seed(25)
  const first = await list({})
  expect(first).toMatchObject({ total: 25, page: 1, page_size: 10 })
  expect(first.webhooks.map((w) => w.name)[0]).toBe('Hook 25')
  const third = await list({ page: 3, page_size: 10 })
  expect(third.webhooks.map((w) => w.name)).toEqual(['Hook 05', 'Hook 04', 'Hook 03', 'Hook 02', 'Hook 01'])
  expect((await list({ page: 2, page_size: 20 })).webhooks).toHaveLength(5)
})

test('search by name, URL or id; % and _ match themselves', async () => {
  const made = await seed(12)
  expect((await list({ search: 'Hook 1' })).total).toBe(3)
  expect((await list({ search: 'localhost:3007' })).webhooks.map((w) => w.name)).toEqual(['Hook 07'])
  expect((await list({ search: String(made[4].id) })).webhooks.map((w) => w.id)).toContain(made[4].id)
  expect((await list({ search: '%' })).total).toBe(0)
  expect((await list({ search: '_' })).total).toBe(0)
})

test('filter by status and sort by modified', async () => {
  const made = await seed(5)
  clock.advance(1000)
  await t.call('webhooks.setStatus', { ids: [made[0].id, made[2].id], status: 'disabled' })
  const disabled = await list({ status: 'disabled' })
  expect(disabled.webhooks.map((w) => w.id).sort()).toEqual([made[0].id, made[2].id].sort())
  expect(disabled.webhooks.every((w) => w.disabled_on !== null)).toBe(true)
  expect((await list({ status: 'enabled' })).total).toBe(3)
  const byModified = await list({ sort: 'modified_on', order: 'desc' })
  expect(byModified.webhooks.slice(0, 2).map((w) => w.id).sort()).toEqual([made[0].id, made[2].id].sort())
  const oldestFirst = await list({ sort: 'created_on', order: 'asc' })
  expect(oldestFirst.webhooks[0].id).toBe(made[0].id)
})

test('enable clears the disabled state; setting the current status changes nothing', async () => {
  const [w] = await seed(1)
  await t.call('webhooks.setStatus', { ids: [w.id], status: 'disabled' })
  const { webhooks } = await t.call<{ webhooks: Webhook[] }>('webhooks.setStatus', { ids: [w.id], status: 'enabled' })
  expect(webhooks[0]).toMatchObject({ status: 'enabled', disabled_on: null, status_reason: null })
  const modified = webhooks[0].modified_on
  clock.advance(5000)
  const same = await t.call<{ webhooks: Webhook[] }>('webhooks.setStatus', { ids: [w.id], status: 'enabled' })
  expect(same.webhooks[0].modified_on).toBe(modified)
})

test('bulk status and delete are all-or-nothing when an id is unknown', async () => {
  const made = await seed(3)
  await expect(t.call('webhooks.setStatus', { ids: [made[0].id, 999], status: 'disabled' })).rejects.toMatchObject({ code: 'not_found' })
  expect((await list({ status: 'disabled' })).total).toBe(0)
  await expect(t.call('webhooks.deleteMany', { ids: [made[0].id, 999] })).rejects.toMatchObject({ code: 'not_found' })
  expect((await list({})).total).toBe(3)
  expect(await t.call('webhooks.deleteMany', { ids: [made[0].id, made[1].id] })).toEqual({ deleted: 2 })
  expect((await list({})).webhooks.map((w) => w.id)).toEqual([made[2].id])
})

test('delete removes the webhook for good', async () => {
  const [w] = await seed(1)
  const events: unknown[] = []
  t.core.subscribe((name, payload) => events.push([name, payload]))
  expect(await t.call('webhooks.delete', { id: w.id })).toEqual({})
  await expect(t.call('webhooks.get', { id: w.id })).rejects.toMatchObject({ code: 'not_found' })
  await expect(t.call('webhooks.delete', { id: w.id })).rejects.toMatchObject({ code: 'not_found' })
  expect(events).toEqual([['webhooks.changed', { action: 'deleted', ids: [w.id], origin: 'test-window' }]])
})

test('ids must be positive integers; list input is checked too', async () => {
  await expect(t.call('webhooks.get', { id: -1 })).rejects.toMatchObject({ code: 'invalid_input', fields: { id: ['invalid'] } })
  await expect(t.call('webhooks.get', { id: '1' })).rejects.toMatchObject({ code: 'invalid_input' })
  await expect(t.call('webhooks.list', { page_size: 1000 })).rejects.toMatchObject({ code: 'invalid_input' })
  await expect(t.call('webhooks.setStatus', { ids: [1], status: 'auto_disabled' })).rejects.toMatchObject({ code: 'invalid_input' })
})
