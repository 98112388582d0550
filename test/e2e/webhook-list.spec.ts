import { expect, test } from './fixtures'

// SPEC §1: pagination (bottom-left), search, status filter and bulk actions on the list.

test('25 webhooks at 10 per page make 3 pages; jumping to page 3 shows the last 5', async ({ webhooks, api }) => {
  await api.seedWebhooks(25)
  await webhooks.syncNow()

  await expect(webhooks.rows).toHaveCount(10)
  await expect(webhooks.pageSize).toContainText('10')
  await expect(webhooks.totalPages).toContainText('3')
  await expect(webhooks.totalPages).toHaveAttribute('data-value', '3')

  await webhooks.gotoPage(3)
  await expect(webhooks.currentPage()).toHaveText('3')
  await expect(webhooks.rows).toHaveCount(5)
  // Newest first: page 3 holds the five oldest.
  for (const n of ['01', '02', '03', '04', '05']) await expect(webhooks.rows.getByText(`Seeded ${n}`, { exact: true })).toBeVisible()
})

test('changing the page size shows more rows and fewer pages', async ({ webhooks, api }) => {
  await api.seedWebhooks(25)
  await webhooks.syncNow()
  await expect(webhooks.rows).toHaveCount(10)

  await webhooks.setPageSize(20)
  await expect(webhooks.rows).toHaveCount(20)
  await expect(webhooks.totalPages).toHaveAttribute('data-value', '2')

  await webhooks.setPageSize(50)
  await expect(webhooks.rows).toHaveCount(25)
  await expect(webhooks.totalPages).toHaveAttribute('data-value', '1')
})

test('search finds webhooks by name and by URL', async ({ webhooks, api }) => {
  const shop = await api.createWebhook({ name: 'Shop orders', address: 'http://localhost:3000/shop' })
  const crm = await api.createWebhook({ name: 'CRM customers', address: 'http://127.0.0.1:4000/crm-receiver' })
  const other = await api.createWebhook({ name: 'Warehouse', address: 'http://localhost:5000/stock' })
  await webhooks.syncNow()
  await expect(webhooks.rows).toHaveCount(3)

  await webhooks.search('Shop orders')
  await expect(webhooks.rows).toHaveCount(1)
  await expect(webhooks.row(shop.id)).toBeVisible()

  await webhooks.search('crm-receiver')
  await expect(webhooks.rows).toHaveCount(1)
  await expect(webhooks.row(crm.id)).toBeVisible()

  await webhooks.search('nothing-like-this')
  await expect(webhooks.rows).toHaveCount(0)
  await expect(webhooks.page.getByTestId('no-match')).toBeVisible()

  await webhooks.search('')
  await expect(webhooks.rows).toHaveCount(3)
  await expect(webhooks.row(other.id)).toBeVisible()
})

test('the top bar\'s search jumps to a webhook by its ID, from any screen', async ({ webhooks, api, shell }) => {
  const hooks = await api.seedWebhooks(3, (i) => ({ name: ['Alpha', 'Bravo', 'Charlie'][i - 1] }))
  await webhooks.syncNow()
  await shell.goToSettings()

  await shell.globalSearch.fill(String(hooks[1].id))
  await expect(shell.title).toHaveText('Webhook management')
  await expect(webhooks.rows).toHaveCount(1)
  await expect(webhooks.name(hooks[1].id)).toHaveText('Bravo')
})

test('the status filter shows only webhooks in that status', async ({ webhooks, api }) => {
  const hooks = await api.seedWebhooks(4)
  await api.setStatus([hooks[1].id, hooks[3].id], 'disabled')
  await webhooks.syncNow()
  await expect(webhooks.rows).toHaveCount(4)

  await webhooks.filterStatus('Disabled')
  await expect(webhooks.rows).toHaveCount(2)
  expect((await webhooks.visibleIds()).sort()).toEqual([hooks[1].id, hooks[3].id].sort())

  await webhooks.filterStatus('Enabled')
  await expect(webhooks.rows).toHaveCount(2)
  expect((await webhooks.visibleIds()).sort()).toEqual([hooks[0].id, hooks[2].id].sort())
})

test('selected rows are disabled together with one confirmation', async ({ webhooks, api, shell }) => {
  const hooks = await api.seedWebhooks(3)
  await webhooks.syncNow()

  await webhooks.selectRow(hooks[0].id)
  await webhooks.selectRow(hooks[2].id)
  await webhooks.bulk('disable')
  await expect(webhooks.confirmDialog.text).toContainText('2')
  await webhooks.confirmDialog.confirm()
  await expect(shell.toast('Webhook disabled successfully!')).toBeVisible()

  await expect(webhooks.status(hooks[0].id)).toHaveText('Disabled')
  await expect(webhooks.status(hooks[2].id)).toHaveText('Disabled')
  await expect(webhooks.status(hooks[1].id)).toHaveText('Enabled')
  const stored = Object.fromEntries((await api.allWebhooks()).map((w) => [w.id, w.status]))
  expect(stored).toEqual({ [hooks[0].id]: 'disabled', [hooks[1].id]: 'enabled', [hooks[2].id]: 'disabled' })
})

test('selected rows are enabled and deleted in bulk too', async ({ webhooks, api, shell }) => {
  const hooks = await api.seedWebhooks(3)
  await api.setStatus(hooks.map((h) => h.id), 'disabled')
  await webhooks.syncNow()

  await webhooks.selectRow(hooks[0].id)
  await webhooks.selectRow(hooks[1].id)
  await webhooks.bulk('enable')
  await webhooks.confirmDialog.confirm()
  await expect(shell.toast('Webhook enabled successfully!')).toBeVisible()
  await expect(webhooks.status(hooks[0].id)).toHaveText('Enabled')
  await expect(webhooks.status(hooks[1].id)).toHaveText('Enabled')

  await webhooks.selectRow(hooks[0].id, false)
  await webhooks.selectRow(hooks[1].id)
  await webhooks.selectRow(hooks[2].id)
  await webhooks.bulk('delete')
  await webhooks.confirmDialog.confirm()
  await expect(shell.toast('Deleted successfully!')).toBeVisible()
  await expect(webhooks.rows).toHaveCount(1)
  expect((await api.allWebhooks()).map((w) => w.id)).toEqual([hooks[0].id])
})
