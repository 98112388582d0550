import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { unique } from './support/unique'

// Issue 6, section 3: the list in Vietnamese at 1440 px, and the whole window at 800 px.

test('in Vietnamese at 1440 px no column header wraps and a URL is not cut while there is room', async ({ webhooks, api, shell, page, receiver }) => {
  await page.setViewportSize({ width: 1440, height: 900 })
  const name = unique('Wide')
  // A typical receiver address (the seed's http://localhost:3000/hooks/sapo is as long).
  const address = receiver.url('/hooks/sapo')
  const hook = await api.createWebhook({ name, address, topics: ['order_returns/partial_refund', 'orders/create'] })
  await shell.switchLanguage('vi')
  await webhooks.search(name)
  await expect(webhooks.row(hook.id)).toBeVisible()

  expect(await webhooks.headerTexts()).toContain('Thời gian chỉnh sửa')
  expect(await wrappedHeaders(page)).toEqual([])
  await expect(webhooks.url(hook.id)).toHaveText(address)
  // The text's own width against the box that clips it.
  const cut = await webhooks.url(hook.id).evaluate((el) => {
    const range = document.createRange()
    range.selectNodeContents(el)
    const text = range.getBoundingClientRect()
    let clip = el.parentElement!
    while (getComputedStyle(clip).overflow === 'visible' && clip.tagName !== 'TD') clip = clip.parentElement!
    const box = clip.getBoundingClientRect()
    return text.right > box.right + 0.5 || el.closest('td')!.scrollWidth > el.closest('td')!.clientWidth
  })
  expect(cut, `${address} is cut short`).toBe(false)
  // A long first event stays inside its own column, with its +1 in view.
  const events = (await webhooks.events(hook.id).boundingBox())!
  const eventsCell = (await webhooks.events(hook.id).locator('xpath=ancestor::td').boundingBox())!
  expect(events.x + events.width).toBeLessThanOrEqual(eventsCell.x + eventsCell.width)
  await expect(webhooks.events(hook.id)).toContainText('+1')
  // No horizontal scrolling needed at this width.
  const scrolls = await webhooks.table.locator('.n-data-table-base-table-body, .n-scrollbar-container').first().evaluate((el) => el.scrollWidth > el.clientWidth + 1)
  expect(scrolls).toBe(false)
})

test('at 800 px the sidebar keeps only its icons, the search stays usable and no top-bar button is clipped', async ({ page, shell, webhooks, api }) => {
  await page.setViewportSize({ width: 800, height: 700 })
  await shell.switchLanguage('vi')
  await expect(shell.sideNav).toHaveAttribute('data-collapsed', 'true')
  expect((await shell.sideNav.boundingBox())!.width).toBeLessThanOrEqual(64)

  const search = (await shell.globalSearch.boundingBox())!
  expect(search.width).toBeGreaterThanOrEqual(150)
  for (const id of ['theme-dark', 'theme-light', 'theme-system', 'lang-vi', 'lang-en']) {
    const box = (await page.getByTestId(id).boundingBox())!
    expect(box.x + box.width, `${id} is clipped`).toBeLessThanOrEqual(800)
    expect(await isTopmostAtCentre(page, id), `${id} is covered`).toBe(true)
  }
  await shell.pickTheme('dark')
  await expect(page.getByTestId('theme-dark')).toHaveAttribute('aria-pressed', 'true')

  // The icons still navigate, and the search still finds.
  await shell.goToSettings()
  await expect(shell.title).toHaveText('Cài đặt')
  const hook = await api.createWebhook({ name: unique('Narrow') })
  await shell.globalSearch.fill(hook.name)
  await expect(webhooks.row(hook.id)).toBeVisible()

  await page.setViewportSize({ width: 1280, height: 800 })
  await expect(shell.sideNav).toHaveAttribute('data-collapsed', 'false')
})

/** Header cells whose text runs over more than one line. */
function wrappedHeaders(page: Page): Promise<string[]> {
  return page.getByTestId('webhook-table').locator('thead th').evaluateAll((cells) =>
    cells
      .filter((th) => {
        const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT)
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (!node.textContent!.trim()) continue
          const range = document.createRange()
          range.selectNodeContents(node)
          if (new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size > 1) return true
        }
        return false
      })
      .map((th) => th.textContent!.trim()),
  )
}

async function isTopmostAtCentre(page: Page, testid: string): Promise<boolean> {
  return page.getByTestId(testid).evaluate((el) => {
    const r = el.getBoundingClientRect()
    const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)
    return hit !== null && el.contains(hit)
  })
}
