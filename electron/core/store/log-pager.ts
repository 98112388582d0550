import type { LogFilter } from '../contract/log-schemas'
import type { Db } from './database'
import { compileFilter } from './log-query'
import { LogSearch, SEARCH_TUNING, type SearchTuning } from './log-search'

/**
 * Pages and counts the log for any filter by keyset (id), choosing which index drives the
 * read (SQLite's planner cannot know that a walk in id order stops after `limit` rows):
 *
 * - `walk`: an index that starts with one equality column and then the id (webhook,
 *   status, topic, status class, tag, event), or the table itself, read in id order from
 *   the cursor until the page is full. The other filters are checked against the columns
 *   the index carries where it carries them (no row read), else against the row.
 * - `range`: the creation-time index over [since, until), every match collected and sorted;
 *   chosen when the time range holds fewer rows than a walk would pass over.
 *
 * A full-text search (`q`) reads through the same driver or its own hits (log-search.ts).
 * Sizes come from counts capped at CAP rows, cached until the log has grown by a quarter;
 * costs weigh a row read per index entry (ROW_READ) where the index does not carry a filter.
 */
export type Driver = { kind: 'walk'; index: string | null; size: number; cost: number } | { kind: 'range'; size: number; cost: number }

type Column = 'webhook_id' | 'event_id' | 'status' | 'topic' | 'status_class' | 'created_at' | 'tag'
const CAP = 100_000
/** What reading a row costs, in index entries read; walking the table itself costs TABLE_ROW per row. */
const ROW_READ = 8
const TABLE_ROW = 2
const WALKS: ReadonlyArray<{ index: string; column: Exclude<Column, 'created_at'>; carries: readonly Column[] }> = [
  { index: 'deliveries_event', column: 'event_id', carries: [] },
  { index: 'deliveries_tagged', column: 'tag', carries: [] },
  { index: 'deliveries_webhook', column: 'webhook_id', carries: ['created_at', 'tag', 'topic'] },
  { index: 'deliveries_topic', column: 'topic', carries: ['webhook_id', 'created_at', 'tag'] },
  { index: 'deliveries_class', column: 'status_class', carries: ['webhook_id', 'created_at', 'tag', 'topic'] },
  { index: 'deliveries_status', column: 'status', carries: ['webhook_id', 'created_at', 'tag', 'topic'] },
]
const RANGE_CARRIES: readonly Column[] = ['created_at', 'webhook_id', 'status']

/** The columns a filter's conditions read. */
function filtered(filter: LogFilter): Column[] {
  const columns: Column[] = []
  for (const column of ['webhook_id', 'event_id', 'status', 'topic', 'status_class'] as const) if (filter[column] !== undefined) columns.push(column)
  if (filter.since !== undefined || filter.until !== undefined) columns.push('created_at')
  if (filter.test !== undefined) columns.push('tag')
  return columns
}

export class LogPager {
  private readonly sizes = new Map<string, { size: number; at: number }>()
  private readonly search: LogSearch

  constructor(
    private readonly db: Db,
    tuning: SearchTuning = SEARCH_TUNING,
  ) {
    this.search = new LogSearch(db, tuning)
  }

  private maxId(): number {
    return (this.db.prepare('SELECT COALESCE(MAX(id), 0) AS id FROM deliveries').get() as { id: number }).id
  }

  /** Rows with `column = value`, counted up to CAP through its index; cached while the log grows by less than a quarter. */
  private sizeOf(index: string, column: string, value: string | number, maxId: number): number {
    const key = `${column}\u0000${value}`
    const cached = this.sizes.get(key)
    if (cached && maxId - cached.at < Math.max(1000, cached.size / 4)) return cached.size
    const condition = column === 'tag' ? "tag IN ('test', 'ping')" : `${column} = ?`
    const size = (
      this.db.prepare(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM deliveries INDEXED BY ${index} WHERE ${condition} LIMIT ${CAP})`).get(...(column === 'tag' ? [] : [value])) as {
        n: number
      }
    ).n
    if (this.sizes.size > 1000) this.sizes.clear()
    this.sizes.set(key, { size, at: maxId })
    return size
  }

  /** The first id created at or after `ms` (one seek); the log is written in time order, so ids estimate positions. */
  private idAt(ms: number, maxId: number): number {
    const row = this.db.prepare('SELECT id FROM deliveries INDEXED BY deliveries_created WHERE created_at >= ? ORDER BY created_at LIMIT 1').get(ms) as { id: number } | undefined
    return row?.id ?? maxId + 1
  }

  /** Which index reads this filter (`q` aside) for the least work; for a count (`counting`), all of its rows are read. */
  driver(filter: LogFilter, counting = false): Driver {
    const maxId = this.maxId()
    const needed = filtered(filter)
    const weight = (carries: readonly Column[]) => (needed.every((c) => carries.includes(c)) ? 1 : ROW_READ)
    let best: Driver & { kind: 'walk' } = { kind: 'walk', index: null, size: maxId, cost: maxId * TABLE_ROW }
    for (const { index, column, carries } of WALKS) {
      const value = column === 'tag' ? (filter.test === true ? 'test' : undefined) : filter[column]
      if (value === undefined) continue
      const size = this.sizeOf(index, column, value, maxId)
      const cost = size * weight([column, ...carries])
      if (cost < best.cost) best = { kind: 'walk', index, size, cost }
    }
    if (filter.since === undefined && filter.until === undefined) return best
    const from = filter.since === undefined ? 1 : this.idAt(Date.parse(filter.since), maxId)
    const to = filter.until === undefined ? maxId + 1 : this.idAt(Date.parse(filter.until), maxId)
    const size = Math.max(0, to - from)
    const range: Driver = { kind: 'range', size, cost: size * weight(RANGE_CARRIES) }
    if (counting) return range.cost < best.cost ? range : best
    // A walk from the newest row passes over what lies above the range before it finds
    // anything; a range read collects and sorts every match.
    const above = maxId > 0 ? (maxId + 1 - Math.min(to, maxId + 1)) / maxId : 0
    return range.cost * 2 < best.cost * above + 100 ? range : best
  }

  private from(driver: Driver): string {
    if (driver.kind === 'range') return 'deliveries d INDEXED BY deliveries_created'
    return driver.index === null ? 'deliveries d NOT INDEXED' : `deliveries d INDEXED BY ${driver.index}`
  }

  page(filter: LogFilter, dir: 'gt' | 'lt', from: number | undefined, limit: number): { ids: number[]; hasMore: boolean } {
    const compiled = compileFilter(filter)
    const driver = this.driver(filter)
    const start = from ?? (dir === 'gt' ? 0 : Number.MAX_SAFE_INTEGER)
    if (compiled.match !== null || compiled.ids !== null) return this.search.page(compiled, this.from(driver), dir, start, limit)
    const where = [...compiled.clauses, dir === 'gt' ? 'd.id > @start' : 'd.id < @start'].join(' AND ')
    const sql = `SELECT d.id FROM ${this.from(driver)} WHERE ${where} ORDER BY d.id ${dir === 'gt' ? 'ASC' : 'DESC'} LIMIT @n`
    const ids = this.db
      .prepare(sql)
      .pluck()
      .all({ ...compiled.params, start, n: limit + 1 }) as number[]
    return { ids: ids.slice(0, limit), hasMore: ids.length > limit }
  }

  count(filter: LogFilter): number {
    const compiled = compileFilter(filter)
    if (compiled.match !== null || compiled.ids !== null) return this.search.count(compiled)
    const driver = this.driver(filter, true)
    const where = compiled.clauses.length > 0 ? `WHERE ${compiled.clauses.join(' AND ')}` : ''
    // No filter at all: SQLite counts through its smallest index.
    const source = driver.kind === 'walk' && driver.index === null ? 'deliveries d' : this.from(driver)
    return (this.db.prepare(`SELECT COUNT(*) AS n FROM ${source} ${where}`).get(compiled.params) as { n: number }).n
  }
}
