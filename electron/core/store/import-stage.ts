import { readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { ensurePrivateFile } from '../data-dir/prepare'
import type { Db } from './database'
import { STATUS_CLASS_SQL } from './log-query'

/**
 * An import's staging area (issue 9 item 5): a private SQLite file in the data directory,
 * attached to the store's connection. Lines are written there in batches as they are read
 * (already sealed, so the file holds nothing the store would not), references between them
 * stay in the exporter's ids, and only when the whole file is good does one transaction copy
 * everything into the store with new ids (INSERT … SELECT, so even a 256 MiB import commits
 * in C). A refused or failed import just drops the file: nothing partial ever reaches the log.
 */
const SCHEMA = 'import_stage'
const STAGE_FILE = /^import-[0-9a-f]+\.stage\.db(-journal)?$/

const WEBHOOK_COLUMNS = [
  'name', 'address', 'address_enc', 'topics', 'profile', 'format', 'signing', 'secret_enc', 'headers', 'headers_enc', 'auth_enc', 'status',
  'status_reason', 'disabled_on', 'consecutive_failures', 'retry_schedule', 'connect_timeout_ms', 'timeout_ms', 'max_concurrency',
  'rate_limit_per_second', 'ordered', 'disable_after_failures', 'accept_self_signed', 'last_ping', 'created_on', 'modified_on',
] as const

export type StagedWebhook = { src_id: number; line: number } & Record<(typeof WEBHOOK_COLUMNS)[number], string | number | null>
export interface StagedEvent {
  src_id: number
  line: number
  profile: string
  topic: string
  seed: number | null
  payload: string
  root: string
  created_on: string
  bodies: Array<{ format: string; content_type: string; body: Buffer }>
}
export interface StagedDelivery {
  src_id: number
  line: number
  event_src: number
  webhook_src: number
  replay_src: number | null
  status: string
  tag: string | null
  provider_id: string
  attempts: number
  next_attempt_at: number
  last_status_code: number | null
  last_error_class: string | null
  last_duration_ms: number | null
  created_on: string
  finished_on: string | null
}
export interface StagedAttempt {
  line: number
  delivery_src: number
  n: number
  scheduled_for: string
  started_on: string
  duration_ms: number
  method: string
  url: string
  request_headers: string
  request_secrets_enc: string | null
  response_status: number | null
  response_headers: string | null
  response_truncated: number
  error_class: string | null
  error_message: string | null
  body: Buffer | null
}
export type StagedRow =
  | { kind: 'webhook'; row: StagedWebhook }
  | { kind: 'event'; row: StagedEvent }
  | { kind: 'delivery'; row: StagedDelivery }
  | { kind: 'attempt'; row: StagedAttempt }

export interface Committed {
  webhookIds: number[]
  /** The newest imported deliveries (at most 100), for the push. */
  newestDeliveryIds: number[]
  counts: { webhooks: number; events: number; deliveries: number; attempts: number }
}

const DDL = `
PRAGMA ${SCHEMA}.journal_mode = MEMORY;
PRAGMA ${SCHEMA}.synchronous = OFF;
CREATE TABLE ${SCHEMA}.webhooks (k INTEGER PRIMARY KEY, src_id INTEGER NOT NULL UNIQUE, line INTEGER NOT NULL, ${WEBHOOK_COLUMNS.join(', ')});
CREATE TABLE ${SCHEMA}.events (k INTEGER PRIMARY KEY, src_id INTEGER NOT NULL UNIQUE, line INTEGER NOT NULL, profile, topic, seed, payload, root, created_on);
CREATE TABLE ${SCHEMA}.event_bodies (event_k INTEGER NOT NULL, format TEXT NOT NULL, content_type, body, PRIMARY KEY (event_k, format));
CREATE TABLE ${SCHEMA}.deliveries (k INTEGER PRIMARY KEY, src_id INTEGER NOT NULL UNIQUE, line INTEGER NOT NULL, event_src INTEGER NOT NULL,
  webhook_src INTEGER NOT NULL, replay_src INTEGER, status, tag, provider_id, attempts, next_attempt_at, last_status_code, last_error_class,
  last_duration_ms, created_on, finished_on);
CREATE INDEX ${SCHEMA}.deliveries_event ON deliveries (event_src);
CREATE TABLE ${SCHEMA}.attempts (k INTEGER PRIMARY KEY, line INTEGER NOT NULL, delivery_src INTEGER NOT NULL, n INTEGER NOT NULL, scheduled_for,
  started_on, duration_ms, method, url, request_headers, request_secrets_enc, response_status, response_headers, response_truncated,
  error_class, error_message, body, UNIQUE (delivery_src, n));
`

/** What makes a staged file unfit, as (line, reason), earliest line first. */
const PROBLEMS = `
SELECT line, 'delivery ' || src_id || ' names event ' || event_src || ', which the file does not contain' AS reason
  FROM ${SCHEMA}.deliveries d WHERE NOT EXISTS (SELECT 1 FROM ${SCHEMA}.events e WHERE e.src_id = d.event_src)
UNION ALL
SELECT line, 'delivery ' || src_id || ' names webhook ' || webhook_src || ', which the file does not contain'
  FROM ${SCHEMA}.deliveries d WHERE NOT EXISTS (SELECT 1 FROM ${SCHEMA}.webhooks w WHERE w.src_id = d.webhook_src)
UNION ALL
SELECT line, 'attempt ' || n || ' names delivery ' || delivery_src || ', which the file does not contain'
  FROM ${SCHEMA}.attempts a WHERE NOT EXISTS (SELECT 1 FROM ${SCHEMA}.deliveries d WHERE d.src_id = a.delivery_src)
UNION ALL
SELECT d.line, 'delivery ' || d.src_id || ': its event ' || e.src_id || ' has no body in its webhook''s format (' || w.format || ')'
  FROM ${SCHEMA}.deliveries d JOIN ${SCHEMA}.events e ON e.src_id = d.event_src JOIN ${SCHEMA}.webhooks w ON w.src_id = d.webhook_src
  WHERE NOT EXISTS (SELECT 1 FROM ${SCHEMA}.event_bodies b WHERE b.event_k = e.k AND b.format = w.format)
ORDER BY line LIMIT 1`

const USED_EVENT = `EXISTS (SELECT 1 FROM ${SCHEMA}.deliveries d WHERE d.event_src = s.src_id)`

export class ImportStage {
  private attached = true

  private constructor(
    private readonly db: Db,
    private readonly file: string,
  ) {}

  /** Attaches a fresh staging file (removing any a crashed import left behind). One import at a time. */
  static open(db: Db, dataDir: string, name: string): ImportStage {
    for (const leftover of readdirSync(dataDir).filter((f) => STAGE_FILE.test(f))) rmSync(join(dataDir, leftover), { force: true })
    const file = join(dataDir, `import-${name}.stage.db`)
    ensurePrivateFile(file)
    db.prepare(`ATTACH DATABASE ? AS ${SCHEMA}`).run(file)
    const stage = new ImportStage(db, file)
    try {
      db.exec(DDL)
    } catch (err) {
      stage.discard()
      throw err
    }
    return stage
  }

  /** Writes a batch in one transaction; answers the line of the first id seen twice, if any. */
  write(rows: readonly StagedRow[]): number | null {
    const { db } = this
    const run = (sql: string, params: object) => db.prepare(sql).run(params)
    return db.transaction(() => {
      for (const { kind, row } of rows) {
        let changes: number
        if (kind === 'webhook') {
          changes = run(`INSERT INTO ${SCHEMA}.webhooks (src_id, line, ${WEBHOOK_COLUMNS.join(', ')}) VALUES (@src_id, @line, ${WEBHOOK_COLUMNS.map((c) => '@' + c).join(', ')}) ON CONFLICT DO NOTHING`, row).changes
        } else if (kind === 'event') {
          const { bodies, ...event } = row
          const done = run(`INSERT INTO ${SCHEMA}.events (src_id, line, profile, topic, seed, payload, root, created_on) VALUES (@src_id, @line, @profile, @topic, @seed, @payload, @root, @created_on) ON CONFLICT DO NOTHING`, event)
          changes = done.changes
          if (changes > 0) for (const b of bodies) run(`INSERT INTO ${SCHEMA}.event_bodies (event_k, format, content_type, body) VALUES (@k, @format, @content_type, @body)`, { ...b, k: done.lastInsertRowid })
        } else if (kind === 'delivery') {
          changes = run(
            `INSERT INTO ${SCHEMA}.deliveries (src_id, line, event_src, webhook_src, replay_src, status, tag, provider_id, attempts, next_attempt_at, last_status_code,
               last_error_class, last_duration_ms, created_on, finished_on)
             VALUES (@src_id, @line, @event_src, @webhook_src, @replay_src, @status, @tag, @provider_id, @attempts, @next_attempt_at, @last_status_code,
               @last_error_class, @last_duration_ms, @created_on, @finished_on) ON CONFLICT DO NOTHING`,
            row,
          ).changes
        } else {
          changes = run(
            `INSERT INTO ${SCHEMA}.attempts (line, delivery_src, n, scheduled_for, started_on, duration_ms, method, url, request_headers, request_secrets_enc,
               response_status, response_headers, response_truncated, error_class, error_message, body)
             VALUES (@line, @delivery_src, @n, @scheduled_for, @started_on, @duration_ms, @method, @url, @request_headers, @request_secrets_enc,
               @response_status, @response_headers, @response_truncated, @error_class, @error_message, @body) ON CONFLICT DO NOTHING`,
            row,
          ).changes
        }
        if (changes === 0) return row.line
      }
      return null
    })()
  }

  /** The earliest line whose references the file does not satisfy, if any. */
  firstProblem(): { line: number; reason: string } | null {
    return (this.db.prepare(PROBLEMS).get() as { line: number; reason: string } | undefined) ?? null
  }

  /** Copies everything into the store in one transaction, with ids after every id the store has used. */
  commit(): Committed {
    const { db } = this
    const run = (sql: string, params: Record<string, number> = {}) => db.prepare(sql).run(params).changes
    // AUTOINCREMENT's sequence is the highest id ever used, deleted rows included: never reused.
    const base = (table: string) =>
      (db.prepare(`SELECT MAX(COALESCE((SELECT seq FROM main.sqlite_sequence WHERE name = '${table}'), 0), COALESCE((SELECT MAX(id) FROM main.${table}), 0)) AS n`).get() as { n: number }).n
    return db.transaction((): Committed => {
      const b = { w: base('webhooks'), e: base('events'), d: base('deliveries'), a: base('attempts') }
      const webhooks = run(
        `INSERT INTO main.webhooks (id, ${WEBHOOK_COLUMNS.join(', ')}, search_key)
         SELECT @w + k, ${WEBHOOK_COLUMNS.join(', ')}, hooklab_fold(name || ' ' || address) FROM ${SCHEMA}.webhooks ORDER BY k`,
        b,
      )
      // An event no delivery names would be an orphan nobody can see: it stays behind.
      const events = run(
        `INSERT INTO main.events (id, profile, topic, seed, payload, root, burst_id, created_on)
         SELECT @e + k, profile, topic, seed, payload, root, NULL, created_on FROM ${SCHEMA}.events s WHERE ${USED_EVENT} ORDER BY k`,
        b,
      )
      run(
        `INSERT INTO main.event_bodies (event_id, format, content_type, body)
         SELECT @e + s.k, x.format, x.content_type, x.body FROM ${SCHEMA}.event_bodies x JOIN ${SCHEMA}.events s ON s.k = x.event_k WHERE ${USED_EVENT}`,
        b,
      )
      const deliveries = run(
        `INSERT INTO main.deliveries (id, event_id, webhook_id, status, tag, provider_id, attempts, next_attempt_at, lease_until, last_status_code,
           last_error_class, last_duration_ms, replay_of, imported, created_on, finished_on, topic, created_at, status_class)
         SELECT @d + d.k, @e + e.k, @w + w.k, d.status, d.tag, d.provider_id, d.attempts, d.next_attempt_at, NULL, d.last_status_code,
           d.last_error_class, d.last_duration_ms, (SELECT @d + r.k FROM ${SCHEMA}.deliveries r WHERE r.src_id = d.replay_src), 1, d.created_on, d.finished_on,
           e.topic, COALESCE(unixepoch(d.created_on) * 1000, 0), CASE WHEN d.attempts = 0 THEN NULL ELSE ${STATUS_CLASS_SQL('d.last_status_code')} END
         FROM ${SCHEMA}.deliveries d JOIN ${SCHEMA}.events e ON e.src_id = d.event_src JOIN ${SCHEMA}.webhooks w ON w.src_id = d.webhook_src ORDER BY d.k`,
        b,
      )
      const attempts = run(
        `INSERT INTO main.attempts (id, delivery_id, n, scheduled_for, started_on, duration_ms, method, url, request_headers, request_secrets_enc,
           response_status, response_headers, response_truncated, error_class, error_message)
         SELECT @a + a.k, @d + d.k, a.n, a.scheduled_for, a.started_on, a.duration_ms, a.method, a.url, a.request_headers, a.request_secrets_enc,
           a.response_status, a.response_headers, a.response_truncated, a.error_class, a.error_message
         FROM ${SCHEMA}.attempts a JOIN ${SCHEMA}.deliveries d ON d.src_id = a.delivery_src ORDER BY a.k`,
        b,
      )
      run(`INSERT INTO main.attempt_bodies (attempt_id, body) SELECT @a + k, body FROM ${SCHEMA}.attempts WHERE body IS NOT NULL AND length(body) > 0`, b)
      const webhookIds = (db.prepare(`SELECT @w + k AS id FROM ${SCHEMA}.webhooks ORDER BY k`).all(b) as Array<{ id: number }>).map((r) => r.id)
      const newestDeliveryIds = (db.prepare(`SELECT @d + k AS id FROM ${SCHEMA}.deliveries ORDER BY k DESC LIMIT 100`).all(b) as Array<{ id: number }>).map((r) => r.id)
      return { webhookIds, newestDeliveryIds, counts: { webhooks, events, deliveries, attempts } }
    })()
  }

  /** Detaches and deletes the staging file; safe to call twice. */
  discard(): void {
    if (this.attached && this.db.open) {
      this.attached = false
      this.db.prepare(`DETACH DATABASE ${SCHEMA}`).run()
    }
    rmSync(this.file, { force: true })
    rmSync(`${this.file}-journal`, { force: true })
  }
}
