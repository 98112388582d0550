import { afterAll, beforeAll, expect, test } from 'vitest'
import { REDACTED, type DeliveryDetail, type Webhook } from '../../../electron/core/contract'
import { ADMIN, READER, testCore } from '../../support/core'
import { engineCore, type EngineCore } from '../../support/engine'
import { BINARY_ANSWER, historyReceiver, seedHistory, type History } from '../../support/log-history'
import { allDeliveries, chunked, comparable, exportText, storeSnapshot } from '../../support/log-files'
import type { Receiver } from '../../support/receiver'

/**
 * Issue 9 "Done when": export then import into a fresh data directory gives the same
 * deliveries — topics, statuses, attempts, bodies, headers — over a varied real history.
 */
let e: EngineCore
let receiver: Receiver
let history: History
beforeAll(async () => {
  e = engineCore()
  receiver = await historyReceiver()
  history = await seedHistory(e, receiver)
}, 30_000)
afterAll(async () => {
  await e.close()
  await receiver.close()
})

async function importInto(text: string, chunkSize = 997) {
  const fresh = testCore()
  const result = await fresh.core.importLog(chunked(text, chunkSize), ADMIN)
  return { fresh, result }
}

test('NDJSON without secrets: the same deliveries in a fresh data directory, marked imported, credentials left out', async () => {
  const text = await exportText(e.core, { filter: {}, format: 'ndjson' }, ADMIN)
  const lines = text.trimEnd().split('\n').map((l) => JSON.parse(l))
  expect(lines[0]).toEqual({ hooklab_export: 1, created_on: expect.any(String), filter: {}, secrets: false })
  // Webhooks first, then each delivery after its event and before its attempts.
  const types = lines.slice(1).map((l) => l.type)
  expect(types.slice(0, 5)).toEqual(['webhook', 'webhook', 'webhook', 'webhook', 'webhook'])
  expect(types.filter((t) => t === 'delivery')).toHaveLength(history.deliveries)
  expect(text).not.toContain('p@ss')
  expect(text).not.toContain('bearer-secret')
  expect(text).not.toContain('tok-1')
  expect(text).not.toContain('k-123')
  expect(lines.some((l) => l.type === 'webhook' && 'secret' in l)).toBe(false)

  const { fresh, result } = await importInto(text)
  try {
    const events = lines.filter((l) => l.type === 'event').length
    const attempts = lines.filter((l) => l.type === 'attempt').length
    expect(result).toEqual({ webhooks: 5, events, deliveries: history.deliveries, attempts })
    const before = await allDeliveries(e.core, READER)
    const after = await allDeliveries(fresh.core, READER)
    expect(after.map(comparable)).toEqual(before.map(comparable))
    expect(after.every((d) => d.imported)).toBe(true)
    expect(before.some((d) => d.imported)).toBe(false)
    // The answers' exact bytes: a non-UTF-8 body went through base64 and came back whole.
    expect(lines.some((l) => l.type === 'attempt' && l.response?.body_encoding === 'base64')).toBe(true)
    const binary = after.find((d) => d.attempts.some((a) => a.response?.headers['content-type'] === 'application/octet-stream'))!
    expect(binary.attempts[0].response!.body).toBe(BINARY_ANSWER.toString('utf8'))
    // The log's filters find them as they found the originals: topic, status class, time range.
    for (const filter of [{ topic: 'orders/create' }, { status_class: '5xx' }, { status_class: 'network' }, { since: before[0].created_on }, { test: false }] as const) {
      const count = async (core: typeof e.core) => (await core.invoke('deliveries.count', filter, ADMIN)).count
      expect(await count(fresh.core), JSON.stringify(filter)).toBe(await count(e.core))
    }
    // Every outcome made it: retried then succeeded, failed on 500, refused, a test.
    expect(new Set(after.map((d) => d.status))).toEqual(new Set(['succeeded', 'failed']))
    expect(after.some((d) => d.attempts_count === 2 && d.status === 'succeeded')).toBe(true)
    expect(after.some((d) => d.last_error_class === 'refused')).toBe(true)
    expect(after.filter((d) => d.tag === 'test')).toHaveLength(1)

    // Imported webhooks are disabled: nothing goes to the customer's URL by surprise.
    const hooks = (await fresh.call<{ webhooks: Webhook[] }>('webhooks.page', { dir: 'gt', id: 0, limit: 50, include_secret: true })).webhooks
    expect(hooks.map((h) => h.name)).toEqual(history.webhooks.map((h) => h.name))
    expect(hooks.every((h) => h.status === 'disabled' && h.status_reason === 'Imported from a Hooklab export')).toBe(true)
    const first = hooks[0]
    // Credentials the file left redacted are not stored as "[redacted]": dropped, and a new secret generated.
    // (An admin's export without secrets shows header values that do not look like credentials.)
    expect(first.auth).toEqual({ type: 'none' })
    expect(first.headers).toEqual({ 'X-Tenant': 'acme' })
    expect(first.secret).toMatch(/^[0-9a-f]{64}$/)
    expect(first.secret).not.toBe(history.webhooks[0].secret)
    expect(first.topics).toEqual(['orders/create', 'customers/create'])
    expect(storeSnapshot(fresh.dataDir).stageFiles).toEqual([])
  } finally {
    await fresh.close()
  }
}, 30_000)

test('NDJSON with secrets (an admin asked): secrets, auth and the requests exactly as sent survive, sealed at rest', async () => {
  const text = await exportText(e.core, { filter: {}, format: 'ndjson', secrets: true }, ADMIN)
  expect(JSON.parse(text.split('\n')[0])).toMatchObject({ secrets: true })
  expect(text).toContain('p@ss')
  const { fresh } = await importInto(text, 64 * 1024)
  try {
    const before = await allDeliveries(e.core, ADMIN)
    const after = await allDeliveries(fresh.core, ADMIN)
    expect(after.map(comparable)).toEqual(before.map(comparable))
    const sent = after.find((d) => d.attempts[0]?.request.url.includes('api_key=k-123'))!
    expect(sent.attempts[0].request.headers.Authorization).toBe(`Basic ${Buffer.from('u:p@ss').toString('base64')}`)
    // A read token still sees them redacted: the import sealed them like the engine does.
    const asReader = await fresh.call<DeliveryDetail>('deliveries.get', { id: sent.id }, READER)
    expect(asReader.attempts[0].request.headers.Authorization).toBe(REDACTED)
    expect(asReader.attempts[0].request.url).not.toContain('k-123')
    const hook = await fresh.call<Webhook>('webhooks.get', { id: sent.webhook_id, include_secret: true })
    const original = await e.call<Webhook>('webhooks.get', { id: history.webhooks[0].id, include_secret: true })
    expect({ secret: hook.secret, auth: hook.auth, headers: hook.headers, address: hook.address }).toEqual({
      secret: original.secret,
      auth: original.auth,
      headers: original.headers,
      address: original.address,
    })
  } finally {
    await fresh.close()
  }
}, 30_000)

test('a filter exports only its deliveries, with only the webhooks involved; a read token exports without secrets only', async () => {
  const failing = history.webhooks[1]
  const text = await exportText(e.core, { filter: { webhook_id: failing.id }, format: 'ndjson' }, READER)
  const lines = text.trimEnd().split('\n').map((l) => JSON.parse(l))
  expect(lines[0].filter).toEqual({ webhook_id: failing.id })
  expect(lines.filter((l) => l.type === 'webhook').map((l) => l.id)).toEqual([failing.id])
  expect(lines.filter((l) => l.type === 'delivery').every((l) => l.webhook_id === failing.id)).toBe(true)
  expect(lines.filter((l) => l.type === 'delivery')).toHaveLength(4)
  await expect(e.core.exportLog({ filter: {}, format: 'ndjson', secrets: true }, READER)).rejects.toMatchObject({ code: 'forbidden' })
  await expect(e.core.exportLog({ filter: { nope: 1 }, format: 'ndjson' }, ADMIN)).rejects.toMatchObject({ code: 'invalid_input' })
  await expect(e.core.exportLog({ filter: {}, format: 'csv' }, ADMIN)).rejects.toMatchObject({ code: 'invalid_input', fields: { format: expect.any(Array) } })
})

test('an export stops at the newest delivery when it began: rows written while it streams are left out', async () => {
  const running = await e.core.exportLog({ filter: {}, format: 'ndjson' }, ADMIN)
  await e.call('events.fire', { topic: 'orders/create', seed: 98 })
  const iterator = running.chunks[Symbol.asyncIterator]()
  const first = await iterator.next()
  await e.call('events.fire', { topic: 'customers/create', seed: 99 })
  let rest = String(first.value)
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) rest += next.value
  expect(rest.split('\n').filter((l) => l.includes('"type":"delivery"'))).toHaveLength(history.deliveries)
  expect(running.progress.deliveries).toBe(history.deliveries)
})
