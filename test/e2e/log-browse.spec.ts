import { setTimeout as sleep } from 'node:timers/promises'
import { expect, test } from './fixtures'
import { LogPage } from './pages/log-page'
import { startReceiver } from './support/receiver'
import { countOf, deliveries, fire, settle } from './support/deliveries'
import { unique } from './support/unique'

// Issue 9 item 1–2: the event log screen, its filters in the address, live rows and the
// detail panel. Every receiver is on 127.0.0.1.

test('filters go into the address, and the same link shows the same deliveries', async ({ page, api, hooklab }) => {
  const ok = await api.createWebhook({ name: unique('Filter shop'), topics: ['orders/create', 'customers/create'] })
  await fire(api, [ok.id], 2, 'orders/create')
  await fire(api, [ok.id], 1, 'customers/create')
  await settle(api, { webhook_id: ok.id, status: 'succeeded' }, 3)

  const log = new LogPage(page)
  await log.open()
  await log.choose('webhook', ok.name)
  await log.choose('topic', 'customers/create')
  await expect(page).toHaveURL(new RegExp(`#/log\\?.*webhook=${ok.id}`))
  await expect(page).toHaveURL(/topic=customers\/create/)
  await expect(log.rows).toHaveCount(1)
  await expect(log.rows.first().getByTestId('log-topic')).toHaveText('customers/create')
  await expect(log.rows.first().getByTestId('log-webhook')).toHaveText(ok.name)
  await expect(log.count).toHaveAttribute('data-count', '1')

  // Without the topic, every row of the webhook again; all of them answered 2xx, none failed.
  await log.filter('topic').hover()
  await log.filter('topic').locator('.n-base-clear').click()
  await expect(log.rows).toHaveCount(3)
  await expect(page).not.toHaveURL(/topic=/)
  await log.choose('class', '2xx')
  await expect(log.rows).toHaveCount(3)
  await log.choose('status', 'Failed')
  await expect(page.getByTestId('log-empty')).toBeVisible()

  if (hooklab.baseUrl) {
    // The link as a colleague would open it, in another tab.
    const shared = await page.context().newPage()
    await shared.goto(`${hooklab.baseUrl}/#/log?webhook=${ok.id}&class=2xx`)
    const other = new LogPage(shared)
    await expect(other.rows).toHaveCount(3)
    await expect(other.filter('webhook')).toContainText(ok.name)
    await expect(other.filter('class')).toContainText('2xx')
    await shared.close()
  }
})

test('⋯ View event log opens the log filtered to that webhook', async ({ page, api, webhooks }) => {
  const mine = await api.createWebhook({ name: unique('Menu log') })
  const noise = await api.createWebhook({ name: unique('Other shop') })
  await fire(api, [mine.id, noise.id], 2)
  await settle(api, { webhook_id: mine.id }, 2)
  await webhooks.syncNow()

  await webhooks.chooseAction(mine.id, 'log')
  const log = new LogPage(page)
  await expect(log.screen).toBeVisible()
  await expect(page.getByTestId('screen-title')).toHaveText('Event log')
  await expect(page).toHaveURL(new RegExp(`#/log\\?webhook=${mine.id}$`))
  await expect(log.filter('webhook')).toContainText(mine.name)
  await expect(log.rows).toHaveCount(2)
  await expect(log.rows.getByTestId('log-webhook')).toHaveText([mine.name, mine.name])
})

test('the global search finds a delivery by its id from any screen', async ({ page, api, shell }) => {
  const hook = await api.createWebhook({ name: unique('Find me') })
  await fire(api, [hook.id], 3)
  await settle(api, { webhook_id: hook.id }, 3)
  const [, middle] = await deliveries(api, { webhook_id: hook.id })

  await shell.globalSearch.fill(String(middle.id))
  await shell.globalSearch.press('Enter')
  const log = new LogPage(page)
  await expect(log.screen).toBeVisible()
  await expect(page).toHaveURL(new RegExp(`q=${middle.id}`))
  await expect(log.row(middle.id)).toBeVisible()
  await expect(log.rows.first()).toHaveAttribute('data-id', String(middle.id))
})

test('a delivery opens with its payload, attempts on a timeline, and each request and response', async ({ page, api }) => {
  const receiver = await startReceiver(() => ({ status: 200, headers: { 'Content-Type': 'application/xml', 'X-Receiver': 'e2e' }, body: '<ok><n type="integer">1</n></ok>' }))
  try {
    const hook = await api.createWebhook({ name: unique('Detail shop'), address: receiver.url('/hooks/detail') })
    await fire(api, [hook.id], 1)
    await settle(api, { webhook_id: hook.id, status: 'succeeded' }, 1)
    const [d] = await deliveries(api, { webhook_id: hook.id })
    const sent = receiver.received[0]

    const log = new LogPage(page)
    await log.openLink(`webhook=${hook.id}`)
    await log.openDelivery(d.id)
    await expect(page).toHaveURL(new RegExp(`delivery=${d.id}`))
    await expect(page.getByTestId('detail-topic')).toHaveText('orders/create')
    await expect(page.getByTestId('detail-webhook')).toHaveText(hook.name)
    expect(JSON.parse(await log.bodyText('event-body').textContent() ?? '')).toEqual(JSON.parse(sent.body))
    await expect(page.getByTestId('timeline-attempt')).toHaveCount(1)
    await expect(page.getByTestId('timeline-outcome')).toHaveText('HTTP 200')
    await expect(page.getByTestId('timeline-times')).toContainText('due')
    await expect(page.getByTestId('request-line')).toHaveText(`POST ${receiver.url('/hooks/detail')}`)
    await expect(log.header('request', 'X-Hooklab-Delivery-Id')).toHaveText(String(d.id))
    await expect(log.header('request', 'X-Sapo-Hmac-Sha256')).toHaveText(String(sent.headers['x-sapo-hmac-sha256']))
    await expect(page.getByTestId('response-line')).toHaveText('HTTP 200')
    await expect(log.header('response', 'X-Receiver')).toHaveText('e2e')
    // The XML answer is indented for reading, and highlighted by the viewer.
    await expect(page.getByTestId('response-body')).toHaveAttribute('data-language', 'xml')
    await expect(log.bodyText('response-body')).toHaveText('<ok>\n  <n type="integer">1</n>\n</ok>')

    // Save to file is a download of the exact bytes.
    const download = page.waitForEvent('download')
    await page.getByTestId('response-body-save').click()
    const file = await download
    expect(file.suggestedFilename()).toBe(`delivery-${d.id}-attempt-1-response.xml`)
    // Esc closes the panel and the address forgets the delivery.
    await log.closeDrawer()
    await expect(page).not.toHaveURL(/delivery=/)
  } finally {
    await receiver.close()
  }
})

test('a response body or header that looks like HTML is shown as text, and nothing runs', async ({ page, api }) => {
  const body = '<img src=x onerror="window.__pwned=1">'
  const header = '<script>window.__pwned=2</script>'
  const receiver = await startReceiver(() => ({ status: 200, headers: { 'Content-Type': 'text/html', 'X-Evil': header }, body }))
  try {
    const hook = await api.createWebhook({ name: unique('Hostile'), address: receiver.url('/hooks/evil') })
    await fire(api, [hook.id], 1)
    await settle(api, { webhook_id: hook.id, status: 'succeeded' }, 1)
    const [d] = await deliveries(api, { webhook_id: hook.id })

    const log = new LogPage(page)
    await log.openLink(`webhook=${hook.id}`)
    await log.openDelivery(d.id)
    await expect(log.bodyText('response-body')).toHaveText(body)
    await expect(log.header('response', 'X-Evil')).toHaveText(header)
    await expect(log.drawer.locator('img')).toHaveCount(0)
    await expect(page.locator('script', { hasText: '__pwned' })).toHaveCount(0)
    // Give an injected handler every chance to fire before looking.
    await sleep(500)
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
  } finally {
    await receiver.close()
  }
})

test("new deliveries arrive live without moving the user's scroll position or selection", async ({ page, api }) => {
  const hook = await api.createWebhook({ name: unique('Live tail') })
  await api.call('bursts.start', { topic: 'orders/create', webhook_ids: [hook.id], count: 80 })
  await expect.poll(() => countOf(api, { webhook_id: hook.id }), { timeout: 20_000 }).toBe(80)

  const log = new LogPage(page)
  await log.openLink(`webhook=${hook.id}`)
  await expect(log.count).toHaveAttribute('data-count', '80')
  // Scroll down a little, as a user reading older rows does.
  await log.scroller.hover()
  await page.mouse.wheel(0, 20 * 36)
  await expect.poll(() => log.scroller.locator('.v-vl').evaluate((el) => el.scrollTop)).toBeGreaterThan(500)
  const ids = await log.drawnIds()
  const watched = ids[Math.floor(ids.length / 2)]
  await log.row(watched).click()
  await expect(log.row(watched)).toHaveAttribute('aria-selected', 'true')
  const before = (await log.row(watched).boundingBox())!
  const scrollBefore = await log.scroller.locator('.v-vl').evaluate((el) => el.scrollTop)

  await fire(api, [hook.id], 5)
  await expect(log.newPill).toHaveText('↑ 5 new')
  await expect(log.count).toHaveAttribute('data-count', '85')
  const after = (await log.row(watched).boundingBox())!
  expect(Math.abs(after.y - before.y)).toBeLessThanOrEqual(1)
  expect(await log.scroller.locator('.v-vl').evaluate((el) => el.scrollTop)).toBe(scrollBefore + 5 * 36)
  await expect(log.row(watched)).toHaveAttribute('aria-selected', 'true')
  await expect(log.detail).toHaveAttribute('data-delivery-id', String(watched))

  // The pill takes the user to the new rows.
  await log.closeDrawer()
  await log.newPill.click()
  const [newest] = await deliveries(api, { webhook_id: hook.id }, 1)
  await expect(log.rows.first()).toHaveAttribute('data-id', String(newest.id))
  await expect(log.newPill).toBeHidden()
})

test('deliveries made while the user was on another screen are there on coming back', async ({ page, api, shell }) => {
  const hook = await api.createWebhook({ name: unique('Away') })
  const log = new LogPage(page)
  await log.open()
  await shell.goToWebhooks()
  await fire(api, [hook.id], 2)
  await settle(api, { webhook_id: hook.id }, 2)
  const [newest] = await deliveries(api, {}, 1)

  await log.open()
  await expect(log.rows.first()).toHaveAttribute('data-id', String(newest.id))
  await expect(log.row(newest.id).getByTestId('log-webhook')).toHaveText(hook.name)
})
