import type { Locator, Page } from '@playwright/test'

/** The window around every screen: sidebar, top bar, toasts, centre message, app-wide dialogs. */
export class AppShell {
  readonly title: Locator
  readonly globalSearch: Locator
  readonly centerMessage: Locator
  /** Toasts live top-right (seed 000). */
  readonly toasts: Locator
  readonly sideNav: Locator

  constructor(readonly page: Page) {
    this.title = page.getByTestId('screen-title')
    this.globalSearch = page.getByTestId('global-search')
    this.centerMessage = page.getByTestId('center-message')
    this.toasts = page.locator('.n-notification-container--top-right')
    this.sideNav = page.getByTestId('side-nav')
  }

  async goToWebhooks(): Promise<void> {
    await this.navEntry('webhooks').click()
  }

  async goToSettings(): Promise<void> {
    await this.navEntry('settings').click()
  }

  /** A sidebar entry: its label, or only its icon when the sidebar is collapsed (narrow windows). */
  navEntry(screen: 'webhooks' | 'simulator' | 'log' | 'dashboard' | 'settings'): Locator {
    return this.sideNav.getByTestId(`nav-${screen}`).or(this.sideNav.getByTestId(`nav-icon-${screen}`)).first()
  }

  /** The top bar's language switch. */
  async switchLanguage(to: 'vi' | 'en'): Promise<void> {
    await this.page.getByTestId('lang-switch').getByTestId(`lang-${to}`).click()
  }

  languageButton(to: 'vi' | 'en'): Locator {
    return this.page.getByTestId('lang-switch').getByTestId(`lang-${to}`)
  }

  /** The top bar's theme switch: follow the system, light or dark. */
  async pickTheme(theme: 'system' | 'light' | 'dark'): Promise<void> {
    await this.page.getByTestId('theme-switch').getByTestId(`theme-${theme}`).click()
    // Move on, as a user does: the button's tooltip would otherwise cover the toolbar below.
    await this.page.mouse.move(0, 0)
  }

  /** The page's computed background colour, which is what "the theme changed" looks like. */
  backgroundColor(): Promise<string> {
    return this.page.evaluate(() => getComputedStyle(document.body).backgroundColor)
  }

  toast(text: string): Locator {
    // A toast announces itself with role=status (UI.md: toasts have ARIA roles).
    return this.toasts.getByRole('status').filter({ hasText: text })
  }
}
