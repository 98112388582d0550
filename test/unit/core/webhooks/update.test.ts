import { afterEach, beforeEach, expect, test } from 'vitest'
import type { Webhook } from '../../../../electron/core/contract'
import { ADMIN, manualClock, testCore } from '../../../support/core'

let t: ReturnType<typeof testCore>
const clock = manualClock(Date.parse('2026-03-04T05:06:07Z'))
let base: Webhook
beforeEach(async () => {
  t = testCore({ clock })
  base = await t.call<Webhook>('webhooks.create', { address: 'http://localhost:3000/a', topics: ['orders/create', 'orders/paid'], headers: { 'X-Env': 'dev' } })
})
afterEach(() => t.close())

test('an update changes only what it names and sets modified_on', async () => {
  clock.advance(61_000)
  const updated = await t.call<Webhook>('webhooks.update', { id: base.id, address: 'http://localhost:4000/b' })
  const { address, modified_on, ...rest } = updated
  const { address: _a, modified_on: _m, ...before } = base
  expect(address).toBe('http://localhost:4000/b')
  expect(modified_on).toBe('2026-03-04T05:07:08Z')
  expect(rest).toEqual(before)
})

test('topic sets topics to [topic]; topics wins when both are given and must contain topic', async () => {
  expect((await t.call<Webhook>('webhooks.update', { id: base.id, topic: 'customers/create' })).topics).toEqual(['customers/create'])
  expect((await t.call<Webhook>('webhooks.update', { id: base.id, topic: 'orders/paid', topics: ['orders/create', 'orders/paid'] })).topics).toEqual(['orders/create', 'orders/paid'])
  await expect(t.call('webhooks.update', { id: base.id, topic: 'orders/paid', topics: ['orders/create'] })).rejects.toMatchObject({ fields: { topic: ['topic_not_in_topics'] } })
})

test('changing the profile re-checks the stored topics against it', async () => {
  await expect(t.call('webhooks.update', { id: base.id, profile: 'github' })).rejects.toMatchObject({ fields: { 'topics.0': ['unknown_topic'], 'topics.1': ['unknown_topic'] } })
  const moved = await t.call<Webhook>('webhooks.update', { id: base.id, profile: 'github', topics: ['push'], signing: 'github' })
  expect(moved).toMatchObject({ profile: 'github', topics: ['push'], signing: 'github' })
})

test('switching to Standard Webhooks with a non-whsec secret is refused, naming secret', async () => {
  await expect(t.call('webhooks.update', { id: base.id, signing: 'standard' })).rejects.toMatchObject({ fields: { secret: ['invalid_secret'] } })
  const ok = await t.call<Webhook>('webhooks.update', { id: base.id, signing: 'standard', secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' })
  expect(ok.secret).toBe('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')
})

test('a refused update changes nothing stored', async () => {
  await expect(t.call('webhooks.update', { id: base.id, address: 'javascript:alert(1)', name: 'New' })).rejects.toMatchObject({ code: 'invalid_input' })
  const again = await t.call<Webhook>('webhooks.get', { id: base.id, include_secret: true })
  expect(again).toEqual(base)
})

test('updating a missing webhook is not_found; a body naming another id is refused', async () => {
  await expect(t.call('webhooks.update', { id: 999, name: 'x' })).rejects.toMatchObject({ code: 'not_found' })
})

test('two windows saving the same webhook: the later save wins, and both are told', async () => {
  const seen: unknown[] = []
  t.core.subscribe((name, payload) => seen.push({ name, payload }))
  await t.call('webhooks.update', { id: base.id, name: 'From window A' }, { ...ADMIN, origin: 'window-a' })
  await t.call('webhooks.update', { id: base.id, name: 'From window B' }, { ...ADMIN, origin: 'window-b' })
  expect((await t.call<Webhook>('webhooks.get', { id: base.id })).name).toBe('From window B')
  expect(seen).toEqual([
    { name: 'webhooks.changed', payload: { action: 'updated', ids: [base.id], origin: 'window-a' } },
    { name: 'webhooks.changed', payload: { action: 'updated', ids: [base.id], origin: 'window-b' } },
  ])
})

test('an empty secret on update generates a new one', async () => {
  const before = await t.call<Webhook>('webhooks.get', { id: base.id, include_secret: true })
  const after = await t.call<Webhook>('webhooks.update', { id: base.id, secret: '' })
  expect(after.secret).toMatch(/^[0-9a-f]{64}$/)
  expect(after.secret).not.toBe(before.secret)
})
