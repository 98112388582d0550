import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { promisify } from 'node:util'
import { expect, test } from './fixtures'
import { LogPage } from './pages/log-page'
import { startReceiver, type Received } from './support/receiver'
import { countOf, deliveries, fire, settle } from './support/deliveries'
import { unique } from './support/unique'

// Issue 9 "Done when", e2e: a user filters to the failed deliveries of one webhook, opens one,
// copies it as cURL and runs it, replays it to another URL, bulk-replays the filter, exports
// it and imports it again. Every receiver is on 127.0.0.1.

const run = promisify(execFile)
const byDelivery = (list: Received[], id: number) => list.filter((r) => r.headers['x-hooklab-delivery-id'] === String(id))

test('filter to failed deliveries of one webhook, copy one as cURL, replay it elsewhere, bulk-replay, export and re-import', async ({ page, api, hooklab }) => {
  test.setTimeout(150_000)
  const failing = await startReceiver(() => ({ status: 500, body: '{"error":"database is down"}' }))
  const other = await startReceiver(() => ({ status: 200, body: '{"ok":true}' }))
  try {
    const bad = await api.createWebhook({ name: unique('Failing shop'), address: failing.url('/hooks/orders'), retry_schedule: [] })
    const good = await api.createWebhook({ name: unique('Healthy shop') })
    await fire(api, [bad.id, good.id], 3)
    await settle(api, { webhook_id: bad.id, status: 'failed' }, 3)
    await settle(api, { webhook_id: good.id, status: 'succeeded' }, 3)

    // 1. Filter: this webhook, failed.
    const log = new LogPage(page)
    await log.open()
    await log.choose('webhook', bad.name)
    await log.choose('status', 'Failed')
    await expect(page).toHaveURL(new RegExp(`webhook=${bad.id}.*status=failed`))
    await expect(log.rows).toHaveCount(3)
    await expect(log.count).toHaveAttribute('data-count', '3')
    for (const status of await log.rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-status')))) expect(status).toBe('failed')

    // 2. Open one: the request as sent, the 500 that came back.
    const [original] = await deliveries(api, { webhook_id: bad.id, status: 'failed' }, 1)
    await log.openDelivery(original.id)
    await expect(page.getByTestId('request-line')).toHaveText(`POST ${failing.url('/hooks/orders')}`)
    await expect(page.getByTestId('response-line')).toHaveText('HTTP 500')
    await expect(log.bodyText('response-body')).toContainText('database is down')

    // 3. Copy as cURL, run it: the receiver gets the same body and the same signature.
    await page.getByTestId('detail-copy-curl').click()
    await expect(page.getByText('cURL command copied')).toBeVisible()
    const command = await hooklab.readClipboard()
    expect(command).toMatch(/^curl /)
    const [sent] = byDelivery(failing.received, original.id)
    const before = failing.received.length
    await run('sh', ['-c', command], { timeout: 15_000 })
    expect(failing.received).toHaveLength(before + 1)
    const again = failing.received.at(-1)!
    expect(again.path).toBe('/hooks/orders')
    expect(again.body).toBe(sent.body)
    expect(again.headers['x-sapo-hmac-sha256']).toBe(sent.headers['x-sapo-hmac-sha256'])
    expect(again.headers['x-hooklab-delivery-id']).toBe(String(original.id))

    // 4. Replay to another URL: a dry run shows the exact request and sends nothing; then replay.
    await page.getByTestId('detail-replay').click()
    await expect(log.replayDialog).toBeVisible()
    await page.getByTestId('replay-target-other').click()
    await page.getByTestId('replay-address').fill(other.url('/hooks/replayed'))
    await page.getByTestId('replay-dry-run').click()
    await expect(page.getByTestId('dry-request-line')).toHaveText(`POST ${other.url('/hooks/replayed')}`)
    await expect(page.getByTestId('dry-request-headers').locator('tr[data-header="x-hooklab-replay-of"] td')).toHaveText(String(original.id))
    expect(other.received).toHaveLength(0)
    await page.getByTestId('replay-submit').click()
    const created = page.getByTestId('replay-created')
    await expect(created).toBeVisible()
    const replayId = Number(await created.getAttribute('data-delivery-id'))
    await expect.poll(() => other.received.length).toBe(1)
    expect(other.received[0].path).toBe('/hooks/replayed')
    expect(other.received[0].headers['x-hooklab-replay-of']).toBe(String(original.id))
    expect(other.received[0].body).toBe(sent.body)

    // Both sides show the link.
    await page.getByTestId('replay-open-new').click()
    await expect(log.replayDialog).toBeHidden()
    await expect(log.detail).toHaveAttribute('data-delivery-id', String(replayId))
    await expect(page.getByTestId('detail-tag')).toHaveText('replay')
    await page.getByTestId('detail-replay-of').click()
    await expect(log.detail).toHaveAttribute('data-delivery-id', String(original.id))
    await expect(page.getByTestId(`detail-replay-link-${replayId}`)).toBeVisible()
    await log.closeDrawer()

    // 5. Bulk replay of the filter: the confirmation states the count, then a progress bar to the end.
    await page.getByTestId('log-bulk-replay').click()
    await expect(page.getByTestId('bulk-replay-count')).toHaveAttribute('data-count', '3')
    await expect(page.getByTestId('bulk-replay-count')).toContainText('3 deliveries match the current filter')
    const beforeBulk = failing.received.length
    await page.getByTestId('bulk-replay-start').click()
    await expect(log.bulkDialog).toBeHidden()
    await expect(log.job).toHaveAttribute('data-status', 'completed', { timeout: 30_000 })
    await expect(log.job).toHaveAttribute('data-done', '3')
    await expect(log.job).toHaveAttribute('data-total', '3')
    await expect.poll(() => failing.received.length, { timeout: 20_000 }).toBe(beforeBulk + 3)
    const bulk = failing.received.slice(beforeBulk)
    const originals = (await deliveries(api, { webhook_id: bad.id, status: 'failed' }, 10)).filter((d) => d.tag !== 'replay').map((d) => String(d.id))
    expect(bulk.map((r) => r.headers['x-hooklab-replay-of']).sort()).toEqual(originals.sort())
    // The replays failed too: they join the filtered list live.
    await settle(api, { webhook_id: bad.id, status: 'failed' }, 6)
    await expect(log.count).toHaveAttribute('data-count', '6')
    await expect(log.rows).toHaveCount(6)

    // 6. Export the filter to NDJSON, then import that file.
    const download = page.waitForEvent('download')
    await page.getByTestId('log-export').click()
    await page.getByTestId('log-export-ndjson').click()
    const file = await (await download).path()
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l))
    expect(lines[0]).toMatchObject({ hooklab_export: 1, secrets: false })
    expect(lines.filter((l) => l.type === 'delivery')).toHaveLength(6)

    const total = await countOf(api, {})
    await page.getByTestId('log-import-file').setInputFiles(file)
    await expect(page.getByTestId('import-result')).toHaveAttribute('data-deliveries', '6')
    expect(await countOf(api, {})).toBe(total + 6)
    await page.getByTestId('log-filter-clear').click()
    await expect(log.rows.first().getByTestId('log-imported')).toBeVisible()
  } finally {
    await failing.close()
    await other.close()
  }
})

test('a replay with an edited payload and a header override: the dry run shows it, the replay sends it', async ({ page, api }) => {
  const receiver = await startReceiver()
  try {
    const hook = await api.createWebhook({ name: unique('Edit replay'), address: receiver.url('/hooks/edit') })
    await fire(api, [hook.id], 1)
    await settle(api, { webhook_id: hook.id, status: 'succeeded' }, 1)
    const [d] = await deliveries(api, { webhook_id: hook.id })

    const log = new LogPage(page)
    await log.openLink(`webhook=${hook.id}&delivery=${d.id}`)
    await expect(log.detail).toHaveAttribute('data-delivery-id', String(d.id))
    await page.getByTestId('detail-replay').click()
    await page.getByTestId('replay-edit').click()
    const editor = page.getByTestId('replay-editor-input')
    await expect(editor).toBeVisible()
    await editor.click()
    await page.keyboard.press('ControlOrMeta+a')
    await page.keyboard.type('{"edited": true}')
    await page.getByTestId('header-add').click()
    await page.getByTestId('field-header-name-0').fill('X-Support-Ticket')
    await page.getByTestId('field-header-value-0').fill('T-42')

    await page.getByTestId('replay-dry-run').click()
    await expect(log.bodyText('dry-request-body')).toContainText('"edited": true')
    await expect(page.getByTestId('dry-request-headers').locator('tr[data-header="x-support-ticket"] td')).toHaveText('T-42')
    expect(receiver.received).toHaveLength(1)

    await page.getByTestId('replay-submit').click()
    await expect(page.getByTestId('replay-created')).toBeVisible()
    await expect.poll(() => receiver.received.length).toBe(2)
    const replayed = receiver.received[1]
    expect(JSON.parse(replayed.body)).toEqual({ edited: true })
    expect(replayed.headers['x-support-ticket']).toBe('T-42')
    expect(replayed.headers['x-hooklab-replay-of']).toBe(String(d.id))
  } finally {
    await receiver.close()
  }
})
