import { expect, type Locator, type Page } from '@playwright/test'

/**
 * Picks an option of a naive-ui select the way a user does: click it, click the option.
 * naive-ui's options carry no role, so they are found by their text in the open menu.
 */
export async function chooseOption(page: Page, select: Locator, label: string): Promise<void> {
  await select.click()
  const option = page.locator('.n-base-select-option').filter({ hasText: label })
  await option.first().click()
  await expect(select).toContainText(label)
}
