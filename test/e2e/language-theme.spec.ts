import { expect, test } from './fixtures'

// UI.md: the top bar's language switch (seed 000's own Vietnamese words) and theme.

const COLUMNS_VI = ['ID', 'Tên', 'Trạng thái', 'URL', 'Sự kiện cần gửi', 'Thời gian tạo', 'Thời gian chỉnh sửa', 'Hành động']

test('switching to Vietnamese shows the seed\'s labels', async ({ webhooks, api, shell }) => {
  const [on, off] = await api.seedWebhooks(2)
  await api.setStatus([off.id], 'disabled')
  await webhooks.syncNow()
  await expect(webhooks.status(off.id)).toHaveText('Disabled')

  await shell.switchLanguage('vi')
  await expect(shell.languageButton('vi')).toHaveAttribute('aria-pressed', 'true')
  await expect(shell.title).toHaveText('Quản lý Webhook')
  await expect.poll(() => webhooks.headerTexts()).toEqual(COLUMNS_VI)
  await expect(webhooks.addButton).toHaveText('Thêm webhook')
  await expect(webhooks.status(on.id)).toContainText('Hoạt động')
  await expect(webhooks.status(off.id)).toContainText('Không hoạt động')
  await expect(webhooks.page.getByText('Tự động đồng bộ', { exact: true })).toBeVisible()
  await expect(webhooks.syncNowButton).toHaveText('Đồng bộ ngay')
  expect((await api.call<{ language: string }>('settings.get')).language).toBe('vi')

  // The choice is kept: a reload comes back in Vietnamese.
  await webhooks.page.reload()
  await expect(shell.title).toHaveText('Quản lý Webhook')

  await shell.switchLanguage('en')
  await expect(shell.title).toHaveText('Webhook management')
  await expect(webhooks.addButton).toHaveText('Add webhook')
})

test('in Vietnamese, every action speaks Vietnamese', async ({ webhooks, api, shell }) => {
  const hook = await api.createWebhook({ name: 'Đơn hàng' })
  await api.updateSettings({ language: 'vi' })
  await webhooks.page.reload()
  await expect(shell.title).toHaveText('Quản lý Webhook')

  const dialog = await webhooks.openAddDialog()
  await expect(dialog.title('Thêm webhook')).toBeVisible()
  await expect(dialog.submitButton).toHaveText('Thêm mới webhook')
  await dialog.cancel()

  await webhooks.chooseAction(hook.id, 'edit')
  await expect(dialog.title('Chỉnh sửa webhook')).toBeVisible()
  await expect(dialog.submitButton).toHaveText('Cập nhật webhook')
  await expect(dialog.name).toHaveValue('Đơn hàng')
  await dialog.fill({ name: 'Đơn hàng mới' })
  await dialog.submit()
  await expect(shell.centerMessage).toHaveText('Đã cập nhật webhook thành công')

  await webhooks.chooseAction(hook.id, 'disable')
  await expect(webhooks.page.getByTestId('confirm-ok')).toHaveText('Xác nhận')
  await webhooks.confirmDialog.confirm()
  await expect(shell.toast('Đã tắt webhook thành công!')).toBeVisible()

  await webhooks.chooseAction(hook.id, 'enable')
  await webhooks.confirmDialog.confirm()
  await expect(shell.toast('Đã bật webhook thành công!')).toBeVisible()

  await webhooks.chooseAction(hook.id, 'delete')
  await webhooks.confirmDialog.confirm()
  await expect(shell.toast('Đã xoá thành công!')).toBeVisible()
  await expect(webhooks.row(hook.id)).toBeHidden()
})

test('the theme switch changes the theme, and keeps the choice', async ({ shell, api, page }) => {
  await shell.pickTheme('light')
  await expect.poll(() => shell.backgroundColor()).toBe('rgb(255, 255, 255)')

  await shell.pickTheme('dark')
  await expect(page.getByTestId('theme-dark')).toHaveAttribute('aria-pressed', 'true')
  await expect.poll(() => shell.backgroundColor()).not.toBe('rgb(255, 255, 255)')
  const dark = await shell.backgroundColor()
  expect(luminance(dark)).toBeLessThan(0.2)
  expect((await api.call<{ theme: string }>('settings.get')).theme).toBe('dark')

  await page.reload()
  await expect(shell.title).toBeVisible()
  await expect.poll(() => shell.backgroundColor()).toBe(dark)

  await shell.pickTheme('light')
  await expect.poll(() => shell.backgroundColor()).toBe('rgb(255, 255, 255)')
})

test('Settings also switch language and theme', async ({ shell, settings, page }) => {
  await shell.goToSettings()
  await expect(settings.root).toBeVisible()
  await expect(shell.title).toHaveText('Settings')

  await settings.language.getByText('Tiếng Việt', { exact: true }).click()
  await expect(shell.title).toHaveText('Cài đặt')
  await settings.theme.getByText('Tối', { exact: true }).click()
  await expect.poll(() => shell.backgroundColor().then(luminance)).toBeLessThan(0.2)

  await settings.language.getByText('English', { exact: true }).click()
  await expect(shell.title).toHaveText('Settings')
  await expect(page.getByTestId('theme-dark')).toHaveAttribute('aria-pressed', 'true')
})

/** Relative luminance 0..1 of an `rgb(r, g, b)` colour. */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+/g) ?? ['255', '255', '255']).map(Number)
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255
}
