import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import type { Api } from './support/api'
import { SCREENSHOTS } from './support/paths'

// The README's pictures of the real screens, made from the same seed every time:
// same webhooks, same ids, a fixed viewport, and a clock pinned a few minutes after
// the seed so every "Created" cell reads the same.

test.describe.configure({ mode: 'serial' })
test.use({ viewport: { width: 1440, height: 820 }, colorScheme: 'light' })

const SEED = [
  { name: 'Sapo orders → my shop', address: 'http://localhost:3000/hooks/sapo', topics: ['orders/create', 'orders/paid', 'orders/fulfilled'] },
  { name: 'Customer sync (CRM)', address: 'http://localhost:4000/crm/customers', topics: ['customers/create', 'customers/update'] },
  { name: 'Inventory to warehouse', address: 'http://127.0.0.1:5050/stock', topics: ['inventories/update', 'products/update'] },
  { name: 'Returns desk', address: 'http://localhost:3000/hooks/returns', topics: ['order_returns/create'], status: 'disabled' as const },
  { name: 'Shopify staging', address: 'https://staging.example.test/webhooks/shopify', topics: ['orders/create', 'orders/updated'], profile: 'shopify' as const },
  { name: 'GitHub CI', address: 'http://localhost:8080/github', topics: ['push', 'pull_request'], profile: 'github' as const },
]

/** Creates the seed; returns the last one's creation time. */
async function seed(api: Api): Promise<string> {
  let last = ''
  for (const hook of SEED) last = (await api.createWebhook(hook)).created_on
  return last
}

function shotPath(file: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true })
  return join(SCREENSHOTS, file)
}

async function shoot(page: Page, file: string): Promise<void> {
  await page.mouse.move(0, 0)
  await page.screenshot({ path: shotPath(file), animations: 'disabled', caret: 'hide' })
}

test('README screenshots: list, add dialog, settings, Vietnamese list', async ({ page, api, webhooks, shell, settings }) => {
  const lastCreated = await seed(api)
  await shell.pickTheme('light')

  // The dialog alone (its background would show live times); before the clock is pinned,
  // since naive-ui's select needs a moving clock to take the focus.
  const dialog = await webhooks.openAddDialog()
  await dialog.fill({ name: 'Orders to my receiver', address: 'http://localhost:3000/hooks/sapo', topics: ['orders/create', 'orders/paid'] })
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
  await shoot(page, 'webhook-list-vi.png')
})
