import { expect, type Locator, type Page } from '@playwright/test'
import { ConfirmDialog } from './confirm-dialog'
import { chooseOption } from './select'

/** The Settings screen: language, theme, Admin API, access tokens. */
export class SettingsPage {
  readonly root: Locator
  readonly language: Locator
  readonly theme: Locator
  readonly adminApiEnabled: Locator
  readonly tokenName: Locator
  readonly tokenRole: Locator
  readonly tokenCreate: Locator
  readonly tokenValue: Locator
  readonly tokenRows: Locator
  readonly confirmDialog: ConfirmDialog

  constructor(readonly page: Page) {
    this.root = page.getByTestId('settings-screen')
    this.language = page.getByTestId('settings-language')
    this.theme = page.getByTestId('settings-theme')
    this.adminApiEnabled = page.getByTestId('admin-api-enabled')
    this.tokenName = page.getByTestId('token-name')
    this.tokenRole = page.getByTestId('token-role')
    this.tokenCreate = page.getByTestId('token-create')
    this.tokenValue = page.getByTestId('token-value')
    this.tokenRows = page.locator('[data-testid^="token-row-"]')
    this.confirmDialog = new ConfirmDialog(page)
  }

  tokenRow(id: number): Locator {
    return this.page.getByTestId(`token-row-${id}`)
  }

  /** Names a token, picks its role and creates it; returns the value shown (once). */
  async createToken(name: string, roleLabel: string): Promise<string> {
    await this.tokenName.fill(name)
    await chooseOption(this.page, this.tokenRole, roleLabel)
    await this.tokenCreate.click()
    await expect(this.tokenValue).toBeVisible()
    return this.tokenValue.inputValue()
  }

  async deleteToken(id: number): Promise<void> {
    await this.page.getByTestId(`token-delete-${id}`).click()
    await expect(this.confirmDialog.text).toBeVisible()
    await this.confirmDialog.confirm()
  }
}
