// The event log screen's two timings, read from the performance marks the renderer sets
// (renderer/src/lib/perfMarks.ts): the first page after a fresh navigation to #/log, and
// the time from choosing an outcome filter to its rows rendered. Each run is a new tab, and
// waits for the screen's count (asked for after the rows) before going on, so no run's
// requests queue behind the one before's.
// Shared by `npm run bench:ui` (playwright-core) and the CI test (@playwright/test).

const MARK_TIMEOUT_MS = 60_000

/** `context` is signed in already (it opened serve's ?token= address once). */
export async function measureLogScreen(context, baseUrl, { runs = 5, outcome = 'Failed' } = {}) {
  const firstPage = []
  const filter = []
  // When the page's own scripts have run (DOMContentLoaded): the app's start, the same on every screen.
  const scripts = []
  for (let i = 0; i < runs; i++) {
    const page = await context.newPage()
    try {
      await page.goto(`${baseUrl}/#/log`)
      await page.waitForFunction(() => performance.getEntriesByName('log:first-page').length > 0, null, { timeout: MARK_TIMEOUT_MS })
      firstPage.push(await page.evaluate(() => performance.getEntriesByName('log:first-page')[0].startTime))
      scripts.push(await page.evaluate(() => performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd))
      if ((await page.locator('.log-row').count()) === 0) throw new Error('the first page rendered no rows')
      await countShown(page)
      await page.getByTestId('log-filter-status').click()
      await page.locator('.n-base-select-menu:visible .n-base-select-option').filter({ hasText: new RegExp(`^${outcome}$`) }).first().click()
      await page.waitForFunction(() => performance.getEntriesByName('log:filter').length > 0, null, { timeout: MARK_TIMEOUT_MS })
      filter.push(await page.evaluate(() => performance.getEntriesByName('log:filter')[0].duration))
      await countShown(page)
      const statuses = await page.locator('.log-row').evaluateAll((els) => els.map((el) => el.getAttribute('data-status')))
      if (statuses.length === 0 || statuses.some((s) => s !== outcome.toLowerCase())) throw new Error(`the ${outcome} filter showed ${JSON.stringify(statuses.slice(0, 5))}`)
    } finally {
      await page.close()
    }
  }
  return { firstPage, filter, scripts }
}

/** The toolbar's "N deliveries", which the screen asks for once the rows are shown. */
async function countShown(page) {
  await page.waitForFunction(() => document.querySelector('[data-testid="log-count"]')?.getAttribute('data-count') !== '', null, { timeout: MARK_TIMEOUT_MS })
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
