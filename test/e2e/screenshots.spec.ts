import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import type { Api } from './support/api'
import { SCREENSHOTS, SCREENSHOTS_SKIP_REASON, SCREENSHOTS_WANTED } from './support/paths'

// The README's pictures of the real screens, made from the same seed every time:
// same webhooks, same ids, a fixed viewport, and a clock pinned a few minutes after
// the seed so every "Created" cell reads the same.
//
// They are tracked files, so they are written only when asked: `npm run screenshots`
// (HOOKLAB_SCREENSHOTS=1). A plain test run skips this spec and says so (global-setup).

test.describe.configure({ mode: 'serial' })
// Ids 1..6 in the pictures: a store of their own.
test.use({ viewport: { width: 1440, height: 820 }, colorScheme: 'light', freshStore: true })
test.skip(!SCREENSHOTS_WANTED, SCREENSHOTS_SKIP_REASON)

/** The receiver's port is random per run; the pictures show a fixed one. */
const SHOWN_PORT = '3000'

// Paths on the worker's receiver (127.0.0.1): nothing is ever addressed off the machine.
const SEED = [
  { name: 'Sapo orders → my shop', path: '/hooks/sapo', topics: ['orders/create', 'orders/paid', 'orders/fulfilled'] },
  { name: 'Customer sync (CRM)', path: '/crm/customers', topics: ['customers/create', 'customers/update'] },
  { name: 'Inventory to warehouse', path: '/stock', topics: ['inventories/update', 'products/update'] },
  { name: 'Returns desk', path: '/hooks/returns', topics: ['order_returns/create'], status: 'disabled' as const },
  { name: 'Shopify staging', path: '/webhooks/shopify', topics: ['orders/create', 'orders/updated'], profile: 'shopify' as const },
  { name: 'GitHub CI', path: '/github', topics: ['push', 'pull_request'], profile: 'github' as const },
]

/** Creates the seed; returns the last one's creation time. */
async function seed(api: Api): Promise<string> {
  let last = ''
  for (const { path, ...hook } of SEED) last = (await api.createWebhook({ ...hook, address: api.receiver.url(path) })).created_on
  return last
}

/** Shows the fixed port in every URL cell. */
async function fixPorts(page: Page): Promise<void> {
  await page.locator('[data-testid^="webhook-url-"]').evaluateAll((cells, port) => {
    for (const cell of cells) cell.textContent = cell.textContent!.replace(/127\.0\.0\.1:\d+/, `127.0.0.1:${port}`)
  }, SHOWN_PORT)
}

function shotPath(file: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true })
  return join(SCREENSHOTS, file)
}

async function shoot(page: Page, file: string): Promise<void> {
  await page.mouse.move(0, 0)
  await page.screenshot({ path: shotPath(file), animations: 'disabled', caret: 'hide' })
}

test('README screenshots: list, add dialog, settings, Vietnamese list', async ({ page, api, webhooks, shell, settings, receiver }) => {
  const lastCreated = await seed(api)
  await shell.pickTheme('light')

  // The dialog alone (its background would show live times); before the clock is pinned,
  // since naive-ui's select needs a moving clock to take the focus.
  const dialog = await webhooks.openAddDialog()
  await dialog.fill({ name: 'Orders to my receiver', address: receiver.url('/hooks/sapo'), topics: ['orders/create', 'orders/paid'] })
  await dialog.address.evaluate((el: HTMLInputElement, port) => (el.value = el.value.replace(/:\d+\//, `:${port}/`)), SHOWN_PORT)
  await page.mouse.move(0, 0)
  await dialog.root.screenshot({ path: shotPath('add-webhook.png'), animations: 'disabled', caret: 'hide' })
  await dialog.cancel()
  await expect(dialog.root).toBeHidden()

  // The rows are drawn for the first time now, so every relative time reads off the pinned clock.
  await page.clock.setFixedTime(new Date(new Date(lastCreated).getTime() + 3 * 60_000))
  await webhooks.syncNow()
  await expect(webhooks.rows).toHaveCount(SEED.length)
  await expect(webhooks.created(1)).toHaveText(/3 min/)
  await expect(webhooks.lastSynced).toHaveText(/now/)
  await expect(webhooks.syncBadge).toBeHidden()
  await fixPorts(page)
  await shoot(page, 'webhook-list.png')

  await shell.goToSettings()
  await expect(settings.root).toBeVisible()
  await expect(page.getByTestId('app-version')).not.toHaveText('—')
  // The data directory and port are random per run: show the defaults instead.
  await page.getByTestId('data-dir').evaluate((el) => (el.textContent = '~/.config/Hooklab'))
  await page.getByTestId('admin-api-url').evaluate((el) => (el.textContent = el.textContent!.replace(/:\d+\//, ':7788/')))
  await shoot(page, 'settings.png')

  await shell.goToWebhooks()
  await shell.switchLanguage('vi')
  await expect(shell.title).toHaveText('Quản lý Webhook')
  await expect(webhooks.rows).toHaveCount(SEED.length)
  await expect(webhooks.created(1)).toHaveText(/3 phút/)
  await fixPorts(page)
  await shoot(page, 'webhook-list-vi.png')
})
