import Ajv from 'ajv'
import addFormats from 'ajv-formats'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { ADMIN, READER } from '../../support/core'
import { engineCore, type EngineCore } from '../../support/engine'
import { harSchema } from '../../support/har-schema'
import { BINARY_ANSWER, historyReceiver, seedHistory, type History } from '../../support/log-history'
import { allDeliveries, exportText } from '../../support/log-files'
import type { Receiver } from '../../support/receiver'

/** Issue 9 item 5: the filter as HAR 1.2, which browser devtools open (one entry per attempt). */
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

const ajv = new Ajv({ allErrors: true, strict: true, allowMatchingProperties: true })
addFormats(ajv)
const validHar = ajv.compile(harSchema)

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Har = { log: { entries: any[]; creator: { name: string; version: string } } }

test('HAR 1.2 validates against the spec\'s required fields, one entry per attempt, bodies and headers as sent', async () => {
  const text = await exportText(e.core, { filter: {}, format: 'har' }, ADMIN)
  const har = JSON.parse(text) as Har
  expect(validHar(har), JSON.stringify(validHar.errors?.slice(0, 3))).toBe(true)
  expect(har.log.creator.name).toBe('Hooklab')

  const deliveries = await allDeliveries(e.core, READER)
  const attempts = deliveries.flatMap((d) => d.attempts.map((a) => ({ d, a })))
  expect(har.log.entries).toHaveLength(attempts.length)
  expect(attempts.length).toBeGreaterThan(history.deliveries)
  for (const [i, { d, a }] of attempts.entries()) {
    const entry = har.log.entries[i]
    expect(entry._hooklab).toMatchObject({ delivery_id: d.id, attempt: a.n, topic: d.topic })
    expect(entry.startedDateTime).toBe(a.started_on)
    expect(entry.request.method).toBe(a.request.method)
    expect(entry.request.url.replaceAll('%5B', '[').replaceAll('%5D', ']')).toBe(a.request.url)
    expect(Object.fromEntries(entry.request.headers.map((h: { name: string; value: string }) => [h.name, h.value]))).toEqual(a.request.headers)
    expect(entry.request.postData.text).toBe(a.request.body)
    expect(entry.request.postData.mimeType).toBe(d.event_body.content_type)
    expect(entry.request.bodySize).toBe(Buffer.byteLength(a.request.body))
    expect(entry.time).toBe(a.duration_ms)
    if (a.response) {
      expect(entry.response.status).toBe(a.response.status)
      expect(Object.fromEntries(entry.response.headers.map((h: { name: string; value: string }) => [h.name, h.value]))).toEqual(a.response.headers)
    } else {
      // No answer came back (refused): status 0 and the reason, as Chrome writes a failed request.
      expect(entry.response).toMatchObject({ status: 0, _error: a.error!.message })
      expect(a.error!.class).toBe('refused')
    }
  }
  const binary = har.log.entries.find((en) => en.response.content.mimeType === 'application/octet-stream')
  expect(binary.response.content).toMatchObject({ encoding: 'base64', text: BINARY_ANSWER.toString('base64'), size: BINARY_ANSWER.length })
  const json = har.log.entries.find((en) => en.response.status === 200 && en.response.content.mimeType === 'application/json')
  expect(JSON.parse(json.response.content.text)).toMatchObject({ ok: true })
  expect(json.response.statusText).toBe('OK')
  // The query string is listed (credential-like values redacted without secrets).
  const withQuery = har.log.entries.find((en) => en.request.url.includes('shop=a'))
  expect(withQuery.request.queryString).toEqual([
    { name: 'api_key', value: '[redacted]' },
    { name: 'shop', value: 'a' },
  ])
  expect(text).not.toContain('p@ss')
})

test('an empty filter result is still a valid HAR; the schema check itself refuses a broken one', async () => {
  const text = await exportText(e.core, { filter: { webhook_id: 999_999 }, format: 'har' }, READER)
  const har = JSON.parse(text) as Har
  expect(validHar(har)).toBe(true)
  expect(har.log.entries).toEqual([])
  const full = JSON.parse(await exportText(e.core, { filter: {}, format: 'har' }, READER)) as Har
  delete full.log.entries[0].timings
  expect(validHar(full)).toBe(false)
})
