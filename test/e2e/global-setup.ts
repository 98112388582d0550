import type { FullConfig } from '@playwright/test'
import { electronSkipReason } from './support/electron'
import { SCREENSHOTS_SKIP_REASON, SCREENSHOTS_WANTED, assertBuilt } from './support/paths'

/** Runs once: fail early when the app is not built, and say why Electron specs will not run. */
export default function globalSetup(config: FullConfig): void {
  assertBuilt()
  if (!SCREENSHOTS_WANTED) console.log(`[hooklab e2e] screenshots.spec.ts skipped: ${SCREENSHOTS_SKIP_REASON}.`)
  const reason = electronSkipReason()
  if (reason === null) return
  const included = config.projects.some((p) => p.name === 'electron')
  console.log(
    included
      ? `[hooklab e2e] electron project: every test will be skipped — ${reason}`
      : `[hooklab e2e] electron project not run — ${reason}. (HOOKLAB_E2E_ELECTRON=1 lists its tests as skipped.)`,
  )
}
