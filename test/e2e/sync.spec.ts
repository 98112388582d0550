import { expect, test } from './fixtures'
import { WebhooksPage } from './pages/webhooks-page'

// SPEC §1 and §8 "Sync footer": changes made elsewhere (Admin API, CLI, another window).
// `api` calls come from another client, exactly like the CLI or a script would.

test('with auto-sync off, a change made elsewhere waits behind a badge until Sync now', async ({ webhooks, api }) => {
  const hook = await api.createWebhook({ name: 'Original name' })
  // The creation's push must have arrived before Sync now, or it would count after the reload.
  await expect(webhooks.syncBadge).toHaveText('1')
  await webhooks.syncNow()
  await expect(webhooks.name(hook.id)).toHaveText('Original name')
  await expect(webhooks.autoSync).toHaveAttribute('aria-checked', 'false')
  await expect(webhooks.syncBadge).toBeHidden()
  const syncedBefore = await webhooks.lastSynced.getAttribute('datetime')

  await api.updateWebhook(hook.id, { name: 'Renamed elsewhere' })
  const added = await api.createWebhook({ name: 'Added elsewhere' })

  await expect(webhooks.syncBadge).toBeVisible()
  await expect(webhooks.syncBadge).toHaveAttribute('data-count', '2')
  await expect(webhooks.syncBadge).toHaveText('2')
  // The visible list has not moved.
  await expect(webhooks.name(hook.id)).toHaveText('Original name')
  await expect(webhooks.row(added.id)).toBeHidden()

  await webhooks.syncNow()
  await expect(webhooks.name(hook.id)).toHaveText('Renamed elsewhere')
  await expect(webhooks.row(added.id)).toBeVisible()
  await expect(webhooks.syncBadge).toBeHidden()
  await expect(webhooks.lastSynced).not.toHaveAttribute('datetime', syncedBefore ?? '')
})

test('the window\'s own changes apply at once even with auto-sync off', async ({ webhooks, api, shell }) => {
  const hook = await api.createWebhook({ name: 'Mine' })
  await expect(webhooks.syncBadge).toHaveText('1')
  await webhooks.syncNow()

  await webhooks.chooseAction(hook.id, 'disable')
  await webhooks.confirmDialog.confirm()
  await expect(shell.toast('Webhook disabled successfully!')).toBeVisible()
  await expect(webhooks.status(hook.id)).toHaveText('Disabled')
  await expect(webhooks.syncBadge).toBeHidden()
})

test('the window\'s own change does not pull in the changes waiting behind the badge', async ({ webhooks, api, shell }) => {
  const mine = await api.createWebhook({ name: 'Mine' })
  const theirs = await api.createWebhook({ name: 'Theirs' })
  await expect(webhooks.syncBadge).toHaveText('2')
  await webhooks.syncNow()

  await api.updateWebhook(theirs.id, { name: 'Renamed elsewhere' })
  await expect(webhooks.syncBadge).toHaveText('1')

  await webhooks.chooseAction(mine.id, 'disable')
  await webhooks.confirmDialog.confirm()
  await expect(shell.toast('Webhook disabled successfully!')).toBeVisible()
  await expect(webhooks.status(mine.id)).toHaveText('Disabled')
  // The outside rename still waits for Sync now.
  await expect(webhooks.name(theirs.id)).toHaveText('Theirs')
  await expect(webhooks.syncBadge).toHaveText('1')

  await webhooks.syncNow()
  await expect(webhooks.name(theirs.id)).toHaveText('Renamed elsewhere')
  await expect(webhooks.syncBadge).toBeHidden()
})

test('with auto-sync on, changes made elsewhere appear live', async ({ webhooks, api }) => {
  await webhooks.setAutoSync(true)
  await expect.poll(async () => (await api.call<{ auto_sync: boolean }>('settings.get')).auto_sync).toBe(true)

  const hook = await api.createWebhook({ name: 'Live one' })
  await expect(webhooks.row(hook.id)).toBeVisible()
  await expect(webhooks.name(hook.id)).toHaveText('Live one')

  await api.updateWebhook(hook.id, { name: 'Live rename' })
  await expect(webhooks.name(hook.id)).toHaveText('Live rename')

  await api.setStatus([hook.id], 'disabled')
  await expect(webhooks.status(hook.id)).toHaveText('Disabled')

  await api.deleteWebhook(hook.id)
  await expect(webhooks.row(hook.id)).toBeHidden()
  await expect(webhooks.syncBadge).toBeHidden()
})

test('two windows: an edit in one shows in the other, and the later save wins', async ({ webhooks, api, hooklab, shell }) => {
  const hook = await api.createWebhook({ name: 'Shared' })
  await webhooks.syncNow()
  await webhooks.setAutoSync(true)

  const second = new WebhooksPage(await hooklab.openWindow())
  await expect(second.name(hook.id)).toHaveText('Shared')
  // The setting is the app's, not the window's.
  await expect(second.autoSync).toHaveAttribute('aria-checked', 'true')

  // An edit in the first window shows in the second.
  await webhooks.chooseAction(hook.id, 'edit')
  await webhooks.dialog.fill({ name: 'Edited in window 1' })
  await webhooks.dialog.submit()
  await expect(shell.centerMessage).toBeVisible()
  await expect(second.name(hook.id)).toHaveText('Edited in window 1')

  // Both open the editor; the first saves, then the second: the second (later) save wins.
  await second.chooseAction(hook.id, 'edit')
  await expect(second.dialog.name).toHaveValue('Edited in window 1')
  await webhooks.chooseAction(hook.id, 'edit')
  await expect(webhooks.dialog.name).toHaveValue('Edited in window 1')

  await webhooks.dialog.fill({ name: 'First save' })
  await webhooks.dialog.submit()
  await expect(webhooks.dialog.root).toBeHidden()
  await expect.poll(async () => (await api.getWebhook(hook.id)).name).toBe('First save')

  await second.dialog.fill({ name: 'Later save' })
  await second.dialog.submit()
  await expect(second.dialog.root).toBeHidden()

  await expect(second.name(hook.id)).toHaveText('Later save')
  await expect(webhooks.name(hook.id)).toHaveText('Later save')
  expect((await api.getWebhook(hook.id)).name).toBe('Later save')
})
