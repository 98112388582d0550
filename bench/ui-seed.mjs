// Seeds a data directory for the event log screen's measurements (`npm run bench:ui` and the
// CI performance test): webhooks made through the core (disabled, so nothing is sent), then
// N deliveries written straight into the store by the log's bulk seeder (bench:log's), then
// the real background indexer run to the end, so the screen is measured on a settled log
// rather than beside a full-text index catching up.
// Usage: node bench/ui-seed.mjs <data-dir> <rows>   (prints one JSON line when done)
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runnerImport } from 'vite'

const ADMIN = { origin: 'bench', role: 'admin', transport: { kind: 'web', admin_api_url: null } }
const here = (p) => fileURLToPath(new URL(p, import.meta.url))
const load = async (p) => (await runnerImport(here(p))).module

export async function seedUiLog(dataDir, rows, { webhookCount = 24, poolSize = 600 } = {}) {
  const [app, settingsStore, sim, seeder, database] = await Promise.all([
    load('../electron/core/app.ts'),
    load('../electron/core/settings/json-settings.ts'),
    load('../electron/core/simulator/index.ts'),
    load('../electron/core/store/log-seed.ts'),
    load('../electron/core/store/database.ts'),
  ])
  const data = await import('./log-data.mjs')
  const random = data.prng(7)
  const core = app.createCore({ dataDir, settings: settingsStore.memorySettingsStore(), version: 'bench' })
  const webhooks = await data.createWebhooks(core, ADMIN, sim, webhookCount)
  await core.close()
  const pool = data.payloadPool(sim, poolSize, random)
  const { successes, failures } = data.responses(random)
  const db = database.openDatabase(join(dataDir, 'hooklab.db'))
  const started = performance.now()
  let written
  try {
    const now = Date.now()
    written = seeder.seedLog(db, { deliveries: rows, webhooks, payloads: pool, successes, failures, fromMs: now - 28 * 86400e3, toMs: now })
    db.pragma('wal_checkpoint(TRUNCATE)')
  } finally {
    db.close()
  }
  const seconds = (performance.now() - started) / 1000
  const indexStarted = performance.now()
  const indexing = app.createCore({ dataDir, settings: settingsStore.memorySettingsStore(), version: 'bench' })
  try {
    indexing.indexer.start()
    for (;;) {
      const lag = indexing.indexer.lag()
      if (lag.events + lag.attempts === 0) break
      await new Promise((r) => setTimeout(r, 250))
    }
  } finally {
    await indexing.indexer.stop()
    await indexing.close()
  }
  return { ...written, seconds, index_seconds: (performance.now() - indexStarted) / 1000 }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, rows] = process.argv.slice(2)
  if (!dir || !rows) throw new Error('usage: node bench/ui-seed.mjs <data-dir> <rows>')
  console.log(JSON.stringify(await seedUiLog(dir, Number(rows))))
}
