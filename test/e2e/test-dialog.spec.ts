import { setTimeout as sleep } from 'node:timers/promises'
import { expect, test } from './fixtures'
import { TestDialog } from './pages/test-dialog'
import { startReceiver, type Answer, type Receiver } from './support/receiver'
import { unique } from './support/unique'

// Issue 8 items 6–7: seed 000's Test dialog and Ping from the ⋯ menu, against receivers on
// 127.0.0.1 only (nothing leaves the machine).

/** A receiver of this test's own, answering as told; closed when the test ends. */
async function withReceiver(answer: () => Answer | Promise<Answer>, body: (r: Receiver) => Promise<void>): Promise<void> {
  const receiver = await startReceiver(answer)
  try {
    await body(receiver)
  } finally {
    await receiver.close()
  }
}

test('Test sends the chosen event and shows the request sent and the response', async ({ webhooks, api, page }) => {
  const answer = { ok: true, receiver: 'e2e' }
  await withReceiver(
    async () => {
      // Slow enough for the spinner to be seen.
      await sleep(400)
      return { status: 200, headers: { 'X-Receiver': 'local' }, body: JSON.stringify(answer) }
    },
    async (receiver) => {
      const hook = await api.createWebhook({ name: unique('Test dialog'), address: receiver.url('/hooks/test'), topics: ['orders/create', 'customers/create'] })
      await webhooks.syncNow()
      const dialog = new TestDialog(page)
      await dialog.open(hook.id)

      await expect(dialog.root).toHaveAttribute('role', 'dialog')
      await expect(dialog.root).toContainText('Test your webhook URL')
      await expect(dialog.root).toContainText('Event')
      await expect(dialog.submitButton).toHaveText('Test webhook')
      // Only the webhook's own events are offered.
      await dialog.event.click()
      await expect(page.locator('.n-base-select-option')).toHaveText(['orders/create', 'customers/create'])
      await page.keyboard.press('Escape')
      await expect(dialog.root).toBeVisible()

      await dialog.chooseEvent('customers/create')
      await dialog.submitButton.click()
      await expect(dialog.running).toBeVisible()

      await expect(dialog.status).toHaveAttribute('data-status', 'succeeded')
      await expect(dialog.httpStatus).toHaveText('HTTP 200')
      await expect(dialog.duration).toContainText('ms')
      // The request, as it went over the wire.
      await expect(dialog.request.getByTestId('request-line')).toHaveText(`POST ${receiver.url('/hooks/test')}`)
      await expect(dialog.header(dialog.request, 'X-Sapo-Topic')).toHaveText('customers/create')
      const sent = receiver.received.at(-1)!
      expect(sent.headers['x-sapo-topic']).toBe('customers/create')
      // Pretty-printed, so compare the parsed JSON.
      expect(JSON.parse(await dialog.body('request').innerText())).toEqual(JSON.parse(sent.body))
      // The response, as the receiver gave it.
      await expect(dialog.response.getByTestId('response-line')).toHaveText('HTTP 200')
      await expect(dialog.header(dialog.response, 'X-Receiver')).toHaveText('local')
      expect(JSON.parse(await dialog.body('response').innerText())).toEqual(answer)
      await expect(dialog.history).toBeHidden()

      await page.keyboard.press('Escape')
      await expect(dialog.root).toBeHidden()
    },
  )
})

test('Enter in the Test dialog sends the test', async ({ webhooks, api, page }) => {
  const hook = await api.createWebhook({ name: unique('Enter tests') })
  await webhooks.syncNow()
  const dialog = new TestDialog(page)
  await dialog.open(hook.id)
  await page.keyboard.press('Enter')
  await expect(dialog.status).toHaveAttribute('data-status', 'succeeded')
})

test('a receiver answering 500 shows retrying, then the attempt history after the retry', async ({ webhooks, api, page }) => {
  await withReceiver(
    () => ({ status: 500, body: 'boom' }),
    async (receiver) => {
      // One retry, 1 s (±20 %) after the first attempt: real time, no clock tricks.
      const hook = await api.createWebhook({ name: unique('Failing'), address: receiver.url('/hooks/fail'), retry_schedule: [1] })
      await webhooks.syncNow()
      const dialog = new TestDialog(page)
      await dialog.open(hook.id)
      await dialog.submitButton.click()

      await expect(dialog.status).toHaveAttribute('data-status', 'retrying')
      await expect(dialog.status).toHaveText('Retrying')
      await expect(dialog.httpStatus).toHaveText('HTTP 500')
      await expect(dialog.body('response')).toHaveText('boom')

      // The dialog stays live: the retry lands by itself, no click needed.
      await expect(dialog.status).toHaveAttribute('data-status', 'failed', { timeout: 15_000 })
      const rows = dialog.history.getByTestId('attempt-row')
      await expect(rows).toHaveCount(2)
      await expect(rows.nth(0)).toHaveAttribute('data-n', '1')
      await expect(rows.nth(1)).toHaveAttribute('data-n', '2')
      await expect(rows.getByTestId('attempt-outcome')).toHaveText(['HTTP 500', 'HTTP 500'])
      expect(receiver.received).toHaveLength(2)
    },
  )
})

test('a response body that looks like HTML is shown as text, never run', async ({ webhooks, api, page }) => {
  const evil = '<img src=x onerror="window.__pwned=1">'
  await withReceiver(
    () => ({ status: 200, headers: { 'Content-Type': 'text/html' }, body: evil }),
    async (receiver) => {
      const hook = await api.createWebhook({ name: unique('Hostile receiver'), address: receiver.url('/hooks/evil') })
      await webhooks.syncNow()
      const dialog = new TestDialog(page)
      await dialog.open(hook.id)
      await dialog.submitButton.click()

      await expect(dialog.body('response')).toHaveText(evil)
      await expect(dialog.root.locator('img')).toHaveCount(0)
      // Give an injected onerror every chance to fire before looking.
      await sleep(300)
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
    },
  )
})

test('Ping from the ⋯ menu toasts the result and the list shows it', async ({ webhooks, api, page, shell }) => {
  const hook = await api.createWebhook({ name: unique('Ping me') })
  await webhooks.syncNow()
  await expect(page.getByTestId(`webhook-ping-${hook.id}`)).toHaveCount(0)

  await page.getByTestId(`webhook-actions-${hook.id}`).click()
  await expect(page.getByTestId('action-ping')).toHaveText('Ping webhook')
  await page.getByTestId('action-ping').click()
  await expect(shell.toast('Ping answered 200')).toBeVisible()
  const tag = page.getByTestId(`webhook-ping-${hook.id}`)
  await expect(tag).toHaveText('ping 200')
  await expect(tag).toHaveAttribute('data-ok', 'true')
  await expect(tag).toHaveCSS('color', 'rgb(24, 160, 88)')
  await tag.hover()
  await expect(page.locator('.n-tooltip').filter({ hasText: 'Last ping' })).toBeVisible()
  expect((await api.getWebhook(hook.id)).last_ping).toMatchObject({ status_code: 200, ok: true })
})

test('a ping answered 500 toasts the failure and the list shows it in red', async ({ webhooks, api, page, shell }) => {
  await withReceiver(
    () => ({ status: 500, body: '{}' }),
    async (receiver) => {
      const hook = await api.createWebhook({ name: unique('Ping fails'), address: receiver.url('/hooks/ping'), retry_schedule: [] })
      await webhooks.syncNow()
      await page.getByTestId(`webhook-actions-${hook.id}`).click()
      await page.getByTestId('action-ping').click()
      await expect(shell.toasts.getByRole('alert').filter({ hasText: 'Ping failed: the receiver answered 500' })).toBeVisible()
      const tag = page.getByTestId(`webhook-ping-${hook.id}`)
      await expect(tag).toHaveText('ping 500')
      await expect(tag).toHaveAttribute('data-ok', 'false')
      // naive-ui's error colour (light theme), the same red as an auto-disabled status.
      await expect(tag).toHaveCSS('color', 'rgb(208, 48, 80)')
    },
  )
})

test('in Vietnamese the Test dialog and the ping entry use seed 000’s words', async ({ webhooks, api, page, shell }) => {
  const hook = await api.createWebhook({ name: unique('Tieng Viet') })
  await webhooks.syncNow()
  await shell.switchLanguage('vi')
  await page.getByTestId(`webhook-actions-${hook.id}`).click()
  await expect(page.getByTestId('action-ping')).toHaveText('Gửi ping')
  await page.getByTestId('action-test').click()
  const dialog = new TestDialog(page)
  await expect(dialog.root).toContainText('Kiểm tra URL Webhook của bạn')
  await expect(dialog.root).toContainText('Sự kiện')
  await expect(dialog.submitButton).toHaveText('Kiểm thử webhook')
  await dialog.submitButton.click()
  await expect(dialog.status).toHaveText('Thành công')
})
