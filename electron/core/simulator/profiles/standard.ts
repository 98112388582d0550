import { isoUtc, momentOf } from '../clock'
import { streamFor } from '../rng'
import type { Generated, GenContext, ProfileDefinition } from '../types'
import { pingPayload } from './common'

/**
 * Standard Webhooks: `{"type", "timestamp", "data"}` for any user-defined type. The data is
 * a small object about the type's resource (`invoice.paid` → an `invoice`), its id drawn
 * from the seed so a burst does not repeat one body.
 */
function standardEvent(ctx: GenContext): Generated {
  const resource = ctx.topic.split(/[./:]/)[0].toLowerCase().replace(/[^a-z0-9_]/g, '_') || 'object'
  const rng = streamFor(ctx.seed, `standard:${ctx.topic}`)
  const ms = momentOf(ctx.seed)
  return {
    root: 'event',
    data: {
      type: ctx.topic,
      timestamp: isoUtc(ms),
      data: { id: `${resource}_${rng.chars(22)}`, object: resource, status: rng.pick(['active', 'pending', 'completed']), created_at: isoUtc(ms) },
    },
  }
}

export const standard: ProfileDefinition = {
  generators: { ping: (ctx) => pingPayload(ctx, isoUtc) },
  fallback: (ctx) => (/^[A-Za-z0-9_-]+([./:][A-Za-z0-9_-]+)*$/.test(ctx.topic) ? standardEvent(ctx) : undefined),
  headers: () => ({}),
}
