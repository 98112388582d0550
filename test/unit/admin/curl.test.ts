import { execFile, execFileSync } from 'node:child_process'
import { createHmac } from 'node:crypto'
import { promisify } from 'node:util'
import { Webhook as StandardWebhook } from 'standardwebhooks'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { curlCommand, shellQuote } from '../../../electron/core/delivery/curl'
import { adminServer, type AdminServer } from '../../support/admin-server'
import { startReceiver, type ReceivedRequest, type Receiver } from '../../support/receiver'

/*
 * Copy as cURL (issue 9 item 2): the command is run with `sh -c` against a capturing
 * receiver on 127.0.0.1, and what arrives is compared with what the engine sent: the same
 * body bytes, the same headers, a signature the provider's verifier accepts.
 */
const run = promisify(execFile)

test('curl is installed on this machine (these tests run it)', () => {
  expect(execFileSync('sh', ['-c', 'command -v curl']).toString().trim()).not.toBe('')
})

describe('shellQuote', () => {
  test.each([
    ["it's", 'a quote'],
    ['$(touch /tmp/hooklab-pwned) `id` $HOME ${PATH}', 'substitutions'],
    ['back\\slash \\n \\\\', 'backslashes'],
    ['line one\nline two\r\n\ttab', 'newlines'],
    ["'''", 'only quotes'],
    ['!event ~ * ? [a] {b,c} ; & | < > #', 'shell metacharacters'],
    ['', 'empty'],
    ['Tiếng Việt ✓ 😀', 'unicode'],
  ])('%j (%s) reaches the command exactly', (text) => {
    expect(execFileSync('sh', ['-c', `printf '%s' ${shellQuote(text)}`]).toString('utf8')).toBe(text)
  })
})

describe('curlCommand', () => {
  const request = { method: 'POST', url: 'https://127.0.0.1:9/x?a[]=1', headers: { 'Content-Type': 'application/json', 'X-Empty': '' }, body: '{}' }
  test('turns off what curl adds by itself, globbing, and sends an empty header as empty', () => {
    const command = curlCommand(request)
    expect(command).toContain("-H 'Accept:'")
    expect(command).toContain("-H 'Expect:'")
    expect(command).toContain('--globoff')
    expect(command).toContain("-H 'X-Empty;'")
    expect(command).not.toContain('--insecure')
    expect(curlCommand(request, { insecure: true })).toContain('--insecure')
  })
  test('a body that starts with @ is data, not a file name', () => {
    expect(curlCommand({ ...request, body: '@/etc/passwd' })).toContain("--data-raw '@/etc/passwd'")
  })
})

describe('over real HTTP', () => {
  const SECRET = 'whsec_' + Buffer.from('curl-test-secret-is-32-bytes-ok!').toString('base64')
  let s: AdminServer
  let receiver: Receiver
  let hookId: number
  let xmlHookId: number
  let readToken: string

  beforeAll(async () => {
    s = await adminServer()
    s.core.start()
    receiver = await startReceiver()
    const hook = { topic: 'orders/create', signing: 'standard', secret: SECRET, headers: { 'X-Api-Key': 'key-CURLHDR1' }, auth: { type: 'bearer', token: 'tok-CURLTOK2' }, retry_schedule: [] }
    hookId = (await s.api('POST', '/admin/webhooks.json', { body: { webhook: { ...hook, address: `${receiver.url}/json?x=[1]` } } })).json.webhook.id
    xmlHookId = (await s.api('POST', '/admin/webhooks.json', { body: { webhook: { ...hook, address: `${receiver.url}/xml`, format: 'xml' } } })).json.webhook.id
    const token = await s.api('POST', '/admin/tokens.json', { body: { token: { role: 'read' } } })
    readToken = token.json.token.value ?? token.json.token.token
  })
  afterAll(async () => {
    await s.close()
    await receiver.close()
  })

  async function until(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error('timed out')
      await new Promise((r) => setTimeout(r, 10))
    }
  }

  const arrived = (id: number) => receiver.requests.filter((r) => r.header('x-hooklab-delivery-id') === String(id))

  /** A delivery the engine sent, finished, and what the receiver got. */
  async function delivered(send: () => Promise<number>): Promise<{ id: number; sent: ReceivedRequest }> {
    const id = await send()
    await until(async () => (await s.api('GET', `/admin/deliveries/${id}.json`)).json.delivery.attempts.length > 0)
    return { id, sent: arrived(id)[0] }
  }

  /** Runs the command with sh and answers the request it made. */
  async function replayWithCurl(id: number, query = ''): Promise<ReceivedRequest> {
    const res = await s.api('GET', `/admin/deliveries/${id}/curl.json${query}`)
    expect(res.status).toBe(200)
    const before = receiver.count
    await run('sh', ['-c', res.json.command], { timeout: 10_000 })
    await receiver.waitFor(before + 1)
    return receiver.requests[before]
  }

  /** Header pairs as sent, without those each HTTP client adds on its own. */
  const wireHeaders = (r: ReceivedRequest) =>
    r.rawHeaders
      .filter(([name]) => !['host', 'connection', 'content-length'].includes(name.toLowerCase()))
      .map(([name, value]) => [name.toLowerCase(), value])
      .sort()

  test('the command reproduces the request: same URL, body bytes and headers; the signature verifies', async () => {
    const { id, sent } = await delivered(async () => (await s.api('POST', '/admin/events.json', { body: { event: { topic: 'orders/create', webhook_ids: [hookId] } } })).json.event.deliveries[0].id)
    const again = await replayWithCurl(id)
    expect(again.method).toBe('POST')
    expect(again.url).toBe(sent.url)
    expect(again.body.equals(sent.body)).toBe(true)
    expect(wireHeaders(again)).toEqual(wireHeaders(sent))
    expect(again.header('authorization')).toBe('Bearer tok-CURLTOK2')
    expect(new StandardWebhook(SECRET).verify(again.text(), again.headers as Record<string, string>)).toEqual(JSON.parse(sent.text()))
  })

  test('bodies the shell or curl would misread arrive byte for byte', async () => {
    const hostile = ["{\n  \"note\": \"it's $(touch /tmp/hooklab-pwned) `id` $HOME \\\\ ! 😀 Tiếng Việt\"\n}", '@/etc/passwd', "<a>'x'</a>\u0000<b>after a NUL</b>", '-d --data nope']
    for (const payload of hostile) {
      const webhookId = payload.startsWith('{') ? hookId : xmlHookId
      const original = (await s.api('POST', '/admin/events.json', { body: { event: { topic: 'orders/create', webhook_ids: [webhookId] } } })).json.event.deliveries[0].id
      const { id, sent } = await delivered(async () => {
        const res = await s.api('POST', `/admin/deliveries/${original}/replay.json`, { body: { replay: { payload } } })
        expect(res.status, payload).toBe(200)
        return res.json.delivery.id
      })
      expect(sent.text(), payload).toBe(payload)
      const again = await replayWithCurl(id)
      expect(again.body.equals(sent.body), payload).toBe(true)
      expect(wireHeaders(again), payload).toEqual(wireHeaders(sent))
      // standardwebhooks parses the body as JSON once the signature matches; XML is checked by hand, per the spec.
      if (payload.startsWith('{')) expect(new StandardWebhook(SECRET).verify(again.text(), again.headers as Record<string, string>), payload).toBeTruthy()
      else {
        const key = Buffer.from(SECRET.slice('whsec_'.length), 'base64')
        const expected = createHmac('sha256', key).update(`${again.header('webhook-id')}.${again.header('webhook-timestamp')}.`).update(again.body).digest('base64')
        expect(again.header('webhook-signature'), payload).toBe(`v1,${expected}`)
      }
    }
  })

  test('attempt n; a read token gets credentials redacted; no attempt yet is 409, a missing one 404', async () => {
    const flaky = await startReceiver({ replies: [{ status: 500 }], reply: { status: 200 } })
    try {
      const hook = (await s.api('POST', '/admin/webhooks.json', { body: { webhook: { address: `${flaky.url}/f`, topic: 'orders/create', retry_schedule: [0], auth: { type: 'bearer', token: 'tok-CURLTOK2' } } } })).json.webhook.id
      const id = (await s.api('POST', '/admin/events.json', { body: { event: { topic: 'orders/create', webhook_ids: [hook] } } })).json.event.deliveries[0].id
      await until(async () => (await s.api('GET', `/admin/deliveries/${id}.json`)).json.delivery.status === 'succeeded')
      const first = await s.api('GET', `/admin/deliveries/${id}/curl.json?attempt=1`)
      expect(first.json.command).toContain(`${flaky.url}/f`)
      expect((await s.call<{ command: string }>('deliveries.curl', { id, attempt: 2 })).command).toContain('Bearer tok-CURLTOK2')
      const asReader = await s.api('GET', `/admin/deliveries/${id}/curl.json`, { token: readToken })
      expect(asReader.status).toBe(200)
      expect(asReader.json.command).toContain("'Authorization: [redacted]'")
      expect(asReader.json.command).not.toContain('tok-CURLTOK2')
      expect((await s.api('GET', `/admin/deliveries/${id}/curl.json?attempt=3`)).status).toBe(404)
      expect((await s.api('GET', `/admin/deliveries/${id}/curl.json?attempt=x`)).status).toBe(400)
      expect((await s.api('GET', `/admin/deliveries/${id}/curl.json?nope=1`)).status).toBe(400)
      await s.api('PUT', `/admin/webhooks/${hook}.json`, { body: { webhook: { status: 'disabled' } } })
      const waiting = (await s.api('POST', '/admin/events.json', { body: { event: { topic: 'orders/create', webhook_ids: [hook] } } })).json.event.deliveries[0].id
      const none = await s.api('GET', `/admin/deliveries/${waiting}/curl.json`)
      expect(none.status).toBe(409)
      expect(none.json.errors).toMatch(/not been attempted yet/)
    } finally {
      await flaky.close()
    }
  })
})
