import type { LogFilter } from '../contract/log-schemas'
import type { DeliveriesRepo, DeliveryRow, EventRecord } from '../store/deliveries-repo'
import type { AttemptWithBody, LogFilesRepo, StoredBody } from '../store/log-files-repo'

export interface ExportSourceDeps {
  deliveries: Pick<DeliveriesRepo, 'page'>
  reads: LogFilesRepo
  /** Throws (unavailable) once the core is closing: an export stops between pages. */
  checkOpen(): void
  /** Deliveries read per page; memory holds one page at a time. */
  pageSize?: number
}

export interface ExportPage {
  deliveries: DeliveryRow[]
  attempts: Map<number, AttemptWithBody[]>
  /** Every event the page's deliveries belong to, with its stored bodies. */
  events: Map<number, EventRecord & { bodies: StoredBody[] }>
}

export const EXPORT_PAGE_SIZE = 500

/** Lets other work (deliveries, HTTP answers) run between pages of a long export. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * The filter's deliveries, oldest first, by keyset pages through `DeliveriesRepo.page` (the
 * same filter code as the log screen and the Admin API), up to the newest delivery when the
 * export began. Memory stays at one page however many rows match.
 */
export async function* deliveryPages(deps: ExportSourceDeps, filter: LogFilter, lastId: number): AsyncGenerator<DeliveryRow[]> {
  const size = deps.pageSize ?? EXPORT_PAGE_SIZE
  let from = 0
  for (;;) {
    deps.checkOpen()
    const { rows, hasMore } = deps.deliveries.page(filter, 'gt', from, size)
    const inRange = rows.filter((row) => row.id <= lastId)
    if (inRange.length > 0) yield inRange
    if (!hasMore || inRange.length < rows.length) return
    from = rows[rows.length - 1].id
    await breathe()
  }
}

/** Each page with its attempts and events, read in one query each. */
export async function* exportPages(deps: ExportSourceDeps, filter: LogFilter, lastId: number): AsyncGenerator<ExportPage> {
  for await (const rows of deliveryPages(deps, filter, lastId)) {
    const attempts = new Map<number, AttemptWithBody[]>()
    for (const attempt of deps.reads.attemptsOf(rows.map((r) => r.id))) {
      const list = attempts.get(attempt.delivery_id)
      if (list) list.push(attempt)
      else attempts.set(attempt.delivery_id, [attempt])
    }
    const eventIds = [...new Set(rows.map((r) => r.event_id))]
    const events = new Map<number, EventRecord & { bodies: StoredBody[] }>()
    for (const event of deps.reads.events(eventIds)) events.set(event.id, { ...event, bodies: [] })
    for (const body of deps.reads.bodies(eventIds)) events.get(body.event_id)?.bodies.push(body)
    yield { deliveries: rows, attempts, events }
  }
}

/** The webhooks the filter's deliveries went to, in id order (a first pass reading ids only). */
export async function involvedWebhooks(deps: ExportSourceDeps, filter: LogFilter, lastId: number): Promise<number[]> {
  const ids = new Set<number>()
  for await (const rows of deliveryPages({ ...deps, pageSize: 5000 }, filter, lastId)) for (const row of rows) ids.add(row.webhook_id)
  return [...ids].sort((a, b) => a - b)
}

/** Which ids were already written: one bit per id, so a million events cost 125 KB. */
export class IdSet {
  private bits = new Uint8Array(1024)

  has(id: number): boolean {
    const byte = Math.floor(id / 8)
    return byte < this.bits.length && (this.bits[byte] & (1 << id % 8)) !== 0
  }

  add(id: number): void {
    const byte = Math.floor(id / 8)
    if (byte >= this.bits.length) {
      const grown = new Uint8Array(Math.max(byte + 1, this.bits.length * 2))
      grown.set(this.bits)
      this.bits = grown
    }
    this.bits[byte] |= 1 << id % 8
  }
}
