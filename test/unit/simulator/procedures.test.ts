import { afterEach, beforeEach, expect, test } from 'vitest'
import type { Scenario, Template } from '../../../electron/core/contract'
import { READER, testCore } from '../../support/core'

let t: ReturnType<typeof testCore>
beforeEach(() => {
  t = testCore()
})
afterEach(() => t.close())

interface Preview {
  seed: number
  payload: Record<string, unknown>
  body: string
  content_type: string
}

test('a preview is the payload the simulator would fire: the same seed gives the same bytes, in each format', async () => {
  const a = await t.call<Preview>('events.preview', { topic: 'orders/create', seed: 7 })
  const b = await t.call<Preview>('events.preview', { topic: 'orders/create', seed: 7 })
  expect(a.body).toBe(b.body)
  expect(a.content_type).toMatch(/^application\/json/)
  expect(JSON.parse(a.body)).toEqual(a.payload)
  const xml = await t.call<Preview>('events.preview', { topic: 'orders/create', seed: 7, format: 'xml' })
  expect(xml.body).toMatch(/^<\?xml[^>]*>\s*<order>/)
  const drawn = await t.call<Preview>('events.preview', { topic: 'orders/create' })
  expect(drawn.seed).toBeTypeOf('number')
  await expect(t.call('events.preview', { topic: 'nope/nope' })).rejects.toMatchObject({ fields: { topic: ['unknown_topic'] } })
})

test('an edited body is read back into a payload, or refused with its line and column', async () => {
  expect(await t.call('events.parseBody', { format: 'json', body: '{"a": 1}' })).toEqual({ payload: { a: 1 } })
  await expect(t.call('events.parseBody', { format: 'json', body: '{\n  "a": 1,\n  "b": }' })).rejects.toMatchObject({ message: expect.stringMatching(/^Line 3, column \d+/), fields: { body: ['invalid'] } })
  await expect(t.call('events.parseBody', { format: 'json', body: '[1]' })).rejects.toMatchObject({ fields: { body: ['invalid'] } })
  const xml = (await t.call<Preview>('events.preview', { topic: 'orders/create', seed: 3, format: 'xml' })).body
  const json = await t.call<Preview>('events.preview', { topic: 'orders/create', seed: 3 })
  expect(await t.call('events.parseBody', { format: 'xml', body: xml })).toEqual({ payload: json.payload })
  await expect(t.call('events.parseBody', { format: 'xml', body: '<order>\n<id type="integer">1</id>\n</ordr>' })).rejects.toMatchObject({ message: expect.stringMatching(/^Line 3, column \d+/) })
})

test('scenarios are listed per profile, and their steps speak of the same seeded order', async () => {
  const { scenarios } = await t.call<{ scenarios: Scenario[] }>('scenarios.list', {})
  const lifecycle = scenarios.find((s) => s.id === 'order_lifecycle' && s.profile === 'sapo')!
  expect(lifecycle.steps).toEqual(['orders/create', 'orders/paid', 'orders/fulfilled', 'order_returns/create', 'order_returns/refund'])
  const ids = await Promise.all(lifecycle.steps.slice(0, 3).map(async (topic) => (await t.call<Preview>('events.preview', { topic, seed: 99 })).payload.id))
  expect(new Set(ids).size).toBe(1)
})

test('templates are saved by name, replaced under the same name, listed and deleted; a read token cannot save', async () => {
  const saved = await t.call<Template>('templates.save', { name: 'Big order', profile: 'sapo', topic: 'orders/create', payload: { id: 1 } })
  const again = await t.call<Template>('templates.save', { name: 'Big order', profile: 'sapo', topic: 'orders/create', payload: { id: 2 } })
  expect(again.id).toBe(saved.id)
  expect((await t.call<{ templates: Template[] }>('templates.list', {})).templates).toEqual([expect.objectContaining({ name: 'Big order', payload: { id: 2 } })])
  await expect(t.call('templates.save', { name: 'x', profile: 'sapo', topic: 'x', payload: {} }, READER)).rejects.toMatchObject({ code: 'forbidden' })
  await expect(t.call('templates.save', { name: 'x', profile: 'sapo', topic: 'nope/nope', payload: {} })).rejects.toMatchObject({ fields: { topic: ['unknown_topic'] } })
  await t.call('templates.delete', { id: saved.id })
  await expect(t.call('templates.delete', { id: saved.id })).rejects.toMatchObject({ code: 'not_found' })
})
