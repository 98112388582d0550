import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { adminServer, type AdminServer } from '../../support/admin-server'

let s: AdminServer
let id: number
let snapshot: unknown
beforeAll(async () => {
  s = await adminServer()
  const res = await s.api('POST', '/admin/webhooks.json', { body: { webhook: { address: 'http://localhost:9/a', topic: 'orders/create', name: 'Keep me' } } })
  id = res.json.webhook.id
  snapshot = await everything()
})
afterAll(() => s.close())

/** The whole store as the API shows it, secrets included: nothing may change on any error. */
async function everything() {
  return (await s.api('GET', '/admin/webhooks.json?include_secret=true')).json
}

const post = (body: unknown, contentType?: string | null) => s.api('POST', '/admin/webhooks.json', { body, contentType })
const put = (body: unknown) => s.api('PUT', `/admin/webhooks/${id}.json`, { body })

describe('400 Bad Request', () => {
  test('malformed JSON', async () => {
    const res = await post('{"webhook": {"address": ')
    expect(res.status).toBe(400)
    expect(res.json.errors).toMatch(/^Malformed JSON/)
  })

  test('bad query parameters are named', async () => {
    for (const query of ['limit=0', 'limit=251', 'limit=ten', 'since_id=-1', 'page_info=%%%', 'page_info=bm9wZQ', 'include_secret=maybe', 'topic=orders/create']) {
      const res = await s.api('GET', `/admin/webhooks.json?${query}`)
      expect(res.status, query).toBe(400)
      expect(Object.keys(res.json.errors), query).toEqual([query.split('=')[0]])
    }
    expect((await s.api('GET', '/admin/webhooks/count.json?status=sleeping')).status).toBe(400)
  })
})

describe('404 Not Found', () => {
  test('unknown paths and ids', async () => {
    for (const path of ['/admin/nothing.json', '/admin/webhooks', '/admin/webhooks/abc.json', `/admin/webhooks/${id + 1000}.json`, '/admin/webhooks/0.json', '/admin/tokens/999.json']) {
      const method = path.startsWith('/admin/tokens/') ? 'DELETE' : 'GET'
      const res = await s.api(method, path)
      expect([res.status, res.json], path).toEqual([404, { errors: 'Not Found' }])
    }
    expect((await put({ webhook: { name: 'x' } })).status).toBe(200)
    expect((await s.api('PUT', `/admin/webhooks/${id + 1000}.json`, { body: { webhook: { name: 'x' } } })).status).toBe(404)
    expect((await s.api('DELETE', `/admin/webhooks/${id + 1000}.json`)).status).toBe(404)
    await put({ webhook: { name: 'Keep me' } })
    snapshot = await everything()
  })
})

describe('405 Method Not Allowed', () => {
  test('a known path with a wrong method names the allowed ones', async () => {
    const cases: [string, string, string][] = [
      ['PATCH', `/admin/webhooks/${id}.json`, 'GET, PUT, DELETE, HEAD'],
      ['POST', `/admin/webhooks/${id}.json`, 'GET, PUT, DELETE, HEAD'],
      ['DELETE', '/admin/webhooks.json', 'GET, POST, HEAD'],
      ['POST', '/admin/webhooks/count.json', 'GET, HEAD'],
      ['GET', '/admin/tokens/1.json', 'DELETE'],
    ]
    for (const [method, path, allow] of cases) {
      const res = await s.api(method, path)
      expect(res.status, `${method} ${path}`).toBe(405)
      expect(res.headers.get('allow')).toBe(allow)
      expect(res.json).toEqual({ errors: 'Method Not Allowed' })
    }
    const head = await s.api('HEAD', '/admin/webhooks/count.json')
    expect([head.status, head.text]).toEqual([200, ''])
  })
})

describe('413 Payload Too Large', () => {
  test('a body over 5 MiB is refused and nothing is stored', async () => {
    const big = JSON.stringify({ webhook: { address: 'http://localhost:9/b', topic: 'orders/create', name: 'x'.repeat(5 * 1024 * 1024) } })
    const res = await post(big)
    expect(res.status).toBe(413)
    expect(typeof res.json.errors).toBe('string')
    expect(await everything()).toEqual(snapshot)
  })
})

describe('415 Unsupported Media Type', () => {
  test('only JSON, no type, or form-urlencoded (curl -d) are read', async () => {
    const body = JSON.stringify({ webhook: { address: 'http://localhost:9/415', topic: 'orders/create' } })
    for (const type of ['text/plain', 'application/xml', 'multipart/form-data; boundary=x']) {
      const res = await post(body, type)
      expect(res.status, type).toBe(415)
    }
    expect(await everything()).toEqual(snapshot)
    const accepted: string[] = []
    for (const type of [null, 'application/x-www-form-urlencoded', 'application/json; charset=utf-8']) {
      const res = await post(body, type)
      expect(res.status, String(type)).toBe(200)
      accepted.push(res.json.webhook.id)
      await s.api('DELETE', `/admin/webhooks/${res.json.webhook.id}.json`)
    }
    expect(accepted).toHaveLength(3)
    expect(await everything()).toEqual(snapshot)
  })
})

describe('422 Unprocessable Entity', () => {
  test('a body without the webhook wrapper', async () => {
    for (const body of ['', '[]', '"webhook"', '{"address": "http://localhost:9/a"}', '{"webhook": null}']) {
      const res = await post(body)
      expect([res.status, res.json], body).toEqual([422, { errors: { webhook: ['is required'] } }])
    }
    expect((await post('{"webhook": [1]}')).json).toEqual({ errors: { webhook: ['must be an object'] } })
    expect(await everything()).toEqual(snapshot)
  })

  test('a POST names every bad attribute with a sentence and stores nothing', async () => {
    const res = await post({
      webhook: {
        address: 'ftp://files.example/in',
        topic: 'orders/teleported',
        format: 'yaml',
        timeout_ms: 'soon',
        headers: { 'Bad Name': 'x', Host: 'evil' },
        colour: 'red',
        name: 'n'.repeat(201),
      },
    })
    expect(res.status).toBe(422)
    expect(res.json).toEqual({
      errors: {
        address: ['must be an http or https URL'],
        topic: ['is not a valid topic'],
        format: ['is invalid'],
        timeout_ms: ['is invalid'],
        'headers.Bad Name': ['is not a valid header name'],
        'headers.Host': ['is set by Hooklab and cannot be overridden'],
        colour: ['is not a known attribute'],
        name: ['is too long'],
      },
    })
    expect(await everything()).toEqual(snapshot)
  })

  test('missing attributes are "can\'t be blank", alongside wrong types', async () => {
    const res = await post({ webhook: { format: 'json', max_concurrency: 0, address: null } })
    expect(res.status).toBe(422)
    expect(res.json.errors).toEqual({ address: ["can't be blank"], topics: ["can't be blank"], max_concurrency: ['is out of range'] })
    expect((await post({ webhook: { address: 5, topic: 'orders/nope' } })).json.errors).toEqual({ address: ['is invalid'], topic: ['is not a valid topic'] })
    expect(await everything()).toEqual(snapshot)
  })

  test('a Standard Webhooks secret must be whsec_ + base64, named with the other problems', async () => {
    const res = await post({ webhook: { address: 'http://localhost:9/a', topic: 'orders/create', signing: 'standard', secret: 'plain', retry_schedule: [-1] } })
    expect(res.json.errors).toEqual({ secret: [expect.stringMatching(/^is invalid for this signing style/)], 'retry_schedule.0': ['is out of range'] })
    const alsoBlank = await post({ webhook: { topic: 'orders/create', signing: 'standard', secret: 'plain', connect_timeout_ms: 30_000 } })
    expect(alsoBlank.json.errors).toEqual({ address: ["can't be blank"], secret: [expect.stringMatching(/^is invalid/)], connect_timeout_ms: ['is out of range'] })
    expect(await everything()).toEqual(snapshot)
  })

  test('a PUT names every bad attribute and changes nothing', async () => {
    const res = await put({ webhook: { address: 'not a url', topics: ['orders/create', 'nope/nope'], ordered: 'yes', owner: 'me', id: id + 1 } })
    expect(res.status).toBe(422)
    expect(res.json.errors).toEqual({
      id: [`does not match the webhook in the URL (${id})`],
      address: ['is invalid'],
      'topics.1': ['is not a valid topic'],
      ordered: ['is invalid'],
      owner: ['is not a known attribute'],
    })
    // Rules that need the stored webhook (its secret against a new style) are named once the attributes are well-formed.
    const style = await put({ webhook: { signing: 'standard' } })
    expect(style.json.errors).toEqual({ secret: [expect.stringMatching(/^is invalid for this signing style/)] })
    expect(await everything()).toEqual(snapshot)
  })

  test('connect_timeout_ms may not exceed the stored timeout_ms', async () => {
    const res = await put({ webhook: { connect_timeout_ms: 20_000 } })
    expect(res.json).toEqual({ errors: { connect_timeout_ms: ['is out of range'] } })
    expect(await everything()).toEqual(snapshot)
  })
})
