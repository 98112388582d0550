import { expect, test } from './fixtures'
import { startReceiver } from './support/receiver'
import { fire, settle } from './support/deliveries'
import { unique } from './support/unique'

// Issue 9 item 7: deliveries over time by outcome and latency per webhook, for a chosen range.

test('the dashboard charts deliveries by outcome and latency per webhook', async ({ page, api, shell }) => {
  const failing = await startReceiver(() => ({ status: 503, body: 'busy' }))
  try {
    const good = await api.createWebhook({ name: unique('Fast shop') })
    const bad = await api.createWebhook({ name: unique('Down shop'), address: failing.url('/hooks/down'), retry_schedule: [] })
    await fire(api, [good.id, bad.id], 2)
    await settle(api, { webhook_id: good.id, status: 'succeeded' }, 2)
    await settle(api, { webhook_id: bad.id, status: 'failed' }, 2)

    await shell.navEntry('dashboard').click()
    await expect(page.getByTestId('screen-title')).toHaveText('Dashboard')
    await expect(page.getByTestId('outcome-chart').locator('canvas').first()).toBeVisible()
    await expect(page.getByTestId('latency-chart').locator('canvas').first()).toBeVisible()
    await expect(page.getByTestId(`latency-row-${good.id}`)).toContainText(good.name)
    await expect(page.getByTestId(`latency-row-${bad.id}`)).toContainText(bad.name)
    await expect(page.getByTestId(`latency-row-${good.id}`).locator('td').nth(1)).toHaveText('2')

    // One webhook: its own counts, by outcome.
    await page.getByTestId('dashboard-webhook').click()
    await page.keyboard.type(bad.name)
    await page.locator('.n-base-select-option').filter({ hasText: bad.name }).first().click()
    await expect(page.getByTestId('dashboard-total-failed')).toHaveAttribute('data-count', '2')
    await expect(page.getByTestId('dashboard-total-succeeded')).toHaveAttribute('data-count', '0')
    await expect(page.getByTestId(`latency-row-${good.id}`)).toBeHidden()
  } finally {
    await failing.close()
  }
})
