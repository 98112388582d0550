// The event log screen with a big log (issue 9): seeds a data directory with N deliveries
// (default 1,000,000), starts the built `hooklab serve` on it, opens #/log in Chromium and
// reads the renderer's performance marks: the first page after navigation (target < 500 ms)
// and an outcome filter's rows rendered (target < 300 ms). Prints a table and RESULT {…}.
// Usage: npm run bench:ui [-- --n 100000 --runs 5] [--keep] [--dir <a data dir seeded before>]
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { measureLogScreen, median } from './ui-measure.mjs'
import { seedUiLog } from './ui-seed.mjs'

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}
const N = arg('n', 1_000_000)
const RUNS = arg('runs', 5)
const KEEP = process.argv.includes('--keep')
const REUSE = process.argv.includes('--dir') ? process.argv[process.argv.indexOf('--dir') + 1] : null
const TARGET = { first_page_ms: 500, filter_ms: 300 }
const ROOT = fileURLToPath(new URL('..', import.meta.url))
const CLI = join(ROOT, 'out/main/cli.js')
const CHROMIUM = process.env.HOOKLAB_CHROMIUM ?? '/usr/bin/chromium'

if (!existsSync(CLI)) throw new Error('bench:ui needs the built app: run npm run build first')

/** `hooklab serve --port 0` on the directory; resolves with its address once it prints it. */
function startServe(dataDir) {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--data-dir', dataDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${out}`)), 60_000)
    const check = () => {
      const open = /Open (http:\/\/127\.0\.0\.1:(\d+))\/\?token=(\S+)/.exec(out)
      if (!open) return
      clearTimeout(timer)
      resolve({ child, base: open[1], openUrl: `${open[1]}/?token=${open[3]}`, token: decodeURIComponent(open[3]) })
    }
    child.stdout.on('data', (d) => ((out += d), check()))
    child.stderr.on('data', (d) => (out += d))
    child.once('exit', (code) => reject(new Error(`serve exited (${code}):\n${out}`)))
  })
}

const dataDir = REUSE ?? mkdtempSync(join(tmpdir(), 'hooklab-bench-ui-'))
let serve = null
let browser = null
try {
  if (!REUSE) {
    console.log(`Seeding ${N.toLocaleString('en')} deliveries into ${dataDir} …`)
    const seeded = await seedUiLog(dataDir, N)
    console.log(`seeded in ${seeded.seconds.toFixed(1)} s, indexed in ${seeded.index_seconds.toFixed(1)} s`)
  }
  serve = await startServe(dataDir)
  const counted = await fetch(`${serve.base}/rpc/deliveries.count`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Hooklab-Access-Token': serve.token }, body: '{}' })
  const rows = (await counted.json()).value.count
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] })
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' })
  const signIn = await context.newPage()
  await signIn.goto(serve.openUrl)
  await signIn.getByTestId('screen-title').waitFor()
  await signIn.close()
  // One run to fill the HTTP cache and SQLite's page cache, as a user's second visit would.
  await measureLogScreen(context, serve.base, { runs: 1 })
  const { firstPage, filter, scripts } = await measureLogScreen(context, serve.base, { runs: RUNS })

  const result = {
    rows,
    runs: RUNS,
    first_page_ms: Math.round(median(firstPage)),
    first_page_max_ms: Math.round(Math.max(...firstPage)),
    app_scripts_ms: Math.round(median(scripts)),
    filter_ms: Math.round(median(filter)),
    filter_max_ms: Math.round(Math.max(...filter)),
  }
  const table = [
    [`first page after navigation to #/log (median of ${RUNS}, target < ${TARGET.first_page_ms} ms)`, `${result.first_page_ms} ms (max ${result.first_page_max_ms}): ${result.first_page_ms < TARGET.first_page_ms ? 'met' : 'NOT met'}`],
    ['  of which the app\'s scripts before any screen (DOMContentLoaded, median)', `${result.app_scripts_ms} ms`],
    [`outcome filter → rows rendered (median of ${RUNS}, target < ${TARGET.filter_ms} ms)`, `${result.filter_ms} ms (max ${result.filter_max_ms}): ${result.filter_ms < TARGET.filter_ms ? 'met' : 'NOT met'}`],
  ]
  console.log(`\nEvent log screen, ${rows.toLocaleString('en')} deliveries, Chromium ${browser.version()}\n`)
  for (const [what, value] of table) console.log(`${what.padEnd(72)} ${value}`)
  console.log(`runs: first page ${firstPage.map(Math.round).join(', ')} ms; filter ${filter.map(Math.round).join(', ')} ms`)
  console.log(`RESULT ${JSON.stringify(result)}`)
} finally {
  await browser?.close()
  if (serve) {
    serve.child.kill('SIGTERM')
    await new Promise((r) => serve.child.once('exit', r))
  }
  if (KEEP || REUSE) console.log(`data directory kept: ${dataDir}`)
  else rmSync(dataDir, { recursive: true, force: true })
}
