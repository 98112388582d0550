import { createHmac } from 'node:crypto'
import { afterEach, beforeEach, expect, test } from 'vitest'
import type { DeliveryDetail, FiredEvent, Webhook } from '../../../electron/core/contract'
import { engineCore, type EngineCore } from '../../support/engine'
import { startReceiver, type Receiver } from '../../support/receiver'

let e: EngineCore
let receiver: Receiver
beforeEach(async () => {
  e = engineCore()
  receiver = await startReceiver()
})
afterEach(async () => {
  await e.close()
  await receiver.close()
})

const hookAt = (url: string, extra: object = {}) => ({ address: `${url}/hooks`, topics: ['orders/create'], ...extra })

test('a fired event reaches every subscribed enabled webhook, signed, with its delivery id, and every attempt is stored', async () => {
  const a = await e.call<Webhook>('webhooks.create', hookAt(receiver.url, { name: 'A' }))
  const b = await e.call<Webhook>('webhooks.create', hookAt(receiver.url, { name: 'B', format: 'xml' }))
  await e.call('webhooks.create', hookAt(receiver.url, { name: 'Off', status: 'disabled' }))
  await e.call('webhooks.create', hookAt(receiver.url, { name: 'Other topic', topics: ['orders/paid'] }))
  const fired = await e.call<FiredEvent>('events.fire', { topic: 'orders/create', seed: 42 })
  expect(fired.deliveries.map((d) => d.webhook_id).sort()).toEqual([a.id, b.id])
  await e.settle(() => receiver.count >= 2)
  await e.settle(async () => (await e.delivery(fired.deliveries[0].id)).status === 'succeeded' && (await e.delivery(fired.deliveries[1].id)).status === 'succeeded')

  const byId = new Map(receiver.requests.map((r) => [Number(r.header('x-hooklab-delivery-id')), r]))
  for (const d of fired.deliveries) {
    const req = byId.get(d.id)!
    const webhook = await e.call<Webhook>('webhooks.get', { id: d.webhook_id, include_secret: true })
    expect(req.header('x-sapo-topic')).toBe('orders/create')
    const expected = createHmac('sha256', webhook.secret!).update(req.body).digest('base64')
    expect(req.header('x-sapo-hmac-sha256')).toBe(expected)
    expect(req.header('content-type')).toMatch(webhook.format === 'xml' ? /^application\/xml/ : /^application\/json/)
    const detail = await e.delivery(d.id)
    expect(detail).toMatchObject({ status: 'succeeded', attempts_count: 1, last_status_code: 200, tag: null })
    expect(detail.attempts).toHaveLength(1)
    expect(detail.attempts[0].request.body).toBe(req.text())
    expect(detail.attempts[0].request.headers['X-Sapo-Hmac-Sha256']).toBe(req.header('x-sapo-hmac-sha256'))
    expect(detail.attempts[0].response).toMatchObject({ status: 200, truncated: false })
  }
})

test('a failing receiver is retried on the schedule with the injected clock, then succeeds; same ids on every attempt', async () => {
  receiver.reset()
  await receiver.close()
  receiver = await startReceiver({ replies: [{ status: 500, body: 'down' }, { status: 503, body: 'still down' }], reply: { status: 204 } })
  const w = await e.call<Webhook>('webhooks.create', hookAt(receiver.url, { retry_schedule: [5, 30] }))
  const fired = await e.call<FiredEvent>('events.fire', { topic: 'orders/create' })
  const id = fired.deliveries[0].id
  await e.settle(async () => (await e.delivery(id)).attempts_count === 1, { maxSchedulerMs: 100 })
  let d = await e.delivery(id)
  expect(d).toMatchObject({ status: 'retrying', last_status_code: 500, last_error_class: 'http' })
  // random() is 0.5 in the ManualScheduler: no jitter, 5 s after the attempt (which took a few scheduler steps).
  const firstAt = Date.parse(d.attempts[0].started_on)
  expect(Date.parse(d.next_attempt_on!) - firstAt).toBeGreaterThanOrEqual(5000)
  expect(Date.parse(d.next_attempt_on!) - firstAt).toBeLessThan(5100)
  await e.scheduler.advance(4900)
  await new Promise((r) => setTimeout(r, 50))
  expect(receiver.count).toBe(1)
  await e.settle(async () => (await e.delivery(id)).attempts_count === 2)
  d = await e.delivery(id)
  expect(d.status).toBe('retrying')
  await e.settle(async () => (await e.delivery(id)).status === 'succeeded', { stepMs: 1000 })
  d = await e.delivery(id)
  expect(d.attempts.map((a) => a.response?.status)).toEqual([500, 503, 204])
  expect(new Set(receiver.requests.map((r) => r.header('x-hooklab-delivery-id')))).toEqual(new Set([String(id)]))
  expect(new Set(receiver.requests.map((r) => r.header('x-sapo-webhook-id') ?? r.header('x-hooklab-delivery-id'))).size).toBe(1)
  expect((await e.webhook(w.id)).consecutive_failures).toBe(0)
})

test('Retry-After on 429 is honoured, capped at the largest delay of the schedule', async () => {
  await receiver.close()
  receiver = await startReceiver({ replies: [{ status: 429, headers: { 'Retry-After': '2' } }, { status: 429, headers: { 'Retry-After': '99999' } }], reply: { status: 200 } })
  await e.call('webhooks.create', hookAt(receiver.url, { retry_schedule: [60, 120] }))
  const { deliveries } = await e.call<FiredEvent>('events.fire', { topic: 'orders/create' })
  const id = deliveries[0].id
  await e.settle(async () => (await e.delivery(id)).attempts_count === 1, { maxSchedulerMs: 100 })
  let d = await e.delivery(id)
  const afterFirst = Date.parse(d.next_attempt_on!) - Date.parse(d.attempts[0].started_on)
  expect(afterFirst).toBeGreaterThanOrEqual(2000)
  expect(afterFirst).toBeLessThan(2100)
  // At most 2 s 100 ms of scheduler time: the retry is due at 2 s, and time may move a little while it is in flight.
  await e.settle(async () => (await e.delivery(id)).attempts_count === 2, { maxSchedulerMs: 2100 })
  d = await e.delivery(id)
  const afterSecond = Date.parse(d.next_attempt_on!) - Date.parse(d.attempts[1].started_on)
  expect(afterSecond).toBeGreaterThanOrEqual(120_000)
  expect(afterSecond).toBeLessThan(120_100)
})

test('after disable_after_failures failed deliveries the webhook is auto-disabled; its deliveries wait; enabling resumes them', async () => {
  await receiver.close()
  receiver = await startReceiver({ reply: { status: 500 } })
  const w = await e.call<Webhook>('webhooks.create', hookAt(receiver.url, { retry_schedule: [], disable_after_failures: 2 }))
  for (let i = 0; i < 2; i++) await e.call('events.fire', { topic: 'orders/create' })
  await e.settle(async () => (await e.webhook(w.id)).status === 'auto_disabled')
  const off = await e.webhook(w.id)
  expect(off).toMatchObject({ status: 'auto_disabled', consecutive_failures: 2, status_reason: '2 consecutive failed deliveries', modified_on: null })
  expect(off.disabled_on).not.toBeNull()
  const waiting = await e.call<FiredEvent>('events.fire', { topic: 'orders/create', webhook_ids: [w.id] })
  await e.scheduler.advance(5000)
  await new Promise((r) => setTimeout(r, 50))
  expect(receiver.count).toBe(2)
  expect((await e.delivery(waiting.deliveries[0].id)).status).toBe('pending')
  receiver.reset()
  await e.call('webhooks.setStatus', { ids: [w.id], status: 'enabled' })
  expect((await e.webhook(w.id)).consecutive_failures).toBe(0)
  await e.settle(() => receiver.count === 1)
  expect(receiver.requests[0].header('x-hooklab-delivery-id')).toBe(String(waiting.deliveries[0].id))
})

test('410 Gone fails the delivery and disables the webhook at once', async () => {
  await receiver.close()
  receiver = await startReceiver({ reply: { status: 410 } })
  const w = await e.call<Webhook>('webhooks.create', hookAt(receiver.url))
  const { deliveries } = await e.call<FiredEvent>('events.fire', { topic: 'orders/create' })
  await e.settle(async () => (await e.delivery(deliveries[0].id)).status === 'failed')
  expect(await e.webhook(w.id)).toMatchObject({ status: 'auto_disabled', status_reason: '410 Gone', modified_on: null })
})

test('retry now and cancel act on a retrying delivery; a finished one is a conflict', async () => {
  await receiver.close()
  receiver = await startReceiver({ replies: [{ status: 500 }], reply: { status: 200 } })
  await e.call('webhooks.create', hookAt(receiver.url, { retry_schedule: [3600] }))
  const { deliveries } = await e.call<FiredEvent>('events.fire', { topic: 'orders/create' })
  const id = deliveries[0].id
  await e.settle(async () => (await e.delivery(id)).status === 'retrying', { maxSchedulerMs: 100 })
  await e.call('deliveries.retry', { id })
  await e.settle(async () => (await e.delivery(id)).status === 'succeeded', { maxSchedulerMs: 200 })
  await expect(e.call('deliveries.cancel', { id })).rejects.toMatchObject({ code: 'conflict' })
  await expect(e.call('deliveries.retry', { id: 999 })).rejects.toMatchObject({ code: 'not_found' })
})

test('a ping is sent on create when asked and on demand; its result is last_ping; Test needs an enabled webhook', async () => {
  const w = await e.call<Webhook>('webhooks.create', { ...hookAt(receiver.url), ping: true })
  await e.settle(async () => (await e.webhook(w.id)).last_ping !== null)
  expect((await e.webhook(w.id)).last_ping).toMatchObject({ status_code: 200, ok: true })
  expect(JSON.parse(receiver.requests[0].text())).toMatchObject({ webhook_id: w.id, message: 'Hooklab ping' })
  const pinged = await e.call<DeliveryDetail>('webhooks.ping', { id: w.id })
  expect(pinged).toMatchObject({ tag: 'ping', status: 'succeeded', attempts_count: 1 })
  expect(pinged.attempts[0].request.url).toBe(`${receiver.url}/hooks`)
  const tested = await e.call<DeliveryDetail>('webhooks.test', { id: w.id, topic: 'orders/create' })
  expect(tested).toMatchObject({ tag: 'test', status: 'succeeded', topic: 'orders/create' })
  expect(tested.attempts[0].response?.status).toBe(200)
  await e.call('webhooks.setStatus', { ids: [w.id], status: 'disabled' })
  await expect(e.call('webhooks.test', { id: w.id, topic: 'orders/create' })).rejects.toMatchObject({ code: 'conflict' })
  // Pings and tests never count towards auto-disable.
  expect((await e.webhook(w.id)).consecutive_failures).toBe(0)
})

test('firing a topic nobody subscribes to stores the event with no delivery; bad input stores nothing', async () => {
  const fired = await e.call<FiredEvent>('events.fire', { topic: 'orders/paid' })
  expect(fired.deliveries).toEqual([])
  expect(fired.payload).toBeTypeOf('object')
  await expect(e.call('events.fire', { topic: 'nope/nope' })).rejects.toMatchObject({ fields: { topic: ['unknown_topic'] } })
  await expect(e.call('events.fire', { topic: 'orders/create', webhook_ids: [12345] })).rejects.toMatchObject({ fields: { webhook_ids: ['invalid'] } })
  expect((await e.call<{ count: number }>('deliveries.count', {})).count).toBe(0)
})

test('deleting a webhook removes its deliveries, their attempts and events left with none', async () => {
  const w = await e.call<Webhook>('webhooks.create', hookAt(receiver.url))
  const { deliveries, id: eventId } = await e.call<FiredEvent>('events.fire', { topic: 'orders/create' })
  await e.settle(async () => (await e.delivery(deliveries[0].id)).status === 'succeeded')
  await e.call('webhooks.delete', { id: w.id })
  await expect(e.delivery(deliveries[0].id)).rejects.toMatchObject({ code: 'not_found' })
  expect((await e.call<{ count: number }>('deliveries.count', { event_id: eventId })).count).toBe(0)
})

test('credentials in what was sent are sealed at rest: an admin sees the request as sent, a read token sees it redacted', async () => {
  const { readdirSync, readFileSync } = await import('node:fs')
  const { join } = await import('node:path')
  const { READER } = await import('../../support/core')
  const markers = ['MKHDR1', 'MKQUERY2', 'MKPASS3', 'MKUSER4']
  const w = await e.call<Webhook>('webhooks.create', {
    address: `http://u:${markers[3]}@${receiver.url.slice('http://'.length)}/sealed`,
    topics: ['orders/create'],
    headers: { 'X-Shop-Ref': markers[0] },
    auth: { type: 'query', param: 'shop', token: markers[1] },
  })
  const { deliveries } = await e.call<FiredEvent>('events.fire', { topic: 'orders/create', webhook_ids: [w.id] })
  await e.settle(async () => (await e.delivery(deliveries[0].id)).status === 'succeeded')
  const received = receiver.requests.at(-1)!
  expect(received.header('x-shop-ref')).toBe(markers[0])
  expect(received.url).toContain(`shop=${markers[1]}`)
  // The address's userinfo went as basic auth (as curl sends it), not in the URL.
  expect(received.header('authorization')).toBe(`Basic ${Buffer.from(`u:${markers[3]}`).toString('base64')}`)
  const admin = await e.delivery(deliveries[0].id)
  expect(admin.attempts[0].request.headers['X-Shop-Ref']).toBe(markers[0])
  expect(admin.attempts[0].request.url).toContain(`shop=${markers[1]}`)
  const reader = await e.call<DeliveryDetail>('deliveries.get', { id: deliveries[0].id }, READER)
  expect(JSON.stringify(reader.attempts)).not.toMatch(/MK(HDR1|QUERY2|USER4)/)
  for (const name of readdirSync(e.dataDir)) {
    const bytes = readFileSync(join(e.dataDir, name))
    for (const marker of markers) expect(bytes.includes(Buffer.from(marker)), `${marker} in ${name}`).toBe(false)
  }
})
