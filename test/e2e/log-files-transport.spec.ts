import { readFileSync } from 'node:fs'
import { expect, test } from './fixtures'

// Issue 9 item 5 at the transport: the page itself — its session cookie, its Origin, a File as
// the body — downloads an export from /files/export and uploads one to /files/import, exactly
// as renderer/src/api/files.ts does. The log screen's own buttons are driven by its spec.
test.use({ freshStore: true })

test('the page downloads an export of a filter and streams it back as an upload', async ({ page, api, hooklab }) => {
  test.skip(!hooklab.baseUrl, 'the desktop app exports through its save dialog (test/unit/shell/file-dialogs.test.ts)')
  const hook = await api.createWebhook({ name: 'Xuất từ trang' })
  const other = await api.createWebhook({ name: 'Not exported' })
  for (let seed = 1; seed <= 3; seed++) await api.call('events.fire', { topic: 'orders/create', seed, webhook_ids: [hook.id, other.id] })

  const href = `/files/export?${new URLSearchParams({ format: 'ndjson', filter: JSON.stringify({ webhook_id: hook.id }) })}`
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.evaluate((url) => {
      const link = document.createElement('a')
      link.href = url
      link.download = ''
      document.body.append(link)
      link.click()
      link.remove()
    }, href),
  ])
  expect(download.suggestedFilename()).toMatch(/^hooklab-log-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.ndjson$/)
  const text = readFileSync((await download.path())!, 'utf8')
  const lines = text.trimEnd().split('\n').map((l) => JSON.parse(l))
  expect(lines[0]).toMatchObject({ hooklab_export: 1, filter: { webhook_id: hook.id }, secrets: false })
  expect(lines.filter((l) => l.type === 'webhook').map((l) => l.name)).toEqual(['Xuất từ trang'])
  expect(lines.filter((l) => l.type === 'delivery')).toHaveLength(3)

  const upload = (body: string) =>
    page.evaluate(async (content) => {
      const res = await fetch('/files/import', { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/x-ndjson' }, body: new File([content], 'log.ndjson') })
      return { status: res.status, json: await res.json() }
    }, body)
  const refused = await upload(text.replace('"type":"delivery"', '"type":"parcel"'))
  expect(refused.status).toBe(422)
  expect(refused.json.error.message).toMatch(/^Line \d+: has type "parcel"/)
  expect((await api.call<{ count: number }>('deliveries.count', {})).count).toBe(6)

  const imported = await upload(text)
  expect(imported).toEqual({ status: 200, json: { ok: true, value: { webhooks: 1, events: 3, deliveries: 3, attempts: expect.any(Number) } } })
  expect((await api.call<{ count: number }>('deliveries.count', {})).count).toBe(9)
  const copies = (await api.allWebhooks()).filter((w) => w.name === 'Xuất từ trang')
  expect(copies.map((w) => w.status).sort()).toEqual(['disabled', 'enabled'])
})
