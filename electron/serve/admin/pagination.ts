import { badRequest } from './errors'
import { limitOf, sinceIdOf } from './query'

/**
 * Cursor pagination in Shopify's convention: the answer's `Link` header carries
 * `page_info` cursors for `rel="next"` / `rel="previous"`. A cursor says which way
 * the listing runs (newest first by default, oldest first after `since_id`) and the
 * id to continue from, so pages stay stable while webhooks are added or removed.
 */
type Order = 'asc' | 'desc'
/** `lt`: ids below `id` (read newest first); `gt`: ids above `id` (read oldest first). */
type Direction = 'lt' | 'gt'
interface Cursor {
  order: Order
  dir: Direction
  id: number
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify({ o: cursor.order, d: cursor.dir, i: cursor.id })).toString('base64url')
}

/** page_info is opaque to clients; anything we did not make is refused, never guessed at. */
export function decodeCursor(pageInfo: string): Cursor {
  const invalid = () => badRequest('page_info', 'is invalid (use the Link header of the previous answer as it is)')
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(pageInfo)) throw invalid()
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(pageInfo, 'base64url').toString('utf8'))
  } catch {
    throw invalid()
  }
  const { o, d, i } = (parsed ?? {}) as { o?: unknown; d?: unknown; i?: unknown }
  if ((o !== 'asc' && o !== 'desc') || (d !== 'lt' && d !== 'gt') || !Number.isSafeInteger(i) || (i as number) < 0) throw invalid()
  return { order: o, dir: d, id: i as number }
}

const forwardOf = (order: Order): Direction => (order === 'desc' ? 'lt' : 'gt')
const backwardOf = (order: Order): Direction => (order === 'desc' ? 'gt' : 'lt')

export interface Page<T> {
  items: T[]
  /** The `Link` header value, or null when there is no other page. */
  link: string | null
}

/** One keyset page from a contract procedure (`webhooks.page`, `deliveries.page` …). */
export type FetchPage<T> = (dir: Direction, id: number, limit: number) => Promise<{ items: T[]; has_more: boolean }>

/**
 * One page of a list, through a contract keyset procedure. `linkBase` is the list's own
 * URL (scheme, Host, path) and `keep` the parameters that every page repeats (limit,
 * fields, include_secret, filters).
 */
export async function listPage<T extends { id: number }>(fetch: FetchPage<T>, params: URLSearchParams, linkBase: string, keep: URLSearchParams): Promise<Page<T>> {
  const limit = limitOf(params)
  const sinceId = sinceIdOf(params)
  const pageInfo = params.get('page_info')
  if (pageInfo !== null && sinceId !== undefined) throw badRequest('page_info', 'cannot be combined with since_id (the cursor already knows where to continue)')

  const cursor: Cursor =
    pageInfo !== null
      ? decodeCursor(pageInfo)
      : sinceId !== undefined
        ? { order: 'asc', dir: 'gt', id: sinceId }
        : { order: 'desc', dir: 'lt', id: Number.MAX_SAFE_INTEGER }

  const { items, has_more: moreAhead } = await fetch(cursor.dir, cursor.id, limit)
  // `gt` reads ascending and `lt` descending; a backward page is read the other way round.
  if ((cursor.dir === 'gt') !== (cursor.order === 'asc')) items.reverse()
  if (items.length === 0) return { items, link: null }

  const first = items[0].id
  const last = items[items.length - 1].id
  const forward = cursor.dir === forwardOf(cursor.order)
  const exists = async (dir: Direction, id: number) => (await fetch(dir, id, 1)).items.length > 0
  const hasNext = forward ? moreAhead : await exists(forwardOf(cursor.order), last)
  // Like Shopify, the first page (no page_info) offers no previous page.
  const hasPrevious = forward ? pageInfo !== null && (await exists(backwardOf(cursor.order), first)) : moreAhead

  const link = (c: Cursor, rel: string) => {
    const query = new URLSearchParams({ limit: String(limit), page_info: encodeCursor(c) })
    for (const [name, value] of keep) query.set(name, value)
    return `<${linkBase}?${query.toString()}>; rel="${rel}"`
  }
  const links: string[] = []
  if (hasPrevious) links.push(link({ order: cursor.order, dir: backwardOf(cursor.order), id: first }, 'previous'))
  if (hasNext) links.push(link({ order: cursor.order, dir: forwardOf(cursor.order), id: last }, 'next'))
  return { items, link: links.length > 0 ? links.join(', ') : null }
}
