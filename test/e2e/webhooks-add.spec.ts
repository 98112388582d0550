import { expect, test } from './fixtures'
import { unique } from './support/unique'

// SPEC §1–2 "Add webhook", as a first-time user does it. Every address is the worker's
// receiver on 127.0.0.1 (issue 6, 2.9): a created webhook is pinged, and nothing may leave
// the machine.

const COLUMNS_EN = ['ID', 'Name', 'Status', 'URL', 'Events', 'Created', 'Modified', 'Actions']

test.describe('on an empty store', () => {
  test.use({ freshStore: true })

  test('a new user adds a webhook through the dialog and sees it in the list', async ({ webhooks, api, shell, receiver }) => {
    await expect(webhooks.emptyState).toBeVisible()

    const dialog = await webhooks.openAddDialog()
    await expect(dialog.root).toHaveAttribute('role', 'dialog')
    await expect(dialog.title('Add webhook')).toBeVisible()
    await expect(dialog.submitButton).toHaveText('Create webhook')
    const address = receiver.url('/hooks/first')
    await dialog.fill({ name: 'Orders to my shop', address, topics: ['orders/create'] })
    await dialog.submit()
    await expect(dialog.root).toBeHidden()
    // Top right, like seed 000's toasts, and it closes itself after 5 s.
    await expect(shell.toast('Webhook created successfully!')).toBeVisible()

    const [saved] = await api.allWebhooks()
    expect(saved).toMatchObject({ name: 'Orders to my shop', address, topics: ['orders/create'], status: 'enabled' })

    const id = saved.id
    await expect(webhooks.row(id)).toBeVisible()
    expect(await webhooks.headerTexts()).toEqual(COLUMNS_EN)
    await expect(webhooks.idButton(id)).toHaveText(String(id))
    await expect(webhooks.name(id)).toHaveText('Orders to my shop')
    await expect(webhooks.status(id)).toHaveText('Enabled')
    await expect(webhooks.url(id)).toHaveText(address)
    await expect(webhooks.events(id)).toContainText('orders/create')
    await expect(webhooks.created(id)).toBeVisible()
    await expect(webhooks.created(id)).toHaveAttribute('datetime', saved.created_on)
    await expect(webhooks.modified(id)).toBeVisible()
  })
})

test('picking several events in the dialog subscribes to all of them', async ({ webhooks, api, receiver }) => {
  const name = unique('Two events')
  const dialog = await webhooks.openAddDialog()
  await dialog.fill({ name, address: receiver.url('/hooks/two'), topics: ['orders/create', 'customers/update'] })
  await dialog.submit()
  await expect(dialog.root).toBeHidden()

  const saved = await api.webhookNamed(name)
  expect(saved.topics.sort()).toEqual(['customers/update', 'orders/create'])
  await expect(webhooks.events(saved.id)).toContainText('+1')
})

test('a webhook left without a name gets "Webhook created on <date time>"', async ({ webhooks, api, receiver }) => {
  const address = receiver.url(`/hooks/${unique('unnamed').replace(' ', '-')}`)
  const dialog = await webhooks.openAddDialog()
  await dialog.fill({ address, topics: ['products/create'] })
  await dialog.submit()
  await expect(dialog.root).toBeHidden()

  const saved = await api.webhookAt(address)
  expect(saved.name).toMatch(/^Webhook created on \d{4}-\d\d-\d\d \d\d:\d\d$/)
  await expect(webhooks.name(saved.id)).toHaveText(saved.name)
})

const BAD_INPUT = [
  { what: 'a javascript: URL', fields: { address: 'javascript:alert(1)', topics: ['orders/create'] }, field: 'address', text: 'The URL must start with http:// or https://.' },
  { what: 'a file: URL', fields: { address: 'file:///etc/passwd', topics: ['orders/create'] }, field: 'address', text: 'The URL must start with http:// or https://.' },
  { what: 'a URL with a space', fields: { address: 'http://127.0.0.1:9/my hooks', topics: ['orders/create'] }, field: 'address', text: 'This value is not valid.' },
  { what: 'a name over 200 characters', fields: { name: 'n'.repeat(201), topics: ['orders/create'] }, field: 'name', text: 'This value is too long: at most 200 characters.' },
  { what: 'a URL over 2048 characters', fields: { address: `http://127.0.0.1:9/${'a'.repeat(2048)}`, topics: ['orders/create'] }, field: 'address', text: 'This value is too long: at most 2048 characters.' },
  { what: 'no event', fields: {}, field: 'topics', text: 'This field cannot be blank.' },
  { what: 'no URL', fields: { address: '', topics: ['orders/create'] }, field: 'address', text: 'This field cannot be blank.' },
] as const

for (const bad of BAD_INPUT) {
  test(`${bad.what} shows an inline error and saves nothing`, async ({ webhooks, api, receiver }) => {
    // A unique name, so "saved nothing" can be checked in a store other tests share.
    const name = unique('Bad input')
    const dialog = await webhooks.openAddDialog()
    await dialog.fill({ name, address: receiver.url('/hooks/bad'), ...bad.fields })
    await dialog.submit()

    await expect(dialog.error(bad.field)).toHaveText(bad.text)
    await expect(dialog.root).toBeVisible()
    await dialog.cancel()
    await expect(dialog.root).toBeHidden()
    expect((await api.listWebhooks({ search: bad.field === 'name' ? 'nnnnnnnnnn' : name })).total).toBe(0)
  })
}

test('fixing the bad field clears its error and then saves', async ({ webhooks, api, receiver }) => {
  const name = unique('Fixed later')
  const dialog = await webhooks.openAddDialog()
  await dialog.fill({ name, address: 'javascript:alert(1)' })
  await dialog.submit()
  await expect(dialog.error('address')).toBeVisible()
  await expect(dialog.error('topics')).toBeVisible()

  const address = receiver.url('/hooks/fixed')
  await dialog.fill({ address, topics: ['orders/paid'] })
  await dialog.submit()
  await expect(dialog.root).toBeHidden()
  expect(await api.webhookNamed(name)).toMatchObject({ name, address, topics: ['orders/paid'] })
})

test('the keyboard works as UI.md says: Enter submits, Esc closes, / focuses search', async ({ webhooks, api, shell, page, receiver }) => {
  let dialog = await webhooks.openAddDialog()
  await page.keyboard.press('Escape')
  await expect(dialog.root).toBeHidden()

  const name = unique('By keyboard')
  dialog = await webhooks.openAddDialog()
  await dialog.fill({ name, topics: ['orders/create'] })
  await dialog.address.fill(receiver.url('/hooks/keyboard'))
  await dialog.address.press('Enter')
  await expect(dialog.root).toBeHidden()
  expect((await api.webhookNamed(name)).name).toBe(name)

  await page.locator('body').press('/')
  await expect(shell.globalSearch).toBeFocused()
})
