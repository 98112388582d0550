import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { adminServer, type AdminServer } from '../../support/admin-server'

// Issue 6 §1.8: page=2 was ignored, fields=nope answered empty objects, a lone surrogate was stored as U+FFFD.
let s: AdminServer
beforeAll(async () => {
  s = await adminServer()
  for (let i = 0; i < 3; i++) await s.call('webhooks.create', { address: `http://127.0.0.1:9/q${i}`, topic: 'orders/create' })
})
afterAll(() => s.close())

const count = async () => (await s.api('GET', '/admin/webhooks/count.json')).json.count as number

describe('page=', () => {
  test.each(['2', '1', 'x', ''])('page=%s answers 400 naming page and pointing to page_info', async (page) => {
    const res = await s.api('GET', `/admin/webhooks.json?page=${page}`)
    expect(res.status).toBe(400)
    expect(Object.keys(res.json.errors)).toEqual(['page'])
    expect(res.json.errors.page[0]).toMatch(/page_info/)
    expect(res.json.errors.page[0]).toMatch(/Link/)
  })

  test('page_info and limit still work', async () => {
    const res = await s.api('GET', '/admin/webhooks.json?limit=2')
    expect(res.status).toBe(200)
    expect(res.json.webhooks).toHaveLength(2)
    const next = /<([^>]+)>; rel="next"/.exec(res.headers.get('link') ?? '')?.[1]
    expect(next).toBeTruthy()
    const page2 = await s.api('GET', new URL(next!).pathname + new URL(next!).search)
    expect(page2.status).toBe(200)
    expect(page2.json.webhooks).toHaveLength(1)
  })
})

describe('fields=', () => {
  test.each([
    ['/admin/webhooks.json?fields=nope', 'nope'],
    ['/admin/webhooks.json?fields=id,nope', 'nope'],
    ['/admin/webhooks/1.json?fields=address,bogus_field', 'bogus_field'],
    ['/admin/webhooks.json?fields=constructor', 'constructor'],
    ['/admin/webhooks.json?fields=__proto__', '__proto__'],
  ])('%s answers 400 naming %s', async (path, name) => {
    const res = await s.api('GET', path)
    expect(res.status).toBe(400)
    expect(Object.keys(res.json.errors)).toEqual(['fields'])
    expect(res.json.errors.fields[0]).toContain(`"${name}"`)
  })

  test('an absurdly long unknown name is not echoed in full', async () => {
    const res = await s.api('GET', `/admin/webhooks.json?fields=${'z'.repeat(5000)}`)
    expect(res.status).toBe(400)
    expect(res.text.length).toBeLessThan(1000)
  })

  test('known fields answer just those attributes, on the list and on one webhook', async () => {
    const list = await s.api('GET', '/admin/webhooks.json?fields=id,address')
    expect(list.status).toBe(200)
    for (const w of list.json.webhooks) expect(Object.keys(w)).toEqual(['id', 'address'])
    const one = await s.api('GET', '/admin/webhooks/1.json?fields=topics,modified_on,last_ping')
    expect(one.status).toBe(200)
    expect(Object.keys(one.json.webhook).sort()).toEqual(['last_ping', 'modified_on', 'topics'])
  })

  test('every attribute of the vocabulary is a known field', async () => {
    const all = 'id,name,address,topic,topics,profile,format,signing,secret,headers,auth,status,status_reason,disabled_on,consecutive_failures,retry_schedule,connect_timeout_ms,timeout_ms,max_concurrency,rate_limit_per_second,ordered,disable_after_failures,accept_self_signed,last_ping,created_on,modified_on'
    expect((await s.api('GET', `/admin/webhooks.json?fields=${all}`)).status).toBe(200)
  })
})

/** A JSON text whose string holds a lone surrogate as a \u escape (valid JSON, not valid Unicode). */
const LONE = ['\\ud800', '\\udfff', 'a\\udc00b', '\\ud83d']

describe('lone surrogates', () => {
  test.each(LONE)('"%s" in name: Admin API POST answers 422 naming name, and stores nothing', async (escaped) => {
    const before = await count()
    const body = `{"webhook":{"address":"http://127.0.0.1:9/s","topic":"orders/create","name":"x${escaped}"}}`
    const res = await s.api('POST', '/admin/webhooks.json', { body })
    expect(res.status).toBe(422)
    expect(Object.keys(res.json.errors)).toContain('name')
    expect(await count()).toBe(before)
  })

  test('in a header value, an address and a PUT: 422 naming the field, nothing changed', async () => {
    const header = await s.api('POST', '/admin/webhooks.json', { body: '{"webhook":{"address":"http://127.0.0.1:9/s","topic":"orders/create","headers":{"X-Note":"v\\ud800"}}}' })
    expect(header.status).toBe(422)
    expect(Object.keys(header.json.errors).join()).toMatch(/headers/)
    const address = await s.api('POST', '/admin/webhooks.json', { body: '{"webhook":{"address":"http://127.0.0.1:9/\\udfff","topic":"orders/create"}}' })
    expect(address.status).toBe(422)
    expect(Object.keys(address.json.errors)).toContain('address')
    const before = (await s.api('GET', '/admin/webhooks/1.json')).json.webhook
    const put = await s.api('PUT', '/admin/webhooks/1.json', { body: '{"webhook":{"name":"renamed \\udc01"}}' })
    expect(put.status).toBe(422)
    expect(Object.keys(put.json.errors)).toContain('name')
    expect((await s.api('GET', '/admin/webhooks/1.json')).json.webhook).toEqual(before)
  })

  test('through /rpc: webhooks.create, webhooks.update and settings.update answer 422 invalid_input naming the field', async () => {
    const rpc = (name: string, body: string) => s.api('POST', `/rpc/${name}`, { body })
    const create = await rpc('webhooks.create', '{"address":"http://127.0.0.1:9/r","topics":["orders/create"],"name":"\\ud800"}')
    expect(create.status).toBe(422)
    expect(create.json.error.code).toBe('invalid_input')
    expect(Object.keys(create.json.error.fields)).toContain('name')
    const update = await rpc('webhooks.update', '{"id":1,"name":"\\udfff tail"}')
    expect(update.status).toBe(422)
    expect(Object.keys(update.json.error.fields)).toContain('name')
    const tokens = await rpc('tokens.create', '{"role":"read","name":"\\ud800"}')
    expect(tokens.status).toBe(422)
    expect(Object.keys(tokens.json.error.fields)).toContain('name')
    // A valid pair (an emoji) is fine: only broken halves are refused.
    const emoji = await rpc('webhooks.create', '{"address":"http://127.0.0.1:9/r","topics":["orders/create"],"name":"\\ud83d\\ude00"}')
    expect(emoji.status).toBe(200)
    expect(emoji.json.value.name).toBe('\u{1F600}')
  })
})
