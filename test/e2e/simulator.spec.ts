import { expect, test } from './fixtures'
import { SimulatorPage } from './pages/simulator-page'
import { unique } from './support/unique'

// Issue 7 item 6: the Simulator screen. Every webhook points at the worker's receiver on
// 127.0.0.1: nothing leaves the machine.

function pathOf(name: string): string {
  return `/hooks/${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`
}

test('a user picks Sapo → orders/create, edits a field in the editor, fires it, and the receiver gets the edit', async ({ page, api }) => {
  const name = unique('Simulator fire')
  const hook = await api.createWebhook({ name, address: api.receiver.url(pathOf(name)), topics: ['orders/create'] })
  const sim = new SimulatorPage(page)
  await sim.open()
  await expect(page.getByTestId('screen-title')).toHaveText('Event simulator')

  await sim.pick('Sapo', 'orders/create')
  await expect(sim.editor).toHaveAttribute('data-language', 'json')
  await expect(sim.editorText).toContainText('"line_items"')

  // Edit the generated order: a note of the user's own and a different total.
  const generated = JSON.parse(await sim.text()) as Record<string, unknown>
  expect(generated.line_items).toBeInstanceOf(Array)
  const note = `e2e note ${Date.now()}`
  generated.note = note
  generated.total_price = 123456
  await sim.typeBody(JSON.stringify(generated, null, 2))
  await expect(page.getByTestId('sim-edited')).toBeVisible()
  await expect(sim.parseError).toHaveCount(0)

  await sim.target(name, hook.id)
  await expect(sim.fireButton).toBeEnabled()
  await sim.fireButton.click()

  await expect(sim.result).toBeVisible()
  await expect(sim.result).toHaveAttribute('data-deliveries', '1')
  await expect(page.getByTestId('sim-result-count')).toHaveText('1 delivery')
  const delivery = page.getByTestId('sim-result-delivery')
  await expect(delivery).toHaveCount(1)
  await expect(delivery).toHaveAttribute('data-webhook-id', String(hook.id))

  await expect.poll(() => api.receiver.received.filter((r) => r.path === pathOf(name)).length, { timeout: 15_000 }).toBe(1)
  const got = api.receiver.received.find((r) => r.path === pathOf(name))!
  expect(got.headers['x-sapo-topic']).toBe('orders/create')
  const body = JSON.parse(got.body) as { note: string; total_price: unknown }
  expect(body.note).toBe(note)
  expect(body.total_price).toBe(123456)
})

test('an invalid edit shows its line and column, and Fire is disabled until the body parses again', async ({ page, api }) => {
  const sim = new SimulatorPage(page)
  await sim.open()
  await expect(sim.fireButton).toBeEnabled()
  const good = await sim.text()

  // A trailing comma: the object's end on line 4 comes where a key was expected.
  const broken = '{\n  "order": {\n    "note": "x",\n  }\n}'
  await sim.typeBody(broken)
  const expected = await api.call('events.parseBody', { format: 'json', body: broken }).then(
    () => 'parsed',
    (err: Error) => err.message,
  )
  expect(expected).toContain('Line 4, column 3:')
  await expect(sim.parseError).toBeVisible()
  await expect(sim.parseError).toHaveText(/^Line 4, column 3: /)
  await expect(sim.parseError).toHaveAttribute('role', 'alert')
  await expect(sim.fireButton).toBeDisabled()

  // Fixed again: the error goes and Fire comes back.
  await sim.typeBody(good)
  await expect(sim.parseError).toHaveCount(0)
  await expect(sim.fireButton).toBeEnabled()
})

test('a burst of 500 shows its progress and completes', async ({ page, api }) => {
  const name = unique('Simulator burst')
  const hook = await api.createWebhook({ name, address: api.receiver.url(pathOf(name)), topics: ['orders/create'] })
  const sim = new SimulatorPage(page)
  await sim.open()
  await sim.pick('Sapo', 'orders/create')
  await sim.target(name, hook.id)

  await sim.openTab('burst')
  await sim.burstCount.fill('500')
  // 250 a second: about two seconds, long enough for the bar to be seen moving.
  await sim.burstRate.fill('250')
  await sim.burstRate.blur()
  await sim.burstStart.click()

  await expect(sim.burstProgress).toBeVisible()
  await expect(sim.burstProgress).toHaveAttribute('data-count', '500')
  await expect(sim.burstProgress.getByRole('progressbar')).toBeVisible()
  await expect(sim.burstProgress).toHaveAttribute('data-status', 'running')
  await expect(page.getByTestId('sim-burst-cancel')).toBeVisible()
  // The count moves while it runs (polled every 500 ms), before it reaches 500.
  await expect
    .poll(async () => Number(await sim.burstProgress.getAttribute('data-fired')), { intervals: [100] })
    .toBeGreaterThan(0)
  expect(Number(await sim.burstProgress.getAttribute('data-fired'))).toBeLessThan(500)
  await expect(sim.burstProgress).toHaveAttribute('data-status', 'completed', { timeout: 30_000 })
  await expect(sim.burstProgress).toHaveAttribute('data-fired', '500')
  await expect(page.getByTestId('sim-burst-fired')).toHaveText('500 / 500 fired')
  await expect(sim.burstStatus).toHaveText('Completed')
  await expect(page.getByTestId('sim-burst-cancel')).toHaveCount(0)

  // Every event reached the chosen webhook, and only it.
  await expect.poll(() => api.receiver.received.filter((r) => r.path === pathOf(name)).length, { timeout: 30_000 }).toBe(500)
})
