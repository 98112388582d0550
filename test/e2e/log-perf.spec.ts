import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { measureLogScreen, median } from '../../bench/ui-measure.mjs'
import { expect, test } from './fixtures'
import { ROOT } from './support/paths'
import { startServe } from './support/serve'

// Issue 9: `npm run bench:ui` measures the log screen with 1,000,000 deliveries; CI runs the
// same measurement with 100,000 and fails only past 3× the targets (first page 500 ms, an
// outcome filter 300 ms), so a busy runner does not flake it. The data directory is this
// test's own: seeding a shared serve would slow every other test's log.
const ROWS = 100_000
const LIMIT = { firstPage: 3 * 500, filter: 3 * 300 }
const run = promisify(execFile)

test('the log screen with 100,000 deliveries shows its first page and filters within 3× the targets', async ({ browser, target }) => {
  test.skip(target !== 'web', 'measured in Chromium against hooklab serve, as bench:ui does')
  test.setTimeout(300_000)
  const dataDir = mkdtempSync(join(tmpdir(), 'hooklab-e2e-perf-'))
  try {
    const { stdout } = await run(process.execPath, [join(ROOT, 'bench/ui-seed.mjs'), dataDir, String(ROWS)], { cwd: ROOT, timeout: 240_000 })
    expect(JSON.parse(stdout.trim().split('\n').at(-1)!).deliveries).toBe(ROWS)
    const serve = await startServe(dataDir)
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' })
    try {
      const signIn = await context.newPage()
      await signIn.goto(serve.openUrl)
      await expect(signIn.getByTestId('screen-title')).toBeVisible()
      await signIn.close()
      await measureLogScreen(context, serve.url, { runs: 1 })
      const { firstPage, filter } = await measureLogScreen(context, serve.url, { runs: 3 })
      console.log(`[log-perf] ${ROWS} deliveries: first page ${firstPage.map(Math.round).join(', ')} ms; outcome filter ${filter.map(Math.round).join(', ')} ms`)
      expect(median(firstPage)).toBeLessThan(LIMIT.firstPage)
      expect(median(filter)).toBeLessThan(LIMIT.filter)
    } finally {
      await context.close()
      await serve.stop()
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
})
