import { expect, test } from './fixtures'
import { unique } from './support/unique'

// SPEC §1: pagination (bottom-left), search, status filter and bulk actions on the list.
// The store is shared by the worker's tests: each seeds webhooks under a unique prefix and
// narrows the list to them with the search box first.

test('25 webhooks at 10 per page make 3 pages; jumping to page 3 shows the last 5', async ({ webhooks, api }) => {
  const prefix = unique('Paged')
  await api.seedWebhooks(25, undefined, prefix)
  await webhooks.search(prefix)

  await expect(webhooks.rows).toHaveCount(10)
  await expect(webhooks.pageSize).toContainText('10 / page')
  await expect(webhooks.totalPages).toContainText('3')
  await expect(webhooks.totalPages).toHaveAttribute('data-value', '3')

  await webhooks.gotoPage(3)
  await expect(webhooks.currentPage()).toHaveText('3')
  await expect(webhooks.rows).toHaveCount(5)
  // Newest first: page 3 holds the five oldest.
  for (const n of ['01', '02', '03', '04', '05']) await expect(webhooks.rows.getByText(`${prefix} ${n}`, { exact: true })).toBeVisible()
})

test('changing the page size shows more rows and fewer pages', async ({ webhooks, api }) => {
  const prefix = unique('Sized')
  await api.seedWebhooks(25, undefined, prefix)
  await webhooks.search(prefix)
  await expect(webhooks.rows).toHaveCount(10)

  await webhooks.setPageSize(20)
  await expect(webhooks.rows).toHaveCount(20)
  await expect(webhooks.totalPages).toHaveAttribute('data-value', '2')

  await webhooks.setPageSize(50)
  await expect(webhooks.rows).toHaveCount(25)
  await expect(webhooks.totalPages).toHaveAttribute('data-value', '1')
})

test('search finds webhooks by name and by URL', async ({ webhooks, api, receiver }) => {
  const tag = unique('x').slice(2)
  const shop = await api.createWebhook({ name: `Shop orders ${tag}`, address: receiver.url(`/shop-${tag}`) })
  const crm = await api.createWebhook({ name: `CRM customers ${tag}`, address: receiver.url(`/crm-receiver-${tag}`) })
  const other = await api.createWebhook({ name: `Warehouse ${tag}`, address: receiver.url(`/stock-${tag}`) })
  await webhooks.search(tag)
  await expect(webhooks.rows).toHaveCount(3)

  await webhooks.search(`Shop orders ${tag}`)
  await expect(webhooks.rows).toHaveCount(1)
  await expect(webhooks.row(shop.id)).toBeVisible()

  await webhooks.search(`crm-receiver-${tag}`)
  await expect(webhooks.rows).toHaveCount(1)
  await expect(webhooks.row(crm.id)).toBeVisible()

  await webhooks.search(`nothing-like-this-${tag}`)
  await expect(webhooks.rows).toHaveCount(0)
  await expect(webhooks.page.getByTestId('no-match')).toBeVisible()

  await webhooks.search(tag)
  await expect(webhooks.rows).toHaveCount(3)
  await expect(webhooks.row(other.id)).toBeVisible()
})

test.describe('on an empty store', () => {
  // An id is searched as a number and also as text in names and URLs: with only these three
  // webhooks in the store, the one asked for is on the first page whatever the port's digits.
  test.use({ freshStore: true })

  test('the top bar\'s search jumps to a webhook by its ID, from any screen', async ({ webhooks, api, shell }) => {
    const hooks = await api.seedWebhooks(3, (i) => ({ name: ['Alpha', 'Bravo', 'Charlie'][i - 1] }))
    await webhooks.syncNow()
    await shell.goToSettings()

    await shell.globalSearch.fill(String(hooks[1].id))
    await expect(shell.title).toHaveText('Webhook management')
    await expect(webhooks.row(hooks[1].id)).toBeVisible()
    await expect(webhooks.name(hooks[1].id)).toHaveText('Bravo')
  })
})

test('the status filter shows only webhooks in that status', async ({ webhooks, api }) => {
  const prefix = unique('Filtered')
  const hooks = await api.seedWebhooks(4, undefined, prefix)
  await api.setStatus([hooks[1].id, hooks[3].id], 'disabled')
  await webhooks.search(prefix)
  await expect(webhooks.rows).toHaveCount(4)

  await webhooks.filterStatus('Disabled')
  await expect(webhooks.rows).toHaveCount(2)
  expect((await webhooks.visibleIds()).sort()).toEqual([hooks[1].id, hooks[3].id].sort())

  await webhooks.filterStatus('Enabled')
  await expect(webhooks.rows).toHaveCount(2)
  expect((await webhooks.visibleIds()).sort()).toEqual([hooks[0].id, hooks[2].id].sort())
})

test('selected rows are disabled together with one confirmation, and the toast counts them', async ({ webhooks, api, shell }) => {
  const prefix = unique('Bulk off')
  const hooks = await api.seedWebhooks(4, undefined, prefix)
  await webhooks.search(prefix)
  await expect(webhooks.rows).toHaveCount(4)

  for (const i of [0, 1, 3]) await webhooks.selectRow(hooks[i].id)
  await expect(webhooks.selectionCount).toHaveText('3 selected')
  await webhooks.bulk('disable')
  await expect(webhooks.confirmDialog.text).toContainText('3')
  await webhooks.confirmDialog.confirm()
  await expect(shell.toast('3 webhooks disabled successfully!')).toBeVisible()

  for (const i of [0, 1, 3]) await expect(webhooks.status(hooks[i].id)).toHaveText('Disabled')
  await expect(webhooks.status(hooks[2].id)).toHaveText('Enabled')
  const stored = Object.fromEntries((await api.listWebhooks({ search: prefix })).webhooks.map((w) => [w.id, w.status]))
  expect(stored).toEqual({ [hooks[0].id]: 'disabled', [hooks[1].id]: 'disabled', [hooks[2].id]: 'enabled', [hooks[3].id]: 'disabled' })
})

test('selected rows are enabled and deleted in bulk too, in both languages', async ({ webhooks, api, shell }) => {
  const prefix = unique('Bulk on')
  const hooks = await api.seedWebhooks(3, undefined, prefix)
  await api.setStatus(hooks.map((h) => h.id), 'disabled')
  await webhooks.search(prefix)

  await webhooks.selectRow(hooks[0].id)
  await webhooks.selectRow(hooks[1].id)
  await webhooks.bulk('enable')
  await webhooks.confirmDialog.confirm()
  await expect(shell.toast('2 webhooks enabled successfully!')).toBeVisible()
  await expect(webhooks.status(hooks[0].id)).toHaveText('Enabled')
  await expect(webhooks.status(hooks[1].id)).toHaveText('Enabled')

  await shell.switchLanguage('vi')
  await webhooks.selectRow(hooks[0].id)
  await webhooks.selectRow(hooks[1].id, false)
  await webhooks.bulk('disable')
  await webhooks.confirmDialog.confirm()
  // One webhook: seed 000's own words, not a count.
  await expect(shell.toast('Đã tắt webhook thành công!')).toBeVisible()

  await webhooks.selectRow(hooks[0].id, false)
  await webhooks.selectRow(hooks[1].id)
  await webhooks.selectRow(hooks[2].id)
  await webhooks.bulk('delete')
  await webhooks.confirmDialog.confirm()
  await expect(shell.toast('Đã xoá 2 webhook thành công!')).toBeVisible()
  await expect(webhooks.rows).toHaveCount(1)
  expect((await api.listWebhooks({ search: prefix })).webhooks.map((w) => w.id)).toEqual([hooks[0].id])
})

test('a selection is kept across pages, and the toolbar says how many are on other pages', async ({ webhooks, api, shell }) => {
  const prefix = unique('Across pages')
  const hooks = await api.seedWebhooks(12, undefined, prefix)
  await webhooks.search(prefix)
  // Newest first: page 1 holds 12..03, page 2 holds 02 and 01.
  await webhooks.selectRow(hooks[11].id)
  await webhooks.selectRow(hooks[10].id)
  await webhooks.gotoPage(2)
  await expect(webhooks.row(hooks[0].id)).toBeVisible()
  await expect(webhooks.selectionCount).toHaveText('2 selected (2 of them on other pages)')
  await webhooks.selectRow(hooks[0].id)
  await expect(webhooks.selectionCount).toHaveText('3 selected (2 of them on other pages)')

  await webhooks.bulk('disable')
  await expect(webhooks.confirmDialog.text).toContainText('3')
  await webhooks.confirmDialog.confirm()
  await expect(shell.toast('3 webhooks disabled successfully!')).toBeVisible()
  const disabled = (await api.listWebhooks({ search: prefix, status: 'disabled' })).webhooks.map((w) => w.id)
  expect(disabled.sort()).toEqual([hooks[0].id, hooks[10].id, hooks[11].id].sort())

  // Back on page 1 the ticks are still there; Clear selection drops them all.
  await webhooks.gotoPage(1)
  await expect(webhooks.row(hooks[11].id).getByRole('checkbox')).toHaveAttribute('aria-checked', 'true')
  await webhooks.page.getByTestId('selection-clear').click()
  await expect(webhooks.selectionCount).toBeHidden()
  await expect(webhooks.row(hooks[11].id).getByRole('checkbox')).toHaveAttribute('aria-checked', 'false')
})
