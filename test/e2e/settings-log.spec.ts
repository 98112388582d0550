import { expect, test } from './fixtures'
import { fire, settle } from './support/deliveries'

// Issue 9 item 6: retention in Settings, the log's size on disk, and "Compact now".
// A store of its own: retention settings must not purge other tests' deliveries.
test.use({ freshStore: true })

test('retention is set in Settings, and the log shows its size on disk and compacts', async ({ page, api, shell }) => {
  const hook = await api.createWebhook({ name: 'Retention shop' })
  await fire(api, [hook.id], 3)
  await settle(api, { webhook_id: hook.id, status: 'succeeded' }, 3)

  await shell.goToSettings()
  const card = page.getByTestId('settings-event-log')
  await expect(card).toContainText('Event log')
  await expect(page.getByTestId('log-storage-counts')).toContainText('3 deliveries')
  const bytes = Number(await page.getByTestId('log-storage-bytes').getAttribute('data-bytes'))
  expect(bytes).toBeGreaterThan(0)

  const stored = async () => api.call<{ retention_days: number | null; retention_max_deliveries: number | null }>('settings.get')
  // The defaults: 30 days, no count limit.
  await expect(page.getByTestId('retention_days-input')).toHaveValue('30')
  await expect(page.getByTestId('retention_max_deliveries-input')).toBeDisabled()
  await page.getByTestId('retention_days-input').fill('7')
  await page.getByTestId('retention_days-input').press('Enter')
  await expect.poll(async () => (await stored()).retention_days).toBe(7)

  // A count limit: on, set, and off again.
  await page.getByTestId('retention_max_deliveries-unlimited').click()
  await expect(page.getByTestId('retention_max_deliveries-input')).toBeEnabled()
  await page.getByTestId('retention_max_deliveries-input').fill('5000')
  await page.getByTestId('retention_max_deliveries-input').press('Enter')
  await expect.poll(async () => (await stored()).retention_max_deliveries).toBe(5000)
  await page.getByTestId('retention_max_deliveries-unlimited').click()
  await expect.poll(async () => (await stored()).retention_max_deliveries).toBeNull()
  await expect(page.getByTestId('retention_max_deliveries-input')).toBeDisabled()

  await page.getByTestId('log-compact').click()
  await expect(page.getByText(/Compacted:/)).toBeVisible()
  await expect(page.getByTestId('log-storage-counts')).toContainText('3 deliveries')
})
