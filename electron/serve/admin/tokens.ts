import { readWrapped } from './body'
import type { AdminContext, Reply } from './context'

/**
 * `/admin/tokens…`: managing Admin API tokens (admin only; the core refuses a read
 * token too). A token's value appears once, in the POST's answer: it is stored hashed.
 */

export async function listTokens(ctx: AdminContext): Promise<Reply> {
  return { body: await ctx.core.invoke('tokens.list', {}, ctx.call) }
}

export async function createToken(ctx: AdminContext): Promise<Reply> {
  const attrs = await readWrapped(ctx.req, 'token')
  return { body: { token: await ctx.core.invoke('tokens.create', attrs, ctx.call) } }
}

export async function deleteToken(ctx: AdminContext): Promise<Reply> {
  await ctx.core.invoke('tokens.delete', { id: ctx.id }, ctx.call)
  return { body: {} }
}
