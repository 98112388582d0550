import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { adminServer, type AdminServer } from '../../support/admin-server'

// Issue 6 §1.1–1.3, over real HTTP: built-in names as keys gave 500, `__proto__` was taken
// as the prototype (and the webhook created), control and invisible characters were stored in addresses.
let s: AdminServer
let id: number
beforeAll(async () => {
  s = await adminServer()
  const created = await s.api('POST', '/admin/webhooks.json', { body: { webhook: { address: 'http://127.0.0.1:9/base', topic: 'orders/create' } } })
  id = created.json.webhook.id
})
afterAll(() => s.close())

const BUILT_INS = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', '__proto__']
const ADDRESS = '"address":"http://127.0.0.1:9/k","topic":"orders/create"'

/** Bodies are written as JSON text: an object literal cannot hold an own `__proto__` key. */
const send = (method: string, path: string, text: string) => s.api(method, path, { body: text })
const snapshot = async () => ({
  count: (await s.api('GET', '/admin/webhooks/count.json')).json.count,
  webhook: (await s.api('GET', `/admin/webhooks/${id}.json?include_secret=true`)).json.webhook,
  tokens: (await s.api('GET', '/admin/tokens.json')).json,
  settings: (await s.api('POST', '/rpc/settings.get', { body: {} })).json.value,
})

describe.each(BUILT_INS)('the key %s', (key) => {
  const k = JSON.stringify(key)
  test.each([
    ['POST /admin/webhooks.json', 'POST', '/admin/webhooks.json', `{"webhook":{${ADDRESS},${k}:1}}`],
    ['PUT /admin/webhooks/{id}.json', 'PUT', '/admin/webhooks/{id}.json', `{"webhook":{${k}:1}}`],
    ['PUT with a good attribute too', 'PUT', '/admin/webhooks/{id}.json', `{"webhook":{"name":"changed",${k}:{"a":1}}}`],
    ['POST /admin/tokens.json', 'POST', '/admin/tokens.json', `{"token":{"role":"read",${k}:"x"}}`],
  ])('%s answers 422 naming it as unknown, and changes nothing', async (_label, method, path, text) => {
    const before = await snapshot()
    const res = await send(method, path.replace('{id}', String(id)), text)
    expect(res.status, res.text).toBe(422)
    expect(Object.keys(res.json.errors)).toContain(key)
    expect(res.json.errors[key]).toEqual(['is not a known attribute'])
    expect(await snapshot()).toEqual(before)
  })

  test.each([
    ['webhooks.create', `{${ADDRESS.replace('"topic":"orders/create"', '"topics":["orders/create"]')},${k}:1}`],
    ['webhooks.update', `{"id":1,${k}:1}`],
    ['webhooks.list', `{${k}:1}`],
    ['settings.update', `{${k}:true}`],
    ['tokens.create', `{"role":"read",${k}:1}`],
  ])('/rpc %s answers 422 invalid_input naming it, and changes nothing', async (name, text) => {
    const before = await snapshot()
    const res = await send('POST', `/rpc/${name}`, text)
    expect(res.status, res.text).toBe(422)
    expect(res.json.error.code).toBe('invalid_input')
    expect(res.json.error.fields[key]).toEqual(['unknown_attribute'])
    expect(await snapshot()).toEqual(before)
  })
})

test('"__proto__": {…} carrying the attributes creates nothing and changes nothing', async () => {
  const before = await snapshot()
  const inner = '{"address":"http://127.0.0.1:9/proto","topic":"orders/create"}'
  for (const [method, path, text] of [
    ['POST', '/admin/webhooks.json', `{"webhook":{"__proto__":${inner}}}`],
    ['POST', '/admin/webhooks.json', `{"webhook":{${ADDRESS},"__proto__":{"status":"disabled","name":"polluted"}}}`],
    ['PUT', `/admin/webhooks/${id}.json`, '{"webhook":{"__proto__":{"status":"disabled"}}}'],
    ['POST', '/rpc/webhooks.create', `{"__proto__":${inner}}`],
  ]) {
    const res = await send(method, path, text)
    expect(res.status, `${method} ${path}: ${res.text}`).toBe(422)
  }
  expect(await snapshot()).toEqual(before)
  expect(({} as Record<string, unknown>).status).toBeUndefined()
})

const CONTROL = {
  'NUL trailing': 'http://127.0.0.1:9/x\u0000',
  'NUL leading': '\u0000http://127.0.0.1:9/x',
  'NUL mid-path': 'http://127.0.0.1:9/a\u0000b',
  'U+0001': 'http://127.0.0.1:9/a\u0001',
  'U+001F': 'http://127.0.0.1:9/a\u001f',
  DEL: 'http://127.0.0.1:9/a\u007f',
  backspace: 'http://127.0.0.1:9/a\b',
  'NEL U+0085': 'http://127.0.0.1:9/a\u0085',
  'RLO U+202E': 'http://127.0.0.1:9/\u202egnp.exe',
  'LRO U+202D': 'http://127.0.0.1:9/\u202dx',
  'RLI U+2067': 'http://127.0.0.1:9/\u2067x\u2069',
  'LRM U+200E': 'http://127.0.0.1:9/x\u200e',
  'ALM U+061C': 'http://127.0.0.1:9/x\u061c',
  'ZWSP U+200B': 'http://127.0.0.1:9/x\u200b',
  'ZWJ U+200D': 'http://127.0.0.1:9/x\u200d',
  'word joiner U+2060': 'http://127.0.0.1:9/x\u2060',
  'BOM U+FEFF': 'http://127.0.0.1:9/x\ufeff',
  'ZWSP in the host': 'http://127.0.0\u200b.1:9/x',
}

describe.each(Object.entries(CONTROL))('an address with %s', (_label, address) => {
  test('is refused with 422 naming address by Admin API POST and PUT and by /rpc create and update', async () => {
    const before = await snapshot()
    const post = await s.api('POST', '/admin/webhooks.json', { body: { webhook: { address, topic: 'orders/create' } } })
    expect(post.status, post.text).toBe(422)
    expect(Object.keys(post.json.errors)).toEqual(['address'])
    const put = await s.api('PUT', `/admin/webhooks/${id}.json`, { body: { webhook: { address } } })
    expect(put.status, put.text).toBe(422)
    expect(Object.keys(put.json.errors)).toEqual(['address'])
    const rpc = await s.api('POST', '/rpc/webhooks.create', { body: { address, topics: ['orders/create'] } })
    expect(rpc.status, rpc.text).toBe(422)
    expect(Object.keys(rpc.json.error.fields)).toEqual(['address'])
    const rpcUpdate = await s.api('POST', '/rpc/webhooks.update', { body: { id, address } })
    expect(rpcUpdate.status, rpcUpdate.text).toBe(422)
    expect(await snapshot()).toEqual(before)
  })
})
