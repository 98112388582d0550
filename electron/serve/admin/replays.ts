import { nullObject, readWrapped, type Attributes } from './body'
import type { AdminContext, Reply } from './context'
import { AdminError, badRequest } from './errors'

/**
 * Replay over the Admin API (issue 9 item 4, SPEC §8): one delivery, as it was or edited,
 * or a dry run; bulk replay of a log filter as a stored job with progress and cancel, like
 * bursts; and copy as cURL. Bodies are copied into null-prototype objects; the core's
 * schemas refuse unknown attributes by name.
 */

/** The body's attributes with the path's id; an id in the body is not an attribute of a replay. */
function withPathId(attrs: Attributes, id: number): Attributes {
  if (Object.hasOwn(attrs, 'id')) throw new AdminError(422, { id: ['is not a known attribute (the delivery is the one in the URL)'] })
  const input = nullObject()
  for (const name of Object.keys(attrs)) input[name] = attrs[name]
  input.id = id
  return input
}

/**
 * POST /admin/deliveries/{id}/replay.json `{"replay": {address?, payload?, headers?, dry_run?, webhook_id?}}`:
 * a dry run answers 200 `{"request": …}` and stores nothing; otherwise 200 `{"delivery": …}`,
 * the new delivery as stored (its first attempt may not have happened yet).
 */
export async function replayDelivery(ctx: AdminContext): Promise<Reply> {
  const attrs = await readWrapped(ctx.req, 'replay')
  const answer = await ctx.core.invoke('deliveries.replay', withPathId(attrs, ctx.id), ctx.call)
  return answer.delivery === null ? { body: { request: answer.request } } : { body: { delivery: answer.delivery } }
}

/** POST /admin/replays.json `{"replay": {filter, address?, webhook_id?}}`: 202 with the job. */
export async function startReplayJob(ctx: AdminContext): Promise<Reply> {
  const attrs = await readWrapped(ctx.req, 'replay')
  const input = nullObject()
  for (const name of Object.keys(attrs)) input[name] = attrs[name]
  return { status: 202, body: { replay: await ctx.core.invoke('replays.start', input, ctx.call) } }
}

export async function getReplayJob(ctx: AdminContext): Promise<Reply> {
  return { body: { replay: await ctx.core.invoke('replays.get', { id: ctx.id }, ctx.call) } }
}

export async function cancelReplayJob(ctx: AdminContext): Promise<Reply> {
  return { body: { replay: await ctx.core.invoke('replays.cancel', { id: ctx.id }, ctx.call) } }
}

/** GET /admin/deliveries/{id}/curl.json[?attempt=n]: `{"command": "curl …"}`, credentials redacted for a read token. */
export async function curlOfDelivery(ctx: AdminContext): Promise<Reply> {
  const params = ctx.url.searchParams
  for (const name of params.keys()) if (name !== 'attempt') throw badRequest(name, 'is not a parameter of curl.json')
  const raw = params.get('attempt')
  if (raw !== null && !/^[1-9]\d{0,5}$/.test(raw.trim())) throw badRequest('attempt', 'must be a whole number from 1 (an attempt of the delivery)')
  const input = raw === null ? { id: ctx.id } : { id: ctx.id, attempt: Number(raw.trim()) }
  return { body: await ctx.core.invoke('deliveries.curl', input, ctx.call) }
}
