import { fieldsFromZod, procedures, type Webhook } from '../../core/contract'
import { checkBodyId, presentWebhook, resolveEchoes, withoutReadOnly, type Sentences } from './attributes'
import { readWrapped } from './body'
import type { AdminContext, Reply } from './context'
import { AdminError, forbidden, sentencesOf } from './errors'

import { listPage } from './pagination'
import { fieldsOf, flagOf, refuseUnsupportedFilters, statusOf } from './query'

/**
 * `/admin/webhooks…`: Sapo's webhook resource (seed 003). Writes go through
 * core.invoke, the same validated path the UI takes; reads use the service directly
 * because cursor pages and counts are not contract procedures.
 */

/** `include_secret=true` is an admin's request; a read token asking for it is refused, not quietly ignored. */
function revealRequested(ctx: AdminContext): boolean {
  const asked = flagOf(ctx.url.searchParams, 'include_secret')
  if (asked && ctx.role !== 'admin') throw forbidden('[API] A read token never sees secrets; include_secret needs an admin token')
  return asked
}

/**
 * Problems only the API can see (a redacted placeholder sent back, a body id that is
 * not the path's) are refused together with what the contract's schema finds, so one
 * 422 names every bad attribute. Otherwise core.invoke validates (and names) alone.
 */
function refuseApiErrors(apiErrors: Sentences, name: 'webhooks.create' | 'webhooks.update', input: object): void {
  if (Object.keys(apiErrors).length === 0) return
  const errors: Sentences = { ...apiErrors }
  const parsed = procedures[name].input.safeParse(input)
  if (!parsed.success) {
    for (const [field, list] of Object.entries(sentencesOf(fieldsFromZod(parsed.error, input)))) errors[field] = [...new Set([...(errors[field] ?? []), ...list])]
  }
  throw new AdminError(422, errors)
}

export async function listWebhooks(ctx: AdminContext): Promise<Reply> {
  const params = ctx.url.searchParams
  refuseUnsupportedFilters(params)
  const reveal = revealRequested(ctx)
  const fields = fieldsOf(params)
  const keep = new URLSearchParams()
  for (const name of ['fields', 'include_secret']) if (params.has(name)) keep.set(name, params.get(name)!)
  const linkBase = `http://${ctx.req.headers.host}${ctx.url.pathname}`
  const page = listPage(ctx.core.webhooks, params, reveal, linkBase, keep)
  return {
    body: { webhooks: page.webhooks.map((w) => presentWebhook(w, { secret: reveal, fields })) },
    headers: page.link ? { Link: page.link } : {},
  }
}

export async function countWebhooks(ctx: AdminContext): Promise<Reply> {
  return { body: { count: ctx.core.webhooks.count(statusOf(ctx.url.searchParams)) } }
}

export async function getWebhook(ctx: AdminContext): Promise<Reply> {
  const reveal = revealRequested(ctx)
  const webhook = (await ctx.core.invoke('webhooks.get', { id: ctx.id, include_secret: reveal }, ctx.call)) as Webhook
  return { body: { webhook: presentWebhook(webhook, { secret: reveal, fields: fieldsOf(ctx.url.searchParams) }) } }
}

/** POST answers 200 with the new webhook, secret included (the caller is admin and just set or got it). */
export async function createWebhook(ctx: AdminContext): Promise<Reply> {
  const body = await readWrapped(ctx.req, 'webhook')
  const echoes = resolveEchoes(withoutReadOnly(body), null)
  // `ping: true` is accepted here and passed on; sending pings arrives with the delivery engine.
  refuseApiErrors(echoes.errors, 'webhooks.create', echoes.attrs)
  const created = (await ctx.core.invoke('webhooks.create', echoes.attrs, ctx.call)) as Webhook
  return { body: { webhook: presentWebhook(created, { secret: true }) } }
}

/** PUT changes only what it names; an empty change (only echoed read-only attributes) changes nothing. */
export async function updateWebhook(ctx: AdminContext): Promise<Reply> {
  const body = await readWrapped(ctx.req, 'webhook')
  const current = ctx.core.webhooks.get(ctx.id, true)
  const echoes = resolveEchoes(withoutReadOnly(body), current)
  const apiErrors = { ...checkBodyId(body, ctx.id), ...echoes.errors }
  if (Object.keys(echoes.attrs).length === 0 && Object.keys(apiErrors).length === 0) return { body: { webhook: presentWebhook(current, { secret: true }) } }
  const input = { ...echoes.attrs, id: ctx.id }
  refuseApiErrors(apiErrors, 'webhooks.update', input)
  const updated = (await ctx.core.invoke('webhooks.update', input, ctx.call)) as Webhook
  return { body: { webhook: presentWebhook(updated, { secret: true }) } }
}

/** DELETE answers 200 `{}` (SPEC §8). */
export async function deleteWebhook(ctx: AdminContext): Promise<Reply> {
  await ctx.core.invoke('webhooks.delete', { id: ctx.id }, ctx.call)
  return { body: {} }
}
