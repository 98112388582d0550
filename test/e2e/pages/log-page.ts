import { expect, type Locator, type Page } from '@playwright/test'

export type LogFilterName = 'webhook' | 'topic' | 'status' | 'class' | 'range' | 'tests'

/** The event log (issue 9): filters, the virtual list of deliveries, the detail drawer, replay. */
export class LogPage {
  readonly screen: Locator
  readonly rows: Locator
  readonly scroller: Locator
  readonly count: Locator
  readonly search: Locator
  readonly drawer: Locator
  readonly detail: Locator
  readonly newPill: Locator
  readonly replayDialog: Locator
  readonly bulkDialog: Locator
  readonly job: Locator

  constructor(readonly page: Page) {
    this.screen = page.getByTestId('log-screen')
    this.rows = page.locator('.log-row')
    this.scroller = page.getByTestId('log-scroller')
    this.count = page.getByTestId('log-count')
    this.search = page.getByTestId('log-search')
    this.drawer = page.getByTestId('delivery-drawer')
    this.detail = page.getByTestId('delivery-detail')
    this.newPill = page.getByTestId('log-new-pill')
    this.replayDialog = page.getByTestId('replay-dialog')
    this.bulkDialog = page.getByTestId('bulk-replay-dialog')
    this.job = page.getByTestId('replay-job')
  }

  /** Through the sidebar, as a user gets there. */
  async open(): Promise<void> {
    await this.page.getByTestId('side-nav').getByTestId('nav-log').or(this.page.getByTestId('nav-icon-log')).first().click()
    await expect(this.screen).toBeVisible()
  }

  /** A shared link: the log with this query (`webhook=3&status=failed`). */
  async openLink(query: string): Promise<void> {
    await this.page.evaluate((q) => (location.hash = `#/log?${q}`), query)
    await expect(this.screen).toBeVisible()
  }

  row(id: number): Locator {
    return this.page.getByTestId(`log-row-${id}`)
  }

  filter(name: LogFilterName): Locator {
    return this.page.getByTestId(`log-filter-${name}`)
  }

  /**
   * Picks a filter's option by its exact label, in the menu that is open (closed menus stay in
   * the page, and "Failed" is also part of "charge.failed"); in the long lists (webhooks,
   * topics) by typing it first, as a user does.
   */
  async choose(name: LogFilterName, label: string): Promise<void> {
    await this.filter(name).click()
    if (name === 'webhook' || name === 'topic') await this.page.keyboard.type(label)
    const exact = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)
    await this.page.locator('.n-base-select-menu:visible .n-base-select-option').filter({ hasText: exact }).first().click()
    await expect(this.filter(name)).toContainText(label)
  }

  /** Ids of the rows the virtual list has drawn, top to bottom. */
  async drawnIds(): Promise<number[]> {
    return this.rows.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-id'))))
  }

  /** Opens a delivery's detail by clicking its row. */
  async openDelivery(id: number): Promise<void> {
    await this.row(id).click()
    await expect(this.detail).toHaveAttribute('data-delivery-id', String(id))
  }

  async closeDrawer(): Promise<void> {
    await this.page.keyboard.press('Escape')
    await expect(this.detail).toBeHidden()
  }

  /** The full text of a body block (CodeMirror draws only the lines in view; the hidden copy has all). */
  bodyText(testid: string): Locator {
    return this.page.getByTestId(testid).locator(`[data-testid="${testid}-text"], [data-testid="${testid}-code-text"]`)
  }

  header(pane: 'request' | 'response', name: string): Locator {
    return this.page.getByTestId(`${pane}-headers`).locator(`tr[data-header="${name.toLowerCase()}"] td`)
  }
}
