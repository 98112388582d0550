import { existsSync } from 'node:fs'
import { defineConfig, devices } from '@playwright/test'
import type { HooklabOptions } from './test/e2e/fixtures'
import { electronBinary } from './test/e2e/support/electron'

/*
 * End-to-end tests drive the built app (`npm run build` first; `npm test` does).
 * Two projects run the same specs:
 *  - chromium: `hooklab serve` on a fresh data directory, opened in the system Chromium;
 *  - electron: the desktop app through Playwright's _electron.launch. It is included when an
 *    Electron binary is installed, or when HOOKLAB_E2E_ELECTRON=1 asks for it; without a
 *    binary its tests skip with the reason (test/e2e/support/electron.ts), and global-setup
 *    prints that reason once either way.
 */
const electronWanted = process.env.HOOKLAB_E2E_ELECTRON === '1' || electronBinary() !== null

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

function systemChromium(): string | undefined {
  const candidate = process.env.HOOKLAB_CHROMIUM ?? '/usr/bin/chromium'
  return existsSync(candidate) ? candidate : undefined
}

export default defineConfig<HooklabOptions>({
  testDir: './test/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './test/e2e/global-setup.ts',
  outputDir: './test-results/e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: './test-results/e2e-report.json' }]],
  use: {
    actionTimeout: 10_000,
    navigationTimeout: 15_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    // Where Playwright's own Chromium cannot be downloaded, use the system's (HOOKLAB_CHROMIUM
    // or /usr/bin/chromium). The electron project gets this too: Playwright's base fixtures
    // may still start a browser there.
    launchOptions: { executablePath: systemChromium(), args: CHROMIUM_ARGS },
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1440, height: 900 },
        locale: 'en-US',
        timezoneId: 'Asia/Ho_Chi_Minh',
        colorScheme: 'light',
        target: 'web',
      },
    },
    ...(electronWanted
      ? [
          {
            name: 'electron',
            // Screenshots for the README come from the web build only: one set, one source.
            testIgnore: '**/screenshots.spec.ts',
            use: { target: 'electron' as const },
          },
        ]
      : []),
  ],
})
