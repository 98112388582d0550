import type { Locator, Page } from '@playwright/test'

/** The centred confirmation every destructive or state-changing action asks for. */
export class ConfirmDialog {
  readonly root: Locator
  readonly text: Locator

  constructor(readonly page: Page) {
    this.root = page.getByRole('dialog').filter({ has: page.getByTestId('confirm-dialog') })
    this.text = page.getByTestId('confirm-dialog')
  }

  async confirm(): Promise<void> {
    await this.page.getByTestId('confirm-ok').click()
  }

  async cancel(): Promise<void> {
    await this.page.getByTestId('confirm-cancel').click()
  }
}
