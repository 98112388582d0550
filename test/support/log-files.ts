import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { CallContext, Delivery, DeliveryDetail } from '../../electron/core/contract'
import type { Core } from '../../electron/core/types'

/** The desktop app's context: the only transport allowed to name files on this machine. */
export const IPC_ADMIN: CallContext = { origin: 'desktop-window', role: 'admin', transport: { kind: 'ipc', admin_api_url: null } }

/** An export read to the end, as one string. */
export async function exportText(core: Core, input: unknown, ctx: CallContext): Promise<string> {
  const running = await core.exportLog(input, ctx)
  let text = ''
  for await (const chunk of running.chunks) text += chunk
  return text
}

/** Text as a byte stream cut into small chunks, so lines straddle chunk boundaries. */
export async function* chunked(text: string | Buffer, size = 1000): AsyncGenerator<Buffer> {
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8')
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size)
}

/** Every delivery of a core, oldest first, each in full. */
export async function allDeliveries(core: Core, ctx: CallContext): Promise<DeliveryDetail[]> {
  const out: DeliveryDetail[] = []
  let from = 0
  for (;;) {
    const page = (await core.invoke('deliveries.page', { dir: 'gt', id: from, limit: 250 }, ctx)) as { deliveries: Delivery[]; has_more: boolean }
    for (const d of page.deliveries) out.push(await core.invoke('deliveries.get', { id: d.id }, ctx))
    if (!page.has_more) return out
    from = page.deliveries[page.deliveries.length - 1].id
  }
}

/** What must survive an export and an import: everything but local ids and the imported mark. */
export function comparable(d: DeliveryDetail) {
  return {
    topic: d.topic,
    profile: d.profile,
    status: d.status,
    tag: d.tag,
    provider_id: d.provider_id,
    attempts_count: d.attempts_count,
    last_status_code: d.last_status_code,
    last_error_class: d.last_error_class,
    last_duration_ms: d.last_duration_ms,
    created_on: d.created_on,
    finished_on: d.finished_on,
    event_body: d.event_body,
    attempts: d.attempts,
  }
}

const TABLES = ['webhooks', 'events', 'event_bodies', 'deliveries', 'attempts', 'attempt_bodies'] as const

/** Rows per table, read from the SQLite file itself, and any staging file left: a refused import leaves neither. */
export function storeSnapshot(dataDir: string) {
  const db = new Database(join(dataDir, 'hooklab.db'), { readonly: true, fileMustExist: true })
  try {
    const rows = Object.fromEntries(TABLES.map((t) => [t, (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n]))
    return { rows, stageFiles: readdirSync(dataDir).filter((f) => f.includes('.stage.db')) }
  } finally {
    db.close()
  }
}
