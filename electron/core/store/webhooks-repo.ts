import type { PayloadFormat, Profile, SigningStyle, WebhookStatus } from '../contract'
import { foldForSearch } from '../text/fold'
import type { Db } from './database'

/** The folded search key of a row, computed in SQL by the function the store registers. */
const SEARCH_KEY = "hooklab_fold(@name || ' ' || @address)"

/** A webhook as the store keeps it, secrets still sealed. Nothing above the store sees columns. */
export interface WebhookRecord {
  id: number
  name: string
  /** The address with credentials redacted: safe to show anyone and to search. */
  address: string
  /** The whole address, sealed. */
  address_enc: string
  topics: string[]
  profile: Profile
  format: PayloadFormat
  signing: SigningStyle
  secret_enc: string
  /** Header names, every value redacted. */
  headers: Record<string, string>
  /** The whole header map as JSON, sealed. */
  headers_enc: string
  auth_enc: string
  status: WebhookStatus
  status_reason: string | null
  disabled_on: string | null
  consecutive_failures: number
  retry_schedule: number[]
  connect_timeout_ms: number
  timeout_ms: number
  max_concurrency: number
  rate_limit_per_second: number | null
  ordered: boolean
  disable_after_failures: number
  accept_self_signed: boolean
  last_ping: { on: string; status_code: number | null; ok: boolean } | null
  created_on: string
  modified_on: string | null
}

export type NewWebhookRecord = Omit<WebhookRecord, 'id'>

interface Row extends Omit<WebhookRecord, 'topics' | 'headers' | 'retry_schedule' | 'ordered' | 'accept_self_signed' | 'last_ping'> {
  topics: string
  headers: string
  retry_schedule: string
  ordered: number
  accept_self_signed: number
  last_ping: string | null
}

const JSON_COLUMNS = ['topics', 'headers', 'retry_schedule', 'last_ping'] as const
const BOOL_COLUMNS = ['ordered', 'accept_self_signed'] as const
const COLUMNS = [
  'name', 'address', 'address_enc', 'topics', 'profile', 'format', 'signing', 'secret_enc', 'headers', 'headers_enc', 'auth_enc', 'status',
  'status_reason', 'disabled_on', 'consecutive_failures', 'retry_schedule', 'connect_timeout_ms', 'timeout_ms',
  'max_concurrency', 'rate_limit_per_second', 'ordered', 'disable_after_failures', 'accept_self_signed',
  'last_ping', 'created_on', 'modified_on',
] as const

function fromRow(row: Row): WebhookRecord {
  const { search_key: _searchKey, ...fields } = row as Row & { search_key?: string }
  return {
    ...fields,
    topics: JSON.parse(row.topics) as string[],
    headers: JSON.parse(row.headers) as Record<string, string>,
    retry_schedule: JSON.parse(row.retry_schedule) as number[],
    last_ping: row.last_ping === null ? null : (JSON.parse(row.last_ping) as WebhookRecord['last_ping']),
    ordered: row.ordered === 1,
    accept_self_signed: row.accept_self_signed === 1,
  }
}

function toParams(record: Partial<NewWebhookRecord>): Record<string, unknown> {
  const params: Record<string, unknown> = Object.assign(Object.create(null), record)
  for (const column of JSON_COLUMNS) if (column in record) params[column] = record[column] === null ? null : JSON.stringify(record[column])
  for (const column of BOOL_COLUMNS) if (column in record) params[column] = record[column] ? 1 : 0
  return params
}

export interface ListQuery {
  search: string
  status: WebhookStatus | null
  sort: 'created_on' | 'modified_on'
  order: 'asc' | 'desc'
  limit: number
  offset: number
}

export class WebhooksRepo {
  constructor(private readonly db: Db) {}

  insert(record: NewWebhookRecord): WebhookRecord {
    const sql = `INSERT INTO webhooks (${COLUMNS.join(', ')}, search_key) VALUES (${COLUMNS.map((c) => '@' + c).join(', ')}, ${SEARCH_KEY})`
    const { lastInsertRowid } = this.db.prepare(sql).run(toParams(record))
    return { ...record, id: Number(lastInsertRowid) }
  }

  update(id: number, changes: Partial<NewWebhookRecord>): void {
    const names = Object.keys(changes).filter((k) => (COLUMNS as readonly string[]).includes(k))
    if (names.length === 0) return
    // SQLite evaluates every SET expression against the row as it was: fold the new values.
    const key = SEARCH_KEY.replace('@name', names.includes('name') ? '@name' : 'name').replace('@address', names.includes('address') ? '@address' : 'address')
    this.db
      .prepare(`UPDATE webhooks SET ${names.map((n) => `${n} = @${n}`).join(', ')}, search_key = ${key} WHERE id = @id`)
      .run({ ...toParams(changes), id })
  }

  /** Rows written before credentials were sealed (migration 002), for the one-time sealing at start. */
  unsealed(): Array<{ id: number; address: string; headers: string }> {
    return this.db.prepare('SELECT id, address, headers FROM webhooks WHERE address_enc IS NULL OR headers_enc IS NULL').all() as Array<{ id: number; address: string; headers: string }>
  }

  get(id: number): WebhookRecord | undefined {
    const row = this.db.prepare('SELECT * FROM webhooks WHERE id = ?').get(id) as Row | undefined
    return row && fromRow(row)
  }

  getMany(ids: readonly number[]): WebhookRecord[] {
    if (ids.length === 0) return []
    const rows = this.db.prepare(`SELECT * FROM webhooks WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`).all(JSON.stringify(ids)) as Row[]
    return rows.map(fromRow)
  }

  delete(ids: readonly number[]): number {
    return this.db.prepare('DELETE FROM webhooks WHERE id IN (SELECT value FROM json_each(?))').run(JSON.stringify(ids)).changes
  }

  private where(query: Pick<ListQuery, 'search' | 'status'>): { sql: string; params: Record<string, unknown> } {
    const clauses: string[] = []
    const params: Record<string, unknown> = {}
    if (query.status) {
      clauses.push('status = @status')
      params.status = query.status
    }
    const search = foldForSearch(query.search.trim())
    if (search) {
      // LIKE with an explicit escape so that "%" and "_" typed by a user match themselves;
      // both sides are folded (case, diacritics, đ), so "don hang" finds "Đơn hàng".
      params.like = `%${search.replace(/[\\%_]/g, (c) => '\\' + c)}%`
      const byId = /^\d{1,15}$/.test(search) ? ' OR id = @searchId' : ''
      if (byId) params.searchId = Number(search)
      clauses.push(`(search_key LIKE @like ESCAPE '\\'${byId})`)
    }
    return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params }
  }

  list(query: ListQuery): { records: WebhookRecord[]; total: number } {
    const { sql, params } = this.where(query)
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM webhooks ${sql}`).get(params) as { n: number }).n
    const dir = query.order === 'asc' ? 'ASC' : 'DESC'
    // Never-modified webhooks sort by their creation time when sorting by modification.
    const key = query.sort === 'modified_on' ? 'COALESCE(modified_on, created_on)' : 'created_on'
    const rows = this.db
      .prepare(`SELECT * FROM webhooks ${sql} ORDER BY ${key} ${dir}, id ${dir} LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit: query.limit, offset: query.offset }) as Row[]
    return { records: rows.map(fromRow), total }
  }

  /** One keyset page by id, plus whether more rows lie beyond it in that direction. */
  pageById(dir: 'gt' | 'lt', from: number | undefined, limit: number, status: WebhookStatus | null = null): { records: WebhookRecord[]; hasMore: boolean } {
    const start = from ?? (dir === 'gt' ? 0 : Number.MAX_SAFE_INTEGER)
    const filter = status ? ' AND status = @status' : ''
    const sql = dir === 'gt'
      ? `SELECT * FROM webhooks WHERE id > @start${filter} ORDER BY id ASC LIMIT @n`
      : `SELECT * FROM webhooks WHERE id < @start${filter} ORDER BY id DESC LIMIT @n`
    const rows = this.db.prepare(sql).all({ start, n: limit + 1, ...(status ? { status } : {}) }) as Row[]
    return { records: rows.slice(0, limit).map(fromRow), hasMore: rows.length > limit }
  }

  /** Enabled webhooks of `profile` subscribed to `topic`: who gets a fired event. */
  subscribed(profile: string, topic: string): WebhookRecord[] {
    const rows = this.db
      .prepare("SELECT * FROM webhooks WHERE status = 'enabled' AND profile = ? AND EXISTS (SELECT 1 FROM json_each(webhooks.topics) WHERE value = ?) ORDER BY id")
      .all(profile, topic) as Row[]
    return rows.map(fromRow)
  }

  subscribers(profile: string, topic: string): number[] {
    const rows = this.db
      .prepare('SELECT id FROM webhooks WHERE profile = ? AND EXISTS (SELECT 1 FROM json_each(webhooks.topics) WHERE value = ?) ORDER BY id')
      .all(profile, topic) as Array<{ id: number }>
    return rows.map((r) => r.id)
  }

  count(status: WebhookStatus | null): number {
    const { sql, params } = this.where({ search: '', status })
    return (this.db.prepare(`SELECT COUNT(*) AS n FROM webhooks ${sql}`).get(params) as { n: number }).n
  }
}
