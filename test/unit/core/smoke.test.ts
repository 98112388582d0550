import { afterEach, expect, test } from 'vitest'
import { testCore } from '../../support/core'

let t: ReturnType<typeof testCore>
afterEach(() => t?.close())

test('creates and lists a webhook', async () => {
  t = testCore()
  const created = await t.call<{ id: number; name: string; secret: string }>('webhooks.create', { address: 'http://localhost:3000/hooks', topics: ['orders/create'] })
  expect(created.id).toBe(1)
  expect(created.secret).toMatch(/^[0-9a-f]{64}$/)
  const list = await t.call<{ total: number }>('webhooks.list', {})
  expect(list.total).toBe(1)
})
