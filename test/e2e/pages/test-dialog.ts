import { expect, type Locator, type Page } from '@playwright/test'
import { chooseOption } from './select'

/** Seed 000's Test dialog ("Test your webhook URL"), opened from a row's ⋯ menu. */
export class TestDialog {
  readonly root: Locator
  readonly event: Locator
  readonly submitButton: Locator
  readonly closeButton: Locator
  readonly running: Locator
  readonly status: Locator
  readonly httpStatus: Locator
  readonly duration: Locator
  readonly request: Locator
  readonly response: Locator
  readonly history: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('test-dialog')
    this.event = this.root.getByTestId('test-event')
    this.submitButton = this.root.getByTestId('test-submit')
    this.closeButton = this.root.getByTestId('test-close')
    this.running = this.root.getByTestId('test-running')
    this.status = this.root.getByTestId('test-status')
    this.httpStatus = this.root.getByTestId('test-http-status')
    this.duration = this.root.getByTestId('test-duration')
    this.request = this.root.getByTestId('request-pane')
    this.response = this.root.getByTestId('response-pane')
    this.history = this.root.getByTestId('attempt-history')
  }

  async open(id: number): Promise<void> {
    await this.page.getByTestId(`webhook-actions-${id}`).click()
    await this.page.getByTestId('action-test').click()
    await expect(this.root).toBeVisible()
  }

  async chooseEvent(topic: string): Promise<void> {
    await chooseOption(this.page, this.event, topic)
  }

  /** One header row of the request or response pane (names compared without case). */
  header(pane: Locator, name: string): Locator {
    return pane.locator(`tr[data-header="${name.toLowerCase()}"] td`)
  }

  body(pane: 'request' | 'response'): Locator {
    return this.root.getByTestId(`${pane}-body`)
  }
}
