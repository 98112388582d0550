import { readFileSync } from 'node:fs'
import { expect, test } from './fixtures'
import { fire, settle } from './support/deliveries'
import { unique } from './support/unique'

// SPEC §1–2: the ID button, the Events cell and every entry of the ⋯ menu.

test('hovering the ID shows it in full and clicking copies it', async ({ webhooks, api, hooklab, shell }) => {
  const hook = await api.createWebhook({ name: 'Copy me' })
  await webhooks.syncNow()

  const tooltip = await webhooks.hoverId(hook.id)
  await expect(tooltip).toContainText(String(hook.id))
  await webhooks.idButton(hook.id).click()
  await expect(shell.page.getByText(`ID ${hook.id} copied`)).toBeVisible()
  expect(await hooklab.readClipboard()).toBe(String(hook.id))
})

test('the Events cell opens the full list grouped by resource', async ({ webhooks, api }) => {
  const hook = await api.createWebhook({ name: 'Many events', topics: ['orders/create', 'orders/paid', 'customers/create', 'products/delete'] })
  await webhooks.syncNow()

  const list = await webhooks.openEvents(hook.id)
  // One heading per resource (their order is the renderer's choice), each event under its own.
  await expect(list.locator('dt')).toHaveCount(3)
  for (const resource of ['orders', 'customers', 'products']) await expect(list.locator('dt', { hasText: new RegExp(`^${resource}$`, 'i') })).toHaveCount(1)
  for (const topic of hook.topics) await expect(list.getByText(topic, { exact: true })).toBeVisible()
  // Each event sits under its resource's heading.
  const ordersTopics = await list.evaluate((dl) => {
    const out: string[] = []
    let inOrders = false
    for (const el of Array.from(dl.children)) {
      if (el.tagName === 'DT') inOrders = el.textContent!.trim().toLowerCase() === 'orders'
      else if (inOrders) out.push(el.textContent!.trim())
    }
    return out
  })
  expect(ordersTopics.sort()).toEqual(['orders/create', 'orders/paid'])
})

test('Edit opens the saved values; Update shows the centre message, which closes by itself', async ({ webhooks, api, shell, receiver, page }) => {
  // Timers made from now on run on a clock the test can move: no waiting out the 5 s.
  await page.clock.install()
  const before = receiver.url('/before')
  const after = receiver.url('/after')
  const hook = await api.createWebhook({ name: 'Before edit', address: before, topics: ['orders/create'] })
  await webhooks.syncNow()

  await webhooks.chooseAction(hook.id, 'edit')
  const dialog = webhooks.dialog
  await expect(dialog.title('Edit webhook')).toBeVisible()
  await expect(dialog.name).toHaveValue('Before edit')
  await expect(dialog.address).toHaveValue(before)
  await expect(dialog.chosenTopic('orders/create')).toBeVisible()
  await expect(dialog.submitButton).toHaveText('Update webhook')

  await dialog.fill({ name: 'After edit', address: after, topics: ['orders/paid'] })
  await dialog.submit()
  await expect(dialog.root).toBeHidden()
  await expect(shell.centerMessage).toHaveText('Webhook updated successfully')
  await expect(webhooks.name(hook.id)).toHaveText('After edit')
  await expect(webhooks.url(hook.id)).toHaveText(after)
  await expect(webhooks.modified(hook.id)).toHaveAttribute('datetime', /.+/)

  const saved = await api.getWebhook(hook.id)
  expect(saved).toMatchObject({ name: 'After edit', address: after })
  expect(saved.topics.sort()).toEqual(['orders/create', 'orders/paid'])
  expect(saved.modified_on).not.toBeNull()

  // Seed 000: it closes itself after 5 s.
  await page.clock.fastForward(5_100)
  await expect(shell.centerMessage).toBeHidden()
})

test('Disable and Enable ask first, then toast top-right', async ({ webhooks, api, shell, page }) => {
  await page.clock.install()
  const hook = await api.createWebhook({ name: 'Switch me' })
  await webhooks.syncNow()
  await expect(webhooks.status(hook.id)).toHaveText('Enabled')

  // Cancelling changes nothing.
  await webhooks.chooseAction(hook.id, 'disable')
  await expect(webhooks.confirmDialog.text).toContainText('Switch me')
  await webhooks.confirmDialog.cancel()
  await expect(webhooks.confirmDialog.text).toBeHidden()
  expect((await api.getWebhook(hook.id)).status).toBe('enabled')

  await webhooks.chooseAction(hook.id, 'disable')
  await webhooks.confirmDialog.confirm()
  await expect(shell.toast('Webhook disabled successfully!')).toBeVisible()
  await expect(webhooks.status(hook.id)).toHaveText('Disabled')
  expect((await api.getWebhook(hook.id)).status).toBe('disabled')

  await webhooks.chooseAction(hook.id, 'enable')
  await expect(webhooks.confirmDialog.text).toBeVisible()
  await webhooks.confirmDialog.confirm()
  await expect(shell.toast('Webhook enabled successfully!')).toBeVisible()
  await expect(webhooks.status(hook.id)).toHaveText('Enabled')
  expect((await api.getWebhook(hook.id)).status).toBe('enabled')

  // Toasts close after 5 s.
  await page.clock.fastForward(5_100)
  await expect(shell.toast('Webhook enabled successfully!')).toBeHidden()
})

test('Delete asks first, toasts, and the webhook is gone', async ({ webhooks, api, shell }) => {
  const [keep, drop] = await api.seedWebhooks(2, undefined, unique('Delete'))
  await webhooks.syncNow()

  await webhooks.chooseAction(drop.id, 'delete')
  await expect(webhooks.confirmDialog.text).toContainText(drop.name)
  await webhooks.confirmDialog.confirm()
  await expect(shell.toast('Deleted successfully!')).toBeVisible()
  await expect(webhooks.row(drop.id)).toBeHidden()
  await expect(webhooks.row(keep.id)).toBeVisible()
  await expect(api.getWebhook(drop.id)).rejects.toThrow(/not_found/)
  expect((await api.getWebhook(keep.id)).id).toBe(keep.id)
})


test("Delete's confirmation offers to export the webhook's history instead", async ({ webhooks, api, page }) => {
  const hook = await api.createWebhook({ name: unique('Export first') })
  const other = await api.createWebhook({ name: unique('Not exported') })
  await fire(api, [hook.id, other.id], 2)
  await settle(api, { webhook_id: hook.id, status: 'succeeded' }, 2)
  await webhooks.syncNow()

  await webhooks.chooseAction(hook.id, 'delete')
  await expect(webhooks.confirmDialog.text).toContainText('export it instead')
  const download = page.waitForEvent('download')
  await page.getByTestId('confirm-export').click()
  const lines = readFileSync(await (await download).path(), 'utf8').trim().split('\n').map((l) => JSON.parse(l))
  expect(lines[0]).toMatchObject({ hooklab_export: 1, filter: { webhook_id: hook.id } })
  const exported = lines.filter((l) => l.type === 'delivery')
  expect(exported).toHaveLength(2)
  // The confirmation is still there: exporting is not deleting.
  await webhooks.confirmDialog.cancel()
  expect((await api.getWebhook(hook.id)).id).toBe(hook.id)
})
