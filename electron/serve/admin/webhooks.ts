import { checkBodyId, presentWebhook, withoutReadOnly, withoutStatusEcho, type Sentences } from './attributes'
import { readWrapped } from './body'
import type { AdminContext, Reply } from './context'
import { AdminError, sentencesOf } from './errors'
import { listPage } from './pagination'
import { fieldsOf, flagOf, refuseUnsupportedFilters, statusOf } from './query'

/**
 * `/admin/webhooks…`: Sapo's webhook resource (seed 003). Every call goes through
 * core.invoke, the same validated path the UI takes; this file only maps Sapo's
 * shapes (wrapping, query parameters, cursor links) onto the contract.
 */

/**
 * A body id that is not the path's is a problem only the API can see; it is refused
 * together with what the contract's schema finds, so one 422 names every bad attribute.
 */
async function refuseApiErrors(ctx: AdminContext, apiErrors: Sentences, attributes: object): Promise<void> {
  if (Object.keys(apiErrors).length === 0) return
  const errors: Sentences = { ...apiErrors }
  const { fields } = await ctx.core.invoke('webhooks.validate', { id: ctx.id, attributes }, ctx.call)
  for (const [field, list] of Object.entries(sentencesOf(fields))) {
    errors[field] = [...new Set([...(Object.hasOwn(errors, field) ? errors[field] : []), ...list])]
  }
  throw new AdminError(422, errors)
}

export async function listWebhooks(ctx: AdminContext): Promise<Reply> {
  const params = ctx.url.searchParams
  refuseUnsupportedFilters(params)
  const reveal = flagOf(params, 'include_secret')
  const fields = fieldsOf(params)
  const keep = new URLSearchParams()
  for (const name of ['fields', 'include_secret']) if (params.has(name)) keep.set(name, params.get(name)!)
  const linkBase = `http://${ctx.req.headers.host}${ctx.url.pathname}`
  const fetch = async (dir: 'gt' | 'lt', id: number, limit: number) => {
    const page = await ctx.core.invoke('webhooks.page', { dir, id, limit, include_secret: reveal }, ctx.call)
    return { items: page.webhooks, has_more: page.has_more }
  }
  const page = await listPage(fetch, params, linkBase, keep)
  return {
    body: { webhooks: page.items.map((w) => presentWebhook(w, { secret: reveal, fields })) },
    headers: page.link ? { Link: page.link } : {},
  }
}

export async function countWebhooks(ctx: AdminContext): Promise<Reply> {
  return { body: await ctx.core.invoke('webhooks.count', { status: statusOf(ctx.url.searchParams) }, ctx.call) }
}

export async function getWebhook(ctx: AdminContext): Promise<Reply> {
  const reveal = flagOf(ctx.url.searchParams, 'include_secret')
  const fields = fieldsOf(ctx.url.searchParams)
  const webhook = await ctx.core.invoke('webhooks.get', { id: ctx.id, include_secret: reveal }, ctx.call)
  return { body: { webhook: presentWebhook(webhook, { secret: reveal, fields }) } }
}

/** POST answers 200 with the new webhook, secret included (the caller is admin and just set or got it). */
export async function createWebhook(ctx: AdminContext): Promise<Reply> {
  const body = await readWrapped(ctx.req, 'webhook')
  // `ping: true` is passed on: Sapo's API does not ping, so only a caller who asks gets one (SPEC §8).
  const created = await ctx.core.invoke('webhooks.create', withoutReadOnly(body), ctx.call)
  return { body: { webhook: presentWebhook(created, { secret: true }) } }
}

/** PUT changes only what it names; an empty change (only echoed read-only attributes) changes nothing. */
export async function updateWebhook(ctx: AdminContext): Promise<Reply> {
  const body = await readWrapped(ctx.req, 'webhook')
  const current = await ctx.core.invoke('webhooks.get', { id: ctx.id, include_secret: true }, ctx.call)
  const attrs = withoutStatusEcho(withoutReadOnly(body), current.status)
  const apiErrors = checkBodyId(body, ctx.id)
  if (Object.keys(attrs).length === 0 && Object.keys(apiErrors).length === 0) return { body: { webhook: presentWebhook(current, { secret: true }) } }
  await refuseApiErrors(ctx, apiErrors, attrs)
  attrs.id = ctx.id
  const updated = await ctx.core.invoke('webhooks.update', attrs, ctx.call)
  return { body: { webhook: presentWebhook(updated, { secret: true }) } }
}

/** DELETE answers 200 `{}` (SPEC §8). */
export async function deleteWebhook(ctx: AdminContext): Promise<Reply> {
  await ctx.core.invoke('webhooks.delete', { id: ctx.id }, ctx.call)
  return { body: {} }
}
