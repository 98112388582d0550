import { readWrapped } from './body'
import type { AdminContext, Reply } from './context'
import { badRequest } from './errors'
import { LOG_FILTER_PARAMS, logFilterOf } from './log-filter'
import { listPage } from './pagination'

/**
 * `/admin/deliveries…`, `/admin/events.json` and a webhook's ping and test (issue 8
 * item 8, issue 7 item 4). Same conventions as webhooks: wrapped answers, keyset
 * `page_info` in the Link header, `limit` up to 250, 400 naming a bad parameter. The
 * lists take the event log's filter (issue 9 item 4, log-filter.ts).
 */

const KNOWN_LIST_PARAMS: readonly string[] = ['limit', 'since_id', 'page_info', ...LOG_FILTER_PARAMS]

export async function listDeliveries(ctx: AdminContext): Promise<Reply> {
  const params = ctx.url.searchParams
  for (const name of params.keys()) if (!KNOWN_LIST_PARAMS.includes(name)) throw badRequest(name, 'is not a parameter of deliveries.json')
  const filter = logFilterOf(params)
  // The Link header's cursors carry the filter on, as the caller wrote it.
  const keep = new URLSearchParams()
  for (const name of LOG_FILTER_PARAMS) if (params.has(name)) keep.set(name, params.get(name)!)
  const fetch = async (dir: 'gt' | 'lt', id: number, limit: number) => {
    const page = await ctx.core.invoke('deliveries.page', { ...filter, dir, id, limit }, ctx.call)
    return { items: page.deliveries, has_more: page.has_more }
  }
  const page = await listPage(fetch, params, `http://${ctx.req.headers.host}${ctx.url.pathname}`, keep)
  return { body: { deliveries: page.items }, headers: page.link ? { Link: page.link } : {} }
}

export async function countDeliveries(ctx: AdminContext): Promise<Reply> {
  const params = ctx.url.searchParams
  for (const name of params.keys()) if (!(LOG_FILTER_PARAMS as readonly string[]).includes(name)) throw badRequest(name, 'is not a parameter of deliveries/count.json')
  return { body: await ctx.core.invoke('deliveries.count', logFilterOf(params), ctx.call) }
}

export async function getDelivery(ctx: AdminContext): Promise<Reply> {
  return { body: { delivery: await ctx.core.invoke('deliveries.get', { id: ctx.id }, ctx.call) } }
}

export async function retryDelivery(ctx: AdminContext): Promise<Reply> {
  return { body: { delivery: await ctx.core.invoke('deliveries.retry', { id: ctx.id }, ctx.call) } }
}

export async function cancelDelivery(ctx: AdminContext): Promise<Reply> {
  return { body: { delivery: await ctx.core.invoke('deliveries.cancel', { id: ctx.id }, ctx.call) } }
}

/**
 * POST /admin/events.json `{"event": {topic, profile?, payload?, webhook_ids?, seed?, count?, rate?}}`:
 * one event answers 200 once its rows are committed; `count` > 1 starts a burst, 202.
 */
export async function fireEvent(ctx: AdminContext): Promise<Reply> {
  const attrs = await readWrapped(ctx.req, 'event')
  if (Object.hasOwn(attrs, 'count') && attrs.count !== 1) {
    return { status: 202, body: { burst: await ctx.core.invoke('bursts.start', attrs, ctx.call) } }
  }
  const single = Object.assign(Object.create(null) as Record<string, unknown>, attrs)
  delete single.count
  delete single.rate
  return { body: { event: await ctx.core.invoke('events.fire', single, ctx.call) } }
}

export async function getBurst(ctx: AdminContext): Promise<Reply> {
  return { body: { burst: await ctx.core.invoke('bursts.get', { id: ctx.id }, ctx.call) } }
}

export async function cancelBurst(ctx: AdminContext): Promise<Reply> {
  return { body: { burst: await ctx.core.invoke('bursts.cancel', { id: ctx.id }, ctx.call) } }
}

/** Answers once the first attempt has finished (SPEC §8 "Admin API details"). */
export async function pingWebhook(ctx: AdminContext): Promise<Reply> {
  return { body: { delivery: await ctx.core.invoke('webhooks.ping', { id: ctx.id }, ctx.call) } }
}

export async function testWebhook(ctx: AdminContext): Promise<Reply> {
  const attrs = await readWrapped(ctx.req, 'test')
  return { body: { delivery: await ctx.core.invoke('webhooks.test', { ...attrs, id: ctx.id }, ctx.call) } }
}
