import { expect, test } from './fixtures'
import { WebhooksPage } from './pages/webhooks-page'

// Issue 6: screens are routes (hash history), and a browser that is not signed in is told how to sign in.

test('deep links open their screen, and back and forward move between screens', async ({ page, shell, settings, hooklab }) => {
  test.skip(!hooklab.baseUrl, 'addresses are web only; the desktop window uses the same hash routes')
  await expect(page).toHaveURL(/#\/webhooks$/)
  await shell.goToSettings()
  await expect(page).toHaveURL(/#\/settings$/)
  await expect(settings.root).toBeVisible()

  await page.goBack()
  await expect(shell.title).toHaveText('Webhook management')
  await page.goForward()
  await expect(shell.title).toHaveText('Settings')

  const fresh = await page.context().newPage()
  await fresh.goto(`${hooklab.baseUrl}/#/settings`)
  await expect(fresh.getByTestId('settings-screen')).toBeVisible()
  await expect(fresh.getByTestId('screen-title')).toHaveText('Settings')

  // An unknown screen lands on the start screen, not on a blank page.
  await fresh.goto(`${hooklab.baseUrl}/#/no-such-screen`)
  await expect(fresh.getByTestId('screen-title')).toHaveText('Webhook management')
  await expect(new WebhooksPage(fresh).addButton).toBeVisible()
})

test('a browser without a session is told how to sign in, with no unrelated button', async ({ browser, hooklab }) => {
  test.skip(!hooklab.baseUrl, 'the desktop window needs no sign-in')
  const stranger = await browser.newContext()
  try {
    const page = await stranger.newPage()
    await page.goto(`${hooklab.baseUrl}/`)
    const notice = page.getByTestId('not-signed-in')
    await expect(notice).toBeVisible()
    await expect(notice).toContainText('not signed in')
    await expect(notice).toContainText('?token=')
    await expect(page.getByTestId('sign-in-example')).toHaveText(`${hooklab.baseUrl}/?token=…`)
    await expect(page.getByRole('button', { name: 'Sync now' })).toHaveCount(0)
    await expect(notice.getByRole('button')).toHaveCount(0)
  } finally {
    await stranger.close()
  }
})
