import { expect, type Locator, type Page } from '@playwright/test'

/** The Simulator screen (issue 7 item 6), driven as a user does. */
export class SimulatorPage {
  readonly root: Locator
  readonly profile: Locator
  readonly topic: Locator
  readonly editor: Locator
  /** The editor's whole text (CodeMirror draws only the lines in view). */
  readonly editorText: Locator
  readonly parseError: Locator
  readonly targets: Locator
  readonly fireButton: Locator
  readonly result: Locator
  readonly burstCount: Locator
  readonly burstRate: Locator
  readonly burstStart: Locator
  readonly burstProgress: Locator
  readonly burstStatus: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('simulator-screen')
    this.profile = page.getByTestId('sim-profile')
    this.topic = page.getByTestId('sim-topic')
    this.editor = page.getByTestId('sim-editor')
    this.editorText = page.getByTestId('sim-editor-text')
    this.parseError = page.getByTestId('sim-parse-error')
    this.targets = page.getByTestId('sim-targets')
    this.fireButton = page.getByTestId('sim-fire')
    this.result = page.getByTestId('sim-result')
    this.burstCount = page.getByTestId('sim-burst-count')
    this.burstRate = page.getByTestId('sim-burst-rate')
    this.burstStart = page.getByTestId('sim-burst-start')
    this.burstProgress = page.getByTestId('sim-burst-progress')
    this.burstStatus = page.getByTestId('sim-burst-status')
  }

  /** Opens the screen from the sidebar and waits for the first payload. */
  async open(): Promise<void> {
    const nav = this.page.getByTestId('side-nav')
    await nav.getByTestId('nav-simulator').or(nav.getByTestId('nav-icon-simulator')).first().click()
    await expect(this.root).toBeVisible()
    await expect(this.editorText).not.toHaveText('')
  }

  /** Picks an option of a filterable select by typing it, then clicking it. */
  private async choose(select: Locator, label: string): Promise<void> {
    await select.click()
    await this.page.keyboard.type(label)
    await this.page.locator('.n-base-select-option').filter({ hasText: label }).first().click()
    await expect(select).toContainText(label)
  }

  async pick(profile: string, topic: string): Promise<void> {
    await this.profile.click()
    await this.page.locator('.n-base-select-option').filter({ hasText: profile }).first().click()
    await expect(this.profile).toContainText(profile)
    await this.choose(this.topic, topic)
  }

  /** The text of the editor now. */
  async text(): Promise<string> {
    return (await this.editorText.textContent()) ?? ''
  }

  /** Replaces the editor's content by typing into it (select all, then type). */
  async typeBody(text: string): Promise<void> {
    await this.editor.locator('.cm-content').click()
    await this.page.keyboard.press('ControlOrMeta+a')
    await this.page.keyboard.insertText(text)
    await expect(this.editorText).toHaveText(text)
  }

  /** Adds a webhook to "Send to", found by searching its name. */
  async target(name: string, id: number): Promise<void> {
    await this.targets.click()
    await this.page.keyboard.type(name)
    await this.page.locator('.n-base-select-option').filter({ hasText: `#${id} ` }).first().click()
    await this.page.keyboard.press('Escape')
    await expect(this.targets).toContainText(`#${id}`)
  }

  async openTab(name: 'burst' | 'scenario'): Promise<void> {
    await this.page.getByTestId(`sim-tab-${name}`).click()
  }
}
