import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { FullCore } from '../../electron/core/app'
import type { Profile } from '../../electron/core/contract'
import { generatePayload, renderBody } from '../../electron/core/simulator'
import { openDatabase } from '../../electron/core/store/database'
import { seedLog, type SeedAnswer, type SeedPayload, type SeedWebhook } from '../../electron/core/store/log-seed'
import { ADMIN } from './core'

/**
 * A log of `rows` deliveries written through the store's bulk path (store/log-seed.ts):
 * webhooks created through the core (disabled, so a started engine sends nothing), events
 * from the simulator, every outcome, tag and answer class. Tests compare what the log's
 * procedures answer with plain SQL over the same file (`sql`).
 */
const answer = (status: number | null, body: string | null, errorClass: string | null = status === null ? 'refused' : status >= 300 ? 'http' : null): SeedAnswer => ({
  status,
  headers: status === null ? null : JSON.stringify({ 'content-type': 'application/json', server: 'test' }),
  body: body === null ? null : Buffer.from(body),
  error_class: errorClass,
  error_message: errorClass === null ? null : `failed: ${errorClass}`,
})

export async function seedTestLog(core: FullCore, dataDir: string, options: { rows: number; fromMs: number; toMs: number; webhooks?: number; salt?: number }) {
  const profiles: Profile[] = ['sapo', 'sapo', 'shopify', 'github']
  const webhooks: SeedWebhook[] = []
  for (let i = 0; i < (options.webhooks ?? 6); i++) {
    const profile = profiles[i % profiles.length]
    const created = await core.invoke('webhooks.create', { name: `Log ${i}`, address: `http://127.0.0.1:9/log/${i}`, profile, format: i % 3 === 2 ? 'xml' : 'json', topics: profile === 'github' ? ['push'] : ['orders/create'] }, ADMIN)
    webhooks.push({
      id: created.id,
      profile,
      format: created.format,
      url: created.address,
      requestHeaders: JSON.stringify({ 'Content-Type': 'application/json', 'X-Webhook-Id': '{{provider_id}}', 'X-Signature': '{{signature}}', 'X-Hooklab-Delivery-Id': '{{id}}' }),
      idStyle: i % 2 === 0 ? 'uuid' : 'msg',
    })
  }
  await core.invoke('webhooks.setStatus', { ids: webhooks.map((w) => w.id), status: 'disabled' }, ADMIN)
  const topics: Record<string, string[]> = { sapo: ['orders/create', 'orders/paid', 'customers/create', 'products/update'], shopify: ['orders/create', 'orders/updated'], github: ['push', 'issues'] }
  const payloads: SeedPayload[] = []
  for (let k = 0; k < 60; k++) {
    const profile = profiles[k % profiles.length]
    const topic = topics[profile][k % topics[profile].length]
    const generated = generatePayload({ profile, topic, seed: 1000 + k })
    const bodies: SeedPayload['bodies'] = {}
    for (const format of ['json', 'xml'] as const) {
      const { body, contentType } = renderBody(generated, format)
      bodies[format] = { contentType, body: Buffer.from(body) }
    }
    payloads.push({ profile, topic, payload: JSON.stringify(generated.data), root: generated.root, bodies })
  }
  const db = openDatabase(join(dataDir, 'hooklab.db'))
  try {
    return seedLog(db, {
      deliveries: options.rows,
      webhooks,
      payloads,
      successes: [answer(200, '{"ok":true}'), answer(204, null)],
      failures: [answer(500, 'Lỗi máy chủ'), answer(404, 'not here'), answer(302, ''), answer(null, null), answer(null, null, 'timeout')],
      fromMs: options.fromMs,
      toMs: options.toMs,
      salt: options.salt,
      batch: 700,
    })
  } finally {
    db.close()
  }
}

/** A read-only connection to a test core's store, for answers computed the plain way. */
export function sql(dataDir: string): Database.Database {
  return new Database(join(dataDir, 'hooklab.db'), { readonly: true })
}
