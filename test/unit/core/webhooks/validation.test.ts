import { afterEach, beforeEach, expect, test } from 'vitest'
import type { FieldErrors } from '../../../../electron/core/contract'
import { READER, testCore } from '../../../support/core'

let t: ReturnType<typeof testCore>
beforeEach(() => (t = testCore()))
afterEach(() => t.close())

const good = { address: 'https://example.test/hooks', topics: ['orders/create'] }

async function fieldsOf(input: unknown): Promise<FieldErrors> {
  try {
    await t.call('webhooks.create', input)
  } catch (err) {
    expect(err).toMatchObject({ code: 'invalid_input' })
    return (err as { fields: FieldErrors }).fields
  }
  throw new Error('expected the call to be refused')
}

test.each([
  ['javascript:alert(1)', 'not_http'],
  ['file:///etc/passwd', 'not_http'],
  ['ftp://example.test/x', 'not_http'],
  ['http://exa mple.test/x', 'invalid'],
  ['http:// example.test', 'invalid'],
  ['not a url', 'invalid'],
  ['http://', 'invalid'],
  ['', 'blank'],
])('address %j is refused with %s', async (address, code) => {
  expect((await fieldsOf({ ...good, address })).address).toEqual([code])
})

test('name over 200 characters, no event, bad headers and bad auth are each named', async () => {
  const fields = await fieldsOf({
    name: 'x'.repeat(201),
    address: 'http://localhost:1/',
    topics: [],
    headers: { 'Bad Name': 'v', 'X-Ok': 'line\r\nbreak', Host: 'evil' },
    auth: { type: 'basic', username: '' , password: 'p' },
  })
  expect(fields.name).toEqual(['too_long'])
  expect(fields.topics).toEqual(['blank'])
  expect(fields['headers.Bad Name']).toEqual(['invalid_header_name'])
  expect(fields['headers.X-Ok']).toEqual(['invalid_header_value'])
  expect(fields['headers.Host']).toEqual(['reserved_header'])
  expect(fields['auth.username']).toEqual(['blank'])
})

test('missing address and topics, wrong types, and unknown attributes are refused', async () => {
  const fields = await fieldsOf({ format: 'yaml', max_concurrency: 0, timeout_ms: 'soon', colour: 'red' })
  expect(fields.address).toEqual(['blank'])
  expect(fields.topics).toEqual(['blank'])
  expect(fields.format).toEqual(['invalid'])
  expect(fields.max_concurrency).toEqual(['out_of_range'])
  expect(fields.timeout_ms).toEqual(['invalid'])
  expect(fields.colour).toEqual(['unknown_attribute'])
  expect(await fieldsOf({ ...good, connect_timeout_ms: 20000, timeout_ms: 10000 })).toEqual({ connect_timeout_ms: ['out_of_range'] })
})

test('nothing refused is ever stored', async () => {
  await fieldsOf({ ...good, address: 'javascript:alert(1)' })
  await fieldsOf({ ...good, topics: ['nope/nope'] })
  expect((await t.call<{ total: number }>('webhooks.list', {})).total).toBe(0)
})

test('an unknown procedure and a read-only caller writing are refused with typed errors', async () => {
  await expect(t.call('webhooks.explode', {})).rejects.toMatchObject({ code: 'unknown_procedure' })
  await expect(t.call('webhooks.create', good, READER)).rejects.toMatchObject({ code: 'forbidden' })
  await expect(t.call('tokens.list', {}, READER)).rejects.toMatchObject({ code: 'forbidden' })
  expect((await t.call<{ total: number }>('webhooks.list', {}, READER)).total).toBe(0)
})

test('a read-only caller never sees a secret, even when asking', async () => {
  const { id } = await t.call<{ id: number }>('webhooks.create', { ...good, auth: { type: 'bearer', token: 'tok-123' } })
  await expect(t.call('webhooks.get', { id, include_secret: true }, READER)).rejects.toMatchObject({ code: 'forbidden' })
  const seen = await t.call<{ secret?: string; auth: { token: string } }>('webhooks.get', { id }, READER)
  expect(seen.secret).toBeUndefined()
  expect(seen.auth.token).toBe('[redacted]')
  const list = await t.call<{ webhooks: Array<{ secret?: string }> }>('webhooks.list', {})
  expect(list.webhooks[0].secret).toBeUndefined()
})
