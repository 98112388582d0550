import { expect, test } from './fixtures'
import { unique } from './support/unique'

// SPEC §1 / §8 "Tokens": an admin makes a read token for a script; its value is shown once.

test('create a read token, see its value once, then delete it', async ({ shell, settings, api, hooklab, receiver }) => {
  await shell.goToSettings()
  await expect(settings.root).toBeVisible()

  const name = unique('CI reader')
  const value = await settings.createToken(name, 'read (list and view)')
  expect(value.length).toBeGreaterThan(16)
  const token = (await api.tokens()).find((t) => t.name === name)!
  expect(token).toMatchObject({ name, role: 'read' })
  const row = settings.tokenRow(token.id)
  await expect(row).toContainText(name)
  await expect(row).toContainText('read')
  // The list never shows the value itself.
  await expect(row).not.toContainText(value)

  if (hooklab.baseUrl) {
    // What the token is for: a script may list webhooks but not change them.
    const asReader = (name: string, input: object) =>
      fetch(`${hooklab.baseUrl}/rpc/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Hooklab-Access-Token': value },
        body: JSON.stringify(input),
      })
    expect((await asReader('webhooks.list', {})).status).toBe(200)
    expect((await asReader('webhooks.create', { address: receiver.url('/x'), topics: ['orders/create'] })).status).toBe(403)
  }

  // Shown once: leaving the screen forgets it.
  await shell.goToWebhooks()
  await shell.goToSettings()
  await expect(row).toBeVisible()
  await expect(settings.tokenValue).toBeHidden()

  await settings.deleteToken(token.id)
  await expect(row).toBeHidden()
  expect((await api.tokens()).map((t) => t.id)).not.toContain(token.id)
})

test('the Admin API switch (desktop) or its always-on note (serve) and its address are on the Settings screen', async ({ shell, settings, api }) => {
  await shell.goToSettings()
  const info = await api.call<{ transport: 'ipc' | 'web'; admin_api_url: string | null }>('app.info', {})
  if (info.transport === 'web') {
    // Under serve the Admin API shares the UI's port and cannot be switched off.
    await expect(settings.page.getByTestId('admin-api-always-on')).toBeVisible()
    await expect(settings.adminApiEnabled).toHaveCount(0)
    await expect(settings.page.getByTestId('admin-api-url')).toHaveText(info.admin_api_url!)
  } else {
    await expect(settings.adminApiEnabled).toBeVisible()
  }
  await expect(settings.page.getByTestId('data-dir')).not.toBeEmpty()
})
