import { expect, test } from './fixtures'

// SPEC §1–2 "Add webhook", as a first-time user does it.

const COLUMNS_EN = ['ID', 'Name', 'Status', 'URL', 'Events', 'Created', 'Modified', 'Actions']

test('a new user adds a webhook through the dialog and sees it in the list', async ({ webhooks, api }) => {
  await expect(webhooks.emptyState).toBeVisible()

  const dialog = await webhooks.openAddDialog()
  await expect(dialog.root).toHaveAttribute('role', 'dialog')
  await expect(dialog.title('Add webhook')).toBeVisible()
  await expect(dialog.submitButton).toHaveText('Create webhook')
  await dialog.fill({ name: 'Orders to my shop', address: 'http://localhost:3000/hooks/sapo', topics: ['orders/create'] })
  await dialog.submit()
  await expect(dialog.root).toBeHidden()

  const [saved] = await api.allWebhooks()
  expect(saved).toMatchObject({ name: 'Orders to my shop', address: 'http://localhost:3000/hooks/sapo', topics: ['orders/create'], status: 'enabled' })

  const id = saved.id
  await expect(webhooks.row(id)).toBeVisible()
  expect(await webhooks.headerTexts()).toEqual(COLUMNS_EN)
  await expect(webhooks.idButton(id)).toHaveText(String(id))
  await expect(webhooks.name(id)).toHaveText('Orders to my shop')
  await expect(webhooks.status(id)).toHaveText('Enabled')
  await expect(webhooks.url(id)).toHaveText('http://localhost:3000/hooks/sapo')
  await expect(webhooks.events(id)).toContainText('orders/create')
  await expect(webhooks.created(id)).toBeVisible()
  await expect(webhooks.created(id)).toHaveAttribute('datetime', saved.created_on)
  await expect(webhooks.modified(id)).toBeVisible()
})

test('picking several events in the dialog subscribes to all of them', async ({ webhooks, api }) => {
  const dialog = await webhooks.openAddDialog()
  await dialog.fill({ name: 'Two events', address: 'https://example.test/hooks', topics: ['orders/create', 'customers/update'] })
  await dialog.submit()
  await expect(dialog.root).toBeHidden()

  const [saved] = await api.allWebhooks()
  expect(saved.topics.sort()).toEqual(['customers/update', 'orders/create'])
  await expect(webhooks.events(saved.id)).toContainText('+1')
})

test('a webhook left without a name gets "Webhook created on <date time>"', async ({ webhooks, api }) => {
  const dialog = await webhooks.openAddDialog()
  await dialog.fill({ address: 'http://localhost:3000/hooks/unnamed', topics: ['products/create'] })
  await dialog.submit()
  await expect(dialog.root).toBeHidden()

  const [saved] = await api.allWebhooks()
  expect(saved.name).toMatch(/^Webhook created on \d{4}-\d\d-\d\d \d\d:\d\d$/)
  await expect(webhooks.name(saved.id)).toHaveText(saved.name)
})

const BAD_INPUT = [
  { what: 'a javascript: URL', fields: { address: 'javascript:alert(1)', topics: ['orders/create'] }, field: 'address', text: 'The URL must start with http:// or https://.' },
  { what: 'a file: URL', fields: { address: 'file:///etc/passwd', topics: ['orders/create'] }, field: 'address', text: 'The URL must start with http:// or https://.' },
  { what: 'a URL with a space', fields: { address: 'http://localhost:3000/my hooks', topics: ['orders/create'] }, field: 'address', text: 'This value is not valid.' },
  { what: 'a name over 200 characters', fields: { name: 'n'.repeat(201), address: 'http://localhost:3000/hooks', topics: ['orders/create'] }, field: 'name', text: 'This value is too long.' },
  { what: 'no event', fields: { name: 'No events', address: 'http://localhost:3000/hooks' }, field: 'topics', text: 'This field cannot be blank.' },
  { what: 'no URL', fields: { name: 'No URL', topics: ['orders/create'] }, field: 'address', text: 'This field cannot be blank.' },
] as const

for (const bad of BAD_INPUT) {
  test(`${bad.what} shows an inline error and saves nothing`, async ({ webhooks, api }) => {
    const dialog = await webhooks.openAddDialog()
    await dialog.fill(bad.fields)
    await dialog.submit()

    await expect(dialog.error(bad.field)).toHaveText(bad.text)
    await expect(dialog.root).toBeVisible()
    await dialog.cancel()
    await expect(dialog.root).toBeHidden()
    expect((await api.listWebhooks()).total).toBe(0)
    await expect(webhooks.emptyState).toBeVisible()
  })
}

test('fixing the bad field clears its error and then saves', async ({ webhooks, api }) => {
  const dialog = await webhooks.openAddDialog()
  await dialog.fill({ name: 'Fixed later', address: 'javascript:alert(1)' })
  await dialog.submit()
  await expect(dialog.error('address')).toBeVisible()
  await expect(dialog.error('topics')).toBeVisible()

  await dialog.fill({ address: 'http://localhost:3000/hooks/fixed', topics: ['orders/paid'] })
  await dialog.submit()
  await expect(dialog.root).toBeHidden()
  const [saved] = await api.allWebhooks()
  expect(saved).toMatchObject({ name: 'Fixed later', address: 'http://localhost:3000/hooks/fixed', topics: ['orders/paid'] })
})

test('the keyboard works as UI.md says: Enter submits, Esc closes, / focuses search', async ({ webhooks, api, shell, page }) => {
  let dialog = await webhooks.openAddDialog()
  await page.keyboard.press('Escape')
  await expect(dialog.root).toBeHidden()

  dialog = await webhooks.openAddDialog()
  await dialog.fill({ name: 'By keyboard', topics: ['orders/create'] })
  await dialog.address.fill('http://localhost:3000/hooks/keyboard')
  await dialog.address.press('Enter')
  await expect(dialog.root).toBeHidden()
  expect((await api.allWebhooks()).map((w) => w.name)).toEqual(['By keyboard'])

  await page.locator('body').press('/')
  await expect(shell.globalSearch).toBeFocused()
})
