import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base, expect, type BrowserContext, type ElectronApplication, type Page } from '@playwright/test'
import { AppShell } from './pages/app-shell'
import { SettingsPage } from './pages/settings-page'
import { WebhooksPage } from './pages/webhooks-page'
import { API_ORIGIN, Api, httpInvoke, type Invoke } from './support/api'
import { electronSkipReason, launchElectron } from './support/electron'
import { startServe, type ServeHandle } from './support/serve'

export type Target = 'web' | 'electron'
export interface HooklabOptions {
  /** Which Hooklab the specs drive: `hooklab serve` in Chromium, or the desktop app. */
  target: Target
}

/** The running app under test, however it was started. */
export interface Hooklab {
  target: Target
  dataDir: string
  /** serve's address (web only): for checks a user would make with curl. */
  baseUrl: string | null
  /** A second window on the same data directory (another tab / File › New Window). */
  openWindow(): Promise<Page>
  /** What the system clipboard holds now. */
  readClipboard(): Promise<string>
}

type Launched = { kind: 'web'; serve: ServeHandle } | { kind: 'electron'; app: ElectronApplication }

interface Fixtures {
  dataDir: string
  launched: Launched
  hooklab: Hooklab
  api: Api
  shell: AppShell
  webhooks: WebhooksPage
  settings: SettingsPage
}

let skipReasonPrinted = false

export const test = base.extend<HooklabOptions & Fixtures>({
  target: ['web', { option: true }],

  // A fresh data directory per test (DESIGN rule 9), removed afterwards.
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'hooklab-e2e-'))
    await use(dir)
    rmSync(dir, { recursive: true, force: true })
  },

  launched: async ({ target, dataDir }, use, testInfo) => {
    if (target === 'electron') {
      const reason = electronSkipReason()
      if (reason !== null) {
        if (!skipReasonPrinted) console.log(`[hooklab e2e] skipping electron tests: ${reason}`)
        skipReasonPrinted = true
        testInfo.skip(true, reason)
        return
      }
      const app = await launchElectron(dataDir)
      await use({ kind: 'electron', app })
      await app.close()
      return
    }
    const serve = await startServe(dataDir)
    await use({ kind: 'web', serve })
    await serve.stop()
    if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('serve-output', { body: serve.output() })
  },

  // Web: the page opens the address `serve` printed (session cookie, then /). Electron: its first window.
  page: async ({ launched, page }, use) => {
    const app = launched.kind === 'web' ? page : await launched.app.firstWindow()
    if (launched.kind === 'web') await page.goto(launched.serve.openUrl)
    await expect(app.getByTestId('screen-title')).toBeVisible({ timeout: 15_000 })
    await use(app)
  },

  api: async ({ launched, page }, use) => {
    const invoke: Invoke =
      launched.kind === 'web'
        ? httpInvoke(launched.serve.url, launched.serve.token)
        : (name, input) =>
            page.evaluate(
              ([n, i, origin]) =>
                (window as unknown as { hooklab: { invoke: (n: string, i: unknown, m: object) => Promise<never> } }).hooklab.invoke(n, i, { origin }),
              [name, input, API_ORIGIN] as const,
            )
    await use(new Api(invoke))
  },

  hooklab: async ({ launched, page, context, dataDir, target }, use) => {
    const extra: Page[] = []
    const hooklab: Hooklab = {
      target,
      dataDir,
      baseUrl: launched.kind === 'web' ? launched.serve.url : null,
      async openWindow() {
        let win: Page
        if (launched.kind === 'web') {
          win = await context.newPage()
          await win.goto(`${launched.serve.url}/`)
        } else {
          const next = launched.app.waitForEvent('window')
          await launched.app.evaluate(({ Menu }) => {
            const file = Menu.getApplicationMenu()?.items.find((item) => item.label === 'File')
            file?.submenu?.items.find((item) => item.label === 'New Window')?.click()
          })
          win = await next
        }
        extra.push(win)
        await expect(win.getByTestId('screen-title')).toBeVisible({ timeout: 15_000 })
        return win
      },
      async readClipboard() {
        if (launched.kind === 'electron') return launched.app.evaluate(({ clipboard }) => clipboard.readText())
        return page.evaluate(() => navigator.clipboard.readText())
      },
    }
    if (launched.kind === 'web') await grantClipboard(context, launched.serve.url)
    await use(hooklab)
    for (const win of extra) await win.close().catch(() => {})
  },

  shell: async ({ page }, use) => use(new AppShell(page)),
  webhooks: async ({ page }, use) => use(new WebhooksPage(page)),
  settings: async ({ page }, use) => use(new SettingsPage(page)),
})

async function grantClipboard(context: BrowserContext, origin: string): Promise<void> {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin })
}

export { expect }
