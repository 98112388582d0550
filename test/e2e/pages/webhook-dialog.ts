import { expect, type Locator, type Page } from '@playwright/test'

export interface WebhookFields {
  name?: string
  address?: string
  /** Picked one by one in the events select, typing to filter as a user would. */
  topics?: readonly string[]
}

/** The Add / Edit webhook pop-up. */
export class WebhookDialog {
  readonly root: Locator
  readonly name: Locator
  readonly address: Locator
  readonly topics: Locator
  readonly submitButton: Locator
  readonly cancelButton: Locator
  /** The × in the title bar. */
  readonly closeButton: Locator
  readonly advancedToggle: Locator
  readonly secret: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('webhook-dialog')
    this.name = this.root.getByTestId('field-name')
    this.address = this.root.getByTestId('field-address')
    this.topics = this.root.getByTestId('field-topics')
    this.submitButton = this.root.getByTestId('webhook-submit')
    this.cancelButton = this.root.getByTestId('webhook-cancel')
    this.closeButton = this.root.locator('.n-card-header__close')
    this.advancedToggle = this.root.getByTestId('field-advanced')
    this.secret = this.root.getByTestId('field-secret')
  }

  /** Its title, e.g. "Add webhook" or "Edit webhook". */
  title(text: string): Locator {
    return this.root.getByText(text, { exact: true }).first()
  }

  error(field: string): Locator {
    return this.root.getByTestId(`error-${field}`)
  }

  async fill(fields: WebhookFields): Promise<void> {
    if (fields.name !== undefined) await this.name.fill(fields.name)
    if (fields.address !== undefined) await this.address.fill(fields.address)
    for (const topic of fields.topics ?? []) await this.pickTopic(topic)
  }

  /** Opens the events select, types part of the event's name, and clicks it in the list. */
  async pickTopic(topic: string): Promise<void> {
    await this.topics.click()
    // Type only once the select's own search box has the focus, or the keys land elsewhere.
    await expect(this.topics.locator('input')).toBeFocused()
    // One input event, not one per key: the filter reruns over the whole catalogue each time.
    await this.topics.locator('input').fill(topic)
    const option = this.page.locator('.n-base-select-option').filter({ hasText: new RegExp(`^${escape(topic)}$`) })
    await option.click()
    // The chosen event shows as a tag in the select.
    await expect(this.chosenTopic(topic)).toBeVisible()
    // Close the menu by clicking elsewhere in the form (Esc would close the whole dialog).
    await this.name.click()
    await expect(option).toBeHidden()
  }

  /** The events currently chosen, as tags. */
  chosenTopic(topic: string): Locator {
    return this.topics.locator('.n-tag').filter({ hasText: new RegExp(`^${escape(topic)}$`) })
  }

  /** Adds a custom header row and fills it; returns its index. */
  async addHeader(name: string, value: string): Promise<number> {
    const index = await this.root.locator('[data-testid^="header-row-"]').count()
    await this.root.getByTestId('header-add').click()
    await this.headerName(index).fill(name)
    await this.headerValue(index).fill(value)
    return index
  }

  headerName(index: number): Locator {
    return this.root.getByTestId(`field-header-name-${index}`)
  }

  headerValue(index: number): Locator {
    return this.root.getByTestId(`field-header-value-${index}`)
  }

  /** The sentence right under a header row. */
  headerError(index: number): Locator {
    return this.root.getByTestId(`error-header-${index}`)
  }

  async openAdvanced(): Promise<void> {
    if ((await this.advancedToggle.getAttribute('aria-expanded')) !== 'true') await this.advancedToggle.click()
    await expect(this.root.getByTestId('advanced-fields')).toBeVisible()
  }

  async submit(): Promise<void> {
    await this.submitButton.click()
  }

  async cancel(): Promise<void> {
    await this.cancelButton.click()
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
