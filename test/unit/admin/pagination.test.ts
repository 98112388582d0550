import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { adminServer, type AdminServer } from '../../support/admin-server'

const TOTAL = 120
let s: AdminServer
let ids: number[] // ascending
beforeAll(async () => {
  s = await adminServer()
  ids = []
  for (let i = 0; i < TOTAL; i++) {
    const webhook = (await s.call('webhooks.create', { address: `http://localhost:9/${i}`, topic: 'orders/create' })) as { id: number }
    ids.push(webhook.id)
  }
  await s.call('webhooks.setStatus', { ids: ids.slice(0, 7), status: 'disabled' })
})
afterAll(() => s.close())

/** `Link: <url>; rel="next", <url>; rel="previous"` → { next: url, previous: url }. */
function links(header: string | null): Record<string, string> {
  const out: Record<string, string> = {}
  for (const part of (header ?? '').split(/,\s*(?=<)/)) {
    const m = /^<([^>]+)>;\s*rel="(\w+)"$/.exec(part.trim())
    if (m) out[m[2]] = m[1]
  }
  return out
}

/** Follows `rel` links from `path` until there are none; returns the ids of each page. */
async function walk(path: string, rel: 'next' | 'previous' = 'next') {
  const pages: number[][] = []
  let next: string | undefined = path
  while (next) {
    const res = await s.api('GET', next.replace(s.url, ''))
    expect(res.status, next).toBe(200)
    pages.push(res.json.webhooks.map((w: { id: number }) => w.id))
    next = links(res.headers.get('link'))[rel]
    expect(pages.length).toBeLessThan(20)
  }
  return pages
}

describe('webhooks.json pages', () => {
  test('default: 50 newest first, with a next link to the next 50 (Shopify page_info)', async () => {
    const res = await s.api('GET', '/admin/webhooks.json')
    expect(res.json.webhooks.map((w: { id: number }) => w.id)).toEqual(ids.slice().reverse().slice(0, 50))
    const { next, previous } = links(res.headers.get('link'))
    expect(previous).toBeUndefined()
    expect(next).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${s.port}/admin/webhooks\\.json\\?limit=50&page_info=[A-Za-z0-9_-]+$`))
  })

  test('walking next links visits all 120 exactly once, newest first', async () => {
    const pages = await walk('/admin/webhooks.json?limit=50')
    expect(pages.map((p) => p.length)).toEqual([50, 50, 20])
    expect(pages.flat()).toEqual(ids.slice().reverse())
  })

  test('previous links walk back over the same pages', async () => {
    const forward = await walk('/admin/webhooks.json?limit=50')
    const last = await s.api('GET', '/admin/webhooks.json?limit=50')
    let url = links(last.headers.get('link')).next
    url = links((await s.api('GET', url.replace(s.url, ''))).headers.get('link')).next
    const backward = await walk(url.replace(s.url, ''), 'previous')
    expect(backward).toEqual(forward.slice().reverse())
  })

  test('limit bounds the page; 250 returns all', async () => {
    expect((await s.api('GET', '/admin/webhooks.json?limit=7')).json.webhooks).toHaveLength(7)
    const all = await s.api('GET', '/admin/webhooks.json?limit=250')
    expect(all.json.webhooks).toHaveLength(TOTAL)
    expect(all.headers.get('link')).toBeNull()
    const pages = await walk('/admin/webhooks.json?limit=40')
    expect(pages.map((p) => p.length)).toEqual([40, 40, 40])
  })

  test('since_id lists ids above it, oldest first, and its next links continue that way', async () => {
    const since = ids[9]
    const res = await s.api('GET', `/admin/webhooks.json?since_id=${since}&limit=25`)
    expect(res.json.webhooks.map((w: { id: number }) => w.id)).toEqual(ids.slice(10, 35))
    const pages = await walk(`/admin/webhooks.json?since_id=${since}&limit=25`)
    expect(pages.flat()).toEqual(ids.slice(10))
    expect((await s.api('GET', `/admin/webhooks.json?since_id=${ids[TOTAL - 1]}`)).json.webhooks).toEqual([])
  })

  test('page_info with since_id is refused; links keep fields and include_secret', async () => {
    const first = await s.api('GET', '/admin/webhooks.json?limit=5&fields=id,topic&include_secret=true')
    expect(first.json.webhooks[0]).toEqual({ id: ids[TOTAL - 1], topic: 'orders/create' })
    const next = links(first.headers.get('link')).next
    expect(next).toContain('fields=id%2Ctopic')
    const second = await s.api('GET', next.replace(s.url, ''))
    expect(second.json.webhooks).toEqual(ids.slice().reverse().slice(5, 10).map((id) => ({ id, topic: 'orders/create' })))
    const pageInfo = new URL(next).searchParams.get('page_info')
    expect((await s.api('GET', `/admin/webhooks.json?page_info=${pageInfo}&since_id=1`)).status).toBe(400)
  })

  test('a page stays put while webhooks are added', async () => {
    const first = await s.api('GET', '/admin/webhooks.json?limit=10')
    const added = (await s.call('webhooks.create', { address: 'http://localhost:9/new', topic: 'orders/create' })) as { id: number }
    const second = await s.api('GET', links(first.headers.get('link')).next.replace(s.url, ''))
    expect(second.json.webhooks.map((w: { id: number }) => w.id)).toEqual(ids.slice().reverse().slice(10, 20))
    await s.call('webhooks.delete', { id: added.id })
  })
})

describe('count.json', () => {
  test('counts all webhooks, or those of one status', async () => {
    expect((await s.api('GET', '/admin/webhooks/count.json')).json).toEqual({ count: TOTAL })
    expect((await s.api('GET', '/admin/webhooks/count.json?status=enabled')).json).toEqual({ count: TOTAL - 7 })
    expect((await s.api('GET', '/admin/webhooks/count.json?status=disabled')).json).toEqual({ count: 7 })
    expect((await s.api('GET', '/admin/webhooks/count.json?status=auto_disabled')).json).toEqual({ count: 0 })
  })
})
