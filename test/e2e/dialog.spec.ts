import type { Locator } from '@playwright/test'
import { expect, test } from './fixtures'
import { chooseOption } from './pages/select'
import { unique } from './support/unique'

// Issue 6, section 3: what a new user hit in the Add webhook dialog.

test('each validation error clears as soon as its field is fixed, before any new submit', async ({ webhooks, receiver }) => {
  const dialog = await webhooks.openAddDialog()
  await dialog.fill({ name: 'n'.repeat(201), address: 'javascript:alert(1)' })
  await dialog.submit()
  await expect(dialog.error('name')).toHaveText('This value is too long: at most 200 characters.')
  await expect(dialog.error('address')).toBeVisible()
  await expect(dialog.error('topics')).toBeVisible()

  await dialog.address.fill(receiver.url('/hooks/live'))
  await expect(dialog.error('address')).toBeHidden()
  // The others are still wrong and still say so.
  await expect(dialog.error('topics')).toBeVisible()
  await expect(dialog.error('name')).toBeVisible()

  await dialog.pickTopic('orders/create')
  await expect(dialog.error('topics')).toBeHidden()
  await dialog.name.fill(unique('Live errors'))
  await expect(dialog.error('name')).toBeHidden()

  // Breaking a fixed field again shows its error again at once.
  await dialog.address.fill('ftp://nope')
  await expect(dialog.error('address')).toHaveText('The URL must start with http:// or https://.')
})

test('a header Hooklab or the signing style sets is refused next to its row, as is a row without a name', async ({ webhooks, api, receiver }) => {
  const name = unique('Headers')
  const dialog = await webhooks.openAddDialog()
  await dialog.fill({ name, address: receiver.url('/hooks/headers'), topics: ['orders/create'] })
  const own = await dialog.addHeader('X-Hooklab-Delivery-Id', 'mine')
  const nameless = await dialog.addHeader('', 'orphan value')
  const style = await dialog.addHeader('X-Sapo-Hmac-Sha256', 'forged')
  await dialog.submit()

  await expect(dialog.headerError(own)).toHaveText('Header 1: Hooklab sets this header itself; it cannot be overridden.')
  await expect(dialog.headerError(nameless)).toHaveText('Header 2: The header name is empty: type a name such as X-Api-Key, or remove the row.')
  await expect(dialog.headerError(style)).toHaveText('Header 3: Hooklab sets this header itself; it cannot be overridden.')

  // Fixed one by one, each error goes as its row becomes valid.
  await dialog.headerName(own).fill('X-Request-Source')
  await expect(dialog.headerError(own)).toBeHidden()
  await expect(dialog.headerError(nameless)).toBeVisible()
  await dialog.headerName(nameless).fill('X-Shop-Ref')
  await expect(dialog.headerError(nameless)).toBeHidden()
  await dialog.headerName(style).fill('X-Trace')
  await expect(dialog.headerError(style)).toBeHidden()

  await dialog.submit()
  await expect(dialog.root).toBeHidden()
  expect((await api.webhookNamed(name)).headers).toEqual({ 'X-Request-Source': 'mine', 'X-Shop-Ref': 'orphan value', 'X-Trace': 'forged' })

  // The core is the authority: it refuses the same header from any client.
  await expect(api.createWebhook({ name: unique('Direct'), headers: { 'X-Hooklab-Delivery-Id': 'x' } })).rejects.toThrow(/reserved_header/)
})

test('too-long errors state the limit: header value 8192, secret 1024', async ({ webhooks, receiver }) => {
  const dialog = await webhooks.openAddDialog()
  await dialog.fill({ name: unique('Limits'), address: receiver.url('/hooks/limits'), topics: ['orders/create'] })
  const row = await dialog.addHeader('X-Big', 'v'.repeat(8193))
  await dialog.secret.fill('s'.repeat(1025))
  await dialog.submit()
  await expect(dialog.headerError(row)).toHaveText('Header 1: This value is too long: at most 8192 characters.')
  await expect(dialog.error('secret')).toHaveText('This value is too long: at most 1024 characters.')
})

test('blank number boxes say what blank means: "Unlimited" for the rate limit, never "Please input"', async ({ webhooks, shell, page }) => {
  let dialog = await webhooks.openAddDialog()
  await dialog.openAdvanced()
  const rate = dialog.root.getByTestId('field-rate_limit_per_second')
  await expect(rate).toHaveValue('')
  await expect(rate).toHaveAttribute('placeholder', 'Unlimited')
  const connect = dialog.root.getByTestId('field-connect_timeout_ms')
  await connect.fill('')
  await expect(connect).toHaveAttribute('placeholder', 'Default: 5000')
  await dialog.cancel()

  await shell.switchLanguage('vi')
  dialog = await webhooks.openAddDialog()
  await dialog.openAdvanced()
  await expect(rate).toHaveAttribute('placeholder', 'Không giới hạn')
  await expect(page.getByPlaceholder('Vui lòng nhập')).toHaveCount(0)
})

test('placeholders keep the UI font (Vietnamese marks stay attached) in both themes; typed values are monospace', async ({ webhooks, shell }) => {
  await shell.switchLanguage('vi')
  for (const theme of ['light', 'dark'] as const) {
    await shell.pickTheme(theme)
    const dialog = await webhooks.openAddDialog()
    await expect(dialog.secret).toHaveAttribute('placeholder', 'Để trống để tự sinh')
    expect(await fontOf(dialog.secret)).not.toMatch(/mono/i)
    expect(await fontOf(dialog.address)).not.toMatch(/mono/i)

    await dialog.address.fill('http://127.0.0.1:9/đơn-hàng')
    const mono = await fontOf(dialog.address)
    // A monospace stack whose first installed font on Linux has every Vietnamese letter.
    expect(mono).toMatch(/mono/i)
    expect(mono.indexOf('DejaVu Sans Mono')).toBeGreaterThan(-1)
    expect(mono.indexOf('DejaVu Sans Mono')).toBeLessThan(mono.indexOf('Liberation Mono'))
    await dialog.cancel()
  }
})

test('Esc or × on a half-filled dialog asks before discarding; an untouched one just closes', async ({ webhooks, page }) => {
  let dialog = await webhooks.openAddDialog()
  await page.keyboard.press('Escape')
  await expect(dialog.root).toBeHidden()

  dialog = await webhooks.openAddDialog()
  await dialog.name.fill('Half done')
  await page.keyboard.press('Escape')
  await expect(webhooks.confirmDialog.text).toHaveText('What you typed in this dialog will be lost.')
  await expect(page.getByTestId('confirm-cancel')).toHaveText('Keep editing')
  // Esc again answers "keep editing": nothing is lost.
  await page.keyboard.press('Escape')
  await expect(webhooks.confirmDialog.text).toBeHidden()
  await expect(dialog.name).toHaveValue('Half done')

  await dialog.closeButton.click()
  await expect(webhooks.confirmDialog.text).toBeVisible()
  await page.getByTestId('confirm-ok').click()
  await expect(dialog.root).toBeHidden()
})

test('Tab reaches the Advanced section and the dialog\'s ×; Enter opens Advanced', async ({ webhooks, page }) => {
  const dialog = await webhooks.openAddDialog()
  await dialog.name.focus()
  const reached = new Set<string>()
  for (let i = 0; i < 40 && reached.size < 2; i++) {
    await page.keyboard.press('Tab')
    const which = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null
      if (el?.dataset.testid === 'field-advanced') return 'advanced'
      return el?.classList.contains('n-base-close') ? 'close' : ''
    })
    if (which) reached.add(which)
  }
  expect([...reached].sort()).toEqual(['advanced', 'close'])

  await dialog.advancedToggle.focus()
  await page.keyboard.press('Enter')
  await expect(dialog.advancedToggle).toHaveAttribute('aria-expanded', 'true')
  await expect(dialog.root.getByTestId('field-retry_schedule')).toBeVisible()
})

test('the create toast shows top right for 5 s, below the top bar and clear of Add webhook', async ({ webhooks, shell, page, receiver }) => {
  // Timers made from now on run on a clock the test stops and moves: 5 s exactly, no waiting.
  await page.clock.install()
  const dialog = await webhooks.openAddDialog()
  await dialog.fill({ name: unique('Toasted'), address: receiver.url('/hooks/toast'), topics: ['orders/create'] })
  await dialog.submit()
  const toast = shell.toast('Webhook created successfully!')
  await expect(toast).toBeVisible()
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 200)

  const box = (await shell.toasts.locator('.n-notification').first().boundingBox())!
  const viewport = page.viewportSize()!
  expect(viewport.width - (box.x + box.width)).toBeLessThan(40)
  for (const id of ['lang-switch', 'theme-switch', 'add-webhook']) {
    const other = (await page.getByTestId(id).boundingBox())!
    expect(overlaps(box, other), `the toast covers ${id}`).toBe(false)
  }

  // Seed 000: 5 s (the old toast went after about 2.7 s).
  await page.clock.runFor(3_500)
  await expect(toast).toBeVisible()
  await page.clock.runFor(1_600)
  await expect(toast).toBeHidden()
})

function fontOf(input: Locator): Promise<string> {
  return input.evaluate((el) => getComputedStyle(el).fontFamily)
}

type Box = { x: number; y: number; width: number; height: number }
function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

test('events come from the core\'s catalogue: every profile has ping, and Standard Webhooks takes an event type of the user\'s own', async ({ webhooks, api, page, receiver }) => {
  const name = unique('Own type')
  const dialog = await webhooks.openAddDialog()
  await dialog.fill({ name, address: receiver.url('/hooks/standard') })
  await chooseOption(page, dialog.root.getByTestId('field-profile'), 'Standard Webhooks')
  await dialog.pickTopic('ping')

  await dialog.topics.click()
  await dialog.topics.locator('input').fill('invoice.settled')
  await page.locator('.n-base-select-option').filter({ hasText: 'Add your own event “invoice.settled”' }).click()
  await expect(dialog.chosenTopic('invoice.settled')).toBeVisible()
  await dialog.name.click()

  await dialog.submit()
  await expect(dialog.root).toBeHidden()
  const saved = await api.webhookNamed(name)
  expect(saved.profile).toBe('standard')
  expect(saved.topics.sort()).toEqual(['invoice.settled', 'ping'])
})
