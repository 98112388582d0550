import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base, expect, type BrowserContext, type ElectronApplication, type Page } from '@playwright/test'
import { AppShell } from './pages/app-shell'
import { SettingsPage } from './pages/settings-page'
import { WebhooksPage } from './pages/webhooks-page'
import { API_ORIGIN, Api, httpInvoke, type Invoke } from './support/api'
import { electronSkipReason, launchElectron } from './support/electron'
import { startReceiver, type Receiver } from './support/receiver'
import { startServe, type ServeHandle } from './support/serve'

export type Target = 'web' | 'electron'
export interface HooklabOptions {
  /** Which Hooklab the specs drive: `hooklab serve` in Chromium, or the desktop app. */
  target: Target
  /**
   * A data directory of the test's own. Off by default: tests share one `hooklab serve` per
   * worker (starting one per test made the suite slow), use unique names and look only at
   * their own webhooks. Only a test that needs an empty store asks for a fresh one.
   */
  freshStore: boolean
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

type Launched = { kind: 'web'; serve: ServeHandle; dataDir: string } | { kind: 'electron'; app: ElectronApplication; dataDir: string }

interface Fixtures {
  launched: Launched
  hooklab: Hooklab
  api: Api
  shell: AppShell
  webhooks: WebhooksPage
  settings: SettingsPage
}

interface WorkerFixtures {
  /** Where every e2e webhook points: a receiver on 127.0.0.1 (never off the machine). */
  receiver: Receiver
  /** This worker's `hooklab serve`, started on first use. */
  sharedServe: () => Promise<{ serve: ServeHandle; dataDir: string }>
}

/**
 * Every transition and animation takes no time: a test waits for what the user would see
 * once things settle, not for fades and slides (each dialog, menu and toast has some).
 */
function NO_MOTION(): void {
  const css = '*, *::before, *::after { transition-duration: 0s !important; transition-delay: 0s !important; animation-duration: 0s !important; animation-delay: 0s !important; }'
  document.addEventListener('DOMContentLoaded', () => {
    const style = document.createElement('style')
    style.dataset.e2e = 'no-motion'
    style.textContent = css
    document.head.append(style)
  })
}

/** The UI settings a test may change, put back before the next test on a shared serve. */
const UI_DEFAULTS = { language: 'system', theme: 'system', auto_sync: false, page_size: 10 } as const

let skipReasonPrinted = false

export const test = base.extend<HooklabOptions & Fixtures, WorkerFixtures>({
  target: ['web', { option: true }],
  freshStore: [false, { option: true }],

  receiver: [
    async ({}, use) => {
      const receiver = await startReceiver()
      await use(receiver)
      await receiver.close()
    },
    { scope: 'worker' },
  ],

  sharedServe: [
    async ({}, use) => {
      const shared: { started?: Promise<{ serve: ServeHandle; dataDir: string }> } = {}
      await use(() => {
        shared.started ??= (async () => {
          const dataDir = mkdtempSync(join(tmpdir(), 'hooklab-e2e-shared-'))
          return { serve: await startServe(dataDir), dataDir }
        })()
        return shared.started
      })
      if (shared.started) {
        const { serve, dataDir } = await shared.started
        await serve.stop()
        rmSync(dataDir, { recursive: true, force: true })
      }
    },
    { scope: 'worker' },
  ],

  launched: async ({ target, freshStore, sharedServe }, use, testInfo) => {
    if (target === 'electron') {
      const reason = electronSkipReason()
      if (reason !== null) {
        if (!skipReasonPrinted) console.log(`[hooklab e2e] skipping electron tests: ${reason}`)
        skipReasonPrinted = true
        testInfo.skip(true, reason)
        return
      }
      // The desktop app owns its data directory: one app, one directory, per test.
      const dataDir = mkdtempSync(join(tmpdir(), 'hooklab-e2e-'))
      const app = await launchElectron(dataDir)
      await use({ kind: 'electron', app, dataDir })
      await app.close()
      rmSync(dataDir, { recursive: true, force: true })
      return
    }
    if (!freshStore) {
      const { serve, dataDir } = await sharedServe()
      // The previous test may have switched language, theme or auto-sync: start from the defaults.
      const reset = await httpInvoke(serve.url, serve.token)('settings.update', UI_DEFAULTS)
      if (!reset.ok) throw new Error(`could not reset settings: ${JSON.stringify(reset.error)}`)
      await use({ kind: 'web', serve, dataDir })
      if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('serve-output', { body: serve.output() })
      return
    }
    const dataDir = mkdtempSync(join(tmpdir(), 'hooklab-e2e-'))
    const serve = await startServe(dataDir)
    await use({ kind: 'web', serve, dataDir })
    await serve.stop()
    if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('serve-output', { body: serve.output() })
    rmSync(dataDir, { recursive: true, force: true })
  },

  // Web: the page opens the address `serve` printed (session cookie, then /). Electron: its first window.
  page: async ({ launched, page, context }, use) => {
    const app = launched.kind === 'web' ? page : await launched.app.firstWindow()
    if (launched.kind === 'web') {
      await context.addInitScript(NO_MOTION)
      await page.goto(launched.serve.openUrl)
    }
    await expect(app.getByTestId('screen-title')).toBeVisible({ timeout: 15_000 })
    await use(app)
  },

  api: async ({ launched, page, receiver }, use) => {
    const invoke: Invoke =
      launched.kind === 'web'
        ? httpInvoke(launched.serve.url, launched.serve.token)
        : (name, input) =>
            page.evaluate(
              ([n, i, origin]) =>
                (window as unknown as { hooklab: { invoke: (n: string, i: unknown, m: object) => Promise<never> } }).hooklab.invoke(n, i, { origin }),
              [name, input, API_ORIGIN] as const,
            )
    await use(new Api(invoke, receiver))
  },

  hooklab: async ({ launched, page, context, target }, use) => {
    const extra: Page[] = []
    const hooklab: Hooklab = {
      target,
      dataDir: launched.dataDir,
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
