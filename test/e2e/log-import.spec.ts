import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { LogPage } from './pages/log-page'
import { countOf } from './support/deliveries'

// Issue 9 "Bad input": a malformed import is refused with its line and reason, and nothing of it is stored.

test('an import with a bad line is refused with the line and the reason, and imports nothing', async ({ page, api }) => {
  const dir = mkdtempSync(join(tmpdir(), 'hooklab-e2e-import-'))
  try {
    const file = join(dir, 'broken.ndjson')
    const header = { hooklab_export: 1, created_on: new Date().toISOString(), filter: {}, secrets: false }
    writeFileSync(file, `${JSON.stringify(header)}\n{"type": "webhook", "id": 1,\n`)
    const before = await countOf(api, {})

    const log = new LogPage(page)
    await log.open()
    await page.getByTestId('log-import-file').setInputFiles(file)
    const refusal = page.getByTestId('import-error')
    await expect(refusal).toBeVisible()
    await expect(refusal).toHaveAttribute('role', 'alert')
    await expect(refusal).toContainText('Nothing was imported')
    await expect(refusal).toContainText('Line 2')
    await expect(refusal).toContainText('not valid JSON')
    expect(await countOf(api, {})).toBe(before)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
