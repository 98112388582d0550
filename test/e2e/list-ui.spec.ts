import { expect, test } from './fixtures'
import { WebhooksPage } from './pages/webhooks-page'
import { unique } from './support/unique'

// Issue 6, section 3: what a new user hit on the webhook list.

test('search ignores case and Vietnamese marks, in the list and in the top bar', async ({ webhooks, api, shell }) => {
  const tag = unique('x').slice(2)
  const order = await api.createWebhook({ name: `Đơn hàng ${tag}` })
  const hook = await api.createWebhook({ name: `api hook số 3 ${tag}` })

  for (const typed of [`don hang ${tag}`, `đơn hàng ${tag}`, `ĐƠN HÀNG ${tag.toUpperCase()}`]) {
    await webhooks.search(typed)
    await expect(webhooks.row(order.id), `list search "${typed}"`).toBeVisible()
    await expect(webhooks.rows).toHaveCount(1)
  }
  await webhooks.search(`API HOOK SỐ 3 ${tag.toUpperCase()}`)
  await expect(webhooks.row(hook.id)).toBeVisible()
  await webhooks.search(`api hook so 3 ${tag}`)
  await expect(webhooks.row(hook.id)).toBeVisible()

  await shell.globalSearch.fill(`DON HANG ${tag}`)
  await expect(webhooks.row(order.id)).toBeVisible()
  await expect(webhooks.rows).toHaveCount(1)
})

test('the top bar\'s search has one clear button, and it clears', async ({ shell, page }) => {
  await shell.globalSearch.fill('something')
  // A search-type input would add the browser's own × beside naive-ui's.
  expect(await shell.globalSearch.getAttribute('type')).not.toBe('search')
  const clear = page.locator('.top-bar .n-base-clear')
  await expect(clear).toHaveCount(1)
  await shell.globalSearch.hover()
  await clear.click()
  await expect(shell.globalSearch).toHaveValue('')
})

test('Esc closes the Events popover; in Vietnamese its groups are Vietnamese', async ({ webhooks, api, shell, page }) => {
  const hook = await api.createWebhook({ name: unique('Popover'), topics: ['orders/create', 'customers/update', 'products/delete'] })
  await webhooks.syncNow()
  const list = await webhooks.openEvents(hook.id)
  await page.keyboard.press('Escape')
  await expect(list).toBeHidden()

  await shell.switchLanguage('vi')
  await webhooks.openEvents(hook.id)
  await expect(list.locator('dt')).toHaveText(['Đơn hàng', 'Khách hàng', 'Sản phẩm'])
  await page.keyboard.press('Escape')
  await expect(list).toBeHidden()
})

test('Test is offered only for an enabled webhook', async ({ webhooks, api }) => {
  const on = await api.createWebhook({ name: unique('Testable') })
  const off = await api.createWebhook({ name: unique('Not testable') })
  await api.setStatus([off.id], 'disabled')
  await webhooks.syncNow()

  const disabledEntry = await webhooks.menuEntry(off.id, 'test')
  await expect(disabledEntry).toHaveAttribute('aria-disabled', 'true')
  await disabledEntry.click({ force: true })
  await expect(webhooks.page.getByTestId('test-dialog')).toBeHidden()
  await webhooks.page.keyboard.press('Escape')
  await expect(disabledEntry).toBeHidden()

  const enabledEntry = await webhooks.menuEntry(on.id, 'test')
  await expect(enabledEntry).toHaveAttribute('aria-disabled', 'false')
})

test('a confirmation starts on Confirm, so Enter confirms', async ({ webhooks, api, shell, page }) => {
  const hook = await api.createWebhook({ name: unique('Enter confirms') })
  await webhooks.syncNow()
  await webhooks.chooseAction(hook.id, 'disable')
  await expect(page.getByTestId('confirm-ok')).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(shell.toast('Webhook disabled successfully!')).toBeVisible()
  expect((await api.getWebhook(hook.id)).status).toBe('disabled')
})

test('under a short table, pagination and the sync footer sit at the bottom corners; sizes read "10 / page"', async ({ webhooks, api, shell, page }) => {
  const name = unique('Short table')
  await api.createWebhook({ name })
  await webhooks.search(name)
  await expect(webhooks.rows).toHaveCount(1)

  const table = (await webhooks.table.boundingBox())!
  const pager = (await webhooks.pagination.boundingBox())!
  const sync = (await webhooks.syncFooter.boundingBox())!
  const height = page.viewportSize()!.height
  for (const box of [pager, sync]) expect(height - (box.y + box.height)).toBeLessThan(40)
  expect(Math.abs(pager.x - table.x)).toBeLessThan(4)
  expect(Math.abs(sync.x + sync.width - (table.x + table.width))).toBeLessThan(4)

  await expect(webhooks.pageSize).toContainText('10 / page')
  await shell.switchLanguage('vi')
  await expect(webhooks.pageSize).toContainText('10 / trang')
})

test('"Last synced" reads "just now" right after a sync, and still a few seconds later', async ({ hooklab, context }) => {
  test.skip(!hooklab.baseUrl, 'drives a second page with a fake clock (web only)')
  // A page with a fake clock from its first script on, so the half-minute tick can be run at will.
  const page = await context.newPage()
  await page.clock.install()
  await page.goto(`${hooklab.baseUrl}/`)
  const list = new WebhooksPage(page)
  await list.syncNow()
  await expect(list.lastSynced).toHaveText('just now')
  await page.clock.runFor(31_000)
  await expect(list.lastSynced).toHaveText('just now')
  await page.clock.runFor(60_000)
  await expect(list.lastSynced).toHaveText(/1 min/)

  await page.getByTestId('lang-switch').getByTestId('lang-vi').click()
  await list.syncNow()
  await expect(list.lastSynced).toHaveText('vừa xong')
})
