import { expect, type Locator, type Page } from '@playwright/test'
import { ConfirmDialog } from './confirm-dialog'
import { chooseOption } from './select'
import { WebhookDialog } from './webhook-dialog'

export type RowAction = 'edit' | 'test' | 'enable' | 'disable' | 'delete' | 'log'

/** Webhook management: the list of seed 000 with its toolbar, pagination and sync footer. */
export class WebhooksPage {
  readonly table: Locator
  readonly rows: Locator
  readonly headers: Locator
  readonly addButton: Locator
  readonly dialog: WebhookDialog
  readonly confirmDialog: ConfirmDialog
  readonly eventsList: Locator
  readonly searchInput: Locator
  readonly statusFilter: Locator
  readonly totalPages: Locator
  readonly pageSize: Locator
  readonly gotoPageInput: Locator
  readonly autoSync: Locator
  readonly syncNowButton: Locator
  readonly syncBadge: Locator
  readonly lastSynced: Locator
  readonly emptyState: Locator
  readonly selectionCount: Locator
  readonly pagination: Locator
  readonly syncFooter: Locator

  constructor(readonly page: Page) {
    this.table = page.getByTestId('webhook-table')
    this.rows = this.table.locator('tbody tr[data-testid^="webhook-row-"]')
    this.headers = this.table.locator('thead th')
    this.addButton = page.getByTestId('add-webhook')
    this.dialog = new WebhookDialog(page)
    this.confirmDialog = new ConfirmDialog(page)
    this.eventsList = page.getByTestId('events-list')
    this.searchInput = page.getByTestId('search-input')
    this.statusFilter = page.getByTestId('status-filter')
    this.totalPages = page.getByTestId('total-pages')
    this.pageSize = page.getByTestId('page-size')
    this.gotoPageInput = page.getByTestId('goto-page')
    this.autoSync = page.getByTestId('auto-sync')
    this.syncNowButton = page.getByTestId('sync-now')
    this.syncBadge = page.getByTestId('sync-badge')
    this.lastSynced = page.getByTestId('last-synced')
    this.emptyState = page.getByTestId('empty-state')
    this.selectionCount = page.getByTestId('selection-count')
    this.pagination = page.getByTestId('pagination-bar')
    this.syncFooter = page.getByTestId('sync-footer')
  }

  // --- one row and its cells
  row(id: number): Locator {
    return this.page.getByTestId(`webhook-row-${id}`)
  }
  idButton(id: number): Locator {
    return this.page.getByTestId(`webhook-id-${id}`)
  }
  name(id: number): Locator {
    return this.page.getByTestId(`webhook-name-${id}`)
  }
  status(id: number): Locator {
    return this.page.getByTestId(`webhook-status-${id}`)
  }
  url(id: number): Locator {
    return this.page.getByTestId(`webhook-url-${id}`)
  }
  events(id: number): Locator {
    return this.page.getByTestId(`webhook-events-${id}`)
  }
  created(id: number): Locator {
    return this.page.getByTestId(`webhook-created-${id}`)
  }
  modified(id: number): Locator {
    return this.page.getByTestId(`webhook-modified-${id}`)
  }

  /** The ids of the visible rows, top to bottom. */
  async visibleIds(): Promise<number[]> {
    const ids = await this.rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-testid')!.replace('webhook-row-', ''))))
    return ids
  }

  /** Header texts, left to right, without the selection column. */
  async headerTexts(): Promise<string[]> {
    const texts = await this.headers.allInnerTexts()
    return texts.map((t) => t.trim()).filter((t) => t !== '')
  }

  // --- adding and row actions
  async openAddDialog(): Promise<WebhookDialog> {
    await this.addButton.click()
    await expect(this.dialog.root).toBeVisible()
    return this.dialog
  }

  /** Opens the row's ⋯ menu and picks an entry. */
  async chooseAction(id: number, action: RowAction): Promise<void> {
    await this.dismissToasts()
    await this.page.getByTestId(`webhook-actions-${id}`).click()
    await this.page.getByTestId(`action-${action}`).click()
  }

  /**
   * Closes the toasts with their ×, as a user does when one sits over the top rows' ⋯
   * (otherwise the click waits the 5 s out).
   */
  async dismissToasts(): Promise<void> {
    const closes = this.page.locator('.n-notification-container .n-notification .n-base-close')
    for (let left = 10; left > 0 && (await closes.count()) > 0; left--) {
      // A toast may close on its own between the count and the click: that is no failure.
      await closes.first().click({ timeout: 1000 }).catch(() => {})
    }
  }

  /** Opens the row's ⋯ menu and returns the entry, without choosing it. */
  async menuEntry(id: number, action: RowAction): Promise<Locator> {
    await this.dismissToasts()
    await this.page.getByTestId(`webhook-actions-${id}`).click()
    const entry = this.page.getByTestId(`action-${action}`)
    await expect(entry).toBeVisible()
    return entry
  }

  async openEvents(id: number): Promise<Locator> {
    await this.events(id).click()
    await expect(this.eventsList).toBeVisible()
    return this.eventsList
  }

  /** Hovers the ID button; returns the tooltip that appears. */
  async hoverId(id: number): Promise<Locator> {
    await this.idButton(id).hover()
    const tooltip = this.page.locator('.n-tooltip, .n-popover').filter({ hasText: String(id) }).last()
    await expect(tooltip).toBeVisible()
    return tooltip
  }

  // --- toolbar
  /** Types into the list's search box and waits for the list to show the answer. */
  async search(text: string): Promise<void> {
    if ((await this.searchInput.inputValue()) === text) return
    const answered = this.page.waitForResponse((r) => r.url().includes('/rpc/webhooks.list'))
    await this.searchInput.fill(text)
    await answered
  }

  async filterStatus(label: string): Promise<void> {
    await chooseOption(this.page, this.statusFilter, label)
  }

  /** Ticks (or unticks) the row's checkbox; does nothing when it already is. */
  async selectRow(id: number, selected = true): Promise<void> {
    const box = this.row(id).getByRole('checkbox')
    if ((await box.getAttribute('aria-checked')) !== String(selected)) await box.click()
    await expect(box).toHaveAttribute('aria-checked', String(selected))
  }

  async bulk(action: 'enable' | 'disable' | 'delete'): Promise<void> {
    await this.page.getByTestId(`bulk-${action}`).click()
  }

  // --- pagination (bottom-left)
  async setPageSize(size: 10 | 20 | 50 | 100): Promise<void> {
    await chooseOption(this.page, this.pageSize, `${size} /`)
  }

  async gotoPage(n: number): Promise<void> {
    await this.gotoPageInput.fill(String(n))
    await this.gotoPageInput.press('Enter')
  }

  /** The pagination's highlighted page number. */
  currentPage(): Locator {
    return this.page.getByTestId('pagination').locator('.n-pagination-item--active')
  }

  // --- sync (bottom-right)
  async setAutoSync(on: boolean): Promise<void> {
    if ((await this.autoSync.getAttribute('aria-checked')) !== String(on)) await this.autoSync.click()
    await expect(this.autoSync).toHaveAttribute('aria-checked', String(on))
  }

  async syncNow(): Promise<void> {
    await this.syncNowButton.click()
  }
}
