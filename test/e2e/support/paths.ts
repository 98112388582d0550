import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'

/** The repository root, whatever directory Playwright was started from. */
export const ROOT = resolve(import.meta.dirname, '../../..')
export const CLI = join(ROOT, 'out/main/cli.js')
export const RENDERER_INDEX = join(ROOT, 'out/renderer/index.html')
export const SCREENSHOTS = join(ROOT, 'resources/screenshots')
/** The README's pictures are tracked files: rewritten only when asked (`npm run screenshots`). */
export const SCREENSHOTS_WANTED = process.env.HOOKLAB_SCREENSHOTS === '1'
export const SCREENSHOTS_SKIP_REASON = 'README screenshots are written only by `npm run screenshots` (HOOKLAB_SCREENSHOTS=1)'

/** The suite drives the built app and never builds it itself: say so plainly. */
export function assertBuilt(): void {
  const missing = [CLI, RENDERER_INDEX].filter((file) => !existsSync(file))
  if (missing.length > 0) {
    throw new Error(
      `Hooklab is not built (missing ${missing.map((f) => f.slice(ROOT.length + 1)).join(', ')}): run \`npm run build\` first.`,
    )
  }
}
